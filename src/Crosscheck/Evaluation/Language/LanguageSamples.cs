using System.Text;

namespace Crosscheck.Evaluation.Language;

/// <summary>One paragraph-length piece of text with the language its folder says it is in.</summary>
public sealed record LanguageSample(string Language, string Source, string Text);

/// <summary>
/// Reads a language-identification folder: one subfolder per language, named by its ISO 639-1
/// code, holding plain-text files (<c>*.txt</c>) or token-per-line files (<c>*.tsv</c>, <c>*.conll</c>:
/// GermEval style "index TAB token TAB tags" or CoNLL style "token TAB tag", '#' comment lines,
/// blank lines between sentences). Everything is cut into paragraph-length pieces at sentence or
/// whitespace boundaries, so the score says how well a paragraph is identified.
/// </summary>
public static class LanguageSamples
{
    public const int DefaultMinChars = 200;
    public const int DefaultMaxChars = 400;

    /// <summary>Pieces from every language subfolder of <paramref name="folder"/>, in a stable order.</summary>
    /// <param name="minChars">A piece ends at the first sentence end after this many characters...</param>
    /// <param name="maxChars">...or at the last whitespace before this many, when no sentence ends in between.</param>
    public static IReadOnlyList<LanguageSample> Read(string folder, int minChars = DefaultMinChars, int maxChars = DefaultMaxChars)
    {
        var samples = new List<LanguageSample>();
        foreach (var languageFolder in Directory.GetDirectories(folder).OrderBy(d => d, StringComparer.Ordinal))
        {
            var language = Path.GetFileName(languageFolder);
            if (!LooksLikeLanguageCode(language)) continue;
            foreach (var file in Directory.GetFiles(languageFolder, "*", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
            {
                var text = ReadText(file);
                if (text is null) continue;
                var source = Path.GetRelativePath(folder, file);
                foreach (var piece in Split(text, minChars, maxChars)) samples.Add(new LanguageSample(language, source, piece));
            }
        }
        return samples;
    }

    /// <summary>"en", "uk", "zh", also "pt-BR"-like tags (scored on the part before the dash).</summary>
    internal static bool LooksLikeLanguageCode(string name)
    {
        var head = name.Split('-')[0];
        return head.Length is 2 or 3 && head.All(c => c is >= 'a' and <= 'z');
    }

    /// <summary>The text of a file in a supported format, or null for any other file (READMEs, annotations).</summary>
    internal static string? ReadText(string file)
    {
        var extension = Path.GetExtension(file).ToLowerInvariant();
        return extension switch
        {
            ".txt" => File.ReadAllText(file, Encoding.UTF8),
            ".tsv" or ".conll" => JoinTokens(File.ReadLines(file, Encoding.UTF8)),
            _ => null,
        };
    }

    /// <summary>Rebuilds running text from token-per-line rows: one line per sentence, tokens joined by spaces except before closing punctuation.</summary>
    internal static string JoinTokens(IEnumerable<string> lines)
    {
        var text = new StringBuilder();
        var sentenceOpen = false;
        var afterOpeningBracket = false;
        foreach (var line in lines)
        {
            if (line.Length == 0 || line[0] == '#' || string.IsNullOrWhiteSpace(line))
            {
                if (sentenceOpen) text.Append('\n');
                sentenceOpen = false;
                continue;
            }
            var columns = line.Split('\t');
            var token = columns.Length >= 2 && int.TryParse(columns[0], out _) ? columns[1] : columns[0];
            if (token.Length == 0) continue;
            if (sentenceOpen && !afterOpeningBracket && !IsClosingPunctuation(token)) text.Append(' ');
            text.Append(token);
            sentenceOpen = true;
            afterOpeningBracket = token is "(" or "[";
        }
        return text.ToString();
    }

    private static bool IsClosingPunctuation(string token) =>
        token.Length == 1 && token[0] is '.' or ',' or ';' or ':' or '!' or '?' or ')' or ']';

    /// <summary>Cuts text into pieces of roughly <paramref name="minChars"/>..<paramref name="maxChars"/> characters with whitespace collapsed; a short tail joins the piece before it.</summary>
    public static IEnumerable<string> Split(string text, int minChars = DefaultMinChars, int maxChars = DefaultMaxChars)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minChars, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChars, minChars);
        var flat = CollapseWhitespace(text);
        var pieces = new List<string>();
        var start = 0;
        while (start < flat.Length)
        {
            if (flat.Length - start <= maxChars)
            {
                var tail = flat[start..];
                if (tail.Length < minChars / 2 && pieces.Count > 0) pieces[^1] = pieces[^1] + " " + tail;
                else pieces.Add(tail);
                break;
            }
            var end = CutPoint(flat, start, minChars, maxChars);
            pieces.Add(flat[start..end].TrimEnd());
            start = end;
            while (start < flat.Length && flat[start] == ' ') start++;
        }
        return pieces;
    }

    /// <summary>After the first sentence end past minChars; else the last space before maxChars; else a hard cut.</summary>
    private static int CutPoint(string flat, int start, int minChars, int maxChars)
    {
        var limit = Math.Min(flat.Length, start + maxChars);
        for (var i = start + minChars; i < limit - 1; i++)
        {
            if (flat[i] is '.' or '!' or '?' or '…' or '。' && flat[i + 1] == ' ') return i + 1;
        }
        for (var i = limit - 1; i > start + minChars / 2; i--)
        {
            if (flat[i] == ' ') return i;
        }
        return limit;
    }

    private static string CollapseWhitespace(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            if (pendingSpace) builder.Append(' ');
            pendingSpace = false;
            builder.Append(c);
        }
        return builder.ToString();
    }
}
