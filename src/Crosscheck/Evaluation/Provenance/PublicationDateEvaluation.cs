using System.Collections.Immutable;
using Crosscheck.Cleaning;
using Crosscheck.Evaluation.Times;
using Crosscheck.Ingest;

namespace Crosscheck.Evaluation.Provenance;

/// <summary>
/// <c>crosscheck eval pubdate DIR</c>: every TimeML .tml file under DIR (TempEval-3) with its
/// document creation time (DCT) hidden. Only the TEXT element is given to the same cleaning and
/// provenance step `analyze` uses (dateline, dates written with their weekday), with no anchor
/// date and no file name (TimeBank names carry the date), and the inferred publication date is
/// scored against the DCT by <see cref="PublicationDateScorer"/>.
/// </summary>
public sealed class PublicationDateEvaluation : IEvaluation
{
    public string Task => "pubdate";

    public string Description => "TimeML .tml files (TempEval-3) with the DCT hidden: publication date inferred from the text alone; coverage, exact and within-one-day shares";

    public EvaluationReport Evaluate(string path, CancellationToken cancellationToken = default)
    {
        var files = File.Exists(path) ? [path] : Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "*.tml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray()
            : throw new FileNotFoundException($"No .tml file or folder at '{path}'.", path);
        var preparer = new ArticlePreparer(new PreparerOptions(AnchorDate: null));
        var scorer = new PublicationDateScorer();
        var warnings = ImmutableArray.CreateBuilder<string>();
        var bases = new Dictionary<string, int>(StringComparer.Ordinal);
        int number = 0;
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var document = TimeMl.Parse(Path.GetFileNameWithoutExtension(file), File.ReadAllText(file));
            if (document.CreationTime is not { } truth)
            {
                warnings.Add($"{file}: no DCT value; skipped");
                continue;
            }
            // A neutral id: TimeBank and AQUAINT file names spell out the date.
            var id = "doc" + (++number).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var raw = new RawArticle { Id = id, Location = id, Format = InputFormat.Text, Body = document.Text.Trim(), ContentHash = id };
            var published = preparer.Prepare(raw).Published;
            scorer.Add(truth, published.Date);
            if (published.Date is not null) bases[published.Basis ?? "unknown"] = bases.GetValueOrDefault(published.Basis ?? "unknown") + 1;
        }
        var metrics = scorer.Metrics().ToBuilder();
        foreach (var (basis, count) in bases.OrderBy(b => b.Key, StringComparer.Ordinal)) metrics.Add(new Metric("dated.by." + basis, count));
        return new EvaluationReport(Task, path, metrics.ToImmutable(), warnings.ToImmutable());
    }
}
