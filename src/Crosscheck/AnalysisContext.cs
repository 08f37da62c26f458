namespace Crosscheck;

/// <summary>
/// What a stage may know besides the article itself. The reference date is always passed in:
/// no stage reads the clock, so an analysis is reproducible for a given input and date.
/// </summary>
/// <param name="FallbackReferenceDate">
/// Anchor for relative expressions ("Saturday", "last month") in a report whose publication date
/// is unknown. A report with a known date is always anchored on that date instead.
/// </param>
public sealed record AnalysisContext(DateOnly FallbackReferenceDate)
{
    public DateOnly ReferenceDateFor(Article article) => article.Published.Date ?? FallbackReferenceDate;

    /// <summary>
    /// The clock of the reference instant, when the caller knows it (an evaluation case gives "2019-05-27T12:00");
    /// passed in like the date, never read from the clock. It serves the clock shifts "30 minutes ago" and "in 3 hours
    /// from now"; null leaves them at their day. ("30 minutes later" is a stretch, PT30M, as in TimeML.)
    /// </summary>
    public TimeOnly? ReferenceTime { get; init; }

    /// <summary>The reference clock for this article: only on the day it belongs to, the fallback reference date.</summary>
    public TimeOnly? ReferenceTimeFor(Article article) => ReferenceTime is { } time && ReferenceDateFor(article) == FallbackReferenceDate ? time : null;

    /// <summary>True when relative expressions in this article rest on the fallback, not on its own date.</summary>
    public bool IsReferenceDateAssumed(Article article) => article.Published.Date is null;
}
