using Crosscheck.Store;
using Crosscheck.Text;
using FluentAssertions;

namespace Crosscheck.Tests.Store;

public class SqliteArticleStoreTests
{
    private static readonly DateOnly Monday = new(2024, 12, 16);

    private static AnalyzedArticle Analyzed(string text, string id = "a1", string? location = null, DateOnly? published = null)
    {
        var article = Some.Article(text, id, published) with { SourcePath = location ?? $"/in/{id}.txt" };
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
    public void AnAnalysisByAnotherBuildIsAnalysedAgainInItsPlace()
    {
        using var folder = new Some.TempFolder();
        var bare = new AnalyzedArticle(Some.Article("Troops crossed the river.", "r", Monday) with { SourcePath = "/x/r.txt" });
        using (var older = SqliteArticleStore.Open(folder.File("a.db"), null, "older-build"))
        {
            older.SaveBatch([bare, Analyzed("Another report.", "s", "/x/s.txt")], []);
        }
        using var newer = SqliteArticleStore.Open(folder.File("a.db"), null, "newer-build");
        var decision = newer.DecideId("r-copy", "/y/r-copy.txt", bare.Article.ContentHash);
        decision.AlreadyStored.Should().BeFalse("an earlier build's analysis is stale");
        decision.Reanalyzes.Should().BeTrue();
        decision.Id.Should().Be("r");

        var fresh = Analyzed("Troops crossed the river.", "r", "/y/r-copy.txt", Monday);
        var saved = newer.SaveBatch([fresh], []);

        saved.Stored.Should().ContainSingle().Which.Article.SourcePath.Should().Be("/x/r.txt", "the stored row keeps the place it was read from");
        newer.ArticleCount.Should().Be(2);
        newer.ReadAll().Select(a => a.Article.Id).Should().Equal(["r", "s"], "the row keeps its id and its place in the order");
        newer.ReadAll().First().Has(Layers.Tokens).Should().BeTrue("the new analysis replaced the old one");
        newer.DecideId("r", "/x/r.txt", bare.Article.ContentHash).AlreadyStored.Should().BeTrue("it is this build's analysis now");
    }

    [Fact]
    public void AnUndatedReportIsAnalysedAgainOnTheDateItWasAnchoredOn()
    {
        using var folder = new Some.TempFolder();
        var undated = Analyzed("The bridge reopened on Monday.", "u", "/x/u.txt").AnchoredOn(new DateOnly(2024, 12, 16));
        using (var older = SqliteArticleStore.Open(folder.File("a.db"), null, "older-build")) older.SaveBatch([undated], []);
        using var newer = SqliteArticleStore.Open(folder.File("a.db"), null, "newer-build");
        var decision = newer.DecideId("u", "/x/u.txt", undated.Article.ContentHash);
        decision.Reanalyzes.Should().BeTrue();
        decision.ReanalyzeOn.Should().Be(new DateOnly(2024, 12, 16), "a new run's own fallback date would move its \"Monday\"");
        newer.SaveBatch([undated.AnchoredOn(new DateOnly(2024, 12, 16))], []).Reanalyzed.Should().Be(1);
        newer.ReadAll().Single(a => a.Article.Id == "u").ReferenceDate.Should().Be(new DateOnly(2024, 12, 16), "the dossier names the date it rests on");
        newer.DecideId("u", "/x/u.txt", undated.Article.ContentHash).AlreadyStored.Should().BeTrue("it is this build's analysis now");

        var dated = Analyzed("The bridge closed on Monday.", "d", "/x/d.txt", Monday).AnchoredOn(Monday);
        using (var older = SqliteArticleStore.Open(folder.File("a.db"), null, "older-build")) older.SaveBatch([dated], []);
        newer.DecideId("d", "/x/d.txt", dated.Article.ContentHash).ReanalyzeOn.Should().BeNull("a dated report is anchored on its own date");
    }

    [Fact]
    public void AnUndatedReportStoredWithoutItsAnchorKeepsAnotherBuildsAnalysis()
    {
        // Its relative dates rest on the reference date of the run that stored it, which no row of schema 3 or older names.
        using var folder = new Some.TempFolder();
        var undated = Analyzed("The bridge reopened on Monday.", "u", "/x/u.txt");
        using (var older = SqliteArticleStore.Open(folder.File("a.db"), null, "older-build")) older.SaveBatch([undated], []);
        using var newer = SqliteArticleStore.Open(folder.File("a.db"), null, "newer-build");
        var decision = newer.DecideId("u", "/x/u.txt", undated.Article.ContentHash);
        decision.AlreadyStored.Should().BeTrue();
        decision.Reanalyzes.Should().BeFalse();
        var saved = newer.SaveBatch([undated], []);
        saved.Stored.Should().BeEmpty();
        saved.Reanalyzed.Should().Be(0);
    }

    [Fact]
    public void ASchemaTwoDatabaseOpenedTwiceIsMigratedOnceAndKeepsItsReport()
    {
        using var folder = new Some.TempFolder();
        var path = folder.File("v2.db");
        CreateSchemaTwo(path, Analyzed("A report stored before builds were recorded.", "old", "/in/old.txt", Monday));
        using var first = SqliteArticleStore.Open(path);
        using var second = SqliteArticleStore.Open(path);
        second.ArticleCount.Should().Be(1);
        first.ReadAll().Single().Article.Id.Should().Be("old");
    }

    private static void CreateSchemaTwo(string path, AnalyzedArticle analyzed)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var create = connection.CreateCommand();
        create.CommandText = """
            CREATE TABLE articles (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE,
                content_hash TEXT NOT NULL UNIQUE, location TEXT NOT NULL, published TEXT, analysis BLOB NOT NULL);
            CREATE INDEX articles_location ON articles(location);
            CREATE TABLE problems (location TEXT PRIMARY KEY, message TEXT NOT NULL);
            PRAGMA user_version = 2;
            INSERT INTO articles (id, content_hash, location, published, analysis) VALUES ($id, $hash, $location, $published, $blob);
            """;
        create.Parameters.AddWithValue("$id", analyzed.Article.Id);
        create.Parameters.AddWithValue("$hash", analyzed.Article.ContentHash);
        create.Parameters.AddWithValue("$location", analyzed.Article.SourcePath);
        create.Parameters.AddWithValue("$published", (object?)analyzed.Article.Published.Date?.ToString("yyyy-MM-dd") ?? DBNull.Value);
        create.Parameters.AddWithValue("$blob", AnalysisBlob.Pack(analyzed));
        create.ExecuteNonQuery();
    }

    [Fact]
    public void TheSameBuildKeepsItsStoredAnalysis()
    {
        using var folder = new Some.TempFolder();
        var analyzed = Analyzed("Same words.");
        using (var first = SqliteArticleStore.Open(folder.File("a.db"), null, "one-build")) first.SaveBatch([analyzed], []);
        using var again = SqliteArticleStore.Open(folder.File("a.db"), null, "one-build");
        var decision = again.DecideId("a1", "/in/a1.txt", analyzed.Article.ContentHash);
        decision.AlreadyStored.Should().BeTrue();
        decision.Reanalyzes.Should().BeFalse();
        again.SaveBatch([analyzed], []).NotStored.Should().ContainSingle(n => n.StoredId == "a1", "stored meanwhile by the same build: stored once");
    }

    [Fact]
    public void RowsOfASchemaTwoDatabaseNameNoBuildAndAreAnalysedAgain()
    {
        using var folder = new Some.TempFolder();
        var path = folder.File("v2.db");
        var analyzed = Analyzed("A report stored before builds were recorded.", "old", "/in/old.txt", Monday);
        CreateSchemaTwo(path, analyzed);
        using var store = SqliteArticleStore.Open(path);
        store.ReadAll().Single().Article.Id.Should().Be("old");
        store.DecideId("old", "/in/old.txt", analyzed.Article.ContentHash).Reanalyzes.Should().BeTrue();
        store.SaveBatch([analyzed], []).Stored.Should().ContainSingle();
        store.DecideId("old", "/in/old.txt", analyzed.Article.ContentHash).AlreadyStored.Should().BeTrue();
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
