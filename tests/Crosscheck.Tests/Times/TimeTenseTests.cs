using FluentAssertions;

namespace Crosscheck.Tests.Times;

/// <summary>
/// The tense that picks the year of a month or day written without one, published 2024-12-16: irregular past verbs,
/// words that only look past, a participle after "will be", and a mention that opens its clause taking the verb after it.
/// </summary>
public class TimeTenseTests
{
    [Theory]
    // An irregular past verb before the month makes it the last one.
    [InlineData("The minister met the strikers in March, and talks will resume.", "March", "2024-03")]
    [InlineData("In October the river rose over its banks and flooded the town.", "October", "2024-10")]
    // A month that opens the sentence takes the verb after it when the sentence mixes tenses.
    [InlineData("In March, a court in the capital sentenced two men, and the ministry will appeal.", "March", "2024-03")]
    // "will be named": the participle belongs to the future.
    [InlineData("The astronaut will be named commander of the station crew for a mission in August.", "August", "2025-08")]
    // "succeed" ends in -ed but is no past verb.
    [InlineData("Ms. Lee, 52, will succeed the chairman Feb. 1, the bank said.", "Feb. 1", "2025-02-01")]
    public void PicksTheYearByTheVerb(string text, string span, string value) =>
        TimesOf.Read(text).Should().Contain((span, value));

    [Theory]
    // Words ending in -ed that are no past verbs leave an unmarked sentence on the nearest month.
    [InlineData("Three hundred delegates attend the summit in March.", "March", "2025-03")]
    [InlineData("Police say the alleged plot targets a rally in March.", "March", "2025-03")]
    // A capitalised word inside the sentence is a name, not a verb.
    [InlineData("Envoy Mohammed Ahmed tours the north in March.", "March", "2025-03")]
    public void DoesNotReadPastIntoWordsThatOnlyLookPast(string text, string span, string value) =>
        TimesOf.Read(text).Should().Contain((span, value));

    [Theory]
    // Present-tense homographs are not on the past list: "set", "cut", "hit", "read", "left".
    [InlineData("Officials set the budget in March.", "March", "2025-03")]
    [InlineData("Lawmakers cut spending in March, aides say.", "March", "2025-03")]
    public void LeavesPresentHomographsUnmarked(string text, string span, string value) =>
        TimesOf.Read(text).Should().Contain((span, value));

    [Theory]
    // "payable" points the date right after it ahead; it says nothing of another date in the sentence.
    [InlineData("The reduced dividend is payable Jan. 5 to holders of record Dec. 20.", "Jan. 5", "2025-01-05")]
    [InlineData("The dividend is payable on Feb. 3, the board said.", "Feb. 3", "2025-02-03")]
    [InlineData("Accounts payable rose 5% in March, the filing showed.", "March", "2024-03")]
    [InlineData("Dividends payable in March were cut by half.", "March", "2024-03")]
    public void ReadsPayableAsAheadOnlyForItsDate(string text, string span, string value) =>
        TimesOf.Read(text).Should().Contain((span, value));

    [Theory]
    // A participle after "is", "are", "be" or "being" is present or passive, no past.
    [InlineData("The Oscars are held in March each year.", "March", "2025-03")]
    [InlineData("The new bridge is being built and opens in June.", "June", "2025-06")]
    // An appositive's or a relative clause's verb is not the main clause's.
    [InlineData("The new stadium, built by a Chinese firm, opens in June.", "June", "2025-06")]
    [InlineData("The tournament, first held in 1930, returns to Mexico in June.", "June", "2025-06")]
    [InlineData("The tournament, which Brazil won in 2002, returns to Mexico in June.", "June", "2025-06")]
    // A mention that opens its clause: a relative clause's past verb does not count, the main clause's future wins.
    [InlineData("In March, the company that sold the plant will pay the fine.", "March", "2025-03")]
    [InlineData("A conference in March, which organisers postponed twice, will draw 5,000 people.", "March", "2025-03")]
    public void ReadsTheTenseOfTheMainClause(string text, string span, string value) =>
        TimesOf.Read(text).Should().Contain((span, value));

    [Theory]
    // Guards: the main clause's past still counts after a side clause closes, and an opening month still takes it.
    [InlineData("The minister, who quit in May, said the budget was passed in March.", "March", "2024-03")]
    [InlineData("In March, the firm sold the plant, and it will pay the fine.", "March", "2024-03")]
    [InlineData("The stadium was built by a Chinese firm and opened in June.", "June", "2024-06")]
    // A mention inside a relative clause takes that clause's verb, past a list's commas.
    [InlineData("She replaces Ann Cole, who resigned as chair, treasurer and secretary in May for family reasons.", "May", "2024-05")]
    public void KeepsTheMainClausePast(string text, string span, string value) =>
        TimesOf.Read(text).Should().Contain((span, value));
}
