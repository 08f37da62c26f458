using System.Collections.Immutable;

namespace Crosscheck.Text;

/// <summary>
/// Sentence boundaries for news text: terminal punctuation (with any closing quotes and brackets
/// after it) followed by a plausible sentence start, and every line break, since cleaned text keeps
/// one paragraph, headline or caption per line. A run longer than <see cref="MaxSentenceTokens"/>
/// without an end (a pasted table, a feed dump on one line) is cut at its last clause mark, so
/// that the stages that pair words within a sentence stay linear in the length of the text.
/// </summary>
public static class SentenceSplitter
{
    /// <summary>
    /// Far above any sentence of real news (the longest of the 566,000 sentences in ../shared/datasets is 242 tokens),
    /// and small enough that per-sentence pairings (cue and content, quote and speaker) stay cheap.
    /// </summary>
    public const int MaxSentenceTokens = 400;

    public static ImmutableArray<Sentence> Split(string text, ImmutableArray<Token> tokens)
    {
        var sentences = ImmutableArray.CreateBuilder<Sentence>();
        int first = 0;
        for (int t = 0; t < tokens.Length; t++)
        {
            bool last = t == tokens.Length - 1;
            int end = last || EndsSentence(text, tokens, t) ? t
                : t - first + 1 == MaxSentenceTokens ? OverlongCut(text, tokens, first, t)
                : -1;
            if (end < 0) continue;
            sentences.Add(new Sentence(new Span(tokens[first].Span.Start, tokens[end].Span.End), first, end - first + 1));
            first = end + 1;
        }
        return sentences.ToImmutable();
    }

    /// <summary>
    /// Where an overlong run [first, last] ends: after its last semicolon, else its last comma, in the
    /// second half of the run (a clause boundary keeps cue and content together), else after <paramref name="last"/>.
    /// </summary>
    private static int OverlongCut(string text, ImmutableArray<Token> tokens, int first, int last)
    {
        int half = first + (last - first) / 2;
        int comma = -1;
        for (int k = last; k > half; k--)
        {
            if (tokens[k].Kind != TokenKind.Punctuation) continue;
            char c = text[tokens[k].Span.Start];
            if (c is ';' or '；') return k;
            if (comma < 0 && c is ',' or '，' or '、') comma = k;
        }
        return comma >= 0 ? comma : last;
    }

    private static bool EndsSentence(string text, ImmutableArray<Token> tokens, int t)
    {
        var token = tokens[t];
        var next = tokens[t + 1];
        if (HasLineBreak(text, token.Span.End, next.Span.Start)) return true;

        char lastChar = text[token.Span.End - 1];
        if (token.Kind == TokenKind.Word && lastChar == '.')
        {
            // An abbreviation token: "Dec." never ends; "U.S." or "Inc." ends only before a clear starter.
            var word = token.Span.SliceOf(text)[..^1];
            if (Abbreviations.NeverFinal.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word)) return false;
            return NextStartsClearly(text, tokens, t + 1);
        }
        if (token.Kind != TokenKind.Punctuation) return false;
        if (!IsTerminal(text, token.Span))
        {
            // A closing quote or bracket after a terminal mark: ... end." Next
            if (!IsClosingAt(text, token.Span.Start) || t == 0 || !EndsWithTerminal(text, tokens, t)) return false;
        }
        if (IsClosingAt(text, next.Span.Start)) return false; // the closer belongs to this sentence; split after it
        // "in Dallas, Tex., killed": a period an unlisted abbreviation left alone ends nothing when a comma or a
        // semicolon follows it.
        if (IsTerminal(text, token.Span) && text[next.Span.Start] is ',' or ';') return false;
        return StartsSentence(text, next);
    }

    private static bool EndsWithTerminal(string text, ImmutableArray<Token> tokens, int t)
    {
        for (int k = t; k >= 0 && k > t - 3; k--)
        {
            var span = tokens[k].Span;
            if (IsTerminal(text, span)) return true;
            if (!IsClosingAt(text, span.Start)) return false;
        }
        return false;
    }

    private static bool IsTerminal(string text, Span span)
    {
        char c = text[span.Start];
        return c is '.' or '!' or '?' or '…' || (span.Length == 3 && span.SliceOf(text) is "...");
    }

    private static bool IsCloser(char c) => c is '"' or '\'' or '”' or '’' or ')' or ']' or '»';

    // A straight quote closes when nothing word-like follows it ("... said." Next) and opens otherwise.
    private static bool IsClosingAt(string text, int offset)
    {
        char c = text[offset];
        if (!IsCloser(c)) return false;
        if (c is not ('"' or '\'')) return true;
        return offset + 1 >= text.Length || !char.IsLetterOrDigit(text[offset + 1]);
    }

    private static bool StartsSentence(string text, Token next)
    {
        char c = text[next.Span.Start];
        return char.IsUpper(c) || char.IsDigit(c) || c is '"' or '“' or '‘' or '\'' or '(' or '[' or '«' or '-' or '—'
            || !char.IsLetter(c) || !char.IsLower(c);
    }

    private static bool NextStartsClearly(string text, ImmutableArray<Token> tokens, int next)
    {
        var span = tokens[next].Span;
        char c = text[span.Start];
        if (c is '"' or '“' or '«') return true;
        return char.IsUpper(c) && Abbreviations.SentenceStarters.GetAlternateLookup<ReadOnlySpan<char>>().Contains(span.SliceOf(text));
    }

    private static bool HasLineBreak(string text, int from, int to)
    {
        for (int i = from; i < to; i++)
        {
            if (text[i] == '\n' || text[i] == '\r') return true;
        }
        return false;
    }
}
