using System.Globalization;
using System.Text;
using Crosscheck.Places;

namespace Crosscheck.Report;

/// <summary>A place to pin on the map; <paramref name="Precision"/> is the dossier's (exact, nearby, region, country).</summary>
public readonly record struct MapMarker(double Lat, double Lon, string Label, string Precision);

/// <summary>
/// Draws places on an inline SVG locator map from the offline country outlines
/// (<see cref="WorldOutlines"/>): no tiles, no script, no request. The view frames the markers
/// with a margin and never narrower than a few degrees, so a single village still shows its
/// region and borders. Exact and nearby places are filled dots; a place known only to its region
/// or country is a dashed ring, so the map does not pretend to precision it lacks.
/// </summary>
public static class LocatorMap
{
    private const double Width = 640;
    private const double MinimumLonSpan = 8, MinimumLatSpan = 5;
    private const int MaximumLabels = 12;
    private const double MaximumTallness = 0.75, MinimumTallness = 0.45;

    /// <summary>The SVG element, or an empty string when there is nothing to draw.</summary>
    public static string Render(IReadOnlyList<MapMarker> markers, WorldOutlines outlines, string title)
    {
        ArgumentNullException.ThrowIfNull(markers);
        ArgumentNullException.ThrowIfNull(outlines);
        var valid = markers.Where(m => double.IsFinite(m.Lat) && double.IsFinite(m.Lon) && Math.Abs(m.Lat) <= 90 && Math.Abs(m.Lon) <= 180).ToList();
        if (valid.Count == 0) return "";

        // A country's centre says little about where things happened: the view frames the finer
        // places when there are any, and country rings show only if they fall inside it.
        var framing = valid.Where(m => m.Precision != "country").ToList();
        if (framing.Count == 0) framing = valid;
        double west = framing.Min(m => m.Lon), east = framing.Max(m => m.Lon);
        double south = framing.Min(m => m.Lat), north = framing.Max(m => m.Lat);
        double lonPad = Math.Max(1.5, (east - west) * 0.25), latPad = Math.Max(1, (north - south) * 0.25);
        (west, east) = Widen(west - lonPad, east + lonPad, MinimumLonSpan, -180, 180);
        (south, north) = Widen(south - latPad, north + latPad, MinimumLatSpan, -85, 85);
        // Equirectangular with the east-west stretch of the view's middle latitude: close enough to
        // true shape for a regional map, and trivially explainable.
        double stretch = Math.Cos((south + north) / 2 * Math.PI / 180);
        // Between a wide strip and a 4:3 page: widen whichever side is short.
        double tallness = (north - south) / ((east - west) * stretch);
        if (tallness > MaximumTallness) (west, east) = Widen(west, east, (north - south) / stretch / MaximumTallness, -180, 180);
        else if (tallness < MinimumTallness) (south, north) = Widen(south, north, (east - west) * stretch * MinimumTallness, -85, 85);
        double scale = Width / ((east - west) * stretch);
        double height = Math.Round((north - south) * scale, 1);
        double X(double lon) => (lon - west) * stretch * scale;
        double Y(double lat) => (north - lat) * scale;

        var svg = new StringBuilder(64 * 1024);
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"map\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {height}\" width=\"{Width}\" height=\"{height}\" role=\"img\" aria-label=\"");
        svg.Append(HtmlText.Escape(title)).Append("\">");
        svg.Append("<title>").Append(HtmlText.Escape(title)).Append("</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{Width}\" height=\"{height}\" fill=\"#dbe9f4\"/>");
        svg.Append("<g fill=\"#f4f1ea\" stroke=\"#9a9184\" stroke-width=\"0.7\" stroke-linejoin=\"round\">");
        foreach (var country in outlines.Countries)
        {
            if (country.East < west || country.West > east || country.North < south || country.South > north) continue;
            var path = new StringBuilder();
            foreach (var ring in country.Rings)
            {
                AppendRing(path, ring, X, Y, height);
            }
            if (path.Length == 0) continue;
            svg.Append("<path d=\"").Append(path).Append("\"><title>").Append(HtmlText.Escape(country.Name)).Append("</title></path>");
        }
        svg.Append("</g>");

        var shown = valid.Where(m => m.Lon >= west && m.Lon <= east && m.Lat >= south && m.Lat <= north).ToList();
        bool labels = shown.Count <= MaximumLabels;
        foreach (var marker in shown.OrderBy(m => IsPrecise(m.Precision) ? 1 : 0))
        {
            double x = Math.Round(X(marker.Lon), 1), y = Math.Round(Y(marker.Lat), 1);
            string tooltip = $"{marker.Label} ({marker.Precision})";
            svg.Append(CultureInfo.InvariantCulture, $"<g class=\"marker\"><title>{HtmlText.Escape(tooltip)}</title>");
            svg.Append(IsPrecise(marker.Precision)
                ? string.Create(CultureInfo.InvariantCulture, $"<circle cx=\"{x}\" cy=\"{y}\" r=\"4.5\" fill=\"#b3261e\" stroke=\"#fff\" stroke-width=\"1.2\"/>")
                : string.Create(CultureInfo.InvariantCulture, $"<circle cx=\"{x}\" cy=\"{y}\" r=\"9\" fill=\"none\" stroke=\"#b3261e\" stroke-width=\"2\" stroke-dasharray=\"3 2\"/>"));
            if (labels)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 7}\" y=\"{y - 6}\" font-size=\"12\" font-family=\"sans-serif\" fill=\"#222\" stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\">");
                svg.Append(HtmlText.Escape(marker.Label)).Append("</text>");
            }
            svg.Append("</g>");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static bool IsPrecise(string precision) => precision is "exact" or "nearby";

    private static (double Low, double High) Widen(double low, double high, double minimumSpan, double floor, double ceiling)
    {
        if (high - low < minimumSpan)
        {
            double middle = (low + high) / 2;
            (low, high) = (middle - minimumSpan / 2, middle + minimumSpan / 2);
        }
        if (low < floor) (low, high) = (floor, Math.Min(ceiling, high + floor - low));
        if (high > ceiling) (low, high) = (Math.Max(floor, low - (high - ceiling)), ceiling);
        return (low, high);
    }

    // Points outside the view are pinned to a frame just beyond it, so a country's far coasts cost
    // nothing, and points closer than half a pixel to the last one drawn add bytes, not shape.
    private static void AppendRing(StringBuilder path, IReadOnlyList<GeoPoint> ring, Func<double, double> x, Func<double, double> y, double height)
    {
        const double Frame = 20;
        double lastX = double.NaN, lastY = double.NaN;
        int drawn = 0;
        int start = path.Length;
        foreach (var point in ring)
        {
            double px = Math.Round(Math.Clamp(x(point.Lon), -Frame, Width + Frame), 1);
            double py = Math.Round(Math.Clamp(y(point.Lat), -Frame, height + Frame), 1);
            if (drawn > 0 && Math.Abs(px - lastX) < 0.5 && Math.Abs(py - lastY) < 0.5) continue;
            path.Append(drawn == 0 ? 'M' : 'L').Append(px.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(py.ToString(CultureInfo.InvariantCulture));
            (lastX, lastY) = (px, py);
            drawn++;
        }
        if (drawn < 3) path.Length = start;
        else path.Append('Z');
    }
}
