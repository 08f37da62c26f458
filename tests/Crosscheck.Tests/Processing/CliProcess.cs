using System.Diagnostics;
using System.Text;

namespace Crosscheck.Tests.Processing;

/// <summary>The built `crosscheck` CLI run as a child process, with both pipes drained while it runs.</summary>
public sealed class CliProcess : IDisposable
{
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _errors = new();

    private CliProcess(Process process) => Process = process;

    public Process Process { get; }

    public string Output { get { lock (_output) return _output.ToString(); } }

    public string Errors { get { lock (_errors) return _errors.ToString(); } }

    public static CliProcess Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Crosscheck.Cli.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        var cli = new CliProcess(Process.Start(start)!);
        cli.Process.OutputDataReceived += (_, e) => { lock (cli._output) cli._output.AppendLine(e.Data); };
        cli.Process.ErrorDataReceived += (_, e) => { lock (cli._errors) cli._errors.AppendLine(e.Data); };
        cli.Process.BeginOutputReadLine();
        cli.Process.BeginErrorReadLine();
        return cli;
    }

    /// <summary>Waits for the exit (and for both pipes to be drained) and returns the exit code.</summary>
    public int WaitForExit(TimeSpan timeout)
    {
        if (!Process.WaitForExit(timeout))
        {
            Process.Kill(entireProcessTree: true);
            throw new TimeoutException($"crosscheck did not finish within {timeout}; stderr: {Errors}");
        }
        Process.WaitForExit();
        return Process.ExitCode;
    }

    /// <summary>SIGKILL: no chance to clean up, as when a machine dies.</summary>
    public void KillHard()
    {
        Process.Kill(entireProcessTree: true);
        Process.WaitForExit();
    }

    /// <summary>Polls <paramref name="condition"/> until it holds; fails if the process ends first or time runs out.</summary>
    public void WaitUntil(Func<bool> condition, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (condition()) return;
            if (Process.HasExited) throw new InvalidOperationException($"crosscheck exited ({Process.ExitCode}) before {what}; stderr: {Errors}");
            Thread.Sleep(25);
        }
        throw new TimeoutException($"no {what} within {timeout}; stderr: {Errors}");
    }

    public void Dispose()
    {
        if (!Process.HasExited) KillHard();
        Process.Dispose();
    }

    /// <summary>Invented reports, alike enough to form a few stories and different enough to be distinct content.</summary>
    /// <param name="variant">Changes every report's words but not the file names: two folders of same-named, different reports.</param>
    public static string WriteCorpus(string folder, int reports, string prefix = "r", string variant = "")
    {
        Directory.CreateDirectory(folder);
        var towns = new[] { "Arles", "Passau", "Gliwice", "Sibiu", "Lugo" };
        for (int i = 0; i < reports; i++)
        {
            var town = towns[i % towns.Length];
            File.WriteAllText(Path.Combine(folder, $"{prefix}{i:D4}.txt"),
                $" date 2025-03-{1 + i % 28:D2} Report {prefix}{i}{variant}: officials in {town} said on Monday that {i % 50 + 3} homes were flooded. " +
                $"\"We are doing what we can,\" the mayor of {town} said. Rescue teams worked through the night near {town}.");
        }
        return folder;
    }
}
