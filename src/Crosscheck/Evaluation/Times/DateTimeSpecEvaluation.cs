using System.Collections.Immutable;
using Crosscheck.Evaluation.Quantities;
using Crosscheck.Times;

namespace Crosscheck.Evaluation.Times;

/// <summary>
/// <c>crosscheck eval datetime PATH</c>: Recognizers-Text DateTime spec files (e.g. DateTimeModel.json),
/// each input run through the default pipeline with the case's reference date as publication date.
/// A case is fully right when every expected result has an overlapping time expression whose value is
/// the expected TIMEX or one of its resolved values (Recognizers-Text leaves "XXXX-12-14" unresolved in
/// the TIMEX and gives the dated readings as values), and nothing extra was found. Cases marked not
/// supported in .NET are skipped. Clock times compare in one spelling (<see cref="ClockCanonical"/>). A range
/// ("(2014-01-01,2018-01-01,P4Y)") is right when the expressions inside its span include one starting at each
/// end, since TimeML writes a range as two TIMEX3s; a range read as one expression ("next 3 days" P3D) is not.
/// </summary>
public sealed class DateTimeSpecEvaluation : IEvaluation
{
    public string Task => "datetime";

    public string Description => "Recognizers-Text DateTime spec JSON: share of cases fully right, and value accuracy over expected results";

    public EvaluationReport Evaluate(string path, CancellationToken cancellationToken = default)
    {
        var files = File.Exists(path) ? [path] : Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "DateTimeModel*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray()
            : throw new FileNotFoundException($"No spec file or folder at '{path}'.", path);
        var pipeline = DefaultPipeline.CreateBuilder().Build();
        var metrics = ImmutableArray.CreateBuilder<Metric>();
        var warnings = ImmutableArray.CreateBuilder<string>();
        int cases = 0, skipped = 0, fullyRight = 0, expected = 0, valueRight = 0, empty = 0, emptyRight = 0;
        foreach (var file in files)
        {
            ImmutableArray<SpecCase> specCases;
            try
            {
                specCases = RecognizerSpecs.Parse(File.ReadAllText(file));
            }
            catch (System.Text.Json.JsonException ex)
            {
                warnings.Add($"{file}: unreadable JSON ({ex.Message}); skipped");
                continue;
            }
            foreach (var specCase in specCases)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (specCase.NotSupportedInDotNet)
                {
                    skipped++;
                    continue;
                }
                var reference = specCase.ReferenceDate ?? new DateOnly(2016, 11, 7);
                var article = new Article { Id = "case", Text = specCase.Input, ContentHash = "case", Published = PublicationDate.Given(reference, "spec") };
                var system = pipeline.Analyze(article, new AnalysisContext(reference)).Article.Items(Layers.Times);
                var score = ScoreCase(specCase, system);
                cases++;
                expected += specCase.Results.Length;
                valueRight += score.ValueRight;
                if (score.FullyRight) fullyRight++;
                if (specCase.Results.IsEmpty)
                {
                    empty++;
                    if (score.FullyRight) emptyRight++;
                }
            }
        }
        metrics.Add(new Metric("cases", cases));
        metrics.Add(new Metric("skipped", skipped));
        metrics.Add(new Metric("fully_right", cases == 0 ? 0 : (double)fullyRight / cases, cases));
        metrics.Add(new Metric("value_accuracy", expected == 0 ? 0 : (double)valueRight / expected, expected));
        metrics.Add(new Metric("no_time.right", empty == 0 ? 0 : (double)emptyRight / empty, empty));
        return new EvaluationReport(Task, path, metrics.ToImmutable(), warnings.ToImmutable());
    }

    /// <summary>
    /// One spelling of a clock time: Recognizers-Text writes "T08" and "2016-11-08 08:00:00" where TIMEX3 writes
    /// "T08:00"; seconds of zero and a space for the "T" are dropped. Dates and other values are unchanged.
    /// </summary>
    public static string ClockCanonical(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        var v = value.Length > 10 && value[10] == ' ' ? string.Concat(value.AsSpan(0, 10), "T", value.AsSpan(11)) : value;
        int t = v.IndexOf('T', StringComparison.Ordinal);
        if (t < 0 || v.StartsWith('P')) return v;
        var clock = v[(t + 1)..];
        if (clock.Length == 2 && char.IsAsciiDigit(clock[0]) && char.IsAsciiDigit(clock[1])) return v + ":00";
        if (clock.Length == 8 && clock.EndsWith(":00", StringComparison.Ordinal) && clock[2] == ':') return v[..^3];
        return v;
    }

    /// <summary>The two ends of a Recognizers-Text range value "(2014-01-01,2018-01-01,P4Y)", or null.</summary>
    private static (string Start, string End)? RangeEnds(string? timex)
    {
        if (timex is not { Length: > 2 } || timex[0] != '(' || timex[^1] != ')') return null;
        var parts = timex[1..^1].Split(',');
        return parts.Length == 3 ? (ClockCanonical(parts[0]), ClockCanonical(parts[1])) : null;
    }

    /// <summary>
    /// Whether a TIMEX3 value begins at a range end: "2014" at 2014-01-01, "2016-12" at 2016-12-01, a day at itself,
    /// a clock time at its clock ("T16:00", with any day when the spec gives none).
    /// </summary>
    private static bool StartsAt(string value, string point)
    {
        var v = ClockCanonical(value);
        if (point.StartsWith('T')) return v.Length > 10 && v[10] == 'T' && v[10..] == point;
        if (v == point) return true;
        var first = v.Length switch { 4 => v + "-01-01", 7 when v[4] == '-' && char.IsAsciiDigit(v[5]) => v + "-01", _ => v };
        return first == point || point.StartsWith("XXXX", StringComparison.Ordinal) && first.Length >= 10 && first[4..] == point[4..];
    }

    /// <summary>How many expected results were found with an accepted value, and whether the case is fully right.</summary>
    public static (int ValueRight, bool FullyRight) ScoreCase(SpecCase specCase, IReadOnlyList<TimeExpression> system)
    {
        var used = new bool[system.Count];
        int right = 0;
        foreach (var result in specCase.Results)
        {
            if (RangeEnds(result.Timex) is { } range)
            {
                // TimeML writes a range as its two end points, each its own TIMEX3: every expression inside the
                // range's span that starts at one of its ends is taken, and the range is right when both ends are
                // found. Any other expression inside the span stays untaken, so it counts as an extra one.
                bool start = false, end = false;
                for (int i = 0; i < system.Count; i++)
                {
                    if (used[i] || !system[i].Span.Overlaps(result.Span)) continue;
                    bool atStart = StartsAt(system[i].Value, range.Start), atEnd = StartsAt(system[i].Value, range.End);
                    used[i] = atStart || atEnd;
                    start |= atStart;
                    end |= atEnd;
                }
                if (start && end) right++;
                continue;
            }
            for (int i = 0; i < system.Count; i++)
            {
                if (used[i] || !system[i].Span.Overlaps(result.Span)) continue;
                used[i] = true;
                var value = ClockCanonical(system[i].Value);
                var expectedTimex = ClockCanonical(result.Timex);
                // A clock time the spec leaves without a day ("T08") is any day's 08:00, as "XXXX-10-14" is any year's
                // 14 October; this project puts it on the reference day, so only the clock part is compared.
                bool clockOnly = expectedTimex.StartsWith('T') && value.Length > 10 && value[10] == 'T' && value[10..] == expectedTimex;
                // Likewise a year the spec leaves open ("XXXX-08" for "since August" with no dated reading) is any year.
                bool anyYear = expectedTimex.StartsWith("XXXX-", StringComparison.Ordinal)
                    && (result.ResolvedValues.IsDefaultOrEmpty || result.ResolvedValues.All(v => v.StartsWith("XXXX", StringComparison.Ordinal)))
                    && value.Length == expectedTimex.Length && char.IsAsciiDigit(value[0]) && value[4..] == expectedTimex[4..];
                bool accepted = value == expectedTimex || clockOnly || anyYear || !result.ResolvedValues.IsDefault && result.ResolvedValues.Any(v => ClockCanonical(v) == value);
                if (accepted) right++;
                break;
            }
        }
        bool noExtra = true;
        foreach (bool u in used) noExtra &= u;
        return (right, right == specCase.Results.Length && noExtra);
    }
}
