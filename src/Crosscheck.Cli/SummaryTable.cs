using Crosscheck.Processing;
using Crosscheck.Report;
using Spectre.Console;

namespace Crosscheck.Cli;

/// <summary>The table printed at the end of `analyze`: what was read, skipped and found.</summary>
internal static class SummaryTable
{
    public static void Print(TextWriter output, RunSummary summary, Dossier? dossier, IReadOnlyList<string>? files, TimeSpan elapsed, int stored, string dbPath)
    {
        var console = ConsoleFor(output);
        var table = new Table().Border(TableBorder.Rounded).AddColumn("").AddColumn(new TableColumn("count").RightAligned());
        table.AddRow("inputs read", summary.Read.ToString("N0"));
        table.AddRow("analysed now", summary.Analyzed.ToString("N0"));
        if (summary.Reanalyzed > 0) table.AddRow("of them stored before by another Crosscheck build", summary.Reanalyzed.ToString("N0"));
        table.AddRow("unchanged (already stored)", summary.Unchanged.ToString("N0"));
        if (summary.Duplicates > 0) table.AddRow("copies of a stored report (analysed once)", summary.Duplicates.ToString("N0"));
        if (summary.Skipped > 0) table.AddRow("skipped: not a news format", summary.Skipped.ToString("N0"));
        table.AddRow("rejected (see messages above)", summary.Rejected.ToString("N0"));
        if (summary.StageFailures > 0) table.AddRow("stage failures (reports kept)", summary.StageFailures.ToString("N0"));
        table.AddRow("reports in the store", stored.ToString("N0"));
        if (dossier is not null)
        {
            table.AddRow("stories", dossier.Stories.Length.ToString("N0"));
            table.AddRow("claims", dossier.Claims.Length.ToString("N0"));
            table.AddRow("contradictions", dossier.Contradictions.Length.ToString("N0"));
        }
        console.Write(table);
        console.WriteLine($"{elapsed.TotalSeconds:0.0} s; store: {(Crosscheck.Store.StoreFactory.IsPostgres(dbPath) ? dbPath : Path.GetFullPath(dbPath))}");
        if (files is not null) console.WriteLine($"dossier: {Path.GetFullPath(files.FirstOrDefault(f => f.EndsWith(DossierFiles.HtmlFileName, StringComparison.Ordinal)) ?? files[0])}");
    }

    internal static IAnsiConsole ConsoleFor(TextWriter output)
    {
        bool terminal = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        return AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
    }
}
