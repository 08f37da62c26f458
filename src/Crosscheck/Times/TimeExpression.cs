namespace Crosscheck.Times;

public enum TimexType { Date, Time, Duration, Set }

/// <summary>A time expression and its TIMEX3 value ("2024-12-14", "2024-W50", "P3D", "PRESENT_REF").</summary>
/// <param name="Modifier">TIMEX3 mod: START, MID, END ("early November"), APPROX, LESS_THAN, MORE_THAN, EQUAL_OR_LESS, EQUAL_OR_MORE ("at least two weeks"); null when none.</param>
/// <param name="Anchored">True when the value was computed from the reference date ("Saturday", "last month"), false when the text names it fully ("16 December 2024", "P3D").</param>
public sealed record TimeExpression(Span Span, TimexType Type, string Value, string? Modifier = null, bool Anchored = false);
