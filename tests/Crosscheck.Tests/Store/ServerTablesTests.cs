using Crosscheck.Store;
using FluentAssertions;

namespace Crosscheck.Tests.Store;

/// <summary>
/// API keys and feed state on both backends: the same calls on <see cref="SqliteServerTables"/> and
/// <see cref="PostgresServerTables"/> give the same answers.
/// </summary>
public class ServerTablesTests
{
    private static readonly DateTimeOffset Start = new(2025, 3, 20, 8, 0, 0, TimeSpan.Zero);

    /// <summary>Keys, feeds and items through one backend; returns everything it can be asked afterwards, as text to compare.</summary>
    private static List<string> Exercise(IServerTables tables)
    {
        var answers = new List<string>();
        var desk = tables.AddApiKey("desk", Start);
        var script = tables.AddApiKey("script", Start.AddMinutes(1));
        tables.AddApiKey("script", Start.AddMinutes(2));
        desk.Should().StartWith("cc_").And.NotBe(script);
        answers.Add($"owner {tables.ApiKeyOwner(desk)} {tables.ApiKeyOwner(script)} {tables.ApiKeyOwner("cc_forged") ?? "none"} {tables.ApiKeyOwner(null) ?? "none"}");
        answers.Add("keys " + string.Join(",", tables.ApiKeys().Select(k => $"{k.Name}@{k.Created.ToUniversalTime():O}:{k.HashPrefix.Length}")));
        answers.Add($"removed {tables.RemoveApiKeys("script")} then {tables.RemoveApiKeys("script")}; left {tables.ApiKeyCount()}; script key owner {tables.ApiKeyOwner(script) ?? "none"}");

        const string feed = "https://news.example/feed.xml";
        answers.Add($"unknown feed {tables.Feed(feed)?.Url ?? "none"}");
        tables.SaveFeed(new FeedState(feed) { ETag = "\"v1\"", Failures = 2, NextPoll = Start.AddMinutes(20), LastPolled = Start, LastError = "503" });
        tables.SaveFeed(new FeedState("https://other.example/atom") { LastModified = "Thu, 20 Mar 2025 08:00:00 GMT" });
        tables.SaveFeed(new FeedState(feed) { ETag = "\"v2\"", NextPoll = Start.AddMinutes(5), LastPolled = Start.AddMinutes(1) });
        answers.Add("feeds " + string.Join(" | ", tables.Feeds().Select(f => $"{f.Url} {f.ETag} {f.LastModified} {f.Failures} {f.NextPoll?.ToUniversalTime():O} {f.LastPolled?.ToUniversalTime():O} {f.LastError}")));

        tables.SaveItem(new FeedItemState(feed, "stored", "https://news.example/a", "A", "report-a", null, Start));
        tables.SaveItem(new FeedItemState(feed, "failed-once", "https://news.example/b", "B", null, "timeout", Start.AddSeconds(1)));
        tables.SaveItem(new FeedItemState(feed, "failed-twice", "https://news.example/c", "C", null, "404", Start.AddSeconds(2)));
        tables.SaveItem(new FeedItemState(feed, "failed-twice", "https://news.example/c", "C", null, "404 again", Start.AddSeconds(3)));
        tables.SaveItem(new FeedItemState("https://other.example/atom", "stored", null, null, "report-z", null, Start));
        var keys = new List<string> { "stored", "failed-once", "failed-twice", "never-seen" };
        keys.AddRange(Enumerable.Range(0, 5000).Select(i => $"bulk-{i}")); // a long feed is still one lookup
        answers.Add("finished(1) " + string.Join(",", tables.FinishedItems(feed, keys, 1).Order(StringComparer.Ordinal)));
        answers.Add("finished(2) " + string.Join(",", tables.FinishedItems(feed, keys, 2).Order(StringComparer.Ordinal)));
        answers.Add("finished(3) " + string.Join(",", tables.FinishedItems(feed, keys, 3).Order(StringComparer.Ordinal)));
        answers.Add("finished(none) " + tables.FinishedItems(feed, [], 3).Count);
        answers.Add($"attempts {tables.ItemAttempts(feed, "failed-twice")} {tables.ItemAttempts(feed, "stored")} {tables.ItemAttempts(feed, "never-seen")}");
        answers.Add("failed " + string.Join(" | ", tables.FailedItems().Select(i => $"{i.FeedUrl} {i.ItemKey} {i.Url} {i.Title} {i.ArticleId} {i.Error} {i.Seen.ToUniversalTime():O}")));
        answers.Add("failed(1) " + tables.FailedItems(1).Single().ItemKey);

        // Claiming a poll: a new feed is due at once, the claim moves its next poll to the lease's end, and nobody else gets it before then.
        const string claimed = "https://claims.example/rss";
        var first = tables.ClaimDuePoll(claimed, Start, Start.AddMinutes(10));
        var second = tables.ClaimDuePoll(claimed, Start.AddMinutes(1), Start.AddMinutes(11));
        var afterLease = tables.ClaimDuePoll(claimed, Start.AddMinutes(10), Start.AddMinutes(20));
        var notDue = tables.ClaimDuePoll(feed, Start.AddMinutes(4), Start.AddMinutes(14));
        var due = tables.ClaimDuePoll(feed, Start.AddMinutes(5), Start.AddMinutes(15));
        answers.Add($"claims {first?.NextPoll?.ToUniversalTime():O} {second?.Url ?? "none"} {afterLease?.NextPoll?.ToUniversalTime():O} {notDue?.Url ?? "none"} {due?.ETag} {due?.NextPoll?.ToUniversalTime():O} {tables.Feed(feed)!.NextPoll?.ToUniversalTime():O}");
        return answers;
    }

    [Fact]
    public void SqliteKeepsKeysFeedsAndItems()
    {
        using var folder = new Some.TempFolder();
        var database = folder.File("server.db");
        using (SqliteArticleStore.Open(database)) { }
        var answers = Exercise(new SqliteServerTables(database));
        answers.Should().Contain("finished(1) failed-once,failed-twice,stored")
            .And.Contain("finished(2) failed-twice,stored")
            .And.Contain("finished(3) stored")
            .And.Contain("attempts 2 1 0")
            .And.Contain("failed(1) failed-twice")
            .And.Contain("claims 2025-03-20T08:10:00.0000000+00:00 none 2025-03-20T08:20:00.0000000+00:00 none \"v2\" 2025-03-20T08:15:00.0000000+00:00 2025-03-20T08:15:00.0000000+00:00");
        answers.Should().ContainMatch("removed 2 then 0; left 1; script key owner none");
    }

    [PostgresFact]
    public void PostgresAnswersExactlyAsSqliteDoes()
    {
        using var folder = new Some.TempFolder();
        var database = folder.File("server.db");
        using (SqliteArticleStore.Open(database)) { }
        var fromSqlite = Exercise(new SqliteServerTables(database));

        using var server = new TestPostgres();
        using var store = ServerStore.Open(server.Url);
        store.IsPostgres.Should().BeTrue();
        store.Tables.Should().BeOfType<PostgresServerTables>();
        Exercise(store.Tables).Should().Equal(fromSqlite);
    }

    [PostgresFact]
    public void TheServerTablesSurviveADroppedConnection()
    {
        using var server = new TestPostgres();
        using var store = ServerStore.Open(server.Url);
        var key = store.Tables.AddApiKey("desk", Start);
        server.TerminateConnections().Should().BeGreaterThan(0, "the pool holds the connection the key was written with");
        store.Tables.ApiKeyOwner(key).Should().Be("desk", "a dropped pooled connection is replaced and the call asked again");
        server.TerminateConnections();
        store.Search.Search("anything").Should().BeEmpty();
        store.ArticlesVersion().Should().Be(0);
    }
}
