using FluentAssertions;

namespace Crosscheck.Tests.Times;

/// <summary>
/// Clocks spoken in words ("seven thirty", "six pm", "eight o'clock") and an hour after "tonight around": each read only
/// with a cue, so prices and counts in words stay numbers. Invented sentences, published on Monday 2024-12-16.
/// </summary>
public class TimeSpokenClockTests
{
    private static void Expect(string text, params string[] expected)
    {
        var pairs = new List<(string, string)>();
        for (int i = 0; i + 1 < expected.Length; i += 2) pairs.Add((expected[i], expected[i + 1]));
        TimesOf.Read(text).Should().Equal(pairs);
    }

    [Theory]
    [InlineData("The ceremony starts at seven thirty.", "seven thirty", "2024-12-16T07:30")]
    [InlineData("The polls close at six forty-five tomorrow.", "six forty-five tomorrow", "2024-12-17T06:45")]
    [InlineData("The polls close at six forty five tomorrow.", "six forty five tomorrow", "2024-12-17T06:45")]
    [InlineData("The talks resume at five-thirty tomorrow evening.", "five-thirty tomorrow evening", "2024-12-17T17:30")]
    [InlineData("The vote was counted by six pm.", "six pm", "2024-12-16T18:00")]
    [InlineData("The clinic opens at eight o'clock.", "eight o'clock", "2024-12-16T08:00")]
    [InlineData("The clinic opens at 9 oclock.", "9 oclock", "2024-12-16T09:00")]
    public void ReadsASpokenClockWithItsCue(string text, params string[] expected) => Expect(text, expected);

    [Fact]
    public void ReadsBothEndsOfASpokenClockRange() =>
        Expect("The shift runs from three thirty to four thirty.", "three thirty", "2024-12-16T03:30", "four thirty", "2024-12-16T04:30");

    [Fact]
    public void PutsASpokenClockOnTheSpelledDayBeforeIt() =>
        Expect("The plane landed on January twenty fourth one forty p m.", "January twenty fourth one forty p m", "2024-01-24T13:40");

    [Theory]
    [InlineData("The march will end tonight around 9.", "tonight around 9", "2024-12-16T21:00")]
    [InlineData("The raid began tonight around 3.", "tonight around 3", "2024-12-16T03:00")]
    public void PutsAnHourAfterTonightAroundInTheNight(string text, params string[] expected) => Expect(text, expected);

    // Guards: a number in words after "at" is a price, "one am" a verb, a count with no cue is a count.
    [Theory]
    [InlineData("Tickets sold at seven fifty each.")]
    [InlineData("Which one am I supposed to believe?")]
    [InlineData("Police counted seven thirty people in the square.")]
    public void LeavesNumbersInWordsWithoutAClockCueAlone(string text) => TimesOf.Read(text).Should().BeEmpty();

    [Theory]
    [InlineData("Shares traded at one fifty on Monday.", "Monday", "2024-12-16")]
    [InlineData("The stock closed at seven twenty yesterday.", "yesterday", "2024-12-15")]
    public void LeavesAPriceInWordsAfterAtAlone(string text, params string[] expected) => Expect(text, expected);

    [Fact]
    public void LeavesASpelledCountBeforeAHyphenatedUnitToTheDuration() =>
        Expect("He bought seven thirty-day passes.", "thirty-day", "P30D");

    [Fact]
    public void LeavesACountAfterTonightAroundAlone() =>
        Expect("The crowd tonight around 9 people strong was calm.", "tonight", "2024-12-16TNI");
}
