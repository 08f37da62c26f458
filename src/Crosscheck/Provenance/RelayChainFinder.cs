using System.Collections.Immutable;

namespace Crosscheck.Provenance;

/// <summary>
/// Finds the ordered relay chains a report names for itself, nearest link first: "Ukrainska
/// Pravda reported, citing a drone unit" is [Ukrainska Pravda, a drone unit]; "according to AFP,
/// which quoted Interfax" is [AFP, Interfax]; "Yonhap reported, citing Ukrainska Pravda, which
/// cited the border guard" is [Yonhap, Ukrainska Pravda, the border guard]. A chain starts at an
/// agency or outlet the tables know (<see cref="WireAgencyTable"/>, media outlets) that the
/// sentence names as a relay, and goes on through each citing cue after it in the same sentence.
/// Linear in the text: one pass over words, cue look-ups bounded per sentence.
/// </summary>
public sealed class RelayChainFinder
{
    /// <summary>
    /// Cues whose object is the next link: the relay before them passes on what it names. The one relay list
    /// (models/claims/relay-cues.tsv) the claims stage's <see cref="Claims.CitationChains"/> reads too; "which cited"
    /// is read as its cue "cited".
    /// </summary>
    private static readonly string[] CitingCues = [.. Claims.RelayCues.Default.Phrases];

    /// <summary>Per entry of <see cref="CitingCues"/>: a past-tense verb that counts only after "which"/"who"/"that" or a comma.</summary>
    private static readonly bool[] NeedsClauseOpener = [.. Claims.RelayCues.Default.All.Select(c => c.NeedsClauseOpener)];

    private static readonly string[] ClauseOpeners = ["which", "who", "that"];

    /// <summary>Words that open the object of a cue but do not name anyone ("information from ...").</summary>
    private static readonly string[] ObjectOpeners =
    [
        "information from", "information provided by", "data from", "data provided by", "a statement from", "a statement by",
        "a statement of", "a report from", "a report by", "a report in", "reports from", "reports by", "reports in",
        "a post by", "a post from", "posts by", "a post on", "remarks by", "comments by", "footage from", "a video from",
        "sources in", "sources at", "sources from", "unnamed sources in", "a source in", "a source at",
    ];

    /// <summary>Words that end the object of a cue: the clause goes on about something else.</summary>
    private static readonly HashSet<string> ObjectEnders = new(StringComparer.OrdinalIgnoreCase)
    {
        "that", "who", "which", "as", "and", "but", "while", "when", "saying", "said", "says", "reported", "reporting", "to", "on",
        "in", "after", "before", "amid", "with", "for", "about", "as", "что", "который", "которая", "що", "який", "яка",
    };

    private const int MaxObjectWords = 8;

    /// <summary>
    /// Only the first characters of a sentence are read for a chain, and only so many cues: a
    /// chain is named in one clause, and a "sentence" of a megabyte without a full stop must not
    /// cost its length for every cue.
    /// </summary>
    private const int MaxSentenceChars = 600;
    private const int MaxLinks = 6;

    private readonly WireAgencyTable _agencies;
    private readonly WireAgencyTable _outlets;

    public RelayChainFinder() : this(WireAgencyTable.Default, WireAgencyTable.MediaOutlets) { }

    public RelayChainFinder(WireAgencyTable agencies, WireAgencyTable outlets)
    {
        _agencies = agencies;
        _outlets = outlets;
    }

    /// <summary>Chains of two or more links, in order of their first sentence, without duplicates.</summary>
    public ImmutableArray<ImmutableArray<string>> Find(string text)
    {
        var chains = new List<ImmutableArray<string>>();
        var words = RelayFinder.Words(text);
        int w = 0;
        foreach (var full in Sentences(text))
        {
            var sentence = new Span(full.Start, Math.Min(full.End, full.Start + MaxSentenceChars));
            while (w < words.Count && words[w].Start < sentence.Start) w++;
            int first = w, last = w;
            while (last < words.Count && words[last].End <= sentence.End) last++;
            while (w < words.Count && words[w].End <= full.End) w++;
            if (last == first || !MayHoldChain(text, sentence)) continue;
            var chain = ChainIn(text, sentence, words, first, last);
            if (chain.Count < 2 || chains.Exists(c => c.SequenceEqual(chain, StringComparer.Ordinal))) continue;
            chains.Add([.. chain]);
        }
        return [.. chains];
    }

    /// <summary>Most sentences have no citing cue: an ordinal scan rules them out before any word work.</summary>
    private static bool MayHoldChain(string text, Span sentence)
    {
        var slice = sentence.SliceOf(text);
        foreach (var cue in CitingCues)
            if (slice.Contains(cue, StringComparison.OrdinalIgnoreCase)) return true;
        return slice.Contains("told ", StringComparison.Ordinal);
    }

    private static readonly string[] UnnamedAgencyObjects = ["agencies", "news agencies", "wire services", "the agencies"];

    private static readonly HashSet<string> Pronouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "he", "she", "they", "it", "we", "i", "you", "who", "which", "that", "this", "one",
    };

    /// <summary>
    /// "A Ukrainian commander told AFP", "the governor told agencies": the relay the speaker talked
    /// to, then the speaker, as a chain. A pronoun says nothing of who spoke and makes no link.
    /// </summary>
    private static List<string>? ToldChain(string text, Span sentence, string? relay, int relayStart)
    {
        int told = relayStart - "told ".Length;
        if (relay is null || told < sentence.Start || string.CompareOrdinal(text, told, "told ", 0, 5) != 0) return null;
        // The subject: the words before "told", back to punctuation or the sentence start, at most six.
        int end = told;
        while (end > sentence.Start && text[end - 1] == ' ') end--;
        int start = end, words = 0;
        while (start > sentence.Start && words < 6)
        {
            char c = text[start - 1];
            if (c is ',' or ';' or ':' or '"' or '“' or '”' or '(' or ')' or '—' or '.') break;
            if (c == ' ' && start < end && text[start] != ' ') words++;
            if (words >= 6) break;
            start--;
        }
        var subject = text[start..end].Trim();
        if (subject.Length == 0 || Pronouns.Contains(subject)) return null;
        return [relay, subject];
    }

    private List<string> ChainIn(string text, Span sentence, List<Span> words, int from, int to)
    {
        var chain = new List<string>();
        int position = sentence.Start, headStart = sentence.Start;
        // The head: the first table name in the sentence named as a relay ("X reported", "according to X", "(X)").
        for (int i = from; i < to; i++)
        {
            if (Match(text, words, i) is not { } found) continue;
            var span = new Span(words[i].Start, words[i + found.Count - 1].End);
            if (!RelayFinder.IsRelayMention(text, span) && !FollowedByReportingVerb(text, span.End, sentence.End)) continue;
            chain.Add(found.Name);
            position = span.End;
            headStart = span.Start;
            break;
        }
        if (chain.Count == 0)
        {
            // "told agencies": agency copy with no agency named.
            foreach (var unnamed in UnnamedAgencyObjects)
            {
                int at = sentence.SliceOf(text).IndexOf("told " + unnamed, StringComparison.OrdinalIgnoreCase);
                if (at >= 0) return ToldChain(text, sentence, RelayFinder.UnnamedAgencies, sentence.Start + at + 5) ?? chain;
            }
            return chain;
        }
        if (chain.Count == 1 && ToldChain(text, sentence, chain[0], headStart) is { } told) return told;
        // Then each citing cue after the last link, in order.
        for (int cues = 0; cues < MaxLinks * 2 && chain.Count < MaxLinks && NextCue(text, position, sentence.End) is { } cueEnd; cues++)
        {
            var (link, end) = ObjectAt(text, words, cueEnd, sentence.End, from, to);
            position = Math.Max(end, cueEnd);
            if (link is null || chain.Contains(link, StringComparer.OrdinalIgnoreCase)) continue;
            chain.Add(link);
        }
        return chain;
    }

    private static bool FollowedByReportingVerb(string text, int from, int limit)
    {
        var after = text.AsSpan(from, Math.Min(limit, from + 30) - from).TrimStart();
        if (after.StartsWith("'s") || after.StartsWith("’s")) return true;
        foreach (var verb in (string[])["reported", "reports", "said", "says", "wrote", "quoted", "cited", "sources", "news agency", "agency"])
            if (after.StartsWith(verb, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>The end of the earliest citing cue at or after <paramref name="from"/>, as a whole phrase.</summary>
    private static int? NextCue(string text, int from, int limit)
    {
        int best = -1, bestEnd = -1;
        var window = text.AsSpan(from, limit - from);
        for (int c = 0; c < CitingCues.Length; c++)
        {
            var cue = CitingCues[c];
            int at = window.IndexOf(cue, StringComparison.OrdinalIgnoreCase);
            while (at >= 0)
            {
                int start = from + at, end = start + cue.Length;
                bool whole = (start == 0 || !char.IsLetter(text[start - 1])) && (end >= text.Length || !char.IsLetter(text[end]));
                if (whole && (!NeedsClauseOpener[c] || OpensClause(text, start)))
                {
                    if (best < 0 || start < best || (start == best && end > bestEnd)) (best, bestEnd) = (start, end);
                    break;
                }
                int next = window[(at + 1)..].IndexOf(cue, StringComparison.OrdinalIgnoreCase);
                at = next < 0 ? -1 : at + 1 + next;
            }
        }
        return best < 0 ? null : bestEnd;
    }

    /// <summary>Whether a comma or a relative pronoun ("which", "who", "that") stands right before <paramref name="start"/>.</summary>
    private static bool OpensClause(string text, int start)
    {
        int end = start;
        while (end > 0 && char.IsWhiteSpace(text[end - 1])) end--;
        if (end > 0 && text[end - 1] == ',') return true;
        int begin = end;
        while (begin > 0 && char.IsLetter(text[begin - 1])) begin--;
        var previous = text.AsSpan(begin, end - begin);
        foreach (var opener in ClauseOpeners)
            if (previous.Equals(opener, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>
    /// The cue's object: a table name when one starts within its first words, else the plain
    /// phrase up to punctuation or a word that ends it ("a drone unit"), without "information
    /// from"-like openers.
    /// </summary>
    private (string? Link, int End) ObjectAt(string text, List<Span> words, int cueEnd, int limit, int from, int to)
    {
        int i = from;
        while (i < to && words[i].Start < cueEnd) i++;
        if (i >= to) return (null, cueEnd);
        int phraseStart = words[i].Start;
        var rest = text.AsSpan(phraseStart, limit - phraseStart);
        foreach (var opener in ObjectOpeners)
        {
            if (!rest.StartsWith(opener, StringComparison.OrdinalIgnoreCase)) continue;
            int openerEnd = phraseStart + opener.Length;
            while (i < to && words[i].Start < openerEnd) i++;
            break;
        }
        for (int k = i; k < to && k < i + 4; k++)
        {
            if (Match(text, words, k) is { } named) return (named.Name, words[k + named.Count - 1].End);
        }
        int last = -1;
        for (int k = i; k < to && k < i + MaxObjectWords; k++)
        {
            if (k > i && text.AsSpan(words[k - 1].End, words[k].Start - words[k - 1].End).IndexOfAny(",;:()\"“”") >= 0) break;
            if (k > i && ObjectEnders.Contains(words[k].SliceOf(text).ToString())) break;
            last = k;
        }
        if (last < 0) return (null, cueEnd);
        var phrase = text[words[i].Start..words[last].End];
        return (phrase, words[last].End);
    }

    private (string Name, int Count)? Match(string text, List<Span> words, int index)
    {
        if (_agencies.MatchAt(text, words, index) is { } agency) return (agency.Agency.Name, agency.WordCount);
        if (_outlets.MatchAt(text, words, index) is { } outlet) return (outlet.Agency.Name, outlet.WordCount);
        return null;
    }

    /// <summary>Sentence spans: ends at ". ", "! ", "? " before a capital or a quote, and at line breaks.</summary>
    private static IEnumerable<Span> Sentences(string text)
    {
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            bool end = c == '\n'
                || (c is '.' or '!' or '?' && i + 2 < text.Length && text[i + 1] == ' ' && (char.IsUpper(text[i + 2]) || text[i + 2] is '"' or '“'));
            if (!end) continue;
            if (i > start) yield return new Span(start, i + (c == '\n' ? 0 : 1));
            start = i + 1;
        }
        if (start < text.Length) yield return new Span(start, text.Length);
    }
}
