namespace Crosscheck.Cleaning;

/// <summary>
/// Decides, for one line on its own, whether it is page debris: read-aloud notices, photo
/// credits and captions, related-story and share widgets, ads, reporting credits. Rules look at
/// the line's structure (a label and a colon at the start, a credit parenthesis at the end, a
/// © sign, its length), never at whole known lines.
/// </summary>
internal static class LineRules
{
    private static readonly string[] AudioCompanions =
    [
        " ai ", " ai-", "a.i.", "artificial intelligence", "generated", "created", "automated", "synthesi", "this article",
        "this story", "narrat", "listen", "version", "voice",
    ];

    private static readonly string[] PhotoLabelWords =
        ["photo", "photos", "photograph", "image", "images", "picture", "pictures", "illustration", "credit", "video", "graphic"];

    private static readonly string[] PhotoLabelModifiers =
        ["cover", "top", "main", "header", "featured", "feature", "lead", "file", "hero", "title", "banner"];

    /// <summary>Line openings that introduce links to other stories; "true" when a colon or line end must follow.</summary>
    private static readonly (string Prefix, bool NeedsEnd)[] RelatedOpenings =
    [
        ("more on ", false), ("more from ", false), ("more:", false), ("read also", false), ("also read", false),
        ("read more", true), ("see also", false), ("related", true), ("related stories", false), ("related articles", false),
        ("related coverage", false), ("related news", false), ("related content", false), ("recommended", true),
        ("recommended for you", false), ("read next", false), ("watch:", false), ("watch more", false), ("most read", false),
        ("latest news", true), ("you may also like", false), ("you might also like", false), ("don't miss", true),
        ("continue reading", false), ("read the full", false), ("top stories", true), ("trending", true),
        ("editor's picks", false), ("in other news", true), ("also on ", false), ("read:", false),
    ];

    private static readonly (string Prefix, bool NeedsEnd)[] WidgetOpenings =
    [
        ("share this", false), ("share on ", false), ("share:", false), ("share", true), ("follow us", false),
        ("subscribe", false), ("sign up", false), ("click here", false), ("download our app", false), ("tweet", true),
        ("email", true), ("print", true), ("comments", true), ("join our ", false), ("get the latest", false),
        ("scroll to continue", false), ("story continues", false), ("skip to", false),
    ];

    private static readonly string[] AdvertisementLines = ["advertisement", "advertising", "ad", "sponsored", "sponsored content", "promoted"];

    private static readonly string[] ReportingCreditOpenings =
        ["(reporting by", "reporting by", "additional reporting by", "(additional reporting", "editing by", "writing by", "compiled by", "(editing by", "(writing by"];

    /// <summary>The reason this line is debris, or null when it is story text.</summary>
    public static string? Classify(string line)
    {
        int words = CountWords(line);
        string lower = line.ToLowerInvariant();

        if (words <= 20 && IsReadAloudNotice(lower)) return DebrisReasons.ReadAloudNotice;
        if (words <= 25 && StartsWithPhotoLabel(lower)) return DebrisReasons.PhotoCredit;
        if (words <= 12 && IsBareCredit(lower)) return DebrisReasons.PhotoCredit;
        if (!HasLetterOrDigit(line)) return DebrisReasons.Separator;
        if (words <= 60 && HasCreditSign(line)) return DebrisReasons.PhotoCaption;
        if (words <= 60 && EndsWithPhotoParenthesis(lower)) return DebrisReasons.PhotoCaption;
        if (words <= 25 && Opens(lower, RelatedOpenings)) return DebrisReasons.RelatedLink;
        if (words <= 12 && Opens(lower, WidgetOpenings)) return DebrisReasons.Widget;
        if (words <= 2 && Array.IndexOf(AdvertisementLines, lower.Trim(' ', '-', '—', '.', ':')) >= 0) return DebrisReasons.Advertisement;
        if (words <= 40 && StartsWithAny(lower, ReportingCreditOpenings)) return DebrisReasons.ReportingCredit;
        return null;
    }

    private static bool HasLetterOrDigit(string line)
    {
        foreach (char c in line)
            if (char.IsLetterOrDigit(c)) return true;
        return false;
    }

    /// <summary>A © that starts a credit; "Ã©" (UTF-8 "é" decoded as Windows-1252) is not one.</summary>
    private static bool HasCreditSign(string line)
    {
        for (int at = line.IndexOf('©'); at >= 0; at = line.IndexOf('©', at + 1))
            if (at == 0 || !char.IsLetter(line[at - 1])) return true;
        return false;
    }

    /// <summary>
    /// "Published: 16 Dec 2024 10:22", "Updated December 16, 2024": a page's own time stamp line.
    /// Returns the text after the label.
    /// </summary>
    public static string? TimestampValue(string line, int words)
    {
        if (words > 12) return null;
        foreach (var label in (string[])["published", "updated", "posted", "last updated", "first published", "last modified"])
        {
            if (!line.StartsWith(label, StringComparison.OrdinalIgnoreCase)) continue;
            var rest = line.AsSpan(label.Length).TrimStart(" :-–—".AsSpan());
            if (rest.StartsWith("on ", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("at ", StringComparison.OrdinalIgnoreCase)) rest = rest[3..];
            return rest.IndexOfAnyInRange('0', '9') >= 0 ? rest.ToString() : null;
        }
        return null;
    }

    /// <summary>"By Jane Roe", "By Jane Roe and Ann Bo, Reuters": a byline line, returned without "By".</summary>
    public static string? BylineValue(string line, int words)
    {
        if (words is < 2 or > 12 || !line.StartsWith("By ", StringComparison.OrdinalIgnoreCase) || line.Length < 5) return null;
        if (!char.IsUpper(line[3]) || line[^1] is '.' or '!' or '?' && !char.IsUpper(line[^2])) return null;
        return line[3..].Trim();
    }

    public static int CountWords(string line)
    {
        int count = 0;
        bool inWord = false;
        foreach (char c in line)
        {
            bool wordChar = !char.IsWhiteSpace(c);
            if (wordChar && !inWord) count++;
            inWord = wordChar;
        }
        return count;
    }

    private static bool IsReadAloudNotice(string lower)
    {
        if (lower.StartsWith("listen", StringComparison.Ordinal) && (lower.Length == 6 || !char.IsLetter(lower[6]))) return true;
        if (lower.Contains("text-to-speech", StringComparison.Ordinal) || lower.Contains("read aloud", StringComparison.Ordinal)
            || lower.Contains("read-aloud", StringComparison.Ordinal) || lower.Contains("voiced by", StringComparison.Ordinal))
            return true;
        if (!lower.Contains("audio", StringComparison.Ordinal)) return false;
        string padded = $" {lower} ";
        foreach (var companion in AudioCompanions)
            if (padded.Contains(companion, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>"Photo: ...", "Cover photo: ...", "Image credit - ...", "Photos by ...".</summary>
    private static bool StartsWithPhotoLabel(string lower)
    {
        int i = 0;
        var first = NextWord(lower, ref i);
        if (Array.IndexOf(PhotoLabelModifiers, first) >= 0) first = NextWord(lower, ref i);
        if (Array.IndexOf(PhotoLabelWords, first) < 0) return false;
        int save = i;
        var second = NextWord(lower, ref i);
        if (second is "credit" or "credits" or "source") save = i;
        else if (second == "by") return true;
        i = save;
        while (i < lower.Length && lower[i] == ' ') i++;
        return i < lower.Length && lower[i] is ':' or '—' or '–' or '|' or '/' or '-' or '©';
    }

    /// <summary>A short line that is only an agency credit ("AFP PHOTO/KCNA VIA KNS", "Getty Images").</summary>
    private static bool IsBareCredit(string lower) =>
        lower.Contains("photo/", StringComparison.Ordinal) || lower.Contains("getty images", StringComparison.Ordinal)
        || lower.Contains("shutterstock", StringComparison.Ordinal) || lower.StartsWith("getty", StringComparison.Ordinal) || lower.Contains("/ap photo", StringComparison.Ordinal)
        || (lower.StartsWith('(') && lower.EndsWith(')') && lower.Contains("photo", StringComparison.Ordinal));

    /// <summary>A caption ends with a parenthesis about the picture: "(file photo).", "(AP Photo/...)", "(pictured)".</summary>
    private static bool EndsWithPhotoParenthesis(string lower)
    {
        int end = lower.Length;
        while (end > 0 && (char.IsWhiteSpace(lower[end - 1]) || lower[end - 1] is '.' or ',' or ';')) end--;
        if (end == 0 || lower[end - 1] != ')') return false;
        int open = lower.LastIndexOf('(', end - 1);
        if (open < 0 || end - open > 80) return false;
        var inside = lower.AsSpan(open + 1, end - open - 2);
        return inside.Contains("photo", StringComparison.Ordinal) || inside.Contains("pictured", StringComparison.Ordinal)
            || inside.Contains("getty", StringComparison.Ordinal) || inside.StartsWith("image", StringComparison.Ordinal)
            || inside.StartsWith("picture", StringComparison.Ordinal) || inside.Contains("file image", StringComparison.Ordinal);
    }

    private static bool Opens(string lower, (string Prefix, bool NeedsEnd)[] openings)
    {
        foreach (var (prefix, needsEnd) in openings)
        {
            if (!lower.StartsWith(prefix, StringComparison.Ordinal)) continue;
            if (prefix[^1] is ' ' or ':') return true;
            if (lower.Length == prefix.Length) return true;
            char next = lower[prefix.Length];
            if (char.IsLetter(next)) continue;
            if (!needsEnd) return true;
            var rest = lower.AsSpan(prefix.Length).Trim();
            if (rest.Length == 0 || rest[0] is ':' or '|' or '»' or '>' or '—' or '-') return true;
        }
        return false;
    }

    private static bool StartsWithAny(string lower, string[] prefixes)
    {
        foreach (var prefix in prefixes)
            if (lower.StartsWith(prefix, StringComparison.Ordinal)) return true;
        return false;
    }

    private static string NextWord(string lower, ref int i)
    {
        while (i < lower.Length && lower[i] == ' ') i++;
        int start = i;
        while (i < lower.Length && char.IsLetter(lower[i])) i++;
        return lower[start..i];
    }
}
