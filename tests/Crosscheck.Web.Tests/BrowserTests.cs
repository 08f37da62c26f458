using System.Net;
using System.Text.Json;
using FluentAssertions;
using Microsoft.Playwright;

namespace Crosscheck.Web.Tests;

/// <summary>A fact that runs only where Debian's chromium is installed; a browser is never downloaded.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (BrowserFixture.ChromiumPath() is null) Skip = "skipped: no chromium at /usr/bin/chromium or on PATH (apt-get install -y chromium); browsers are never downloaded";
    }
}

/// <summary>Playwright driving the system chromium, headless, one browser for the class.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public IPlaywright? Playwright { get; private set; }
    public IBrowser? Browser { get; private set; }

    public static string ArtifactsFolder { get; } = WebServer.RepoFile("artifacts", "playwright");

    public static string? ChromiumPath()
    {
        foreach (var candidate in new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" })
        {
            if (File.Exists(candidate)) return candidate;
        }
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, "chromium");
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    public async Task InitializeAsync()
    {
        if (ChromiumPath() is not { } chromium) return;
        // Never fetch a browser: Playwright is pointed at the system binary.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        });
        Directory.CreateDirectory(ArtifactsFolder);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        Playwright?.Dispose();
    }
}

[Collection(SharedServer.Name)]
public class BrowserTests(WebServer server, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private readonly List<string> _consoleProblems = [];

    private async Task<IPage> NewPage()
    {
        var context = await browser.Browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.Address.AbsoluteUri, ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        // A CSP violation or a script error shows up here: the pages must run under their own policy.
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning") _consoleProblems.Add($"{message.Type}: {message.Text}");
        };
        page.PageError += (_, error) => _consoleProblems.Add("page error: " + error);
        return page;
    }

    private static Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsFolder, name + ".png"), FullPage = true });

    [ChromiumFact]
    public async Task OpenAStoryFilterItsClaimsAndFollowAClaimToItsHighlightedEvidence()
    {
        var page = await NewPage();
        await page.GotoAsync("/");
        await Shot(page, "01-story-list");
        var first = page.Locator("a.story-link").First;
        var title = await first.InnerTextAsync();
        await first.ClickAsync();
        (await page.Locator("h1").InnerTextAsync()).Should().Be(title);
        await Shot(page, "02-story");

        var rows = page.Locator("tr.claim");
        var total = await rows.CountAsync();
        total.Should().BeGreaterThan(1);
        var statuses = new List<string>();
        for (var i = 0; i < total; i++) statuses.Add((await rows.Nth(i).GetAttributeAsync("data-status"))!);
        var status = statuses.GroupBy(s => s).OrderBy(g => g.Count()).First().Key;
        await page.SelectOptionAsync("#claim-filter select[name=status]", status);
        var visible = page.Locator("tr.claim:visible");
        (await visible.CountAsync()).Should().Be(statuses.Count(s => s == status));
        for (var i = 0; i < await visible.CountAsync(); i++) (await visible.Nth(i).GetAttributeAsync("data-status")).Should().Be(status);
        (await page.Locator("#claim-count").InnerTextAsync()).Should().Be($"{statuses.Count(s => s == status)} of {total} claims");
        await Shot(page, "03-claims-filtered");

        var claim = visible.First;
        await claim.Locator("summary").ClickAsync();
        var quote = await claim.Locator("ul.evidence q").First.InnerTextAsync();
        await Shot(page, "04-claim-evidence");
        await claim.Locator("a.evidence-link").First.ClickAsync();
        // The highlight below waits for itself; waiting here for the page's load event as well timed out once in CI
        // on a busy machine, with nothing wrong on the page.
        await page.WaitForURLAsync("**/articles/**", new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
        var mark = page.Locator("mark#hl");
        await mark.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        var highlighted = string.Concat(await page.Locator("mark.focus").AllInnerTextsAsync());
        highlighted.Should().Be(quote);
        await Shot(page, "05-evidence-highlighted");
        _consoleProblems.Should().BeEmpty();
    }

    [ChromiumFact]
    public async Task SearchFindsAReportAndMarksTheWords()
    {
        var page = await NewPage();
        await page.GotoAsync("/");
        await page.FillAsync("header input[name=q]", "zyxquorl");
        await page.PressAsync("header input[name=q]", "Enter");
        // As for the evidence link above: the results wait for themselves; the load event timed out once in CI on a busy machine.
        await page.WaitForURLAsync("**/search?q=zyxquorl", new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
        var results = page.Locator("ol#results a.result-link");
        await results.First.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        (await results.CountAsync()).Should().Be(1);
        (await page.Locator(".snippet mark").First.InnerTextAsync()).Should().BeEquivalentTo("zyxquorl");
        await Shot(page, "06-search");
        await results.ClickAsync();
        // The hostile title is text on the page, and its script never ran.
        (await page.Locator("h1").InnerTextAsync()).Should().Contain("<script>alert('title')</script>");
        _consoleProblems.Should().BeEmpty();
        await Shot(page, "07-hostile-article-inert");
    }

    [ChromiumFact]
    public async Task AReportAddedThroughTheApiAppearsInTheBrowser()
    {
        var body = JsonSerializer.Serialize(new
        {
            title = "Glimmerbrook dam inspection finds seepage",
            maintext = "Engineers inspecting the Glimmerbrook dam said on Thursday that they had found seepage at the eastern abutment. The water authority said the reservoir level would be lowered by two metres as a precaution.",
            date_publish = "2025-03-19",
            source_domain = "valley-times.example",
        });
        using (var response = await server.Client.SendAsync(server.Post("/api/articles", body, "application/json", server.ApiKey)))
        {
            response.StatusCode.Should().Be(HttpStatusCode.Created);
        }
        var page = await NewPage();
        await WebServer.Eventually(async () =>
        {
            await page.GotoAsync("/search?q=glimmerbrook");
            return await page.Locator("ol#results a.result-link").CountAsync() == 1;
        }, "the posted report is found by search");
        await page.Locator("ol#results a.result-link").ClickAsync();
        (await page.Locator("h1").InnerTextAsync()).Should().Be("Glimmerbrook dam inspection finds seepage");
        (await page.Locator(".article-text .ann").CountAsync()).Should().BeGreaterThan(0, "the new report is shown with its annotations");
        await Shot(page, "08-posted-report");
        var storyLink = page.Locator("main p a[href^='/stories/']");
        if (await storyLink.CountAsync() > 0)
        {
            await storyLink.ClickAsync();
            (await page.Locator("#sources").InnerTextAsync()).Should().Contain("Glimmerbrook dam inspection finds seepage");
        }
        _consoleProblems.Should().BeEmpty();
    }
}

[Collection(SharedServer.Name)]
public class EntityPageBrowserTests(WebServer server, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [ChromiumFact]
    public async Task AnEntityLinkedFromAStoryOpensItsPageWithMentionsThatLeadBackToTheWords()
    {
        var context = await browser.Browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.Address.AbsoluteUri });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.Locator("a.story-link").First.ClickAsync();
        var entity = page.Locator("#entities a.entity-link").First;
        var name = await entity.InnerTextAsync();
        await entity.ClickAsync();
        (await page.Locator("h1").InnerTextAsync()).Should().Be(name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsFolder, "09-entity.png"), FullPage = true });
        var item = page.Locator("#mentions li").First;
        var quote = await item.Locator("q").InnerTextAsync();
        await item.Locator("a").ClickAsync();
        await page.Locator("mark#hl").WaitForAsync();
        var marked = string.Concat(await page.Locator("mark.focus").AllInnerTextsAsync());
        marked.Should().Be(quote, "the mention listed on the entity page is the span highlighted in the report");
    }
}
