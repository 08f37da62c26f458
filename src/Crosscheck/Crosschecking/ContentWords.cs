namespace Crosscheck.Crosschecking;

/// <summary>
/// The content words of a claim, lightly stemmed ("controls", "controlled", "controlling" meet),
/// for deciding whether two reports state the same proposition.
/// </summary>
internal static class ContentWords
{
    public static HashSet<string> Of(ReadOnlySpan<char> text)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        int i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !char.IsLetterOrDigit(text[i])) i++;
            int start = i;
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '-' && i + 1 < text.Length && char.IsLetter(text[i + 1]))) i++;
            if (i - start < 3 || i - start > 40) continue;
            var word = text[start..i].ToString().ToLowerInvariant();
            if (IsStopWord(word) || char.IsDigit(word[0])) continue;
            words.Add(Stem(word));
        }
        return words;
    }

    /// <summary>The head noun of a short noun phrase, stemmed: its last word ("North Korean soldiers" -> "soldier").</summary>
    public static string? Head(string phrase)
    {
        var span = phrase.AsSpan().TrimEnd();
        int end = span.Length;
        while (end > 0 && !char.IsLetter(span[end - 1])) end--;
        int start = end;
        while (start > 0 && char.IsLetter(span[start - 1])) start--;
        return end - start < 2 ? null : Stem(span[start..end].ToString().ToLowerInvariant());
    }

    /// <summary>
    /// Dice overlap with each word weighed by its rarity among the claims of the story: words
    /// every claim of a story uses ("North Korean", "Kursk") say little about which proposition
    /// two claims state.
    /// </summary>
    public static double WeightedDice(HashSet<string> a, HashSet<string> b, Func<string, double> weight)
    {
        if (a.Count == 0 || b.Count == 0) return 0;
        double shared = 0, total = 0;
        foreach (var w in a)
        {
            double x = weight(w);
            total += x;
            if (b.Contains(w)) shared += x;
        }
        foreach (var w in b) total += weight(w);
        return total == 0 ? 0 : 2 * shared / total;
    }

    /// <summary>Dice overlap of two word sets, 0..1.</summary>
    public static double Dice(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 || b.Count == 0) return 0;
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        int shared = 0;
        foreach (var w in small) if (large.Contains(w)) shared++;
        return 2.0 * shared / (a.Count + b.Count);
    }

    private static bool IsStopWord(string word) => word switch
    {
        "the" or "and" or "for" or "that" or "this" or "with" or "from" or "have" or "has" or "had" or "was" or "were"
            or "are" or "been" or "being" or "its" or "their" or "his" or "her" or "they" or "them" or "which" or "who"
            or "what" or "when" or "where" or "not" or "but" or "also" or "said" or "says" or "say" or "would" or "could"
            or "should" or "will" or "into" or "than" or "then" or "there" or "these" or "those" or "some" or "about"
            or "after" or "before" or "over" or "under" or "still" or "just" or "only" or "very" or "more" or "most"
            or "such" or "other" or "our" or "your" or "you" or "she" or "him" or "all" or "any" or "can" or "did"
            or "does" or "least" or "around" or "nearly" or "almost" or "according" => true,
        _ => false,
    };

    private static string Stem(string word)
    {
        if (word.Length > 5 && word.EndsWith("ing", StringComparison.Ordinal)) return word[..^3];
        if (word.Length > 4 && word.EndsWith("ied", StringComparison.Ordinal)) return word[..^3] + "i";
        if (word.Length > 4 && word.EndsWith("ies", StringComparison.Ordinal)) return word[..^3] + "i";
        if (word.Length > 4 && word.EndsWith("ed", StringComparison.Ordinal)) return word.EndsWith("lled", StringComparison.Ordinal) ? word[..^3] : word[..^2];
        if (word.Length > 3 && word[^1] == 'y') return word[..^1] + "i";
        if (word.Length > 3 && word[^1] == 's' && word[^2] is not ('s' or 'u' or 'i')) return word[..^1];
        if (word.Length > 4 && word.EndsWith("es", StringComparison.Ordinal)) return word[..^2];
        return word;
    }
}
