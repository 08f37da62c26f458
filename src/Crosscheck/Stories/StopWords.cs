using System.Collections.Frozen;

namespace Crosscheck.Stories;

/// <summary>
/// English function words and reporting verbs that say nothing about which story a report
/// belongs to: every report has them, so they only add noise to similarity.
/// </summary>
internal static class StopWords
{
    private static readonly FrozenSet<string> Words = FrozenSet.ToFrozenSet(
    [
        "a", "about", "above", "after", "again", "against", "ago", "all", "also", "am", "among", "an", "and", "any", "are",
        "around", "as", "at", "be", "became", "because", "been", "before", "being", "below", "between", "both", "but",
        "by", "can", "could", "did", "do", "does", "doing", "done", "down", "during", "each", "either", "else", "even",
        "ever", "every", "few", "for", "from", "further", "get", "got", "had", "has", "have", "having", "he", "her",
        "here", "hers", "herself", "him", "himself", "his", "how", "however", "i", "if", "in", "into", "is", "it",
        "its", "itself", "just", "last", "least", "less", "like", "made", "make", "many", "may", "me", "might", "more",
        "most", "much", "must", "my", "myself", "near", "neither", "never", "new", "next", "no", "nor", "not", "now",
        "of", "off", "often", "on", "once", "one", "only", "or", "other", "others", "our", "ours", "ourselves", "out",
        "over", "own", "per", "rather", "same", "several", "she", "should", "since", "so", "some", "still", "such",
        "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this",
        "those", "though", "through", "thus", "to", "too", "under", "until", "up", "upon", "us", "very", "was", "we",
        "were", "what", "when", "where", "whether", "which", "while", "who", "whom", "whose", "why", "will", "with",
        "within", "without", "would", "yet", "you", "your", "yours", "yourself", "yourselves", "s", "t", "mr", "mrs",
        "ms", "dr", "said", "says", "say", "saying", "told", "tell", "according", "reported", "report", "reports",
        "news", "added", "adding", "asked", "week", "weeks", "day", "days", "month", "months", "year", "years",
        "today", "yesterday", "tomorrow", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
        "sunday", "january", "february", "march", "april", "june", "july", "august", "september",
        "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
        "nov", "dec", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "first", "second",
        "third", "time", "times", "people", "way", "well", "back", "going", "go", "went", "come", "came", "take",
        "took", "know", "known", "think", "see", "seen", "want", "look", "use", "used", "use", "www", "http", "https",
        "com", "html", "htm", "index", "php", "org", "according", "told", "including", "include", "includes",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Words.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <param name="lowerWord">The word already in lower case.</param>
    public static bool Contains(ReadOnlySpan<char> lowerWord) => Lookup.Contains(lowerWord);
}
