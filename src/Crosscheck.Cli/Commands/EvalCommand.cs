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
        var command = new Command("eval", "Score Crosscheck against human-annotated data.\n\nTasks:\n" + tasks) { task, path, json };
        command.SetAction(parsed => Run(parsed.GetValue(task)!, parsed.GetValue(path)!, parsed.GetValue(json), output, error));
        return command;
    }

    private static int Run(string task, string path, bool json, TextWriter output, TextWriter error)
    {
        var evaluation = EvaluationRegistry.Find(task)
            ?? throw new UsageException($"unknown task '{task}'. Tasks: {string.Join(", ", EvaluationRegistry.All.Select(e => e.Task))}.");
        if (!File.Exists(path) && !Directory.Exists(path)) throw new UsageException($"'{path}' does not exist.");
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
        return CliApp.ExitOk;
    }
}
