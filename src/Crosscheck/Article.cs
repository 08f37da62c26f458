using System.Collections.Immutable;

namespace Crosscheck;

/// <summary>
/// One report after ingest and cleaning. <see cref="Text"/> is the one string that every
/// annotation offset refers to; what cleaning took out is kept in <see cref="Removed"/>.
/// </summary>
public sealed record Article
{
    /// <summary>File name without extension, or the id given in JSON input.</summary>
    public required string Id { get; init; }

    /// <summary>Where the report was read from (file path, with line for JSON Lines), for messages.</summary>
    public string? SourcePath { get; init; }

    public string? Outlet { get; init; }

    public string? Url { get; init; }

    public string? Title { get; init; }

    public string? Byline { get; init; }

    public Dateline? Dateline { get; init; }

    /// <summary>Agencies and outlets the report names as its own sources ("Yonhap news agency reported").</summary>
    public ImmutableArray<string> Relays { get; init; } = [];

    /// <summary>
    /// Chains of relays the report names, nearest first: "Ukrainska Pravda reported, citing a drone
    /// unit" is ["Ukrainska Pravda", "a drone unit"].
    /// </summary>
    public ImmutableArray<ImmutableArray<string>> RelayChains { get; init; } = [];

    public required string Text { get; init; }

    public ImmutableArray<RemovedPiece> Removed { get; init; } = [];

    public PublicationDate Published { get; init; } = PublicationDate.Unknown;

    /// <summary>ISO 639-1 code, or "und" when the text is too short or mixed to tell.</summary>
    public string Language { get; init; } = "und";

    public double LanguageConfidence { get; init; }

    /// <summary>Hash of the raw input, so an unchanged report is never analysed twice.</summary>
    public required string ContentHash { get; init; }
}

/// <summary>A piece of page debris that cleaning removed, with the reason a reader can check.</summary>
public sealed record RemovedPiece(string Text, string Reason);

/// <summary>The place-and-date line a report opens with ("Seoul, Dec 16", "KYIV (Reuters) -").</summary>
public sealed record Dateline(string Text, string? Place, string? DateText);

public enum PublishedHow { Given, Inferred, Unknown }

/// <summary>When a report was published, and how we know it.</summary>
public sealed record PublicationDate(DateOnly? Date, PublishedHow How, double Confidence, string? Explanation)
{
    public static PublicationDate Unknown { get; } = new(null, PublishedHow.Unknown, 0, null);

    public static PublicationDate Given(DateOnly date, string source) => new(date, PublishedHow.Given, 1, source) { Basis = DateBasis.Metadata };

    /// <summary>What the date rests on: see <see cref="DateBasis"/>; null when unknown.</summary>
    public string? Basis { get; init; }
}

/// <summary>The evidence a publication date rests on, as written in dossier.json's <c>publishedBasis</c>.</summary>
public static class DateBasis
{
    /// <summary>Given with the input: a date header, JSON field or page metadata.</summary>
    public const string Metadata = "metadata";
    /// <summary>The report's dateline ("Seoul, Dec 16").</summary>
    public const string Dateline = "dateline";
    /// <summary>Dates the report's own text writes ("Monday December 16").</summary>
    public const string Text = "text";
    /// <summary>The dated reports of the same story, with the days this report narrates.</summary>
    public const string Story = "story";
}
