using FluentAssertions;

namespace Crosscheck.Tests.Times;

/// <summary>"by end of year", "end of month": a modifier's unit without "the" is the current unit with its mod. Published 2024-12-16.</summary>
public class TimeEndOfUnitTests
{
    [Theory]
    [InlineData("The deal should close by end of year, the company said.", "end of year", "2024")]
    [InlineData("Payments resume at end of month.", "end of month", "2024-12")]
    [InlineData("The results are due by end of day.", "end of day", "2024-12-16")]
    public void ReadsTheUnitOfABareModifier(string text, string span, string value) =>
        TimesOf.Read(text).Should().Equal((span, value));

    [Theory]
    // The phrase before a noun names a kind of thing, not a time.
    [InlineData("The end of year exams were hard.")]
    [InlineData("End of day trading was thin.")]
    [InlineData("The end of week figures rose.")]
    public void LeavesTheModifierBeforeANounAlone(string text) =>
        TimesOf.Read(text).Should().BeEmpty();
}

/// <summary>"the 15th day of June": the formal spelling of "the 15th of June". Published 2024-12-16.</summary>
public class TimeDayOfMonthTests
{
    [Theory]
    [InlineData("The law takes effect on the first day of January.", "first day of January", "2025-01-01")]
    [InlineData("The treaty was signed on the 15th day of June.", "15th day of June", "2024-06-15")]
    // A compound ordinal is read whole, never as its units alone ("third day of September").
    [InlineData("Troops left on the twenty third day of September.", "twenty third day of September", "2024-09-23")]
    public void ReadsTheOrdinalDayOfAMonth(string text, string span, string value) =>
        TimesOf.Read(text).Should().Contain((span, value));

    [Theory]
    // The ordinal counts days of something else, or is the units of a spelled number.
    [InlineData("It was the 15th day of protests.")]
    [InlineData("On the third day of the strike, talks resumed.")]
    public void LeavesOtherDayCountsAlone(string text) =>
        TimesOf.Read(text).Should().NotContain(t => t.Value.Length == 10);
}
