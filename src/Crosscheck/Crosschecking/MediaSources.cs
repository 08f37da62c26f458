using Crosscheck.Provenance;

namespace Crosscheck.Crosschecking;

/// <summary>
/// Tells a relay (a news agency or outlet passing a claim on: "Yonhap reported", "citing AFP")
/// from a primary source. A relay carries a claim; it is not its origin.
/// </summary>
internal static class MediaSources
{
    // Wire services and outlets whose names carry no media word, kept as data in models/provenance.
    // "Agency" alone is no media word: "the civil protection agency" is a primary source; a news
    // agency says "news" or "press", or is in the table.
    private static readonly HashSet<string> Agencies = new(
        WireAgencyTable.Default.Agencies.Concat(WireAgencyTable.MediaOutlets.Agencies)
            .SelectMany(a => a.Aliases.Append(a.Name))
            .Select(alias => alias.ToLowerInvariant()),
        StringComparer.OrdinalIgnoreCase);

    private static readonly string[] MediaWords =
    [
        "news", "press", "times", "tribune", "herald", "journal", "gazette", "tv", "television", "radio",
        "broadcaster", "media", "pravda", "wire", "newspaper", "daily", "magazine", "outlet", "telegraph",
    ];

    public static bool IsMedia(string name, IEnumerable<string> knownRelays)
    {
        var trimmed = name.Trim();
        if (trimmed.Length == 0) return false;
        foreach (var relay in knownRelays)
        {
            // "the news agency AFP" names the relay AFP; "Kyiv" does not name the outlet "Kyiv Independent".
            if (relay.Length > 1 && ContainsWords(trimmed, relay.Trim())) return true;
        }
        var lower = trimmed.ToLowerInvariant();
        if (lower.StartsWith("the ", StringComparison.Ordinal)) lower = lower[4..];
        if (Agencies.Contains(lower)) return true;
        foreach (var agency in Agencies)
        {
            // "the news agency AFP", "Yonhap news agency": an agency name inside a short phrase.
            if (lower.Length <= agency.Length + 16 && ContainsWords(lower, agency)) return true;
        }
        foreach (var word in lower.Split([' ', '-', '\''], StringSplitOptions.RemoveEmptyEntries))
        {
            if (Array.IndexOf(MediaWords, word) >= 0) return true;
        }
        return false;
    }

    private static bool ContainsWords(string text, string phrase)
    {
        int from = 0;
        while (from <= text.Length - phrase.Length)
        {
            int at = text.IndexOf(phrase, from, StringComparison.OrdinalIgnoreCase);
            if (at < 0) return false;
            int end = at + phrase.Length;
            if ((at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end]))) return true;
            from = at + 1;
        }
        return false;
    }
}
