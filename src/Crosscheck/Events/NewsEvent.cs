using System.Collections.Immutable;
using Crosscheck.Places;

namespace Crosscheck.Events;

/// <summary>How precisely an event's date is known, with ACLED's time_precision codes.</summary>
public enum DatePrecision
{
    /// <summary>The text gives the day (ACLED 1).</summary>
    Day = 1,
    /// <summary>
    /// Within a week: a week is named, or only the date of the report or of the statement is known, and the
    /// event happened on or up to a week before it (ACLED 2).
    /// </summary>
    Week = 2,
    /// <summary>Only the month or a vaguer period is known (ACLED 3).</summary>
    Month = 3,
}

/// <summary>An event in the ACLED spirit, as one report describes it.</summary>
/// <param name="Evidence">The sentence the event was read from.</param>
/// <param name="EventType">ACLED event type: Battles, Explosions/Remote violence, Violence against civilians, Protests, Riots, Strategic developments.</param>
/// <param name="Date">ISO date (or TIMEX value such as "2024-W50", "2024-12") when known.</param>
/// <param name="Place">The place mention the event is located by, when the text names one.</param>
public sealed record NewsEvent(
    Span Evidence,
    string EventType,
    string? SubEventType,
    string? Date,
    Span? Place,
    string? Actor1,
    string? Actor2)
{
    /// <summary>Killed, as stated ("at least 30 killed" gives 30, the lower bound).</summary>
    public int? Fatalities { get; init; }

    public int? Wounded { get; init; }

    /// <summary>"30 killed and wounded", "casualties": a count that mixes both, never counted as fatalities.</summary>
    public int? KilledOrWounded { get; init; }

    /// <summary>True when a casualty count is a lower bound ("at least", "more than", "dozens").</summary>
    public bool CasualtiesAtLeast { get; init; }

    public DatePrecision Precision { get; init; } = DatePrecision.Week;

    /// <summary>Indexes into the article's claims layer of the attributions whose content states this event.</summary>
    public ImmutableArray<int> ClaimIndexes { get; init; } = [];

    /// <summary>Actors on Actor1's side ("North Korean troops alongside Russian forces").</summary>
    public ImmutableArray<string> AssociatedActors { get; init; } = [];

    public ImmutableArray<string> AssociatedActors2 { get; init; } = [];

    /// <summary>The resolved location when the places layer was present.</summary>
    public ResolvedPlace? Location { get; init; }

    /// <summary>The trigger words the type was read from.</summary>
    public Span? Trigger { get; init; }

    /// <summary>Free text for the ACLED notes column: who says so and how sure ("claimed by Ukrainska Pravda; unverified").</summary>
    public string? Note { get; init; }

    /// <summary>The last day when the text gives a span of days ("on December 14 and 15", "Saturday and Sunday"); <see cref="Date"/> is the first.</summary>
    public string? EndDate { get; init; }

    /// <summary>
    /// Finer places the sentence locates the event near ("near the villages of A, B and C in the R region"),
    /// when the event itself is placed at the region that encloses them.
    /// </summary>
    public ImmutableArray<Span> NearPlaces { get; init; } = [];

    /// <summary>
    /// ACLED records no fatalities for a strategic development or a peaceful protest: "30 soldiers, whom Russia
    /// had deployed, were killed" counts the dead on the battle of the same sentence, not on the deployment.
    /// </summary>
    public static bool CountsCasualties(string eventType) => eventType is not ("Strategic developments" or "Protests");
}
