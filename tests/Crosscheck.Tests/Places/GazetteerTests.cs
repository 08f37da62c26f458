using System.Diagnostics;
using Crosscheck.Places;
using FluentAssertions;

namespace Crosscheck.Tests.Places;

public class GazetteerTests
{
    [Fact]
    public void The_embedded_gazetteer_loads_with_countries_regions_and_places()
    {
        var watch = Stopwatch.StartNew();
        var gazetteer = Gazetteer.LoadDefault();
        watch.Stop();
        gazetteer.Count.Should().BeGreaterThan(200_000);
        // Loose bound: the machine is shared; the measured time is reported separately.
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));

        var kursk = gazetteer.FindName("Kursk").ToArray().Select(i => gazetteer[i]).ToList();
        kursk.Should().Contain(e => e.Kind == PlaceKind.Place && e.CountryCode == "RU" && e.Population > 400_000);
        var oblast = gazetteer.FindName("Kursk", Gazetteer.RegionStemPrefix).ToArray().Select(i => gazetteer[i]).ToList();
        oblast.Should().Contain(e => e.Kind == PlaceKind.Region && e.Name == "Kursk Oblast");
        gazetteer.FindName("U.S.").ToArray().Select(i => gazetteer[i]).Should().Contain(e => e.Kind == PlaceKind.Country && e.CountryCode == "US");
        gazetteer.FindName("Russian", Gazetteer.AdjectivePrefix).ToArray().Select(i => gazetteer[i]).Should().Contain(e => e.CountryCode == "RU");
    }

    [Theory]
    // GeoNames' own point, the convention of the gazetteer we credit (the Factbook's centres differ by 150-300 km).
    [InlineData("Australia", "AU", -25.0, 135.0)]
    [InlineData("Japan", "JP", 35.6854, 139.753)]
    [InlineData("Libya", "LY", 28.0, 17.0)]
    // The Factbook centre stays where GeoNames' point is a revision apart (Canada) or lies off the territory (a package slip).
    [InlineData("Canada", "CA", 60.0, -95.0)]
    [InlineData("American Samoa", "AS", -14.3333, -170.0)]
    public void A_country_stands_at_GeoNames_point_unless_that_point_is_unreliable(string name, string code, double latitude, double longitude)
    {
        var gazetteer = Gazetteer.LoadDefault();
        var country = gazetteer.FindName(name).ToArray().Select(i => gazetteer[i]).Single(e => e.Kind == PlaceKind.Country && e.CountryCode == code);
        country.Latitude.Should().BeApproximately(latitude, 0.01);
        country.Longitude.Should().BeApproximately(longitude, 0.01);
    }

    [Theory]
    // The centroid of the province's outline, not the middle of the box of its towns (which sits off-centre in an L-shaped province).
    [InlineData("Quebec", "CA", 53.39, -71.79)]
    [InlineData("Ontario", "CA", 50.07, -85.83)]
    public void A_first_level_region_stands_at_the_centroid_of_its_outline(string name, string code, double latitude, double longitude)
    {
        var gazetteer = Gazetteer.LoadDefault();
        var region = gazetteer.FindName(name).ToArray().Select(i => gazetteer[i]).First(e => e.Kind == PlaceKind.Region && e.CountryCode == code);
        region.Latitude.Should().BeApproximately(latitude, 0.01);
        region.Longitude.Should().BeApproximately(longitude, 0.01);
    }

    [Fact]
    public void A_region_whose_outline_centroid_lies_in_another_region_keeps_the_middle_of_its_own_places()
    {
        // Brandenburg's centroid falls in Berlin, which it surrounds; the point must stay on Brandenburg's own ground.
        var gazetteer = Gazetteer.LoadDefault();
        var brandenburg = gazetteer.FindName("Brandenburg").ToArray().Select(i => gazetteer[i]).First(e => e.Kind == PlaceKind.Region && e.CountryCode == "DE");
        var berlin = gazetteer.FindName("Berlin").ToArray().Select(i => gazetteer[i]).First(e => e.Kind == PlaceKind.Place && e.CountryCode == "DE");
        GeoMath.DistanceKm(brandenburg.Latitude, brandenburg.Longitude, berlin.Latitude, berlin.Longitude).Should().BeGreaterThan(20);
    }

    [Fact]
    public void Names_fold_case_diacritics_and_periods()
    {
        PlaceNames.Fold("Zürich").Should().Be("zurich");
        PlaceNames.Fold("U.S.").Should().Be("us");
        PlaceNames.Fold("  São   Paulo ").Should().Be("sao paulo");
        PlaceNames.Fold("Kyiv’s").Should().Be("kyiv's");
        PlaceNames.Fold("Łódź").Should().Be("lodz");
        PlaceNames.Fold("Ḩalab").Should().Be("halab");
        var gazetteer = Gazetteer.LoadDefault();
        gazetteer.FindName("ZÜRICH").ToArray().Should().NotBeEmpty();
    }

    [Fact]
    public void Region_entries_know_their_country_and_places_know_their_region()
    {
        var gazetteer = Gazetteer.LoadDefault();
        int city = gazetteer.FindName("Kursk").ToArray().First(i => gazetteer.KindOf(i) == PlaceKind.Place && gazetteer.CountryOf(i) == "RU");
        gazetteer.NameOf(gazetteer.RegionEntryOf(city)).Should().Be("Kursk Oblast");
        gazetteer.KindOf(gazetteer.CountryEntryOf(city)).Should().Be(PlaceKind.Country);
    }

    [SharedDataFact("datasets", "geonames-cities500", "cities500.txt")]
    public void The_builder_writes_a_table_the_loader_reads()
    {
        var output = Path.Combine(Path.GetTempPath(), $"gazetteer-{Guid.NewGuid():N}.bin.gz");
        try
        {
            var summary = GazetteerBuilder.Build(SharedData.Path("datasets", "geonames-cities500")!, null, output);
            summary.Places.Should().BeGreaterThan(190_000);
            summary.Countries.Should().BeGreaterThan(240);
            var gazetteer = Gazetteer.Load(output);
            gazetteer.Count.Should().Be(summary.Countries + summary.Regions + summary.Districts + summary.Places + summary.Areas);
            gazetteer.FindName("Kursk Oblast").ToArray().Should().NotBeEmpty();
        }
        finally
        {
            File.Delete(output);
        }
    }
    [Fact]
    public void A_region_centre_leaves_out_far_members_that_lie_among_another_regions_places_but_keeps_its_own_remote_towns()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"geonames-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var output = Path.Combine(folder, "gazetteer.bin.gz");
        try
        {
            var lines = new List<string>();
            int id = 1;
            void Town(string name, double lat, double lon, string admin1) => lines.Add(string.Join('\t',
                id++, name, name, "", lat.ToString(System.Globalization.CultureInfo.InvariantCulture),
                lon.ToString(System.Globalization.CultureInfo.InvariantCulture), "P", "PPL", "CN", "", admin1, "", "", "", "1000", "", "", "Asia/Shanghai", "2020-01-01"));
            for (int k = 0; k < 36; k++)
            {
                Town($"Easttown{k}", 31.5 + k / 6 * 0.2, 118.5 + k % 6 * 0.2, "91");
                Town($"Westtown{k}", 28.5 + k / 6 * 0.2, 99.5 + k % 6 * 0.2, "92");
                Town($"Northtown{k}", 45.5 + k / 6 * 0.2, 125.5 + k % 6 * 0.2, "93");
            }
            Town("Slipville", 29.0, 100.0, "91");   // filed under the eastern region, among the western one's towns
            Town("Farpost", 53.0, 126.0, "93");     // the northern region's own remote post: no other region near it
            File.WriteAllLines(Path.Combine(folder, "cities500.txt"), lines);
            File.WriteAllText(Path.Combine(folder, "admin1.json"),
                """[{"code":"CN.91","name":"Eastshire"},{"code":"CN.92","name":"Westshire"},{"code":"CN.93","name":"Northshire"}]""");
            File.WriteAllText(Path.Combine(folder, "admin2.json"), "[]");

            GazetteerBuilder.Build(folder, null, output);
            var gazetteer = Gazetteer.Load(output);
            int Region(string name) => gazetteer.FindName(name).ToArray().Single(i => gazetteer.KindOf(i) == PlaceKind.Region);
            int east = Region("Eastshire"), north = Region("Northshire");
            gazetteer.LatitudeOf(east).Should().BeApproximately(32, 0.01);
            gazetteer.LongitudeOf(east).Should().BeApproximately(119, 0.01);
            gazetteer.LatitudeOf(north).Should().BeApproximately((45.5 + 53.0) / 2, 0.01);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
