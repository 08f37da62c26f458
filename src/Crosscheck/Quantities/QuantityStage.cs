using System.Collections.Immutable;
using Crosscheck.Times;

namespace Crosscheck.Quantities;

/// <summary>
/// Finds numbers with their bounds, units (converted to a canonical unit) and what they count,
/// including casualty words ("killed or wounded"). Reads the times layer when present (it is not
/// required) so that dates, clock times and durations are not reported again as quantities.
/// </summary>
public sealed class QuantityStage : IStage
{
    public const string StageName = "quantities";

    private static readonly Lazy<QuantityExtractor> English = new(() => new QuantityExtractor(WordTable.English, UnitTable.English));
    private static readonly Lazy<QuantityExtractor> Russian = new(() => new QuantityExtractor(WordTable.Russian, UnitTable.Load("ru")));

    private readonly QuantityExtractor? _fixed;

    /// <summary>Reads each article with its own language's tables (<see cref="Article.Language"/>: "ru" Russian, anything else English).</summary>
    public QuantityStage() { }

    /// <param name="language">ISO 639-1 code of the word and unit tables in models/times/ to use for every article ("en", "ru").</param>
    public QuantityStage(string language) =>
        _fixed = language switch
        {
            "en" => English.Value,
            "ru" => Russian.Value,
            _ => new QuantityExtractor(WordTable.Load(language), UnitTable.Load(language)),
        };

    public string Name => StageName;

    public IReadOnlyList<LayerKey> Requires { get; } = [Layers.Tokens, Layers.Sentences];

    public IReadOnlyList<LayerKey> Produces { get; } = [Layers.Quantities];

    public AnalyzedArticle Process(AnalyzedArticle article, AnalysisContext context)
    {
        var times = article.Items(Layers.Times);
        var covered = ImmutableArray.CreateBuilder<Span>(times.Length);
        // Durations stay: "three days" is also a count of days; dates, clock times and sets are not quantities.
        foreach (var time in times) if (time.Type != TimexType.Duration) covered.Add(time.Span);
        covered.Sort();
        return article.With(Layers.Quantities, Find(article.Text, article.Get(Layers.Tokens), article.Get(Layers.Sentences), covered.ToImmutable(), article.Article.Language));
    }

    /// <summary>The quantities of a tokenized text; <paramref name="covered"/> are sorted spans to leave alone (dates, times).</summary>
    /// <param name="language">ISO 639-1 code of the text; "ru" reads Russian, anything else English (unless the stage was built for one language).</param>
    public ImmutableArray<Quantity> Find(string text, ImmutableArray<Text.Token> tokens, ImmutableArray<Text.Sentence> sentences, ImmutableArray<Span> covered, string language = "en")
    {
        var extractor = _fixed ?? (language == "ru" ? Russian.Value : English.Value);
        var output = new List<Quantity>();
        foreach (var sentence in sentences)
        {
            extractor.Extract(text, tokens, sentence.FirstToken, sentence.FirstToken + sentence.TokenCount, covered, output);
        }
        for (int i = 0; i < output.Count; i++)
        {
            if (Quantity.IsImplausible(output[i])) output[i] = output[i] with { Implausible = true };
        }
        return [.. output];
    }
}
