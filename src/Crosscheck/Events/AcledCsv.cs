using System.Globalization;
using System.Text;

namespace Crosscheck.Events;

/// <summary>
/// Writes events as ACLED-compatible CSV (RFC 4180 quoting, one header row). Columns: event_date,
/// year, time_precision, event_type, sub_event_type, actor1, assoc_actor_1, actor2, country, admin1,
/// location, latitude, longitude, geo_precision, source, notes, fatalities. ACLED's fatalities column
/// counts deaths only: a mixed "killed and wounded" count is left out of it and stated in notes.
/// </summary>
public static class AcledCsv
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "event_date", "year", "time_precision", "event_type", "sub_event_type", "actor1", "assoc_actor_1", "actor2",
        "country", "admin1", "location", "latitude", "longitude", "geo_precision", "source", "notes", "fatalities",
    ];

    /// <summary>Writes the header and one row per event of every article (events read from the events layer).</summary>
    public static void Write(TextWriter writer, IEnumerable<AnalyzedArticle> articles)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(string.Join(',', Columns));
        writer.Write("\r\n");
        foreach (var article in articles)
        {
            foreach (var e in article.Items(Layers.Events)) WriteRow(writer, article, e);
        }
    }

    /// <summary>One row; the article supplies the source name and the text of the evidence and place spans.</summary>
    public static void WriteRow(TextWriter writer, AnalyzedArticle article, NewsEvent e)
    {
        var text = article.Text;
        var place = e.Location;
        string location = place?.Name ?? (e.Place is { } span ? span.Of(text) : "");
        string? year = e.Date is { Length: >= 4 } d ? d[..4] : null;
        var notes = new StringBuilder(Clip(e.Evidence.Of(text).Replace('\n', ' '), 400));
        if (e.KilledOrWounded is { } mixed) notes.Append(" [").Append(e.CasualtiesAtLeast ? "at least " : "").Append(mixed).Append(" killed or wounded]");
        if (e.Wounded is { } wounded) notes.Append(" [").Append(wounded).Append(" wounded]");
        // ACLED dates an event by one day: a span of days is the first, and the notes say so.
        if (e.EndDate is { } endDate) notes.Append(" [").Append(e.Date).Append(" to ").Append(endDate).Append(']');
        if (!e.NearPlaces.IsDefaultOrEmpty) notes.Append(" [near ").Append(string.Join(", ", e.NearPlaces.Select(p => p.Of(text)))).Append(']');
        if (!string.IsNullOrEmpty(e.Note)) notes.Append(" [").Append(e.Note).Append(']');
        string[] cells =
        [
            e.Date ?? "",
            year ?? "",
            ((int)e.Precision).ToString(CultureInfo.InvariantCulture),
            e.EventType,
            e.SubEventType ?? "",
            e.Actor1 ?? "",
            string.Join("; ", e.AssociatedActors),
            e.Actor2 ?? "",
            place?.CountryCode ?? "",
            place?.Admin1 ?? "",
            location,
            place is null ? "" : place.Latitude.ToString("0.####", CultureInfo.InvariantCulture),
            place is null ? "" : place.Longitude.ToString("0.####", CultureInfo.InvariantCulture),
            place is null ? "" : GeoPrecision(place.Precision).ToString(CultureInfo.InvariantCulture),
            article.Article.Outlet ?? article.Article.Id,
            notes.ToString(),
            (e.Fatalities ?? 0).ToString(CultureInfo.InvariantCulture),
        ];
        for (int i = 0; i < cells.Length; i++)
        {
            if (i > 0) writer.Write(',');
            writer.Write(Quote(cells[i]));
        }
        writer.Write("\r\n");
    }

    /// <summary>ACLED geo_precision: 1 the place itself, 2 near it or a small part of a region, 3 only the region.</summary>
    private static int GeoPrecision(Places.PlacePrecision precision) => precision switch
    {
        Places.PlacePrecision.Exact => 1,
        Places.PlacePrecision.Nearby => 2,
        _ => 3,
    };

    private static string Clip(string s, int max) => s.Length <= max ? s : s[..max] + "…";

    private static string Quote(string cell)
    {
        // Report text is hostile: a cell a spreadsheet would run as a formula is made plain text.
        // A negative coordinate or count stays a number.
        if (cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r'
            && !double.TryParse(cell, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            cell = "'" + cell;
        }
        return cell.AsSpan().IndexOfAny(",\"\r\n") < 0 ? cell : "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
