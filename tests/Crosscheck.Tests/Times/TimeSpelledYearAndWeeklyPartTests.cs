using FluentAssertions;

namespace Crosscheck.Tests.Times;

/// <summary>
/// Dates whose year is said in words ("January twenty five nineteen eighty six", "6 April seventeen hundred thirty
/// three") and the part of every such weekday ("on Tuesday nights", a set). Invented sentences, published 2024-12-16.
/// </summary>
public class TimeSpelledYearAndWeeklyPartTests
{
    private static void Expect(string text, params string[] expected)
    {
        var pairs = new List<(string, string)>();
        for (int i = 0; i + 1 < expected.Length; i += 2) pairs.Add((expected[i], expected[i + 1]));
        TimesOf.Read(text).Should().Equal(pairs);
    }

    [Theory]
    [InlineData("She was born on January twenty five nineteen eighty six.", "January twenty five nineteen eighty six", "1986-01-25")]
    [InlineData("They landed 13 Sept nineteen seventy two.", "13 Sept nineteen seventy two", "1972-09-13")]
    [InlineData("The ship sailed on 6 April seventeen hundred thirty three.", "6 April seventeen hundred thirty three", "1733-04-06")]
    [InlineData("The bridge opened in August nineteen hundred and ninety-three.", "August nineteen hundred and ninety-three", "1993-08")]
    [InlineData("The treaty ends on January first two thousand and thirty two.", "January first two thousand and thirty two", "2032-01-01")]
    public void ReadsAYearSaidInWordsAfterADate(string text, params string[] expected) => Expect(text, expected);

    [Theory]
    [InlineData("In May twenty nine soldiers were hurt.")]
    [InlineData("By May nineteen hundred people had fled.")]
    [InlineData("On 6 April seventeen hundred people marched.")]
    public void LeavesACountInWordsAfterAMonthAlone(string text) => TimesOf.Read(text).Should().NotContain(t => t.Value.StartsWith('1'));

    [Theory]
    [InlineData("The market opens on Tuesday nights.", "Tuesday nights", "XXXX-WXX-2TNI")]
    [InlineData("She teaches Friday mornings.", "Friday mornings", "XXXX-WXX-5TMO")]
    public void ReadsThePartOfEverySuchWeekdayAsASet(string text, params string[] expected) => Expect(text, expected);

    [Fact]
    public void LeavesASingleWeekdayPartAsThatDay() =>
        Expect("The market opened on Tuesday night.", "Tuesday night", "2024-12-10TNI");
}
