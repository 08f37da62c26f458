namespace Crosscheck.Quantities;

public enum CasualtyKind { Killed, Wounded, KilledOrWounded, Missing, Captured }

/// <summary>What a quantity measures; the canonical unit follows from it (see <see cref="Quantity.SiUnit"/>).</summary>
public enum QuantityKind { Count, Persons, Percent, Currency, Length, Area, Mass, Volume, Fraction, Age, Temperature }

/// <summary>
/// A number with its modifier turned into an interval ("at least 30" is [30, +inf): Max null),
/// its unit, and what it counts.
/// </summary>
/// <param name="Unit">
/// The unit as the text gave it, normalised: "" for a bare count, "persons" when people are counted,
/// "%", an ISO 4217 code for money ("USD"; "cent" for cents), or the unit's name ("square mile", "kilometre").
/// </param>
/// <param name="MinExclusive">True when Min itself is excluded ("more than 10,000" is (10000, +inf)).</param>
/// <param name="MaxExclusive">True when Max itself is excluded ("fewer than 50", "nearly 50,000", "dozens").</param>
/// <param name="Value">The number as stated, before any modifier ("about 50,000" has Value 50000; a range gives its
/// first number; a vague plural its smallest plausible reading, "dozens" 24). Negative for "-5" or "minus five".</param>
/// <param name="Approximate">A hedge widened the interval: about/around/some/roughly/approximately/an estimated
/// give Value +/- 10%; nearly/almost/close to give [0.9 Value, Value); a vague plural ("dozens") its plausible range.</param>
/// <param name="Conservative">The count a cautious tally uses, ACLED-style: "dozens" 12, "hundreds" 100,
/// "thousands" 1,000, "several" 3, "several thousand" 3,000; for a stated number, Min (or Value when Min is open).</param>
/// <param name="SiMin">Min in <see cref="SiUnit"/>; null when Min is null or the unit has no conversion.</param>
/// <param name="SiMax">Max in <see cref="SiUnit"/>.</param>
/// <param name="SiUnit">Canonical unit: km, km2, kg, l, %, an ISO currency code, "persons", "year" for an age, "°C" for a
/// temperature (Fahrenheit and kelvin converted), or "" for a bare count and for a temperature in degrees of no stated scale.</param>
/// <param name="CountedSpan">Where <see cref="Counted"/> is in the text.</param>
/// <param name="Implausible">A count of people or a casualty toll larger than the world population
/// (<see cref="Quantity.WorldPopulation"/>; for a range, its upper end). Kept (the text said it) but flagged so no tally or comparison trusts it. Numbers longer
/// than a double holds exactly (over 15 digits, "99999999999999999999 soldiers") are not read at all.</param>
public sealed record Quantity(
    Span Span,
    double? Min,
    double? Max,
    string Unit,
    string? Counted = null,
    CasualtyKind? Casualty = null,
    bool MinExclusive = false,
    bool MaxExclusive = false,
    double? Value = null,
    QuantityKind Kind = QuantityKind.Count,
    bool Approximate = false,
    double? Conservative = null,
    double? SiMin = null,
    double? SiMax = null,
    string SiUnit = "",
    Span? CountedSpan = null,
    bool Implausible = false)
{
    /// <summary>
    /// The world's population, rounded: about 8.2 billion in 2024 (United Nations, World Population Prospects 2024;
    /// see models/times/SOURCES.md). A count of people or a casualty toll larger than this is flagged, not dropped.
    /// </summary>
    public const double WorldPopulation = 8.2e9;

    /// <summary>A count of people or a casualty toll whose largest reading is larger than the world population.</summary>
    public static bool IsImplausible(Quantity q) =>
        (q.Kind == QuantityKind.Persons || q.Casualty is not null) && (q.Max ?? q.Value ?? q.Min ?? 0) > WorldPopulation;
}
