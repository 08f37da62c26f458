using System.Collections.Immutable;
using Crosscheck.Places;

namespace Crosscheck.Evaluation.Places;

/// <summary>
/// <c>crosscheck eval places PATH</c>: geoparsing XML (LGL, TR-News, GeoVirus format), one file or
/// a folder of *.xml. Scores toponym recognition (precision, recall, F1 with exact and with
/// overlapping spans) and resolution over the recognised gold toponyms that have coordinates:
/// accuracy within 161 km (100 miles) and median error in km; per file and over all files.
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
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (articles, fileWarnings) = GeoparsingCorpus.Read(file);
            warnings.AddRange(fileWarnings);
            var score = new GeoparsingScore();
            foreach (var article in articles)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var outcome = pipeline.Analyze(new Article { Id = article.Id, Text = article.Text, ContentHash = article.Id }, Context);
                foreach (var failure in outcome.Failures) warnings.Add($"{Path.GetFileName(file)} {article.Id}: stage {failure.Stage}: {failure.Message}");
                score.Add(article.Toponyms, outcome.Article.Items(Layers.Places));
            }
            if (files.Length > 1) metrics.AddRange(score.ToMetrics(Path.GetFileNameWithoutExtension(file) + "."));
            total.Merge(score);
        }
        metrics.AddRange(total.ToMetrics(""));
        return new EvaluationReport(Task, path, metrics.ToImmutable(), warnings.ToImmutable());
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

    public void Add(IReadOnlyList<GoldToponym> gold, IReadOnlyList<ResolvedPlace> predicted)
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
            if (match < 0) continue;
            used[match] = true;
            overlapHits++;
            if (g.Latitude is { } lat && g.Longitude is { } lon)
            {
                _errorsKm.Add(GeoMath.DistanceKm(lat, lon, predicted[match].Latitude, predicted[match].Longitude));
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
