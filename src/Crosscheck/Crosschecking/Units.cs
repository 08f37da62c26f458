namespace Crosscheck.Crosschecking;

/// <summary>A quantity's interval in a base unit of its dimension, so 300 square miles and 777 km² compare.</summary>
internal readonly record struct NormalizedAmount(string Dimension, string BaseUnit, double Min, double Max)
{
    /// <summary>True when the intervals overlap once each is widened by the relative tolerance (reports round).</summary>
    public bool Agrees(NormalizedAmount other, double tolerance) =>
        Dimension == other.Dimension
        && Min * (1 - tolerance) <= other.Max * (1 + tolerance)
        && other.Min * (1 - tolerance) <= Max * (1 + tolerance);

    /// <summary>A representative value: the middle of a closed interval, else its finite bound.</summary>
    public double Typical => double.IsFinite(Max) ? (Min + Max) / 2 : Min;

    /// <summary>True when the two typical values are within a factor of <paramref name="factor"/> of each other.</summary>
    public bool SameOrderAs(NormalizedAmount other, double factor)
    {
        double a = Math.Abs(Typical), b = Math.Abs(other.Typical);
        if (a == 0 || b == 0) return a == b;
        return Math.Max(a, b) / Math.Min(a, b) <= factor;
    }
}

/// <summary>
/// Unit conversion for the units news reports use: area, length, mass, volume. Any other unit
/// (a currency, a count) is its own dimension and compares only with itself.
/// </summary>
internal static class Units
{
    private static readonly Dictionary<string, (string Dimension, string Base, double Factor)> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["km2"] = ("area", "km²", 1), ["km^2"] = ("area", "km²", 1), ["sqkm"] = ("area", "km²", 1), ["square km"] = ("area", "km²", 1),
        ["mi^2"] = ("area", "km²", 2.589988), ["square mi"] = ("area", "km²", 2.589988), ["km²"] = ("area", "km²", 1), ["sq km"] = ("area", "km²", 1),
        ["square kilometre"] = ("area", "km²", 1), ["square kilometres"] = ("area", "km²", 1),
        ["square kilometer"] = ("area", "km²", 1), ["square kilometers"] = ("area", "km²", 1),
        ["mi2"] = ("area", "km²", 2.589988), ["mi²"] = ("area", "km²", 2.589988), ["sq mi"] = ("area", "km²", 2.589988),
        ["square mile"] = ("area", "km²", 2.589988), ["square miles"] = ("area", "km²", 2.589988),
        ["ha"] = ("area", "km²", 0.01), ["hectare"] = ("area", "km²", 0.01), ["hectares"] = ("area", "km²", 0.01),
        ["acre"] = ("area", "km²", 0.004046856), ["acres"] = ("area", "km²", 0.004046856),
        ["m2"] = ("area", "km²", 1e-6), ["m²"] = ("area", "km²", 1e-6), ["square metres"] = ("area", "km²", 1e-6), ["square meters"] = ("area", "km²", 1e-6),
        ["km"] = ("length", "km", 1), ["kilometre"] = ("length", "km", 1), ["kilometres"] = ("length", "km", 1),
        ["kilometer"] = ("length", "km", 1), ["kilometers"] = ("length", "km", 1),
        ["mi"] = ("length", "km", 1.609344), ["mile"] = ("length", "km", 1.609344), ["miles"] = ("length", "km", 1.609344),
        ["m"] = ("length", "km", 0.001), ["metre"] = ("length", "km", 0.001), ["metres"] = ("length", "km", 0.001),
        ["meter"] = ("length", "km", 0.001), ["meters"] = ("length", "km", 0.001),
        ["ft"] = ("length", "km", 0.0003048), ["feet"] = ("length", "km", 0.0003048), ["foot"] = ("length", "km", 0.0003048),
        ["kg"] = ("mass", "kg", 1), ["kilogram"] = ("mass", "kg", 1), ["kilograms"] = ("mass", "kg", 1),
        ["t"] = ("mass", "kg", 1000), ["tonne"] = ("mass", "kg", 1000), ["tonnes"] = ("mass", "kg", 1000),
        ["lb"] = ("mass", "kg", 0.45359237), ["pound"] = ("mass", "kg", 0.45359237), ["pounds"] = ("mass", "kg", 0.45359237),
        ["l"] = ("volume", "l", 1), ["litre"] = ("volume", "l", 1), ["litres"] = ("volume", "l", 1), ["liter"] = ("volume", "l", 1), ["liters"] = ("volume", "l", 1),
    };

    public static NormalizedAmount? Normalize(double? min, double? max, string unit)
    {
        if (min is null && max is null) return null;
        var key = unit.Trim();
        var (dimension, baseUnit, factor) = Known.TryGetValue(key, out var known) ? known : (key.ToLowerInvariant(), key, 1.0);
        double lo = (min ?? double.NegativeInfinity) * factor;
        double hi = (max ?? double.PositiveInfinity) * factor;
        return new NormalizedAmount(dimension, baseUnit, lo, hi);
    }
}
