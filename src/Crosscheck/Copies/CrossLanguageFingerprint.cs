using Crosscheck.Entities;

namespace Crosscheck.Copies;

/// <summary>
/// What survives translation: numbers and proper names. The fingerprint of a report is the set
/// of its multi-digit numbers (separators dropped: "1,200" = "1 200" = "1200") and of its
/// capitalised words that do not open a sentence, each name keyed by the first letters of
/// <see cref="NameKeys.CrossScriptKey"/> so "Курску" and "Kursk" agree. A Russian copy of
/// an English dispatch shares most of the smaller set with it; two reports of the same story
/// written apart share some, but far fewer.
/// </summary>
public static class CrossLanguageFingerprint
{
    /// <summary>Capitalised words English writes that other languages do not capitalise: they are not names.</summary>
    private static readonly HashSet<string> NotNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    };

    private const int NamePrefix = 4;

    /// <summary>Hashes of the report's numbers (odd) and names (even); at most <paramref name="limit"/> of them (the first the text names), as a set.</summary>
    public static HashSet<ulong> Of(string text, int limit = 400)
    {
        var anchors = new HashSet<ulong>();
        // Names repeat within a report: each is keyed once.
        var keyed = new Dictionary<string, ulong>(StringComparer.Ordinal);
        bool sentenceStart = true;
        int i = 0;
        while (i < text.Length && anchors.Count < limit)
        {
            char c = text[i];
            if (char.IsDigit(c))
            {
                ulong number = 0;
                int digits = 0;
                while (i < text.Length && (char.IsDigit(text[i]) || (IsGroupSeparator(text, i) && digits > 0)))
                {
                    if (char.IsDigit(text[i]))
                    {
                        number = unchecked(number * 10 + (ulong)(text[i] - '0'));
                        digits++;
                    }
                    i++;
                }
                if (digits >= 2) anchors.Add(MatchingText.Mix(number ^ 0x4E554D4245520000UL) | 1);
                sentenceStart = false;
                continue;
            }
            if (char.IsLetter(c))
            {
                int start = i;
                while (i < text.Length && (char.IsLetter(text[i]) || text[i] is '-' or '\'' or '’' || MatchingText.IsIgnorable(text[i]))) i++;
                if (!sentenceStart && char.IsUpper(c) && i - start >= 3)
                {
                    var word = text[start..i];
                    if (keyed.TryGetValue(word, out var known))
                    {
                        if (known != 0) anchors.Add(known);
                    }
                    else if (!NotNames.Contains(word) && !IsAllCapitalsShort(word))
                    {
                        var key = NameKeys.CrossScriptKey(word);
                        // Russian and Ukrainian decline names ("Соснівки", "Рівного"): the first
                        // letters of the key are what a case ending leaves alone.
                        ulong hash = key.Length >= 3 ? StringHash(key.Length > NamePrefix ? key[..NamePrefix] : key) : 0;
                        keyed[word] = hash;
                        if (hash != 0) anchors.Add(hash);
                    }
                }
                sentenceStart = false;
                continue;
            }
            if (c is '.' or '!' or '?' or '\n' or '"' or '“' or '«' or ':') sentenceStart = true;
            i++;
        }
        return anchors;
    }

    /// <summary>"1,200", "1 200", "1.200" and "1 200" (narrow space) group thousands; "3.5" does not.</summary>
    private static bool IsGroupSeparator(string text, int i) =>
        text[i] is ',' or '.' or ' ' or '\u00A0' or '\u202F' or '\u2009'
        && Digits(text, i + 1, 3) && (i + 4 >= text.Length || !char.IsDigit(text[i + 4]));

    private static bool Digits(string text, int from, int count)
    {
        if (from + count > text.Length) return false;
        for (int k = from; k < from + count; k++)
            if (!char.IsDigit(text[k])) return false;
        return true;
    }

    /// <summary>Acronyms of two or three capitals differ by language (NATO/OTAN, UN/ONU): not anchors.</summary>
    private static bool IsAllCapitalsShort(string word)
    {
        if (word.Length > 4) return false;
        foreach (char c in word)
            if (char.IsLetter(c) && !char.IsUpper(c)) return false;
        return true;
    }

    private static ulong StringHash(string key)
    {
        ulong hash = 14695981039346656037UL;
        foreach (char c in key) hash = (hash ^ c) * 1099511628211UL;
        return MatchingText.Mix(hash) & ~1UL;
    }
}
