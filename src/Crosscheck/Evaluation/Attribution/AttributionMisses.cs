using System.Collections.Immutable;

namespace Crosscheck.Evaluation.Attribution;

/// <summary>
/// Sorts the gold attributions no prediction matched into one category each (the first that applies, in the
/// order of <see cref="Categories"/>), so an evaluation says where recall is lost, not only how much:
/// <list type="bullet">
/// <item><c>content_wrong</c>: a prediction has the cue, but its content does not overlap the gold content;</item>
/// <item><c>no_cue</c>: the gold attribution has no cue;</item>
/// <item><c>punctuation_cue</c>: the cue is a colon or a dash (headlines, transcripts, signed quotes);</item>
/// <item><c>according_to</c>: "according to X";</item>
/// <item><c>passive</c>: the cue follows a form of "be" ("it was reported", "is expected");</item>
/// <item><c>reporting_noun</c>: the cue is a noun phrase ("his claim", "a statement", "allegations of");</item>
/// <item><c>nested</c>: the cue lies inside another gold attribution's content;</item>
/// <item><c>multi_sentence</c>: the content runs over more than one sentence;</item>
/// <item><c>pronoun_source</c>: the source is a bare pronoun;</item>
/// <item><c>no_source</c>: the gold attribution names no source;</item>
/// <item><c>other_cue</c>: none of these: mostly verbs of stance or action outside the cue lexicon ("wants", "plans").</item>
/// </list>
/// </summary>
public static class AttributionMisses
{
    public static readonly ImmutableArray<string> Categories =
    [
        "content_wrong", "no_cue", "punctuation_cue", "according_to", "passive", "reporting_noun", "nested",
        "multi_sentence", "pronoun_source", "no_source", "other_cue",
    ];

    private static readonly HashSet<string> Pronouns = new(StringComparer.OrdinalIgnoreCase) { "he", "she", "they", "it", "we", "i", "you", "who", "which" };

    private static readonly string[] NounSuffixes = ["ment", "ments", "tion", "tions", "sion", "sions"];

    private static readonly HashSet<string> NounHeads = new(StringComparer.Ordinal)
    {
        "claim", "claims", "remarks", "comments", "view", "views", "belief", "argument", "promise", "warning", "message", "pledge",
        "proposal", "allegation", "allegations", "assertion", "accusation", "accusations", "criticism", "questions", "statement",
    };

    private static readonly string[] Determiners = ["the ", "a ", "an ", "his ", "her ", "their ", "its ", "our ", "this ", "that "];

    /// <summary>Counts per category of the gold attributions of one text that no prediction matches (cue and content overlap).</summary>
    public static void Count(string text, ImmutableArray<GoldAttribution> gold, ImmutableArray<GoldAttribution> predicted, Dictionary<string, int> into)
    {
        foreach (var g in gold)
        {
            bool matched = false, cueFound = false;
            foreach (var p in predicted)
            {
                if (AttributionScorer.Overlap(p.Cue, g.Cue) <= 0) continue;
                cueFound = true;
                if (AttributionScorer.Overlap(p.Content, g.Content) > 0) { matched = true; break; }
            }
            if (matched) continue;
            var category = Categorise(text, g, gold, cueFound);
            into[category] = into.GetValueOrDefault(category) + 1;
        }
    }

    /// <summary>The column names of <see cref="Rows"/>.</summary>
    public const string Header = "doc\tcategory\tcue\tsource\tcontent\tfound";

    /// <summary>
    /// One tab-separated row per gold attribution of one text that no prediction matches (its category, cue, source,
    /// first 100 characters of content, and what we predicted over its cue or content, if anything), then one row
    /// per prediction that matches no gold attribution (category <c>spurious</c>, our cue, source and content,
    /// and the gold attribution whose cue or content it touches, if any).
    /// </summary>
    public static IEnumerable<string> Rows(string doc, string text, ImmutableArray<GoldAttribution> gold, ImmutableArray<GoldAttribution> predicted)
    {
        var predictedMatched = new bool[predicted.Length];
        var goldMatched = new bool[gold.Length];
        for (int j = 0; j < gold.Length; j++)
        {
            for (int i = 0; i < predicted.Length; i++)
            {
                if (AttributionScorer.Overlap(predicted[i].Cue, gold[j].Cue) > 0 && AttributionScorer.Overlap(predicted[i].Content, gold[j].Content) > 0)
                {
                    goldMatched[j] = predictedMatched[i] = true;
                }
            }
        }
        for (int j = 0; j < gold.Length; j++)
        {
            if (goldMatched[j]) continue;
            var g = gold[j];
            bool cueFound = predicted.Any(p => AttributionScorer.Overlap(p.Cue, g.Cue) > 0);
            var near = predicted.Where(p => AttributionScorer.Overlap(p.Cue, g.Cue) > 0 || AttributionScorer.Overlap(p.Content, g.Content) > 0)
                .Select(p => Describe(text, p));
            yield return Row(doc, Categorise(text, g, gold, cueFound), text, g, string.Join(" | ", near));
        }
        for (int i = 0; i < predicted.Length; i++)
        {
            if (predictedMatched[i]) continue;
            var p = predicted[i];
            var near = gold.Where(g => AttributionScorer.Overlap(p.Cue, g.Cue) > 0 || AttributionScorer.Overlap(p.Content, g.Content) > 0)
                .Select(g => Describe(text, g));
            yield return Row(doc, "spurious", text, p, string.Join(" | ", near));
        }
    }

    private static string Row(string doc, string category, string text, GoldAttribution a, string found) =>
        MissRow.Of(doc, category, Of(text, a.Cue), Of(text, a.Source), Cut(Of(text, a.Content), 100), found);

    private static string Describe(string text, GoldAttribution a) =>
        $"[{Of(text, a.Source)}] <{Of(text, a.Cue)}> {Cut(Of(text, a.Content), 60)}";

    private static string Of(string text, ImmutableArray<Span> parts) =>
        parts.IsDefaultOrEmpty ? "" : string.Join(" ... ", parts.OrderBy(s => s.Start).Select(s => s.Of(text).Trim()));

    private static string Cut(string value, int length) => value.Length <= length ? value : value[..length];


    internal static string Categorise(string text, GoldAttribution g, ImmutableArray<GoldAttribution> gold, bool cueFound)
    {
        if (cueFound) return "content_wrong";
        if (g.Cue.IsDefaultOrEmpty) return "no_cue";
        var cue = string.Join(" ", g.Cue.Select(s => s.Of(text))).Trim().ToLowerInvariant();
        if (cue.Length == 0) return "no_cue";
        if (cue.Length > 0 && cue.All(c => char.IsPunctuation(c) || char.IsWhiteSpace(c) || c is '―' or '—' or '–')) return "punctuation_cue";
        if (cue.Contains("according to", StringComparison.Ordinal)) return "according_to";
        if (AfterBe(text, g.Cue.Min(s => s.Start)) || cue.StartsWith("is ", StringComparison.Ordinal) || cue.StartsWith("was ", StringComparison.Ordinal)
            || cue.StartsWith("were ", StringComparison.Ordinal) || cue.StartsWith("are ", StringComparison.Ordinal) || cue.StartsWith("been ", StringComparison.Ordinal)) return "passive";
        var head = cue.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
        if (Determiners.Any(d => cue.StartsWith(d, StringComparison.Ordinal)) || NounSuffixes.Any(e => head.EndsWith(e, StringComparison.Ordinal))
            || NounHeads.Contains(head))
        {
            return "reporting_noun";
        }
        foreach (var other in gold)
        {
            if (!ReferenceEquals(other, g) && AttributionScorer.Overlap(other.Content, g.Cue) > 0) return "nested";
        }
        if (!g.Content.IsDefaultOrEmpty)
        {
            int start = g.Content.Min(s => s.Start), end = Math.Min(text.Length, g.Content.Max(s => s.End));
            var content = text.AsSpan(start, Math.Max(0, end - start)).TrimEnd();
            if (content.Contains(". ", StringComparison.Ordinal) || content.Contains(".\n", StringComparison.Ordinal) || content.Contains("\n", StringComparison.Ordinal)) return "multi_sentence";
        }
        if (g.Source.IsDefaultOrEmpty) return "no_source";
        var source = string.Join(" ", g.Source.Select(s => s.Of(text))).Trim();
        if (Pronouns.Contains(source)) return "pronoun_source";
        return "other_cue";
    }

    private static bool AfterBe(string text, int cueStart)
    {
        int k = cueStart;
        while (k > 0 && text[k - 1] == ' ') k--;
        int wordEnd = k;
        while (k > 0 && char.IsLetter(text[k - 1])) k--;
        var word = text.AsSpan(k, wordEnd - k);
        return word is "was" or "were" or "is" or "are" or "been" or "be" or "being";
    }
}
