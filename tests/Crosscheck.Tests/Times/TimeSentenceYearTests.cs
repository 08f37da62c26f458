using FluentAssertions;

namespace Crosscheck.Tests.Times;

/// <summary>A year that opens a sentence frames its bare months, published Monday 2024-12-16.</summary>
public class TimeSentenceYearTests
{
    [Theory]
    [InlineData("In 2019, the ferry stopped in March and resumed in June.", "March", "2019-03")]
    [InlineData("In 2019, the ferry stopped in March and resumed in June.", "June", "2019-06")]
    [InlineData("Last year the bridge was closed from May to September.", "September", "2023-09")]
    [InlineData("In 2021 the council voted on April 12 to close the pool.", "April 12", "2021-04-12")]
    public void GivesABareMonthTheYearThatOpensItsSentence(string text, string span, string value) =>
        TimesOf.Read(text).Should().Contain((span, value));

    [Theory]
    // A year inside the sentence frames nothing; a month with a year or a "next" of its own keeps it.
    [InlineData("Under a plan approved in 2019 that set no limit, the firm had bought shares through Sept. 29.", "Sept. 29", "2024-09-29")]
    [InlineData("In 2019, officials said the works would end in March 2025.", "March 2025", "2025-03")]
    [InlineData("In 2019, officials promised that next March the bridge would reopen.", "next March", "2025-03")]
    public void LeavesMonthsAloneThatAYearDoesNotFrame(string text, string span, string value) =>
        TimesOf.Read(text).Should().Contain((span, value));
}
