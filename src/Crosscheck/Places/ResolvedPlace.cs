namespace Crosscheck.Places;

/// <summary>How finely a place is known: the gazetteer entry itself, or only what encloses it.</summary>
public enum PlacePrecision { Exact, Nearby, Region, Country }

/// <summary>
/// A toponym resolved to a location. A place missing from the gazetteer (a small village) is
/// resolved to the finest enclosing region the text names, with <see cref="PlacePrecision.Region"/>.
/// </summary>
public sealed record ResolvedPlace(
    Span Span,
    string Name,
    double Latitude,
    double Longitude,
    long? GeonamesId,
    string? CountryCode,
    string? Admin1,
    PlacePrecision Precision)
{
    /// <summary>Written as its people's name ("Russian", "Ukrainian forces"), not as the place's own.</summary>
    public bool WrittenAsDemonym { get; init; }
}
