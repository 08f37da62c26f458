using Crosscheck.Quantities;
using Crosscheck.Text;
using Crosscheck.Times;
using FluentAssertions;

namespace Crosscheck.Tests.Times;

/// <summary>Spoken years and a date followed by a clock time after a dash.</summary>
public class TimeRuleTests
{
    private static readonly Pipeline Pipeline = new PipelineBuilder().Add(new TextStage()).Add(new TimeStage()).Add(new QuantityStage()).Build();

    private static readonly DateOnly Published = new(2024, 12, 16);

    private static (IReadOnlyList<(string Text, TimeExpression Time)> Times, IReadOnlyList<Quantity> Quantities) Analyze(string text)
    {
        var article = new Article { Id = "t", Text = text, ContentHash = "t", Published = PublicationDate.Given(Published, "test") };
        var outcome = Pipeline.Analyze(article, new AnalysisContext(Published));
        outcome.Failures.Should().BeEmpty();
        return (outcome.Article.Items(Layers.Times).Select(t => (t.Span.Of(text), t)).ToList(), outcome.Article.Items(Layers.Quantities).ToList());
    }

    [Theory]
    [InlineData("The mill shut in twenty fifteen.", "twenty fifteen", "2015")]
    [InlineData("Twenty twenty-one was a dry year.", "Twenty twenty-one", "2021")]
    [InlineData("The bridge opened in nineteen eighty-four.", "nineteen eighty-four", "1984")]
    [InlineData("The bridge opened in two thousand seven, late.", "two thousand seven", "2007")]
    [InlineData("Prices rose since two thousand and three.", "two thousand and three", "2003")]
    public void ReadsSpokenYears(string text, string span, string value)
    {
        var (times, quantities) = Analyze(text);
        times.Should().ContainSingle(t => t.Text == span).Which.Time.Value.Should().Be(value);
        quantities.Should().BeEmpty();
    }

    [Theory]
    // A count after "in" stays a count; "twenty one" is not a year.
    [InlineData("It happened in two thousand seven villages.")]
    [InlineData("They counted twenty one boats.")]
    // "twenty NN" before a noun, with no cue of time before it, is a count.
    [InlineData("The cashier counted out twenty five pound notes.")]
    [InlineData("She sorted twenty twelve inch records.")]
    public void LeavesCountsAlone(string text) => Analyze(text).Times.Should().BeEmpty();

    [Fact]
    public void ReadsADashBeforeAClockTimeAsTheTimeOfThatDay()
    {
        var times = Analyze("The hearing was set for December 3 - 9 a.m. in the old court.").Times;
        times.Select(t => (t.Text, t.Time.Value)).Should().Equal(("December 3", "2024-12-03"), ("9 a.m.", "2024-12-03T09:00"));
    }

    [Fact]
    public void StillReadsADayRangeAfterADash()
    {
        var times = Analyze("The fair was held December 3 - 9 in the old court.").Times;
        times.Select(t => t.Time.Value).Should().Equal("2024-12-03", "2024-12-09");
    }

    [Theory]
    [InlineData("The crew will stay for three more days.", "three more days", "P3D")]
    [InlineData("The lease was extended by an additional month.", "an additional month", "P1M")]
    [InlineData("Repairs need two extra weeks.", "two extra weeks", "P2W")]
    public void ReadsAnAddedStretchAsADuration(string text, string span, string value) =>
        Analyze(text).Times.Should().ContainSingle(t => t.Text == span).Which.Time.Value.Should().Be(value);

    [Fact]
    public void MoreWithoutANumberIsNoDuration() =>
        Analyze("They asked for more weeks of talks.").Times.Should().BeEmpty();

    [Theory]
    // Monday 16 December 2024. An infinitive before the weekday points ahead even after a past reporting verb.
    [InlineData("The union said the strike was set to end Thursday.", "2024-12-19")]
    [InlineData("Officials said they planned to reopen the port on Friday.", "2024-12-20")]
    // But not when a participle ties the day to something done, or the day names a thing of that day.
    [InlineData("They said they would ask the court to lift the ban imposed Thursday.", "2024-12-12")]
    [InlineData("Lawyers said they wanted to appeal Thursday's ruling.", "2024-12-12")]
    // "to" after a word that is not a plan is a destination, and the weekday is the last one.
    [InlineData("The driver was rushed to hospital Saturday.", "2024-12-14")]
    [InlineData("Voters went to the polls Thursday.", "2024-12-12")]
    [InlineData("The miners returned to work Friday.", "2024-12-13")]
    [InlineData("The smuggler was sentenced to life Friday.", "2024-12-13")]
    public void ReadsAWeekdayAfterAnInfinitiveAsAhead(string text, string value) =>
        Analyze(text).Times.Should().ContainSingle().Which.Time.Value.Should().Be(value);

    [Theory]
    // A plan in the past perfect is over: the weekday is the last one.
    [InlineData("The offer had been due to expire Friday, the bank said.", "2024-12-13")]
    [InlineData("The vote had been scheduled for Thursday, officials said.", "2024-12-12")]
    // A plan still standing points ahead.
    [InlineData("The offer is due to expire Friday, the bank said.", "2024-12-20")]
    public void ReadsAPlanInThePastPerfectAsPast(string text, string value) =>
        Analyze(text).Times.Should().ContainSingle().Which.Time.Value.Should().Be(value);

    [Theory]
    [InlineData("Prices jumped at mid-morning yesterday.", "mid-morning yesterday", "2024-12-15TMO")]
    [InlineData("Prices jumped yesterday afternoon.", "yesterday afternoon", "2024-12-15TAF")]
    public void ReadsAPartOfDayBeforeOrAfterTheDay(string text, string span, string value) =>
        Analyze(text).Times.Should().ContainSingle(t => t.Text == span).Which.Time.Value.Should().Be(value);
}
