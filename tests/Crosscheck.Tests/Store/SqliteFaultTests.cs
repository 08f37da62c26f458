using System.Diagnostics;
using Crosscheck.Store;
using Crosscheck.Tests.Processing;
using FluentAssertions;

namespace Crosscheck.Tests.Store;

/// <summary>The SQLite file on a full disk, in a read-only place, and under two `analyze` runs at once.</summary>
public class SqliteFaultTests
{
    private static CliProcess Analyze(string input, string db) =>
        CliProcess.Start("analyze", input, "--db", db, "--no-dossier", "--quiet", "--reference-date", "2025-04-01");

    [SmallDiskFact]
    public void AFullDiskStopsTheRunWithOneClearErrorAndKeepsWhatWasStored()
    {
        using var folder = new Some.TempFolder();
        var first = CliProcess.WriteCorpus(folder.File("first"), 5, "early");
        var many = CliProcess.WriteCorpus(folder.File("many"), 1500, "late");
        using var disk = new SmallDisk(folder.File("disk"), "1m");
        var db = Path.Combine(disk.Path, "full.db");

        using (var run = Analyze(first, db)) run.WaitForExit(TimeSpan.FromMinutes(2)).Should().Be(0, run.Errors);
        using (var run = Analyze(many, db))
        {
            run.WaitForExit(TimeSpan.FromMinutes(3)).Should().Be(3, "the store failed; stderr: " + run.Errors);
            run.Errors.Should().MatchRegex("(?i)full").And.NotContain("   at ", "one clear line, no stack trace");
        }
        disk.Grow("64m"); // room again, as after the operator frees space
        using (var store = SqliteArticleStore.Open(db))
        {
            store.IntegrityCheck().Should().Be("ok");
            store.ReadAll().Select(a => a.Article.Id).Where(id => id.StartsWith("early", StringComparison.Ordinal)).Should().HaveCount(5);
        }
        using (var rerun = Analyze(many, db)) rerun.WaitForExit(TimeSpan.FromMinutes(5)).Should().Be(0, rerun.Errors);
        using (var store = SqliteArticleStore.Open(db)) store.ArticleCount.Should().Be(1505);
    }

    [SmallDiskFact]
    public void AReadOnlyDiskGivesOneClearErrorAndKeepsWhatWasStored()
    {
        using var folder = new Some.TempFolder();
        var first = CliProcess.WriteCorpus(folder.File("first"), 5, "early");
        var more = CliProcess.WriteCorpus(folder.File("more"), 5, "later");
        using var disk = new SmallDisk(folder.File("disk"), "16m");
        var db = Path.Combine(disk.Path, "ro.db");
        using (var run = Analyze(first, db)) run.WaitForExit(TimeSpan.FromMinutes(2)).Should().Be(0, run.Errors);

        disk.MakeReadOnly();
        using (var run = Analyze(more, db))
        {
            run.WaitForExit(TimeSpan.FromMinutes(2)).Should().BeOneOf([2, 3], run.Errors);
            run.Errors.Should().Contain("ro.db").And.MatchRegex("(?i)read.?only|writable").And.NotContain("   at ");
        }
        disk.MakeWritable();
        using var store = SqliteArticleStore.Open(db);
        store.IntegrityCheck().Should().Be("ok");
        store.ReadAll().Select(a => a.Article.Id).Should().HaveCount(5).And.OnlyContain(id => id.StartsWith("early", StringComparison.Ordinal));
    }

    [Fact]
    public void AStoreInAPlaceNobodyMayWriteGivesOneClearError()
    {
        // /proc refuses new files even to root, so this holds whoever runs the tests.
        using var run = Analyze(PostgresArticleStoreTests.RepositoryFolder("samples"), "/proc/crosscheck-test/store.db");
        run.WaitForExit(TimeSpan.FromMinutes(2)).Should().BeOneOf([2, 3]);
        run.Errors.Should().Contain("/proc/crosscheck-test").And.NotContain("   at ");
    }

    [Fact]
    public void TwoAnalyzeRunsOnOneFileWaitForEachOtherAndLoseNothing()
    {
        using var folder = new Some.TempFolder();
        // Same file names, different reports: the runs must not take each other's ids.
        var a = CliProcess.WriteCorpus(folder.File("a"), 150, "r", variant: " from desk A");
        var b = CliProcess.WriteCorpus(folder.File("b"), 150, "r", variant: " from desk B");
        var db = folder.File("shared.db");
        using var first = Analyze(a, db);
        using var second = Analyze(b, db);
        first.WaitForExit(TimeSpan.FromMinutes(4)).Should().Be(0, first.Errors);
        second.WaitForExit(TimeSpan.FromMinutes(4)).Should().Be(0, second.Errors);
        using var store = SqliteArticleStore.Open(db);
        store.IntegrityCheck().Should().Be("ok");
        var stored = store.ReadAll().ToList();
        stored.Should().HaveCount(300);
        stored.Select(x => x.Article.Id).Distinct().Should().HaveCount(300);
        stored.Count(x => x.Text.Contains("from desk A")).Should().Be(150);
    }
}

/// <summary>A small tmpfs mounted for one test: a disk that fills up or turns read-only on demand. Needs root.</summary>
public sealed class SmallDisk : IDisposable
{
    public SmallDisk(string path, string size)
    {
        Path = Directory.CreateDirectory(path).FullName;
        Run("mount", "-t", "tmpfs", "-o", $"size={size}", "tmpfs", Path);
    }

    public string Path { get; }

    public void Grow(string size) => Run("mount", "-o", $"remount,size={size}", Path);

    public void MakeReadOnly() => Run("mount", "-o", "remount,ro", Path);

    public void MakeWritable() => Run("mount", "-o", "remount,rw", Path);

    public void Dispose()
    {
        try { Run("umount", "-l", Path); } catch (InvalidOperationException) { }
    }

    internal static void Run(string command, params string[] args)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{command} {string.Join(' ', args)}: {error.Trim()}");
    }

    private static readonly Lazy<string?> UnavailableLazy = new(() =>
    {
        if (!OperatingSystem.IsLinux()) return "skipped: a throwaway small disk needs Linux tmpfs";
        var probe = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "crosscheck-disk-probe-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var disk = new SmallDisk(probe, "64k");
            return null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return $"skipped: cannot mount a throwaway tmpfs here (needs root): {ex.Message}";
        }
        finally
        {
            try { Directory.Delete(probe); } catch (IOException) { }
        }
    });

    public static string? UnavailableReason => UnavailableLazy.Value;
}

/// <summary>A fact that runs only where a throwaway tmpfs can be mounted (root on Linux), and says why it skipped otherwise.</summary>
public sealed class SmallDiskFactAttribute : FactAttribute
{
    public SmallDiskFactAttribute()
    {
        if (SmallDisk.UnavailableReason is { } reason) Skip = reason;
    }
}
