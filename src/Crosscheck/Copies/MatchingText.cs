using System.Text;

namespace Crosscheck.Copies;

/// <summary>
/// Text folded for matching only, never for display or offsets: curly and angle quotes become
/// straight ones, non-breaking and other Unicode spaces become a space, zero-width characters
/// and soft hyphens disappear, letters go to lower case. Two copies of one dispatch that differ
/// only in such typography then hash alike.
/// </summary>
public static class MatchingText
{
    /// <summary>Characters that are invisible in print and so never tell two copies apart.</summary>
    public static bool IsIgnorable(char c) => c is '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u180E';

    /// <summary>The folded form of one character, or '\0' when it is dropped.</summary>
    public static char FoldChar(char c)
    {
        if (c < 0x80) return char.ToLowerInvariant(c);
        if (IsIgnorable(c)) return '\0';
        return c switch
        {
            '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '\u02BC' => '\'',
            '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u00AB' or '\u00BB' or '\u2033' or '\u2039' or '\u203A' => '"',
            '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212' => '-',
            _ when char.IsWhiteSpace(c) => ' ',
            _ => char.ToLowerInvariant(c),
        };
    }

    public static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            char folded = FoldChar(c);
            if (folded != '\0') builder.Append(folded);
        }
        return builder.ToString();
    }

    /// <summary>
    /// 64-bit hashes of the words of the folded text (letters and digits; an apostrophe or a
    /// dropped character inside a word does not split it), in text order. No string is allocated.
    /// </summary>
    public static List<ulong> WordHashes(string text)
    {
        var hashes = new List<ulong>(text.Length / 6 + 1);
        ulong hash = FnvOffset;
        bool inWord = false;
        foreach (char raw in text)
        {
            char c = FoldChar(raw);
            if (c == '\0') continue;
            if (char.IsLetterOrDigit(c))
            {
                hash = (hash ^ c) * FnvPrime;
                inWord = true;
            }
            else if (c == '\'' && inWord)
            {
                // "don't" and "don’t" are one word either way.
            }
            else if (inWord)
            {
                hashes.Add(Mix(hash));
                hash = FnvOffset;
                inWord = false;
            }
        }
        if (inWord) hashes.Add(Mix(hash));
        return hashes;
    }

    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    /// <summary>A strong 64-bit finaliser (splitmix64), so nearby inputs spread over all bits.</summary>
    public static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
