using System.Diagnostics;
using Crosscheck.Text;
using Crosscheck.Times;
using FluentAssertions;

namespace Crosscheck.Tests.Times;

public class TimeStageTests
{
    private static readonly Pipeline Pipeline = new PipelineBuilder().Add(new TextStage()).Add(new TimeStage()).Build();

    // Monday 16 December 2024, the day the motivating reports were published.
    private static readonly DateOnly Published = new(2024, 12, 16);

    private static IReadOnlyList<(string Text, TimeExpression Time)> Times(string text, DateOnly? published = null)
    {
        var date = published ?? Published;
        var article = new Article { Id = "t", Text = text, ContentHash = "t", Published = PublicationDate.Given(date, "test") };
        var outcome = Pipeline.Analyze(article, new AnalysisContext(new DateOnly(2000, 1, 1)));
        outcome.Failures.Should().BeEmpty();
        return outcome.Article.Items(Layers.Times).Select(t => (t.Span.Of(text), t)).ToList();
    }

    [Theory]
    // A weekday in a past-tense sentence is the most recent one at or before publication.
    [InlineData("On Saturday, North Korean troops attacked.", "Saturday", "2024-12-14", TimexType.Date)]
    // The same weekday in a future sentence is the next one.
    [InlineData("The talks will resume on Saturday.", "Saturday", "2024-12-21", TimexType.Date)]
    // With both tenses in the sentence, the cue nearest before the weekday decides.
    [InlineData("Officials said the talks will resume on Thursday.", "Thursday", "2024-12-19", TimexType.Date)]
    [InlineData("Officials who will meet again said the talks ended on Thursday.", "Thursday", "2024-12-12", TimexType.Date)]
    // Relative months and weeks shift the reference's own unit (16 Dec 2024 is in ISO week 51).
    [InlineData("Fighting intensified last month.", "last month", "2024-11", TimexType.Date)]
    [InlineData("Fighting intensified last week.", "last week", "2024-W50", TimexType.Date)]
    [InlineData("They arrived this summer.", "this summer", "2024-SU", TimexType.Date)]
    // A month without a year: the year comes from the reference date.
    [InlineData("The strike came on December 14.", "December 14", "2024-12-14", TimexType.Date)]
    [InlineData("The strike came on Dec. 16.", "Dec. 16", "2024-12-16", TimexType.Date)]
    // A month that is still ahead in a past-tense sentence is last year's.
    [InlineData("The unit was formed in August.", "August", "2024-08", TimexType.Date)]
    [InlineData("The unit was formed in October.", "October", "2024-10", TimexType.Date)]
    [InlineData("The unit was formed in May 2023 by decree.", "May 2023", "2023-05", TimexType.Date)]
    // Fully specified dates in three spellings.
    [InlineData("It was signed on 16 December 2024.", "16 December 2024", "2024-12-16", TimexType.Date)]
    [InlineData("It was signed on 2024-12-16.", "2024-12-16", "2024-12-16", TimexType.Date)]
    [InlineData("It was signed on December 16, 2023.", "December 16, 2023", "2023-12-16", TimexType.Date)]
    // A weekday before the date joins it; a colon after the day is punctuation, not a clock time.
    [InlineData("In an editorial on Monday, Dec. 16:", "Monday, Dec. 16", "2024-12-16", TimexType.Date)]
    // Seasons with a year, deictic words, reference words.
    [InlineData("Deliveries began in fall 2024.", "fall 2024", "2024-FA", TimexType.Date)]
    [InlineData("Officials said yesterday that it was over.", "yesterday", "2024-12-15", TimexType.Date)]
    [InlineData("Troops are now in Kursk.", "now", "PRESENT_REF", TimexType.Date)]
    [InlineData("Troops are currently in Kursk.", "currently", "PRESENT_REF", TimexType.Date)]
    [InlineData("Troops recently moved to Kursk.", "recently", "PAST_REF", TimexType.Date)]
    // Durations in words and digits.
    [InlineData("The assault lasted three days.", "three days", "P3D", TimexType.Duration)]
    [InlineData("He served two years.", "two years", "P2Y", TimexType.Duration)]
    [InlineData("The battle lasted 16 hours.", "16 hours", "PT16H", TimexType.Duration)]
    [InlineData("The past two months were hard.", "The past two months", "P2M", TimexType.Duration)]
    // "recent weeks" places events in the past, like "recently".
    [InlineData("In recent weeks, attacks grew.", "recent weeks", "PAST_REF", TimexType.Date)]
    // "the weekend" told in the past on a Monday is the weekend just gone (ISO week 50).
    [InlineData("Troops were killed over the weekend.", "the weekend", "2024-W50-WE", TimexType.Date)]
    // A relative word before a full date: strictly before or after the reference.
    [InlineData("Police searched since last Dec. 20.", "last Dec. 20", "2023-12-20", TimexType.Date)]
    [InlineData("They vote next March 3.", "next March 3", "2025-03-03", TimexType.Date)]
    // A month or date followed by a relative year.
    [InlineData("It began in July last year.", "July last year", "2023-07", TimexType.Date)]
    [InlineData("It ended on December 14 this year.", "December 14 this year", "2024-12-14", TimexType.Date)]
    // Years in words, centuries, and hyphenated modifiers.
    [InlineData("It was built in nineteen ninety-six.", "nineteen ninety-six", "1996", TimexType.Date)]
    [InlineData("It was the worst war of the 20th century.", "20th century", "19", TimexType.Date)]
    // Decades and quarters.
    [InlineData("Since the 1990s, prices rose.", "the 1990s", "199", TimexType.Date)]
    [InlineData("Profit rose in the third quarter of 2023.", "the third quarter of 2023", "2023-Q3", TimexType.Date)]
    // Clock times take the reference day unless another day is named.
    [InlineData("The blast came at 10:30 a.m. local time.", "10:30 a.m.", "2024-12-16T10:30", TimexType.Time)]
    [InlineData("The blast came at 6 p.m. Saturday.", "6 p.m. Saturday", "2024-12-14T18:00", TimexType.Time)]
    [InlineData("The blast came on Friday morning.", "Friday morning", "2024-12-13TMO", TimexType.Time)]
    // Sets.
    [InlineData("Drones attack daily.", "daily", "P1D", TimexType.Set)]
    [InlineData("They meet each Thursday.", "each Thursday", "XXXX-WXX-4", TimexType.Set)]
    [InlineData("They meet every thursday at 4pm.", "every thursday at 4pm", "XXXX-WXX-4T16:00", TimexType.Set)]
    // "two years ago" is a date at the granularity of its unit.
    [InlineData("The pact was signed two years ago.", "two years ago", "2022", TimexType.Date)]
    // A lead phrase points the weekday forward even in a past-tense sentence.
    [InlineData("The father could arrive as soon as Tuesday, officials said.", "Tuesday", "2024-12-17", TimexType.Date)]
    // No tense cue at all: the nearest such day.
    [InlineData("The dividend is payable Jan. 2 to holders.", "Jan. 2", "2025-01-02", TimexType.Date)]
    // A fraction of a unit is written in the next smaller one.
    [InlineData("The talks lasted 5 1/2 hours.", "5 1/2 hours", "PT5H30M", TimexType.Duration)]
    [InlineData("The siege lasted 2 1/2 years.", "2 1/2 years", "P2Y6M", TimexType.Duration)]
    // Holidays from the table: fixed days, nth weekdays and Easter, with the tense rule and "last".
    [InlineData("Crowds gathered on Thanksgiving Day.", "Thanksgiving Day", "2024-11-28", TimexType.Date)]
    [InlineData("The truce will hold over Christmas Eve.", "Christmas Eve", "2024-12-24", TimexType.Date)]
    [InlineData("It was quiet on New Year's Eve 2023.", "New Year's Eve 2023", "2023-12-31", TimexType.Date)]
    [InlineData("Last Easter the church was full.", "Last Easter", "2024-03-31", TimexType.Date)]
    [InlineData("Parades marked Memorial Day 2023.", "Memorial Day 2023", "2023-05-29", TimexType.Date)]
    // Years in words after a month or season, and "the year two thousand".
    [InlineData("He left in January nineteen ninety-seven.", "January nineteen ninety-seven", "1997-01", TimexType.Date)]
    [InlineData("It froze in the winter of nineteen ninety-four.", "winter of nineteen ninety-four", "1994-WI", TimexType.Date)]
    [InlineData("Plans reach to the year two thousand and five.", "year two thousand and five", "2005", TimexType.Date)]
    // "and a half" adds half a unit.
    [InlineData("The meeting lasted an hour and a half.", "an hour and a half", "PT1H30M", TimexType.Duration)]
    // The contracted "will" is a future cue.
    [InlineData("I'll go back on Tuesday.", "Tuesday", "2024-12-17", TimexType.Date)]
    // A quarter of a relative year is one expression.
    [InlineData("Sales fell in this year's third quarter.", "this year's third quarter", "2024-Q3", TimexType.Date)]
    [InlineData("Sales fell in last year's second quarter.", "last year's second quarter", "2023-Q2", TimexType.Date)]
    public void ResolvesAgainstThePublicationDate(string text, string span, string value, TimexType type)
    {
        var times = Times(text);
        times.Should().ContainSingle(t => t.Text == span, $"'{span}' should be found in: {string.Join(" | ", times.Select(t => t.Text + "=" + t.Time.Value))}");
        var time = times.Single(t => t.Text == span).Time;
        time.Value.Should().Be(value);
        time.Type.Should().Be(type);
    }

    [Fact]
    public void ReadsAYearAgoAsTheSameQuarterInAQuarterlyReport()
    {
        // Quarterly results compare with the same quarter a year before; elsewhere "a year ago" is a year.
        var quarterly = Times("Profit in the third quarter rose to $5 million from $3 million a year ago, the best quarter since 2020.");
        quarterly.Single(t => t.Text == "a year ago").Time.Value.Should().Be("2023-Q3");
        Times("The pact was signed a year ago.").Single().Time.Value.Should().Be("2023");
    }

    [Theory]
    // Modifiers are kept apart from the value.
    [InlineData("They arrived in early November.", "early November", "2024-11", "START")]
    [InlineData("It happened in late 2023.", "late 2023", "2023", "END")]
    [InlineData("It is due by the end of the month.", "the end of the month", "2024-12", "END")]
    [InlineData("They arrived in late-November.", "late-November", "2024-11", "END")]
    [InlineData("The company aims to list its shares by year-end 2025.", "year-end 2025", "2025", "END")]
    [InlineData("It took about two weeks.", "about two weeks", "P2W", "APPROX")]
    [InlineData("It took more than three years.", "more than three years", "P3Y", "MORE_THAN")]
    public void KeepsModifiers(string text, string span, string value, string modifier)
    {
        var time = Times(text).Single(t => t.Text == span).Time;
        time.Value.Should().Be(value);
        time.Modifier.Should().Be(modifier);
    }

    [Theory]
    // Lists and ranges give one expression per part.
    [InlineData("Strikes hit on December 14 and 15.", "December 14=2024-12-14|15=2024-12-15")]
    // The week named after a list of weekdays holds all of them.
    [InlineData("Talks ran between Monday and Wednesday last week.", "Monday=2024-12-09|Wednesday=2024-12-11|last week=2024-W50")]
    [InlineData("They meet Monday and Tuesday next week.", "Monday=2024-12-23|Tuesday=2024-12-24|next week=2024-W52")]
    // The first end of a clock range takes the second's meridiem and day.
    [InlineData("Polls are open from 9 to 11 p.m. Saturday.", "9=2024-12-14T21:00|11 p.m. Saturday=2024-12-14T23:00")]
    [InlineData("It will happen between 10 and 11:30 on 1/1/2025.", "10=2025-01-01T10:00|11:30 on 1/1/2025=2025-01-01T11:30")]
    // A clock time next to its day is one expression.
    [InlineData("The vote opens tomorrow at 8 a.m.", "tomorrow at 8 a.m.=2024-12-17T08:00")]
    // "the week before" closing a clause is the week before the reference's.
    [InlineData("It happened the week before.", "the week before=2024-W50")]
    [InlineData("He left the day before, officials said.", "the day before=2024-12-15")]
    [InlineData("Strikes hit on Dec. 14-15.", "Dec. 14=2024-12-14|15=2024-12-15")]
    public void SplitsListsAndRanges(string text, string expected) =>
        Times(text).Select(t => $"{t.Text}={t.Time.Value}").Should().Equal(expected.Split('|'));

    [Theory]
    // An impossible date is left out, and its number is not re-read as a year or a day.
    [InlineData("The order is dated February 30, 2024.")]
    [InlineData("It was 2024-13-45 on the form.")]
    // "May" the verb, "march" the noun and "fall" the verb are not times.
    [InlineData("Prices may fall further if troops march on.")]
    // Year 0 and 5-digit years are not dates.
    [InlineData("Codes 0000 and 10000 were seen.")]
    public void RejectsWhatIsNotADate(string text) =>
        Times(text).Should().BeEmpty();

    [Fact]
    public void AnchorsOnTheReferenceWhenThePublicationDateIsUnknown()
    {
        var article = new Article { Id = "u", Text = "It happened yesterday.", ContentHash = "u" };
        var outcome = Pipeline.Analyze(article, new AnalysisContext(new DateOnly(2024, 3, 1)));
        var time = outcome.Article.Items(Layers.Times).Single();
        time.Value.Should().Be("2024-02-29");
        time.Anchored.Should().BeTrue();
    }

    [Theory]
    // Relative phrases at the ends of the calendar fail quietly instead of throwing out of the stage.
    [InlineData(1, 1, 1)]
    [InlineData(9999, 12, 31)]
    public void SurvivesReferenceDatesAtTheEndsOfTheCalendar(int year, int month, int day)
    {
        var text = "Last week, next year, yesterday, tomorrow, three days ago, the third quarter, a year ago in the quarter, "
            + "next Monday, last December, this summer, the weekend, December 14 and next March 3 at 6 p.m.";
        var article = new Article { Id = "edge", Text = text, ContentHash = "edge" };
        var outcome = Pipeline.Analyze(article, new AnalysisContext(new DateOnly(year, month, day)));
        outcome.Failures.Should().BeEmpty();
        outcome.Article.Items(Layers.Times).Should().NotBeEmpty();
    }

    [Fact]
    public void StaysBoundedOnHostileInput()
    {
        // 1,000 dates in one sentence, a 10,000-digit number, and a long run of month names:
        // each must finish quickly (linear scan) and never throw.
        var manyDates = string.Join(", ", Enumerable.Range(0, 1000).Select(i => $"December {i % 28 + 1}")) + ".";
        var digits = new string('7', 10_000);
        var months = string.Concat(Enumerable.Repeat("December ", 5000));
        var watch = Stopwatch.StartNew();
        Times(manyDates).Should().HaveCount(1000);
        Times(digits).Should().BeEmpty();
        Times(months).Should().HaveCount(5000);
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(20), "the extractor must stay linear in the input length");
    }

    [Theory]
    // Far past any calendar: no TIMEX3 date can hold these, so no value with a negative or five-digit year.
    [InlineData("The crater formed 4.5 billion years ago.")]
    [InlineData("The settlement was founded 3,000 years ago.")]
    public void AnAgeBeyondTheCalendarGivesNoImpossibleYear(string text) =>
        Times(text).Should().NotContain(t => t.Time.Value.StartsWith('-') || (t.Time.Value.Length >= 5 && char.IsDigit(t.Time.Value[4])));
}
