using System.Collections.Frozen;

namespace Crosscheck.Entities;

/// <summary>
/// Canonical entities with aliases no spelling rule can join (HUR = GUR = Main Intelligence
/// Directorate; DPRK = North Korea), read from models/ner/aliases.tsv. Keys are transliteration
/// keys, so variants of an alias need no rows of their own.
/// </summary>
public sealed class AliasTable
{
    private readonly FrozenDictionary<string, Entry[]> _byKey;

    /// <param name="Restriction">When set, the alias applies only to an entity recognised with this type.</param>
    private readonly record struct Entry(int Canonical, EntityType? Restriction);

    public sealed record Canonical(string Name, EntityType Type);

    private AliasTable(IReadOnlyList<Canonical> canonicals, Dictionary<string, List<Entry>> byKey)
    {
        Canonicals = canonicals;
        _byKey = byKey.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
    }

    public IReadOnlyList<Canonical> Canonicals { get; }

    private static readonly Lazy<AliasTable> DefaultTable = new(LoadEmbedded);

    /// <summary>The table shipped in the library (models/ner/aliases.tsv).</summary>
    public static AliasTable Default => DefaultTable.Value;

    public static AliasTable Empty { get; } = Parse([]);

    private static AliasTable LoadEmbedded()
    {
        var assembly = typeof(AliasTable).Assembly;
        var name = assembly.GetManifestResourceNames().FirstOrDefault(n => n.EndsWith("aliases.tsv", StringComparison.Ordinal) && n.Contains("ner", StringComparison.Ordinal));
        using var stream = (name is null ? null : assembly.GetManifestResourceStream(name))
            ?? throw new InvalidOperationException("The alias table resource models/ner/aliases.tsv is not embedded.");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line) lines.Add(line);
        return Parse(lines);
    }

    /// <summary>Reads "canonical TAB type TAB alias; alias@Type; ..." lines; '#' starts a comment line.</summary>
    /// <exception cref="FormatException">A line has fewer than three columns or an unknown type.</exception>
    public static AliasTable Parse(IEnumerable<string> lines)
    {
        var canonicals = new List<Canonical>();
        var byKey = new Dictionary<string, List<Entry>>(StringComparer.Ordinal);
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            var columns = line.Split('\t');
            if (columns.Length < 3 || !Enum.TryParse<EntityType>(columns[1].Trim(), out var type))
            {
                throw new FormatException($"Alias table line needs 'name<TAB>type<TAB>aliases' with a known type: '{line}'.");
            }
            int index = canonicals.Count;
            canonicals.Add(new Canonical(columns[0].Trim(), type));
            Add(byKey, columns[0].Trim(), new Entry(index, null));
            foreach (var part in columns[2].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                int at = part.LastIndexOf('@');
                if (at > 0 && Enum.TryParse<EntityType>(part[(at + 1)..], out var restriction))
                {
                    Add(byKey, part[..at], new Entry(index, restriction));
                }
                else
                {
                    Add(byKey, part, new Entry(index, null));
                }
            }
        }
        return new AliasTable(canonicals, byKey);
    }

    private static void Add(Dictionary<string, List<Entry>> byKey, string alias, Entry entry)
    {
        var key = Key(alias);
        if (key.Length == 0) return;
        if (!byKey.TryGetValue(key, out var list)) byKey[key] = list = [];
        list.Add(entry);
    }

    internal static string Key(string name) => NameKeys.Transliteration(NameKeys.Normalize(name));

    /// <summary>The canonical entity a name of an entity of <paramref name="type"/> stands for, or -1.</summary>
    /// <param name="sameTypeOnly">Only canonicals of exactly this type (else places and organisations stand for each other).</param>
    /// <remarks>A name in Cyrillic or ISO 9 that misses is looked up again under its plain Latin spelling.</remarks>
    public int Lookup(string name, EntityType type, bool sameTypeOnly = false)
    {
        int found = LookupKey(Key(name), type, sameTypeOnly);
        if (found >= 0) return found;
        var latin = Crosscheck.Language.Transliteration.Default.LatinForMatching(name);
        return ReferenceEquals(latin, name) ? -1 : LookupKey(NameKeys.CrossScriptKey(latin), type, sameTypeOnly);
    }

    /// <summary>
    /// Whether the table lists the name as standing for another entity only when it is recognised as
    /// <paramref name="type"/>: "Moscow" read as an organisation is Russia, the state, not the city.
    /// </summary>
    public bool StandsForAnotherAs(string name, EntityType type)
    {
        if (!_byKey.TryGetValue(Key(name), out var entries)) return false;
        foreach (var entry in entries) if (entry.Restriction == type) return true;
        return false;
    }

    internal int LookupKey(string key, EntityType type, bool sameTypeOnly = false)
    {
        if (!_byKey.TryGetValue(key, out var entries)) return -1;
        int unrestricted = -1;
        foreach (var entry in entries)
        {
            if (entry.Restriction == type) return entry.Canonical;
            // An unrestricted alias applies to its own type's family (a place name tagged as an organisation still counts).
            if (entry.Restriction is null && unrestricted < 0 && (sameTypeOnly ? Canonicals[entry.Canonical].Type == type : Compatible(Canonicals[entry.Canonical].Type, type))) unrestricted = entry.Canonical;
        }
        return unrestricted;
    }

    private static bool Compatible(EntityType canonical, EntityType recognised) =>
        canonical == recognised
        || (canonical is EntityType.Place or EntityType.Organization or EntityType.Other
            && recognised is EntityType.Place or EntityType.Organization or EntityType.Other);
}
