using Crosscheck.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Crosscheck.Web.Feeds;

/// <summary>`serve --watch`: the feed watcher inside the server; what it stores shows at the next store check.</summary>
internal sealed class WatchService(WebOptions options, IServerTables tables, ArticleIntake intake, ILogger<WatchService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var watcher = new FeedWatcher(tables, intake, options.Watch, options.Inbox, TimeProvider.System);
        try
        {
            await watcher.RunAsync(options.WatchSources, outcome =>
            {
                if (outcome.Error is null) logger.LogInformation("{Outcome}", FeedWatcher.Describe(outcome));
                else logger.LogWarning("{Outcome}", FeedWatcher.Describe(outcome));
            }, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
