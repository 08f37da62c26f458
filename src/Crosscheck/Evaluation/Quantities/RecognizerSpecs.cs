using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace Crosscheck.Evaluation.Quantities;

/// <summary>One expected result of a Recognizers-Text spec case; <see cref="Span"/> is half-open (the spec's End is inclusive).</summary>
/// <param name="Timex">The first resolution's TIMEX value (date-time specs).</param>
/// <param name="ResolvedValues">Every resolution's "value" (a date spec gives the past and the future reading of "Saturday").</param>
public sealed record SpecResult(string Text, Span Span, string TypeName, string? Value, string? Unit, string? IsoCurrency, string? Timex, ImmutableArray<string> ResolvedValues = default);

/// <summary>One spec case: input text, optional reference date, expected results, and whether .NET is marked unsupported.</summary>
public sealed record SpecCase(string Input, DateOnly? ReferenceDate, ImmutableArray<SpecResult> Results, bool NotSupportedInDotNet)
{
    /// <summary>The clock of the case's reference instant ("ReferenceDateTime" 2019-05-27T12:00:00), or null.</summary>
    public TimeOnly? ReferenceTime { get; init; }
}

/// <summary>Reads Recognizers-Text spec JSON (UTF-8, often with a BOM).</summary>
public static class RecognizerSpecs
{
    public static ImmutableArray<SpecCase> Parse(string json)
    {
        using var document = JsonDocument.Parse(json.TrimStart('\uFEFF'), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        var cases = ImmutableArray.CreateBuilder<SpecCase>();
        if (document.RootElement.ValueKind != JsonValueKind.Array) return [];
        foreach (var item in document.RootElement.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("Input", out var input) || input.ValueKind != JsonValueKind.String) continue;
            bool notSupported = Mentions(item, "NotSupported") || Mentions(item, "NotSupportedByDesign");
            DateOnly? reference = null;
            TimeOnly? referenceTime = null;
            if (item.TryGetProperty("Context", out var context) && context.ValueKind == JsonValueKind.Object
                && context.TryGetProperty("ReferenceDateTime", out var rdt) && rdt.ValueKind == JsonValueKind.String
                && DateTime.TryParse(rdt.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt))
            {
                reference = DateOnly.FromDateTime(dt);
                referenceTime = TimeOnly.FromDateTime(dt);
            }
            var results = ImmutableArray.CreateBuilder<SpecResult>();
            if (item.TryGetProperty("Results", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var r in list.EnumerateArray())
                {
                    string text = Str(r, "Text") ?? "";
                    int start = r.TryGetProperty("Start", out var s) && s.TryGetInt32(out int si) ? si : 0;
                    int end = r.TryGetProperty("End", out var e) && e.TryGetInt32(out int ei) ? ei + 1 : start + text.Length;
                    string? value = null, unit = null, iso = null, timex = null;
                    var resolved = ImmutableArray.CreateBuilder<string>();
                    if (r.TryGetProperty("Resolution", out var res) && res.ValueKind == JsonValueKind.Object)
                    {
                        value = Str(res, "value");
                        unit = Str(res, "unit");
                        iso = Str(res, "isoCurrency");
                        if (res.TryGetProperty("values", out var values) && values.ValueKind == JsonValueKind.Array && values.GetArrayLength() > 0)
                        {
                            timex = Str(values[0], "timex");
                            foreach (var v in values.EnumerateArray())
                            {
                                if (Str(v, "timex") is { } t) resolved.Add(t);
                                if (Str(v, "value") is { } rv) resolved.Add(rv);
                                // A range's dated reading ("start" 2016-09-03, "end" 2016-09-12), kept as "(start,end)".
                                if (Str(v, "start") is { } rs && Str(v, "end") is { } re) resolved.Add($"({rs},{re})");
                                // A bound alone ("Thursday before 5pm" has only an end) is still the spec's dated reading.
                                else if ((Str(v, "start") ?? Str(v, "end")) is { } bound) resolved.Add(bound);
                            }
                        }
                    }
                    results.Add(new SpecResult(text, new Span(start, end), Str(r, "TypeName") ?? "", value, unit, iso, timex, resolved.ToImmutable()));
                }
            }
            cases.Add(new SpecCase(input.GetString()!, reference, results.ToImmutable(), notSupported) { ReferenceTime = referenceTime });
        }
        return cases.ToImmutable();
    }

    private static bool Mentions(JsonElement item, string property) =>
        item.TryGetProperty(property, out var p) && p.ValueKind == JsonValueKind.String
        && (p.GetString() ?? "").Contains("dotnet", StringComparison.OrdinalIgnoreCase);

    private static string? Str(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var v)
            ? v.ValueKind switch { JsonValueKind.String => v.GetString(), JsonValueKind.Number => v.GetRawText(), _ => null }
            : null;
}
