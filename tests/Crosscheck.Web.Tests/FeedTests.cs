using System.Net;
using System.Text;
using Crosscheck.Processing;
using Crosscheck.Store;
using Crosscheck.Web.Feeds;
using FluentAssertions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Crosscheck.Web.Tests;

/// <summary>A feed server on 127.0.0.1 that the tests start: well-formed feeds and every kind of bad one.</summary>
public sealed class FeedServer : IAsyncLifetime
{
    private WebApplication _app = null!;
    public Uri Address { get; private set; } = null!;
    public int ConditionalRequests;

    public int FlakyItemRequests;

    public const string ItemOne = "The mayor of Fernhollow said on Monday that the old bridge would close for three weeks of repairs. Engineers found cracks in two of its arches.";
    public const string ItemTwo = "Bus drivers in Fernhollow voted on Tuesday to accept a pay offer, the union said. Services will run normally from Thursday.";

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapGet("/rss.xml", (HttpContext context) =>
        {
            if (context.Request.Headers.IfNoneMatch == "\"v1\"")
            {
                Interlocked.Increment(ref ConditionalRequests);
                return Results.StatusCode(304);
            }
            context.Response.Headers.ETag = "\"v1\"";
            return Results.Text($"""
                <?xml version="1.0" encoding="utf-8"?>
                <rss version="2.0"><channel><title>Fernhollow News</title>
                <item><title>Old bridge to close</title><link>{Address}items/1</link><guid>bridge-1</guid><pubDate>Mon, 17 Mar 2025 09:00:00 GMT</pubDate></item><item><title>Bus drivers accept offer</title><link>/items/2</link><guid>bus-2</guid><pubDate>Tue, 18 Mar 2025 09:00:00 GMT</pubDate></item>
                </channel></rss>
                """, "application/rss+xml");
        });
        _app.MapGet("/items/{n:int}", (int n) => Results.Text(
            $"<!doctype html><html><head><title>Item {n}</title><meta property=\"og:site_name\" content=\"Fernhollow News\"><meta property=\"article:published_time\" content=\"2025-03-1{6 + n}\"></head><body><article><h1>{(n == 1 ? "Old bridge to close" : "Bus drivers accept offer")}</h1><p>{(n == 1 ? ItemOne : ItemTwo)}</p></article></body></html>",
            "text/html"));
        _app.MapGet("/atom.xml", () => Results.Text("""
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Desk</title>
            <entry><title>Library reopens</title><id>urn:lib-1</id><updated>2025-03-12T08:00:00Z</updated><link rel="alternate" href="/nowhere"/>
            <content type="html">&lt;p&gt;The library in Oxbridge Vale reopened on Wednesday after a flood closed it in February, the council said.&lt;/p&gt;</content></entry>
            </feed>
            """, "application/atom+xml"));
        _app.MapGet("/feed.json", () => Results.Text("""
            {"version": "https://jsonfeed.org/version/1.1", "title": "JSON Desk", "items": [
              {"id": "j-1", "title": "Harbour dredging starts", "date_published": "2025-03-14T10:00:00Z",
               "content_text": "Dredging of the harbour at Saltmere began on Friday, the port authority said. It will take six weeks."}]}
            """, "application/feed+json"));
        _app.MapGet("/page.html", () => Results.Text("<!DOCTYPE html><html><head><title>Home</title></head><body><p>Welcome</p></body></html>", "text/html"));
        _app.MapGet("/huge.xml", async (HttpContext context) =>
        {
            context.Response.ContentType = "application/rss+xml";
            await context.Response.WriteAsync("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Huge</title>");
            var chunk = new StringBuilder();
            for (var i = 0; i < 100_000; i++)
            {
                chunk.Append("<item><title>Item ").Append(i).Append("</title><guid>g").Append(i).Append("</guid><description>Short note ").Append(i)
                    .Append(" from the council of Wexley, said the clerk on Monday.</description></item>");
                if (chunk.Length > 64 * 1024)
                {
                    await context.Response.WriteAsync(chunk.ToString());
                    chunk.Clear();
                }
            }
            await context.Response.WriteAsync(chunk + "</channel></rss>");
        });
        _app.MapGet("/endless.xml", async (HttpContext context) =>
        {
            context.Response.ContentType = "application/rss+xml";
            await context.Response.WriteAsync("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>");
            var item = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<item><title>again</title></item>", 500)));
            while (!context.RequestAborted.IsCancellationRequested) await context.Response.Body.WriteAsync(item, context.RequestAborted);
        });
        _app.MapGet("/stall.xml", async (HttpContext context) =>
        {
            context.Response.ContentType = "application/rss+xml";
            await context.Response.WriteAsync("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>");
            await context.Response.Body.FlushAsync();
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });
        _app.MapGet("/loop-a", () => Results.Redirect("/loop-b"));
        _app.MapGet("/loop-b", () => Results.Redirect("/loop-a"));
        _app.MapGet("/broken-items.xml", () => Results.Text("""
            <?xml version="1.0"?><rss version="2.0"><channel><title>Broken</title>
            <item><title>Gone</title><link>/missing</link><guid>gone-1</guid></item>
            </channel></rss>
            """, "application/rss+xml"));
        _app.MapGet("/failing.xml", () => Results.StatusCode(503));
        _app.MapGet("/flaky.xml", () => Results.Text("""
            <?xml version="1.0"?><rss version="2.0"><channel><title>Flaky</title>
            <item><title>Bus drivers accept offer</title><link>/flaky-item</link><guid>flaky-1</guid></item>
            </channel></rss>
            """, "application/rss+xml"));
        // The item's page is briefly unavailable: the first request gets a 503, later ones the page.
        _app.MapGet("/flaky-item", () => Interlocked.Increment(ref FlakyItemRequests) == 1
            ? Results.StatusCode(503)
            : Results.Text($"<!doctype html><html><head><title>Bus</title></head><body><article><h1>Bus drivers accept offer</h1><p>{ItemTwo}</p></article></body></html>", "text/html"));
        await _app.StartAsync();
        Address = Crosscheck.Web.WebHost.ListeningAddress(_app);
    }

    public string Url(string path) => new Uri(Address, path).AbsoluteUri;

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public sealed class FeedTests : IClassFixture<FeedServer>, IDisposable
{
    private static readonly Lazy<Components> SharedComponents = new(() => Components.CreateDefault(new DateOnly(2025, 3, 20)));
    private readonly FeedServer _feeds;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "crosscheck-feeds-" + Guid.NewGuid().ToString("N"));
    private readonly WebOptions _options;
    private readonly ServerStore _store;
    private readonly IServerTables _tables;
    private readonly ArticleIntake _intake;
    private readonly ManualClock _clock = new(new DateTimeOffset(2025, 3, 20, 8, 0, 0, TimeSpan.Zero));

    public FeedTests(FeedServer feeds)
    {
        _feeds = feeds;
        Directory.CreateDirectory(_folder);
        _options = new WebOptions { DatabasePath = Path.Combine(_folder, "feeds.db"), ReferenceDate = () => new DateOnly(2025, 3, 20) };
        _store = ServerStore.Open(_options.DatabasePath);
        _tables = _store.Tables;
        _intake = new ArticleIntake(_options, SharedComponents.Value, _store);
    }

    private FeedWatcher Watcher(bool allowPrivate = true, WatchOptions? options = null) =>
        new(_tables, _intake, (options ?? new WatchOptions()) with { AllowPrivateAddresses = allowPrivate }, _options.Inbox, _clock);

    private async Task<PollOutcome> PollOnce(string url, FeedWatcher watcher) =>
        (await watcher.PollDueAsync([url], CancellationToken.None)).Single();

    private List<AnalyzedArticle> Stored()
    {
        using var store = SqliteArticleStore.Open(_options.DatabasePath);
        return store.ReadAll().ToList();
    }

    [Fact]
    public async Task NewRssItemsAreFetchedAnalysedAndStoredAndAnUnchangedFeedIsAskedConditionally()
    {
        using var watcher = Watcher();
        var url = _feeds.Url("/rss.xml");
        var first = await PollOnce(url, watcher);
        first.Error.Should().BeNull();
        first.Stored.Should().Be(2);
        var stored = Stored();
        stored.Select(a => a.Article.Text).Should().Contain(t => t.Contains("old bridge would close")).And.Contain(t => t.Contains("Bus drivers"));
        stored.Should().OnlyContain(a => a.Article.Url!.StartsWith(_feeds.Address.AbsoluteUri));
        _tables.Feed(url)!.ETag.Should().Be("\"v1\"");

        _clock.Advance(TimeSpan.FromMinutes(6));
        var conditionalBefore = _feeds.ConditionalRequests;
        var second = await PollOnce(url, watcher);
        second.NotModified.Should().BeTrue();
        _feeds.ConditionalRequests.Should().Be(conditionalBefore + 1);
        Stored().Should().HaveCount(2);
    }

    [Fact]
    public async Task AFeedIsNotPolledBeforeItsTime()
    {
        using var watcher = Watcher();
        var url = _feeds.Url("/rss.xml");
        (await PollOnce(url, watcher)).Polled.Should().BeTrue();
        _clock.Advance(TimeSpan.FromMinutes(1));
        var early = await PollOnce(url, watcher);
        early.Polled.Should().BeFalse();
        FeedWatcher.Describe(early).Should().Contain("not due before");
        var conditionalBefore = _feeds.ConditionalRequests;
        var asked = (await watcher.PollDueAsync([url], CancellationToken.None, ignoreSchedule: true)).Single();
        asked.Polled.Should().BeTrue("`watch --once` polls now whatever the schedule says");
        asked.NotModified.Should().BeTrue();
        _feeds.ConditionalRequests.Should().Be(conditionalBefore + 1);
    }

    [Fact]
    public async Task AtomAndJsonFeedItemsUseTheFeedsOwnContentWhenThePageCannotBeFetched()
    {
        using var watcher = Watcher();
        var atom = await PollOnce(_feeds.Url("/atom.xml"), watcher);
        atom.Stored.Should().Be(1, atom.Error ?? "");
        var json = await PollOnce(_feeds.Url("/feed.json"), watcher);
        json.Stored.Should().Be(1, json.Error ?? "");
        var texts = Stored().Select(a => a.Article.Text).ToList();
        texts.Should().Contain(t => t.Contains("library in Oxbridge Vale reopened")).And.Contain(t => t.Contains("Dredging of the harbour at Saltmere"));
        Stored().Should().Contain(a => a.Article.Title == "Harbour dredging starts");
    }

    [Fact]
    public async Task FeedsOnLoopbackAreRefusedUnlessAllowedAndFailuresBackOff()
    {
        using var watcher = Watcher(allowPrivate: false);
        var url = _feeds.Url("/rss.xml");
        var outcome = await PollOnce(url, watcher);
        outcome.Error.Should().Contain("refused").And.Contain("loopback");
        var state = _tables.Feed(url)!;
        state.Failures.Should().Be(1);
        var firstWait = state.NextPoll!.Value - _clock.GetUtcNow();
        firstWait.Should().BeGreaterThan(new WatchOptions().Interval);

        _clock.Advance(firstWait);
        (await PollOnce(url, watcher)).Error.Should().NotBeNull();
        var second = _tables.Feed(url)!;
        second.Failures.Should().Be(2);
        (second.NextPoll!.Value - _clock.GetUtcNow()).Should().Be(firstWait * 2);
        Stored().Should().BeEmpty();
    }

    [Theory]
    [InlineData("/page.html", "not a feed")]
    [InlineData("/loop-a", "redirect loop")]
    [InlineData("/failing.xml", "HTTP 503")]
    [InlineData("/endless.xml", "larger than")]
    [InlineData("/stall.xml", "timed out")]
    [InlineData("/no-such-feed.xml", "HTTP 404")]
    public async Task ABadFeedGetsAClearErrorAndNothingIsStored(string path, string expected)
    {
        // Only the stalling feed needs a short deadline; the others get one a busy CI machine cannot hit.
        var timeout = TimeSpan.FromSeconds(path == "/stall.xml" ? 2 : 60);
        using var watcher = Watcher(options: new WatchOptions { MaxFeedBytes = 2 * 1024 * 1024, FetchTimeout = timeout });
        var outcome = await PollOnce(_feeds.Url(path), watcher);
        outcome.Error.Should().Contain(expected);
        _tables.Feed(_feeds.Url(path))!.LastError.Should().Be(outcome.Error);
        Stored().Should().BeEmpty();
    }

    [Fact]
    public async Task AFeedWithAHundredThousandItemsIsTakenAFewAtATime()
    {
        using var watcher = Watcher(options: new WatchOptions { MaxNewItemsPerPoll = 3, MaxFeedBytes = 32 * 1024 * 1024 });
        var url = _feeds.Url("/huge.xml");
        var outcome = await PollOnce(url, watcher);
        outcome.Error.Should().BeNull();
        outcome.Note.Should().Contain("100,000 items");
        outcome.NewItems.Should().Be(3);
        outcome.Stored.Should().Be(3);
        _clock.Advance(TimeSpan.FromSeconds(11));
        var next = await PollOnce(url, watcher);
        next.Stored.Should().Be(3, "the next poll takes the next new items");
        Stored().Should().HaveCount(6);
    }

    [Fact]
    public async Task EachPollLooksUpAllOfAFeedsItemsInOneQuery()
    {
        var counting = new CountingTables(_tables);
        using var watcher = new FeedWatcher(counting, _intake, new WatchOptions { AllowPrivateAddresses = true, MaxNewItemsPerPoll = 2, MaxFeedBytes = 32 * 1024 * 1024 }, _options.Inbox, _clock);
        var url = _feeds.Url("/huge.xml");
        (await PollOnce(url, watcher)).Stored.Should().Be(2);
        counting.Lookups.Should().Equal([100_000], "one lookup with every item of the feed, not one query per item");
        _clock.Advance(TimeSpan.FromSeconds(11));
        var next = await PollOnce(url, watcher);
        next.Stored.Should().Be(2);
        counting.Lookups.Should().Equal([100_000, 100_000]);
        counting.LastFinished.Should().HaveCount(2, "the two items taken at the first poll are known as finished");
        Stored().Should().HaveCount(4, "no item is taken twice");
    }

    [Fact]
    public async Task OfTwoWatchersSharingTheStoreOnlyOnePollsADueFeed()
    {
        using var first = Watcher();
        using var second = Watcher();
        var url = _feeds.Url("/rss.xml");
        var outcomes = await Task.WhenAll(PollOnce(url, first), PollOnce(url, second));
        outcomes.Count(o => o.Polled).Should().Be(1, "the poll is claimed in the store before the feed is fetched");
        outcomes.Sum(o => o.Stored).Should().Be(2);
        Stored().Should().HaveCount(2);
        _tables.FailedItems().Should().BeEmpty();
    }

    /// <summary>The SQLite tables, counting the item lookups the watcher makes.</summary>
    private sealed class CountingTables(IServerTables inner) : IServerTables
    {
        public List<int> Lookups { get; } = [];
        public IReadOnlySet<string> LastFinished { get; private set; } = new HashSet<string>();

        public IReadOnlySet<string> FinishedItems(string feedUrl, IReadOnlyCollection<string> itemKeys, int maxAttempts = 1)
        {
            Lookups.Add(itemKeys.Count);
            return LastFinished = inner.FinishedItems(feedUrl, itemKeys, maxAttempts);
        }

        public string AddApiKey(string name, DateTimeOffset now) => inner.AddApiKey(name, now);
        public string? ApiKeyOwner(string? key) => inner.ApiKeyOwner(key);
        public IReadOnlyList<ApiKeyInfo> ApiKeys() => inner.ApiKeys();
        public int RemoveApiKeys(string name) => inner.RemoveApiKeys(name);
        public int ApiKeyCount() => inner.ApiKeyCount();
        public FeedState? Feed(string url) => inner.Feed(url);
        public FeedState? ClaimDuePoll(string url, DateTimeOffset now, DateTimeOffset leaseUntil) => inner.ClaimDuePoll(url, now, leaseUntil);
        public IReadOnlyList<FeedState> Feeds() => inner.Feeds();
        public void SaveFeed(FeedState feed) => inner.SaveFeed(feed);
        public int ItemAttempts(string feedUrl, string itemKey) => inner.ItemAttempts(feedUrl, itemKey);
        public void SaveItem(FeedItemState item) => inner.SaveItem(item);
        public IReadOnlyList<FeedItemState> FailedItems(int limit = 200) => inner.FailedItems(limit);
    }

    [Fact]
    public async Task AnItemWhosePageFailsIsListedWithItsReason()
    {
        using var watcher = Watcher();
        var url = _feeds.Url("/broken-items.xml");
        var outcome = await PollOnce(url, watcher);
        outcome.Failed.Should().Be(1);
        var failed = _tables.FailedItems().Single(i => i.FeedUrl == url);
        failed.Title.Should().Be("Gone");
        failed.Error.Should().Contain("HTTP 404");
    }

    [Fact]
    public async Task AnItemWhosePageFailedOnceIsTriedAgainAtTheNextPoll()
    {
        using var watcher = Watcher();
        var url = _feeds.Url("/flaky.xml");
        var first = await PollOnce(url, watcher);
        first.Failed.Should().Be(1);
        _tables.FailedItems().Should().Contain(i => i.FeedUrl == url);

        _clock.Advance(TimeSpan.FromHours(1));
        var second = await PollOnce(url, watcher);
        second.Stored.Should().Be(1);
        _tables.FailedItems().Should().NotContain(i => i.FeedUrl == url);
        Stored().Should().ContainSingle(a => a.Text.Contains("Bus drivers", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnItemThatKeepsFailingIsGivenUpAfterTheCapAndStaysListed()
    {
        using var watcher = Watcher(options: new WatchOptions { MaxItemAttempts = 2 });
        var url = _feeds.Url("/broken-items.xml");
        (await PollOnce(url, watcher)).Failed.Should().Be(1);
        _clock.Advance(TimeSpan.FromHours(1));
        (await PollOnce(url, watcher)).Failed.Should().Be(1);
        _clock.Advance(TimeSpan.FromHours(1));
        var third = await PollOnce(url, watcher);
        third.NewItems.Should().Be(0);
        _tables.ItemAttempts(url, "gone-1").Should().Be(2);
        _tables.FailedItems().Single(i => i.FeedUrl == url).Error.Should().Contain("HTTP 404");
    }

    [Fact]
    public async Task AnUnexpectedFailureOfOneSourceIsReportedAndTheOthersArePolled()
    {
        // An inbox that is a file makes storing any item fail with an IOException, not a feed error.
        var inboxFile = Path.Combine(_folder, "inbox-is-a-file");
        File.WriteAllText(inboxFile, "");
        using var watcher = new FeedWatcher(_tables, _intake, new WatchOptions { AllowPrivateAddresses = true }, inboxFile, _clock);
        var folder = Path.Combine(_folder, "drop");
        Directory.CreateDirectory(folder);
        var broken = _feeds.Url("/feed.json");
        var outcomes = await watcher.PollDueAsync([broken, folder], CancellationToken.None);
        outcomes.Should().HaveCount(2);
        outcomes[0].Error.Should().Contain("IOException");
        outcomes[1].Source.Should().Be(folder);
        outcomes[1].Polled.Should().BeTrue();
        var feed = _tables.Feed(broken)!;
        feed.Failures.Should().Be(1);
        feed.NextPoll.Should().BeAfter(_clock.GetUtcNow());
    }

    [Fact]
    public async Task AWatchedFolderHasItsNewFilesAnalysedOnce()
    {
        var folder = Path.Combine(_folder, "drop");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "first.txt"), "The harbour office in Kelpwick said on Monday that the slipway would reopen next week.");
        using var watcher = Watcher();
        (await PollOnce(folder, watcher)).Stored.Should().Be(1);
        await File.WriteAllTextAsync(Path.Combine(folder, "second.txt"), "Volunteers in Kelpwick cleared the beach on Saturday, the parish council said.");
        var second = await PollOnce(folder, watcher);
        second.Stored.Should().Be(1, "the first file is known by its content and not analysed again");
        Stored().Should().HaveCount(2);
    }

    [Fact]
    public void TheWatchCommandRefusesALoopbackFeedUnlessAllowedAndSaysWhy()
    {
        var error = new StringWriter();
        var exit = Crosscheck.Cli.CliApp.Run(["watch", _feeds.Url("/rss.xml"), "--once", "--db", _options.DatabasePath, "--reference-date", "2025-03-20"], TextWriter.Null, error);
        exit.Should().Be(Crosscheck.Cli.CliApp.ExitSomeInputsRejected);
        error.ToString().Should().Contain("refused").And.Contain("--allow-private");
        Stored().Should().BeEmpty();

        var output = new StringWriter();
        Crosscheck.Cli.CliApp.Run(["watch", _feeds.Url("/feed.json"), "--once", "--allow-private", "--db", _options.DatabasePath, "--reference-date", "2025-03-20"], output, TextWriter.Null)
            .Should().Be(Crosscheck.Cli.CliApp.ExitOk);
        output.ToString().Should().Contain("1 new, 1 stored, 0 failed");
    }

    [Fact]
    public void PrivateLoopbackAndLinkLocalAddressesAreNotPublic()
    {
        foreach (var address in new[] { "127.0.0.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.0.10", "169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.1", "::1", "fe80::1", "fd00::5", "::ffff:127.0.0.1", "::ffff:10.0.0.1" })
        {
            SafeFetcher.IsPublic(IPAddress.Parse(address)).Should().BeFalse(address);
        }
        foreach (var address in new[] { "93.184.216.34", "172.32.0.1", "8.8.8.8", "2606:4700::1111", "::ffff:1.1.1.1" })
        {
            SafeFetcher.IsPublic(IPAddress.Parse(address)).Should().BeTrue(address);
        }
    }

    public void Dispose()
    {
        _intake.Dispose();
        _store.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>A clock the test moves by hand, so backoff and schedules are checked without waiting.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;
    public override DateTimeOffset GetUtcNow() => _now;
    public void Advance(TimeSpan by) => _now += by;
}

public class FeedParserTests
{
    [Fact]
    public void RssAtomAndJsonFeedItemsAreRead()
    {
        var rss = FeedParser.Parse(Encoding.UTF8.GetBytes("<rss version=\"2.0\"><channel><title>T</title><item><title>A</title><link>http://x.test/a</link><guid>1</guid><description>&lt;p&gt;Hi&lt;/p&gt;</description></item><item><title>B</title><link>http://x.test/b</link></item></channel></rss>"), null, 10);
        rss.Format.Should().Be("rss");
        rss.Title.Should().Be("T");
        rss.Items.Select(i => (i.Key, i.Url, i.Title)).Should().Equal(("1", "http://x.test/a", "A"), ("http://x.test/b", "http://x.test/b", "B"));
        rss.Items[0].Content.Should().Be("<p>Hi</p>");

        var atom = FeedParser.Parse(Encoding.UTF8.GetBytes("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>F</title><entry><id>e1</id><title>E</title><link rel=\"self\" href=\"http://x.test/self\"/><link href=\"http://x.test/e\"/><content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Body</p></div></content></entry></feed>"), null, 10);
        atom.Items.Should().ContainSingle().Which.Url.Should().Be("http://x.test/e");
        atom.Items[0].Content.Should().Contain("Body");

        var json = FeedParser.Parse(Encoding.UTF8.GetBytes("{\"version\":\"https://jsonfeed.org/version/1\",\"items\":[{\"id\":\"1\",\"url\":\"http://x.test/j\",\"title\":\"J\"}]}"), null, 10);
        json.Items.Should().ContainSingle().Which.Title.Should().Be("J");
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("<html><body>hi</body></html>", "HTML page")]
    [InlineData("{\"items\": []}", "JSON Feed")]
    [InlineData("<rss><channel><item>", "malformed XML")]
    [InlineData("<urlset></urlset>", "not <rss>")]
    [InlineData("<!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><rss>&x;</rss>", "malformed XML")]
    public void WhatIsNotAFeedIsNamed(string body, string expected)
    {
        var parse = () => FeedParser.Parse(Encoding.UTF8.GetBytes(body), null, 10);
        parse.Should().Throw<FeedException>().Which.Message.Should().Contain(expected);
    }

    [Fact]
    public void ItemsBeyondTheLimitAreCountedButNotKept()
    {
        var xml = "<rss><channel>" + string.Concat(Enumerable.Range(0, 50).Select(i => $"<item><guid>{i}</guid></item>")) + "</channel></rss>";
        var feed = FeedParser.Parse(Encoding.UTF8.GetBytes(xml), null, 5);
        feed.Items.Should().HaveCount(5);
        feed.TotalItems.Should().Be(50);
    }
}
