using System.Text;
using System.Text.Json;
using Crosscheck.Store;
using FluentAssertions;
using Microsoft.Data.Sqlite;

namespace Crosscheck.Tests.Store;

public class AnalysisBlobTests
{
    private const string Report = """
        Officials in the river province said on Tuesday that at least 40 people were hurt when a ferry
        ran aground near Port Halden, and that about 300 passengers had been taken ashore.
        The harbour master, Ines Morvay, told reporters the crossing would stay closed until Friday.
        A spokesman for the ferry company said it could not confirm the number of injured.
        """;

    private static AnalyzedArticle FullyAnalyzed() =>
        DefaultPipeline.Create().Analyze(Some.Article(Report, "ferry"), Some.Context()).Article;

    [Fact]
    public void APackedAnalysisUnpacksToTheSameLayers()
    {
        var analyzed = FullyAnalyzed();
        var back = AnalysisBlob.Unpack(AnalysisBlob.Pack(analyzed));
        back.LayerKeys.Should().BeEquivalentTo(analyzed.LayerKeys);
        Encoding.UTF8.GetString(AnalysisJson.Serialize(back)).Should().Be(Encoding.UTF8.GetString(AnalysisJson.Serialize(analyzed)));
        back.Items(Layers.Tokens).Should().Equal(analyzed.Items(Layers.Tokens));
    }

    [Fact]
    public void APackedAnalysisIsSeveralTimesSmallerThanItsJson()
    {
        var analyzed = FullyAnalyzed();
        AnalysisBlob.Pack(analyzed).Length.Should().BeLessThan(AnalysisJson.Serialize(analyzed).Length / 3);
    }

    [Fact]
    public void SpansAreStoredAsPairsAndTheOlderObjectFormIsStillRead()
    {
        var analyzed = FullyAnalyzed();
        var json = Encoding.UTF8.GetString(AnalysisJson.Serialize(analyzed));
        json.Should().NotContain("\"span\":{").And.Contain("\"span\":[0,");

        const string olderForm = """
            {"article":{"id":"old","text":"Rain fell.","contentHash":"h"},
             "layers":{"tokens":[{"span":{"start":0,"end":4,"length":4,"isEmpty":false},"kind":"word","sentence":0},
                                 {"span":{"start":5,"end":9,"length":4,"isEmpty":false},"kind":"word","sentence":0}]}}
            """;
        var old = AnalysisBlob.Unpack(Encoding.UTF8.GetBytes(olderForm));
        old.Items(Layers.Tokens).Select(t => t.Span).Should().Equal(new Span(0, 4), new Span(5, 9));
    }

    [Fact]
    public void ABlobCutShortIsAJsonErrorNotACrash()
    {
        var packed = AnalysisBlob.Pack(FullyAnalyzed());
        var unpackCut = () => AnalysisBlob.Unpack(packed.AsSpan(0, packed.Length / 2));
        unpackCut.Should().Throw<JsonException>().WithMessage("*decompress*");
        var unpackHeaderOnly = () => AnalysisBlob.Unpack(packed.AsSpan(0, 5));
        unpackHeaderOnly.Should().Throw<JsonException>().WithMessage("*cut short*");
    }

    [Fact]
    public void AStoreWrittenBeforePackingOpensAndKeepsItsReports()
    {
        using var folder = new Some.TempFolder();
        var path = folder.File("old.db");
        var analyzed = FullyAnalyzed();
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var create = connection.CreateCommand();
            create.CommandText = """
                CREATE TABLE articles (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE,
                    content_hash TEXT NOT NULL UNIQUE, location TEXT NOT NULL, published TEXT, analysis BLOB NOT NULL);
                CREATE INDEX articles_location ON articles(location);
                CREATE TABLE problems (location TEXT PRIMARY KEY, message TEXT NOT NULL);
                PRAGMA user_version = 1;
                INSERT INTO articles (id, content_hash, location, published, analysis) VALUES ('ferry', 'h1', '/in/ferry.txt', NULL, $json);
                """;
            create.Parameters.AddWithValue("$json", AnalysisJson.Serialize(analyzed));
            create.ExecuteNonQuery();
        }

        using (var store = SqliteArticleStore.Open(path))
        {
            Encoding.UTF8.GetString(AnalysisJson.Serialize(store.ReadAll().Single()))
                .Should().Be(Encoding.UTF8.GetString(AnalysisJson.Serialize(analyzed)));
            var added = Some.Article("A second report about the ferry.", "second");
            store.SaveBatch([new AnalyzedArticle(added)], []);
            store.ReadAll().Select(a => a.Article.Id).Should().Equal("ferry", "second");
        }
        using var check = new SqliteConnection($"Data Source={path};Pooling=False");
        check.Open();
        using var version = check.CreateCommand();
        version.CommandText = "PRAGMA user_version;";
        Convert.ToInt32(version.ExecuteScalar()).Should().Be(SqliteArticleStore.SchemaVersion);
    }
}
