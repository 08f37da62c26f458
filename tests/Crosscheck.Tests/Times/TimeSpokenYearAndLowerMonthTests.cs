using FluentAssertions;

namespace Crosscheck.Tests.Times;

/// <summary>
/// A spoken year with its units as a word of its own ("nineteen ninety six"), and a month in lower case after a day
/// number and a time preposition ("on 5 june", "from 2 july to 10 july"). Published 2024-12-16.
/// </summary>
public class TimeSpokenYearAndLowerMonthTests
{
    [Theory]
    [InlineData("The plant closed in nineteen ninety six.", "nineteen ninety six", "1996")]
    [InlineData("She was elected in nineteen eighty four and again later.", "nineteen eighty four", "1984")]
    public void ReadsTheUnitsOfASpokenYear(string text, string span, string value) =>
        TimesOf.Read(text).Should().Contain((span, value));

    [Theory]
    // A count of a unit after the tens is its own duration.
    [InlineData("In nineteen ninety one day changed everything.", "1990")]
    [InlineData("In nineteen ninety two weeks of talks began.", "1990")]
    public void LeavesACountBeforeAUnitAlone(string text, string year) =>
        TimesOf.Read(text).Select(t => t.Value).Should().Contain(year);

    [Theory]
    [InlineData("The ministers met on 5 june.", "5 june", "2024-06-05")]
    [InlineData("The festival will return on 28 june in 2025.", "28 june in 2025", "2025-06-28")]
    public void ReadsALowerCaseMonthAfterADay(string text, string span, string value) =>
        TimesOf.Read(text).Should().Contain((span, value));

    [Fact]
    public void ReadsBothEndsOfALowerCaseRange() =>
        TimesOf.Read("The road is shut from 2 july to 10 july.").Select(t => t.Text).Should().Equal("2 july", "10 july");

    [Theory]
    [InlineData("The vote on 2 may be delayed.")]
    [InlineData("The team of 11 june graduates left.")]
    [InlineData("Prices rose by 5 june contracts.")]
    [InlineData("Supporters will march on 3 march routes.")]
    public void LeavesLowerCaseMonthWordsAfterCountsAlone(string text) =>
        TimesOf.Read(text).Should().BeEmpty();
}
