using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Crosscheck.Evaluation;
using Spectre.Console;

namespace Crosscheck.Cli.Commands;

/// <summary>`crosscheck eval TASK PATH`: scores one capability against human annotations.</summary>
internal static class EvalCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var tasks = string.Join(Environment.NewLine, EvaluationRegistry.All.Select(e => $"  {e.Task,-12} {e.Description}"));
        var task = new Argument<string>("TASK") { Description = "What to score: " + string.Join(", ", EvaluationRegistry.All.Select(e => e.Task)) };
        var path = new Argument<string>("PATH") { Description = "The annotated file or folder." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object per metric (one per line) instead of a table." };
        var errors = new Option<string?>("--errors") { Description = "Also write one tab-separated row per miss to this file (tasks that list them: times, datetime, attribution, places, entities)." };
        var command = new Command("eval", "Score Crosscheck against human-annotated data.\n\nTasks:\n" + tasks) { task, path, json, errors };
        command.SetAction(parsed => Run(parsed.GetValue(task)!, parsed.GetValue(path)!, parsed.GetValue(json), parsed.GetValue(errors), output, error));
        return command;
    }

    private static int Run(string task, string path, bool json, string? errorsPath, TextWriter output, TextWriter error)
    {
        var evaluation = EvaluationRegistry.Find(task)
            ?? throw new UsageException($"unknown task '{task}'. Tasks: {string.Join(", ", EvaluationRegistry.All.Select(e => e.Task))}.");
        if (!File.Exists(path) && !Directory.Exists(path)) throw new UsageException($"'{path}' does not exist.");
        if (errorsPath is not null) CheckWritable(errorsPath);
        EvaluationReport report;
        try
        {
            report = evaluation.Evaluate(path);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or FormatException or System.Xml.XmlException or JsonException or UnauthorizedAccessException)
        {
            error.WriteLine($"crosscheck: {path}: cannot be scored as '{task}': {ex.Message}");
            return CliApp.ExitSomeInputsRejected;
        }
        foreach (var warning in report.Warnings) error.WriteLine($"{path}: {warning}");
        if (json)
        {
            foreach (var metric in report.Metrics)
            {
                output.WriteLine(JsonSerializer.Serialize(new { task = report.Task, dataset = report.Dataset, metric = metric.Name, value = double.IsFinite(metric.Value) ? Math.Round(metric.Value, 4) : (double?)null, support = metric.Support }));
            }
        }
        else
        {
            var console = SummaryTable.ConsoleFor(output);
            var table = new Table().Border(TableBorder.Rounded).Title($"{report.Task}: {report.Dataset}")
                .AddColumn("metric").AddColumn(new TableColumn("value").RightAligned()).AddColumn(new TableColumn("support").RightAligned());
            foreach (var metric in report.Metrics)
            {
                table.AddRow(Markup.Escape(metric.Name), metric.Value.ToString("0.0000", CultureInfo.InvariantCulture), metric.Support?.ToString("N0") ?? "");
            }
            console.Write(table);
        }
        if (errorsPath is null) return CliApp.ExitOk;
        // The scores are already printed, so a file that cannot be written loses only the list of misses.
        try
        {
            File.WriteAllLines(errorsPath, report.MissRows);
            if (report.MissRows.IsEmpty) error.WriteLine($"crosscheck: eval {task} lists no misses; {errorsPath} is empty.");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"crosscheck: {errorsPath}: the misses could not be written: {ex.Message}");
            return CliApp.ExitSomeInputsRejected;
        }
        return CliApp.ExitOk;
    }

    /// <summary>Fails before a long evaluation rather than after it when the misses file cannot be written.</summary>
    private static void CheckWritable(string errorsPath)
    {
        if (string.IsNullOrWhiteSpace(errorsPath)) throw new UsageException("--errors needs a file name.");
        if (Directory.Exists(errorsPath)) throw new UsageException($"--errors '{errorsPath}' is a folder; give a file name.");
        var folder = Path.GetDirectoryName(Path.GetFullPath(errorsPath));
        if (folder is not null && !Directory.Exists(folder)) throw new UsageException($"--errors '{errorsPath}': the folder '{folder}' does not exist.");
    }
}
