using System.Globalization;
using System.Text;

namespace Crosscheck.Entities;

/// <summary>
/// Keys that make different spellings of one name compare equal: case, diacritics, punctuation and
/// the possessive go (<see cref="Normalize"/>), and common Latin renderings of Cyrillic fold
/// together (<see cref="Transliteration"/>): Zelensky/Zelenskyy/Zelenskiy/Selenskyj,
/// Vorozhba/Vorojba/Woroschba.
/// </summary>
public static class NameKeys
{
    /// <summary>Lower case, no diacritics, words separated by one space, no "'s", no leading "the".</summary>
    public static string Normalize(ReadOnlySpan<char> name)
    {
        var builder = new StringBuilder(name.Length);
        bool pendingSpace = false;
        // Decomposition only matters for non-ASCII text; most names are plain ASCII.
        var decomposed = System.Text.Ascii.IsValid(name) ? name.ToString() : name.ToString().Normalize(NormalizationForm.FormD);
        for (int i = 0; i < decomposed.Length; i++)
        {
            char c = decomposed[i];
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark) continue;
            if ((c == '\'' || c == '’') && i + 1 < decomposed.Length && (decomposed[i + 1] == 's' || decomposed[i + 1] == 'S')
                && (i + 2 >= decomposed.Length || !char.IsLetter(decomposed[i + 2])))
            {
                i++;
                continue;
            }
            if (c is '\'' or '’' or '.' or '‘' or 'ʼ') continue;
            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && builder.Length > 0) builder.Append(' ');
                pendingSpace = false;
                builder.Append(char.ToLowerInvariant(c) switch { 'ß' => 's', 'ø' => 'o', 'ł' => 'l', 'đ' => 'd', 'æ' => 'a', var l => l });
            }
            else
            {
                pendingSpace = true;
            }
        }
        var result = builder.ToString();
        return result.StartsWith("the ", StringComparison.Ordinal) ? result[4..] : result;
    }

    /// <summary>
    /// A spelling-insensitive key for a normalised name, word by word: final -y/-iy/-yy/-ij/-yj/-i
    /// become "i"; zh, j (before a consonant), sch, sh, shch become "j"; kh becomes "h"; z, ts, tz
    /// become "s"; w becomes "v"; ph becomes "f"; ck, q become "k"; doubled letters collapse; an
    /// initial "ye"/"je" becomes "e" and "ja/ju/jo" become "ya/yu/yo". Lossy on purpose: used only
    /// to propose merges that the linker then checks by type and context.
    /// </summary>
    public static string Transliteration(string normalized)
    {
        var builder = new StringBuilder(normalized.Length);
        var words = normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (int i = 0; i < words.Length; i++)
        {
            if (builder.Length > 0) builder.Append(' ');
            FoldWord(Unabbreviated(words[i], first: i == 0, last: i > 0 && i == words.Length - 1), builder);
        }
        return builder.ToString();
    }

    /// <summary>
    /// "Mt Cook" is Mount Cook and "St Petersburg" Saint Petersburg, "Roosevelt Blvd" Roosevelt Boulevard: the
    /// abbreviations of a name's kind, by where they stand in it. A last "St" stays as written: a street in an address,
    /// a State in sports copy ("Ohio St.").
    /// </summary>
    private static string Unabbreviated(string word, bool first, bool last) => word switch
    {
        "mt" when first => "mount",
        "ft" when first => "fort",
        "st" when first => "saint",
        "ave" when last => "avenue",
        "rd" when last => "road",
        "blvd" when last => "boulevard",
        _ => word,
    };

    private static void FoldWord(string word, StringBuilder output)
    {
        var w = BritishToAmerican(word);
        // Endings first, before j and y are folded elsewhere: Zelenskyy, Zelenskiy, Selenskyj, Zelenskii.
        if (w.Length > 3)
        {
            foreach (var ending in Endings)
            {
                if (w.EndsWith(ending, StringComparison.Ordinal))
                {
                    w = string.Concat(w.AsSpan(0, w.Length - ending.Length), "i");
                    break;
                }
            }
        }
        var folded = new StringBuilder(w.Length);
        for (int i = 0; i < w.Length; i++)
        {
            char c = w[i];
            char next = i + 1 < w.Length ? w[i + 1] : '\0';
            bool atStartOrAfterVowel = i == 0 || IsVowel(w[i - 1]);
            if (Starts(w, i, "shch")) { folded.Append('j'); i += 3; continue; }
            if (Starts(w, i, "tsch")) { folded.Append("ch"); i += 3; continue; }
            if (Starts(w, i, "sch")) { folded.Append('j'); i += 2; continue; }
            if (Starts(w, i, "zh") || Starts(w, i, "sh")) { folded.Append('j'); i += 1; continue; }
            if (Starts(w, i, "kh")) { folded.Append('h'); i += 1; continue; }
            if (Starts(w, i, "ts") || Starts(w, i, "tz")) { folded.Append('s'); i += 1; continue; }
            if (Starts(w, i, "ph")) { folded.Append('f'); i += 1; continue; }
            if (Starts(w, i, "ck")) { folded.Append('k'); i += 1; continue; }
            if ((c == 'y' || c == 'j') && next == 'e' && i == 0) { folded.Append('e'); i += 1; continue; }
            if (c == 'j' && IsVowel(next) && atStartOrAfterVowel) { folded.Append('y'); continue; }
            folded.Append(c switch { 'z' => 's', 'w' => 'v', 'q' => 'k', 'x' => 'k', _ => c });
        }
        // Doubled letters collapse ("Zelenskyy" is already folded; "Kirillov"/"Kirilov").
        char previous = '\0';
        foreach (char c in folded.ToString())
        {
            if (c == previous) continue;
            output.Append(c);
            previous = c;
        }
    }

    private static readonly string[] Endings = ["iyy", "iy", "yy", "yj", "ij", "yi", "ii", "y"];

    /// <summary>
    /// "Centre"/"Center", "Theatre"/"Theater", "Labour"/"Labor", "Defence"/"Defense": one institution named
    /// in two spellings of English ("-ise"/"-ize" already meet through z = s). Short words keep their
    /// letters: "four", "hour" and "tour" are no "-our" spellings.
    /// </summary>
    private static string BritishToAmerican(string word)
    {
        if (word.Length > 4 && word.EndsWith("tre", StringComparison.Ordinal)) return string.Concat(word.AsSpan(0, word.Length - 2), "er");
        if (word.Length > 4 && word.EndsWith("our", StringComparison.Ordinal)) return string.Concat(word.AsSpan(0, word.Length - 3), "or");
        if (word.Length > 5 && (word.EndsWith("fence", StringComparison.Ordinal) || word.EndsWith("cence", StringComparison.Ordinal)))
            return string.Concat(word.AsSpan(0, word.Length - 2), "se");
        return word;
    }

    private static bool Starts(string word, int index, string part) =>
        string.CompareOrdinal(word, index, part, 0, part.Length) == 0;

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

    /// <summary>
    /// The spelling-blind key of a name in any script: Cyrillic and ISO 9 spellings are first
    /// written in plain Latin (<see cref="Crosscheck.Language.Transliteration.LatinForMatching"/>),
    /// then folded like <see cref="Transliteration"/>: Ворожба = Vorozhba = Vorojba = Woroschba.
    /// </summary>
    public static string CrossScriptKey(string name) =>
        Transliteration(Normalize(Crosscheck.Language.Transliteration.Default.LatinForMatching(name)));

    /// <summary>Initials of the content words of a normalised name ("main intelligence directorate" -> "mid").</summary>
    public static string Initials(string normalized)
    {
        var builder = new StringBuilder(8);
        foreach (var word in normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (word is "of" or "the" or "and" or "for" or "de" or "on" or "in") continue;
            builder.Append(word[0]);
        }
        return builder.ToString();
    }

    /// <summary>True when a name is written as an acronym (all capitals, 2-8 letters, dots allowed).</summary>
    public static bool LooksLikeAcronym(string name) => EntityRules.IsAcronym(name.AsSpan().Trim());
}
