using System.Collections.Immutable;

namespace Crosscheck.Evaluation.Entities;

/// <summary>
/// conlleval-style entity scoring: a prediction counts only when its span and its class both equal
/// a gold entity's. Accumulates over documents; per-class and overall counts.
/// </summary>
public sealed class EntityScorer
{
    private readonly SortedDictionary<string, Prf> _byClass = new(StringComparer.Ordinal);

    public Prf Overall { get; private set; }

    public IReadOnlyDictionary<string, Prf> ByClass => _byClass;

    /// <summary>The header of the rows <see cref="Add"/> writes to its misses list.</summary>
    public static string MissColumns => MissRow.Of("doc", "kind", "gold_text", "gold_class", "our_text", "our_class", "context");

    /// <summary>Scores one document's gold and predicted (span, class) sets; duplicates count once.</summary>
    public void Add(IEnumerable<(Span Span, string Class)> gold, IEnumerable<(Span Span, string Class)> predicted) =>
        Add(gold, predicted, null, null, null);

    /// <summary>
    /// The same, and one row per miss into <paramref name="misses"/> (in text order): a gold entity
    /// found with the wrong class ("wrong class"), with an overlapping but different span ("wrong span"),
    /// not at all ("missed"), and a prediction overlapping no gold entity ("spurious").
    /// </summary>
    public void Add(IEnumerable<(Span Span, string Class)> gold, IEnumerable<(Span Span, string Class)> predicted, string? document, string? text, List<string>? misses)
    {
        var goldSet = new HashSet<(Span, string)>(gold);
        var predictedSet = new HashSet<(Span, string)>(predicted);
        foreach (var item in predictedSet)
        {
            bool hit = goldSet.Contains(item);
            Count(item.Item2, hit ? new Prf(1, 0, 0) : new Prf(0, 1, 0));
        }
        foreach (var item in goldSet)
        {
            if (!predictedSet.Contains(item)) Count(item.Item2, new Prf(0, 0, 1));
        }
        if (misses is null || text is null) return;
        var rows = new List<(int Start, string Row)>();
        foreach (var (span, cls) in goldSet)
        {
            if (predictedSet.Contains((span, cls))) continue;
            var overlapping = predictedSet.Where(p => p.Item1.Start < span.End && span.Start < p.Item1.End).OrderBy(p => p.Item1.Start).ToList();
            string kind = overlapping.Count == 0 ? "missed" : overlapping.Any(p => p.Item1 == span) ? "wrong class" : "wrong span";
            string ours = string.Join(" | ", overlapping.Select(p => Slice(text, p.Item1)));
            string ourClasses = string.Join(" | ", overlapping.Select(p => p.Item2));
            rows.Add((span.Start, MissRow.Of(document, kind, Slice(text, span), cls, ours, ourClasses, Context(text, span))));
        }
        foreach (var (span, cls) in predictedSet)
        {
            if (goldSet.Contains((span, cls))) continue;
            if (goldSet.Any(g => g.Item1.Start < span.End && span.Start < g.Item1.End)) continue;
            rows.Add((span.Start, MissRow.Of(document, "spurious", "", "", Slice(text, span), cls, Context(text, span))));
        }
        foreach (var (_, row) in rows.OrderBy(r => r.Start)) misses.Add(row);
    }

    private static string Slice(string text, Span span) => text[span.Start..span.End];

    // The line the entity sits on (one sentence per line in the evaluation's documents), cut to 200 characters around it.
    private static string Context(string text, Span span)
    {
        int start = span.Start > 0 ? text.LastIndexOf('\n', span.Start - 1) + 1 : 0;
        int end = text.IndexOf('\n', span.End);
        if (end < 0) end = text.Length;
        start = Math.Max(start, span.Start - 100);
        end = Math.Min(end, span.End + 100);
        return text[start..end];
    }

    private void Count(string cls, Prf delta)
    {
        _byClass[cls] = _byClass.GetValueOrDefault(cls) + delta;
        Overall += delta;
    }

    /// <summary>"entities.precision/recall/f1" then "PER.f1" etc. for every class seen.</summary>
    public ImmutableArray<Metric> ToMetrics()
    {
        var metrics = ImmutableArray.CreateBuilder<Metric>();
        metrics.AddRange(Overall.ToMetrics("entities"));
        foreach (var (cls, prf) in _byClass) metrics.AddRange(prf.ToMetrics(cls));
        return metrics.ToImmutable();
    }
}
