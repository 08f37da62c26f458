using System.Collections.Immutable;

namespace Crosscheck.Claims;

/// <summary>How a relay cue names the next link of a chain.</summary>
public enum RelayCueRole
{
    /// <summary>A verb form whose object is the next link: "citing Y", "which quoted Y".</summary>
    Verb,
    /// <summary>A prepositional phrase naming the next link: "according to Y", "со ссылкой на Y".</summary>
    Phrase,
}

/// <summary>One relay cue: its words (lower case) and role.</summary>
public sealed record RelayCue(string Phrase, string Language, RelayCueRole Role)
{
    public ImmutableArray<string> Words { get; } = [.. Phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries)];

    /// <summary>
    /// A past-tense verb ("cited", "quoted") relays only when it opens a relative clause or an aside (", which cited Y",
    /// ", quoted by Y"); bare, it is any subject's verb ("the ministry cited rising costs").
    /// </summary>
    public bool NeedsClauseOpener => Role == RelayCueRole.Verb && Words.Length == 1 && Phrase.EndsWith("ed", StringComparison.Ordinal);
}

/// <summary>
/// The relay cues of models/claims/relay-cues.tsv: one list, kept as data, for both chain readers
/// (<see cref="CitationChains"/> over attributions, <see cref="Provenance.RelayChainFinder"/> over a
/// report's sentences), so a cue taught to one is known to the other.
/// </summary>
public sealed class RelayCues
{
    public const string FileName = "relay-cues.tsv";

    private readonly Dictionary<string, RelayCue[]>.AlternateLookup<ReadOnlySpan<char>> _byFirstWord;

    public RelayCues(IEnumerable<RelayCue> cues)
    {
        All = [.. cues];
        // Longest first, so "cited by" wins over "cited" at the same word.
        _byFirstWord = All.GroupBy(c => c.Words[0], StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(c => c.Words.Length).ToArray(), StringComparer.OrdinalIgnoreCase)
            .GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public ImmutableArray<RelayCue> All { get; }

    private static readonly Lazy<RelayCues> DefaultLazy = new(() => new RelayCues(ClaimResources.ReadTsv(FileName).Select(Parse)));

    /// <summary>The embedded list; loaded once, immutable.</summary>
    public static RelayCues Default => DefaultLazy.Value;

    /// <summary>The phrases of every cue (both roles), for a scan over raw text.</summary>
    public ImmutableArray<string> Phrases => [.. All.Select(c => c.Phrase)];

    private static RelayCue Parse(string[] row)
    {
        if (row.Length < 3) throw new FormatException($"models/claims/{FileName}: a row needs phrase, language and role: '{string.Join('\t', row)}'.");
        var role = row[2].Trim() switch
        {
            "verb" => RelayCueRole.Verb,
            "phrase" => RelayCueRole.Phrase,
            var other => throw new FormatException($"models/claims/{FileName}: unknown role '{other}' for '{row[0]}'."),
        };
        return new RelayCue(row[0].Trim().ToLowerInvariant(), row[1].Trim(), role);
    }

    /// <summary>
    /// The last token of a cue of <paramref name="role"/> that starts at token <paramref name="t"/>, or -1.
    /// </summary>
    internal int MatchAt(TokenView v, int t, RelayCueRole role)
    {
        if (t < 0 || t >= v.Count || !v.IsWord(t)) return -1;
        if (!_byFirstWord.TryGetValue(v.Word(t), out var cues)) return -1;
        foreach (var cue in cues)
        {
            if (cue.Role != role) continue;
            int k = t;
            bool match = true;
            for (int w = 1; w < cue.Words.Length && match; w++)
            {
                k++;
                match = k < v.Count && v.Tokens[k].Sentence == v.Tokens[t].Sentence && v.Is(k, cue.Words[w]);
            }
            if (match) return k;
        }
        return -1;
    }
}
