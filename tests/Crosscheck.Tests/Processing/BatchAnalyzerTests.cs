using Crosscheck.Ingest;
using Crosscheck.Processing;
using Crosscheck.Store;
using Crosscheck.Text;
using FluentAssertions;

namespace Crosscheck.Tests.Processing;

public class BatchAnalyzerTests
{
    private static readonly Pipeline TextOnly = new PipelineBuilder().Add(new TextStage()).Build();

    private static Article Prepare(RawArticle raw) =>
        raw.Body.Contains("EXPLODE") ? throw new InvalidDataException("cannot clean this") :
        new Article { Id = raw.Id, SourcePath = raw.Location, Text = raw.Body, ContentHash = raw.ContentHash };

    private sealed class Recorder : IAnalysisListener
    {
        public List<string> Events { get; } = [];
        public void OnAnalyzed(AnalyzedArticle article) => Events.Add("analyzed " + article.Article.Id);
        public void OnUnchanged(string location, string id) => Events.Add("unchanged " + id);
        public void OnSkipped(string location, string reason) => Events.Add($"skipped {location}: {reason}");
        public void OnProblem(InputProblem problem) => Events.Add($"problem {problem.Location}: {problem.Message}");
        public void OnStageFailure(string location, StageFailure failure) => Events.Add("stage " + failure.Stage);
    }

    [Fact]
    public void ReadsAnalysesAndStoresEveryGoodReportAndNamesEveryBadOne()
    {
        using var folder = new Some.TempFolder();
        using var store = SqliteArticleStore.Open(folder.File("a.db"));
        var recorder = new Recorder();
        var items = new[]
        {
            ReadItem.Ok(Some.Raw("First report.", "r1")),
            ReadItem.Fail("/in/broken.json:3", "line 3 is not valid JSON"),
            ReadItem.Ok(Some.Raw("EXPLODE", "r2")),
            ReadItem.Ok(Some.Raw("Second report.", "r3")),
            ReadItem.Skip("/in/README.md", "skipped: unsupported extension '.md'"),
        };
        var summary = new BatchAnalyzer(TextOnly, Prepare, store, Some.Context(), batchSize: 2).Run(items, recorder);

        summary.Read.Should().Be(5);
        summary.Analyzed.Should().Be(2);
        summary.Rejected.Should().Be(2);
        summary.Skipped.Should().Be(1);
        store.ReadAll().Select(a => a.Article.Id).Should().Equal("r1", "r3");
        recorder.Events.Should().Contain("problem /in/broken.json:3: line 3 is not valid JSON");
        recorder.Events.Should().Contain(e => e.StartsWith("problem /tmp/r2.txt: could not be analysed") && e.Contains("cannot clean this"));
        store.ReadProblems().Select(p => p.Location).Should().BeEquivalentTo(["/in/broken.json:3", "/tmp/r2.txt"]);
    }

    [Fact]
    public void TheSameReportTwiceInOneRunIsAnalysedOnce()
    {
        using var folder = new Some.TempFolder();
        using var store = SqliteArticleStore.Open(folder.File("a.db"));
        var items = new[] { ReadItem.Ok(Some.Raw("Same.", "a", "/x/a.txt")), ReadItem.Ok(Some.Raw("Same.", "b", "/x/b.txt")) };
        var recorder = new Recorder();
        var summary = new BatchAnalyzer(TextOnly, Prepare, store, Some.Context()).Run(items, recorder);
        summary.Analyzed.Should().Be(1);
        summary.Duplicates.Should().Be(1);
        store.ArticleCount.Should().Be(1);
        recorder.Events.Should().Contain("skipped /x/b.txt: same content as 'a': analysed once");
    }

    [Fact]
    public void ASecondRunAddsOnlyWhatIsNewAndKeepsWhatWasStored()
    {
        using var folder = new Some.TempFolder();
        using var store = SqliteArticleStore.Open(folder.File("a.db"));
        var analyzer = new BatchAnalyzer(TextOnly, Prepare, store, Some.Context());
        analyzer.Run([ReadItem.Ok(Some.Raw("One.", "r1"))]);
        var second = analyzer.Run([ReadItem.Ok(Some.Raw("One.", "r1")), ReadItem.Ok(Some.Raw("Two.", "r2")), ReadItem.Ok(Some.Raw("One.", "copy", "/elsewhere/copy.txt"))]);
        second.Analyzed.Should().Be(1);
        second.Unchanged.Should().Be(1);
        second.Duplicates.Should().Be(1, "the same words from another file are a copy, found through the store");
        store.ReadAll().Select(a => a.Text).Should().Equal("One.", "Two.");
    }
}
