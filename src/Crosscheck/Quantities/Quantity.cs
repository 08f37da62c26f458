namespace Crosscheck.Quantities;

public enum CasualtyKind { Killed, Wounded, KilledOrWounded, Missing, Captured }

/// <summary>
/// A number with its modifier turned into an interval ("at least 30" is [30, +inf): Max null),
/// its unit, and what it counts.
/// </summary>
public sealed record Quantity(
    Span Span,
    double? Min,
    double? Max,
    string Unit,
    string? Counted = null,
    CasualtyKind? Casualty = null);
