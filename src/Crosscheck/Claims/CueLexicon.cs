using System.Collections.Frozen;

namespace Crosscheck.Claims;

/// <summary>How a cue word takes its source and content.</summary>
public enum CueClass
{
    /// <summary>"X said (that) C", "C, X said".</summary>
    Verb,
    /// <summary>Like <see cref="Verb"/> with an addressee between cue and content: "X told reporters (that) C".</summary>
    Tell,
    /// <summary>A reporting noun: "X's claim that C", "a statement that C".</summary>
    Noun,
    /// <summary>Like <see cref="Verb"/>, but only before a that-clause or a quote ("maintained that", not "maintained a lead"), or closing the report ("C, X maintained.").</summary>
    VerbThat,
    /// <summary>
    /// Like <see cref="VerbThat"/>, and also before a clause without "that" opened by a subject pronoun ("agreed it was a mistake")
    /// or before an infinitive, which is a commitment ("agreed to pay"), not "agreed the terms" nor "agreed on a date".
    /// </summary>
    VerbClause,
    /// <summary>
    /// Like <see cref="Verb"/> for a verb of finding ("found", "shows"): "the audit found errors" and "polls show a tight
    /// race" report a finding, but after a personal pronoun a plain object is something found or shown ("he found the
    /// keys"), so there it is a cue only before a that-clause, a quote or a clause ("they found the door was open").
    /// </summary>
    VerbFinding,
    /// <summary>"according to X, C" and "C, according to X".</summary>
    Preposition,
}

/// <summary>One reading of a cue form; <paramref name="Learned"/> when it comes from the trained model, not the lexicon.</summary>
public sealed record CueEntry(string Form, string Lemma, CueClass Class, ClaimStatus Status, bool Learned = false);

/// <summary>
/// A hedge phrase: the status it sets and whether it judges earlier claims or its own sentence.
/// <paramref name="NeedsNegativeSubject"/>: the phrase hedges only after a negative subject
/// ("Neither claim could be verified"; "The claim could be verified" is no hedge).
/// </summary>
public sealed record HedgeEntry(string[] Words, ClaimStatus Status, bool ScopesBack, bool NeedsNegativeSubject = false);

/// <summary>
/// The cue and hedge lexicons (data in models/claims/*-en.tsv) plus the cue priors learned from
/// PolNeAR by <see cref="AttributionTrainer"/>. Lookups take a span of text: no per-token strings.
/// </summary>
public sealed class CueLexicon
{
    private readonly FrozenDictionary<string, CueEntry[]> _cues;
    private readonly FrozenDictionary<string, CuePrior> _priors;
    private readonly FrozenDictionary<string, HedgeEntry[]> _hedgesByFirstWord;
    private readonly FrozenDictionary<string, CuePrior> _familyPriors;

    public CueLexicon(IEnumerable<CueEntry> cues, IEnumerable<HedgeEntry> hedges, IReadOnlyDictionary<string, CuePrior> priors)
    {
        _cues = cues.GroupBy(c => c.Form.Split(' ')[0], StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(c => c.Form.Length).ToArray(), StringComparer.OrdinalIgnoreCase);
        _hedgesByFirstWord = hedges.GroupBy(h => h.Words[0], StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(h => h.Words.Length).ToArray(), StringComparer.OrdinalIgnoreCase);
        _priors = priors.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        CueLookup = _cues.GetAlternateLookup<ReadOnlySpan<char>>();
        PriorLookup = _priors.GetAlternateLookup<ReadOnlySpan<char>>();
        // One family per stem ("defended", "defends", "defending" -> "defend"), for forms too rare alone.
        _familyPriors = _priors
            .GroupBy(p => CueClassifier.Stem(p.Key).ToString(), StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(
                g => g.Key,
                g => new CuePrior(g.Sum(p => p.Value.Occurrences), g.Sum(p => p.Value.AsCue), g.Sum(p => p.Value.AsCueHead)),
                StringComparer.OrdinalIgnoreCase);
        FamilyPriorLookup = _familyPriors.GetAlternateLookup<ReadOnlySpan<char>>();
        HedgeLookup = _hedgesByFirstWord.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private static readonly Lazy<CueLexicon> EnglishLazy = new(LoadEnglish);

    /// <summary>The embedded English lexicon; loaded once, immutable, shared by all threads.</summary>
    public static CueLexicon English => EnglishLazy.Value;

    internal FrozenDictionary<string, CueEntry[]>.AlternateLookup<ReadOnlySpan<char>> CueLookup { get; }

    internal FrozenDictionary<string, CuePrior>.AlternateLookup<ReadOnlySpan<char>> PriorLookup { get; }

    /// <summary>The priors summed over the forms that share a stem (<see cref="CueClassifier.Stem"/>).</summary>
    internal FrozenDictionary<string, CuePrior>.AlternateLookup<ReadOnlySpan<char>> FamilyPriorLookup { get; }

    internal FrozenDictionary<string, HedgeEntry[]>.AlternateLookup<ReadOnlySpan<char>> HedgeLookup { get; }

    public int CueCount => _cues.Count;

    /// <summary>
    /// Lemma pairs that answer one question in opposite ways ("confirm"/"deny"): only such a pair, negated together
    /// ("neither confirmed nor denied"), is one undecided answer; "would not say or suggest" is two cues.
    /// </summary>
    public FrozenSet<(string, string)> OppositePairs { get; init; } = FrozenSet<(string, string)>.Empty;

    /// <summary>Whether two cue lemmas form an opposite pair, in either order.</summary>
    public bool AreOpposites(string lemma, string other) =>
        OppositePairs.Contains((lemma, other)) || OppositePairs.Contains((other, lemma));

    public static ClaimStatus ParseStatus(string text) => text.Trim().ToLowerInvariant() switch
    {
        "asserted" => ClaimStatus.Asserted,
        "claimed" => ClaimStatus.Claimed,
        "alleged" => ClaimStatus.Alleged,
        "denied" => ClaimStatus.Denied,
        "confirmed" => ClaimStatus.Confirmed,
        "unverified" => ClaimStatus.Unverified,
        "disputed" => ClaimStatus.Disputed,
        _ => throw new FormatException($"Unknown claim status '{text}'."),
    };

    private static CueClass ParseClass(string text) => text.Trim() switch
    {
        "verb" => CueClass.Verb,
        "verb-that" => CueClass.VerbThat,
        "verb-clause" => CueClass.VerbClause,
        "verb-finding" => CueClass.VerbFinding,
        "tell" => CueClass.Tell,
        "noun" => CueClass.Noun,
        "prep" => CueClass.Preposition,
        _ => throw new FormatException($"Unknown cue class '{text}'."),
    };

    /// <summary>The embedded cue and hedge lexicons with other priors and cue model (used while training and comparing them).</summary>
    public static CueLexicon WithPriors(IReadOnlyDictionary<string, CuePrior> priors, CueClassifier? classifier = null,
        int frequentCueHeadMinCount = AttributionExtractor.FrequentCueHeadMinCount, double frequentCueHeadMinShare = AttributionExtractor.FrequentCueHeadMinShare) =>
        new(English._cues.Values.SelectMany(e => e), English._hedgesByFirstWord.Values.SelectMany(h => h).Distinct(), priors)
        {
            Classifier = classifier,
            OppositePairs = English.OppositePairs,
            FrequentCueHeadMinCount = frequentCueHeadMinCount,
            FrequentCueHeadMinShare = frequentCueHeadMinShare,
        };

    /// <summary>The learned cue decision; null when no model is embedded (then the priors decide alone).</summary>
    public CueClassifier? Classifier { get; init; }

    /// <summary>A form heading a training cue this often (and in <see cref="FrequentCueHeadMinShare"/> of its occurrences) is asked without a reported complement.</summary>
    internal int FrequentCueHeadMinCount { get; init; } = AttributionExtractor.FrequentCueHeadMinCount;

    /// <summary>See <see cref="FrequentCueHeadMinCount"/>.</summary>
    internal double FrequentCueHeadMinShare { get; init; } = AttributionExtractor.FrequentCueHeadMinShare;

    /// <summary>The row tag in cues-en.tsv for an opposite pair of lemmas.</summary>
    private const string OppositeTag = "@opposite";

    private static CueLexicon LoadEnglish()
    {
        var rows = ClaimResources.ReadTsv("cues-en.tsv").ToList();
        var cues = rows.Where(r => !r[0].StartsWith('@'))
            .Select(r => new CueEntry(r[0], r[1], ParseClass(r[2]), ParseStatus(r[3])));
        var opposites = rows.Where(r => r[0] == OppositeTag)
            .Select(r => (r[1].Trim().ToLowerInvariant(), r[2].Trim().ToLowerInvariant())).ToFrozenSet();
        var hedges = ClaimResources.ReadTsv("hedges-en.tsv")
            .Select(r => new HedgeEntry(r[0].Split(' '), ParseStatus(r[1]), r[2].Trim() is "back" or "back-negated", r[2].Trim() == "back-negated"));
        var priors = ClaimResources.Exists(AttributionTrainer.PriorsFileName)
            ? CuePrior.ReadAll(ClaimResources.ReadTsv(AttributionTrainer.PriorsFileName))
            : new Dictionary<string, CuePrior>();
        return new CueLexicon(cues, hedges, priors) { Classifier = CueClassifier.English, OppositePairs = opposites };
    }
}

/// <summary>How often a word form was a cue in the training annotations.</summary>
/// <param name="Occurrences">Times the form occurs in the training texts.</param>
/// <param name="AsCue">Times it lies inside an annotated cue.</param>
/// <param name="AsCueHead">Times it is the first word of a cue.</param>
public readonly record struct CuePrior(int Occurrences, int AsCue, int AsCueHead)
{
    /// <summary>Smoothed probability that an occurrence is (part of) a cue.</summary>
    public double Probability => (AsCue + 0.5) / (Occurrences + 1.0);

    internal static Dictionary<string, CuePrior> ReadAll(IEnumerable<string[]> rows)
    {
        var result = new Dictionary<string, CuePrior>(StringComparer.OrdinalIgnoreCase);
        foreach (var r in rows)
        {
            if (r.Length < 4) continue;
            result[r[0]] = new CuePrior(int.Parse(r[1], System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(r[2], System.Globalization.CultureInfo.InvariantCulture), int.Parse(r[3], System.Globalization.CultureInfo.InvariantCulture));
        }
        return result;
    }
}
