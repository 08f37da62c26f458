using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Crosscheck.Entities;
using Crosscheck.Evaluation.Stories;

namespace Crosscheck.Evaluation.Entities;

/// <summary>
/// Task "entity-links": are the canonical entities right across reports? Every document of a pile
/// (an ECB+ topic folder, a MEANTIME corpus folder) goes through the default pipeline, the piles'
/// entities are merged by the cross-report linker exactly as in a dossier, and the result is
/// scored with B-cubed against the gold entity chains, on the gold proper-name mentions.
/// </summary>
/// <remarks>
/// A gold mention is <em>recognised</em> when a predicted entity mention overlaps it (the largest
/// overlap wins); its predicted cluster is then that mention's canonical entity. An unrecognised
/// mention is a cluster of its own, so recognition misses cost recall. Descriptions ("the
/// actress") and pronouns are left out: the linker merges names. The baseline clusters the same
/// recognised mentions by their exact (case-folded) surface text, to show what linking adds.
/// </remarks>
public sealed class EntityCoreferenceEvaluation : IEvaluation
{
    private readonly Func<Pipeline> _pipeline;
    private readonly Func<IEntityLinker> _linker;

    public EntityCoreferenceEvaluation() : this(() => DefaultPipeline.Create(), () => new CrossReportEntityLinker()) { }

    /// <summary>Scores another pipeline or linker (for tests and ablations).</summary>
    public EntityCoreferenceEvaluation(Func<Pipeline> pipeline, Func<IEntityLinker> linker)
    {
        _pipeline = pipeline ?? throw new ArgumentNullException(nameof(pipeline));
        _linker = linker ?? throw new ArgumentNullException(nameof(linker));
    }

    public string Task => "entity-links";

    public string Description =>
        "ECB+ or MEANTIME token XML with entity coreference chains (folder per pile): cross-report entity merging, B-cubed P/R/F1 on proper-name mentions";

    public EvaluationReport Evaluate(string path, CancellationToken cancellationToken = default)
    {
        var (documents, loadWarnings) = CoreferenceCorpus.Load(path);
        var warnings = new List<string>(loadWarnings);
        if (documents.IsEmpty) return new EvaluationReport(Task, path, [], [.. warnings]);

        var pipeline = _pipeline();
        var context = new AnalysisContext(new DateOnly(2000, 1, 1));
        var analyzed = new ConcurrentDictionary<string, AnalyzedArticle>(StringComparer.Ordinal);
        int failures = 0;
        var watch = Stopwatch.StartNew();
        Parallel.ForEach(documents, new ParallelOptions { CancellationToken = cancellationToken }, document =>
        {
            var article = new Article
            {
                Id = document.Id,
                SourcePath = document.Id,
                Text = document.Text,
                ContentHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(document.Text))),
            };
            var outcome = pipeline.Analyze(article, context);
            if (!outcome.Succeeded) Interlocked.Increment(ref failures);
            analyzed[document.Id] = outcome.Article;
        });
        double analysisSeconds = watch.Elapsed.TotalSeconds;
        if (failures > 0) warnings.Add($"{failures} documents had a stage failure; their other layers were scored");

        var gold = new Dictionary<string, string>(StringComparer.Ordinal);
        var linked = new Dictionary<string, string>(StringComparer.Ordinal);
        var sameText = new Dictionary<string, string>(StringComparer.Ordinal);
        var recognisedGold = new Dictionary<string, string>(StringComparer.Ordinal);
        watch.Restart();
        foreach (var pile in documents.GroupBy(d => d.Group, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var members = pile.OrderBy(d => d.Id, StringComparer.Ordinal).ToList();
            var linking = _linker().Link([.. members.Select(d => analyzed[d.Id])]);
            foreach (var document in members)
            {
                var article = analyzed[document.Id];
                var predicted = article.TryGet(Layers.Entities, out var layer) ? layer.Mentions : [];
                foreach (var mention in document.Mentions)
                {
                    if (!mention.Named) continue;
                    string goldChain = $"{pile.Key}/{mention.Chain}";
                    gold[mention.Id] = goldChain;
                    if (BestOverlap(predicted, mention) is not { } match)
                    {
                        linked[mention.Id] = $"unrecognised/{mention.Id}";
                        sameText[mention.Id] = $"unrecognised/{mention.Id}";
                        continue;
                    }
                    string canonical = linking.IdFor(document.Id, match.Entity) ?? $"{document.Id}#{match.Entity}";
                    linked[mention.Id] = $"{pile.Key}/{canonical}";
                    sameText[mention.Id] = $"{pile.Key}/{NameKeys.Normalize(match.Span.SliceOf(article.Article.Text))}";
                    recognisedGold[mention.Id] = goldChain;
                }
            }
        }
        double linkingSeconds = watch.Elapsed.TotalSeconds;

        var bcubed = ClusteringScores.BCubed(linked, gold);
        var onRecognised = ClusteringScores.BCubed(linked, recognisedGold);
        var baseline = ClusteringScores.BCubed(sameText, gold);
        int chains = gold.Values.Distinct(StringComparer.Ordinal).Count();
        ImmutableArray<Metric> metrics =
        [
            new("bcubed.precision", bcubed.Precision, gold.Count),
            new("bcubed.recall", bcubed.Recall, gold.Count),
            new("bcubed.f1", bcubed.F1, gold.Count),
            new("recognised.share", gold.Count == 0 ? 0 : (double)recognisedGold.Count / gold.Count, gold.Count),
            new("recognised.bcubed.precision", onRecognised.Precision, recognisedGold.Count),
            new("recognised.bcubed.recall", onRecognised.Recall, recognisedGold.Count),
            new("recognised.bcubed.f1", onRecognised.F1, recognisedGold.Count),
            new("baseline.same-text.bcubed.f1", baseline.F1, gold.Count),
            new("chains.gold", chains),
            new("documents", documents.Length),
            new("seconds.analysis", analysisSeconds),
            new("seconds.linking", linkingSeconds),
        ];
        return new EvaluationReport(Task, path, metrics, [.. warnings]);
    }

    private static EntityMention? BestOverlap(ImmutableArray<EntityMention> predicted, GoldEntityMention gold)
    {
        EntityMention? best = null;
        int bestOverlap = 0;
        foreach (var mention in predicted)
        {
            int overlap = Math.Min(mention.Span.End, gold.End) - Math.Max(mention.Span.Start, gold.Start);
            if (overlap > bestOverlap)
            {
                bestOverlap = overlap;
                best = mention;
            }
        }
        return best;
    }
}
