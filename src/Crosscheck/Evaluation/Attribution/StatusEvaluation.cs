using System.Collections.Immutable;
using Crosscheck.Claims;

namespace Crosscheck.Evaluation.Attribution;

/// <summary>One row of a status set: a short text and what the attribution with <see cref="Cue"/> should say.</summary>
/// <param name="Line">1-based line in the file, for messages.</param>
/// <param name="Occurrence">Which attribution with that cue text is meant (1 = the first), for texts that repeat a cue.</param>
/// <param name="Scope">True when the row tests a hedge's scope: whether a hedge elsewhere in the text covers this claim or not.</param>
public sealed record StatusCase(int Line, string Text, ClaimStatus Expected, string Speaker, string Cue, int Occurrence, bool Scope);

/// <summary>
/// Task "status": claim status and hedge scope on a tab-separated set of invented sentences, one case a
/// line: text (<c>\n</c> for a paragraph break), expected status (asserted, claimed, alleged, denied,
/// confirmed, unverified, disputed), expected speaker (a substring of the source span), the cue's text,
/// and optionally a fifth column of tags: <c>scope</c> (the row tests which claims a hedge covers) and
/// <c>#N</c> (the N-th attribution with that cue, when the text repeats it). Lines starting with '#'
/// are comments. The case's attribution is looked up by its cue; a case with no such attribution counts
/// as a miss for its expected status. Reports precision, recall and F1 per status, accuracy, the accuracy
/// on hedge-scope rows, and how often the speaker was right.
/// </summary>
public sealed class StatusEvaluation : IEvaluation
{
    private readonly Func<Pipeline> _pipelineFactory;

    public StatusEvaluation() : this(() => DefaultPipeline.CreateBuilder().Build()) { }

    /// <param name="pipelineFactory">Builds the pipeline to evaluate; it must produce the claims layer.</param>
    public StatusEvaluation(Func<Pipeline> pipelineFactory) => _pipelineFactory = pipelineFactory;

    public string Task => "status";

    public string Description =>
        "claim status set (TSV: text, status, speaker, cue[, tags 'scope' '#N']): precision/recall/F1 per status, accuracy, hedge-scope accuracy, speaker accuracy";

    /// <summary>Reads a status set; a malformed line is named in <paramref name="warnings"/> and skipped.</summary>
    public static List<StatusCase> Read(string path, ICollection<string> warnings)
    {
        var cases = new List<StatusCase>();
        var lines = File.ReadAllLines(path);
        for (int i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0 || line[0] == '#') continue;
            var cols = line.Split('\t');
            if (cols.Length < 4)
            {
                warnings.Add($"{path}:{i + 1}: expected 4 or 5 tab-separated columns, found {cols.Length}; line skipped");
                continue;
            }
            if (!Enum.TryParse<ClaimStatus>(cols[1], ignoreCase: true, out var status) || int.TryParse(cols[1], out _))
            {
                warnings.Add($"{path}:{i + 1}: unknown status '{cols[1]}'; line skipped");
                continue;
            }
            bool scope = false;
            int occurrence = 1;
            if (cols.Length > 4)
            {
                foreach (var tag in cols[4].Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    if (tag.Equals("scope", StringComparison.OrdinalIgnoreCase)) scope = true;
                    else if (tag.Length > 1 && tag[0] == '#' && int.TryParse(tag.AsSpan(1), out int n) && n > 0) occurrence = n;
                    else warnings.Add($"{path}:{i + 1}: unknown tag '{tag}' ignored");
                }
            }
            cases.Add(new StatusCase(i + 1, cols[0].Replace("\\n", "\n"), status, cols[2], cols[3], occurrence, scope));
        }
        return cases;
    }

    /// <summary>The attribution a case is about: the <see cref="StatusCase.Occurrence"/>-th whose cue reads <see cref="StatusCase.Cue"/>.</summary>
    public static Claims.Attribution? Find(StatusCase c, ImmutableArray<Claims.Attribution> claims)
    {
        int seen = 0;
        foreach (var a in claims)
        {
            if (a.Cue is not { } cue || !cue.Of(c.Text).Equals(c.Cue, StringComparison.OrdinalIgnoreCase)) continue;
            if (++seen == c.Occurrence) return a;
        }
        return null;
    }

    /// <summary>Each case with the attribution found for it (null when none).</summary>
    public List<(StatusCase Case, Claims.Attribution? Found)> Predict(IEnumerable<StatusCase> cases, CancellationToken cancellationToken = default)
    {
        var pipeline = _pipelineFactory();
        var context = new AnalysisContext(new DateOnly(2024, 1, 1));
        var result = new List<(StatusCase, Claims.Attribution?)>();
        foreach (var c in cases)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var article = new Article { Id = $"line{c.Line}", Text = c.Text, ContentHash = $"line{c.Line}", Language = "en" };
            var analyzed = pipeline.Analyze(article, context).Article;
            var claims = analyzed.TryGet(Layers.Claims, out var layer) ? layer : [];
            result.Add((c, Find(c, claims)));
        }
        return result;
    }

    public EvaluationReport Evaluate(string path, CancellationToken cancellationToken = default)
    {
        var warnings = new List<string>();
        if (!File.Exists(path))
        {
            return new EvaluationReport(Task, path, [], [$"{path}: no such file"]);
        }
        var predictions = Predict(Read(path, warnings), cancellationToken);
        return new EvaluationReport(Task, path, [.. Score(predictions)], [.. warnings]);
    }

    /// <summary>The metrics of a set of predictions (also used by the tests, so floors and the CLI agree).</summary>
    public static List<Metric> Score(IReadOnlyList<(StatusCase Case, Claims.Attribution? Found)> predictions)
    {
        var metrics = new List<Metric>();
        foreach (var status in Enum.GetValues<ClaimStatus>())
        {
            int tp = 0, fp = 0, fn = 0;
            foreach (var (c, attribution) in predictions)
            {
                bool predicted = attribution?.Status == status, gold = c.Expected == status;
                if (predicted && gold) tp++;
                else if (predicted) fp++;
                else if (gold) fn++;
            }
            metrics.AddRange(new Prf(tp, fp, fn).ToMetrics(status.ToString().ToLowerInvariant()));
        }
        int n = predictions.Count;
        int correct = predictions.Count(p => p.Found?.Status == p.Case.Expected);
        int found = predictions.Count(p => p.Found is not null);
        int speaker = predictions.Count(p => p.Found?.Source is { } s && s.Of(p.Case.Text).Contains(p.Case.Speaker, StringComparison.OrdinalIgnoreCase));
        var scope = predictions.Where(p => p.Case.Scope).ToList();
        metrics.Add(new Metric("accuracy", n == 0 ? 0 : correct / (double)n, n));
        metrics.Add(new Metric("hedge_scope.accuracy", scope.Count == 0 ? double.NaN : scope.Count(p => p.Found?.Status == p.Case.Expected) / (double)scope.Count, scope.Count));
        metrics.Add(new Metric("attribution_found", n == 0 ? 0 : found / (double)n, n));
        metrics.Add(new Metric("speaker.accuracy", n == 0 ? 0 : speaker / (double)n, n));
        metrics.Add(new Metric("cases", n));
        return metrics;
    }
}
