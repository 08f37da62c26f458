using System.IO.Compression;
using System.Text;

namespace Crosscheck.Language;

/// <summary>
/// Turns the TextCat profiles of Debian's <c>libexttextcat-data</c> (<c>/usr/share/libexttextcat/*.lm</c>:
/// one n-gram of 1-5 characters a line, most frequent first) into the compact table
/// <see cref="LanguageIdentifier"/> loads. Deterministic: the same input folder gives the same bytes.
/// </summary>
/// <remarks>
/// Clean-up, because the raw profiles mix in things that would match across all languages or never:
/// n-grams are lower-cased (merged, keeping the better rank), those with digits or punctuation are
/// dropped, the Turkish profile's entity escapes (<c>&amp;i;</c>, <c>&amp;s;</c>, <c>&amp;g;</c>) are decoded,
/// and Latin look-alikes inside Cyrillic profiles are mapped to the Cyrillic letters. Profiles whose
/// name does not start with a two-letter ISO 639-1 code are left out (e.g. Rusyn "rue", Asturian "ast"),
/// so every answer is an ISO 639-1 code; "zh-Hans"/"zh-Hant" both answer "zh", "sr-Cyrl"/"sr-Latn" "sr".
/// </remarks>
public static class LanguageProfileBuilder
{
    /// <summary>Where the default table lives in the repository, relative to its root.</summary>
    public const string DefaultRelativePath = "models/language/profiles.tsv.gz";

    /// <summary>How many n-grams a profile keeps; TextCat ships 400.</summary>
    public const int MaxNgramsPerProfile = 400;

    /// <summary>Builds the table and writes it (gzip'd TSV) to <paramref name="outputPath"/>.</summary>
    /// <returns>How many profiles were written.</returns>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist (install <c>libexttextcat-data</c>).</exception>
    public static int Build(string exttextcatFolder, string outputPath)
    {
        if (!Directory.Exists(exttextcatFolder))
        {
            throw new DirectoryNotFoundException(
                $"TextCat profile folder '{exttextcatFolder}' not found: install Debian's libexttextcat-data (apt-get install libexttextcat-data), which puts them in /usr/share/libexttextcat.");
        }
        var profiles = new List<(string Code, string Name, WritingScript Script, List<string> Ngrams)>();
        foreach (var file in Directory.GetFiles(exttextcatFolder, "*.lm").OrderBy(f => f, StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            var code = IsoCodeOf(name);
            if (code is null) continue;
            var (script, ngrams) = ReadProfile(file);
            if (ngrams.Count == 0 || script == WritingScript.None) continue;
            profiles.Add((code, name, script, ngrams));
        }
        if (profiles.Count == 0) throw new InvalidDataException($"No usable *.lm profiles in '{exttextcatFolder}'.");

        var text = new StringBuilder();
        text.Append("# Crosscheck language identification profiles, derived from TextCat profiles of libexttextcat-data (see models/language/SOURCES.md).\n");
        text.Append("# code\tprofile\tscript\tn-grams, most frequent first, space-separated; '_' marks a word edge\n");
        foreach (var (code, name, script, ngrams) in profiles)
        {
            text.Append(code).Append('\t').Append(name).Append('\t').Append(script).Append('\t');
            text.AppendJoin(' ', ngrams).Append('\n');
        }
        var directory = Path.GetDirectoryName(Path.GetFullPath(outputPath));
        if (directory is not null) Directory.CreateDirectory(directory);
        using (var output = File.Create(outputPath))
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize))
        {
            gzip.Write(new UTF8Encoding(false).GetBytes(text.ToString()));
        }
        return profiles.Count;
    }

    /// <summary>"uk" -> "uk", "zh-Hans" -> "zh", "ha-NG" -> "ha"; null for names without a two-letter language part.</summary>
    internal static string? IsoCodeOf(string profileName)
    {
        var dash = profileName.IndexOf('-');
        var head = dash < 0 ? profileName : profileName[..dash];
        return head.Length == 2 && head.All(c => c is >= 'a' and <= 'z') ? head : null;
    }

    private static (WritingScript Script, List<string> Ngrams) ReadProfile(string file)
    {
        var raw = new List<string>();
        foreach (var line in File.ReadLines(file, Encoding.UTF8))
        {
            var tab = line.IndexOf('\t');
            var ngram = (tab < 0 ? line : line[..tab]).TrimEnd(' ');
            if (ngram.Length == 0) continue;
            // The Turkish profile was counted over text with its letters escaped; decoding fixes whole
            // escapes, and n-grams that cut an escape in half are dropped below as non-letters.
            ngram = ngram.Replace("&i;", "ı", StringComparison.Ordinal)
                         .Replace("&s;", "ş", StringComparison.Ordinal)
                         .Replace("&g;", "ğ", StringComparison.Ordinal);
            raw.Add(ngram);
        }

        var script = MajorityScript(raw);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var kept = new List<string>();
        var buffer = new StringBuilder();
        foreach (var ngram in raw)
        {
            buffer.Clear();
            foreach (var c in ngram)
            {
                var letter = script == WritingScript.Cyrillic && WritingScripts.Of(c) == WritingScript.Latin
                    ? NgramHashing.LatinHomoglyphToCyrillic(c)
                    : c;
                buffer.Append(letter == NgramHashing.WordEdge ? letter : NgramHashing.Fold(letter));
            }
            var normalized = buffer.ToString();
            if (!IsWordNgram(normalized) || !seen.Add(normalized)) continue;
            kept.Add(normalized);
            if (kept.Count == MaxNgramsPerProfile) break;
        }
        return (script, kept);
    }

    /// <summary>Letters and marks, with '_' only at either end, at most five characters, at least one letter.</summary>
    private static bool IsWordNgram(string ngram)
    {
        if (ngram.Length > NgramHashing.MaxOrder) return false;
        var letters = 0;
        for (var i = 0; i < ngram.Length; i++)
        {
            var c = ngram[i];
            if (c == NgramHashing.WordEdge)
            {
                if (i != 0 && i != ngram.Length - 1) return false;
                continue;
            }
            if (!WritingScripts.IsWordChar(c)) return false;
            letters++;
        }
        return letters > 0;
    }

    private static WritingScript MajorityScript(List<string> ngrams)
    {
        var counts = new int[WritingScripts.Count];
        foreach (var ngram in ngrams)
        {
            foreach (var c in ngram)
            {
                if (WritingScripts.IsWordChar(c)) counts[(int)WritingScripts.Of(c)]++;
            }
        }
        counts[(int)WritingScript.None] = 0;
        var best = WritingScript.None;
        for (var s = 1; s < counts.Length; s++)
        {
            if (counts[s] > counts[(int)best]) best = (WritingScript)s;
        }
        return best;
    }
}
