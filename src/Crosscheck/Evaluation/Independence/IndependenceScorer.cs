using System.Collections.Immutable;
using Crosscheck.Report;

namespace Crosscheck.Evaluation.Independence;

/// <summary>One sentence of a generated report and where it truly comes from.</summary>
/// <param name="Claim">Which of the story's propositions it states.</param>
/// <param name="Origin">Its primary source as the generator made it.</param>
public sealed record GoldSentence(string Doc, string Claim, string Origin, string Sentence);

/// <summary>
/// Scores the independent-origin count of each matched claim. Each of the claim's mentions is
/// traced, by its evidence offsets, to the generated sentence it lies in; the true count is the
/// number of distinct true origins of those sentences. The truth comes from the generator only:
/// the system's claims decide which sentences are scored together, never what their origins are.
/// </summary>
public static class IndependenceScorer
{
    /// <param name="texts">Each report's cleaned text, where the evidence offsets point.</param>
    public static (ImmutableArray<Metric> Metrics, ImmutableArray<string> Misses) Score(
        IReadOnlyList<GoldSentence> gold, IReadOnlyDictionary<string, string> texts, IReadOnlyList<DossierClaim> claims)
    {
        var located = Locate(gold, texts, out int unlocated);
        int scored = 0, exact = 0, over = 0, under = 0, unmapped = 0, multi = 0, multiExact = 0, several = 0, severalExact = 0, onePropositon = 0;
        long absoluteError = 0;
        var misses = ImmutableArray.CreateBuilder<string>();
        foreach (var claim in claims)
        {
            var origins = new HashSet<string>(StringComparer.Ordinal);
            var propositions = new HashSet<string>(StringComparer.Ordinal);
            foreach (var evidence in claim.Evidence)
            {
                if (!located.TryGetValue(evidence.Article, out var sentences) || BestOverlap(sentences, evidence) is not { } sentence) continue;
                origins.Add(sentence.Gold.Origin);
                propositions.Add(sentence.Gold.Claim);
            }
            if (origins.Count == 0)
            {
                unmapped++;
                continue;
            }
            scored++;
            int truth = origins.Count, system = claim.IndependentOrigins;
            bool right = truth == system;
            if (right) exact++;
            else if (system > truth) over++;
            else under++;
            absoluteError += Math.Abs(system - truth);
            if (propositions.Count == 1) onePropositon++;
            if (claim.Articles.Length >= 2)
            {
                multi++;
                if (right) multiExact++;
            }
            if (truth >= 2)
            {
                several++;
                if (right) severalExact++;
            }
            if (!right && misses.Count < MissesShown)
                misses.Add($"{claim.Id} [{string.Join(", ", propositions.Order(StringComparer.Ordinal))}] ({string.Join(", ", claim.Articles.Take(4))}{(claim.Articles.Length > 4 ? ", ..." : "")}): counted {system}, true {truth} ({string.Join("; ", origins.Order(StringComparer.Ordinal))}); system origins [{string.Join(", ", claim.Origins)}]: \"{Shorten(claim.Content)}\"");
        }
        ImmutableArray<Metric> metrics =
        [
            new("origins.exact", Ratio(exact, scored), scored),
            new("origins.exact.multi_report", Ratio(multiExact, multi), multi),
            new("origins.exact.true_two_or_more", Ratio(severalExact, several), several),
            new("origins.overcounted", Ratio(over, scored), scored),
            new("origins.undercounted", Ratio(under, scored), scored),
            new("origins.mean_absolute_error", scored == 0 ? 0 : (double)absoluteError / scored, scored),
            new("claims.one_proposition", Ratio(onePropositon, scored), scored),
            new("claims.scored", scored),
            new("claims.unmapped", unmapped),
            new("sentences.unlocated", unlocated),
        ];
        return (metrics, misses.ToImmutable());
    }

    /// <summary>How many wrong counts are listed (as warnings), for reading, not scoring.</summary>
    public static int MissesShown { get; set; } = 40;

    private sealed record LocatedSentence(int Start, int End, GoldSentence Gold);

    /// <summary>Finds every gold sentence (each occurrence) in its report's cleaned text.</summary>
    private static Dictionary<string, List<LocatedSentence>> Locate(IReadOnlyList<GoldSentence> gold, IReadOnlyDictionary<string, string> texts, out int unlocated)
    {
        unlocated = 0;
        var located = new Dictionary<string, List<LocatedSentence>>(StringComparer.Ordinal);
        foreach (var doc in gold.GroupBy(g => g.Doc, StringComparer.Ordinal))
        {
            if (!texts.TryGetValue(doc.Key, out var text)) continue;
            var list = new List<LocatedSentence>();
            foreach (var sentence in doc.DistinctBy(g => g.Sentence, StringComparer.Ordinal))
            {
                if (sentence.Sentence.Length == 0) continue;
                int found = 0;
                for (int at = text.IndexOf(sentence.Sentence, StringComparison.Ordinal); at >= 0; at = text.IndexOf(sentence.Sentence, at + 1, StringComparison.Ordinal))
                {
                    list.Add(new LocatedSentence(at, at + sentence.Sentence.Length, sentence));
                    found++;
                }
                if (found == 0) unlocated++;
            }
            located[doc.Key] = list;
        }
        return located;
    }

    private static LocatedSentence? BestOverlap(List<LocatedSentence> sentences, Evidence evidence)
    {
        LocatedSentence? best = null;
        int bestOverlap = 0;
        foreach (var sentence in sentences)
        {
            int overlap = Math.Min(sentence.End, evidence.End) - Math.Max(sentence.Start, evidence.Start);
            if (overlap > bestOverlap)
            {
                bestOverlap = overlap;
                best = sentence;
            }
        }
        return best;
    }

    private static double Ratio(int part, int whole) => whole == 0 ? 0 : (double)part / whole;

    private static string Shorten(string text) => text.Length <= 90 ? text : text[..87] + "...";
}
