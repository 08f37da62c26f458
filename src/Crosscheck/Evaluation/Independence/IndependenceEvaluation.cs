using System.Collections.Concurrent;
using System.Collections.Immutable;
using Crosscheck.Processing;

namespace Crosscheck.Evaluation.Independence;

/// <summary>
/// <c>crosscheck eval independence DIR</c>: a folder of reports with claims.tsv beside them
/// (columns doc, claim, origin, sentence: every sentence of every report and its true primary
/// source; bench <c>generate</c> writes one). The reports are analysed and assembled into a
/// dossier as <c>analyze</c> does; <see cref="IndependenceScorer"/> checks each matched claim's
/// independent-origin count against the distinct true origins of the sentences it groups.
/// </summary>
public sealed class IndependenceEvaluation : IEvaluation
{
    /// <summary>The generator's stories fall in 2023-2024; undated reports rest on this day until their story dates them.</summary>
    private static readonly DateOnly ReferenceDate = new(2025, 1, 1);

    public string Task => "independence";

    public string Description => "a folder of reports with claims.tsv (doc, claim, origin, sentence), as bench `generate` writes: independent-origin count exact per matched claim";

    public EvaluationReport Evaluate(string path, CancellationToken cancellationToken = default)
    {
        var goldPath = Path.Combine(path, "claims.tsv");
        if (!File.Exists(goldPath)) throw new FileNotFoundException($"No claims.tsv in '{path}'.", goldPath);
        var gold = ReadGold(goldPath);
        var warnings = ImmutableArray.CreateBuilder<string>();
        var components = Components.CreateDefault(ReferenceDate);
        var context = new AnalysisContext(ReferenceDate);
        var raws = new List<Ingest.RawArticle>();
        foreach (var item in components.Reader.Read([path]))
        {
            if (item.Article is { } raw) raws.Add(raw);
            else if (!item.Skipped) warnings.Add($"{item.Location}: {item.Error}");
        }
        var analyzed = new ConcurrentBag<AnalyzedArticle>();
        Parallel.ForEach(raws, new ParallelOptions { CancellationToken = cancellationToken },
            raw => analyzed.Add(components.Pipeline.Analyze(components.Prepare(raw), context).Article));
        var dossier = components.BuildDossier([.. analyzed], ReferenceDate);
        var texts = dossier.Articles.ToDictionary(a => a.Id, a => a.Text, StringComparer.Ordinal);
        var (metrics, misses) = IndependenceScorer.Score(gold, texts, dossier.Claims);
        int missingDocs = gold.Select(g => g.Doc).Distinct(StringComparer.Ordinal).Count(d => !texts.ContainsKey(d));
        if (missingDocs > 0) warnings.Add($"{missingDocs} reports named in claims.tsv were not read; their sentences are left out");
        warnings.AddRange(misses.Select(m => "miss: " + m));
        return new EvaluationReport(Task, path, metrics, warnings.ToImmutable());
    }

    /// <summary>Reads claims.tsv: a header naming doc, claim, origin and sentence among its columns.</summary>
    public static List<GoldSentence> ReadGold(string path)
    {
        using var reader = new StreamReader(path);
        var header = (reader.ReadLine() ?? "").Split('\t');
        int doc = Array.IndexOf(header, "doc"), claim = Array.IndexOf(header, "claim"), origin = Array.IndexOf(header, "origin"), sentence = Array.IndexOf(header, "sentence");
        if (doc < 0 || claim < 0 || origin < 0 || sentence < 0) throw new InvalidDataException($"{path}: the header must name the columns doc, claim, origin and sentence.");
        int needed = new[] { doc, claim, origin, sentence }.Max();
        var rows = new List<GoldSentence>();
        int line = 1;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (text.Length == 0) continue;
            var columns = text.Split('\t');
            if (columns.Length <= needed) throw new InvalidDataException($"{path}, line {line}: too few columns.");
            rows.Add(new GoldSentence(columns[doc], columns[claim], columns[origin], columns[sentence]));
        }
        return rows;
    }
}
