using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace Crosscheck.Language;

/// <summary>The Cyrillic-to-Latin conventions a name may have been written in.</summary>
public enum TransliterationSystem
{
    /// <summary>ISO 9:1995, one Latin letter (with diacritics) per Cyrillic letter: Voroža, Zelenskij.</summary>
    Iso9,
    /// <summary>BGN/PCGN, the usual English rendering of Russian: Vorozhba, Zelenskiy.</summary>
    BgnPcgn,
    /// <summary>The Ukrainian national system of 2010: Vorozhba, Zelenskyi, Kyiv.</summary>
    UkrainianNational,
    /// <summary>French usage: Vorojba, Zelenski.</summary>
    French,
    /// <summary>German (Duden) usage: Woroschba, Selenskyj.</summary>
    German,
}

/// <summary>
/// Cyrillic to Latin under the conventions of <see cref="TransliterationSystem"/>, from the table
/// in models/language/cyrillic_latin.tsv (data, not code), and a spelling-blind
/// <see cref="LatinForMatching"/> that turns any of those renderings, or the Cyrillic itself, into
/// one plain Latin spelling, so the later fold of Entities.NameKeys can make them meet.
/// </summary>
public sealed class Transliteration
{
    private const string ResourceSuffix = "language.cyrillic_latin.tsv";
    private static readonly Lazy<Transliteration> DefaultTable = new(LoadEmbedded);

    /// <summary>Per system: the letter's forms at a word start (or after a vowel) and elsewhere; null when not in that alphabet.</summary>
    private readonly FrozenDictionary<char, (string Initial, string Other)?[]> letters;

    /// <summary>ISO 9 letters with diacritics ("ž", "š", "û") and the plain digraph BGN/PCGN writes for them.</summary>
    private readonly FrozenDictionary<char, string> iso9ToPlain;

    private static readonly int SystemCount = Enum.GetValues<TransliterationSystem>().Length;

    private Transliteration(Dictionary<char, (string Initial, string Other)?[]> table, Dictionary<char, string> iso9)
    {
        letters = table.ToFrozenDictionary();
        iso9ToPlain = iso9.ToFrozenDictionary();
    }

    public static Transliteration Default => DefaultTable.Value;

    /// <summary>Parses the TSV: letter, then one column per <see cref="TransliterationSystem"/> in declaration order.</summary>
    public static Transliteration Parse(TextReader reader)
    {
        var table = new Dictionary<char, (string Initial, string Other)?[]>();
        var iso9 = new Dictionary<char, string>();
        bool header = true;
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            if (header)
            {
                header = false;
                continue;
            }
            var columns = line.Split('\t');
            if (columns.Length < 1 + SystemCount || columns[0].Length != 1)
                throw new FormatException($"transliteration table: expected a letter and {SystemCount} systems, got \"{line}\"");
            var forms = new (string Initial, string Other)?[SystemCount];
            for (int s = 0; s < SystemCount; s++)
            {
                string cell = columns[1 + s].Normalize(NormalizationForm.FormC);
                if (cell == "-") continue;
                int bar = cell.IndexOf('|', StringComparison.Ordinal);
                forms[s] = bar < 0 ? (cell, cell) : (cell[..bar], cell[(bar + 1)..]);
            }
            char letter = columns[0][0];
            table[letter] = forms;
            if (forms[(int)TransliterationSystem.Iso9] is { Other: { Length: 1 } iso } && !char.IsAscii(iso[0])
                && forms[(int)TransliterationSystem.BgnPcgn] is { } plain && plain.Other.Length > 0 && char.IsAscii(plain.Other[0]))
                iso9.TryAdd(iso[0], plain.Other);
        }
        return new Transliteration(table, iso9);
    }

    /// <summary>True when the text has a letter of the table (a Cyrillic letter).</summary>
    public bool HasCyrillic(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
            if (c >= '\u0400' && c <= '\u04FF' && letters.ContainsKey(char.ToLowerInvariant(c))) return true;
        return false;
    }

    /// <summary>
    /// Writes the Cyrillic letters of <paramref name="text"/> in Latin under <paramref name="system"/>;
    /// every other character is kept. Case follows the Cyrillic letter ("Ж" -> "Zh", "ЖУК" -> "ZHUK").
    /// </summary>
    public string ToLatin(string text, TransliterationSystem system)
    {
        if (!HasCyrillic(text)) return text;
        var output = new StringBuilder(text.Length + 8);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            char lower = char.ToLowerInvariant(c);
            if (!letters.TryGetValue(lower, out var forms))
            {
                output.Append(c);
                continue;
            }
            var form = forms[(int)system] ?? forms[(int)TransliterationSystem.BgnPcgn] ?? ("", "");
            bool wordStart = i == 0 || !char.IsLetter(text[i - 1]);
            bool afterVowel = !wordStart && system != TransliterationSystem.UkrainianNational && IsVowelOrSign(char.ToLowerInvariant(text[i - 1]));
            string latin = wordStart || afterVowel ? form.Initial : form.Other;
            if (latin.Length == 0) continue;
            if (c == lower)
            {
                output.Append(latin);
                continue;
            }
            // All capitals when the next letter is a capital too ("ЖУК" -> "ZHUK"), else only the first.
            bool shouting = i + 1 < text.Length && char.IsUpper(text[i + 1]);
            output.Append(shouting ? latin.ToUpperInvariant() : string.Concat(latin[..1].ToUpperInvariant(), latin.AsSpan(1)));
        }
        return output.ToString();
    }

    private static bool IsVowelOrSign(char c) => "аеёиоуыэюяіїєъь".Contains(c);

    /// <summary>
    /// One plain Latin spelling for matching only: Cyrillic goes through the Ukrainian national
    /// system when the name looks Ukrainian (see <see cref="LooksUkrainian"/>), else BGN/PCGN; ISO 9
    /// letters with diacritics ("Vorožba", "Zelenskij") become the BGN/PCGN digraphs. The result
    /// still differs by convention (Woroschba, Vorojba); <c>Entities.NameKeys.Transliteration</c>
    /// folds those.
    /// </summary>
    public string LatinForMatching(string text)
    {
        if (!HasCyrillic(text) && !HasIso9Marker(text)) return text;
        var system = LooksUkrainian(text) ? TransliterationSystem.UkrainianNational : TransliterationSystem.BgnPcgn;
        var output = new StringBuilder(text.Length + 8);
        foreach (var (start, end, isWord) in Pieces(text))
        {
            var piece = text[start..end];
            if (!isWord)
            {
                output.Append(piece);
                continue;
            }
            if (HasCyrillic(piece))
            {
                // The soft and hard signs are spelling marks a reader's rendering drops ("Zelenskyi").
                foreach (char c in ToLatin(piece, system))
                    if (c is not ('ʹ' or 'ʺ')) output.Append(c);
                continue;
            }
            if (!HasIso9Marker(piece))
            {
                output.Append(piece);
                continue;
            }
            foreach (char c in piece.Normalize(NormalizationForm.FormC))
            {
                char lower = char.ToLowerInvariant(c);
                if (lower > '\u007F' && iso9ToPlain.TryGetValue(lower, out var plain)) output.Append(c == lower ? plain : plain.ToUpperInvariant()[..1] + plain[1..]);
                else output.Append(c);
            }
        }
        return output.ToString();
    }

    /// <summary>
    /// A Latin word is read as ISO 9 only when it has one of its unmistakable letters (ž, š, č,
    /// ŝ): "Château" keeps its "â", while "Vorožba" and "Ščerbakov" become digraphs.
    /// </summary>
    private static bool HasIso9Marker(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
            if (char.ToLowerInvariant(c) is 'ž' or 'š' or 'č' or 'ŝ') return true;
        return false;
    }

    /// <summary>
    /// Ukrainian when the name has a letter only Ukrainian uses, or the Ukrainian adjectival
    /// ending "-ський"/"-цький" (Russian writes "-ский"): "Володимир Зеленський" is Ukrainian.
    /// </summary>
    private static bool LooksUkrainian(string text)
    {
        foreach (char c in text)
            if (char.ToLowerInvariant(c) is 'і' or 'ї' or 'є' or 'ґ') return true;
        return text.Contains("ськ", StringComparison.OrdinalIgnoreCase) || text.Contains("цьк", StringComparison.OrdinalIgnoreCase);
    }

    private static IEnumerable<(int Start, int End, bool IsWord)> Pieces(string text)
    {
        int i = 0;
        while (i < text.Length)
        {
            int start = i;
            bool word = char.IsLetter(text[i]) || CharUnicodeInfo.GetUnicodeCategory(text[i]) == UnicodeCategory.NonSpacingMark;
            while (i < text.Length && (char.IsLetter(text[i]) || CharUnicodeInfo.GetUnicodeCategory(text[i]) == UnicodeCategory.NonSpacingMark) == word) i++;
            yield return (start, i, word);
        }
    }

    private static Transliteration LoadEmbedded()
    {
        var assembly = typeof(Transliteration).Assembly;
        string? name = Array.Find(assembly.GetManifestResourceNames(), n => n.EndsWith(ResourceSuffix, StringComparison.OrdinalIgnoreCase));
        if (name is null) throw new InvalidOperationException($"embedded resource *{ResourceSuffix} is missing from {assembly.GetName().Name}");
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return Parse(reader);
    }
}
