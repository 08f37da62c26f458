using Crosscheck.Text;
using Crosscheck.Times;
using FluentAssertions;

namespace Crosscheck.Tests.Times;

/// <summary>
/// Stretches counted from a told event ("three days later"), company years and quarters ("the current fiscal year"),
/// half-years, counted quarters and the present of a past moment ("the then current price"). Published Monday 2024-12-16.
/// </summary>
public class TimeStretchAndPeriodTests
{
    private static readonly Pipeline Pipeline = new PipelineBuilder().Add(new TextStage()).Add(new TimeStage()).Build();

    private static IReadOnlyList<(string Text, TimexType Type, string Value)> Times(string text)
    {
        var article = new Article { Id = "t", Text = text, ContentHash = "t", Published = PublicationDate.Given(TimesOf.Published, "test") };
        var outcome = Pipeline.Analyze(article, new AnalysisContext(TimesOf.Published));
        outcome.Failures.Should().BeEmpty();
        return outcome.Article.Items(Layers.Times).Select(t => (t.Span.Of(text), t.Type, t.Value)).ToList();
    }

    [Theory]
    [InlineData("The rebels took the town on Friday. Three days later, the army retook it.", "Three days", "P3D")]
    [InlineData("Just over an hour later, the fire was out.", "over an hour", "PT1H")]
    [InlineData("A few days later, the bank cut rates.", "A few days", "PXD")]
    [InlineData("The crew left the ship a minute and a half later.", "a minute and a half", "PT1M30S")]
    // Counted from an event the story told, not from the publication: a stretch, never a dated point on the timeline.
    public void ReadsACountBeforeLaterAsAStretch(string text, string span, string value)
    {
        var times = Times(text);
        times.Should().Contain((span, TimexType.Duration, value));
        times.Should().NotContain(t => t.Text.EndsWith("later", StringComparison.Ordinal));
        times.Where(t => t.Type is TimexType.Date or TimexType.Time).Select(t => t.Text).Should().BeSubsetOf(["Friday"]);
    }

    [Theory]
    // Counted from the publication: still a dated point.
    [InlineData("Three days ago, the army retook the town.", "Three days ago", "2024-12-13")]
    [InlineData("The army will return three days from now.", "three days from now", "2024-12-19")]
    public void KeepsShiftsFromThePublicationDated(string text, string span, string value) =>
        Times(text).Should().Contain((span, TimexType.Date, value));

    [Theory]
    [InlineData("Sales should rise in the current fiscal year.", "the current fiscal year", "2024")]
    [InlineData("Sales fell in the last fiscal year.", "the last fiscal year", "2023")]
    [InlineData("Sales will rise next fiscal quarter.", "next fiscal quarter", "2025-Q1")]
    public void ReadsACompanyYearOrQuarterAsTheUnit(string text, string span, string value) =>
        TimesOf.Read(text).Should().Contain((span, value));

    [Theory]
    // "fiscal" before anything but a year or quarter is an adjective.
    [InlineData("The current fiscal rules stay in force.")]
    [InlineData("The fiscal watchdog said current spending is too high.")]
    public void LeavesOtherFiscalWordsWithoutAPeriod(string text) =>
        TimesOf.Read(text).Should().NotContain(t => t.Text.Contains("fiscal", StringComparison.Ordinal) || t.Value.Length == 4);

    [Fact]
    public void ReadsTheThenCurrentAsPast() =>
        TimesOf.Read("Holders may buy shares at the then current market price.").Should().Contain(("then current", "PAST_REF"));

    [Fact]
    // Without "the", "then" is the conjunction that opens the clause.
    public void LeavesThenAsAConjunctionAlone() =>
        TimesOf.Read("If the deal fails, then current holders lose.").Should().NotContain(t => t.Value == "PAST_REF");

    [Theory]
    [InlineData("The board created a new office, effective Feb. 1.", "Feb. 1", "2025-02-01")]
    [InlineData("The ministry said the new tariff is effective March 3.", "March 3", "2025-03-03")]
    // "effective" names the day a change takes hold: ahead of an announcement, even one told in the past.
    public void ReadsAnEffectiveDateAhead(string text, string span, string value) =>
        TimesOf.Read(text).Should().Contain((span, value));

    [Fact]
    // Without the word the past-tense sentence keeps the day behind the publication.
    public void KeepsAPastDayWithoutEffective() =>
        TimesOf.Read("The board created a new office on Feb. 1.").Should().Contain(("Feb. 1", "2024-02-01"));

    [Theory]
    [InlineData("Earnings will be lower in the last half of 2025.", "the last half of 2025", "2025-H2")]
    [InlineData("The first half of 2023 was slow; the second half of 2023 was not.", "The first half of 2023", "2023-H1")]
    [InlineData("The first half of 2023 was slow; the second half of 2023 was not.", "the second half of 2023", "2023-H2")]
    public void ReadsAHalfOfAWrittenYear(string text, string span, string value) =>
        TimesOf.Read(text).Should().Contain((span, value));

    [Fact]
    // A half of something else, or a share of a year's figure, is no half-year.
    public void LeavesOtherHalvesAlone() =>
        TimesOf.Read("He won the first half of the match, and half of 2023 was lost.").Should().NotContain(t => t.Value.Contains("-H", StringComparison.Ordinal));

    [Fact]
    public void CountsQuarters() =>
        Times("The firm lost money in the past two quarters.").Should().Contain(("the past two quarters", TimexType.Duration, "P2Q"));

    [Fact]
    // "three quarters of" is a fraction.
    public void LeavesAFractionOfQuartersAlone() =>
        TimesOf.Read("He owns three quarters of the shares.").Should().BeEmpty();

    [Theory]
    [InlineData("Sales fell through the last half of the '80s.", "the '80s", "198")]
    [InlineData("The band was big in the mid-'70s.", "the mid-'70s", "197")]
    // The latest such decade begun by the publication: in 2024 "the '90s" are the 1990s, "the '20s" the 2020s.
    [InlineData("Rents doubled in the '90s.", "the '90s", "199")]
    [InlineData("Rents doubled in the early ’20s.", "the early ’20s", "202")]
    public void ReadsAnApostropheDecade(string text, string span, string value) =>
        TimesOf.Read(text).Should().Contain((span, value));

    [Fact]
    // Without the apostrophe, "the 80s" are as often degrees or ages as years.
    public void LeavesABareTwoDigitDecadeAlone() =>
        TimesOf.Read("Temperatures were in the 80s all week.").Should().NotContain(t => t.Text.Contains("80s", StringComparison.Ordinal));

    [Theory]
    [InlineData("Experts say the plant will one day be profitable.")]
    [InlineData("Solar power could one day replace coal in the region.")]
    public void ReadsOneDayAfterAModalAsSomeFutureDay(string text) =>
        TimesOf.Read(text).Should().Contain(("one day", "FUTURE_REF"));

    [Theory]
    // A counted day: after a verb, or a modal that does not govern the phrase.
    [InlineData("The strike lasted one day.")]
    [InlineData("He had been in the job one day.")]
    public void KeepsOneDayAsAStretchOtherwise(string text) =>
        TimesOf.Read(text).Should().Contain(t => t.Text.EndsWith("one day", StringComparison.Ordinal) && t.Value == "P1D");

    [Theory]
    [InlineData("The minister, speaking on the \"This Week,\" programme, said the vote was valid.")]
    [InlineData("She told the show ''60 Minutes.'' that it was wrong.")]
    [InlineData("He told \"This Week With Anna Reed\" that talks had failed.")]
    // A time phrase that opens a quoted name of capitalised words is the name of a show, not a time.
    public void LeavesAQuotedShowTitleAlone(string text) =>
        TimesOf.Read(text).Should().BeEmpty();

    [Theory]
    // Quoted speech is read as usual.
    [InlineData("He said, \"This week we will vote,\" and left.", "This week", "2024-W51")]
    [InlineData("\"Two Days Of Talks Ended\" was the headline, but the talks lasted two days.", "two days", "P2D")]
    public void ReadsTimesInQuotedSpeech(string text, string span, string value) =>
        TimesOf.Read(text).Should().Contain((span, value));

    [Theory]
    [InlineData("Prices will not change for a couple of years.", "a couple of years", "P2Y")]
    [InlineData("Over the next couple of weeks the army will withdraw.", "the next couple of weeks", "P2W")]
    [InlineData("A couple of days ago, the envoy left.", "A couple of days ago", "2024-12-14")]
    public void CountsACoupleAsTwo(string text, string span, string value) =>
        TimesOf.Read(text).Should().Contain((span, value));

    [Fact]
    // A couple of anything else is no time.
    public void LeavesOtherCouplesAlone() =>
        TimesOf.Read("A couple of friends bought a couple of cars.").Should().BeEmpty();

    [Theory]
    [InlineData("The airline runs four flights a week to the coast.")]
    [InlineData("The new route adds nearly 700 seats a week.")]
    // "a week" after a counted plural is a rate, as after a number ("$5 a year").
    public void LeavesARateAfterACountedNounAlone(string text) =>
        TimesOf.Read(text).Should().NotContain(t => t.Text.Contains("a week", StringComparison.Ordinal));

    [Fact]
    // Before "before" or "after" the unit is a stretch again.
    public void KeepsAStretchBeforeAShiftWord() =>
        TimesOf.Read("They offered him two options a week before the deadline.").Should().Contain(("a week", "P1W"));

    [Theory]
    [InlineData("The crown has ruled the islands for almost a hundred years.", "almost a hundred years", "P100Y")]
    [InlineData("A thousand years ago the valley was a forest.", "A thousand years ago", "1024")]
    [InlineData("Prices may fall in the weeks ahead.", "the weeks ahead", "PXW")]
    [InlineData("The months ahead look hard for farmers.", "The months ahead", "PXM")]
    public void ReadsAScaleCountAndTheUnitsAhead(string text, string span, string value) =>
        TimesOf.Read(text).Should().Contain((span, value));

    [Fact]
    // A hundred of anything else, and the road ahead, are no time.
    public void LeavesOtherHundredsAndAheadsAlone() =>
        TimesOf.Read("He paid a hundred dollars for the road ahead.").Should().BeEmpty();

    [Theory]
    // Monday 16 December 2024: the weekend just gone is in ISO week 50; the last summer is this year's.
    [InlineData("Riots broke out this past weekend.", "this past weekend", "2024-W50-WE")]
    [InlineData("Crops failed this past summer.", "this past summer", "2024-SU")]
    public void ReadsThisPastAsTheLatestOneGone(string text, string span, string value) =>
        TimesOf.Read(text).Should().Contain((span, value));

    [Fact]
    // "the past week" stays the stretch it was.
    public void KeepsThePastWeekAStretch() =>
        TimesOf.Read("Prices rose over the past week.").Should().Contain(("the past week", "P1W"));

    [Theory]
    [InlineData("Rates will rise in the near future.", "the near future")]
    [InlineData("In the near term, the mine stays shut.", "the near term")]
    [InlineData("Holders gain in the short term, analysts said.", "the short term")]
    [InlineData("The plant will be sold at a later date.", "a later date")]
    public void ReadsTheTimeAheadAsFutureRef(string text, string span) =>
        TimesOf.Read(text).Should().Contain((span, "FUTURE_REF"));

    [Fact]
    // A noun after "term" makes it a kind of loan, not a time.
    public void LeavesATermBeforeANounAlone() =>
        TimesOf.Read("The short term loans grew.").Should().BeEmpty();

    [Theory]
    [InlineData("Few people read printed papers these days.", "these days")]
    [InlineData("These days, the port handles little grain.", "These days")]
    public void ReadsTheseDaysAsThePresent(string text, string span) =>
        TimesOf.Read(text).Should().Contain((span, "PRESENT_REF"));

    [Theory]
    // Days of something, or counted days, are no present.
    [InlineData("These days of protest ended in a curfew.")]
    [InlineData("These three days were hard.")]
    public void LeavesOtherTheseDaysAlone(string text) =>
        TimesOf.Read(text).Should().NotContain(t => t.Value == "PRESENT_REF");

    [Theory]
    // Published in December: the reported quarter is the third, a year before it 2023-Q3.
    [InlineData("Sales rose from the comparable year-ago quarter.", "the comparable year-ago quarter", "2023-Q3")]
    [InlineData("Profit was $1.8 million in the corresponding period last year.", "the corresponding period last year", "2023-Q3")]
    [InlineData("The corresponding period a year earlier was weak.", "The corresponding period a year earlier", "2023-Q3")]
    public void ReadsTheMatchingPeriodAYearBefore(string text, string span, string value) =>
        TimesOf.Read(text).Should().Contain((span, value));

    [Theory]
    // Without a year back it is no reported period.
    [InlineData("The comparable figures fell.")]
    [InlineData("The corresponding period of the war was calm.")]
    public void LeavesOtherMatchingPeriodsAlone(string text) =>
        TimesOf.Read(text).Should().BeEmpty();
}
