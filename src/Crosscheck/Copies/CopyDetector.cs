using System.Collections.Immutable;
using System.Globalization;
using Crosscheck.Provenance;

namespace Crosscheck.Copies;

/// <summary>What copy detection needs of one report.</summary>
public sealed record CopyInput(string Id, string Text, DateOnly? Published, IReadOnlyList<string> Relays, string? Outlet, string? Url, string Language)
{
    public static CopyInput From(Article article) =>
        new(article.Id, article.Text, article.Published.Date, article.Relays, article.Outlet, article.Url, article.Language);
}

/// <summary>How a report relates to the reports before it.</summary>
public enum CopyStatus
{
    /// <summary>No earlier report that it copies: its own text (or the first of its copies).</summary>
    Original,
    /// <summary>Near-duplicate of an earlier report (typography, a prefix, a cut or a few words aside).</summary>
    Copy,
    /// <summary>Shares part of an earlier report's text and a wire agency with it: a rewrite of that dispatch.</summary>
    Rewrite,
    /// <summary>Another language, with the same names and numbers as an earlier report: a translation of it.</summary>
    Translation,
}

/// <param name="CopyOf">The original (the first report of its copy group), for anything but an original.</param>
/// <param name="Similarity">Estimated share of shingles (for a translation: of names and numbers) shared with the closest earlier report.</param>
/// <param name="Wire">The wire agency both name, for a rewrite.</param>
/// <param name="Family">Publisher family: one owner's outlets or one syndication feed.</param>
/// <param name="Group">The id of the copy group's original; an original is its own group.</param>
public sealed record CopyVerdict(string Id, CopyStatus Status, string? CopyOf, double Similarity, string? Wire, string? Family, string Group, string? Explanation);

/// <summary>Copy groups, families and a verdict for every report.</summary>
public sealed class CopyAnalysis(ImmutableDictionary<string, CopyVerdict> verdicts)
{
    public ImmutableDictionary<string, CopyVerdict> Verdicts { get; } = verdicts;

    public CopyVerdict? For(string id) => Verdicts.GetValueOrDefault(id);

    /// <summary>The copy group of a report: reports of one group are one carrier, not several.</summary>
    public string GroupOf(string id) => Verdicts.TryGetValue(id, out var v) ? v.Group : id;
}

/// <summary>Thresholds of <see cref="CopyDetector"/>.</summary>
/// <param name="CopySimilarity">Shingle Jaccard from which a report is a copy.</param>
/// <param name="CopyContainment">Share of the shorter text found in the longer from which a cut version is a copy.</param>
/// <param name="RewriteSimilarity">Shingle Jaccard from which two reports that name one wire agency share its dispatch.</param>
/// <param name="TranslationOverlap">Share of the smaller set of names and numbers that a translation shares with its original.</param>
/// <param name="TranslationMinimumShared">Fewest names and numbers a translation must share.</param>
/// <param name="RewriteWithinDays">Most days between a wire dispatch and a rewrite of it (boilerplate shared across months is not a rewrite).</param>
/// <param name="RewriteFactsShared">Share of the names and numbers of the report with fewer that a rewrite and its dispatch must have in common.</param>
/// <param name="CopyFactsShared">Share of the names and numbers of the report with fewer that a copy and its original must have in common.</param>
/// <param name="BucketScan">Reports looked at per LSH bucket (the most recent) and, four times as many, per name in the translation index (the earliest): bounds the cost of a bucket every report falls into.</param>
public sealed record CopyDetectorOptions(
    double CopySimilarity = 0.6,
    double CopyContainment = 0.8,
    double RewriteSimilarity = 0.12,
    double TranslationOverlap = 0.6,
    int TranslationMinimumShared = 6,
    int BucketScan = 8,
    int RewriteWithinDays = 7,
    double RewriteFactsShared = 0.5,
    double CopyFactsShared = 0.8);

/// <summary>
/// Finds copies, rewrites of wire dispatches and translations among reports in time linear in
/// their number: every report is sketched once (<see cref="MinHashSignature"/>), its sketch is
/// cut into bands of two bins, and only reports falling into one of its band buckets
/// (locality-sensitive hashing) are compared with it; there is no all-pairs loop. Reports are
/// visited in publication order (undated last, ties by id), so a copy's original is always the
/// earliest published report of its group, and the result does not depend on input order.
/// Translations are found through the names and numbers reports share
/// (<see cref="CrossLanguageFingerprint"/>), looked up in an inverted index.
/// </summary>
public sealed class CopyDetector(PublisherFamilies families, WireAgencyTable agencies, CopyDetectorOptions? options = null)
{
    private const int Rows = 2;
    private const int MaxFactChecks = 4;
    private const int Bands = MinHashSignature.Size / Rows;

    private readonly CopyDetectorOptions _options = options ?? new CopyDetectorOptions();

    public CopyDetector() : this(PublisherFamilies.Default, WireAgencyTable.Default) { }

    public CopyAnalysis Detect(IReadOnlyList<CopyInput> reports, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var unique = reports.GroupBy(r => r.Id, StringComparer.Ordinal).Select(g => g.First()).ToList();
        var order = unique
            .OrderBy(r => r.Published ?? DateOnly.MaxValue)
            .ThenBy(r => r.Id, StringComparer.Ordinal).ToArray();
        int n = order.Length;
        var signatures = new MinHashSignature[n];
        var anchorSets = new HashSet<ulong>[n];
        var anchors = new ulong[n][];
        Parallel.For(0, n, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            signatures[i] = MinHashSignature.Of(order[i].Text);
            anchorSets[i] = CrossLanguageFingerprint.Of(order[i].Text);
            anchors[i] = [.. anchorSets[i].Order()];
        });
        var wires = new string[n][];
        for (int i = 0; i < n; i++) wires[i] = WireRelays(order[i].Relays);

        var heads = new Dictionary<ulong, int>(n * 4);
        var next = new int[n * Bands];
        var anchorPostings = new Dictionary<ulong, List<int>>();
        var seen = new int[n];
        var root = new int[n];
        var status = new CopyStatus[n];
        var similarity = new double[n];
        var wireOf = new string?[n];
        var explanation = new string?[n];
        var shared = new Dictionary<int, int>();
        var candidates = new List<(int Q, double Similarity, double Score)>();

        for (int p = 0; p < n; p++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            root[p] = p;
            var signature = signatures[p];
            int bestCopy = -1, bestRewrite = -1;
            double bestCopyScore = 0, bestRewriteScore = 0, bestCopySimilarity = 0;
            string? rewriteWire = null;
            if (!signature.IsEmpty)
            {
                candidates.Clear();
                for (int b = 0; b < Bands; b++)
                {
                    if (!heads.TryGetValue(BandKey(signature, b), out int q)) continue;
                    for (int scanned = 0; q >= 0 && scanned < _options.BucketScan; scanned++, q = next[q * Bands + b])
                    {
                        if (seen[q] == p + 1) continue;
                        seen[q] = p + 1;
                        double s = signature.Similarity(signatures[q], _options.RewriteSimilarity);
                        if (s < _options.RewriteSimilarity) continue;
                        double containment = signature.Containment(signatures[q], s);
                        bool looksCopied = s >= _options.CopySimilarity || (containment >= _options.CopyContainment && s >= _options.CopySimilarity / 2);
                        candidates.Add((q, s, looksCopied ? Math.Max(s, containment) : 0));
                    }
                }
                // The facts check costs more than a sketch comparison: only the closest few are checked.
                candidates.Sort((x, y) => y.Score != x.Score ? y.Score.CompareTo(x.Score) : y.Similarity != x.Similarity ? y.Similarity.CompareTo(x.Similarity) : x.Q.CompareTo(y.Q));
                int checks = 0;
                foreach (var (q, s, score) in candidates)
                {
                    if (score <= 0 || checks++ >= MaxFactChecks) break;
                    if (!SharesFacts(anchors[p], anchors[q], _options.CopyFactsShared)) continue;
                    (bestCopy, bestCopyScore, bestCopySimilarity) = (q, score, s);
                    break;
                }
                if (bestCopy < 0)
                {
                    candidates.Sort((x, y) => y.Similarity != x.Similarity ? y.Similarity.CompareTo(x.Similarity) : x.Q.CompareTo(y.Q));
                    checks = 0;
                    foreach (var (q, s, _) in candidates)
                    {
                        if (wires[p].Length == 0 || checks >= MaxFactChecks) break;
                        if (!Near(order[p].Published, order[q].Published) || SharedWire(wires[p], wires[q]) is not { } wire) continue;
                        checks++;
                        if (!SharesFacts(anchors[p], anchors[q], _options.RewriteFactsShared)) continue;
                        (bestRewrite, bestRewriteScore, rewriteWire) = (q, s, wire);
                        break;
                    }
                }
                for (int b = 0; b < Bands; b++)
                {
                    var key = BandKey(signature, b);
                    next[p * Bands + b] = heads.TryGetValue(key, out int head) ? head : -1;
                    heads[key] = p;
                }
            }

            if (bestCopy >= 0)
            {
                root[p] = root[bestCopy];
                status[p] = CopyStatus.Copy;
                similarity[p] = bestCopySimilarity;
                explanation[p] = string.Create(CultureInfo.InvariantCulture,
                    $"Near-duplicate of {order[bestCopy].Id}: about {bestCopySimilarity:P0} of their {MinHashSignature.ShingleWords}-word sequences are shared (MinHash estimate, {bestCopyScore:P0} of the shorter text).");
            }
            else if (bestRewrite >= 0)
            {
                root[p] = root[bestRewrite];
                status[p] = CopyStatus.Rewrite;
                similarity[p] = bestRewriteScore;
                wireOf[p] = rewriteWire;
                explanation[p] = string.Create(CultureInfo.InvariantCulture,
                    $"Rewrite of the {rewriteWire} dispatch also carried by {order[bestRewrite].Id}: both name {rewriteWire} and about {bestRewriteScore:P0} of their {MinHashSignature.ShingleWords}-word sequences are shared.");
            }
            else if (FindTranslation(p, order, anchorSets, anchorPostings, shared) is { } translation)
            {
                root[p] = root[translation.Of];
                status[p] = CopyStatus.Translation;
                similarity[p] = translation.Overlap;
                explanation[p] = string.Create(CultureInfo.InvariantCulture,
                    $"Translation of {order[translation.Of].Id} ({order[translation.Of].Language} -> {order[p].Language}): {translation.Shared} names and numbers in common, {translation.Overlap:P0} of the smaller set.");
            }
            Index(p, anchorSets[p], anchorPostings);
        }

        return new CopyAnalysis(Verdicts(order, root, status, similarity, wireOf, explanation));
    }

    private ImmutableDictionary<string, CopyVerdict> Verdicts(CopyInput[] order, int[] root, CopyStatus[] status, double[] similarity, string?[] wireOf, string?[] explanation)
    {
        int n = order.Length;
        var family = new string?[n];
        var syndicatedGroups = new Dictionary<int, string>();
        var hasCopies = new bool[n];
        for (int q = 0; q < n; q++)
            if (status[q] == CopyStatus.Copy) hasCopies[root[q]] = true;
        for (int p = 0; p < n; p++)
        {
            var found = families.OfReport(order[p].Outlet, order[p].Url, order[p].Relays);
            family[p] = found?.Name;
            // A copy group that came through a feed: every copy in it was syndicated by that feed.
            if (found is { Kind: FamilyKind.Syndication } && (status[p] == CopyStatus.Copy || hasCopies[p]))
                syndicatedGroups.TryAdd(root[p], found.Name);
        }
        var builder = ImmutableDictionary.CreateBuilder<string, CopyVerdict>(StringComparer.Ordinal);
        for (int p = 0; p < n; p++)
        {
            if (family[p] is null && (status[p] == CopyStatus.Copy || hasCopies[p]) && syndicatedGroups.TryGetValue(root[p], out var feed))
                family[p] = feed;
            builder[order[p].Id] = new CopyVerdict(order[p].Id, status[p], root[p] == p ? null : order[root[p]].Id,
                Math.Round(similarity[p], 3), wireOf[p], family[p], order[root[p]].Id, explanation[p]);
        }
        return builder.ToImmutable();
    }

    private (int Of, int Shared, double Overlap)? FindTranslation(int p, CopyInput[] order, HashSet<ulong>[] anchors, Dictionary<ulong, List<int>> postings, Dictionary<int, int> shared)
    {
        var mine = anchors[p];
        if (mine.Count < _options.TranslationMinimumShared || order[p].Language is "und" or "") return null;
        shared.Clear();
        foreach (var anchor in mine)
        {
            if (!postings.TryGetValue(anchor, out var list) || list.Count > _options.BucketScan * 4) continue;
            foreach (int q in list)
            {
                if (order[q].Language == order[p].Language || order[q].Language is "und" or "") continue;
                shared[q] = shared.GetValueOrDefault(q) + 1;
            }
        }
        (int Of, int Shared, double Overlap)? best = null;
        foreach (var (q, count) in shared)
        {
            if (count < _options.TranslationMinimumShared) continue;
            double overlap = count / (double)Math.Min(mine.Count, anchors[q].Count);
            if (overlap < _options.TranslationOverlap) continue;
            if (best is null || overlap > best.Value.Overlap || (overlap == best.Value.Overlap && q < best.Value.Of)) best = (q, count, overlap);
        }
        return best;
    }

    private void Index(int p, HashSet<ulong> mine, Dictionary<ulong, List<int>> postings)
    {
        foreach (var anchor in mine)
        {
            if (!postings.TryGetValue(anchor, out var list)) postings[anchor] = list = [];
            // A name every report has says nothing; past the cap the posting is ignored anyway.
            if (list.Count <= _options.BucketScan * 4) list.Add(p);
        }
    }

    private static ulong BandKey(MinHashSignature signature, int band)
    {
        ulong key = (ulong)band * 0x9E3779B97F4A7C15UL;
        for (int r = 0; r < Rows; r++) key = MatchingText.Mix(key ^ signature.Bins[band * Rows + r]);
        return key;
    }

    /// <summary>
    /// The wire agencies among a report's relays, by canonical name: those of the agency table,
    /// and names that say they are an agency ("Meridian Press Agency", "Continental Wire"). An
    /// outlet named as a relay is not a wire: outlets do not put out dispatches for others to rewrite.
    /// </summary>
    private string[] WireRelays(IReadOnlyList<string> relays)
    {
        var names = new List<string>(relays.Count);
        foreach (var relay in relays)
        {
            if (relay == RelayFinder.UnnamedAgencies) continue;
            string? name = agencies.FindExact(relay)?.Name ?? (RelayFinder.NamesAnAgency(relay) ? relay : null);
            if (name is not null && !names.Contains(name, StringComparer.OrdinalIgnoreCase)) names.Add(name);
        }
        return [.. names];
    }

    /// <summary>
    /// A copy or a rewrite tells the same facts: most of the names, and most of the numbers, of
    /// the report with fewer are in the other. Two reports of different events built from the
    /// same stock phrases (one newsroom's template, one town) differ in their figures.
    /// </summary>
    private bool SharesFacts(ulong[] a, ulong[] b, double share)
    {
        // Both arrays are sorted; numbers have the low bit set (see CrossLanguageFingerprint).
        int namesA = 0, namesB = 0, sharedNames = 0, sharedNumbers = 0;
        foreach (var x in a) if ((x & 1) == 0) namesA++;
        foreach (var x in b) if ((x & 1) == 0) namesB++;
        int numbersA = a.Length - namesA, numbersB = b.Length - namesB;
        for (int i = 0, j = 0; i < a.Length && j < b.Length;)
        {
            if (a[i] < b[j]) i++;
            else if (a[i] > b[j]) j++;
            else
            {
                if ((a[i] & 1) == 0) sharedNames++; else sharedNumbers++;
                i++;
                j++;
            }
        }
        // Nothing to compare (a text without names or numbers): the shingles alone decide.
        if (a.Length == 0 && b.Length == 0) return true;
        return Agree(sharedNames, Math.Min(namesA, namesB), share) && Agree(sharedNumbers, Math.Min(numbersA, numbersB), share);
    }

    /// <summary>
    /// Most of the smaller side is shared, or all but one of four or more (a copy may add an
    /// edition number or a correction); a side with none to give is no evidence either way.
    /// </summary>
    private static bool Agree(int shared, int smaller, double share) =>
        smaller == 0 || shared >= smaller * share || (smaller >= 4 && shared >= smaller - 1);

    /// <summary>A rewrite follows its dispatch within days; two undated reports, or one, cannot be ruled out.</summary>
    private bool Near(DateOnly? a, DateOnly? b) =>
        a is not { } x || b is not { } y || Math.Abs(x.DayNumber - y.DayNumber) <= _options.RewriteWithinDays;

    private static string? SharedWire(string[] a, string[] b)
    {
        foreach (var name in a)
            if (Array.Exists(b, other => string.Equals(other, name, StringComparison.OrdinalIgnoreCase))) return name;
        return null;
    }
}
