using System.Text.RegularExpressions;
using Crosscheck.Processing;
using Crosscheck.Store;
using FluentAssertions;

namespace Crosscheck.Tests.Store;

/// <summary>
/// The web server's search on both backends: the same reports stored in SQLite (FTS5 index beside the
/// articles) and in PostgreSQL (tsvector columns of the articles) answer the same queries with the same
/// reports, and mark the matched words the same way.
/// </summary>
public class SearchBackendsTests
{
    private static readonly DateOnly Reference = new(2025, 6, 1);

    /// <summary>Invented reports, two of them German, so the language filter has something to tell apart.</summary>
    private static readonly (string Name, string Json)[] Invented =
    [
        ("ferry", """{"id": "ferry", "title": "Ferry service halted after storm", "maintext": "The harbour authority in Velmor said on Monday that the ferry to Oskel would not sail until the storm passed. Engineers were checking the old pier.", "date_publish": "2025-05-26", "language": "en"}"""),
        ("pier", """{"id": "pier", "title": "Old pier closed", "maintext": "Engineers closed the old pier in Velmor on Tuesday. The ferry operator said repairs would take weeks and that no one was hurt.", "date_publish": "2025-05-27", "language": "en"}"""),
        ("grain", """{"id": "grain", "title": "Grain prices climb", "maintext": "Traders in Marsk said grain prices rose for a third week as the dry spell continued across the plains.", "date_publish": "2025-05-28", "language": "en"}"""),
        ("hochwasser", """{"id": "hochwasser", "title": "Hochwasser in Velmor", "maintext": "Die Feuerwehr in Velmor meldete am Montag, dass das Hochwasser die alte Brücke erreicht habe. Die Fähre fährt nicht.", "date_publish": "2025-05-26", "language": "de"}"""),
        ("ernte", """{"id": "ernte", "title": "Ernte fällt kleiner aus", "maintext": "Die Bauern in Marsk erwarten wegen der Trockenheit eine kleinere Ernte als im Vorjahr.", "date_publish": "2025-05-28", "language": "de"}"""),
    ];

    [PostgresFact]
    public void BothBackendsFindTheSameReportsForTheSameQueries()
    {
        using var folder = new Some.TempFolder();
        var inputs = Directory.CreateDirectory(folder.File("inputs")).FullName;
        foreach (var (name, json) in Invented) File.WriteAllText(Path.Combine(inputs, name + ".json"), json);
        var samples = PostgresArticleStoreTests.RepositoryFolder("samples");
        var components = Components.CreateDefault(Reference);
        void Fill(IArticleStore store) =>
            new BatchAnalyzer(components.Pipeline, components.Prepare, store, new AnalysisContext(Reference)).Run(components.Reader.Read([samples, inputs]));

        var database = folder.File("search.db");
        List<AnalyzedArticle> stored;
        using (var sqlite = SqliteArticleStore.Open(database))
        {
            Fill(sqlite);
            stored = sqlite.ReadAll().ToList();
        }
        var byId = stored.ToDictionary(a => a.Article.Id);
        var sqliteIndex = new SqliteSearchIndex(database);
        sqliteIndex.Sync(id => byId.TryGetValue(id, out var a) ? new SearchDocument(a.Article.Title, a.Article.Text, a.Article.Language) : null)
            .Added.Should().Be(stored.Count);

        using var server = new TestPostgres();
        using var postgres = server.OpenStore();
        Fill(postgres);
        ISearchIndex postgresIndex = new PostgresSearchIndex(postgres.DataSource, "test");
        postgresIndex.Sync(_ => null).Should().Be((0, 0), "PostgreSQL keeps its search columns with the rows");

        // Queries drawn from the stored texts themselves (a long word of every report), plus the query forms.
        var queries = stored.Select(a => Regex.Matches(a.Article.Text.ToLowerInvariant(), @"\b[a-z]{7,}\b").Select(m => m.Value).Distinct().OrderByDescending(w => w.Length).ThenBy(w => w, StringComparer.Ordinal).First())
            .Concat(["ferry", "old pier", "\"old pier\"", "\"pier old\"", "velm*", "grain prices", "nothingofthekind", "ferry -storm (OR) \"", "***", "Velmor"])
            .Distinct().ToList();
        queries.Should().HaveCountGreaterThan(15);
        foreach (var query in queries)
        {
            var fromSqlite = sqliteIndex.Search(query, limit: 200);
            var fromPostgres = postgresIndex.Search(query, limit: 200);
            fromPostgres.Select(h => h.ArticleId).Should().BeEquivalentTo(fromSqlite.Select(h => h.ArticleId), $"the query '{query}' finds the same reports");
            foreach (var hit in fromSqlite.Concat(fromPostgres))
            {
                hit.Snippet.Should().Contain(SqliteSearchIndex.HitStart.ToString(), $"'{query}' marks its match in '{hit.ArticleId}'").And.Contain(SqliteSearchIndex.HitEnd.ToString());
            }
        }
        sqliteIndex.Search("ferry").Select(h => h.ArticleId).Should().Equal("ferry", "pier");
        postgresIndex.Search("ferry").Select(h => h.ArticleId).Should().Equal(["ferry", "pier"], "a title hit ranks first on both");
        sqliteIndex.Search("\"pier old\"").Should().BeEmpty();

        // A language narrows both to its reports; only PostgreSQL stems ("fährt" and "Fähre" differ as words).
        sqliteIndex.Search("Velmor", "de").Select(h => h.ArticleId).Should().Equal("hochwasser");
        postgresIndex.Search("Velmor", "de").Select(h => h.ArticleId).Should().Equal("hochwasser");
        postgresIndex.Search("Velmor", "en").Select(h => h.ArticleId).Should().BeEquivalentTo(sqliteIndex.Search("Velmor", "en").Select(h => h.ArticleId));
        postgresIndex.Search("Velmor repair", "en").Select(h => h.ArticleId).Should().Equal(["pier"], "english stemming: 'repair' finds 'repairs'");
        sqliteIndex.Search("Velmor repair", "en").Should().BeEmpty("FTS5 matches words as written");
    }
}
