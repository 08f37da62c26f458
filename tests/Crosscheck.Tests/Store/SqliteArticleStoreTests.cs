using Crosscheck.Store;
using Crosscheck.Text;
using FluentAssertions;

namespace Crosscheck.Tests.Store;

public class SqliteArticleStoreTests
{
    private static AnalyzedArticle Analyzed(string text, string id = "a1", string? location = null)
    {
        var article = Some.Article(text, id) with { SourcePath = location ?? $"/in/{id}.txt" };
        return new TextStage().Process(new AnalyzedArticle(article), Some.Context());
    }

    [Fact]
    public void AStoredAnalysisComesBackWithItsLayersIntact()
    {
        using var folder = new Some.TempFolder();
        var original = Analyzed("Troops crossed the river. They stayed.");
        using (var store = SqliteArticleStore.Open(folder.File("a.db")))
        {
            store.SaveBatch([original], []);
        }
        using var reopened = SqliteArticleStore.Open(folder.File("a.db"));
        var back = reopened.ReadAll().Single();
        back.Article.Should().BeEquivalentTo(original.Article);
        back.Items(Layers.Tokens).Should().Equal(original.Items(Layers.Tokens));
        back.Items(Layers.Sentences).Should().Equal(original.Items(Layers.Sentences));
    }

    [Fact]
    public void KnownContentIsRecognisedByHashAndNotAnalysedTwice()
    {
        using var folder = new Some.TempFolder();
        using var store = SqliteArticleStore.Open(folder.File("a.db"));
        var analyzed = Analyzed("Same words.");
        store.SaveBatch([analyzed], []);
        var decision = store.DecideId("copy", "/elsewhere/copy.txt", analyzed.Article.ContentHash);
        decision.AlreadyStored.Should().BeTrue();
        decision.Id.Should().Be("a1");
    }

    [Fact]
    public void TwoFilesWithTheSameNameKeepDistinctStableIds()
    {
        using var folder = new Some.TempFolder();
        using var store = SqliteArticleStore.Open(folder.File("a.db"));
        store.SaveBatch([Analyzed("First.", "report", "/x/report.txt")], []);
        var second = store.DecideId("report", "/y/report.txt", Some.Hash("Second."));
        second.AlreadyStored.Should().BeFalse();
        second.Id.Should().StartWith("report~").And.NotBe("report");
        store.DecideId("report", "/y/report.txt", Some.Hash("Second.")).Id.Should().NotBe(second.Id, "a pending id is reserved until its batch is saved");
    }

    [Fact]
    public void AnEditedFileReplacesItsEarlierAnalysis()
    {
        using var folder = new Some.TempFolder();
        using var store = SqliteArticleStore.Open(folder.File("a.db"));
        store.SaveBatch([Analyzed("Old text.", "r", "/x/r.txt")], []);
        var decision = store.DecideId("r", "/x/r.txt", Some.Hash("New text."));
        decision.Replaces.Should().BeTrue();
        store.SaveBatch([Analyzed("New text.", decision.Id, "/x/r.txt")], []);
        store.ArticleCount.Should().Be(1);
        store.ReadAll().Single().Text.Should().Be("New text.");
    }

    [Fact]
    public void ProblemsAreKeptAndClearedWhenTheFileLaterReads()
    {
        using var folder = new Some.TempFolder();
        using var store = SqliteArticleStore.Open(folder.File("a.db"));
        store.SaveBatch([], [new InputProblem("/in/a1.txt", "empty file")]);
        store.ReadProblems().Should().ContainSingle(p => p.Message == "empty file");
        store.SaveBatch([Analyzed("Now it has words.", "a1", "/in/a1.txt")], []);
        store.ReadProblems().Should().BeEmpty();
    }

    [Fact]
    public void AFileThatIsNotADatabaseGivesOneClearError()
    {
        using var folder = new Some.TempFolder();
        File.WriteAllText(folder.File("not.db"), new string('x', 4096));
        var open = () => SqliteArticleStore.Open(folder.File("not.db"));
        open.Should().Throw<StoreException>().WithMessage("*not.db*");
    }

    [Fact]
    public void ANewRecordAtTheTopOfAFeedDoesNotReplaceTheRecordThatMovedDown()
    {
        // Regression: records are located by line, and a feed that grows at the top shifts them.
        using var folder = new Some.TempFolder();
        using var store = SqliteArticleStore.Open(folder.File("a.db"));
        store.SaveBatch([Analyzed("Yesterday's report.", "feed-1", "/in/feed.jsonl:1")], []);
        var decision = store.DecideId("feed-1", "/in/feed.jsonl:1", Some.Hash("Today's report."));
        decision.Replaces.Should().BeFalse();
        decision.Id.Should().NotBe("feed-1");
        store.SaveBatch([Analyzed("Today's report.", decision.Id, "/in/feed.jsonl:1")], []);
        store.ReadAll().Select(a => a.Text).Should().BeEquivalentTo(["Yesterday's report.", "Today's report."]);
    }

    [Theory]
    [InlineData("/in/feed.jsonl:12", true)]
    [InlineData("/in/items.json[3]", true)]
    [InlineData("/in/report.txt", false)]
    [InlineData("/in/odd:name.txt", false)]
    public void RecordLocationsAreToldFromFiles(string location, bool record) =>
        SqliteArticleStore.IsRecordLocation(location).Should().Be(record);
}
