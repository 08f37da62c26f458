namespace Crosscheck.Events;

/// <summary>An event in the ACLED spirit, as one report describes it.</summary>
public sealed record NewsEvent(
    Span Evidence,
    string EventType,
    string? SubEventType,
    string? Date,
    Span? Place,
    string? Actor1,
    string? Actor2);
