using System.Collections.Immutable;
using Crosscheck.Cleaning;
using Crosscheck.Copies;
using Crosscheck.Ingest;
using Crosscheck.Language;

namespace Crosscheck.Evaluation.Copies;

/// <summary>
/// <c>crosscheck eval copies DIR</c>: a folder of reports (.txt, .json, .jsonl, .html) with a
/// manifest.tsv beside them (columns doc, cluster, outlet, kind, copy_of: the benchmark
/// generator writes one). Every report is read and prepared as `analyze` does (cleaning,
/// relays, dates) and given its language, then <see cref="CopyDetector"/> runs over all of them;
/// <see cref="CopyScorer"/> scores the copy groups against the manifest.
/// </summary>
public sealed class CopyEvaluation : IEvaluation
{
    public string Task => "copies";

    public string Description => "a folder of reports with manifest.tsv (doc, cluster, outlet, kind, copy_of), as bench `generate` writes: copy-group pair precision/recall/F1";

    public EvaluationReport Evaluate(string path, CancellationToken cancellationToken = default)
    {
        var manifestPath = Path.Combine(path, "manifest.tsv");
        if (!File.Exists(manifestPath)) throw new FileNotFoundException($"No manifest.tsv in '{path}'.", manifestPath);
        var gold = ReadManifest(manifestPath);
        var warnings = ImmutableArray.CreateBuilder<string>();
        var preparer = new ArticlePreparer();
        var identifier = LanguageIdentifier.LoadDefault();
        var inputs = new List<CopyInput>();
        foreach (var item in new InputReader(InputLimits.Default).Read([path]))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (item.Article is not { } raw)
            {
                if (!item.Skipped) warnings.Add($"{item.Location}: {item.Error}");
                continue;
            }
            var article = preparer.Prepare(raw);
            var guess = identifier.Identify(article.Text);
            inputs.Add(CopyInput.From(article with { Language = guess.Code }));
        }
        var analysis = new CopyDetector().Detect(inputs, cancellationToken);
        var known = gold.Where(g => analysis.For(g.Id) is not null).ToList();
        if (known.Count < gold.Count) warnings.Add($"{gold.Count - known.Count} manifest rows name no report that was read; they are left out");
        var metrics = CopyScorer.Score(known, analysis.GroupOf);
        return new EvaluationReport(Task, path, metrics, warnings.ToImmutable());
    }

    /// <summary>Reads manifest.tsv: a header row naming doc, kind and copy_of among its columns.</summary>
    public static List<GoldCopy> ReadManifest(string path)
    {
        using var reader = new StreamReader(path);
        var header = (reader.ReadLine() ?? "").Split('\t');
        int doc = Array.IndexOf(header, "doc"), kind = Array.IndexOf(header, "kind"), copyOf = Array.IndexOf(header, "copy_of");
        if (doc < 0 || kind < 0 || copyOf < 0) throw new InvalidDataException($"{path}: the header must name the columns doc, kind and copy_of.");
        var rows = new List<GoldCopy>();
        int line = 1;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (text.Length == 0) continue;
            var columns = text.Split('\t');
            if (columns.Length <= Math.Max(doc, Math.Max(kind, copyOf))) throw new InvalidDataException($"{path}, line {line}: too few columns.");
            rows.Add(new GoldCopy(columns[doc], columns[kind], columns[copyOf].Length == 0 ? null : columns[copyOf]));
        }
        return rows;
    }
}
