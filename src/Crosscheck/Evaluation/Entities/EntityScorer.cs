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

    /// <summary>Scores one document's gold and predicted (span, class) sets; duplicates count once.</summary>
    public void Add(IEnumerable<(Span Span, string Class)> gold, IEnumerable<(Span Span, string Class)> predicted)
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
