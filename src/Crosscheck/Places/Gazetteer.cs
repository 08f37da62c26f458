
namespace Crosscheck.Places;

/// <summary>What a gazetteer entry is; the order is from coarse to fine.</summary>
public enum PlaceKind : byte { Area, Country, Region, District, Place }

/// <summary>One gazetteer entry, read from the gazetteer's arrays (a cheap value, made on access).</summary>
public readonly record struct GazetteerEntry(
    int Index, PlaceKind Kind, long GeonamesId, string Name, double Latitude, double Longitude,
    string CountryCode, string? Admin1Code, string FeatureCode, long Population);

/// <summary>
/// The place table (countries, first- and second-level regions, populated places, wider areas)
/// in flat arrays, with an index from folded name keys (see <see cref="PlaceNames"/>) to entries.
/// Immutable after loading and safe to share between threads. <see cref="LoadDefault"/> reads the
/// table embedded in the library once per process.
/// </summary>
public sealed class Gazetteer
{
    /// <summary>Key prefix for an abbreviation valid only after "Place, " ("Macon, Ga.").</summary>
    public const char AfterCommaPrefix = '^';

    /// <summary>Key prefix for adjectives and demonyms ("Russian" for Russia).</summary>
    public const char AdjectivePrefix = '~';

    /// <summary>Key prefix for region names without their designator ("kursk" for Kursk Oblast).</summary>
    public const char RegionStemPrefix = '%';

    private static readonly Lazy<Gazetteer> Default = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly PlaceKind[] _kinds;
    private readonly int[] _ids;
    private readonly string[] _names;
    private readonly float[] _latitudes;
    private readonly float[] _longitudes;
    private readonly ushort[] _countryIndex;
    private readonly string[] _countryCodes;
    private readonly int[] _admin1Index;
    private readonly string[] _admin1Codes;
    private readonly byte[] _featureIndex;
    private readonly string[] _featureCodes;
    private readonly int[] _populations;
    private readonly int[] _regionOf;
    private readonly int[] _countryOf;
    private readonly int[] _keyOffsets;
    private readonly char[] _keyChars;
    private readonly int[] _slots; // open addressing: key id + 1, 0 when empty
    private readonly int[] _postingStart;
    private readonly int[] _postings;

    private Gazetteer(GazetteerFormat.Data data)
    {
        _kinds = data.Kinds;
        _ids = data.Ids;
        _latitudes = data.Latitudes;
        _longitudes = data.Longitudes;
        _populations = data.Populations;
        _countryIndex = data.CountryIndex;
        _countryCodes = data.Countries;
        _admin1Index = data.Admin1Index;
        _admin1Codes = data.Admin1Codes;
        _featureIndex = data.FeatureCodeIndex;
        _featureCodes = data.FeatureCodes;
        _keyOffsets = data.KeyOffsets;
        _keyChars = data.KeyChars;
        _postingStart = data.PostingOffsets;
        _postings = data.Postings;
        int n = _kinds.Length;
        _names = new string[n];
        var chars = data.NameChars.AsSpan();
        for (int i = 0; i < n; i++) _names[i] = new string(chars[data.NameOffsets[i]..data.NameOffsets[i + 1]]);

        _regionOf = new int[n];
        _countryOf = new int[n];
        var countryEntry = new int[_countryCodes.Length];
        Array.Fill(countryEntry, -1);
        var regionEntry = new Dictionary<long, int>();
        for (int i = 0; i < n; i++)
        {
            if (_kinds[i] == PlaceKind.Country && countryEntry[_countryIndex[i]] < 0) countryEntry[_countryIndex[i]] = i;
            if (_kinds[i] == PlaceKind.Region) regionEntry.TryAdd(RegionKey(i), i);
        }
        for (int i = 0; i < n; i++)
        {
            _countryOf[i] = _countryCodes[_countryIndex[i]].Length > 0 ? countryEntry[_countryIndex[i]] : -1;
            _regionOf[i] = _admin1Codes[_admin1Index[i]].Length > 0 && regionEntry.TryGetValue(RegionKey(i), out var r) ? r : -1;
        }

        int keys = _keyOffsets.Length - 1;
        _slots = new int[(int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, keys * 2))];
        int mask = _slots.Length - 1;
        for (int k = 0; k < keys; k++)
        {
            int slot = (int)Hash(_keyChars.AsSpan(_keyOffsets[k], _keyOffsets[k + 1] - _keyOffsets[k])) & mask;
            while (_slots[slot] != 0) slot = (slot + 1) & mask;
            _slots[slot] = k + 1;
        }
    }

    private long RegionKey(int i) => ((long)_countryIndex[i] << 32) | (uint)_admin1Index[i];

    // FNV-1a: stable across processes, unlike string.GetHashCode, and cheap on short keys.
    private static uint Hash(ReadOnlySpan<char> key)
    {
        uint hash = 2166136261;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 16777619;
        }
        return hash;
    }

    public int Count => _kinds.Length;

    public int KeyCount => _keyOffsets.Length - 1;

    /// <summary>Every folded key (with its prefix, if any), in table order.</summary>
    public IEnumerable<string> Keys
    {
        get
        {
            for (int k = 0; k + 1 < _keyOffsets.Length; k++) yield return new string(_keyChars, _keyOffsets[k], _keyOffsets[k + 1] - _keyOffsets[k]);
        }
    }

    public static Gazetteer LoadDefault() => Default.Value;

    /// <summary>Entries whose folded key equals <paramref name="foldedKey"/> (prefix included), in table order.</summary>
    public ReadOnlySpan<int> Find(ReadOnlySpan<char> foldedKey)
    {
        int mask = _slots.Length - 1;
        int slot = (int)Hash(foldedKey) & mask;
        while (true)
        {
            int id = _slots[slot] - 1;
            if (id < 0) return [];
            if (_keyChars.AsSpan(_keyOffsets[id], _keyOffsets[id + 1] - _keyOffsets[id]).SequenceEqual(foldedKey))
            {
                return _postings.AsSpan(_postingStart[id], _postingStart[id + 1] - _postingStart[id]);
            }
            slot = (slot + 1) & mask;
        }
    }

    /// <summary>Folds <paramref name="name"/> and looks it up (convenience; allocates).</summary>
    public ReadOnlySpan<int> FindName(string name, char prefix = '\0') =>
        Find(prefix == '\0' ? PlaceNames.Fold(name) : prefix + PlaceNames.Fold(name));

    public GazetteerEntry this[int index] => new(index, _kinds[index], _ids[index], _names[index], _latitudes[index], _longitudes[index],
        _countryCodes[_countryIndex[index]], Admin1Of(index), _featureCodes[_featureIndex[index]], _populations[index]);

    private string? Admin1Of(int index) => _admin1Codes[_admin1Index[index]] is { Length: > 0 } code ? code : null;

    public string FeatureCodeOf(int index) => _featureCodes[_featureIndex[index]];

    public PlaceKind KindOf(int index) => _kinds[index];

    public long PopulationOf(int index) => _populations[index];

    public double LatitudeOf(int index) => _latitudes[index];

    public double LongitudeOf(int index) => _longitudes[index];

    public string CountryOf(int index) => _countryCodes[_countryIndex[index]];

    public string NameOf(int index) => _names[index];

    /// <summary>The entry of the first-level region that contains entry <paramref name="index"/>, or -1.</summary>
    public int RegionEntryOf(int index) => _regionOf[index];

    /// <summary>The entry of the country that contains entry <paramref name="index"/>, or -1.</summary>
    public int CountryEntryOf(int index) => _countryOf[index];

    /// <summary>True when <paramref name="foldedKey"/> is the folded form of the entry's own name (not an alternate).</summary>
    public bool IsPrimaryKey(int index, ReadOnlySpan<char> foldedKey)
    {
        Span<char> buffer = stackalloc char[PlaceNames.MaxKeyLength * 2];
        int length = 0;
        var name = _names[index].AsSpan();
        int written = 0;
        bool pendingSpace = false;
        foreach (var c in name)
        {
            if (char.IsWhiteSpace(c) || c == ',')
            {
                pendingSpace = written > 0;
                continue;
            }
            if (pendingSpace)
            {
                if (length >= buffer.Length) return false;
                buffer[length++] = ' ';
                pendingSpace = false;
            }
            if (!PlaceNames.AppendFolded([c], buffer, ref length)) return false;
            written++;
        }
        return buffer[..length].SequenceEqual(foldedKey);
    }

    public static Gazetteer Load(Stream gzipTable) => new(GazetteerFormat.Read(gzipTable));

    public static Gazetteer Load(string path)
    {
        using var file = File.OpenRead(path);
        return Load(file);
    }

    private static Gazetteer LoadEmbedded()
    {
        using var stream = EmbeddedModels.Open("places", "gazetteer.bin.gz")
            ?? throw new InvalidOperationException("The gazetteer table models/places/gazetteer.bin.gz is missing from the library build; run `crosscheck train gazetteer`.");
        return Load(stream);
    }
}
