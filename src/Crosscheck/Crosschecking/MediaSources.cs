namespace Crosscheck.Crosschecking;

/// <summary>
/// Tells a relay (a news agency or outlet passing a claim on: "Yonhap reported", "citing AFP")
/// from a primary source. A relay carries a claim; it is not its origin.
/// </summary>
internal static class MediaSources
{
    // Major wire services and broadcasters whose names carry no media word.
    private static readonly HashSet<string> Agencies = new(StringComparer.OrdinalIgnoreCase)
    {
        "reuters", "afp", "ap", "associated press", "agence france-presse", "agence france presse", "yonhap", "kyodo",
        "xinhua", "tass", "ria", "ria novosti", "interfax", "ukrinform", "unian", "bloomberg", "bbc", "cnn", "dpa",
        "efe", "ansa", "pti", "ani", "anadolu", "kcna", "nhk", "al jazeera", "menafn", "upi", "sputnik", "rbc",
    };

    private static readonly string[] MediaWords =
    [
        "news", "agency", "press", "times", "post", "tribune", "herald", "journal", "gazette", "channel", "tv",
        "television", "radio", "broadcaster", "media", "pravda", "wire", "newspaper", "daily", "magazine", "outlet",
        "telegraph", "guardian", "independent", "kyiv independent", "mint",
    ];

    public static bool IsMedia(string name, IEnumerable<string> knownRelays)
    {
        var trimmed = name.Trim();
        if (trimmed.Length == 0) return false;
        foreach (var relay in knownRelays)
        {
            if (relay.Length > 0 && (trimmed.Contains(relay, StringComparison.OrdinalIgnoreCase) || relay.Contains(trimmed, StringComparison.OrdinalIgnoreCase))) return true;
        }
        var lower = trimmed.ToLowerInvariant();
        if (lower.StartsWith("the ", StringComparison.Ordinal)) lower = lower[4..];
        if (Agencies.Contains(lower)) return true;
        foreach (var word in lower.Split([' ', '-', '\''], StringSplitOptions.RemoveEmptyEntries))
        {
            if (Agencies.Contains(word) && lower.Length <= word.Length + 12) return true;
            if (Array.IndexOf(MediaWords, word) >= 0) return true;
        }
        return false;
    }
}
