using Crosscheck.Text;
using Crosscheck.Times;
using FluentAssertions;

namespace Crosscheck.Tests.Times;

/// <summary>
/// A shift in hours, minutes or seconds is a moment when the caller passes the reference instant's clock (an evaluation
/// case gives one); without it, or for a report dated on another day, the shift keeps its day. Invented sentences.
/// </summary>
public class TimeReferenceClockTests
{
    private static readonly Pipeline Pipeline = new PipelineBuilder().Add(new TextStage()).Add(new TimeStage()).Build();
    private static readonly DateOnly Day = new(2024, 12, 16);

    private static IReadOnlyList<(string Text, string Value)> Read(string text, TimeOnly? clock, DateOnly? published = null)
    {
        var article = new Article { Id = "t", Text = text, ContentHash = "t", Published = PublicationDate.Given(published ?? Day, "test") };
        var outcome = Pipeline.Analyze(article, new AnalysisContext(Day) { ReferenceTime = clock });
        return outcome.Article.Items(Layers.Times).Select(t => (t.Span.Of(text), t.Value)).ToList();
    }

    [Theory]
    [InlineData("The convoy left 30 minutes ago.", "30 minutes ago", "2024-12-16T11:30")]
    [InlineData("Polls close 3 hours from now.", "3 hours from now", "2024-12-16T15:00")]
    [InlineData("The blast came 90 seconds ago.", "90 seconds ago", "2024-12-16T11:58:30")]
    [InlineData("The alarm sounded 14 hours ago.", "14 hours ago", "2024-12-15T22:00")]
    public void PutsAClockShiftOnTheReferenceMoment(string text, string span, string value) =>
        Read(text, new TimeOnly(12, 0)).Should().Equal((span, value));

    [Fact]
    public void LeavesAStretchAfterwardsAStretch() =>
        Read("The convoy left 30 minutes later.", new TimeOnly(12, 0)).Should().Equal(("30 minutes", "PT30M"));

    [Fact]
    public void LeavesAClockShiftOnItsDayWithoutAReferenceClock() =>
        Read("The convoy left 30 minutes ago.", null).Should().Equal(("30 minutes ago", "2024-12-16"));

    [Fact]
    public void LeavesADayShiftAtItsDay() =>
        Read("The convoy left two days ago.", new TimeOnly(12, 0)).Should().Equal(("two days ago", "2024-12-14"));

    [Fact]
    public void GivesTheClockOnlyToAReportOnTheReferenceDay()
    {
        var context = new AnalysisContext(Day) { ReferenceTime = new TimeOnly(12, 0) };
        context.ReferenceTimeFor(new Article { Id = "a", Text = "", ContentHash = "a", Published = PublicationDate.Given(Day, "test") }).Should().Be(new TimeOnly(12, 0));
        context.ReferenceTimeFor(new Article { Id = "b", Text = "", ContentHash = "b", Published = PublicationDate.Given(Day.AddDays(-3), "test") }).Should().BeNull();
        Read("The convoy left 30 minutes ago.", new TimeOnly(12, 0), Day.AddDays(-3)).Should().Equal(("30 minutes ago", "2024-12-13"));
    }
}
