namespace Crosscheck.Entities;

/// <summary>Look-ups other stages make on an <see cref="EntityLayer"/> (e.g. resolving "he" to a speaker).</summary>
public static class EntityQueries
{
    /// <summary>
    /// The person entity whose mention ends last at or before <paramref name="offset"/>, or null.
    /// Mentions are sorted by start, so this is a binary search and a short walk back.
    /// </summary>
    public static ArticleEntity? MostRecentPersonBefore(this EntityLayer layer, int offset)
    {
        ArgumentNullException.ThrowIfNull(layer);
        var mentions = layer.Mentions;
        int lo = 0, hi = mentions.Length - 1, last = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (mentions[mid].Span.Start < offset)
            {
                last = mid;
                lo = mid + 1;
            }
            else hi = mid - 1;
        }
        for (int i = last; i >= 0; i--)
        {
            var mention = mentions[i];
            if (mention.Type == EntityType.Person && mention.Span.End <= offset) return layer.Entities[mention.Entity];
        }
        return null;
    }

    /// <summary>The mentions of one entity, in text order.</summary>
    public static IEnumerable<EntityMention> MentionsOf(this EntityLayer layer, int entity)
    {
        ArgumentNullException.ThrowIfNull(layer);
        foreach (var mention in layer.Mentions)
        {
            if (mention.Entity == entity) yield return mention;
        }
    }
}

/// <summary>Helpers on single mentions.</summary>
public static class EntityMentionExtensions
{
    /// <summary>
    /// The part of a mention that is the name itself: a group mention without its head noun
    /// ("North Korean" of "North Korean soldiers"); other mentions whole. This is what NER datasets annotate.
    /// </summary>
    public static Span NameSpanOf(this EntityMention mention, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (mention.Type != EntityType.Group) return mention.Span;
        int end = mention.Span.End;
        while (end > mention.Span.Start)
        {
            int wordStart = end;
            while (wordStart > mention.Span.Start && !char.IsWhiteSpace(text[wordStart - 1])) wordStart--;
            var word = text.AsSpan(wordStart, end - wordStart);
            if (wordStart == mention.Span.Start || !char.IsLower(word[0]) || !Lexicons.Contains(Lexicons.GroupNouns, word)) break;
            end = wordStart;
            while (end > mention.Span.Start && char.IsWhiteSpace(text[end - 1])) end--;
        }
        return new Span(mention.Span.Start, end);
    }
}
