using System.Collections.Frozen;
using System.Reflection;

namespace Crosscheck.Provenance;

/// <summary>One agency and the whole-word name forms that refer to it.</summary>
public sealed record WireAgency(string Name, IReadOnlyList<string> Aliases, string? Country);

/// <summary>
/// The wire agencies a report may name as its sources, kept as data in
/// models/provenance/wire_agencies.tsv (embedded in the library). Aliases match case-sensitively
/// as whole words: "AP" is the agency, "ap" is not.
/// </summary>
public sealed class WireAgencyTable
{
    private const string ResourceSuffix = "provenance.wire_agencies.tsv";

    private static readonly Lazy<WireAgencyTable> DefaultTable = new(LoadEmbedded);

    /// <summary>Aliases by their first word, longest alias first, for a single pass over the text's words.</summary>
    private readonly FrozenDictionary<string, (string[] Words, WireAgency Agency)[]> byFirstWord;

    /// <summary>Characters that begin some alias: most words of a text are rejected on this test alone.</summary>
    private readonly HashSet<char> firstCharacters = [];

    public IReadOnlyList<WireAgency> Agencies { get; }

    public WireAgencyTable(IReadOnlyList<WireAgency> agencies)
    {
        Agencies = agencies;
        var index = new Dictionary<string, List<(string[] Words, WireAgency Agency)>>(StringComparer.Ordinal);
        foreach (var agency in agencies)
        {
            foreach (var alias in agency.Aliases)
            {
                var words = alias.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (words.Length == 0) continue;
                firstCharacters.Add(words[0][0]);
                if (!index.TryGetValue(words[0], out var list)) index[words[0]] = list = [];
                list.Add((words, agency));
            }
        }
        byFirstWord = index.ToFrozenDictionary(
            pair => pair.Key,
            pair => pair.Value.OrderByDescending(entry => entry.Words.Length).ToArray(),
            StringComparer.Ordinal);
    }

    public static WireAgencyTable Default => DefaultTable.Value;

    /// <summary>Parses the TSV format: name, |-separated aliases, country; '#' starts a comment line.</summary>
    public static WireAgencyTable Parse(TextReader reader)
    {
        var agencies = new List<WireAgency>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var columns = line.Split('\t');
            if (columns.Length < 2 || columns[0].Trim().Length == 0) continue;
            var aliases = columns[1].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            agencies.Add(new WireAgency(columns[0].Trim(), aliases, columns.Length > 2 && columns[2].Trim().Length > 0 ? columns[2].Trim() : null));
        }
        return new WireAgencyTable(agencies);
    }

    /// <summary>The agency one of whose aliases is exactly <paramref name="name"/>, if any.</summary>
    public WireAgency? FindExact(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || !byFirstWord.TryGetValue(words[0], out var candidates)) return null;
        foreach (var (aliasWords, agency) in candidates)
            if (aliasWords.AsSpan().SequenceEqual(words)) return agency;
        return null;
    }

    /// <summary>
    /// The agency whose alias starts at word <paramref name="index"/> of <paramref name="words"/>
    /// (spans into <paramref name="text"/>; longest alias wins), with the number of words it spans.
    /// </summary>
    internal (WireAgency Agency, int WordCount)? MatchAt(string text, IReadOnlyList<Span> words, int index)
    {
        if (!firstCharacters.Contains(text[words[index].Start])) return null;
        var lookup = byFirstWord.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(words[index].SliceOf(text), out var candidates)) return null;
        foreach (var (aliasWords, agency) in candidates)
        {
            if (index + aliasWords.Length > words.Count) continue;
            bool all = true;
            for (int k = 1; k < aliasWords.Length && all; k++)
                all = words[index + k].SliceOf(text).SequenceEqual(aliasWords[k]) && words[index + k].Start - words[index + k - 1].End == 1;
            if (all) return (agency, aliasWords.Length);
        }
        return null;
    }

    private static WireAgencyTable LoadEmbedded() => LoadResource(ResourceSuffix);

    /// <summary>Broadcasters and outlets whose names carry no media word (models/provenance/media_outlets.tsv), in the same format.</summary>
    public static WireAgencyTable MediaOutlets => MediaOutletTable.Value;

    private static readonly Lazy<WireAgencyTable> MediaOutletTable = new(() => LoadResource("provenance.media_outlets.tsv"));

    private static WireAgencyTable LoadResource(string suffix)
    {
        var assembly = typeof(WireAgencyTable).Assembly;
        string? name = Array.Find(assembly.GetManifestResourceNames(), n => n.EndsWith(suffix, StringComparison.OrdinalIgnoreCase));
        if (name is null) throw new InvalidOperationException($"embedded resource *{suffix} is missing from {assembly.GetName().Name}");
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return Parse(reader);
    }
}
