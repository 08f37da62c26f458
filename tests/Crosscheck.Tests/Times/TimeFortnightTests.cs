using Crosscheck.Evaluation.Times;
using FluentAssertions;

namespace Crosscheck.Tests.Times;

/// <summary>"a fortnight later", "the past fortnight": two weeks. Invented sentences, published on Monday 2024-12-16.</summary>
public class TimeFortnightTests
{
    [Theory]
    [InlineData("The talks resumed a fortnight later.", "a fortnight", "P2W")]
    [InlineData("Prices fell two fortnights ago.", "two fortnights ago", "2024-W47")]
    [InlineData("He was jailed for a fortnight.", "a fortnight", "P2W")]
    [InlineData("Cases rose over the past fortnight.", "the past fortnight", "P2W")]
    [InlineData("Voters decide in the next fortnight.", "the next fortnight", "P2W")]
    public void ReadsAFortnightAsTwoWeeks(string text, string span, string value) =>
        TimesOf.Read(text).Should().Equal((span, value));

    [Theory]
    [InlineData("I'm busy this fortnight.")]
    [InlineData("The fortnightly magazine closed.")]
    public void LeavesAFortnightNoCalendarUnitHoldsAlone(string text) => TimesOf.Read(text).Should().BeEmpty();

    [Fact]
    public void LeavesAWeekAWeek() => TimesOf.Read("The talks resumed a week later.").Should().Equal(("a week", "P1W"));

    [Fact]
    public void ScoresAFortnightShiftAtItsWeek()
    {
        DateTimeSpecEvaluation.AtTheShiftsGranularity("2021-W22", "2021-06-03", "a fortnight later").Should().BeTrue();
        DateTimeSpecEvaluation.AtTheShiftsGranularity("2021-W21", "2021-06-03", "a fortnight later").Should().BeFalse();
    }
}

/// <summary>"in the daytime" (TIMEX3's DT) and the informal "tonite". Published on Monday 2024-12-16.</summary>
public class TimeDaytimeTests
{
    [Theory]
    [InlineData("Shelling eased in the daytime.", "the daytime", "2024-12-16TDT")]
    [InlineData("Crowds gather tonite.", "tonite", "2024-12-16TNI")]
    public void ReadsTheDaytimeAndTonite(string text, string span, string value) =>
        TimesOf.Read(text).Should().Equal((span, value));

    [Fact]
    public void LeavesDaytimeBeforeANounAlone() => TimesOf.Read("The daytime television ratings fell.").Should().BeEmpty();
}
