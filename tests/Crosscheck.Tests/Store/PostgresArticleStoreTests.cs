using Crosscheck.Ingest;
using Crosscheck.Processing;
using Crosscheck.Report;
using Crosscheck.Store;
using Crosscheck.Text;
using FluentAssertions;
using Npgsql;

namespace Crosscheck.Tests.Store;

/// <summary>The PostgreSQL store keeps the SQLite store's contract; each test runs in a schema of its own.</summary>
public class PostgresArticleStoreTests
{
    private static AnalyzedArticle Analyzed(string text, string id = "a1", string? location = null, string? title = null, string language = "en")
    {
        var article = Some.Article(text, id) with { SourcePath = location ?? $"/in/{id}.txt", Title = title, Language = language };
        return new TextStage().Process(new AnalyzedArticle(article), Some.Context());
    }

    [PostgresFact]
    public void AStoredAnalysisComesBackWithItsLayersIntact()
    {
        using var server = new TestPostgres();
        var original = Analyzed("Troops crossed the river. They stayed.");
        using (var store = server.OpenStore()) store.SaveBatch([original], []);
        using var reopened = server.OpenStore();
        var back = reopened.ReadAll().Single();
        back.Article.Should().BeEquivalentTo(original.Article);
        back.Items(Layers.Tokens).Should().Equal(original.Items(Layers.Tokens));
        back.Items(Layers.Sentences).Should().Equal(original.Items(Layers.Sentences));
    }

    [PostgresFact]
    public void MigrationsAreRecordedOnceAndOpeningAgainChangesNothing()
    {
        using var server = new TestPostgres();
        using (var first = server.OpenStore()) first.SchemaVersion.Should().BeGreaterThanOrEqualTo(2);
        // Several workers starting at once: one migrates, the others find the schema in place.
        Parallel.For(0, 4, _ => { using var store = server.OpenStore(); });
        server.Scalar("SELECT count(*) FROM crosscheck_migrations").Should().Be(server.Scalar("SELECT max(version) FROM crosscheck_migrations"));
    }

    [PostgresFact]
    public void ASchemaNewerThanThisBuildIsRefusedWithAClearMessage()
    {
        using var server = new TestPostgres();
        using (server.OpenStore()) { }
        using (var connection = server.Connect())
        using (var future = new NpgsqlCommand("INSERT INTO crosscheck_migrations (version, description) VALUES (999, 'from the future');", connection))
        {
            future.ExecuteNonQuery();
        }
        var open = () => server.OpenStore();
        open.Should().Throw<StoreException>().WithMessage("*schema version 999*Upgrade Crosscheck*");
    }

    [PostgresFact]
    public void KnownContentIsRecognisedByHashAndNotAnalysedTwice()
    {
        using var server = new TestPostgres();
        using var store = server.OpenStore();
        var analyzed = Analyzed("Same words.");
        store.SaveBatch([analyzed], []);
        var decision = store.DecideId("copy", "/elsewhere/copy.txt", analyzed.Article.ContentHash);
        decision.AlreadyStored.Should().BeTrue();
        decision.Id.Should().Be("a1");
        decision.StoredLocation.Should().Be("/in/a1.txt");
    }

    [PostgresFact]
    public void TwoFilesWithTheSameNameKeepDistinctStableIds()
    {
        using var server = new TestPostgres();
        using var store = server.OpenStore();
        store.SaveBatch([Analyzed("First.", "report", "/x/report.txt")], []);
        var second = store.DecideId("report", "/y/report.txt", Some.Hash("Second."));
        second.AlreadyStored.Should().BeFalse();
        second.Id.Should().StartWith("report~").And.NotBe("report");
        store.DecideId("report", "/y/report.txt", Some.Hash("Second.")).Id.Should().NotBe(second.Id, "a pending id is reserved until its batch is saved");
    }

    [PostgresFact]
    public void AnAnalysisByAnotherBuildIsAnalysedAgainInItsPlace()
    {
        using var server = new TestPostgres();
        var monday = new DateOnly(2024, 12, 16);
        var bare = new AnalyzedArticle(Some.Article("Troops crossed the river.", "r", monday) with { SourcePath = "/x/r.txt", Language = "en" });
        var undated = Analyzed("The bridge reopened on Monday.", "u", "/x/u.txt");
        var anchored = Analyzed("The ferry sailed on Friday.", "f", "/x/f.txt").AnchoredOn(monday);
        using (var older = server.OpenStoreAs("older-build"))
        {
            older.SaveBatch([bare, Analyzed("Another report.", "s", "/x/s.txt"), undated, anchored], []);
        }
        using var newer = server.OpenStoreAs("newer-build");
        newer.StoredHashes([bare.Article.ContentHash, undated.Article.ContentHash, anchored.Article.ContentHash]).Should().Equal([undated.Article.ContentHash],
            "the queue feeder hands a stale report to a worker again, unless it is undated and its row names no date it was anchored on");
        newer.DecideId("u", "/x/u.txt", undated.Article.ContentHash).AlreadyStored.Should().BeTrue();
        newer.DecideId("f", "/x/f.txt", anchored.Article.ContentHash).ReanalyzeOn.Should().Be(monday, "analysed again on the date its relative dates rest on");
        var decision = newer.DecideId("r-copy", "/y/r-copy.txt", bare.Article.ContentHash);
        decision.AlreadyStored.Should().BeFalse();
        decision.Reanalyzes.Should().BeTrue();
        decision.Id.Should().Be("r");

        var fresh = new TextStage().Process(new AnalyzedArticle(Some.Article("Troops crossed the river.", "r", monday) with { SourcePath = "/y/r-copy.txt", Language = "en" }), Some.Context());
        var saved = newer.SaveBatch([fresh], []);
        saved.Reanalyzed.Should().Be(1);

        saved.Stored.Should().ContainSingle().Which.Article.SourcePath.Should().Be("/x/r.txt");
        newer.ArticleCount.Should().Be(4);
        newer.ReadAll().Select(a => a.Article.Id).Should().Equal(["r", "s", "u", "f"]);
        newer.ReadAll().First().Has(Layers.Tokens).Should().BeTrue("the new analysis replaced the old one");
        newer.StoredHashes([bare.Article.ContentHash]).Should().ContainSingle();
        newer.DecideId("r", "/x/r.txt", bare.Article.ContentHash).AlreadyStored.Should().BeTrue();
    }

    [PostgresFact]
    public void AnEditedFileReplacesItsEarlierAnalysis()
    {
        using var server = new TestPostgres();
        using var store = server.OpenStore();
        store.SaveBatch([Analyzed("Old text.", "r", "/x/r.txt")], []);
        var decision = store.DecideId("r", "/x/r.txt", Some.Hash("New text."));
        decision.Replaces.Should().BeTrue();
        store.SaveBatch([Analyzed("New text.", decision.Id, "/x/r.txt")], []);
        store.ArticleCount.Should().Be(1);
        store.ReadAll().Single().Text.Should().Be("New text.");
    }

    [PostgresFact]
    public void ANewRecordAtTheTopOfAFeedDoesNotReplaceTheRecordThatMovedDown()
    {
        using var server = new TestPostgres();
        using var store = server.OpenStore();
        store.SaveBatch([Analyzed("Yesterday's report.", "feed-1", "/in/feed.jsonl:1")], []);
        var decision = store.DecideId("feed-1", "/in/feed.jsonl:1", Some.Hash("Today's report."));
        decision.Replaces.Should().BeFalse();
        store.SaveBatch([Analyzed("Today's report.", decision.Id, "/in/feed.jsonl:1")], []);
        store.ReadAll().Select(a => a.Text).Should().Equal("Yesterday's report.", "Today's report.");
    }

    [PostgresFact]
    public void ProblemsAreKeptAndClearedWhenTheFileLaterReads()
    {
        using var server = new TestPostgres();
        using var store = server.OpenStore();
        store.SaveBatch([], [new InputProblem("/in/a1.txt", "empty file"), new InputProblem("/in/B.txt", "binary")]);
        store.ReadProblems().Select(p => p.Location).Should().Equal("/in/B.txt", "/in/a1.txt");
        store.SaveBatch([Analyzed("Now it has words.", "a1", "/in/a1.txt")], []);
        store.ReadProblems().Should().ContainSingle().Which.Message.Should().Be("binary");
    }

    [PostgresFact]
    public void ABatchIsAllOrNothing()
    {
        using var server = new TestPostgres();
        using var store = server.OpenStore();
        // A trigger that fails on the second report stands for any failure mid-batch.
        using (var connection = server.Connect())
        using (var trigger = new NpgsqlCommand("""
            CREATE FUNCTION refuse() RETURNS trigger AS $$ BEGIN
              IF NEW.id = 'second' THEN RAISE EXCEPTION 'refused for the test'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql;
            CREATE TRIGGER refuse BEFORE INSERT ON articles FOR EACH ROW EXECUTE FUNCTION refuse();
            """, connection))
        {
            trigger.ExecuteNonQuery();
        }
        var save = () => store.SaveBatch([Analyzed("One.", "first"), Analyzed("Two.", "second")], [new InputProblem("/in/x", "bad")]);
        save.Should().Throw<StoreException>().WithMessage("*refused for the test*");
        store.ArticleCount.Should().Be(0);
        store.ReadProblems().Should().BeEmpty();
    }

    [PostgresFact]
    public void TwoWorkersStoringTheSameReportStoreItOnce()
    {
        using var server = new TestPostgres();
        using var first = server.OpenStore();
        using var second = server.OpenStore();
        var report = Analyzed("Both workers analysed this after a lease expired.", "dup");
        // Both decided before either stored: the lease-expiry race.
        first.DecideId("dup", "/in/dup.txt", report.Article.ContentHash).AlreadyStored.Should().BeFalse();
        second.DecideId("dup", "/in/dup.txt", report.Article.ContentHash).AlreadyStored.Should().BeFalse();
        first.SaveBatch([report], [], null).Stored.Should().ContainSingle();
        var late = second.SaveBatch([report], [], null);
        late.Stored.Should().BeEmpty();
        late.NotStored.Should().ContainSingle().Which.StoredId.Should().Be("dup", "the caller reports the stored copy, not one of its own");
        server.Scalar("SELECT count(*) FROM articles").Should().Be(1);
    }

    [PostgresFact]
    public void AnEditedFileStoredOutOfOrderLeavesItsLaterVersionStored()
    {
        using var server = new TestPostgres();
        using var store = server.OpenStore();
        var older = Analyzed("The first version said 3 homes.", "r", "/in/r.txt");
        var newer = Analyzed("The edited version said 4 homes.", "r", "/in/r.txt");
        var keys = new Dictionary<string, long> { [older.Article.ContentHash] = 10, [newer.Article.ContentHash] = 20 };
        // Two jobs, two workers: the job holding the edit finished first.
        store.SaveBatch([newer], [], keys).Stored.Should().ContainSingle();
        var late = store.SaveBatch([older], [], keys);
        late.Stored.Should().BeEmpty();
        late.NotStored.Should().ContainSingle().Which.Reason.Should().Contain("later version");
        store.ReadAll().Select(a => a.Text).Should().Equal("The edited version said 4 homes.");
    }

    [PostgresFact]
    public void AnEditedFileStoredInOrderReplacesItsEarlierVersion()
    {
        using var server = new TestPostgres();
        using var store = server.OpenStore();
        var older = Analyzed("The first version said 3 homes.", "r", "/in/r.txt");
        var newer = Analyzed("The edited version said 4 homes.", "r", "/in/r.txt");
        // Keys drawn from the store's sequence, as `enqueue` draws them.
        var keys = new Dictionary<string, long>
        {
            [older.Article.ContentHash] = server.Scalar("SELECT nextval('article_order')"),
            [newer.Article.ContentHash] = server.Scalar("SELECT nextval('article_order')"),
        };
        store.SaveBatch([older], [], keys);
        store.SaveBatch([newer], [], keys).Stored.Should().ContainSingle();
        store.ReadAll().Select(a => a.Text).Should().Equal("The edited version said 4 homes.");
        // Without an order key (not from the queue) a report comes after everything stored: it replaces.
        store.SaveBatch([Analyzed("A third version said 5 homes.", "r", "/in/r.txt")], []);
        store.ReadAll().Select(a => a.Text).Should().Equal("A third version said 5 homes.");
    }

    [PostgresFact]
    public void AnIdTakenByAnotherWorkerMeanwhileIsDisambiguatedNotOverwritten()
    {
        using var server = new TestPostgres();
        using var first = server.OpenStore();
        using var second = server.OpenStore();
        first.DecideId("report", "/a/report.txt", Some.Hash("A.")).Id.Should().Be("report");
        second.DecideId("report", "/b/report.txt", Some.Hash("B.")).Id.Should().Be("report");
        first.SaveBatch([Analyzed("A.", "report", "/a/report.txt")], []);
        var saved = second.SaveBatch([Analyzed("B.", "report", "/b/report.txt")], []);
        saved.Stored.Should().ContainSingle().Which.Article.Id.Should().StartWith("report~", "the caller reports the id it was stored under");
        var stored = second.ReadAll().ToList();
        stored.Select(a => a.Text).Should().Equal("A.", "B.");
        stored[1].Article.Id.Should().StartWith("report~");
    }

    [PostgresFact]
    public void FullTextSearchRanksTitleHitsFirstAndMarksTheMatchedWords()
    {
        using var server = new TestPostgres();
        using var store = server.OpenStore();
        store.SaveBatch([
            Analyzed("The river rose overnight and the old bridge was closed to traffic.", "body", title: "Town council meets"),
            Analyzed("Engineers said the structure would reopen next week.", "title", title: "Bridge closed after storm"),
            Analyzed("Nothing about crossings here at all.", "other", title: "Market prices"),
        ], []);
        var hits = store.Search("bridge");
        hits.Select(h => h.ArticleId).Should().Equal("title", "body");
        hits[0].Score.Should().BeGreaterThan(hits[1].Score);
        hits[1].Snippet.Should().Contain($"{PostgresArticleStore.HitStart}bridge{PostgresArticleStore.HitEnd}");
        store.Search("\"old bridge\"").Select(h => h.ArticleId).Should().Equal("body");
        store.Search("\"bridge old\"").Should().BeEmpty("a phrase keeps its word order");
        store.Search("cross*").Select(h => h.ArticleId).Should().Equal("other");
    }

    [PostgresFact]
    public void TheLanguageConfigurationStemsAndTheSimpleOneDoesNot()
    {
        using var server = new TestPostgres();
        using var store = server.OpenStore();
        store.SaveBatch([
            Analyzed("Heavy floods reached the lower town.", "en", language: "en"),
            Analyzed("Die Fluten erreichten die Unterstadt.", "de", language: "de"),
        ], []);
        store.Search("flooding").Should().BeEmpty("simple matches words as written");
        store.Search("flooding", "en").Select(h => h.ArticleId).Should().Equal("en");
        store.Search("flut", "de").Select(h => h.ArticleId).Should().Equal("de");
        store.Search("floods").Select(h => h.ArticleId).Should().Equal("en");
    }

    [PostgresFact]
    public void NothingAUserTypesMakesTheSearchFail()
    {
        using var server = new TestPostgres();
        using var store = server.OpenStore();
        store.SaveBatch([Analyzed("Officials said on Monday that 12 homes were flooded.", "a")], []);
        foreach (var query in new[] { "", "   ", "&|!():*", "'; DROP TABLE articles; --", "\"unclosed", "the", "a & b | !c", "12*" })
        {
            var search = () => store.Search(query);
            search.Should().NotThrow(query);
        }
        store.Search("12*").Select(h => h.ArticleId).Should().Equal("a");
        store.ArticleCount.Should().Be(1);
    }

    [Fact]
    public void UrlsAndConnectionStringsAreToldFromFilesAndPasswordsNeverShown()
    {
        StoreFactory.IsPostgres("postgres://u@h/db").Should().BeTrue();
        StoreFactory.IsPostgres("Host=db1;Username=u;Database=news").Should().BeTrue();
        StoreFactory.IsPostgres("crosscheck.db").Should().BeFalse();
        StoreFactory.IsPostgres("/data/Host=weird.db").Should().BeFalse();
        var parsed = PostgresConnectionString.Parse("postgresql://news%40desk:s3cr%3At@db.example:6543/reports?search_path=cc&sslmode=require");
        parsed.Username.Should().Be("news@desk");
        parsed.Password.Should().Be("s3cr:t");
        parsed.Host.Should().Be("db.example");
        parsed.Port.Should().Be(6543);
        parsed.Database.Should().Be("reports");
        parsed.SearchPath.Should().Be("cc");
        parsed.SslMode.Should().Be(SslMode.Require);
        PostgresConnectionString.Parse("postgres:///news?host=/var/run/postgresql").Host.Should().Be("/var/run/postgresql");
        StoreFactory.DisplayName("postgres://u:hunter2@h/db").Should().NotContain("hunter2");
        StoreFactory.DisplayName("Host=h;Password=hunter2").Should().NotContain("hunter2");
        var noHost = () => PostgresConnectionString.Parse("postgres:///db");
        noHost.Should().Throw<StoreException>().WithMessage("*no host*");
        var unknown = () => PostgresConnectionString.Parse("postgres://h/db?frobnicate=1");
        unknown.Should().Throw<StoreException>().WithMessage("*cannot be read*");
    }

    [Theory]
    [InlineData("postgres://desk:p@ss@word@db.example/news", "ss", "word")]
    [InlineData("postgres://desk:pa/ss@db.example/news", "pa/ss", "pa")]
    [InlineData("postgres://desk@db.example/news?password=hunter2&sslmode=require", "hunter2", "hunter2")]
    [InlineData("postgres://desk@db.example/news?PASSWORD=hunter2", "hunter2", "hunter2")]
    [InlineData("Host=db.example;Username=desk;PWD=hunter2", "hunter2", "hunter2")]
    [InlineData("Host=db.example;Username=desk;PSW=hunter2;Database=news", "hunter2", "hunter2")]
    [InlineData("Host=db.example;Password='a;hunter2'", "hunter2", "a;")]
    public void NoPartOfAPasswordIsShown(string db, string secret, string alsoSecret)
    {
        var shown = PostgresConnectionString.Redacted(db);
        shown.Should().NotContain(secret).And.NotContain(alsoSecret).And.Contain("db.example");
    }

    [Fact]
    public void ABadPortIsAUsageErrorOfOneLine()
    {
        var parse = () => PostgresConnectionString.Parse("postgres://desk:hunter2@db.example:54x2/news");
        parse.Should().Throw<StoreAddressException>().WithMessage("*port '54x2' is not a number*").Which.Message.Should().NotContain("hunter2");
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = Crosscheck.Cli.CliApp.Run(["status", "--db", "postgres://desk:hunter2@db.example:99999999999/news"], output, error);
        exit.Should().Be(Crosscheck.Cli.CliApp.ExitUsage);
        var lines = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().ContainSingle().Which.Should().Contain("port").And.NotContain("hunter2");
    }

    [Fact]
    public void AnUnreachableServerGivesOneClearError()
    {
        var open = () => PostgresArticleStore.Open("postgres://nobody@127.0.0.1:1/none?connect_timeout=2");
        open.Should().Throw<StoreException>().WithMessage("*Cannot open the PostgreSQL database*127.0.0.1:1*");
    }

    [PostgresFact]
    public void TheSameCorpusGivesTheSameDossierInSqliteAndInPostgres()
    {
        var samples = RepositoryFolder("samples");
        using var folder = new Some.TempFolder();
        // A second run adds an edited copy of one sample and a different file with a sample's name.
        var second = Directory.CreateDirectory(folder.File("second")).FullName;
        File.WriteAllText(Path.Combine(second, "harbor-courier-rescue.txt"),
            "Volunteers in the harbor town said on Tuesday that 40 boats had been checked after the storm. \"Everyone is accounted for,\" the harbor master said.");
        var reference = new DateOnly(2025, 6, 1);
        var components = Components.CreateDefault(reference);

        string DossierFrom(IArticleStore store)
        {
            var analyzer = new BatchAnalyzer(components.Pipeline, components.Prepare, store, new AnalysisContext(reference), batchSize: 3);
            analyzer.Run(components.Reader.Read([samples]));
            analyzer.Run(components.Reader.Read([second]));
            analyzer.Run(components.Reader.Read([samples])); // nothing new the second time
            return DossierJson.Serialize(components.BuildDossier(store.ReadAll().ToList(), reference));
        }

        string fromSqlite;
        IReadOnlyList<InputProblem> sqliteProblems;
        using (var sqlite = SqliteArticleStore.Open(folder.File("same.db")))
        {
            fromSqlite = DossierFrom(sqlite);
            sqliteProblems = sqlite.ReadProblems();
        }
        using var server = new TestPostgres();
        string fromPostgres;
        using (var postgres = server.OpenStore())
        {
            fromPostgres = DossierFrom(postgres);
            postgres.ReadProblems().Should().Equal(sqliteProblems);
        }
        fromSqlite.Should().Contain("\"stories\"").And.Contain("harbor-courier-rescue~");
        fromPostgres.Should().Be(fromSqlite);
    }

    internal static string RepositoryFolder(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, name);
            if (Directory.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "Crosscheck.slnx"))) return candidate;
        }
        throw new DirectoryNotFoundException($"no '{name}' folder above {AppContext.BaseDirectory}");
    }
}
