namespace Crosscheck.Times;

public enum TimexType { Date, Time, Duration, Set }

/// <summary>A time expression and its TIMEX3 value ("2024-12-14", "2024-W50", "P3D", "PRESENT_REF").</summary>
public sealed record TimeExpression(Span Span, TimexType Type, string Value);
