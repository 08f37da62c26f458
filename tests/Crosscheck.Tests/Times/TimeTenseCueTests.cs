using FluentAssertions;

namespace Crosscheck.Tests.Times;

/// <summary>
/// Tense cues the year or week of a date depends on, published Monday 2024-12-16: casualty verbs heard as past verbs,
/// an infinitive of intent before a weekday with a part of day or a clock, a state abbreviation's period; and the end of
/// the year after a preposition ("by year-end").
/// </summary>
public class TimeTenseCueTests
{
    [Theory]
    // "killed", "died", "wounded" are casualty words for the quantity reader and still past verbs.
    [InlineData("In March, a car bomb killed two guards at the depot.", "March", "2024-03")]
    [InlineData("Two firefighters died in March when the roof fell in.", "March", "2024-03")]
    [InlineData("A sniper wounded three people near the market in March.", "March", "2024-03")]
    public void HearsACasualtyVerbAsPast(string text, string span, string value) =>
        TimesOf.Read(text).Should().Contain((span, value));

    [Theory]
    // A participle after "will be" stays future, and a casualty noun is no verb.
    [InlineData("Aid groups fear more people will be killed in March.", "March", "2025-03")]
    [InlineData("The death toll may rise in March, officials say.", "March", "2025-03")]
    public void LeavesCasualtyWordsThatAreNoPastVerbAlone(string text, string span, string value) =>
        TimesOf.Read(text).Should().Contain((span, value));

    [Theory]
    // An infinitive of intent points a weekday ahead when a part of day or a clock goes with it, as it does a bare weekday.
    [InlineData("Officials plan to question the driver on Thursday morning.", "Thursday morning", "2024-12-19TMO")]
    [InlineData("The convoy was scheduled to leave at 9 a.m. Wednesday.", "9 a.m. Wednesday", "2024-12-18T09:00")]
    public void PointsAWeekdayWithAPartOfDayAheadAfterAnInfinitiveOfIntent(string text, string span, string value) =>
        TimesOf.Read(text).Should().Contain((span, value));

    [Theory]
    [InlineData("Officials questioned the driver on Thursday morning.", "Thursday morning", "2024-12-12TMO")]
    [InlineData("The convoy left at 9 a.m. Wednesday.", "9 a.m. Wednesday", "2024-12-11T09:00")]
    public void KeepsAWeekdayWithAPartOfDayInThePastWithoutOne(string text, string span, string value) =>
        TimesOf.Read(text).Should().Contain((span, value));

    [Theory]
    // The period of "Tex.," ends no sentence, so the verb after it still sets the month's year.
    [InlineData("In March, a flood in Dalby, Tex., destroyed two bridges.", "March", "2024-03")]
    public void ReadsTheVerbPastAStateAbbreviation(string text, string span, string value) =>
        TimesOf.Read(text).Should().Contain((span, value));

    [Theory]
    // "year-end", "year end", "year's end" after a preposition: the end of this year, of the last one after "since".
    [InlineData("The lender expects to close the sale by year-end.", "year-end", "2024")]
    [InlineData("The new rules should be in force by year's end, the regulator said.", "year's end", "2024")]
    [InlineData("The index has gained 8% since year end.", "year end", "2023")]
    public void ReadsTheEndOfTheYearAfterAPreposition(string text, string span, string value) =>
        TimesOf.Read(text).Should().Contain((span, value));

    [Theory]
    // A noun after it makes it a modifier ("year-end results"), and without a preposition it names nothing.
    [InlineData("The bank posted its year-end results on a quiet day.")]
    [InlineData("Analysts expect strong sales by year-end bonus season.")]
    [InlineData("Year-end is a busy time for accountants.")]
    public void LeavesYearEndAsAModifierAlone(string text) =>
        TimesOf.Read(text).Should().NotContain(t => t.Text.Contains("end", StringComparison.OrdinalIgnoreCase));
}
