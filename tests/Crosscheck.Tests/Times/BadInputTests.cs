using Crosscheck.Quantities;
using Crosscheck.Text;
using Crosscheck.Times;
using FluentAssertions;

namespace Crosscheck.Tests.Times;

/// <summary>
/// Issue 5's bad inputs: each gets a clear result (rejected, or kept and flagged), nothing escapes, and
/// every call returns within a hard, generous bound. The extractors scan tokens with fixed look-ahead and
/// use no regular expressions; the bound is enforced by waiting on the call, so a blow-up fails the test
/// instead of hanging the run.
/// </summary>
public class BadInputTests
{
    private static readonly Pipeline Pipeline = new PipelineBuilder().Add(new TextStage()).Add(new TimeStage()).Add(new QuantityStage()).Build();

    private static readonly TimeSpan HardBound = TimeSpan.FromSeconds(30);

    private static AnalyzedArticle Analyze(string text)
    {
        var article = new Article { Id = "bad", Text = text, ContentHash = "bad", Published = PublicationDate.Given(new DateOnly(2024, 12, 16), "test") };
        var run = Task.Run(() => Pipeline.Analyze(article, new AnalysisContext(new DateOnly(2024, 12, 16))));
        run.Wait(HardBound).Should().BeTrue($"analysis must return within {HardBound.TotalSeconds} s");
        run.Result.Failures.Should().BeEmpty("no exception may escape a stage");
        return run.Result.Article;
    }

    [Fact]
    public void ANumberTooLongToHoldExactlyIsNotReadAsACount()
    {
        var article = Analyze("99999999999999999999 soldiers were killed.");
        article.Items(Layers.Quantities).Should().BeEmpty();
    }

    [Fact]
    public void MorePeopleThanLiveOnEarthAreKeptButFlagged()
    {
        var q = Analyze("About 9,000,000,000 people were killed.").Items(Layers.Quantities).Should().ContainSingle().Subject;
        q.Implausible.Should().BeTrue();
        Analyze("About 9,000 people were killed.").Items(Layers.Quantities).Single().Implausible.Should().BeFalse();
    }

    [Theory]
    [InlineData("The order is dated February 30.")]
    [InlineData("The order is dated 30 February 2024.")]
    [InlineData("It was filed on 0000-01-01.")]
    [InlineData("It was filed on 10000-01-01.")]
    [InlineData("He was born on 1 January 10000.")]
    [InlineData("It happened in December 10000.")]
    public void AnImpossibleDateHasNoTimeValue(string text) =>
        // Rejected whole: no value, and no shortened reading ("1 January" of this year).
        Analyze(text).Items(Layers.Times).Should().BeEmpty();

    [Fact]
    public void AFiveDigitNumberAfterADateWithACommaIsACountNotAYear()
    {
        var article = Analyze("On December 14, 10000 people marched.");
        article.Items(Layers.Times).Should().ContainSingle().Which.Value.Should().Be("2024-12-14");
        article.Items(Layers.Quantities).Should().ContainSingle().Which.Value.Should().Be(10000);
    }

    [Fact]
    public void TenThousandDigitsAndAThousandDatesReturnInBoundedTime()
    {
        Analyze(new string('9', 10_000)).Items(Layers.Quantities).Should().BeEmpty();
        var dates = string.Join(", ", Enumerable.Range(0, 1000).Select(i => $"{(i % 28) + 1} March 2024")) + " were all cited.";
        Analyze(dates).Items(Layers.Times).Should().HaveCount(1000).And.OnlyContain(t => t.Value.StartsWith("2024-03-", StringComparison.Ordinal));
        // Inputs that make backtracking patterns explode: long runs of near-matches with no match at the end.
        Analyze(string.Concat(Enumerable.Repeat("1,", 20_000)) + "x");
        Analyze(string.Concat(Enumerable.Repeat("at least more than about ", 5_000)) + "soldiers");
        Analyze(string.Concat(Enumerable.Repeat("the week before the ", 5_000)));
    }

    [Fact]
    public void LongChainsOfRangeWordsReturnInBoundedTime()
    {
        // Each range rule looks at one joiner and one more end, never along the whole chain.
        Analyze(string.Concat(Enumerable.Range(0, 20_000).Select(i => $"{i % 28 + 1} to ")) + "June");
        Analyze(string.Concat(Enumerable.Repeat("5 to 6pm to ", 5_000)));
        Analyze(string.Concat(Enumerable.Repeat("from May to ", 5_000)) + "June 2020");
        Analyze(string.Concat(Enumerable.Repeat("two weeks before ", 5_000)) + "Christmas");
        Analyze(string.Concat(Enumerable.Repeat("Tuesday of next week of ", 5_000)));
        Analyze(string.Concat(Enumerable.Repeat("every other ", 5_000)) + "day");
    }
}
