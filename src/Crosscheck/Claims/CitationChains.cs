using Crosscheck.Text;

namespace Crosscheck.Claims;

/// <summary>
/// Reads the sources a speaker cites into the claim's chain: "X, citing Y, reported that C", "X reported,
/// citing Y, which in turn cited Z, that C", "according to X, who cited Y, C", "C, X reported, citing Y".
/// The cited sources go to <see cref="Attribution.CitedSpans"/> (the origin first), the speaker keeps
/// only its own name, the content loses the citing aside, and the bare "citing Y" pieces the extractor
/// found on their own are dropped: they are links of a chain, not claims. The cue words are the verb
/// cues of the relay list <see cref="RelayCues"/> shares with <see cref="Provenance.RelayChainFinder"/>.
/// </summary>
internal static class CitationChains
{
    /// <summary>A cited source is a noun phrase; longer runs are a clause, not a name.</summary>
    private const int MaxCitedTokens = 14;

    public static void Apply(List<Attribution> found, string text, TokenView v)
    {
        if (found.Count == 0) return;
        HashSet<int>? consumed = null;
        for (int i = 0; i < found.Count; i++)
        {
            var a = found[i];
            if (a.Cue is not { } cue) continue;
            var cited = new List<Span>();
            var source = a.Source;
            var content = a.Content;
            // "X, citing Y, reported": the aside sits inside the subject.
            if (source is { } s && FirstCiteWord(v, s, requireComma: true) is int inSource)
            {
                ParseChain(v, inSource, cited, ref consumed);
                int last = inSource - 2;
                if (last >= 0 && v.Tokens[last].Span.End > s.Start) source = new Span(s.Start, v.Tokens[last].Span.End);
            }
            // "Quoting witnesses, the newspaper said C": a fronted participle before the speaker.
            if (source is { } fronted && v.FirstEndingAfter(fronted.Start) is int sourceFirst and > 1 && v.IsPunct(sourceFirst - 1, ','))
            {
                int k = sourceFirst - 2;
                while (k > 0 && sourceFirst - k <= MaxCitedTokens && !IsCiteWord(v, k) && !v.IsPunct(k, ',')
                    && v.Tokens[k].Sentence == v.Tokens[sourceFirst].Sentence) k--;
                bool opensSentence = k == 0 || v.Tokens[k - 1].Sentence != v.Tokens[k].Sentence;
                if (IsCiteWord(v, k) && opensSentence) ParseChain(v, k, cited, ref consumed);
            }
            int cueLast = LastTokenOf(v, cue);
            if (cueLast < 0) continue;
            int after = cueLast + 1;
            // "C, X reported, citing Y" and "X reported, citing Y, that C": a participle right after the cue (or an inverted speaker).
            if (source is { } src && src.Start >= cue.End) after = LastTokenOf(v, src) + 1;
            // "reported Sunday, citing ...", "said in a statement, quoting ...": a short adjunct may come first.
            int comma = after;
            while (comma < v.Count && comma - after < 5 && v.IsWord(comma) && !v.Is(comma, "that") && !IsCiteWord(v, comma)) comma++;
            if (v.IsPunct(comma, ',') && IsCiteWord(v, comma + 1))
            {
                int end = ParseChain(v, comma + 1, cited, ref consumed);
                if (content.Start >= cue.End && end + 1 < v.Count && v.Tokens[end].Span.End > content.Start - 1)
                {
                    int k = end + 1;
                    while (k < v.Count && (v.IsPunct(k, ',') || v.Is(k, "that"))) k++;
                    if (k < v.Count && v.Tokens[k].Span.Start < content.End) content = new Span(v.Tokens[k].Span.Start, content.End);
                }
            }
            // "according to X, who cited Y, C" / content that opens "which in turn cited Y, that C".
            int first = v.FirstEndingAfter(content.Start);
            if (first >= 0 && (v.Is(first, "which") || v.Is(first, "who")))
            {
                int k = first + 1;
                if (v.Is(k, "in") && v.Is(k + 1, "turn")) k += 2;
                if (v.Is(k, "had") || v.Is(k, "has")) k++;
                if (IsCiteWord(v, k))
                {
                    int end = ParseChain(v, k, cited, ref consumed);
                    int next = end + 1;
                    while (next < v.Count && (v.IsPunct(next, ',') || v.Is(next, "that"))) next++;
                    if (next < v.Count && v.Tokens[next].Span.Start < content.End) content = new Span(v.Tokens[next].Span.Start, content.End);
                }
            }
            if (cited.Count == 0) continue;
            // Parsed from the speaker outwards (Y, then the Z that Y cited): the chain starts at the origin.
            cited.Reverse();
            found[i] = a with
            {
                Source = source,
                Content = content,
                ContentParts = a.ContentParts.IsDefaultOrEmpty ? a.ContentParts : [content, .. a.ContentParts.Skip(1)],
                CitedSpans = [.. cited],
            };
        }
        if (consumed is null) return;
        found.RemoveAll(a => a.Cue is { } c && consumed.Contains(c.Start));
    }

    /// <summary>
    /// Reads "citing Y" (and ", which (in turn) cited Z" after it, any depth) from the cite word at
    /// <paramref name="citeToken"/>; adds Y, Z... to <paramref name="cited"/>; returns the last token read.
    /// </summary>
    private static int ParseChain(TokenView v, int citeToken, List<Span> cited, ref HashSet<int>? consumed)
    {
        int t = citeToken;
        int last = citeToken;
        for (int depth = 0; depth < 6; depth++)
        {
            (consumed ??= []).Add(v.Tokens[t].Span.Start);
            int first = Math.Max(t, RelayCues.Default.MatchAt(v, t, RelayCueRole.Verb)) + 1;
            // "citing information from a drone unit": the unit is the source the information came from.
            int k = first;
            int end = -1;
            while (k < v.Count && k - first < MaxCitedTokens && v.Tokens[k].Sentence == v.Tokens[first].Sentence
                && !v.IsPunct(k, ',') && !v.IsPunct(k, ';') && !v.IsPunct(k, ':') && !v.Is(k, "that") && !v.Is(k, "as")
                && !(v.Tokens[k].Kind == TokenKind.Punctuation && IsSentenceEnd(v, k)) && (!v.IsQuoteMark(k) || IsPossessive(v, k)))
            {
                end = k;
                k++;
            }
            if (end < first) return last;
            cited.Add(v.Range(first, end));
            last = end;
            // ", which (in turn) cited Z" / ", who quoted Z"
            int m = end + 1;
            if (!v.IsPunct(m, ',') || !(v.Is(m + 1, "which") || v.Is(m + 1, "who"))) return last;
            m += 2;
            if (v.Is(m, "in") && v.Is(m + 1, "turn")) m += 2;
            if (v.Is(m, "had") || v.Is(m, "has")) m++;
            if (!IsCiteWord(v, m)) return last;
            t = m;
        }
        return last;
    }

    private static bool IsPossessive(TokenView v, int t) => v.Is(t, "'s") || v.Is(t, "’s") || v.Is(t, "'") && v.EndsWith(t - 1, "s");

    private static bool IsSentenceEnd(TokenView v, int t) => v.IsPunct(t, '.') || v.IsPunct(t, '!') || v.IsPunct(t, '?');

    /// <summary>A verb cue of the shared relay list (models/claims/relay-cues.tsv) starts at <paramref name="t"/>.</summary>
    private static bool IsCiteWord(TokenView v, int t) => RelayCues.Default.MatchAt(v, t, RelayCueRole.Verb) >= 0;

    /// <summary>A cite word inside <paramref name="span"/>, after a comma when asked ("The Daily, citing Y,").</summary>
    private static int? FirstCiteWord(TokenView v, Span span, bool requireComma)
    {
        int t = v.FirstEndingAfter(span.Start);
        if (t < 0) return null;
        for (; t < v.Count && v.Tokens[t].Span.End <= span.End; t++)
        {
            if (IsCiteWord(v, t) && (!requireComma || v.IsPunct(t - 1, ','))) return t;
        }
        return null;
    }


    private static int LastTokenOf(TokenView v, Span span)
    {
        int t = v.FirstEndingAfter(span.Start);
        if (t < 0) return -1;
        while (t + 1 < v.Count && v.Tokens[t + 1].Span.End <= span.End) t++;
        return t;
    }
}
