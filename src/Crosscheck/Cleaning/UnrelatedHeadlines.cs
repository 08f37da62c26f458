namespace Crosscheck.Cleaning;

/// <summary>
/// Teasers for other stories land in scraped text as short lines without final punctuation. A
/// real subheading shares vocabulary with the story around it; a teaser for another story does
/// not. Lines of that shape whose content words mostly do not occur elsewhere in the article
/// (or its title) are removed.
/// </summary>
internal static class UnrelatedHeadlines
{
    private const int MinWords = 4;
    private const int MaxWords = 25;
    private const int MinContentWords = 3;
    private const double MinSharedFraction = 0.34;
    private const int ListItemWords = 15;
    private const int StemLength = 5;
    private const int MaxStopWordLength = 7;

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "that", "this", "with", "from", "have", "been", "were", "will", "would", "their", "there", "they", "them", "what",
        "when", "where", "which", "while", "about", "after", "before", "over", "into", "than", "then", "also", "more",
        "most", "some", "such", "only", "just", "very", "your", "yours", "says", "said", "could", "should", "being",
        "because", "these", "those", "other", "here", "amid", "like", "make", "made", "does", "done", "under", "again",
    };

    public static void Mark(List<CleanLine> lines, string? title)
    {
        var kept = lines.FindAll(line => line.IsKept);
        // Identity sets, not lists: a 20 MB list-like file has hundreds of thousands of lines.
        HashSet<CleanLine>? candidates = null;
        for (int index = 0; index < kept.Count; index++)
            if (IsHeadlineShaped(kept[index]) && !ContinuesOnNextLine(kept, index)) (candidates ??= new(ReferenceEqualityComparer.Instance)).Add(kept[index]);
        if (candidates is null) return;

        var vocabulary = new HashSet<string>(StringComparer.Ordinal);
        if (title is not null) AddContentWords(title, vocabulary);
        foreach (var line in kept)
        {
            if (!candidates.Contains(line)) AddContentWords(line.Text, vocabulary);
        }

        // Runs of consecutive short lines (a list, subheads, or a block of teasers) are judged
        // together: one item that belongs to the story keeps the whole run.
        var words = new HashSet<string>(StringComparer.Ordinal);
        int i = 0;
        while (i < kept.Count)
        {
            int end = i + 1;
            if (kept[i].Words <= ListItemWords)
                while (end < kept.Count && kept[end].Words <= ListItemWords) end++;
            bool isRun = end - i > 1, anyRelated = false;
            List<CleanLine>? unrelated = null;
            for (int k = i; k < end; k++)
            {
                if (!candidates.Contains(kept[k]))
                {
                    anyRelated |= isRun;
                    continue;
                }
                words.Clear();
                AddContentWords(kept[k].Text, words);
                if (words.Count < MinContentWords)
                {
                    anyRelated |= isRun;
                    continue;
                }
                int shared = 0;
                foreach (var word in words)
                    if (vocabulary.Contains(word)) shared++;
                if (shared < MinSharedFraction * words.Count) (unrelated ??= []).Add(kept[k]);
                else anyRelated = true;
            }
            if (!anyRelated && unrelated is not null)
                foreach (var line in unrelated) line.RemoveUnlessRemoved(DebrisReasons.UnrelatedHeadline);
            i = end;
        }
    }

    /// <summary>Hard-wrapped text: the sentence goes on, in lower case, on the next line.</summary>
    private static bool ContinuesOnNextLine(List<CleanLine> kept, int index) =>
        index + 1 < kept.Count && char.IsLower(kept[index + 1].Text[0]);

    /// <summary>Short, starts with a capital or digit, and ends in a letter or digit (no sentence punctuation).</summary>
    internal static bool IsHeadlineShaped(CleanLine line)
    {
        if (line.Words is < MinWords or > MaxWords || line.Text.Length > 200) return false;
        char first = line.Text[0], last = line.Text[^1];
        return (char.IsUpper(first) || char.IsDigit(first)) && char.IsLetterOrDigit(last);
    }

    /// <summary>
    /// Lower-cased stems (first five letters) of words of four or more letters that are not
    /// function words: a crude stem that also matches inflected forms ("Ukraine"/"Ukrainian",
    /// "риба"/"рибу" up to the ending) without a language-specific stemmer.
    /// </summary>
    private static void AddContentWords(string text, HashSet<string> into)
    {
        int i = 0;
        Span<char> lower = stackalloc char[StemLength];
        Span<char> shortWord = stackalloc char[MaxStopWordLength];
        var stopWords = StopWords.GetAlternateLookup<ReadOnlySpan<char>>();
        while (i < text.Length)
        {
            if (!char.IsLetter(text[i]))
            {
                i++;
                continue;
            }
            int start = i;
            while (i < text.Length && char.IsLetter(text[i])) i++;
            int length = i - start;
            if (length < 4) continue;
            if (length <= MaxStopWordLength && stopWords.Contains(ToLower(text.AsSpan(start, length), shortWord))) continue;
            int stem = Math.Min(length, StemLength);
            into.Add(new string(ToLower(text.AsSpan(start, stem), lower)));
        }
    }

    private static ReadOnlySpan<char> ToLower(ReadOnlySpan<char> word, Span<char> buffer)
    {
        int n = word.ToLowerInvariant(buffer);
        return buffer[..n];
    }
}
