using System.Collections.Immutable;
using Crosscheck.Language;

namespace Crosscheck.Evaluation.Language;

/// <summary>
/// Task "language": paragraph-level language identification accuracy on a folder of ISO-code
/// subfolders (see <see cref="LanguageSamples"/> for the formats). Reports accuracy per language
/// ("accuracy.ru"), micro "accuracy" over all pieces, "macro_accuracy", the share answered "und",
/// the Russian/Ukrainian confusions ("confusion.ru->uk", "confusion.uk->ru") as counts, always,
/// and the other most frequent confusions ("confusion.de->nl") as counts.
/// A piece answered "und" counts as wrong.
/// </summary>
public sealed class LanguageEvaluation : IEvaluation
{
    private readonly Func<string, string> _identify;
    private readonly int _minChars;
    private readonly int _maxChars;

    public LanguageEvaluation() : this(text => LanguageIdentifier.LoadDefault().Identify(text).Code) { }

    /// <param name="identify">Text to ISO code; injectable so the scorer can be checked on its own.</param>
    internal LanguageEvaluation(Func<string, string> identify, int minChars = LanguageSamples.DefaultMinChars, int maxChars = LanguageSamples.DefaultMaxChars)
    {
        _identify = identify;
        _minChars = minChars;
        _maxChars = maxChars;
    }

    public string Task => "language";

    public string Description =>
        "Language identification per paragraph (200-400 chars): DIR has one subfolder per ISO 639-1 code with .txt files or token-per-line .tsv/.conll; scores accuracy per language, overall, and ru<->uk confusions.";

    public EvaluationReport Evaluate(string path, CancellationToken cancellationToken = default)
    {
        var warnings = ImmutableArray.CreateBuilder<string>();
        if (!Directory.Exists(path))
        {
            return new EvaluationReport(Task, path, [], [$"'{path}' is not a folder: give a folder with one subfolder per language code (en/, ru/, uk/ ...)."]);
        }
        var samples = LanguageSamples.Read(path, _minChars, _maxChars);
        if (samples.Count == 0)
        {
            return new EvaluationReport(Task, path, [], [$"No .txt/.tsv/.conll text under language-code subfolders of '{path}'."]);
        }

        var correct = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var total = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var confusions = new Dictionary<(string Gold, string Predicted), int>();
        var undetermined = 0;
        foreach (var sample in samples)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var gold = sample.Language.Split('-')[0];
            var predicted = _identify(sample.Text);
            total[gold] = total.GetValueOrDefault(gold) + 1;
            if (predicted == gold) correct[gold] = correct.GetValueOrDefault(gold) + 1;
            else confusions[(gold, predicted)] = confusions.GetValueOrDefault((gold, predicted)) + 1;
            if (predicted == LanguageGuess.Undetermined) undetermined++;
        }

        var metrics = ImmutableArray.CreateBuilder<Metric>();
        var allCorrect = correct.Values.Sum();
        metrics.Add(new Metric("accuracy", (double)allCorrect / samples.Count, samples.Count));
        metrics.Add(new Metric("macro_accuracy", total.Keys.Average(l => (double)correct.GetValueOrDefault(l) / total[l]), total.Count));
        metrics.Add(new Metric("undetermined_rate", (double)undetermined / samples.Count, samples.Count));
        foreach (var (language, count) in total)
        {
            metrics.Add(new Metric($"accuracy.{language}", (double)correct.GetValueOrDefault(language) / count, count));
        }
        metrics.Add(new Metric("confusion.ru->uk", confusions.GetValueOrDefault(("ru", "uk")), total.GetValueOrDefault("ru")));
        metrics.Add(new Metric("confusion.uk->ru", confusions.GetValueOrDefault(("uk", "ru")), total.GetValueOrDefault("uk")));
        foreach (var ((gold, predicted), count) in confusions.OrderByDescending(c => c.Value).ThenBy(c => c.Key.Gold, StringComparer.Ordinal).ThenBy(c => c.Key.Predicted, StringComparer.Ordinal).Take(10))
        {
            if ((gold, predicted) is ("ru", "uk") or ("uk", "ru")) continue;
            metrics.Add(new Metric($"confusion.{gold}->{predicted}", count, total[gold]));
        }
        return new EvaluationReport(Task, path, metrics.ToImmutable(), warnings.ToImmutable());
    }
}
