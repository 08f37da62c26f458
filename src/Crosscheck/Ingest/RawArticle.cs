namespace Crosscheck.Ingest;

public enum InputFormat { Text, Json, JsonLines, Html }

/// <summary>
/// A report as read from its file, before cleaning: the body is plain text (paragraphs separated
/// by blank lines) whatever the input format was.
/// </summary>
public sealed record RawArticle
{
    public required string Id { get; init; }

    /// <summary>File path, with ":line" for one record of a JSON Lines file.</summary>
    public required string Location { get; init; }

    public required InputFormat Format { get; init; }

    public required string Body { get; init; }

    public string? Title { get; init; }

    public string? Url { get; init; }

    public string? Outlet { get; init; }

    public string? Byline { get; init; }

    public DateOnly? PublishedGiven { get; init; }

    /// <summary>Where the given date came from ("seed header", "date_publish", "meta article:published_time").</summary>
    public string? PublishedSource { get; init; }

    /// <summary>SHA-256 (hex) of the raw bytes of this record.</summary>
    public required string ContentHash { get; init; }

    /// <summary>Character encoding the bytes were decoded with ("utf-8", "utf-16LE", "windows-1251", ...).</summary>
    public string Encoding { get; init; } = "utf-8";

    /// <summary>
    /// True when the encoding was guessed (no BOM, not valid UTF-8): the reader names its guess in
    /// <see cref="Encoding"/> so a garbled report can be traced to it.
    /// </summary>
    public bool EncodingAssumed { get; init; }
}

/// <summary>One result of reading inputs: a report, or one clear message about a location.</summary>
/// <param name="Skipped">
/// True for a file met while walking a folder that is not a news format at all (a README, an
/// image): it is passed over with its reason, and does not count as rejected input.
/// </param>
public sealed record ReadItem(string Location, RawArticle? Article, string? Error, bool Skipped = false)
{
    public static ReadItem Ok(RawArticle article) => new(article.Location, article, null);

    public static ReadItem Fail(string location, string error) => new(location, null, error);

    public static ReadItem Skip(string location, string reason) => new(location, null, reason, Skipped: true);
}
