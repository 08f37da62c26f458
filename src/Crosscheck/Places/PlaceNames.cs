using System.Globalization;
using System.Text;

namespace Crosscheck.Places;

/// <summary>
/// Folds place names to lookup keys: lower case, diacritics removed, periods dropped ("U.S." and
/// "US" meet), curly quotes straightened, whitespace collapsed. The gazetteer builder and the
/// recogniser use the same folding, so a key built from tokens finds a key built from a name.
/// </summary>
public static class PlaceNames
{
    /// <summary>Longest key the index holds; longer names are never place names worth matching.</summary>
    public const int MaxKeyLength = 64;

    // Folded form of every BMP char up to the end of Cyrillic, computed once from Unicode
    // decomposition rather than typed by hand; '\0' means "drop this char".
    private static readonly string[] FoldTable = BuildFoldTable();

    private static string[] BuildFoldTable()
    {
        var table = new string[0x2000];
        for (int c = 0; c < table.Length; c++)
        {
            char ch = (char)c;
            if (c < 0x80)
            {
                table[c] = ch switch { '.' => "", '`' => "'", _ => char.ToLowerInvariant(ch).ToString() };
                continue;
            }
            string special = ch switch
            {
                'ß' => "ss", 'æ' or 'Æ' => "ae", 'œ' or 'Œ' => "oe", 'ø' or 'Ø' => "o", 'ł' or 'Ł' => "l",
                'đ' or 'Đ' or 'ð' or 'Ð' => "d", 'þ' or 'Þ' => "th", 'ı' => "i", 'ħ' or 'Ħ' => "h",
                '\u02BC' or '\u02BB' or '\u02B9' => "'", '\u00A0' => " ",
                _ => "",
            };
            if (special.Length > 0)
            {
                table[c] = special;
                continue;
            }
            var category = char.GetUnicodeCategory(ch);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
            {
                table[c] = "";
                continue;
            }
            var decomposed = ch.ToString().Normalize(NormalizationForm.FormD);
            var builder = new StringBuilder(2);
            foreach (var d in decomposed)
            {
                var dc = char.GetUnicodeCategory(d);
                if (dc is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark) continue;
                builder.Append(char.ToLowerInvariant(d));
            }
            table[c] = builder.ToString();
        }
        return table;
    }

    /// <summary>
    /// Appends the folded form of <paramref name="source"/> to <paramref name="destination"/> at
    /// <paramref name="length"/>; returns false (and leaves length unusable) when it does not fit.
    /// </summary>
    public static bool AppendFolded(ReadOnlySpan<char> source, Span<char> destination, ref int length)
    {
        foreach (var c in source)
        {
            if (c < FoldTable.Length)
            {
                var folded = FoldTable[c];
                if (folded.Length == 1)
                {
                    if (length >= destination.Length) return false;
                    destination[length++] = folded[0];
                }
                else if (folded.Length > 1)
                {
                    if (length + folded.Length > destination.Length) return false;
                    folded.AsSpan().CopyTo(destination[length..]);
                    length += folded.Length;
                }
                continue;
            }
            char mapped = c switch
            {
                '\u2018' or '\u2019' => '\'',
                '\u2010' or '\u2011' or '\u2012' or '\u2013' => '-',
                '\u2009' or '\u202F' => ' ',
                _ => char.ToLowerInvariant(c),
            };
            if (char.GetUnicodeCategory(mapped) is UnicodeCategory.NonSpacingMark) continue;
            if (length >= destination.Length) return false;
            destination[length++] = mapped;
        }
        return true;
    }

    /// <summary>The folded key of a whole name, with runs of whitespace collapsed to one space.</summary>
    public static string Fold(string name)
    {
        Span<char> buffer = stackalloc char[256];
        int length = 0;
        bool pendingSpace = false;
        int start = 0;
        for (int i = 0; i <= name.Length; i++)
        {
            if (i == name.Length || char.IsWhiteSpace(name[i]) || name[i] == ',')
            {
                if (i > start)
                {
                    int before = length;
                    if (pendingSpace && length > 0)
                    {
                        if (length >= buffer.Length) return "";
                        buffer[length++] = ' ';
                    }
                    if (!AppendFolded(name.AsSpan(start, i - start), buffer, ref length)) return "";
                    // A lone "." folds to nothing; do not leave a dangling space for it.
                    if (length == before + 1 && pendingSpace) length = before;
                    pendingSpace = true;
                }
                start = i + 1;
            }
        }
        return length == 0 ? "" : new string(buffer[..length]);
    }

    /// <summary>True when every letter is Latin or Cyrillic (names in other scripts do not help English news).</summary>
    public static bool IsLatinOrCyrillic(ReadOnlySpan<char> name)
    {
        bool anyLetter = false;
        foreach (var c in name)
        {
            if (!char.IsLetter(c)) continue;
            anyLetter = true;
            if (c < 0x0250 || (c >= 0x0400 && c <= 0x052F) || (c >= 0x1E00 && c <= 0x1EFF)) continue;
            return false;
        }
        return anyLetter;
    }
}
