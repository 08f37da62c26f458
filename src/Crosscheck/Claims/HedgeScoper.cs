using System.Collections.Immutable;
using Crosscheck.Text;

namespace Crosscheck.Claims;

/// <summary>
/// Applies hedges to the claims they judge. A hedge inside a claim's sentence ("purportedly",
/// "without evidence") qualifies that claim. A backward hedge ("The details could not be verified
/// immediately.", "AFP could not confirm Zelensky's claim", "Moscow disputed the report") judges
/// earlier claims: those of the speaker it names, within the same and the previous paragraph, or
/// when it names none, the claims of the nearest earlier sentence that has any (and the claims of
/// that sentence's paragraph).
/// </summary>
internal static class HedgeScoper
{
    public static void Apply(List<Attribution> attributions, string text, TokenView view, ImmutableArray<Sentence> sentences, CueLexicon lexicon)
    {
        if (attributions.Count == 0) return;
        var paragraphOf = ParagraphOfSentences(text, sentences);
        var sentenceOfAttribution = new int[attributions.Count];
        for (int a = 0; a < attributions.Count; a++) sentenceOfAttribution[a] = SentenceAt(sentences, Anchor(attributions[a]));

        for (int s = 0; s < sentences.Length; s++)
        {
            var sentence = sentences[s];
            int end = sentence.FirstToken + sentence.TokenCount;
            for (int t = sentence.FirstToken; t < end; t++)
            {
                if (!lexicon.HedgeLookup.TryGetValue(view.Word(t), out var hedges)) continue;
                foreach (var hedge in hedges)
                {
                    if (!Matches(view, t, end, hedge.Words)) continue;
                    if (hedge.NeedsNegativeSubject && !NegativeSubjectBefore(view, t, sentence.FirstToken)) continue;
                    var hedgeSpan = view.Range(t, t + hedge.Words.Length - 1);
                    if (hedge.ScopesBack) ScopeBack(attributions, sentenceOfAttribution, paragraphOf, s, hedge, hedgeSpan, t, text, view, sentence, end);
                    else ScopeHere(attributions, sentenceOfAttribution, s, hedge, hedgeSpan);
                    t += hedge.Words.Length - 1;
                    break;
                }
            }
        }
    }

    /// <summary>A quote content rarely runs over more sentences than this; it bounds the search.</summary>
    private const int MaxContentSentences = 8;

    /// <summary>Attributions come in text order, so their sentence indexes never decrease: index of the first in sentence <paramref name="s"/> or later.</summary>
    private static int FirstInSentence(int[] sentenceOf, int s)
    {
        int lo = 0, hi = sentenceOf.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (sentenceOf[mid] < s) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    private static void ScopeHere(List<Attribution> attributions, int[] sentenceOf, int s, HedgeEntry hedge, Span hedgeSpan)
    {
        int from = FirstInSentence(sentenceOf, s - MaxContentSentences), to = FirstInSentence(sentenceOf, s + 1);
        for (int a = from; a < to; a++)
        {
            var at = attributions[a];
            if (sentenceOf[a] != s && !at.AllContent.Any(c => c.Contains(hedgeSpan))) continue;
            if (at.Status is ClaimStatus.Denied or ClaimStatus.Disputed) continue;
            attributions[a] = at with { Status = Stronger(at.Status, hedge.Status), HedgeSpan = hedgeSpan };
        }
    }

    private static void ScopeBack(List<Attribution> attributions, int[] sentenceOf, int[] paragraphOf, int s, HedgeEntry hedge,
        Span hedgeSpan, int hedgeToken, string text, TokenView view, Sentence sentence, int sentenceEnd)
    {
        int own = FirstInSentence(sentenceOf, s), ownEnd = FirstInSentence(sentenceOf, s + 1);
        // The hedge sentence's own attribution ("AFP could not confirm ...") takes the hedge too.
        bool judgedInSentence = false;
        for (int a = own; a < ownEnd; a++)
        {
            if (attributions[a].Cue is not { } cue) continue;
            if (cue.End <= hedgeSpan.End && cue.Start >= hedgeSpan.Start)
            {
                attributions[a] = attributions[a] with { Status = attributions[a].Status == ClaimStatus.Denied ? ClaimStatus.Denied : hedge.Status, HedgeSpan = hedgeSpan };
            }
            else if (cue.End <= hedgeSpan.Start && (!attributions[a].AllContent.Any(p => p.Contains(hedgeSpan)) || ReporterAside(text, cue, hedgeSpan)))
            {
                // "X said Y, but it could not be verified": the claim earlier in the same sentence.
                attributions[a] = attributions[a] with { Status = Stronger(attributions[a].Status, hedge.Status), HedgeSpan = hedgeSpan };
                judgedInSentence = true;
            }
        }
        if (judgedInSentence) return;
        int paragraph = paragraphOf[s];
        // Earlier attributions of this and the previous paragraph; a plural hedge ("Neither claim", "the figures")
        // judges at least two claims, so it may reach one paragraph further back for the second.
        bool plural = PluralObject(view, sentence.FirstToken, sentenceEnd);
        int reach = plural ? 2 : 1;
        int firstSentence = s;
        while (firstSentence > 0 && paragraphOf[firstSentence - 1] >= paragraph - reach) firstSentence--;
        int from = FirstInSentence(sentenceOf, firstSentence);
        // Named speaker: a capitalised word of the hedge sentence that heads an earlier source.
        var named = new List<int>();
        for (int a = from; a < own; a++)
        {
            if (attributions[a].Source is not { } source) continue;
            if (SharesName(text, view, sentence, sentenceEnd, source, hedgeSpan, hedgeToken)) named.Add(a);
        }
        IEnumerable<int> targets = named;
        if (named.Count == 0)
        {
            if (own == from) return;
            int targetParagraph = paragraphOf[sentenceOf[own - 1]];
            var list = new List<int>();
            int a = own - 1;
            for (; a >= from && paragraphOf[sentenceOf[a]] == targetParagraph; a--) list.Add(a);
            if (plural && list.Count == 1 && a >= from)
            {
                // "The militia said A.\nAn official added B.\nNeither claim could be verified.": the paragraph before too.
                int previousParagraph = paragraphOf[sentenceOf[a]];
                for (; a >= from && paragraphOf[sentenceOf[a]] == previousParagraph; a--) list.Add(a);
            }
            targets = list;
        }
        foreach (int a in targets)
        {
            attributions[a] = attributions[a] with { Status = Stronger(attributions[a].Status, hedge.Status), HedgeSpan = hedgeSpan };
        }
    }

    private static readonly string[] NegativeSubjects = ["neither", "none", "nor", "nothing"];

    private static readonly string[] PluralMarkers =
    [
        "neither", "either", "both", "these", "those", "claims", "reports", "accounts", "figures", "statements", "numbers",
        "allegations", "assertions", "versions",
    ];

    /// <summary>"Neither claim could be verified", "None of the reports could be confirmed": a negative word just before the phrase.</summary>
    private static bool NegativeSubjectBefore(TokenView view, int hedgeToken, int sentenceFirst)
    {
        for (int k = hedgeToken - 1; k >= sentenceFirst && hedgeToken - k <= 4; k--)
        {
            foreach (var word in NegativeSubjects) if (view.Is(k, word)) return true;
        }
        return false;
    }

    /// <summary>The hedge sentence speaks of more than one claim.</summary>
    private static bool PluralObject(TokenView view, int first, int end)
    {
        for (int k = first; k < end; k++)
        {
            foreach (var word in PluralMarkers) if (view.Is(k, word)) return true;
        }
        return false;
    }

    /// <summary>"..., but it could not be verified": the reporter's own clause inside what runs as the content.</summary>
    private static bool ReporterAside(string text, Span cue, Span hedge)
    {
        var between = text.AsSpan(cue.End, hedge.Start - cue.End);
        return between.Contains(", but", StringComparison.Ordinal) || between.Contains("; ", StringComparison.Ordinal)
            || between.Contains(", although", StringComparison.Ordinal) || between.Contains(", though", StringComparison.Ordinal);
    }

    /// <summary>Denied outranks disputed outranks unverified outranks the cue's own status.</summary>
    private static ClaimStatus Stronger(ClaimStatus current, ClaimStatus hedge)
    {
        static int Rank(ClaimStatus s) => s switch
        {
            ClaimStatus.Denied => 4,
            ClaimStatus.Disputed => 3,
            ClaimStatus.Unverified => 2,
            ClaimStatus.Alleged => 1,
            _ => 0,
        };
        return Rank(hedge) >= Rank(current) ? hedge : current;
    }

    private static bool SharesName(string text, TokenView view, Sentence sentence, int sentenceEnd, Span source, Span hedgeSpan, int hedgeToken)
    {
        var sourceText = source.SliceOf(text);
        for (int t = sentence.FirstToken; t < sentenceEnd; t++)
        {
            if (!view.IsCapitalized(t) || t == sentence.FirstToken || hedgeSpan.Contains(view.Tokens[t].Span)) continue;
            var word = view.Word(t);
            if (word.Length < 3) continue;
            if (word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal)) word = word[..^2];
            if (Contains(sourceText, word) && t > hedgeToken) return true;
        }
        return false;
    }

    private static bool Contains(ReadOnlySpan<char> haystack, ReadOnlySpan<char> word)
    {
        int i = haystack.IndexOf(word, StringComparison.Ordinal);
        while (i >= 0)
        {
            bool startOk = i == 0 || !char.IsLetter(haystack[i - 1]);
            bool endOk = i + word.Length >= haystack.Length || !char.IsLetter(haystack[i + word.Length]);
            if (startOk && endOk) return true;
            int next = haystack[(i + 1)..].IndexOf(word, StringComparison.Ordinal);
            i = next < 0 ? -1 : i + 1 + next;
        }
        return false;
    }

    private static bool Matches(TokenView view, int t, int end, string[] words)
    {
        if (t + words.Length > end) return false;
        for (int w = 0; w < words.Length; w++) if (!view.Is(t + w, words[w])) return false;
        return true;
    }

    private static int Anchor(Attribution a) => a.Cue?.Start ?? a.Content.Start;

    private static int SentenceAt(ImmutableArray<Sentence> sentences, int offset)
    {
        int lo = 0, hi = sentences.Length - 1, found = 0;
        while (lo <= hi)
        {
            int mid = (lo + hi) / 2;
            if (sentences[mid].Span.Start <= offset) { found = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        return found;
    }

    internal static int[] ParagraphOfSentences(string text, ImmutableArray<Sentence> sentences)
    {
        var result = new int[sentences.Length];
        int paragraph = 0;
        for (int s = 1; s < sentences.Length; s++)
        {
            if (text.AsSpan(sentences[s - 1].Span.End, sentences[s].Span.Start - sentences[s - 1].Span.End).Contains('\n')) paragraph++;
            result[s] = paragraph;
        }
        return result;
    }
}
