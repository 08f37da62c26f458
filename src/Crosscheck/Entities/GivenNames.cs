namespace Crosscheck.Entities;

/// <summary>
/// Short forms of English given names ("Bill" for William, "Katie" for Katherine), read from
/// models/ner/given-names.tsv, as name keys: <see cref="FullForm"/> takes a word already folded by
/// <see cref="NameKeys.Transliteration"/> and gives the folded full name, or the word itself.
/// </summary>
public sealed class GivenNames
{
    private readonly Dictionary<string, string> _fullByShort;

    private GivenNames(Dictionary<string, string> fullByShort) => _fullByShort = fullByShort;

    private static readonly Lazy<GivenNames> DefaultTable = new(LoadEmbedded);

    /// <summary>The table shipped in the library.</summary>
    public static GivenNames Default => DefaultTable.Value;

    /// <summary>The folded full name a folded short form stands for ("bil" -> "viliam"), else the word.</summary>
    public string FullForm(string foldedWord) => _fullByShort.GetValueOrDefault(foldedWord, foldedWord);

    /// <summary>Reads "full TAB short, short" lines; '#' starts a comment line.</summary>
    public static GivenNames Parse(IEnumerable<string> lines)
    {
        var fullByShort = new Dictionary<string, string>(StringComparer.Ordinal);
        var ambiguous = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var columns = line.Split('\t');
            if (columns.Length != 2) throw new FormatException($"given-names table: expected 'full<TAB>short, short', got '{line}'");
            var full = Key(columns[0]);
            foreach (var shortForm in columns[1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var key = Key(shortForm);
                if (key == full) continue;
                // A short form listed under two full names says nothing about either.
                if (fullByShort.TryGetValue(key, out var other) && other != full) ambiguous.Add(key);
                fullByShort[key] = full;
            }
        }
        foreach (var key in ambiguous) fullByShort.Remove(key);
        return new GivenNames(fullByShort);
    }

    private static string Key(string name) => NameKeys.Transliteration(NameKeys.Normalize(name));

    private static GivenNames LoadEmbedded()
    {
        var assembly = typeof(GivenNames).Assembly;
        var name = assembly.GetManifestResourceNames().FirstOrDefault(n => n.EndsWith("given-names.tsv", StringComparison.Ordinal));
        using var stream = (name is null ? null : assembly.GetManifestResourceStream(name))
            ?? throw new InvalidOperationException("The given-name table resource models/ner/given-names.tsv is not embedded.");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line) lines.Add(line);
        return Parse(lines);
    }
}
