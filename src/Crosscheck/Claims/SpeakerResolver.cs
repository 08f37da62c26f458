using System.Collections.Frozen;
using System.Collections.Immutable;
using Crosscheck.Entities;
using static Crosscheck.Claims.WordClasses;

namespace Crosscheck.Claims;

/// <summary>
/// Links a source span to an entity of the entity layer: a mention inside the source, or for a
/// pronoun ("he") or a title alone ("the Ukrainian leader") the most recent person mention before it.
/// </summary>
internal static class SpeakerResolver
{
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Titles = L(PersonTitles);
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PersonPron = L(PersonPronouns);

    /// <summary>Antecedents are looked for at most this many characters back (a few paragraphs).</summary>
    private const int MaxLookBack = 3000;

    public static Attribution Resolve(Attribution attribution, string text, EntityLayer entities, Attribution? previous = null)
    {
        if (attribution.Source is not { } source || entities.Mentions.IsDefaultOrEmpty) return attribution;
        if (previous is { SpeakerEntity: { } earlier, Source: { } earlierSource } && source.Start - earlierSource.End is >= 0 and <= MaxLookBack
            && RefersBackToTheLastSpeaker(text, source))
        {
            return attribution with { SpeakerEntity = earlier, SpeakerSpan = previous.SpeakerSpan ?? previous.Source };
        }
        var mentions = entities.Mentions;
        // A named mention inside the source: the longest (the head name rather than an embedded place).
        EntityMention? best = null;
        int firstAfter = FirstMentionAtOrAfter(mentions, source.Start);
        for (int i = firstAfter; i < mentions.Length; i++)
        {
            var m = mentions[i];
            if (m.Span.Start >= source.End) break;
            if (!source.Contains(m.Span)) continue;
            if (best is null || Rank(m) > Rank(best.Value) || (Rank(m) == Rank(best.Value) && m.Span.Length > best.Value.Span.Length)) best = m;
        }
        if (best is { } found)
        {
            if (found.Type is EntityType.Group or EntityType.Place && OfficeHolderNamedEarlier(text, source, found, mentions, firstAfter) is { } holder)
            {
                return attribution with { SpeakerEntity = holder.Entity, SpeakerSpan = holder.Span };
            }
            // "a Ukrainian media outlet said": an unnamed outlet of that country is not the country's voice.
            if (found.Type is EntityType.Group or EntityType.Place && found.Span.End < source.End && MediaNouns.Contains(LastWord(text, source))) return attribution;
            if (found.Type == EntityType.Place && StateTheCapitalSpeaksFor(text, source, found, entities) is int state) return attribution with { SpeakerEntity = state };
            return attribution with { SpeakerEntity = found.Entity };
        }

        var head = LastWord(text, source);
        if (IsOutletNoun(head) && OutletNamedEarlier(text, source, head, mentions, firstAfter) is { } outlet)
        {
            return attribution with { SpeakerEntity = outlet.Entity, SpeakerSpan = outlet.Span };
        }
        bool personWanted = PersonPron.Contains(head) || Titles.Contains(head);
        bool groupWanted = head.Equals("they", StringComparison.OrdinalIgnoreCase) || head.Equals("it", StringComparison.OrdinalIgnoreCase)
            || head.Equals("who", StringComparison.OrdinalIgnoreCase);
        if (!personWanted && !groupWanted) return attribution;
        for (int i = firstAfter - 1; i >= 0; i--)
        {
            var m = mentions[i];
            if (m.Span.End > source.Start) continue;
            if (source.Start - m.Span.End > MaxLookBack) break;
            bool fits = personWanted ? m.Type == EntityType.Person
                : head.Equals("who", StringComparison.OrdinalIgnoreCase) ? m.Type is EntityType.Person or EntityType.Organization or EntityType.Group
                : m.Type is EntityType.Organization or EntityType.Group or EntityType.MilitaryUnit;
            if (fits) return attribution with { SpeakerEntity = m.Entity, SpeakerSpan = m.Span };
        }
        return attribution;
    }

    /// <summary>
    /// "The Ukrainian leader added ...": a definite description of a country's single office holder
    /// (leader, president, prime minister, king ...) after a person the report introduced with the same
    /// country ("Ukraine's President Volodymyr Zelensky"). The nearest such person before the source is
    /// the speaker, not the country. An indefinite or plural description ("a Ukrainian official",
    /// "Ukrainian officials") names nobody in particular and stays with the country.
    /// </summary>
    private static EntityMention? OfficeHolderNamedEarlier(string text, Span source, EntityMention country, ImmutableArray<EntityMention> mentions, int firstAfter)
    {
        var words = source.SliceOf(text).Trim();
        if (!words.StartsWith("the ", StringComparison.OrdinalIgnoreCase)) return null;
        var head = LastWord(text, source);
        if (!SingleOfficeHeads.Contains(head) || country.Span.End > source.End - head.Length) return null;
        var stem = CountryStem(country.Span.SliceOf(text));
        if (stem.Length < 4) return null;
        for (int i = firstAfter - 1; i >= 0; i--)
        {
            var m = mentions[i];
            if (m.Span.End > source.Start || m.Type != EntityType.Person) continue;
            if (source.Start - m.Span.End > MaxLookBack) break;
            // Any mention of the same person written right after the country: "Ukrainian President Volodymyr Zelenskyy".
            for (int j = i; j >= 0; j--)
            {
                var other = mentions[j];
                if (other.Entity != m.Entity || other.Type != EntityType.Person) continue;
                int from = Math.Max(0, other.Span.Start - 40);
                var before = text.AsSpan(from, other.Span.Start - from);
                // "former Ukrainian President Petro Poroshenko" no longer holds the office.
                if (before.Contains(stem, StringComparison.OrdinalIgnoreCase) && !before.ContainsAny(".;\n")
                    && !before.Contains("former", StringComparison.OrdinalIgnoreCase) && !before.Contains("ex-", StringComparison.OrdinalIgnoreCase)) return m;
            }
        }
        return null;
    }

    /// <summary>
    /// "Kyiv said", "Moscow denied": a capital alone as the source is its state speaking. When the alias
    /// table says whose capital it is and the report names that state too, the state is the speaker;
    /// "officials in Kyiv" and a report that never names the state keep the city.
    /// </summary>
    private static int? StateTheCapitalSpeaksFor(string text, Span source, EntityMention capital, EntityLayer entities)
    {
        var written = capital.Span.SliceOf(text);
        if (!source.SliceOf(text).Trim().Trim(" ,.;:".AsSpan()).Equals(written, StringComparison.Ordinal)) return null;
        var name = written.ToString();
        int state = AliasTable.Default.Lookup(name, EntityType.Organization);
        if (state < 0 || state == AliasTable.Default.Lookup(name, EntityType.Place) || AliasTable.Default.Canonicals[state].Type != EntityType.Place) return null;
        foreach (var entity in entities.Entities)
        {
            if (entity.Index == capital.Entity || entity.Type is not (EntityType.Place or EntityType.Organization)) continue;
            if (AliasTable.Default.Lookup(entity.Name, entity.Type) == state) return entity.Index;
        }
        return null;
    }

    /// <summary>
    /// "the outlet said", "the agency said": a definite media noun alone points back to the nearest
    /// outlet of that kind the report named. Any body the text called by that same noun answers
    /// ("Yonhap news agency", "the Telegram channel Rybar"), as does one whose own name ends in it
    /// ("... Energy Agency"); a newspaper's title ("Ukrainska Pravda") answers only the nouns for a
    /// newspaper, since "the agency" after "The New York Times reported" is not the newspaper. A body
    /// the text called by another media noun is another outlet and is passed over. For an agency or a
    /// channel, any other organisation nearer than the one that fits may be the one meant, so the
    /// search stops there, unresolved, rather than reaching past it.
    /// </summary>
    private static EntityMention? OutletNamedEarlier(string text, Span source, ReadOnlySpan<char> head, ImmutableArray<EntityMention> mentions, int firstAfter)
    {
        var words = source.SliceOf(text).Trim();
        if (!words.StartsWith("the ", StringComparison.OrdinalIgnoreCase) || words.Count(' ') > 2) return null;
        bool newspaperWanted = NewspaperNouns.Contains(head);
        for (int i = firstAfter - 1; i >= 0; i--)
        {
            var m = mentions[i];
            if (m.Span.End > source.Start || m.Type != EntityType.Organization) continue;
            if (source.Start - m.Span.End > OutletLookBack) break;
            var calledAs = MediaNounAfter(text, m.Span.End);
            if (calledAs.IsEmpty) calledAs = MediaNounBefore(text, m.Span.Start);
            if (!calledAs.IsEmpty)
            {
                if (calledAs.Equals(head, StringComparison.OrdinalIgnoreCase)) return m;
                continue;
            }
            var name = m.Span.SliceOf(text);
            var lastWord = name[(name.LastIndexOf(' ') + 1)..];
            if (lastWord.Equals(head, StringComparison.OrdinalIgnoreCase)) return m;
            if (newspaperWanted && name.Contains(' ') && Lexicons.Contains(Lexicons.MediaTitleWords, lastWord)) return m;
            // A ministry or a regiment is never called a newspaper, but any body may be an agency or a channel.
            if (!newspaperWanted) return null;
        }
        return null;
    }

    // About two paragraphs: "the outlet said" farther from the outlet's name than that has lost it.
    private const int OutletLookBack = 1200;

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NewspaperNouns =
        FrozenSet.ToFrozenSet(["outlet", "newspaper", "paper", "daily", "weekly", "tabloid"], StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    // "the Telegram channel Rybar", "news agency Meridian": the media noun written right before a name; empty when none.
    private static ReadOnlySpan<char> MediaNounBefore(string text, int start)
    {
        int from = Math.Max(0, start - 30);
        var before = text.AsSpan(from, start - from).TrimEnd(' ');
        int begin = before.Length;
        while (begin > 0 && char.IsLetter(before[begin - 1])) begin--;
        var word = before[begin..];
        return word.Length > 0 && IsOutletNoun(word) ? word : [];
    }

    // A news agency is an outlet to refer back to, though "a Russian agency said" is not an unnamed outlet of the country.
    private static bool IsOutletNoun(ReadOnlySpan<char> word) => MediaNouns.Contains(word) || word.Equals("agency", StringComparison.OrdinalIgnoreCase);

    // "Yonhap news agency": the media noun written right after a name, skipping "news"; empty when none.
    private static ReadOnlySpan<char> MediaNounAfter(string text, int end)
    {
        var rest = text.AsSpan(end, Math.Min(40, text.Length - end));
        for (int word = 0; word < 2; word++)
        {
            rest = rest.TrimStart(' ');
            int stop = 0;
            while (stop < rest.Length && char.IsLetter(rest[stop])) stop++;
            if (stop == 0) return [];
            var next = rest[..stop];
            if (IsOutletNoun(next)) return next;
            if (!next.Equals("news", StringComparison.OrdinalIgnoreCase)) return [];
            rest = rest[stop..];
        }
        return [];
    }

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SingleOfficeHeads =
        FrozenSet.ToFrozenSet(["leader", "president", "premier", "chancellor", "king", "queen", "monarch", "ruler", "dictator", "emir", "shah"],
            StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// "Ukrainian", "Ukraine's" and "Ukraine" share "Ukrai", "North Korean" and "North Korea's" share "Korea":
    /// the first five letters of the last word, before any demonym or possessive ending.
    /// </summary>
    private static ReadOnlySpan<char> CountryStem(ReadOnlySpan<char> written)
    {
        var word = written.Trim();
        int space = word.LastIndexOf(' ');
        if (space >= 0) word = word[(space + 1)..];
        int end = 0;
        while (end < word.Length && end < 5 && char.IsLetter(word[end])) end++;
        return word[..end];
    }

    /// <summary>
    /// "According to this source", "the same agency said": a demonstrative before a word for a
    /// source points back to the speaker of the claim just before, not to a new one.
    /// </summary>
    private static bool RefersBackToTheLastSpeaker(string text, Span source)
    {
        var words = source.SliceOf(text).Trim();
        if (!(words.StartsWith("this ", StringComparison.OrdinalIgnoreCase) || words.StartsWith("that ", StringComparison.OrdinalIgnoreCase)
            || words.StartsWith("the same ", StringComparison.OrdinalIgnoreCase))) return false;
        var head = LastWord(text, source);
        return SourceNouns.Contains(head) && words.Count(' ') <= 2;
    }

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SourceNouns =
        FrozenSet.ToFrozenSet(["source", "agency", "outlet", "ministry", "newspaper", "paper", "channel", "service", "office", "official", "spokesman", "spokeswoman", "spokesperson", "report", "statement"],
            StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Mentions are in text order: binary search for the first starting at or after <paramref name="offset"/>.</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> MediaNouns = L(new[]
    {
        "outlet", "outlets", "media", "newspaper", "newspapers", "paper", "daily", "weekly", "broadcaster", "broadcasters",
        "channel", "channels", "website", "site", "portal", "magazine", "television", "TV", "radio", "station", "press", "tabloid", "blogger", "bloggers",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase));

    private static int FirstMentionAtOrAfter(ImmutableArray<EntityMention> mentions, int offset)
    {
        int lo = 0, hi = mentions.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (mentions[mid].Span.Start < offset) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    // A named body outranks the group words around it: in "the Ukrainian military intelligence
    // services (GUR)" the speaker is GUR, not "Ukrainian military".
    private static int Rank(EntityMention m) => m.Type switch
    {
        EntityType.Person => 4,
        EntityType.Organization or EntityType.MilitaryUnit => 3,
        EntityType.Group => 2,
        EntityType.Place => 0,
        _ => 1,
    };

    private static ReadOnlySpan<char> LastWord(string text, Span span)
    {
        var s = span.SliceOf(text).TrimEnd(" ,.;:".AsSpan());
        int space = s.LastIndexOf(' ');
        return space < 0 ? s : s[(space + 1)..];
    }
}
