using FluentAssertions;

namespace Crosscheck.Tests.Times;

/// <summary>
/// European dotted dates ("23.04.2022") and a clock inside a modified part of a named day ("Sunday early morning at
/// 8:00"). Invented sentences, published on Monday 2024-12-16.
/// </summary>
public class TimeDottedDateAndPartClockTests
{
    private static void Expect(string text, params string[] expected)
    {
        var pairs = new List<(string, string)>();
        for (int i = 0; i + 1 < expected.Length; i += 2) pairs.Add((expected[i], expected[i + 1]));
        TimesOf.Read(text).Should().Equal(pairs);
    }

    [Theory]
    [InlineData("The vote was held on 23.04.2022 in Lyon.", "23.04.2022", "2022-04-23")]
    [InlineData("Polls closed on 5.06.2022 14:55 local time.", "5.06.2022 14:55", "2022-06-05T14:55")]
    [InlineData("The decree took effect at 09:30 on 01.03.2021.", "09:30 on 01.03.2021", "2021-03-01T09:30")]
    public void ReadsADottedDateDayFirst(string text, params string[] expected) => Expect(text, expected);

    [Theory]
    [InlineData("Turnout rose to 1.250.000 voters.")]
    [InlineData("The patch 2.10.2 was released.")]
    [InlineData("Scores were 31.13.2020 in the table.")]
    public void LeavesGroupedNumbersAndVersionsAlone(string text) => TimesOf.Read(text).Should().NotContain(t => t.Value.Length == 10);

    [Theory]
    [InlineData("The march starts on Sunday early morning at 8:00.", "Sunday early morning at 8:00", "2024-12-15T08:00")]
    [InlineData("Fireworks begin on Saturday late evening at 10:00.", "Saturday late evening at 10:00", "2024-12-14T22:00")]
    public void PutsAClockInAModifiedPartOfANamedDay(string text, params string[] expected) => Expect(text, expected);

    [Fact]
    public void LeavesAPriceAfterAModifiedPartOfTheDayAlone() =>
        TimesOf.Read("Early morning trading at 8.30 euros was thin.").Should().NotContain(t => t.Value.Contains("T08"));
}
