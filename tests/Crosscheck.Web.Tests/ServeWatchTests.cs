using System.Net;
using System.Text.Json;
using Crosscheck.Cli;
using Crosscheck.Web.Feeds;
using FluentAssertions;

namespace Crosscheck.Web.Tests;

public class ServeWatchTests
{
    [Fact]
    public async Task AServerThatWatchesAFeedShowsItsNewItemsWithinSeconds()
    {
        var feeds = new FeedServer();
        await feeds.InitializeAsync();
        var server = new WebServer
        {
            Configure = o => o with
            {
                WatchSources = [feeds.Url("/rss.xml")],
                Watch = new WatchOptions { Interval = TimeSpan.FromSeconds(1), AllowPrivateAddresses = true },
            },
        };
        await server.InitializeAsync();
        try
        {
            await WebServer.Eventually(async () =>
            {
                using var response = await server.Client.GetAsync("/api/search?q=fernhollow");
                if (response.StatusCode != HttpStatusCode.OK) return false;
                using var hits = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                return hits.RootElement.GetArrayLength() == 2;
            }, "both feed items are searchable in the running server");
            using var feedsPage = await server.Client.GetAsync("/api/feeds");
            using var state = JsonDocument.Parse(await feedsPage.Content.ReadAsStringAsync());
            state.RootElement.GetProperty("feeds")[0].GetProperty("url").GetString().Should().Be(feeds.Url("/rss.xml"));
            state.RootElement.GetProperty("feeds")[0].GetProperty("failures").GetInt32().Should().Be(0);
        }
        finally
        {
            await server.DisposeAsync();
            await feeds.DisposeAsync();
        }
    }

    [Fact]
    public void ServingAFileThatIsNotACrosscheckDatabaseIsAUsageError()
    {
        var path = Path.Combine(Path.GetTempPath(), "crosscheck-not-a-db-" + Guid.NewGuid().ToString("N") + ".db");
        File.WriteAllText(path, "these are notes, not a database");
        try
        {
            var error = new StringWriter();
            CliApp.Run(["serve", "--db", path, "--urls", "http://127.0.0.1:0"], TextWriter.Null, error).Should().Be(CliApp.ExitUsage);
            error.ToString().Should().Contain("not a database");
            File.ReadAllText(path).Should().Be("these are notes, not a database");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
