using System.Collections.Immutable;
using Crosscheck.Entities;

namespace Crosscheck.Claims;

/// <summary>
/// Finds who claims what: attribution spans (source, cue, content), their status and hedges, and
/// the relay chain ("X reported, citing Y, that ..."). Requires tokens and sentences. Reads the
/// entity layer when an earlier stage produced it (not required): then <see cref="Attribution.SpeakerEntity"/>
/// is set, also for pronoun and title-only speakers ("he said", "the Ukrainian leader added").
/// </summary>
public sealed class AttributionStage : IStage
{
    public const string StageName = "claims";

    private readonly AttributionExtractor _extractor;
    private readonly CueLexicon _lexicon;

    /// <summary>Uses the embedded English cue lexicon and learned cue priors.</summary>
    public AttributionStage() : this(CueLexicon.English) { }

    public AttributionStage(CueLexicon lexicon)
    {
        _lexicon = lexicon;
        _extractor = new AttributionExtractor(lexicon);
    }

    public string Name => StageName;

    public IReadOnlyList<LayerKey> Requires { get; } = [Layers.Tokens, Layers.Sentences];

    public IReadOnlyList<LayerKey> Produces { get; } = [Layers.Claims];

    public AnalyzedArticle Process(AnalyzedArticle article, AnalysisContext context)
    {
        var text = article.Text;
        var tokens = article.Get(Layers.Tokens);
        var sentences = article.Get(Layers.Sentences);
        var found = _extractor.Extract(text, tokens, sentences);
        HedgeScoper.Apply(found, text, new TokenView(text, tokens), sentences, _lexicon);
        AddRelays(found);
        if (article.TryGet(Layers.Entities, out var entities))
        {
            for (int i = 0; i < found.Count; i++) found[i] = SpeakerResolver.Resolve(found[i], text, entities);
        }
        return article.With(Layers.Claims, found.ToImmutableArray());
    }

    /// <summary>An attribution whose cue lies inside another's content is relayed by that other's source.</summary>
    private static void AddRelays(List<Attribution> found)
    {
        for (int i = 0; i < found.Count; i++)
        {
            if (found[i].Cue is not { } cue) continue;
            List<(int Length, Span Source)>? relays = null;
            for (int j = 0; j < found.Count; j++)
            {
                if (i == j || found[j].Source is not { } outer) continue;
                foreach (var part in found[j].AllContent)
                {
                    if (part.Contains(cue)) (relays ??= []).Add((part.Length, outer));
                }
            }
            if (relays is null) continue;
            relays.Sort((a, b) => a.Length.CompareTo(b.Length));
            found[i] = found[i] with { RelaySpans = [.. relays.Select(r => r.Source)] };
        }
    }
}
