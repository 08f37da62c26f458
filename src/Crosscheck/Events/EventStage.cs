using Crosscheck.Entities;

namespace Crosscheck.Events;

/// <summary>
/// ACLED-style events (Battles, Explosions/Remote violence, Violence against civilians, Protests,
/// Riots, Strategic developments) from trigger lexicons and the participants a sentence names.
/// Requires sentences and claims (to tie events to who states them and to keep a claim's source
/// out of the participants). Reads, when present (not required): times (event date and precision),
/// quantities (casualty counts; where it has none for a sentence, a small built-in casualty scanner looks), places
/// (location) and entities.
/// </summary>
public sealed class EventStage : IStage
{
    public const string StageName = "events";

    private readonly EventExtractor _extractor;

    public EventStage() : this(EventLexicon.English) { }

    public EventStage(EventLexicon lexicon) => _extractor = new EventExtractor(lexicon);

    public string Name => StageName;

    public IReadOnlyList<LayerKey> Requires { get; } = [Layers.Sentences, Layers.Claims];

    public IReadOnlyList<LayerKey> Produces { get; } = [Layers.Events];

    public AnalyzedArticle Process(AnalyzedArticle article, AnalysisContext context)
    {
        var input = new EventInputs(
            article.Text,
            article.Get(Layers.Tokens), // present whenever claims are: the claims stage requires it
            article.Get(Layers.Sentences),
            article.Get(Layers.Claims),
            article.Items(Layers.Times),
            article.Items(Layers.Quantities),
            article.Items(Layers.Places),
            article.GetOrDefault(Layers.Entities, EntityLayer.Empty),
            context.ReferenceDateFor(article.Article),
            context.IsReferenceDateAssumed(article.Article));
        return article.With(Layers.Events, _extractor.Extract(input));
    }
}
