using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Crosscheck.Places;

/// <summary>
/// Builds the compact gazetteer table (models/places/gazetteer.bin.gz) from GeoNames cities500,
/// its admin1/admin2 name tables, optionally Debian's iso-codes JSON, and the two small tables
/// shipped in models/places (countries.tsv: points, names and demonyms; region-points.tsv: outline
/// centroids of first-level regions; aliases.tsv: short forms and wider areas). Deterministic: the same inputs give byte-identical output.
/// </summary>
/// <remarks>
/// The output is the binary table of <see cref="GazetteerFormat"/>: per entry its kind, geonameid
/// (0 when unknown), display name, coordinates, country and admin1 codes, feature code,
/// population, and its folded lookup keys. A key prefix '^' marks an abbreviation valid only after "Place, ",
/// '~' an adjective or demonym, '%' a region name without its designator ("kursk" for Kursk Oblast).
/// Region and country coordinates are the middle of the trimmed bounding box of their places;
/// countries prefer the point given in countries.tsv, first-level regions the centroid of their
/// outline in region-points.tsv (the middle of a box sits off-centre in an L-shaped province).
/// </remarks>
public static class GazetteerBuilder
{
    private static readonly string[] RegionDesignators =
    [
        "oblast", "region", "province", "governorate", "state", "krai", "kray", "district", "county",
        "prefecture", "department", "republic", "autonomous okrug", "okrug", "municipality", "voivodeship",
        "canton", "parish", "territory", "emirate", "city", "borough", "raion", "rayon", "division", "autonomous region",
    ];

    private const long MinPopulationForAlternates = 1000;

    // Countries writing their own place names in Cyrillic: their small places keep Cyrillic alternates.
    private static readonly HashSet<string> CyrillicCountries = new(StringComparer.Ordinal) { "RU", "UA", "BY", "KZ", "BG", "RS", "MK", "ME", "BA", "KG", "TJ", "MN", "MD", "GE", "AM", "AZ", "UZ", "TM" };

    private static bool HasCyrillic(string name)
    {
        foreach (var c in name) if (c >= '\u0400' && c <= '\u052F') return true;
        return false;
    }

    public sealed record BuildSummary(int Countries, int Regions, int Districts, int Places, int Areas, int Keys, long Bytes);

    public static BuildSummary Build(string geonamesFolder, string? isoCodesFolder, string outputPath)
    {
        var citiesPath = Path.Combine(geonamesFolder, "cities500.txt");
        if (!File.Exists(citiesPath)) throw new FileNotFoundException($"GeoNames cities500.txt not found in '{geonamesFolder}'.", citiesPath);
        var admin1Names = ReadNameTable(Path.Combine(geonamesFolder, "admin1.json"));
        var admin2Names = ReadNameTable(Path.Combine(geonamesFolder, "admin2.json"));

        var places = new List<Row>(200_000);
        foreach (var line in File.ReadLines(citiesPath, Encoding.UTF8))
        {
            var f = line.Split('\t');
            if (f.Length < 15 || f[6] != "P") continue;
            var row = new Row('P', long.Parse(f[0], CultureInfo.InvariantCulture), f[1],
                double.Parse(f[4], CultureInfo.InvariantCulture), double.Parse(f[5], CultureInfo.InvariantCulture),
                f[8], f[10], f[11], f[7], long.TryParse(f[14], NumberStyles.Integer, CultureInfo.InvariantCulture, out var pop) ? pop : 0);
            row.AddKey(f[1]);
            row.AddKey(f[2]);
            // Alternate names of hamlets are mostly transliterations nobody writes in English news;
            // dropping them keeps the table small and quick to load.
            if (row.Population >= MinPopulationForAlternates)
            {
                bool cyrillicCountry = CyrillicCountries.Contains(row.Country);
                foreach (var alternate in f[3].Split(',', StringSplitOptions.RemoveEmptyEntries))
                {
                    if (!IsUsefulAlternate(alternate)) continue;
                    if (!cyrillicCountry && row.Population < 100_000 && HasCyrillic(alternate)) continue;
                    row.AddKey(alternate);
                }
            }
            places.Add(row);
        }
        places.Sort((a, b) => a.Id.CompareTo(b.Id));

        // Regions and countries take their extent from their places.
        var regionMembers = new Dictionary<string, List<Row>>(StringComparer.Ordinal);
        var districtMembers = new Dictionary<string, List<Row>>(StringComparer.Ordinal);
        var countryMembers = new Dictionary<string, List<Row>>(StringComparer.Ordinal);
        foreach (var p in places)
        {
            Add(countryMembers, p.Country, p);
            if (p.Admin1.Length > 0) Add(regionMembers, $"{p.Country}.{p.Admin1}", p);
            if (p.Admin1.Length > 0 && p.Admin2.Length > 0) Add(districtMembers, $"{p.Country}.{p.Admin1}.{p.Admin2}", p);
        }

        var regionPoints = new Dictionary<string, (double Lat, double Lon)>(StringComparer.Ordinal);
        foreach (var columns in ReadEmbeddedTable("region-points.tsv"))
        {
            if (columns.Length < 3) continue;
            regionPoints[columns[0]] = (double.Parse(columns[1], CultureInfo.InvariantCulture), double.Parse(columns[2], CultureInfo.InvariantCulture));
        }
        var regions = new Dictionary<string, Row>(StringComparer.Ordinal);
        foreach (var (code, name) in admin1Names.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (!regionMembers.TryGetValue(code, out var members)) continue;
            var parts = code.Split('.');
            var (lat, lon) = regionPoints.TryGetValue(code, out var point)
                ? point
                : Centre(WithoutMiscodedMembers(members, countryMembers[parts[0]]));
            var row = new Row('A', 0, name, lat, lon, parts[0], parts[1], "", "ADM1", members.Sum(m => m.Population));
            row.AddKey(name);
            AddStem(row, name);
            regions[code] = row;
        }
        var districts = new List<Row>();
        foreach (var (code, name) in admin2Names.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (!districtMembers.TryGetValue(code, out var members)) continue;
            var parts = code.Split('.');
            if (parts.Length < 3) continue;
            var (lat, lon) = Centre(members);
            var row = new Row('B', 0, name, lat, lon, parts[0], parts[1], parts[2], "ADM2", members.Sum(m => m.Population));
            row.AddKey(name);
            AddStem(row, name);
            districts.Add(row);
        }

        var countryTable = ReadEmbeddedTable("countries.tsv");
        var countries = new SortedDictionary<string, Row>(StringComparer.Ordinal);
        Row Country(string cc, string? name)
        {
            if (countries.TryGetValue(cc, out var existing)) return existing;
            countryMembers.TryGetValue(cc, out var members);
            var (lat, lon) = members is null ? (0d, 0d) : Centre(members);
            var row = new Row('C', 0, name ?? cc, lat, lon, cc, "", "", "PCLI", members?.Sum(m => m.Population) ?? 0);
            countries[cc] = row;
            return row;
        }
        if (isoCodesFolder is not null)
        {
            var iso1 = Path.Combine(isoCodesFolder, "iso_3166-1.json");
            if (File.Exists(iso1)) ReadIsoCountries(iso1, Country);
            var iso2 = Path.Combine(isoCodesFolder, "iso_3166-2.json");
            if (File.Exists(iso2)) ReadIsoSubdivisions(iso2, regions);
        }
        foreach (var columns in countryTable)
        {
            if (columns.Length < 4) continue;
            var names = columns[3].Split('|', StringSplitOptions.RemoveEmptyEntries);
            var row = Country(columns[0], names.Length > 0 ? names[0] : null);
            row.Latitude = double.Parse(columns[1], CultureInfo.InvariantCulture);
            row.Longitude = double.Parse(columns[2], CultureInfo.InvariantCulture);
            if (names.Length > 0) row.Name = names[0];
            foreach (var n in names) row.AddKey(n);
            if (columns.Length > 4)
            {
                foreach (var d in columns[4].Split('|', StringSplitOptions.RemoveEmptyEntries))
                {
                    row.AddKey(d, '~');
                    // "Russians", "Israelis"; not "Britishes", "Chineses", "Swisses".
                    if (!d.EndsWith("sh", StringComparison.Ordinal) && !d.EndsWith("ch", StringComparison.Ordinal)
                        && !d.EndsWith("ese", StringComparison.Ordinal) && !d.EndsWith('s')) row.AddKey(d + "s", '~');
                }
            }
        }

        var areas = new List<Row>();
        var placeById = places.ToDictionary(p => p.Id);
        foreach (var columns in ReadEmbeddedTable("aliases.tsv"))
        {
            if (columns.Length < 3) continue;
            if (columns[0] == "area" && columns.Length >= 4)
            {
                var names = columns[3].Split('|', StringSplitOptions.RemoveEmptyEntries);
                var row = new Row('L', 0, names[0], double.Parse(columns[1], CultureInfo.InvariantCulture),
                    double.Parse(columns[2], CultureInfo.InvariantCulture), "", "", "", "AREA", 0);
                foreach (var n in names) AddPrefixed(row, n);
                areas.Add(row);
                continue;
            }
            if (columns[0] == "centre" && columns.Length >= 4)
            {
                if (countries.TryGetValue(columns[1][2..], out var centred))
                {
                    centred.Latitude = double.Parse(columns[2], CultureInfo.InvariantCulture);
                    centred.Longitude = double.Parse(columns[3], CultureInfo.InvariantCulture);
                }
                continue;
            }
            var target = columns[1];
            Row? aliasTarget = target[0] switch
            {
                'C' => countries.GetValueOrDefault(target[2..]),
                'A' => regions.GetValueOrDefault(target[2..]),
                'P' => placeById.GetValueOrDefault(long.Parse(target[2..], CultureInfo.InvariantCulture)),
                _ => null,
            };
            if (aliasTarget is null) continue;
            foreach (var n in columns[2].Split('|', StringSplitOptions.RemoveEmptyEntries)) AddPrefixed(aliasTarget, n);
        }

        var regionRows = regions.Values.OrderBy(r => r.Country, StringComparer.Ordinal).ThenBy(r => r.Admin1, StringComparer.Ordinal).ToList();
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outputPath))!);
        var rows = countries.Values.Concat(regionRows).Concat(districts).Concat(areas).Concat(places).ToList();
        int keyCount = GazetteerFormat.Write(outputPath, rows.Select(r => r.ToRecord()).ToList());
        return new BuildSummary(countries.Count, regionRows.Count, districts.Count, places.Count, areas.Count, keyCount, new FileInfo(outputPath).Length);
    }

    private static void Add(Dictionary<string, List<Row>> map, string key, Row row)
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        list.Add(row);
    }

    private static void AddPrefixed(Row row, string name)
    {
        if (name[0] is '^' or '~') row.AddKey(name[1..], name[0]);
        else row.AddKey(name);
    }

    private static void AddStem(Row row, string name)
    {
        var folded = PlaceNames.Fold(name);
        foreach (var designator in RegionDesignators)
        {
            string? stem = null;
            if (folded.EndsWith(" " + designator, StringComparison.Ordinal)) stem = folded[..^(designator.Length + 1)];
            else if (folded.StartsWith(designator + " of ", StringComparison.Ordinal)) stem = folded[(designator.Length + 4)..];
            if (!string.IsNullOrWhiteSpace(stem))
            {
                row.AddFoldedKey(stem, '%');
                return;
            }
        }
        row.AddFoldedKey(folded, '%');
    }

    private static bool IsUsefulAlternate(string name)
    {
        if (name.Length < 2 || name.Length > 60) return false;
        foreach (var c in name) if (char.IsDigit(c)) return false;
        if (name.StartsWith("http", StringComparison.OrdinalIgnoreCase)) return false;
        // Short all-capital alternates are airport, postal or licence-plate codes, not names in prose.
        if (name.Length <= 4 && name.All(c => !char.IsLetter(c) || char.IsUpper(c))) return false;
        return PlaceNames.IsLatinOrCyrillic(name);
    }

    // A group of members this far from the rest of its region, each this close to a place of another
    // region of the country, is a coding slip in GeoNames, not an exclave.
    private const double MiscodedGapKm = 600;
    private const double MiscodedNeighbourKm = 150;
    private const double MemberLinkKm = 300;
    private const double MiscodedMaxShare = 0.05;

    /// <summary>
    /// The region's members without those GeoNames files under it by mistake: a few Tibetan hamlets
    /// coded Hebei, a Zhejiang cluster coded Chongqing stretch the bounding box across the country
    /// (Jiangsu's centre fell 800 km west of the province). Members are grouped by chains of places
    /// under <see cref="MemberLinkKm"/> apart; a group that is small, far from the largest group and
    /// sits among another region's places is left out. Remote places of the region itself (Salluit in
    /// Quebec's north, Dikson in Krasnoyarsk Krai) have no other region's places beside them and stay.
    /// </summary>
    private static List<Row> WithoutMiscodedMembers(List<Row> members, List<Row> countryPlaces)
    {
        int n = members.Count;
        if (n < 3) return members;
        var order = Enumerable.Range(0, n).OrderBy(i => members[i].Latitude).ThenBy(i => members[i].Id).ToArray();
        var parent = Enumerable.Range(0, n).ToArray();
        int Find(int x)
        {
            while (parent[x] != x) x = parent[x] = parent[parent[x]];
            return x;
        }
        double linkLatitude = MemberLinkKm / 111.0;
        for (int a = 0; a < n; a++)
        {
            var p = members[order[a]];
            for (int b = a + 1; b < n; b++)
            {
                var q = members[order[b]];
                if (q.Latitude - p.Latitude > linkLatitude) break;
                int rp = Find(order[a]), rq = Find(order[b]);
                if (rp != rq && GeoMath.DistanceKm(p.Latitude, p.Longitude, q.Latitude, q.Longitude) <= MemberLinkKm) parent[rp] = rq;
            }
        }
        var groups = Enumerable.Range(0, n).GroupBy(Find).Select(g => g.ToList()).OrderByDescending(g => g.Count).ThenBy(g => g.Min()).ToList();
        if (groups.Count == 1) return members;
        var main = groups[0];
        var dropped = new HashSet<int>();
        foreach (var group in groups.Skip(1))
        {
            if (group.Count > MiscodedMaxShare * n) continue;
            bool far = group.All(i => main.All(j => GeoMath.DistanceKm(members[i].Latitude, members[i].Longitude, members[j].Latitude, members[j].Longitude) > MiscodedGapKm));
            if (!far) continue;
            bool amongOthers = group.All(i => countryPlaces.Any(o => o.Admin1.Length > 0 && o.Admin1 != members[i].Admin1
                && GeoMath.DistanceKm(members[i].Latitude, members[i].Longitude, o.Latitude, o.Longitude) <= MiscodedNeighbourKm));
            if (amongOthers) dropped.UnionWith(group);
        }
        return dropped.Count == 0 ? members : [.. Enumerable.Range(0, n).Where(i => !dropped.Contains(i)).Select(i => members[i])];
    }

    // The middle of the bounding box of a region's places: closer to the middle of its territory
    // than the population mean, which sits in the few big cities (southern Ontario, coastal Queensland).
    private static (double Lat, double Lon) Centre(List<Row> members)
    {
        double minLat = double.MaxValue, maxLat = double.MinValue, minLon = double.MaxValue, maxLon = double.MinValue;
        foreach (var m in members)
        {
            minLat = Math.Min(minLat, m.Latitude);
            maxLat = Math.Max(maxLat, m.Latitude);
            minLon = Math.Min(minLon, m.Longitude);
            maxLon = Math.Max(maxLon, m.Longitude);
        }
        double lat = (minLat + maxLat) / 2, lon = (minLon + maxLon) / 2;
        // A region across the antimeridian (Chukotka, Fiji): take the mean instead.
        if (maxLon - minLon > 180) lon = members.Average(m => m.Longitude);
        return (Math.Round(lat, 4), Math.Round(lon, 4));
    }

    private static Dictionary<string, string> ReadNameTable(string path)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(path)) return map;
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        foreach (var item in doc.RootElement.EnumerateArray())
        {
            var code = item.GetProperty("code").GetString();
            var name = item.GetProperty("name").GetString();
            if (code is not null && name is not null) map[code] = name;
        }
        return map;
    }

    private static void ReadIsoCountries(string path, Func<string, string?, Row> country)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        foreach (var item in doc.RootElement.GetProperty("3166-1").EnumerateArray())
        {
            var cc = item.GetProperty("alpha_2").GetString()!;
            string? common = item.TryGetProperty("common_name", out var c) ? c.GetString() : null;
            var name = item.GetProperty("name").GetString()!;
            var row = country(cc, common ?? name);
            foreach (var property in new[] { "name", "common_name", "official_name" })
            {
                if (item.TryGetProperty(property, out var value) && value.GetString() is { } text && !text.Contains(','))
                {
                    row.AddKey(text);
                }
            }
        }
    }

    // ISO 3166-2 names help only where GeoNames uses the ISO code itself (US states, Canadian
    // provinces...): elsewhere the codes differ and the names are transliterations GeoNames already has.
    private static void ReadIsoSubdivisions(string path, Dictionary<string, Row> regions)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        foreach (var item in doc.RootElement.GetProperty("3166-2").EnumerateArray())
        {
            var code = item.GetProperty("code").GetString()!.Replace('-', '.');
            var name = item.GetProperty("name").GetString()!;
            // Only letter codes are ISO's own in GeoNames ("US.OH"); numeric ones are FIPS-style and mean something else ("FR.75").
            if (!code.Any(char.IsLetter) || !code[3..].Any(char.IsLetter)) continue;
            if (regions.TryGetValue(code, out var row) && PlaceNames.IsLatinOrCyrillic(name) && !name.Contains(',')) row.AddKey(name);
        }
    }

    private static IEnumerable<string[]> ReadEmbeddedTable(string fileName)
    {
        foreach (var line in EmbeddedModels.ReadLines("places", fileName))
        {
            if (line.Length == 0 || line[0] == '#') continue;
            yield return line.Split('\t');
        }
    }

    private sealed class Row(char kind, long id, string name, double lat, double lon, string country, string admin1, string admin2, string featureCode, long population)
    {
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

        public char Kind { get; } = kind;
        public long Id { get; } = id;
        public string Name { get; set; } = name;
        public double Latitude { get; set; } = lat;
        public double Longitude { get; set; } = lon;
        public string Country { get; } = country;
        public string Admin1 { get; } = admin1;
        public string Admin2 { get; } = admin2;
        public string FeatureCode { get; } = featureCode;
        public long Population { get; } = population;
        public List<string> Keys { get; } = [];

        public void AddKey(string name, char prefix = '\0') => AddFoldedKey(PlaceNames.Fold(name), prefix);

        public void AddFoldedKey(string folded, char prefix)
        {
            if (folded.Length == 0 || folded.Length > PlaceNames.MaxKeyLength || folded.Contains('|') || folded.Contains('\t')) return;
            var key = prefix == '\0' ? folded : prefix + folded;
            if (_seen.Add(key)) Keys.Add(key);
        }

        public GazetteerFormat.Record ToRecord()
        {
            Keys.Sort(StringComparer.Ordinal);
            var kind = Kind switch
            {
                'C' => PlaceKind.Country,
                'A' => PlaceKind.Region,
                'B' => PlaceKind.District,
                'L' => PlaceKind.Area,
                _ => PlaceKind.Place,
            };
            return new GazetteerFormat.Record(kind, Id, Name, (float)Latitude, (float)Longitude, Country, Admin1, FeatureCode, Population, Keys);
        }
    }
}
