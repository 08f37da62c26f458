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

    private readonly QuantityExtractor _extractor;

    public QuantityStage() : this("en") { }

    /// <param name="language">ISO 639-1 code of the word and unit tables in models/times/ ("en").</param>
    public QuantityStage(string language) =>
        _extractor = language == "en"
            ? new QuantityExtractor(WordTable.English, UnitTable.English)
            : new QuantityExtractor(WordTable.Load(language), UnitTable.Load(language));

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
        return article.With(Layers.Quantities, Find(article.Text, article.Get(Layers.Tokens), article.Get(Layers.Sentences), covered.ToImmutable()));
    }

    /// <summary>The quantities of a tokenized text; <paramref name="covered"/> are sorted spans to leave alone (dates, times).</summary>
    public ImmutableArray<Quantity> Find(string text, ImmutableArray<Text.Token> tokens, ImmutableArray<Text.Sentence> sentences, ImmutableArray<Span> covered)
    {
        var output = new List<Quantity>();
        foreach (var sentence in sentences)
        {
            _extractor.Extract(text, tokens, sentence.FirstToken, sentence.FirstToken + sentence.TokenCount, covered, output);
        }
        return [.. output];
    }
}
