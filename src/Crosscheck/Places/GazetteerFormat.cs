using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text;

namespace Crosscheck.Places;

/// <summary>
/// The gazetteer's file: gzip'd little-endian arrays, laid out so that loading is a handful of
/// bulk copies (no parsing, no per-key strings). Version 2:
/// magic "XCGZ", version, entry count N, key count K, posting count P; then kinds byte[N],
/// ids int[N], latitudes float[N], longitudes float[N], populations int[N], country index
/// ushort[N], admin1 index int[N], feature-code index byte[N], name offsets int[N+1] (in UTF-16
/// chars), name text (byte length, UTF-8);
/// three small string tables (countries, admin1 codes, feature codes); key offsets int[K+1], key
/// text (as names); posting offsets int[K+1], postings int[P] (entry indices, ascending per key).
/// </summary>
internal static class GazetteerFormat
{
    public const int Version = 2;
    private static ReadOnlySpan<byte> Magic => "XCGZ"u8;

    public sealed record Record(PlaceKind Kind, long Id, string Name, float Latitude, float Longitude,
        string Country, string Admin1, string FeatureCode, long Population, IReadOnlyList<string> Keys);

    /// <summary>Writes the table; returns the number of distinct keys.</summary>
    public static int Write(string path, IReadOnlyList<Record> records)
    {
        int n = records.Count;
        var countries = new StringTable();
        var admin1 = new StringTable();
        var featureCodes = new StringTable();
        var keyIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var postings = new List<List<int>>();
        for (int i = 0; i < n; i++)
        {
            foreach (var key in records[i].Keys)
            {
                if (!keyIds.TryGetValue(key, out int id))
                {
                    id = keyIds.Count;
                    keyIds[key] = id;
                    postings.Add([]);
                }
                var list = postings[id];
                if (list.Count == 0 || list[^1] != i) list.Add(i);
            }
        }
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.SmallestSize);
        using var writer = new BinaryWriter(gzip, Encoding.UTF8);
        writer.Write(Magic);
        writer.Write(Version);
        writer.Write(n);
        writer.Write(keyIds.Count);
        writer.Write(postings.Sum(p => p.Count));
        foreach (var r in records) writer.Write((byte)r.Kind);
        foreach (var r in records) writer.Write(checked((int)r.Id));
        foreach (var r in records) writer.Write(r.Latitude);
        foreach (var r in records) writer.Write(r.Longitude);
        foreach (var r in records) writer.Write(checked((int)Math.Min(r.Population, int.MaxValue)));
        foreach (var r in records) writer.Write(checked((ushort)countries.IndexOf(r.Country)));
        foreach (var r in records) writer.Write(admin1.IndexOf(r.Admin1));
        foreach (var r in records) writer.Write(checked((byte)featureCodes.IndexOf(r.FeatureCode)));
        WriteChars(writer, records.Select(r => r.Name).ToList());
        countries.Write(writer);
        admin1.Write(writer);
        featureCodes.Write(writer);
        WriteChars(writer, keyIds.Keys.ToList());
        int offset = 0;
        writer.Write(0);
        foreach (var p in postings) writer.Write(offset += p.Count);
        foreach (var p in postings) foreach (var e in p) writer.Write(e);
        return keyIds.Count;
    }

    private static void WriteChars(BinaryWriter writer, IReadOnlyList<string> strings)
    {
        int offset = 0;
        writer.Write(0);
        foreach (var s in strings) writer.Write(offset += s.Length);
        var utf8 = Encoding.UTF8.GetBytes(string.Concat(strings));
        writer.Write(utf8.Length);
        writer.Write(utf8);
    }

    public sealed class Data
    {
        public required PlaceKind[] Kinds { get; init; }
        public required int[] Ids { get; init; }
        public required float[] Latitudes { get; init; }
        public required float[] Longitudes { get; init; }
        public required int[] Populations { get; init; }
        public required ushort[] CountryIndex { get; init; }
        public required int[] Admin1Index { get; init; }
        public required byte[] FeatureCodeIndex { get; init; }
        public required int[] NameOffsets { get; init; }
        public required char[] NameChars { get; init; }
        public required string[] Countries { get; init; }
        public required string[] Admin1Codes { get; init; }
        public required string[] FeatureCodes { get; init; }
        public required int[] KeyOffsets { get; init; }
        public required char[] KeyChars { get; init; }
        public required int[] PostingOffsets { get; init; }
        public required int[] Postings { get; init; }
    }

    public static Data Read(Stream gzipStream)
    {
        using var gzip = new GZipStream(gzipStream, CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        gzip.CopyTo(buffer);
        var reader = new SpanReader(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        if (!reader.Bytes(4).SequenceEqual(Magic)) throw new InvalidDataException("Not a Crosscheck gazetteer table (bad magic).");
        int version = reader.Int();
        if (version != Version) throw new InvalidDataException($"Gazetteer table version {version}; this build reads version {Version}. Rebuild it with `crosscheck train gazetteer`.");
        int n = reader.Int(), k = reader.Int(), p = reader.Int();
        var kinds = MemoryMarshal.Cast<byte, PlaceKind>(reader.Bytes(n)).ToArray();
        var ids = reader.Array<int>(n);
        var latitudes = reader.Array<float>(n);
        var longitudes = reader.Array<float>(n);
        var populations = reader.Array<int>(n);
        var countryIndex = reader.Array<ushort>(n);
        var admin1Index = reader.Array<int>(n);
        var featureIndex = reader.Bytes(n).ToArray();
        var nameOffsets = reader.Array<int>(n + 1);
        var nameChars = reader.Utf8Chars(nameOffsets[n]);
        var countries = reader.Strings();
        var admin1 = reader.Strings();
        var features = reader.Strings();
        var keyOffsets = reader.Array<int>(k + 1);
        var keyChars = reader.Utf8Chars(keyOffsets[k]);
        var postingOffsets = reader.Array<int>(k + 1);
        var postings = reader.Array<int>(p);
        return new Data
        {
            Kinds = kinds, Ids = ids, Latitudes = latitudes, Longitudes = longitudes, Populations = populations,
            CountryIndex = countryIndex, Admin1Index = admin1Index, FeatureCodeIndex = featureIndex,
            NameOffsets = nameOffsets, NameChars = nameChars, Countries = countries, Admin1Codes = admin1,
            FeatureCodes = features, KeyOffsets = keyOffsets, KeyChars = keyChars, PostingOffsets = postingOffsets, Postings = postings,
        };
    }

    private sealed class StringTable
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        private readonly List<string> _values = [];

        public int IndexOf(string value)
        {
            if (!_index.TryGetValue(value, out int i))
            {
                i = _values.Count;
                _index[value] = i;
                _values.Add(value);
            }
            return i;
        }

        public void Write(BinaryWriter writer)
        {
            writer.Write(_values.Count);
            foreach (var v in _values) writer.Write(v);
        }
    }

    private ref struct SpanReader(ReadOnlySpan<byte> data)
    {
        private ReadOnlySpan<byte> _data = data;

        public ReadOnlySpan<byte> Bytes(int count)
        {
            if (count < 0 || count > _data.Length) throw new InvalidDataException("Gazetteer table is truncated.");
            var slice = _data[..count];
            _data = _data[count..];
            return slice;
        }

        public int Int() => System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(Bytes(4));

        public T[] Array<T>(int count) where T : unmanaged =>
            MemoryMarshal.Cast<byte, T>(Bytes(checked(count * System.Runtime.CompilerServices.Unsafe.SizeOf<T>()))).ToArray();

        /// <summary>A UTF-8 blob (byte length first) decoded to exactly <paramref name="charCount"/> UTF-16 chars.</summary>
        public char[] Utf8Chars(int charCount)
        {
            int byteCount = Int();
            var chars = new char[charCount];
            if (Encoding.UTF8.GetChars(Bytes(byteCount), chars) != charCount) throw new InvalidDataException("Gazetteer text blob does not match its offsets.");
            return chars;
        }

        public string[] Strings()
        {
            int count = Int();
            var result = new string[count];
            for (int i = 0; i < count; i++)
            {
                // BinaryWriter.Write(string): 7-bit encoded byte length, then UTF-8.
                int length = 0, shift = 0;
                byte b;
                do
                {
                    b = Bytes(1)[0];
                    length |= (b & 0x7F) << shift;
                    shift += 7;
                } while ((b & 0x80) != 0 && shift < 35);
                result[i] = Encoding.UTF8.GetString(Bytes(length));
            }
            return result;
        }
    }
}
