using Crosscheck.Processing;
using Crosscheck.Report;
using Crosscheck.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Crosscheck.Web;

/// <summary>
/// Holds the current <see cref="DossierSnapshot"/>. The dossier is assembled from the whole store,
/// which takes seconds at 10k reports, so it is assembled once at start and again only when the
/// store changed (a post, a feed item, or `crosscheck analyze` in another process); requests in
/// the meantime keep reading the previous snapshot. The search index is synced at the same time.
/// </summary>
internal sealed class DossierCache : BackgroundService
{
    private readonly WebOptions _options;
    private readonly Components _components;
    private readonly ServerStore _store;
    private readonly ILogger<DossierCache> _logger;
    private readonly SemaphoreSlim _rebuild = new(1, 1);
    private volatile DossierSnapshot _current;

    public DossierCache(WebOptions options, Components components, ServerStore store, ILogger<DossierCache> logger)
    {
        _options = options;
        _components = components;
        _store = store;
        _logger = logger;
        _current = Build(_store.ArticlesVersion());
    }

    public DossierSnapshot Current => _current;

    /// <summary>Rebuilds now if the store changed since the current snapshot; returns the snapshot in force afterwards.</summary>
    public async Task<DossierSnapshot> RefreshAsync(CancellationToken cancellationToken = default)
    {
        await _rebuild.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var version = _store.ArticlesVersion();
            if (version != _current.Version)
            {
                var snapshot = await Task.Run(() => Build(version), cancellationToken).ConfigureAwait(false);
                _current = snapshot;
            }
            return _current;
        }
        finally
        {
            _rebuild.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.StoreCheckInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    await RefreshAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (!(ex is OperationCanceledException && stoppingToken.IsCancellationRequested))
                {
                    // The previous snapshot keeps serving; the next tick tries again.
                    _logger.LogWarning("Could not refresh the dossier from the store: {Type}: {Message}", ex.GetType().Name, ex.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private DossierSnapshot Build(long version)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        List<AnalyzedArticle> articles;
        using (var store = _store.OpenArticles())
        {
            articles = store.ReadAll().ToList();
        }
        var dossier = _components.BuildDossier(articles, _options.ReferenceDate());
        articles.Clear();
        var snapshot = new DossierSnapshot(dossier, version);
        var (added, removed) = _store.Search.Sync(id => snapshot.View.Article(id) is { } a ? new SearchDocument(a.Title, a.Text, a.Language) : null);
        // Story pages are what a desk opens first: the new snapshot goes live with them rendered.
        foreach (var story in snapshot.View.Stories) snapshot.StoryPage(story, new ClaimFilter(), 1);
        _logger.LogInformation("Dossier ready: {Articles} reports, {Stories} stories ({Seconds:0.0} s; search index +{Added} -{Removed})",
            dossier.Articles.Length, dossier.Stories.Length, started.Elapsed.TotalSeconds, added, removed);
        return snapshot;
    }
}
