using System.IO.Compression;

namespace Crosscheck.Entities;

/// <summary>
/// A compact membership set of place names (lower-cased, words joined by one space) used as a
/// recogniser feature: "this capitalised word or word pair names a populated place somewhere".
/// Stored as sorted 32-bit name hashes, delta- and varint-coded, gzip'd
/// (models/ner/place-names.bin.gz). A hash set can answer yes for a non-place (about one chance
/// in 20,000 per query); the model only weighs the answer, never trusts it.
/// </summary>
public sealed class PlaceNameSet
{
    public const string ResourceFileName = "place-names.bin.gz";

    private static readonly Lazy<PlaceNameSet> DefaultSet = new(LoadEmbedded);

    private readonly uint[] _hashes;

    private PlaceNameSet(uint[] sortedHashes) => _hashes = sortedHashes;

    public static PlaceNameSet Empty { get; } = new([]);

    /// <summary>The set shipped in the library, or <see cref="Empty"/> when it was built without it.</summary>
    public static PlaceNameSet Default => DefaultSet.Value;

    public int Count => _hashes.Length;

    private static PlaceNameSet LoadEmbedded()
    {
        var assembly = typeof(PlaceNameSet).Assembly;
        var name = Array.Find(assembly.GetManifestResourceNames(), n => n.EndsWith(ResourceFileName, StringComparison.Ordinal));
        using var stream = name is null ? null : assembly.GetManifestResourceStream(name);
        return stream is null ? Empty : Load(stream);
    }

    public static PlaceNameSet Load(Stream gzipStream)
    {
        using var gzip = new GZipStream(gzipStream, CompressionMode.Decompress, leaveOpen: true);
        using var reader = new BinaryReader(new BufferedStream(gzip, 1 << 16));
        if (reader.ReadUInt32() != 0x4E4C5058) throw new InvalidDataException("Not a place-name set (bad magic).");
        int count = reader.ReadInt32();
        var hashes = new uint[count];
        uint previous = 0;
        for (int i = 0; i < count; i++)
        {
            previous += (uint)reader.Read7BitEncodedInt();
            hashes[i] = previous;
        }
        return new PlaceNameSet(hashes);
    }

    /// <summary>Builds the set from names; the same names always give the same bytes.</summary>
    public static void Write(IEnumerable<string> names, Stream output)
    {
        var hashes = new SortedSet<uint>();
        foreach (var name in names)
        {
            var trimmed = name.AsSpan().Trim();
            if (trimmed.Length >= 3) hashes.Add(Hash(trimmed));
        }
        using var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(gzip);
        writer.Write(0x4E4C5058u);
        writer.Write(hashes.Count);
        uint previous = 0;
        foreach (var hash in hashes)
        {
            writer.Write7BitEncodedInt((int)(hash - previous));
            previous = hash;
        }
    }

    /// <summary>
    /// Writes the set from a GeoNames table (geonameid, name, asciiname, alternatenames, ...,
    /// country code in column 9): every name and ASCII name, and the Latin-script alternate names of
    /// places in <paramref name="alternateCountries"/> or with at least <paramref name="alternateMinPopulation"/> people.
    /// </summary>
    public static int BuildFromGeoNames(string geonamesPath, string outputPath, IReadOnlySet<string> alternateCountries, long alternateMinPopulation)
    {
        var names = new List<string>();
        foreach (var line in File.ReadLines(geonamesPath))
        {
            var columns = line.Split('\t');
            if (columns.Length < 15) continue;
            names.Add(columns[1]);
            names.Add(columns[2]);
            long.TryParse(columns[14], out long population);
            if (!alternateCountries.Contains(columns[8]) && population < alternateMinPopulation) continue;
            foreach (var alternate in columns[3].Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                if (IsLatinName(alternate)) names.Add(alternate);
            }
        }
        var directory = Path.GetDirectoryName(Path.GetFullPath(outputPath));
        if (directory is not null) Directory.CreateDirectory(directory);
        using var output = File.Create(outputPath);
        Write(names, output);
        return names.Count;
    }

    private static bool IsLatinName(string name)
    {
        foreach (char c in name)
        {
            if (!(char.IsAsciiLetter(c) || c is ' ' or '-' or '\'' or '’' || (c >= '\u00C0' && c <= '\u024F'))) return false;
        }
        return name.Length >= 3;
    }

    public bool Contains(ReadOnlySpan<char> name) => _hashes.Length > 0 && Array.BinarySearch(_hashes, Hash(name)) >= 0;

    internal bool ContainsHash(uint hash) => _hashes.Length > 0 && Array.BinarySearch(_hashes, hash) >= 0;

    /// <summary>FNV-1a over the lower-cased name, whitespace runs read as one space.</summary>
    internal static uint Hash(ReadOnlySpan<char> name)
    {
        uint h = 2166136261;
        bool space = false;
        foreach (char c in name)
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }
            if (space)
            {
                h = (h ^ ' ') * 16777619;
                space = false;
            }
            h = (h ^ char.ToLowerInvariant(c)) * 16777619;
        }
        return h;
    }

    /// <summary>Extends a running <see cref="Hash"/> with a space and another word (word-pair look-ups without a string).</summary>
    internal static uint Continue(uint hash, ReadOnlySpan<char> word)
    {
        uint h = (hash ^ ' ') * 16777619;
        foreach (char c in word) h = (h ^ char.ToLowerInvariant(c)) * 16777619;
        return h;
    }
}
