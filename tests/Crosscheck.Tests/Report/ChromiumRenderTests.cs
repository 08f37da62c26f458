using System.Diagnostics;
using Crosscheck.Report;
using FluentAssertions;

namespace Crosscheck.Tests.Report;

/// <summary>A fact that runs only where a Chromium binary is on the PATH.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (ChromiumRenderTests.FindChromium() is null) Skip = "skipped: no chromium/chromium-browser/google-chrome on PATH (apt-get install chromium)";
    }
}

public class ChromiumRenderTests
{
    internal static string? FindChromium()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in new[] { "chromium", "chromium-browser", "google-chrome" })
            {
                var candidate = Path.Combine(dir, name);
                if (File.Exists(candidate)) return candidate;
            }
        }
        return null;
    }

    // The page must work under its own Content-Security-Policy: the filter script runs (it
    // un-hides the filter), and neither the hostile strings nor the page cause console messages
    // (a blocked load or a blocked inline script would be logged).
    [ChromiumFact]
    public void RendersWithoutConsoleMessagesAndTheFilterScriptRuns()
    {
        var work = Path.Combine(Path.GetTempPath(), "crosscheck-chromium-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            var page = Path.Combine(work, "dossier.html");
            File.WriteAllText(page, HtmlDossierWriter.Render(DossierFixture.BuildHostile()));
            var start = new ProcessStartInfo(FindChromium()!)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--user-data-dir=" + Path.Combine(work, "profile"),
                "--enable-logging=stderr", "--v=0", "--dump-dom", new Uri(page).AbsoluteUri,
            })
            {
                start.ArgumentList.Add(arg);
            }
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var dom = process.StandardOutput.ReadToEnd();
            process.WaitForExit(60_000).Should().BeTrue("chromium finishes");
            var console = stderr.Result.Split('\n').Where(l => l.Contains("CONSOLE", StringComparison.Ordinal)).ToList();
            console.Should().BeEmpty();
            dom.Should().Contain("<p class=\"filter\">", "the inline script is allowed by the policy's hash and ran");
            dom.Should().NotContain("<script>alert");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
