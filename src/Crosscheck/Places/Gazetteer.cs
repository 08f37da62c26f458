using System.Buffers;
using System.Globalization;
using System.IO.Compression;
using System.Text;

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
    private readonly long[] _ids;
    private readonly string[] _names;
    private readonly float[] _latitudes;
    private readonly float[] _longitudes;
    private readonly string[] _countries;
    private readonly string?[] _admin1;
    private readonly string[] _featureCodes;
    private readonly long[] _populations;
    private readonly int[] _regionOf;
    private readonly int[] _countryOf;
    private readonly Dictionary<string, int> _keyIds;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _keyLookup;
    private readonly int[] _postingStart;
    private readonly int[] _postings;

    private Gazetteer(List<RawEntry> entries, Dictionary<string, int> keyIds, List<(int Key, int Entry)> pairs)
    {
        int n = entries.Count;
        _kinds = new PlaceKind[n];
        _ids = new long[n];
        _names = new string[n];
        _latitudes = new float[n];
        _longitudes = new float[n];
        _countries = new string[n];
        _admin1 = new string?[n];
        _featureCodes = new string[n];
        _populations = new long[n];
        _regionOf = new int[n];
        _countryOf = new int[n];
        var regionIndex = new Dictionary<(string, string), int>();
        var countryIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < n; i++)
        {
            var e = entries[i];
            _kinds[i] = e.Kind;
            _ids[i] = e.Id;
            _names[i] = e.Name;
            _latitudes[i] = e.Latitude;
            _longitudes[i] = e.Longitude;
            _countries[i] = e.Country;
            _admin1[i] = e.Admin1.Length == 0 ? null : e.Admin1;
            _featureCodes[i] = e.FeatureCode;
            _populations[i] = e.Population;
            if (e.Kind == PlaceKind.Country) countryIndex.TryAdd(e.Country, i);
            if (e.Kind == PlaceKind.Region) regionIndex.TryAdd((e.Country, e.Admin1), i);
        }
        for (int i = 0; i < n; i++)
        {
            _countryOf[i] = _countries[i].Length > 0 && countryIndex.TryGetValue(_countries[i], out var c) ? c : -1;
            _regionOf[i] = _admin1[i] is { } a1 && regionIndex.TryGetValue((_countries[i], a1), out var r) ? r : -1;
        }
        _keyIds = keyIds;
        _keyLookup = keyIds.GetAlternateLookup<ReadOnlySpan<char>>();
        // Counting sort of (key, entry) pairs into one postings array: entries of a key are contiguous.
        _postingStart = new int[keyIds.Count + 1];
        foreach (var (key, _) in pairs) _postingStart[key + 1]++;
        for (int k = 0; k < keyIds.Count; k++) _postingStart[k + 1] += _postingStart[k];
        _postings = new int[pairs.Count];
        var fill = (int[])_postingStart.Clone();
        foreach (var (key, entry) in pairs) _postings[fill[key]++] = entry;
    }

    public int Count => _kinds.Length;

    public int KeyCount => _keyIds.Count;

    public static Gazetteer LoadDefault() => Default.Value;

    /// <summary>Entries whose folded key equals <paramref name="foldedKey"/> (prefix included), in table order.</summary>
    public ReadOnlySpan<int> Find(ReadOnlySpan<char> foldedKey) =>
        _keyLookup.TryGetValue(foldedKey, out var id) ? _postings.AsSpan(_postingStart[id], _postingStart[id + 1] - _postingStart[id]) : [];

    /// <summary>Folds <paramref name="name"/> and looks it up (convenience; allocates).</summary>
    public ReadOnlySpan<int> FindName(string name, char prefix = '\0') =>
        Find(prefix == '\0' ? PlaceNames.Fold(name) : prefix + PlaceNames.Fold(name));

    public GazetteerEntry this[int index] => new(index, _kinds[index], _ids[index], _names[index], _latitudes[index], _longitudes[index],
        _countries[index], _admin1[index], _featureCodes[index], _populations[index]);

    public PlaceKind KindOf(int index) => _kinds[index];

    public long PopulationOf(int index) => _populations[index];

    public double LatitudeOf(int index) => _latitudes[index];

    public double LongitudeOf(int index) => _longitudes[index];

    public string CountryOf(int index) => _countries[index];

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

    public static Gazetteer Load(Stream gzipTable)
    {
        using var gzip = new GZipStream(gzipTable, CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        gzip.CopyTo(buffer);
        return Parse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    public static Gazetteer Load(string path)
    {
        using var file = File.OpenRead(path);
        return Load(file);
    }

    private static Gazetteer LoadEmbedded()
    {
        using var stream = EmbeddedModels.Open("places", "gazetteer.tsv.gz")
            ?? throw new InvalidOperationException("The gazetteer table models/places/gazetteer.tsv.gz is missing from the library build; run `crosscheck train gazetteer`.");
        return Load(stream);
    }

    private static Gazetteer Parse(ReadOnlySpan<byte> data)
    {
        var entries = new List<RawEntry>(240_000);
        var keyIds = new Dictionary<string, int>(800_000, StringComparer.Ordinal);
        var keyLookup = keyIds.GetAlternateLookup<ReadOnlySpan<char>>();
        var pairs = new List<(int, int)>(1_000_000);
        var interned = new Dictionary<string, string>(StringComparer.Ordinal);
        var internLookup = interned.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> chars = stackalloc char[512];
        Span<Range> fields = stackalloc Range[12];
        while (data.Length > 0)
        {
            int newline = data.IndexOf((byte)'\n');
            var line = newline < 0 ? data : data[..newline];
            data = newline < 0 ? [] : data[(newline + 1)..];
            if (line.Length == 0 || line[0] == (byte)'#') continue;
            if (SplitTabs(line, fields) < 11) throw new InvalidDataException("Gazetteer row with fewer than 11 columns.");
            int entry = entries.Count;
            var kind = line[fields[0]][0] switch
            {
                (byte)'C' => PlaceKind.Country,
                (byte)'A' => PlaceKind.Region,
                (byte)'B' => PlaceKind.District,
                (byte)'L' => PlaceKind.Area,
                _ => PlaceKind.Place,
            };
            entries.Add(new RawEntry(
                kind,
                long.Parse(line[fields[1]], CultureInfo.InvariantCulture),
                Encoding.UTF8.GetString(line[fields[2]]),
                float.Parse(line[fields[3]], CultureInfo.InvariantCulture),
                float.Parse(line[fields[4]], CultureInfo.InvariantCulture),
                Intern(line[fields[5]]),
                Intern(line[fields[6]]),
                Intern(line[fields[8]]),
                long.Parse(line[fields[9]], CultureInfo.InvariantCulture)));
            var keys = line[fields[10]];
            while (keys.Length > 0)
            {
                int bar = keys.IndexOf((byte)'|');
                var key = bar < 0 ? keys : keys[..bar];
                keys = bar < 0 ? [] : keys[(bar + 1)..];
                if (key.Length == 0 || key.Length > chars.Length) continue;
                int length = Encoding.UTF8.GetChars(key, chars);
                var text = chars[..length];
                if (!keyLookup.TryGetValue(text, out var id))
                {
                    id = keyIds.Count;
                    keyIds.Add(new string(text), id);
                }
                pairs.Add((id, entry));
            }
        }
        return new Gazetteer(entries, keyIds, pairs);

        string Intern(ReadOnlySpan<byte> utf8)
        {
            if (utf8.IsEmpty) return "";
            Span<char> small = stackalloc char[32];
            int length = Encoding.UTF8.GetChars(utf8, small);
            if (internLookup.TryGetValue(small[..length], out var existing)) return existing;
            var text = new string(small[..length]);
            interned[text] = text;
            return text;
        }
    }

    private static int SplitTabs(ReadOnlySpan<byte> line, Span<Range> fields)
    {
        int count = 0, start = 0;
        while (count < fields.Length)
        {
            int tab = line[start..].IndexOf((byte)'\t');
            if (tab < 0)
            {
                fields[count++] = new Range(start, line.Length);
                break;
            }
            fields[count++] = new Range(start, start + tab);
            start += tab + 1;
        }
        return count;
    }

    private readonly record struct RawEntry(PlaceKind Kind, long Id, string Name, float Latitude, float Longitude,
        string Country, string Admin1, string FeatureCode, long Population);
}
