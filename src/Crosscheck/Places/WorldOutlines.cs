using System.Collections.Immutable;
using System.IO.Compression;
using System.Text.Json;

namespace Crosscheck.Places;

/// <summary>A point of an outline, in degrees.</summary>
public readonly record struct GeoPoint(double Lon, double Lat);

/// <summary>One country's outline: closed rings of points, with their bounding box for quick culling.</summary>
public sealed record CountryOutline(string Id, string Name, ImmutableArray<ImmutableArray<GeoPoint>> Rings, double West, double South, double East, double North);

/// <summary>
/// Country outlines for drawing an offline map (no tile server): Natural Earth 1:50m boundaries
/// as packaged by npm <c>world-atlas</c>, derived into models/places/world-outlines.bin.gz by
/// <c>crosscheck train world-map</c>. Coordinates are kept to 0.01° (about 1 km), enough for a
/// locator map and a twentieth of the source's size.
/// </summary>
public sealed class WorldOutlines
{
    public const string ResourceFileName = "world-outlines.bin.gz";
    private const uint Magic = 0x50414D57; // "WMAP"
    private const double Resolution = 100; // steps per degree

    private static readonly Lazy<WorldOutlines> DefaultOutlines = new(LoadEmbedded);

    private WorldOutlines(ImmutableArray<CountryOutline> countries) => Countries = countries;

    public ImmutableArray<CountryOutline> Countries { get; }

    /// <summary>The outlines shipped in the library; empty when it was built without them.</summary>
    public static WorldOutlines Default => DefaultOutlines.Value;

    private static WorldOutlines LoadEmbedded()
    {
        var assembly = typeof(WorldOutlines).Assembly;
        var name = Array.Find(assembly.GetManifestResourceNames(), n => n.EndsWith(ResourceFileName, StringComparison.Ordinal));
        using var stream = name is null ? null : assembly.GetManifestResourceStream(name);
        return stream is null ? new WorldOutlines([]) : Load(stream);
    }

    public static WorldOutlines Load(Stream gzipStream)
    {
        using var gzip = new GZipStream(gzipStream, CompressionMode.Decompress, leaveOpen: true);
        using var reader = new BinaryReader(new BufferedStream(gzip, 1 << 16));
        if (reader.ReadUInt32() != Magic) throw new InvalidDataException("Not a world outline table (bad magic).");
        int count = reader.ReadInt32();
        var countries = ImmutableArray.CreateBuilder<CountryOutline>(count);
        for (int c = 0; c < count; c++)
        {
            string id = reader.ReadString();
            string name = reader.ReadString();
            int ringCount = reader.Read7BitEncodedInt();
            var rings = ImmutableArray.CreateBuilder<ImmutableArray<GeoPoint>>(ringCount);
            double west = 180, south = 90, east = -180, north = -90;
            for (int r = 0; r < ringCount; r++)
            {
                int points = reader.Read7BitEncodedInt();
                var ring = ImmutableArray.CreateBuilder<GeoPoint>(points);
                int x = 0, y = 0;
                for (int p = 0; p < points; p++)
                {
                    x += Unzigzag(reader.Read7BitEncodedInt());
                    y += Unzigzag(reader.Read7BitEncodedInt());
                    var point = new GeoPoint(x / Resolution, y / Resolution);
                    ring.Add(point);
                    west = Math.Min(west, point.Lon);
                    east = Math.Max(east, point.Lon);
                    south = Math.Min(south, point.Lat);
                    north = Math.Max(north, point.Lat);
                }
                rings.Add(ring.MoveToImmutable());
            }
            countries.Add(new CountryOutline(id, name, rings.MoveToImmutable(), west, south, east, north));
        }
        return new WorldOutlines(countries.MoveToImmutable());
    }

    /// <summary>
    /// Derives the table from a TopoJSON file of world-atlas (<c>countries-50m.json</c>): arcs are
    /// decoded (quantised, delta-coded, reversed where referenced by a negative index), rings
    /// assembled and written rounded to 0.01° with repeated points dropped. Deterministic.
    /// </summary>
    /// <returns>How many countries and points were written.</returns>
    public static (int Countries, int Points) BuildFromTopoJson(string topoJsonPath, Stream output)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(topoJsonPath));
        var root = document.RootElement;
        var transform = root.GetProperty("transform");
        double scaleX = transform.GetProperty("scale")[0].GetDouble(), scaleY = transform.GetProperty("scale")[1].GetDouble();
        double translateX = transform.GetProperty("translate")[0].GetDouble(), translateY = transform.GetProperty("translate")[1].GetDouble();
        var arcs = new List<GeoPoint[]>();
        foreach (var arc in root.GetProperty("arcs").EnumerateArray())
        {
            var points = new GeoPoint[arc.GetArrayLength()];
            long x = 0, y = 0;
            int i = 0;
            foreach (var position in arc.EnumerateArray())
            {
                x += position[0].GetInt64();
                y += position[1].GetInt64();
                points[i++] = new GeoPoint(x * scaleX + translateX, y * scaleY + translateY);
            }
            arcs.Add(points);
        }

        var geometries = root.GetProperty("objects").GetProperty("countries").GetProperty("geometries");
        var countries = new List<(string Id, string Name, List<List<(int X, int Y)>> Rings)>();
        foreach (var geometry in geometries.EnumerateArray())
        {
            string type = geometry.GetProperty("type").GetString() ?? "";
            string id = geometry.TryGetProperty("id", out var idElement) ? idElement.ToString() : "";
            string name = geometry.TryGetProperty("properties", out var properties) && properties.TryGetProperty("name", out var nameElement) ? nameElement.GetString() ?? "" : "";
            var rings = new List<List<(int X, int Y)>>();
            if (!geometry.TryGetProperty("arcs", out var polygonArcs)) continue;
            var polygons = type switch
            {
                "Polygon" => [polygonArcs],
                "MultiPolygon" => polygonArcs.EnumerateArray().ToList(),
                _ => [],
            };
            foreach (var polygon in polygons)
            {
                foreach (var ringArcs in polygon.EnumerateArray())
                {
                    var ring = new List<(int X, int Y)>();
                    foreach (var index in ringArcs.EnumerateArray())
                    {
                        int arcIndex = index.GetInt32();
                        var arc = arcIndex >= 0 ? arcs[arcIndex] : [.. arcs[~arcIndex].Reverse()];
                        foreach (var point in arc)
                        {
                            var q = ((int)Math.Round(point.Lon * Resolution), (int)Math.Round(point.Lat * Resolution));
                            if (ring.Count == 0 || ring[^1] != q) ring.Add(q);
                        }
                    }
                    if (ring.Count >= 4) rings.Add(ring);
                }
            }
            if (rings.Count > 0) countries.Add((id, name, rings));
        }

        int pointCount = 0;
        using var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(gzip);
        writer.Write(Magic);
        writer.Write(countries.Count);
        foreach (var (id, name, rings) in countries)
        {
            writer.Write(id);
            writer.Write(name);
            writer.Write7BitEncodedInt(rings.Count);
            foreach (var ring in rings)
            {
                writer.Write7BitEncodedInt(ring.Count);
                int x = 0, y = 0;
                foreach (var (px, py) in ring)
                {
                    writer.Write7BitEncodedInt(Zigzag(px - x));
                    writer.Write7BitEncodedInt(Zigzag(py - y));
                    (x, y) = (px, py);
                }
                pointCount += ring.Count;
            }
        }
        return (countries.Count, pointCount);
    }

    private static int Zigzag(int value) => (value << 1) ^ (value >> 31);

    private static int Unzigzag(int value) => (int)((uint)value >> 1) ^ -(value & 1);
}
