using System.Collections.Immutable;
using System.Globalization;

namespace Crosscheck.Text;

/// <summary>
/// Splits news text into word, number, punctuation and symbol tokens, and the tokens into
/// sentences. One pass over the characters, no regular expressions, no substrings.
/// </summary>
public static class Tokenizer
{
    public static ImmutableArray<Token> Tokenize(string text)
    {
        // Sized from the text but capped: a huge, mostly blank input must not reserve memory for tokens it lacks.
        var tokens = ImmutableArray.CreateBuilder<Token>(Math.Clamp(text.Length / 5, 16, 1 << 16));
        int i = 0, n = text.Length;
        while (i < n)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c) || IsInvisible(c))
            {
                i++;
                continue;
            }
            int start = i;
            if (char.IsDigit(c))
            {
                i = ScanNumber(text, i);
                // "95th", "1st", "10km": a number glued to letters is one word-like token.
                if (i < n && char.IsLetter(text[i]) && IsOrdinalSuffix(text, i, out int suffixEnd))
                {
                    i = suffixEnd;
                    tokens.Add(new Token(new Span(start, i), TokenKind.Word, 0));
                }
                else
                {
                    tokens.Add(new Token(new Span(start, i), TokenKind.Number, 0));
                }
                continue;
            }
            if (char.IsLetter(c))
            {
                i = ScanWord(text, i);
                tokens.Add(new Token(new Span(start, i), TokenKind.Word, 0));
                continue;
            }
            // Possessive or contraction clitic: "'s", "’s", "n't" is handled inside words.
            if ((c == '\'' || c == '’') && i + 1 < n && (text[i + 1] == 's' || text[i + 1] == 'S')
                && (i + 2 >= n || !char.IsLetter(text[i + 2])) && i > 0 && char.IsLetterOrDigit(text[i - 1]))
            {
                i += 2;
                tokens.Add(new Token(new Span(start, i), TokenKind.Word, 0));
                continue;
            }
            // Runs of the same dash or dot ("--", "...") stay one token.
            if (c is '-' or '.' or '—' or '–')
            {
                while (i < n && text[i] == c) i++;
                tokens.Add(new Token(new Span(start, i), TokenKind.Punctuation, 0));
                continue;
            }
            i += char.IsSurrogatePair(text, i) ? 2 : 1;
            var kind = char.IsPunctuation(c) ? TokenKind.Punctuation : TokenKind.Symbol;
            tokens.Add(new Token(new Span(start, i), kind, 0));
        }
        return tokens.ToImmutable();
    }

    /// <summary>Tokenizes and splits into sentences; the tokens come back with their sentence index set.</summary>
    public static (ImmutableArray<Sentence> Sentences, ImmutableArray<Token> Tokens) Analyze(string text)
    {
        var tokens = Tokenize(text);
        var sentences = SentenceSplitter.Split(text, tokens);
        var withSentence = ImmutableArray.CreateBuilder<Token>(tokens.Length);
        for (int s = 0; s < sentences.Length; s++)
        {
            var sentence = sentences[s];
            for (int t = sentence.FirstToken; t < sentence.FirstToken + sentence.TokenCount; t++)
            {
                withSentence.Add(tokens[t] with { Sentence = s });
            }
        }
        return (sentences, withSentence.MoveToImmutable());
    }

    private static int ScanNumber(string text, int i)
    {
        int n = text.Length;
        while (i < n && char.IsDigit(text[i])) i++;
        // Group separators and decimals: "10,000", "1.4", "1 400" is not joined (too ambiguous).
        while (i + 1 < n && (text[i] == ',' || text[i] == '.') && char.IsDigit(text[i + 1]))
        {
            i++;
            while (i < n && char.IsDigit(text[i])) i++;
        }
        return i;
    }

    private static bool IsOrdinalSuffix(string text, int i, out int end)
    {
        end = i;
        while (end < text.Length && char.IsLetter(text[end])) end++;
        int length = end - i;
        return length is >= 1 and <= 3;
    }

    private static int ScanWord(string text, int i)
    {
        int n = text.Length;
        int start = i;
        while (i < n)
        {
            char c = text[i];
            if (char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
            {
                i++;
                continue;
            }
            // Hyphenated and apostrophe-joined words: "Jong-un", "O'Brien", "don't"; not the possessive "'s".
            if ((c == '-' || c == '\'' || c == '’') && i + 1 < n && char.IsLetterOrDigit(text[i + 1]))
            {
                bool possessive = (c == '\'' || c == '’') && (text[i + 1] == 's' || text[i + 1] == 'S')
                    && (i + 2 >= n || !char.IsLetter(text[i + 2]));
                if (possessive) break;
                i++;
                continue;
            }
            break;
        }
        // An abbreviation keeps its period: "Dec.", "Gen.", and dotted initialisms "U.S.", "U.N.".
        if (i < n && text[i] == '.')
        {
            int length = i - start;
            var word = text.AsSpan(start, length);
            if (length == 1 && char.IsUpper(word[0]))
            {
                int j = i + 1;
                // Dotted initialism: letter-dot repeated.
                while (j + 1 < n && char.IsLetter(text[j]) && text[j + 1] == '.') j += 2;
                return j;
            }
            if (IsAbbreviation(word)) return i + 1;
        }
        return i;
    }

    internal static bool IsAbbreviation(ReadOnlySpan<char> word)
    {
        var lookup = Abbreviations.NeverFinal.GetAlternateLookup<ReadOnlySpan<char>>();
        var lookup2 = Abbreviations.SometimesFinal.GetAlternateLookup<ReadOnlySpan<char>>();
        return lookup.Contains(word) || lookup2.Contains(word);
    }

    private static bool IsInvisible(char c) => c is '\u200B' or '\u200C' or '\u200D' or '\uFEFF' or '\u00AD';
}
