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
    public void AReportStoredByAnotherBuildIsAnalysedAgainAndCountedSo()
    {
        using var folder = new Some.TempFolder();
        var items = new[] { ReadItem.Ok(Some.Raw("First report.", "r1")), ReadItem.Ok(Some.Raw("Second report.", "r2")), ReadItem.Ok(Some.Raw("Undated report.", "u")) };
        // Reports with a date of their own, and one without (its relative dates rest on the storing run's reference date, which its row keeps).
        static Article PrepareDated(RawArticle raw) => Prepare(raw) with
        {
            Published = raw.Id == "u" ? PublicationDate.Unknown : PublicationDate.Given(new DateOnly(2024, 12, 16), "test"),
        };
        using (var older = SqliteArticleStore.Open(folder.File("a.db"), null, "older-build"))
        {
            new BatchAnalyzer(TextOnly, PrepareDated, older, Some.Context()).Run(items).Analyzed.Should().Be(3);
        }
        using var newer = SqliteArticleStore.Open(folder.File("a.db"), null, "newer-build");
        var recorder = new AnchorRecorder();
        // A later run, with another fallback date: the undated report is analysed again on the date it was first anchored on.
        var again = new BatchAnalyzer(TextOnly, PrepareDated, newer, Some.Context(2025, 3, 1)).Run(items, recorder);
        again.Analyzed.Should().Be(3);
        again.Reanalyzed.Should().Be(3);
        recorder.AnchoredOn.Should().Contain(("u", new DateOnly(2024, 12, 16)), "its relative dates keep resting on the storing run's date");
        newer.ArticleCount.Should().Be(3);

        var third = new BatchAnalyzer(TextOnly, PrepareDated, newer, Some.Context()).Run(items);
        third.Unchanged.Should().Be(3, "the same build does not analyse a stored report twice");
        third.Reanalyzed.Should().Be(0);
    }

    private sealed class AnchorRecorder : IAnalysisListener
    {
        public List<(string Id, DateOnly? Date)> AnchoredOn { get; } = [];
        public void OnAnalyzed(AnalyzedArticle article) => AnchoredOn.Add((article.Article.Id, article.ReferenceDate));
        public void OnUnchanged(string location, string id) { }
        public void OnSkipped(string location, string reason) { }
        public void OnProblem(InputProblem problem) { }
        public void OnStageFailure(string location, StageFailure failure) { }
    }

    [Fact]
    public void AnUndatedReportIsAnchoredOnTheRunsFallbackDateAndADatedOneOnItsOwn()
    {
        using var folder = new Some.TempFolder();
        using var store = SqliteArticleStore.Open(folder.File("a.db"));
        static Article PrepareOneDated(RawArticle raw) => Prepare(raw) with
        {
            Published = raw.Id == "d" ? PublicationDate.Given(new DateOnly(2023, 5, 2), "test") : PublicationDate.Unknown,
        };
        var recorder = new AnchorRecorder();
        new BatchAnalyzer(TextOnly, PrepareOneDated, store, Some.Context(2025, 3, 1)).Run([ReadItem.Ok(Some.Raw("Dated.", "d")), ReadItem.Ok(Some.Raw("Undated.", "u"))], recorder);
        recorder.AnchoredOn.Should().BeEquivalentTo([("d", (DateOnly?)new DateOnly(2023, 5, 2)), ("u", (DateOnly?)new DateOnly(2025, 3, 1))]);
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

    [Fact]
    public void TheListenerHearsWhatTheStoreReallyStoredWhenAnotherRunStoredFirst()
    {
        using var folder = new Some.TempFolder();
        using var store = SqliteArticleStore.Open(folder.File("a.db"));
        using var other = SqliteArticleStore.Open(folder.File("a.db"));
        // Another run stores, between this run's id decisions and its save, the same content as one report and a report that takes the other's id.
        var racing = new StoreMeanwhile(store, () =>
        {
            other.DecideId("same", "/other/same.txt", Some.Hash("Shared words."));
            other.DecideId("mine", "/other/mine.txt", Some.Hash("Another file, same name."));
            other.SaveBatch([
                new AnalyzedArticle(Prepare(Some.Raw("Shared words.", "same", "/other/same.txt"))),
                new AnalyzedArticle(Prepare(Some.Raw("Another file, same name.", "mine", "/other/mine.txt"))),
            ], []);
        });
        var recorder = new Recorder();
        var summary = new BatchAnalyzer(TextOnly, Prepare, racing, Some.Context(), parallelism: 1)
            .Run([ReadItem.Ok(Some.Raw("Shared words.", "copy", "/in/copy.txt")), ReadItem.Ok(Some.Raw("My own words.", "mine", "/in/mine.txt"))], recorder);
        var mine = store.ReadAll().Single(a => a.Text == "My own words.").Article.Id;
        mine.Should().StartWith("mine~");
        recorder.Events.Should().Equal($"analyzed {mine}", "unchanged same");
        summary.Analyzed.Should().Be(1);
        summary.Unchanged.Should().Be(1);
    }

    /// <summary>Runs <paramref name="meanwhile"/> once, just before the first save: another process writing to the same store.</summary>
    private sealed class StoreMeanwhile(IArticleStore inner, Action meanwhile) : IArticleStore
    {
        private Action? _meanwhile = meanwhile;

        public IdDecision DecideId(string proposedId, string location, string contentHash) => inner.DecideId(proposedId, location, contentHash);

        public SavedBatch SaveBatch(IReadOnlyList<AnalyzedArticle> analyses, IReadOnlyList<InputProblem> problems)
        {
            Interlocked.Exchange(ref _meanwhile, null)?.Invoke();
            return inner.SaveBatch(analyses, problems);
        }

        public IEnumerable<AnalyzedArticle> ReadAll() => inner.ReadAll();
        public IReadOnlyList<InputProblem> ReadProblems() => inner.ReadProblems();
        public int ArticleCount => inner.ArticleCount;
        public void Dispose() { }
    }
}
