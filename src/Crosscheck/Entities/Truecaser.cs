using System.Collections.Frozen;
using System.Text;

namespace Crosscheck.Entities;

/// <summary>
/// Restores ordinary casing in headline-style ("Tara Reid Checks Into Rehab") and all-capitals
/// sentences before the recogniser reads them. Its features lean on capitals, so a headline
/// otherwise comes out as one long name. Words that news prose writes in lower case (a word list
/// derived from the NER training data, models/ner/lowercase-words.txt) are lowered; in capitals,
/// the other words become Capitalised, except short ones that look like acronyms.
/// </summary>
/// <remarks>Only the copy the model decodes changes; spans and every other rule read the original text.</remarks>
public sealed class Truecaser
{
    public const string ResourceFileName = "lowercase-words.txt";

    private static readonly Lazy<Truecaser> DefaultCaser = new(LoadEmbedded);

    private readonly FrozenSet<string> _lowercaseWords;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public Truecaser(IEnumerable<string> lowercaseWords)
    {
        ArgumentNullException.ThrowIfNull(lowercaseWords);
        _lowercaseWords = lowercaseWords.Select(w => w.ToLowerInvariant()).ToFrozenSet(StringComparer.Ordinal);
        _lookup = _lowercaseWords.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The word list shipped in the library; with none, nothing is recased.</summary>
    public static Truecaser Default => DefaultCaser.Value;

    public int Count => _lowercaseWords.Count;

    private static Truecaser LoadEmbedded()
    {
        var assembly = typeof(Truecaser).Assembly;
        var name = Array.Find(assembly.GetManifestResourceNames(), n => n.EndsWith(ResourceFileName, StringComparison.Ordinal));
        using var stream = name is null ? null : assembly.GetManifestResourceStream(name);
        return stream is null ? new Truecaser([]) : Load(stream);
    }

    public static Truecaser Load(Stream stream)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var words = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#') words.Add(line);
        }
        return new Truecaser(words);
    }

    public bool IsUsuallyLowercase(ReadOnlySpan<char> word)
    {
        if (word.Length > 64) return false;
        Span<char> lower = stackalloc char[word.Length];
        word.ToLowerInvariant(lower);
        return _lookup.Contains(lower);
    }

    /// <summary>How a sentence is cased, judged from its words (tokens that start with a letter).</summary>
    public SentenceCasing Classify(string text, ReadOnlySpan<Span> words)
    {
        int letters = 0, allCaps = 0, capitalised = 0, cappedCommonWords = 0;
        for (int i = 0; i < words.Length; i++)
        {
            var word = words[i].SliceOf(text);
            if (word.IsEmpty || !char.IsLetter(word[0])) continue;
            letters++;
            int capitalisation = NerFeatures.CapitalisationClass(word);
            if (word.Length >= 2 && capitalisation == 2) allCaps++;
            if (capitalisation is 1 or 2 or 5)
            {
                capitalised++;
                if (i > 0 && IsUsuallyLowercase(word)) cappedCommonWords++;
            }
        }
        if (letters < 3) return SentenceCasing.Ordinary;
        if (letters >= 4 && allCaps * 10 >= letters * 7) return SentenceCasing.Capitals;
        // Two capitalised words that prose writes in lower case are the mark of a headline; a
        // sentence that is merely full of names has none.
        if (capitalised * 10 >= letters * 8 && cappedCommonWords >= 2) return SentenceCasing.Headline;
        return SentenceCasing.Ordinary;
    }

    /// <summary>Writes the recased words of one sentence into <paramref name="buffer"/> (a copy of the text, same offsets).</summary>
    public void Recase(string text, ReadOnlySpan<Span> words, SentenceCasing casing, Span<char> buffer)
    {
        if (casing == SentenceCasing.Ordinary) return;
        for (int i = 0; i < words.Length; i++)
        {
            var span = words[i];
            var word = span.SliceOf(text);
            if (word.IsEmpty || !char.IsLetter(word[0])) continue;
            var target = buffer.Slice(span.Start, span.End - span.Start);
            bool common = IsUsuallyLowercase(word);
            if (casing == SentenceCasing.Headline)
            {
                // The sentence's first word keeps its capital, as in prose.
                if (common && i > 0 && NerFeatures.CapitalisationClass(word) is 1 or 5) target[0] = char.ToLowerInvariant(word[0]);
                continue;
            }
            if (common)
            {
                word.ToLowerInvariant(target);
                if (i == 0) target[0] = char.ToUpperInvariant(target[0]);
            }
            else if (!LooksLikeAcronym(word))
            {
                word[1..].ToLowerInvariant(target[1..]);
            }
        }
    }

    // "FBI", "NYPD": words of up to three letters, or four without a vowel, stay in capitals.
    private static bool LooksLikeAcronym(ReadOnlySpan<char> word) =>
        word.Length <= 3 || (word.Length == 4 && word.IndexOfAny("AEIOUaeiou") < 0);

    /// <summary>
    /// Derives the word list from CoNLL training files: words seen at least
    /// <paramref name="minimumCount"/> times away from a sentence start, in lower case at least
    /// <paramref name="minimumLowercaseShare"/> of those times. Units held out from NER training
    /// (<paramref name="holdOutEvery"/>) are left out here too. Deterministic: sorted output.
    /// </summary>
    public static IReadOnlyList<string> DeriveLowercaseWords(IReadOnlyList<string> conllFiles, int holdOutEvery = 10, int blockSentences = 50,
        int minimumCount = 3, double minimumLowercaseShare = 0.9)
    {
        var lower = new Dictionary<string, int>(StringComparer.Ordinal);
        var capital = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var file in conllFiles)
        {
            var units = NerTrainer.Units(ConllReader.ReadFile(file), blockSentences);
            for (int u = 0; u < units.Count; u++)
            {
                if (holdOutEvery > 0 && u % holdOutEvery == holdOutEvery - 1) continue;
                foreach (var sentence in units[u].Sentences)
                {
                    for (int t = 1; t < sentence.Tokens.Length; t++)
                    {
                        string token = sentence.Tokens[t];
                        if (!IsPlainWord(token) || IsOpening(sentence.Tokens[t - 1])) continue;
                        var counts = char.IsLower(token[0]) ? lower : char.IsUpper(token[0]) ? capital : null;
                        if (counts is null) continue;
                        string key = token.ToLowerInvariant();
                        counts[key] = counts.GetValueOrDefault(key) + 1;
                    }
                }
            }
        }
        return [.. lower
            .Where(kv => kv.Value + capital.GetValueOrDefault(kv.Key) >= minimumCount
                         && kv.Value >= minimumLowercaseShare * (kv.Value + capital.GetValueOrDefault(kv.Key)))
            .Select(kv => kv.Key)
            .Order(StringComparer.Ordinal)];
    }

    private static bool IsPlainWord(string token)
    {
        if (token.Length == 0 || token.Length > 64) return false;
        foreach (char c in token)
        {
            if (!char.IsLetter(c) && c is not ('-' or '\'')) return false;
        }
        return true;
    }

    // After a quote, a colon or a dash a capital starts a new clause, not a name.
    private static bool IsOpening(string previous) => previous is "\"" or "``" or "'" or ":" or "--" or "-" or "(" or "“" or "‘";

    public static void Write(IReadOnlyList<string> words, Stream output)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
        writer.WriteLine("# Words news prose writes in lower case; derived by `crosscheck train truecase` (see models/ner/SOURCES.md).");
        foreach (var word in words) writer.WriteLine(word);
    }
}

public enum SentenceCasing
{
    Ordinary,
    /// <summary>Most words capitalised, including words prose writes in lower case.</summary>
    Headline,
    /// <summary>Most words in capitals.</summary>
    Capitals,
}
