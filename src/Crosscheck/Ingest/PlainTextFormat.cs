namespace Crosscheck.Ingest;

/// <summary>
/// Plain-text reports. An optional header " date YYYY-MM-DD " may open the file; the report text
/// goes straight on after the date (same line or next). The header's date is the given publication date.
/// </summary>
internal static class PlainTextFormat
{
    public const string HeaderSource = "date header";

    public static RawArticle Parse(string id, string location, string text, string hash)
    {
        var (body, date) = SplitHeader(text);
        return new RawArticle
        {
            Id = id,
            Location = location,
            Format = InputFormat.Text,
            Body = NormalizeNewlines(body),
            PublishedGiven = date,
            PublishedSource = date is null ? null : HeaderSource,
            ContentHash = hash,
        };
    }

    /// <summary>Splits off the " date YYYY-MM-DD " header when present and well-formed.</summary>
    public static (string Body, DateOnly? Date) SplitHeader(string text)
    {
        int i = 0;
        while (i < text.Length && (text[i] == ' ' || text[i] == '\t')) i++;
        if (string.CompareOrdinal(text, i, "date", 0, 4) != 0) return (text, null);
        int afterWord = i + 4;
        int dateStart = afterWord;
        while (dateStart < text.Length && (text[dateStart] == ' ' || text[dateStart] == '\t')) dateStart++;
        if (dateStart == afterWord || dateStart + 10 > text.Length) return (text, null);
        int dateEnd = dateStart + 10;
        if (dateEnd < text.Length && !char.IsWhiteSpace(text[dateEnd])) return (text, null);
        var date = DateValues.Parse(text.Substring(dateStart, 10));
        if (date is null || text[dateStart + 4] != '-') return (text, null);
        int bodyStart = dateEnd;
        while (bodyStart < text.Length && char.IsWhiteSpace(text[bodyStart])) bodyStart++;
        return (text[bodyStart..], date);
    }

    public static string NormalizeNewlines(string text) =>
        text.Contains('\r') ? text.Replace("\r\n", "\n").Replace('\r', '\n') : text;
}
