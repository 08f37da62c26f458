using System.Collections.Immutable;
using Crosscheck.Places;

namespace Crosscheck.Evaluation.Places;

/// <summary>
/// <c>crosscheck eval places PATH</c>: geoparsing XML (LGL, TR-News, GeoVirus format), one file or
/// a folder of *.xml. Scores toponym recognition (precision, recall, F1 with exact and with
/// overlapping spans) and resolution over the recognised gold toponyms that have coordinates:
/// accuracy within 161 km (100 miles) and median error in km; per file and over all files.
/// Lists each gold toponym not recognised or resolved beyond 161 km as a miss (<see cref="GeoparsingScore.MissHeader"/>).
/// </summary>
public sealed class PlaceEvaluation : IEvaluation
{
    /// <summary>The distance under which a resolution counts as right, by the field's convention (100 miles).</summary>
    public const double AccuracyRadiusKm = 161;

    private static readonly AnalysisContext Context = new(new DateOnly(2000, 1, 1));

    public string Task => "places";

    public string Description => "Geoparsing XML (<article><text><toponyms><toponym> or <locations><location>): toponym recognition P/R/F1 (exact, overlap), accuracy within 161 km, median error km.";

    public EvaluationReport Evaluate(string path, CancellationToken cancellationToken = default)
    {
        var files = Directory.Exists(path)
            ? Directory.GetFiles(path, "*.xml").OrderBy(f => f, StringComparer.Ordinal).ToArray()
            : File.Exists(path) ? [path] : throw new FileNotFoundException($"No geoparsing XML file or folder at '{path}'.", path);
        var builder = DefaultPipeline.CreateBuilder();
        if (!builder.Stages.Any(s => s.Produces.Contains(Layers.Places))) builder.Add(new PlaceStage());
        var pipeline = builder.Build();

        var metrics = ImmutableArray.CreateBuilder<Metric>();
        var warnings = ImmutableArray.CreateBuilder<string>();
        var total = new GeoparsingScore();
        var misses = ImmutableArray.CreateBuilder<string>();
        misses.Add(GeoparsingScore.MissHeader);
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (articles, fileWarnings) = GeoparsingCorpus.Read(file);
            warnings.AddRange(fileWarnings);
            var score = new GeoparsingScore();
            var dataset = Path.GetFileNameWithoutExtension(file);
            foreach (var article in articles)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var outcome = pipeline.Analyze(new Article { Id = article.Id, Text = article.Text, ContentHash = article.Id }, Context);
                foreach (var failure in outcome.Failures) warnings.Add($"{Path.GetFileName(file)} {article.Id}: stage {failure.Stage}: {failure.Message}");
                score.Add(article.Toponyms, outcome.Article.Items(Layers.Places),
                    row => misses.Add(GeoparsingScore.MissRow(dataset, article, row)));
            }
            if (files.Length > 1) metrics.AddRange(score.ToMetrics(Path.GetFileNameWithoutExtension(file) + "."));
            total.Merge(score);
        }
        metrics.AddRange(total.ToMetrics(""));
        return new EvaluationReport(Task, path, metrics.ToImmutable(), warnings.ToImmutable(), misses.ToImmutable());
    }
}

/// <summary>Accumulates recognition and resolution counts; the scorer behind <see cref="PlaceEvaluation"/>.</summary>
public sealed class GeoparsingScore
{
    private readonly List<double> _errorsKm = [];

    public Prf Exact { get; private set; }

    public Prf Overlap { get; private set; }

    /// <summary>Gold toponyms with coordinates, recognised or not.</summary>
    public int GoldWithCoordinates { get; private set; }

    public IReadOnlyList<double> ErrorsKm => _errorsKm;

    public int WithinRadius => _errorsKm.Count(e => e <= PlaceEvaluation.AccuracyRadiusKm);

    /// <summary>A gold toponym not recognised (<see cref="Predicted"/> null) or resolved beyond the radius.</summary>
    public readonly record struct Miss(GoldToponym Gold, ResolvedPlace? Predicted, double? ErrorKm);

    public const string MissHeader =
        "dataset\tarticle\tstart\ttoponym\tgold_lat\tgold_lon\tname\tcountry\tadmin1\tlat\tlon\tprecision\terror_km\tcontext";

    // Enough text either side of the toponym to see what the story says about it.
    private const int ContextChars = 80;

    /// <summary>One tab-separated row for <see cref="MissHeader"/>; tabs and line breaks in the text become spaces.</summary>
    public static string MissRow(string dataset, GeoparsingArticle article, Miss miss)
    {
        static string Number(double? d, string format) => d is { } v ? v.ToString(format, System.Globalization.CultureInfo.InvariantCulture) : "";
        var g = miss.Gold;
        var p = miss.Predicted;
        int from = Math.Max(0, g.Start - ContextChars), to = Math.Min(article.Text.Length, g.End + ContextChars);
        var context = article.Text[from..g.Start] + "[[" + article.Text[g.Start..g.End] + "]]" + article.Text[g.End..to];
        return Evaluation.MissRow.Of(
            dataset, article.Id, g.Start.ToString(System.Globalization.CultureInfo.InvariantCulture), g.Phrase,
            Number(g.Latitude, "0.####"), Number(g.Longitude, "0.####"),
            p?.Name, p?.CountryCode, p?.Admin1,
            Number(p?.Latitude, "0.####"), Number(p?.Longitude, "0.####"), p?.Precision.ToString() ?? "",
            p is null ? "not recognised" : Number(miss.ErrorKm, "0.#"),
            context);
    }

    public void Add(IReadOnlyList<GoldToponym> gold, IReadOnlyList<ResolvedPlace> predicted) => Add(gold, predicted, null);

    /// <param name="onMiss">Told of each gold toponym not recognised or resolved beyond <see cref="PlaceEvaluation.AccuracyRadiusKm"/>.</param>
    public void Add(IReadOnlyList<GoldToponym> gold, IReadOnlyList<ResolvedPlace> predicted, Action<Miss>? onMiss)
    {
        var spans = predicted.Select(p => p.Span).Distinct().OrderBy(s => s).ToList();
        var goldSpans = gold.Select(g => new Span(g.Start, g.End)).Distinct().ToHashSet();
        int exactHits = spans.Count(goldSpans.Contains);
        Exact += new Prf(exactHits, spans.Count - exactHits, goldSpans.Count - exactHits);

        // One-to-one overlap matching, in text order; an exact match is preferred when there is one.
        var used = new bool[predicted.Count];
        int overlapHits = 0;
        foreach (var g in gold.OrderBy(g => g.Start).ThenBy(g => g.End))
        {
            var span = new Span(g.Start, g.End);
            int match = -1;
            for (int i = 0; i < predicted.Count; i++)
            {
                if (used[i] || !predicted[i].Span.Overlaps(span)) continue;
                if (match < 0 || predicted[i].Span == span) match = i;
                if (predicted[i].Span == span) break;
            }
            if (g.Latitude is not null) GoldWithCoordinates++;
            if (match < 0)
            {
                onMiss?.Invoke(new Miss(g, null, null));
                continue;
            }
            used[match] = true;
            overlapHits++;
            if (g.Latitude is { } lat && g.Longitude is { } lon)
            {
                double errorKm = GeoMath.DistanceKm(lat, lon, predicted[match].Latitude, predicted[match].Longitude);
                _errorsKm.Add(errorKm);
                if (errorKm > PlaceEvaluation.AccuracyRadiusKm) onMiss?.Invoke(new Miss(g, predicted[match], errorKm));
            }
        }
        int distinctPredicted = predicted.Count;
        Overlap += new Prf(overlapHits, distinctPredicted - overlapHits, gold.Count - overlapHits);
    }

    public void Merge(GeoparsingScore other)
    {
        Exact += other.Exact;
        Overlap += other.Overlap;
        GoldWithCoordinates += other.GoldWithCoordinates;
        _errorsKm.AddRange(other._errorsKm);
    }

    public double MedianErrorKm
    {
        get
        {
            if (_errorsKm.Count == 0) return double.NaN;
            var sorted = _errorsKm.OrderBy(e => e).ToArray();
            int mid = sorted.Length / 2;
            return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        }
    }

    public double AccuracyWithinRadius => _errorsKm.Count == 0 ? 0 : (double)WithinRadius / _errorsKm.Count;

    public IEnumerable<Metric> ToMetrics(string prefix) =>
    [
        .. Exact.ToMetrics(prefix + "recognition.exact"),
        .. Overlap.ToMetrics(prefix + "recognition.overlap"),
        new(prefix + "resolution.acc161", AccuracyWithinRadius, _errorsKm.Count),
        // No resolved toponym, no median: leaving it out keeps NaN out of tables and JSON.
        .. (_errorsKm.Count == 0 ? Array.Empty<Metric>() : [new Metric(prefix + "resolution.median_km", MedianErrorKm, _errorsKm.Count)]),
        new(prefix + "resolution.acc161_of_all_gold", GoldWithCoordinates == 0 ? 0 : (double)WithinRadius / GoldWithCoordinates, GoldWithCoordinates),
    ];
}
