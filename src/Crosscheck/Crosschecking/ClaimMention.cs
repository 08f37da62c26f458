using Crosscheck.Claims;
using Crosscheck.Quantities;

namespace Crosscheck.Crosschecking;

/// <summary>One report's attribution, with what is needed to match it against other reports'.</summary>
internal sealed class ClaimMention
{
    public ClaimMention(ArticleView article, Attribution attribution, IReadOnlyCollection<string> relays)
    {
        Article = article;
        Attribution = attribution;
        int start = attribution.Content.Start, end = attribution.Content.End;
        if (attribution.Source is Span source) { start = Math.Min(start, source.Start); end = Math.Max(end, source.End); }
        if (attribution.Cue is Span cue) { start = Math.Min(start, cue.Start); end = Math.Max(end, cue.End); }
        Extent = new Span(start, end);
        Content = article.Slice(attribution.Content).Trim();
        SpeakerText = attribution.Source is Span s ? article.Slice(s).Trim() : null;
        CueText = attribution.Cue is Span c ? article.Slice(c).Trim() : null;
        SpeakerId = attribution.SpeakerEntity is int index ? article.EntityIdOf(index) : null;
        string? speakerName = attribution.SpeakerEntity is int i && (uint)i < (uint)article.Entities.Entities.Length ? article.Entities.Entities[i].Name : null;
        // A place speaking: typed so by the entity stage, or a source the place stage resolved.
        SpeakerIsPlace = (attribution.SpeakerEntity is int pi && (uint)pi < (uint)article.Entities.Entities.Length
            && article.Entities.Entities[pi].Type == Crosscheck.Entities.EntityType.Place)
            || (attribution.Source is Span speakerSpan && article.Places.Any(p => speakerSpan.Contains(p.Span) && p.Span.Length >= speakerSpan.Length - 4));
        SpeakerIsRelay = (speakerName is not null && MediaSources.IsMedia(speakerName, relays))
            || (SpeakerText is not null && MediaSources.IsMedia(SpeakerText, relays));
        Words = ContentWords.Of(Content);
        Entities = article.EntityIdsWithin(attribution.Content);
        foreach (var id in Entities) Words.Add("#" + id);
        var sentence = article.SentenceAround(Extent);
        ContentDates = article.DatesWithin(attribution.Content);
        Dates = ContentDates.Count > 0 ? ContentDates : article.DatesWithin(sentence);
        foreach (var quantity in article.Quantities)
        {
            if (!attribution.Content.Contains(quantity.Span)) continue;
            if (Units.Normalize(quantity.Min, quantity.Max, quantity.Unit) is NormalizedAmount amount) Amounts.Add((quantity, amount));
        }
    }

    public ArticleView Article { get; }
    public Attribution Attribution { get; }
    public Span Extent { get; }
    public string Content { get; }
    public string? SpeakerText { get; }
    public string? CueText { get; }
    public string? SpeakerId { get; }
    public bool SpeakerIsRelay { get; }

    /// <summary>"Kyiv said": a capital or country speaking through an unnamed part of its government.</summary>
    public bool SpeakerIsPlace { get; }
    public HashSet<string> Words { get; }
    public HashSet<string> Entities { get; }
    /// <summary>Dates inside the content: what the claim is about, used to tell claims apart.</summary>
    public List<string> ContentDates { get; }

    /// <summary>Dates in the content, else in the sentence around it: where the claim goes on the timeline.</summary>
    public List<string> Dates { get; }
    public List<(Quantity Quantity, NormalizedAmount Amount)> Amounts { get; } = [];

    /// <summary>The primary source: the speaker, unless the speaker only relays (an agency, an outlet).</summary>
    public string? Origin => SpeakerIsRelay ? null : SpeakerId;

    /// <summary>
    /// How surely two mentions state the same proposition, 0..1, or -1 when they cannot: their
    /// dates exclude each other or their figures for the same thing disagree.
    /// </summary>
    public double Match(ClaimMention other, Func<string, double> wordWeight)
    {
        if (ContentDates.Count > 0 && other.ContentDates.Count > 0 && !AnyCompatibleDate(ContentDates, other.ContentDates)) return -1;
        double similarity = ContentWords.WeightedDice(Words, other.Words, wordWeight);
        bool comparable = false, agree = false;
        foreach (var (q1, a1) in Amounts)
        {
            foreach (var (q2, a2) in other.Amounts)
            {
                if (a1.Dimension != a2.Dimension || q1.Casualty != q2.Casualty) continue;
                comparable = true;
                if (a1.Agrees(a2, QuantityTolerance)) agree = true;
            }
        }
        if (comparable && !agree) return -1;
        if (agree) similarity += 0.15;
        // A claim built on a figure and one with no figure at all are rarely the same proposition,
        // however many story words they share ("at least 30 killed" vs "began deploying them").
        else if (Amounts.Count > 0 != other.Amounts.Count > 0) similarity -= 0.15;
        return Math.Min(1, similarity);
    }

    /// <summary>The similarity needed to group: lower when the same speaker says it, higher between different primary sources.</summary>
    public double ThresholdWith(ClaimMention other)
    {
        // Within one report, different sentences by one speaker are usually different points.
        if (ReferenceEquals(Article, other.Article)) return 0.55;
        if (SpeakerId is not null && SpeakerId == other.SpeakerId) return 0.30;
        if (Origin is null || other.Origin is null) return 0.40;
        return 0.50;
    }

    /// <summary>Relative tolerance for figures: reports round ("some 300", "about 800").</summary>
    public const double QuantityTolerance = 0.10;

    private static bool AnyCompatibleDate(List<string> a, List<string> b)
    {
        foreach (var x in a)
        {
            foreach (var y in b)
            {
                if (DisplayDates.Compatible(x, y)) return true;
            }
        }
        return false;
    }
}
