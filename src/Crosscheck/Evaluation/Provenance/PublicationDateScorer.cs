using System.Collections.Immutable;

namespace Crosscheck.Evaluation.Provenance;

/// <summary>
/// Scores inferred publication dates against the true ones: coverage (share of documents given a
/// date at all), and the shares exact and within one day, both over every document (a document
/// left undated counts as wrong) and over the dated ones (how far a date, once given, can be
/// trusted).
/// </summary>
public sealed class PublicationDateScorer
{
    private int documents, dated, exact, withinOneDay, withinSevenDays;

    public void Add(DateOnly truth, DateOnly? inferred)
    {
        documents++;
        if (inferred is not { } date) return;
        dated++;
        int distance = Math.Abs(date.DayNumber - truth.DayNumber);
        if (distance == 0) exact++;
        if (distance <= 1) withinOneDay++;
        if (distance <= 7) withinSevenDays++;
    }

    public ImmutableArray<Metric> Metrics() =>
    [
        new Metric("documents", documents),
        new Metric("coverage", Share(dated, documents), documents),
        new Metric("exact", Share(exact, documents), documents),
        new Metric("withinOneDay", Share(withinOneDay, documents), documents),
        new Metric("withinSevenDays", Share(withinSevenDays, documents), documents),
        new Metric("dated.exact", Share(exact, dated), dated),
        new Metric("dated.withinOneDay", Share(withinOneDay, dated), dated),
    ];

    private static double Share(int part, int whole) => whole == 0 ? double.NaN : part / (double)whole;
}
