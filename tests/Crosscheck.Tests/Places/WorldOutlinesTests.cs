using Crosscheck.Places;
using FluentAssertions;

namespace Crosscheck.Tests.Places;

public sealed class WorldOutlinesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cc-world").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void TheShippedOutlinesCoverTheWorld()
    {
        var outlines = WorldOutlines.Default;
        outlines.Countries.Length.Should().BeGreaterThan(200);
        var ukraine = outlines.Countries.Single(c => c.Name == "Ukraine");
        ukraine.West.Should().BeInRange(22, 23);
        ukraine.East.Should().BeInRange(40, 41);
        ukraine.Rings.Should().OnlyContain(r => r.Length >= 4);
    }

    [Fact]
    public void DecodesTopoJsonArcsIncludingReversedOnesAndRoundTrips()
    {
        // Two squares sharing an edge (arc 1), the second walking it backwards (~1 = -2); quantised
        // positions, delta-coded, on a 1-degree grid from (10, 20).
        const string topo = """
            {"type":"Topology","transform":{"scale":[1,1],"translate":[10,20]},
             "objects":{"countries":{"type":"GeometryCollection","geometries":[
               {"type":"Polygon","arcs":[[0,1]],"id":"001","properties":{"name":"Westland"}},
               {"type":"MultiPolygon","arcs":[[[2,-2]]],"id":"002","properties":{"name":"Eastland"}}]}},
             "arcs":[[[1,0],[-1,0],[0,1],[1,0]],[[1,1],[0,-1]],[[1,1],[1,0],[0,-1],[-1,0]]]}
            """;
        var path = Path.Combine(_dir, "countries.json");
        File.WriteAllText(path, topo);
        using var table = new MemoryStream();
        var (countries, points) = WorldOutlines.BuildFromTopoJson(path, table);
        countries.Should().Be(2);
        points.Should().BeGreaterThan(0);
        table.Position = 0;
        var outlines = WorldOutlines.Load(table);
        var west = outlines.Countries.Single(c => c.Name == "Westland");
        (west.West, west.East, west.South, west.North).Should().Be((10.0, 11.0, 20.0, 21.0));
        var east = outlines.Countries.Single(c => c.Name == "Eastland");
        east.Id.Should().Be("002");
        (east.West, east.East).Should().Be((11.0, 12.0));
        east.Rings.Single().Should().Contain(new GeoPoint(11, 21)).And.Contain(new GeoPoint(11, 20));
    }

    [Fact]
    public void ATableOfAnotherFormatIsRejected()
    {
        using var gzip = new MemoryStream();
        using (var writer = new System.IO.Compression.GZipStream(gzip, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true)) writer.Write([1, 2, 3, 4, 5, 6, 7, 8]);
        gzip.Position = 0;
        var act = () => WorldOutlines.Load(gzip);
        act.Should().Throw<InvalidDataException>();
    }
}
