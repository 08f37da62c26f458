using System.Diagnostics;
using Crosscheck.Store;
using FluentAssertions;
using Microsoft.Data.Sqlite;

namespace Crosscheck.Tests.Cli;

/// <summary>Kills `crosscheck analyze` mid-run and shows the store is intact and a rerun completes the work.</summary>
public class AnalyzeCrashTests
{
    private const int Reports = 1500;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, System.Text.StringBuilder> Errors = new();

    [Fact]
    public void AKilledAnalyzeLeavesAnIntactStoreAndARerunCompletesIt()
    {
        using var folder = new Some.TempFolder();
        var input = Directory.CreateDirectory(folder.File("in")).FullName;
        var towns = new[] { "Arles", "Passau", "Gliwice", "Sibiu", "Lugo" };
        for (int i = 0; i < Reports; i++)
        {
            var town = towns[i % towns.Length];
            File.WriteAllText(Path.Combine(input, $"r{i:D4}.txt"),
                $" date 2025-03-{1 + i % 28:D2} Report {i}: officials in {town} said on Monday that {i % 50 + 3} homes were flooded. " +
                $"\"We are doing what we can,\" the mayor of {town} said. Rescue teams worked through the night near {town}.");
        }
        var db = folder.File("crash.db");

        using (var process = StartAnalyze(input, db))
        {
            WaitForStoredRows(db, minimum: 64, process);
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        int afterKill;
        using (var store = SqliteArticleStore.Open(db))
        {
            store.IntegrityCheck().Should().Be("ok");
            afterKill = store.ArticleCount;
            afterKill.Should().BeGreaterThan(0);
            store.ReadAll().Should().OnlyContain(a => a.Text.Length > 0, "every stored analysis is complete");
        }

        using (var rerun = StartAnalyze(input, db))
        {
            rerun.WaitForExit(120_000).Should().BeTrue("the rerun finishes");
            rerun.WaitForExit(); // drains the asynchronous stderr reader
            rerun.ExitCode.Should().Be(0, Errors[rerun.Id].ToString());
        }
        using (var store = SqliteArticleStore.Open(db))
        {
            store.ArticleCount.Should().Be(Reports);
            store.ReadAll().Select(a => a.Article.Id).Distinct().Should().HaveCount(Reports);
        }
    }

    private static Process StartAnalyze(string input, string db)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "Crosscheck.Cli.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { cli, "analyze", input, "--db", db, "--no-dossier", "--quiet", "--reference-date", "2025-04-01" }) start.ArgumentList.Add(arg);
        var process = Process.Start(start)!;
        // Both pipes are drained while the process runs, so a full pipe can never stall it.
        var errors = new System.Text.StringBuilder();
        Errors[process.Id] = errors;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { lock (errors) errors.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void WaitForStoredRows(string db, int minimum, Process process)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(90) && !process.HasExited)
        {
            if (File.Exists(db) && CountRows(db) >= minimum) return;
            Thread.Sleep(20);
        }
        process.HasExited.Should().BeFalse("the run should still be going when it is killed; raise Reports if the machine got faster");
    }

    private static long CountRows(string db)
    {
        try
        {
            using var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM articles";
            return (long)command.ExecuteScalar()!;
        }
        catch (SqliteException)
        {
            return 0; // not created yet, or busy
        }
    }
}
