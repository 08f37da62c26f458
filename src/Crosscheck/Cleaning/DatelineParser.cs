using System.Text.RegularExpressions;

namespace Crosscheck.Cleaning;

/// <summary>A dateline or agency prefix found at the start of a line, and where the story text resumes.</summary>
internal sealed record LeadingMetadata(string Text, int BodyStart);

/// <summary>
/// Recognises what a report's first line opens with before its first sentence: an agency prefix
/// ("(MENAFN- Live Mint)") and a dateline ("Seoul, Dec 16", "Kyiv, Ukraine -", "KYIV (Reuters) -",
/// "MOSCOW, Dec. 5 (Reuters) -", AP style "NAIROBI, Kenya (AP) _"). Patterns are anchored and applied to a bounded prefix of the
/// line, with no nested repetition.
/// </summary>
internal static partial class DatelineParser
{
    private const int Window = 160;

    private const string Month = @"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?";
    private const string PlaceWord = @"\p{Lu}[\p{L}'’.\-]{1,24}";

    [GeneratedRegex(
        @"^(?<place>" + PlaceWord + @"(?: " + PlaceWord + @"){0,3})(?:, (?!" + Month + @" \d)(?<place2>" + PlaceWord + @"(?: " + PlaceWord + @"){0,2}))?"
        + @"(?:,? (?<date>" + Month + @" \d{1,2}(?:, \d{4})?|\d{1,2} (?:" + Month + "|" + Provenance.DateMentions.CyrillicMonthPattern + @")(?: \d{4})?))?"
        + @"(?: ?\((?<agency>\p{Lu}[\p{L}.&' \-]{1,30})\)|\.? ?/(?<agency>\p{Lu}[\p{L}.&' \-]{1,30})/\.?)?"
        + @"(?<sep>\s*(?:--?|–|—|_)\s*|\s*:\s+|\s+)",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex DatelinePattern();

    [GeneratedRegex(@"^\((?<relay>\p{Lu}[\p{L}.&]{1,20})\s*[-–—:]\s*(?<outlet>[^()\n]{2,60}?)\s*\)\s*", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex AgencyPrefixPattern();

    /// <summary>All-caps words that open lines as labels, not as dateline places.</summary>
    private static readonly HashSet<string> Labels = new(StringComparer.Ordinal)
    {
        "BREAKING", "UPDATE", "UPDATED", "EXCLUSIVE", "WATCH", "LIVE", "VIDEO", "OPINION", "ANALYSIS", "EDITORIAL",
        "PHOTOS", "PHOTO", "LISTEN", "NEW", "CORRECTION", "URGENT", "FLASH", "ALERT", "REVIEW", "FACT CHECK",
    };

    /// <summary>"(MENAFN- Live Mint) ...": the relay service and the outlet it carries.</summary>
    public static (LeadingMetadata Prefix, string Relay, string Outlet)? AgencyPrefix(string line)
    {
        var match = AgencyPrefixPattern().Match(Bounded(line));
        if (!match.Success || match.Length >= line.Length) return null;
        string outlet = match.Groups["outlet"].Value.Trim();
        if (outlet.Length < 2) return null;
        return (new LeadingMetadata(line[..match.Length].TrimEnd(), match.Length), match.Groups["relay"].Value, outlet);
    }

    public static (LeadingMetadata Found, Dateline Dateline, string? Agency)? Dateline(string line)
    {
        var match = DatelinePattern().Match(Bounded(line));
        if (!match.Success || match.Length >= line.Length) return null;
        var place = match.Groups["place"];
        var place2 = match.Groups["place2"];
        var date = match.Groups["date"];
        var agency = match.Groups["agency"];
        var separator = match.Groups["sep"].ValueSpan.Trim();
        bool allCaps = IsAllCaps(place.ValueSpan);
        if (allCaps && Labels.Contains(place.Value)) return null;

        char next = line[match.Length];
        if (char.IsLower(next)) return null;
        if (separator.Length == 0)
        {
            // Without a dash the story runs straight on: only a dated dateline is clear enough.
            if (!date.Success || !(char.IsUpper(next) || next is '"' or '“' or '‘' or '\'')) return null;
        }
        else if (!(date.Success || agency.Success || place2.Success || allCaps))
        {
            return null;
        }
        else if (separator[0] == ':' && !(date.Success || agency.Success))
        {
            // "NEW DELHI, Dec 16:" is a dateline; "MEDIA:" or "Kyiv, Ukraine:" more often opens a label or a quote.
            return null;
        }

        string placeText = place2.Success ? $"{place.Value}, {place2.Value}" : place.Value;
        string text = line[..match.Length].TrimEnd();
        var dateline = new Crosscheck.Dateline(text, placeText, date.Success ? date.Value : null);
        return (new LeadingMetadata(text, match.Length), dateline, agency.Success ? agency.Value.Trim() : null);
    }

    private static string Bounded(string line) => line.Length <= Window ? line : line[..Window];

    private static bool IsAllCaps(ReadOnlySpan<char> s)
    {
        int letters = 0;
        foreach (char c in s)
        {
            if (!char.IsLetter(c)) continue;
            if (!char.IsUpper(c)) return false;
            letters++;
        }
        return letters >= 2;
    }
}
