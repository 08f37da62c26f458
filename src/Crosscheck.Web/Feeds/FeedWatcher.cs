using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Crosscheck.Store;

namespace Crosscheck.Web.Feeds;

/// <summary>Limits and schedule of `crosscheck watch`.</summary>
public sealed record WatchOptions
{
    public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(5);
    /// <summary>Backoff after failures doubles the interval per failure, up to this.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromHours(2);
    public bool AllowPrivateAddresses { get; init; }
    public long MaxFeedBytes { get; init; } = 10 * 1024 * 1024;
    public long MaxPageBytes { get; init; } = 5 * 1024 * 1024;
    /// <summary>New items taken from one feed per poll; the rest wait for the next poll.</summary>
    public int MaxNewItemsPerPoll { get; init; } = 100;

    /// <summary>How often an item whose page or analysis failed is tried (once per poll) before it stays listed as failed.</summary>
    public int MaxItemAttempts { get; init; } = 3;
    public TimeSpan FetchTimeout { get; init; } = TimeSpan.FromSeconds(20);
}

/// <summary>What one poll of one source did, for the console and the tests.</summary>
public sealed record PollOutcome(string Source, bool Polled, bool NotModified, int NewItems, int Stored, int Failed, string? Error, string? Note);

/// <summary>
/// Polls feed subscriptions (RSS 2.0, Atom, JSON Feed) and folders. A feed is fetched with
/// conditional GET (ETag, Last-Modified); each new item's page is fetched, kept in the inbox and
/// analysed through <see cref="ArticleIntake"/> like any other report, so a running server
/// shows it at its next store check. A failing feed is retried later and later (doubling, with
/// a cap); every failing feed and item keeps its reason in the store.
/// </summary>
public sealed class FeedWatcher : IDisposable
{
    /// <summary>How long a claimed poll keeps other watchers away: long enough for a poll's page fetches, short enough that a watcher that died mid-poll delays its feed only this much.</summary>
    private static readonly TimeSpan PollLease = TimeSpan.FromMinutes(10);

    private readonly IServerTables _tables;
    private readonly ArticleIntake _intake;
    private readonly WatchOptions _options;
    private readonly string _inbox;
    private readonly TimeProvider _clock;
    private readonly SafeFetcher _fetcher;

    public FeedWatcher(IServerTables tables, ArticleIntake intake, WatchOptions options, string inbox, TimeProvider clock)
    {
        _tables = tables;
        _intake = intake;
        _options = options;
        _inbox = inbox;
        _clock = clock;
        _fetcher = new SafeFetcher(options.AllowPrivateAddresses, options.FetchTimeout);
    }

    /// <summary>Polls every source whose time has come; a folder is read again each time (known content is skipped by hash).</summary>
    /// <param name="ignoreSchedule">Poll every feed now, also one that is backing off (`watch --once`: the user asked now).</param>
    public async Task<IReadOnlyList<PollOutcome>> PollDueAsync(IReadOnlyList<string> sources, CancellationToken cancellationToken, bool ignoreSchedule = false)
    {
        var outcomes = new List<PollOutcome>();
        foreach (var source in sources)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                outcomes.Add(Directory.Exists(source) ? await PollFolderAsync(source, cancellationToken) : await PollFeedAsync(source, ignoreSchedule, cancellationToken));
            }
            catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                // One source failing in an unforeseen way (a full disk, a locked store, a bug) must not stop the watcher for all the others.
                outcomes.Add(SourceFailed(source, ex));
            }
        }
        return outcomes;
    }

    /// <summary>Records an unexpected failure of a source like a failed fetch, so a feed backs off; the message is the reason shown.</summary>
    private PollOutcome SourceFailed(string source, Exception ex)
    {
        var reason = $"{ex.GetType().Name}: {ex.Message}";
        if (Directory.Exists(source)) return new PollOutcome(source, true, false, 0, 0, 0, reason, null);
        var now = _clock.GetUtcNow();
        var wait = _options.Interval;
        try
        {
            var state = _tables.Feed(source) ?? new FeedState(source);
            var failures = state.Failures + 1;
            wait = Backoff(failures);
            _tables.SaveFeed(state with { Failures = failures, LastPolled = now, NextPoll = now + wait, LastError = reason });
        }
        catch (Exception storeError) when (storeError is not OperationCanceledException)
        {
            reason += $" (the failure could not be recorded either: {storeError.Message})";
        }
        return new PollOutcome(source, true, false, 0, 0, 0, reason, $"next try in {wait.TotalMinutes:0.#} min");
    }

    private TimeSpan Backoff(int failures) =>
        TimeSpan.FromTicks(Math.Min(_options.MaxBackoff.Ticks, _options.Interval.Ticks * (1L << Math.Min(failures, 20))));

    /// <summary>Runs until cancelled, polling due sources every few seconds.</summary>
    public async Task RunAsync(IReadOnlyList<string> sources, Action<PollOutcome> report, CancellationToken cancellationToken)
    {
        var folderDue = DateTimeOffset.MinValue;
        while (!cancellationToken.IsCancellationRequested)
        {
            var now = _clock.GetUtcNow();
            var due = sources.Where(s => !Directory.Exists(s) || now >= folderDue).ToList();
            if (sources.Any(Directory.Exists) && now >= folderDue) folderDue = now + _options.Interval;
            foreach (var outcome in await PollDueAsync(due, cancellationToken)) if (outcome.Polled) report(outcome);
            await Task.Delay(TimeSpan.FromSeconds(Math.Min(5, _options.Interval.TotalSeconds)), _clock, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<PollOutcome> PollFolderAsync(string folder, CancellationToken cancellationToken)
    {
        var result = await _intake.AddFileAsync(folder, cancellationToken);
        return new PollOutcome(folder, true, false, result.Stored.Count, result.Stored.Count, result.Problems.Count,
            result.Problems.Count > 0 ? string.Join("; ", result.Problems.Take(5)) : null, null);
    }

    private async Task<PollOutcome> PollFeedAsync(string url, bool ignoreSchedule, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        FeedState state;
        if (ignoreSchedule) state = _tables.Feed(url) ?? new FeedState(url);
        else if (_tables.ClaimDuePoll(url, now, now + PollLease) is { } claimed) state = claimed;
        else
        {
            var next = _tables.Feed(url)?.NextPoll;
            return new PollOutcome(url, false, false, 0, 0, 0, null, next is null ? "being polled by another watcher" : $"not due before {next:u}");
        }
        FetchResult fetched;
        FeedDocument feed;
        try
        {
            fetched = await _fetcher.GetAsync(url, _options.MaxFeedBytes, state.ETag, state.LastModified, cancellationToken);
            if (fetched.Status == 304)
            {
                _tables.SaveFeed(state with { Failures = 0, LastPolled = now, NextPoll = now + _options.Interval, LastError = null });
                return new PollOutcome(url, true, true, 0, 0, 0, null, null);
            }
            feed = FeedParser.Parse(fetched.Body, fetched.ContentType, int.MaxValue);
        }
        catch (FeedException ex)
        {
            var failures = state.Failures + 1;
            var wait = Backoff(failures);
            _tables.SaveFeed(state with { Failures = failures, LastPolled = now, NextPoll = now + wait, LastError = ex.Message });
            return new PollOutcome(url, true, false, 0, 0, 0, ex.Message, $"next try in {wait.TotalMinutes:0.#} min");
        }
        // One lookup for the whole feed: a feed that lists thousands of items costs one query per poll, not one per item.
        var finished = _tables.FinishedItems(url, feed.Items.Select(item => item.Key).Distinct(StringComparer.Ordinal).ToList(), _options.MaxItemAttempts);
        var fresh = feed.Items.Where(item => !finished.Contains(item.Key)).ToList();
        string? note = null;
        if (fresh.Count > _options.MaxNewItemsPerPoll)
        {
            note = $"the feed lists {feed.TotalItems:N0} items, {fresh.Count:N0} new; the first {_options.MaxNewItemsPerPoll} are taken now, the rest at the next polls";
            fresh = fresh.Take(_options.MaxNewItemsPerPoll).ToList();
        }
        int stored = 0, failed = 0;
        foreach (var item in fresh)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (articleId, error) = await TakeItemAsync(fetched.FinalUrl, item, cancellationToken);
            _tables.SaveItem(new FeedItemState(url, item.Key, item.Url, item.Title, articleId, error, _clock.GetUtcNow()));
            if (error is null) stored++;
            else failed++;
        }
        // More new items than one poll takes: come back soon rather than after the full interval.
        var nextPoll = now + (note is null ? _options.Interval : TimeSpan.FromSeconds(Math.Min(10, _options.Interval.TotalSeconds)));
        _tables.SaveFeed(state with { ETag = note is null ? fetched.ETag : null, LastModified = note is null ? fetched.LastModified : null, Failures = 0, LastPolled = now, NextPoll = nextPoll, LastError = null });
        return new PollOutcome(url, true, false, fresh.Count, stored, failed, null, note);
    }

    /// <summary>Fetches the item's page (or falls back to the feed's own content) and analyses it; returns the report id or the reason it failed.</summary>
    private async Task<(string? ArticleId, string? Error)> TakeItemAsync(Uri feedUrl, FeedItem item, CancellationToken cancellationToken)
    {
        string? html = null;
        string? pageError = null;
        Uri? itemUrl = item.Url is not null && Uri.TryCreate(feedUrl, item.Url, out var resolved) ? resolved : null;
        if (itemUrl is not null)
        {
            try
            {
                var page = await _fetcher.GetAsync(itemUrl.AbsoluteUri, _options.MaxPageBytes, cancellationToken: cancellationToken);
                html = Encoding.UTF8.GetString(page.Body);
                if (!html.Contains("rel=\"canonical\"", StringComparison.OrdinalIgnoreCase)) html = WithCanonical(html, page.FinalUrl);
            }
            catch (FeedException ex)
            {
                pageError = ex.Message;
            }
        }
        if (html is null)
        {
            if (string.IsNullOrWhiteSpace(item.Content)) return (null, pageError ?? "the item has neither a page address nor content");
            html = FromFeedContent(item, itemUrl);
        }
        var name = "feed-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(feedUrl.AbsoluteUri + "\n" + item.Key)))[..16];
        Directory.CreateDirectory(_inbox);
        var path = Path.Combine(_inbox, name + ".html");
        await File.WriteAllTextAsync(path, html, cancellationToken);
        var result = await _intake.AddFileAsync(path, cancellationToken);
        if (result.Stored.Count > 0) return (result.Stored[0], null);
        if (result.AlreadyStored.Count > 0) return (result.AlreadyStored[0], null);
        return (null, result.Problems.Count > 0 ? string.Join("; ", result.Problems) : "nothing could be read from the item");
    }

    /// <summary>Keeps the item's address with the page, so the report links back to where it was read.</summary>
    private static string WithCanonical(string html, Uri url)
    {
        var link = "<link rel=\"canonical\" href=\"" + WebUtility.HtmlEncode(url.AbsoluteUri) + "\">";
        var head = html.IndexOf("<head>", StringComparison.OrdinalIgnoreCase);
        return head >= 0 ? html.Insert(head + 6, link) : link + html;
    }

    /// <summary>An HTML page made from what the feed says of the item, for items whose page cannot be fetched.</summary>
    private static string FromFeedContent(FeedItem item, Uri? url)
    {
        var html = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\">");
        if (item.Title is not null) html.Append("<title>").Append(WebUtility.HtmlEncode(item.Title)).Append("</title>");
        if (url is not null) html.Append("<link rel=\"canonical\" href=\"").Append(WebUtility.HtmlEncode(url.AbsoluteUri)).Append("\">");
        if (FeedParser.IsoDate(item.Published) is { } date)
        {
            html.Append("<meta property=\"article:published_time\" content=\"").Append(date).Append("\">");
        }
        html.Append("</head><body><article>");
        if (item.Title is not null) html.Append("<h1>").Append(WebUtility.HtmlEncode(item.Title)).Append("</h1>");
        var content = item.Content!;
        // Feed content is either HTML or plain text; plain text becomes paragraphs.
        html.Append(content.Contains('<') ? content : string.Join("", content.Split("\n\n").Select(p => "<p>" + WebUtility.HtmlEncode(p.Trim()) + "</p>")));
        html.Append("</article></body></html>");
        return html.ToString();
    }

    public void Dispose() => _fetcher.Dispose();

    public static string Describe(PollOutcome outcome) => !outcome.Polled
        ? $"{outcome.Source}: {outcome.Note ?? "not polled"}"
        : outcome.Error is not null
        ? $"{outcome.Source}: {outcome.Error}{(outcome.Note is null ? "" : " (" + outcome.Note + ")")}"
        : outcome.NotModified
            ? $"{outcome.Source}: not modified"
            : string.Create(CultureInfo.InvariantCulture, $"{outcome.Source}: {outcome.NewItems} new, {outcome.Stored} stored, {outcome.Failed} failed{(outcome.Note is null ? "" : "; " + outcome.Note)}");
}
