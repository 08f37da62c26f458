using System.Collections.Immutable;

namespace Crosscheck.Report;

// The dossier.json contract (docs/dossier.md, docs/dossier.schema.json). Later work adds
// fields; it never renames these. Property names serialise in camelCase.

public sealed record Dossier
{
    public string SchemaVersion { get; init; } = "1";
    public DateOnly ReferenceDate { get; init; }
    public ImmutableArray<DossierArticle> Articles { get; init; } = [];
    public ImmutableArray<DossierStory> Stories { get; init; } = [];
    public ImmutableArray<DossierEntity> Entities { get; init; } = [];
    public ImmutableArray<DossierTime> Times { get; init; } = [];
    public ImmutableArray<DossierQuantity> Quantities { get; init; } = [];
    public ImmutableArray<DossierClaim> Claims { get; init; } = [];
    public ImmutableArray<DossierEvent> Events { get; init; } = [];
    public ImmutableArray<DossierContradiction> Contradictions { get; init; } = [];
    public ImmutableArray<DossierTimelineEntry> Timeline { get; init; } = [];
}

/// <summary>Points at the exact words of a source: offsets into that article's cleaned text.</summary>
public sealed record Evidence(string Article, int Start, int End);

public sealed record DossierRemoved(string Text, string Reason);

public sealed record DossierArticle
{
    public required string Id { get; init; }
    public string? Outlet { get; init; }
    public string? Url { get; init; }
    public string? Title { get; init; }
    public string? Byline { get; init; }
    public string? Dateline { get; init; }
    public ImmutableArray<string> Relays { get; init; } = [];
    /// <summary>YYYY-MM-DD or null.</summary>
    public string? Published { get; init; }
    /// <summary>"given", "inferred" or "unknown".</summary>
    public required string PublishedHow { get; init; }
    public string? PublishedExplanation { get; init; }
    /// <summary>
    /// YYYY-MM-DD: for a report with no date, the date its relative dates were read against, when that is not the
    /// dossier's <see cref="Dossier.ReferenceDate"/> (an earlier run stored it, and a new build analysed it again on the same date).
    /// </summary>
    public string? AnchoredOn { get; init; }
    public required string Language { get; init; }
    public double LanguageConfidence { get; init; }
    public required string Text { get; init; }
    public ImmutableArray<DossierRemoved> Removed { get; init; } = [];
    /// <summary>Relay chains the report names, nearest first ("X reported, citing Y": [X, Y]).</summary>
    public ImmutableArray<ImmutableArray<string>> RelayChains { get; init; } = [];
    /// <summary>What the date rests on: metadata, dateline, text or story; null when unknown.</summary>
    public string? PublishedBasis { get; init; }
    /// <summary>original, copy, rewrite or translation (of <see cref="CopyOf"/>).</summary>
    public string? CopyStatus { get; init; }
    /// <summary>Id of the earliest report this one copies, rewrites or translates.</summary>
    public string? CopyOf { get; init; }
    public string? CopyExplanation { get; init; }
    /// <summary>Publisher family: one owner's outlets or one syndication feed.</summary>
    public string? Family { get; init; }
}

public sealed record DossierStory(string Id, string Title, ImmutableArray<string> Articles)
{
    /// <summary>Why these reports were grouped, in one sentence.</summary>
    public string? Explanation { get; init; }
}

public sealed record DossierPlace(double Lat, double Lon, long? GeonamesId, string Precision)
{
    public string? Country { get; init; }
    public string? Admin1 { get; init; }
}

public sealed record DossierEntity
{
    public required string Id { get; init; }
    /// <summary>person, organization, place, group or other.</summary>
    public required string Type { get; init; }
    public required string Name { get; init; }
    public ImmutableArray<string> Aliases { get; init; } = [];
    public ImmutableArray<Evidence> Mentions { get; init; } = [];
    public DossierPlace? Place { get; init; }
}

public sealed record DossierTime(string Article, int Start, int End, string Text, string Type, string Value);

public sealed record DossierQuantity(string Article, int Start, int End, string Text, double? Min, double? Max, string Unit)
{
    public string? Counted { get; init; }
    public string? Casualty { get; init; }
    /// <summary>The interval in the canonical unit (km, km2, kg, l, %, an ISO currency code), so 300 square miles and 800 km2 compare; null when the unit has no conversion.</summary>
    public DossierSi? Si { get; init; }
    /// <summary>True when the figure cannot be what it says (more people than live on Earth); absent otherwise.</summary>
    public bool? Implausible { get; init; }
}

/// <summary>A quantity's interval converted to its canonical unit; an open end is null.</summary>
public sealed record DossierSi(double? Min, double? Max, string Unit);

public sealed record DossierClaim
{
    public required string Id { get; init; }
    public required string Story { get; init; }
    /// <summary>Entity id of the speaker, or null when unresolved.</summary>
    public string? Speaker { get; init; }
    public string? SpeakerText { get; init; }
    public string? Cue { get; init; }
    public required string Content { get; init; }
    /// <summary>directQuote, indirectSpeech, accordingTo or other.</summary>
    public required string Kind { get; init; }
    /// <summary>asserted, claimed, alleged, denied, confirmed, unverified or disputed.</summary>
    public required string Status { get; init; }
    /// <summary>The speaker's own position, from the cue alone: affirms, rejects, disputes or doubts (the status also counts the reporter's hedges).</summary>
    public string? Stance { get; init; }
    public ImmutableArray<Evidence> Evidence { get; init; } = [];
    public ImmutableArray<string> Articles { get; init; } = [];
    /// <summary>The content as structure (in the report that represents the claim), when anything was found.</summary>
    public DossierProposition? Proposition { get; init; }
    /// <summary>
    /// How the claim reached the reader in its first carrying report, as written, the primary source first
    /// ("a drone unit", "Ukrainska Pravda", "Yonhap", the outlet).
    /// </summary>
    public ImmutableArray<string> Chain { get; init; } = [];
    /// <summary>Entity ids of the primary sources (the first source of each relay chain).</summary>
    public ImmutableArray<string> Origins { get; init; } = [];
    /// <summary>Primary sources named as particular bodies that resolved to no entity ("the interior ministry"), lower-cased.</summary>
    public ImmutableArray<string> UnresolvedOrigins { get; init; } = [];
    /// <summary>
    /// Distinct primary sources: <see cref="Origins"/> and <see cref="UnresolvedOrigins"/>; when neither names one,
    /// the newsrooms whose unnamed sources carry it (copies of one dispatch count once), at least 1.
    /// </summary>
    public int IndependentOrigins { get; init; }
    /// <summary>Reports carrying the claim, copies of one text counted once.</summary>
    public int IndependentCarriers { get; init; }
    /// <summary>In plain words: "single origin", "independently corroborated", ...</summary>
    public string? Corroboration { get; init; }
    /// <summary>What a reader should know about how the carriers agree, e.g. figures in different units that match.</summary>
    public string? Note { get; init; }
}

/// <summary>What a claim states, as structure: who acts, the action, the figures, places and dates inside its content.</summary>
public sealed record DossierProposition
{
    /// <summary>Entity ids of the actors the content names (people, organisations, armed groups).</summary>
    public ImmutableArray<string> Actors { get; init; } = [];
    /// <summary>The content's main verb group as written ("were killed or wounded").</summary>
    public string? Action { get; init; }
    public ImmutableArray<DossierQuantity> Figures { get; init; } = [];
    /// <summary>Resolved names of the places inside the content.</summary>
    public ImmutableArray<string> Places { get; init; } = [];
    /// <summary>TIMEX3 values of the dates inside the content.</summary>
    public ImmutableArray<string> Dates { get; init; } = [];
}

public sealed record DossierEvent
{
    public required string Id { get; init; }
    public required string Story { get; init; }
    public required string Type { get; init; }
    public string? SubType { get; init; }
    public string? Date { get; init; }
    /// <summary>The last day when the reports give a span of days; <see cref="Date"/> is the first.</summary>
    public string? EndDate { get; init; }
    public string? Place { get; init; }
    /// <summary>Finer places the event happened near, as the reports write them ("Plekhovo"), when <see cref="Place"/> is their region.</summary>
    public ImmutableArray<string> Near { get; init; } = [];
    public string? Actor1 { get; init; }
    /// <summary>Actors fighting on actor1's side ("North Korean troops alongside Russian forces"): ACLED's assoc_actor_1.</summary>
    public ImmutableArray<string> AssociatedActors1 { get; init; } = [];
    public string? Actor2 { get; init; }
    public double? Fatalities { get; init; }
    public double? Wounded { get; init; }
    public double? KilledOrWounded { get; init; }
    public ImmutableArray<Evidence> Evidence { get; init; } = [];
    public ImmutableArray<string> Articles { get; init; } = [];
    public ImmutableArray<string> Claims { get; init; } = [];
    public string? Note { get; init; }
}

public sealed record DossierContradiction
{
    public required string Id { get; init; }
    public required string Story { get; init; }
    /// <summary>quantity, status or change.</summary>
    public required string Kind { get; init; }
    public ImmutableArray<string> Claims { get; init; } = [];
    public required string Explanation { get; init; }
    public ImmutableArray<Evidence> Evidence { get; init; } = [];
}

public sealed record DossierTimelineEntry
{
    public required string Story { get; init; }
    /// <summary>TIMEX3 value of the date ("2024-12-14", "2024-11").</summary>
    public required string Date { get; init; }
    /// <summary>As a reader sees it: "14-15 Dec 2024", "Nov 2024".</summary>
    public required string DisplayDate { get; init; }
    public required string Text { get; init; }
    public ImmutableArray<string> Claims { get; init; } = [];
    public ImmutableArray<string> Events { get; init; } = [];
    public ImmutableArray<Evidence> Evidence { get; init; } = [];
}
