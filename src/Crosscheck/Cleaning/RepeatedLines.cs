namespace Crosscheck.Cleaning;

/// <summary>
/// Scraped pages repeat captions and teaser headlines: the same line twice in a row, or once more
/// with a credit appended or a section label prepended. Story paragraphs are not repeated that way.
/// </summary>
internal static class RepeatedLines
{
    /// <summary>Longest line (in words) taken for debris when it is repeated next to itself.</summary>
    private const int MaxDebrisWords = 40;

    /// <summary>Most words a repeat may add (a credit such as "© AFP PHOTO/KCNA VIA KNS", or a section label).</summary>
    private const int MaxAddedWords = 12;

    /// <summary>A repeated exclamation ("Stop! Stop!" as two lines) is speech, not page debris.</summary>
    private const int MinAdjacentRepeatWords = 3;

    /// <summary>Short lines ("Netflix.", "(CROSSTALK)") legitimately recur in transcripts and lists.</summary>
    private const int MinDuplicateWords = 4;

    public static void Mark(List<CleanLine> lines)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (i > 0)
            {
                var previous = lines[i - 1];
                if (previous.Text == line.Text && line.Words >= MinAdjacentRepeatWords)
                {
                    if (line.Words <= MaxDebrisWords) previous.RemoveUnlessRemoved(DebrisReasons.RepeatedLine);
                    line.RemoveUnlessRemoved(line.Words <= MaxDebrisWords ? DebrisReasons.RepeatedLine : DebrisReasons.DuplicateLine);
                }
                else if (IsVariant(previous, line) || IsVariant(line, previous))
                {
                    var (shorter, longer) = previous.Text.Length < line.Text.Length ? (previous, line) : (line, previous);
                    longer.RemoveUnlessRemoved(DebrisReasons.RepeatedWithLabel);
                    shorter.RemoveUnlessRemoved(DebrisReasons.RepeatedLine);
                }
            }
            if (line.Words >= MinDuplicateWords && !seen.Add(line.Text)) line.RemoveUnlessRemoved(DebrisReasons.DuplicateLine);
        }
    }

    /// <summary>True when <paramref name="longer"/> is <paramref name="shorter"/> with a few words added before or after.</summary>
    private static bool IsVariant(CleanLine shorter, CleanLine longer)
    {
        if (shorter.Words < 4 || shorter.Words > MaxDebrisWords || longer.Text.Length <= shorter.Text.Length) return false;
        if (longer.Words - shorter.Words > MaxAddedWords) return false;
        if (longer.Text.StartsWith(shorter.Text, StringComparison.Ordinal))
            return char.IsWhiteSpace(longer.Text[shorter.Text.Length]) || !char.IsLetterOrDigit(longer.Text[shorter.Text.Length]);
        if (longer.Text.EndsWith(shorter.Text, StringComparison.Ordinal))
            return char.IsWhiteSpace(longer.Text[^(shorter.Text.Length + 1)]);
        return false;
    }
}
