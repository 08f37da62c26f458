using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using Crosscheck.Text;
using Crosscheck.Times;

namespace Crosscheck.Quantities;

/// <summary>One unit surface form: its kind, canonical unit and the conversion to it, (value + Offset) * Factor.</summary>
/// <param name="Canonical">"" when the unit has no conversion (a temperature in "degrees" of no stated scale).</param>
/// <param name="Offset">Added before the factor: -32 for Fahrenheit, -273.15 for kelvin; 0 for every proportional unit.</param>
internal sealed record UnitInfo(string[] Tokens, QuantityKind Kind, string Canonical, double Factor, string Name, double Offset = 0)
{
    /// <summary>The value in the canonical unit, or null when the unit has no conversion.</summary>
    public double? ToCanonical(double? value) => value is double v && Canonical.Length > 0 ? (v + Offset) * Factor : null;

    /// <summary>"degrees", "°": a temperature on no stated scale, also the word for angles, so never part of a compound ("a 90-degree turn").</summary>
    public bool IsBareDegree => Kind == QuantityKind.Temperature && Canonical.Length == 0;
}

/// <summary>
/// Units of measure from <c>models/times/&lt;lang&gt;-units.tsv</c>, matched over tokens (longest first,
/// at most three tokens: "square miles", "per cent", "km ²").
/// </summary>
internal sealed class UnitTable
{
    private static readonly Lazy<UnitTable> EnglishLazy = new(() => Load("en"));

    private readonly FrozenDictionary<string, UnitInfo[]>.AlternateLookup<ReadOnlySpan<char>> _byFirst;

    private UnitTable(FrozenDictionary<string, UnitInfo[]> byFirst) => _byFirst = byFirst.GetAlternateLookup<ReadOnlySpan<char>>();

    public static UnitTable English => EnglishLazy.Value;

    public static UnitTable Load(string language)
    {
        var groups = new Dictionary<string, List<UnitInfo>>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in ModelResources.ReadRows($"{language}-units.tsv", 5))
        {
            var kind = row[1] switch
            {
                "length" => QuantityKind.Length,
                "area" => QuantityKind.Area,
                "mass" => QuantityKind.Mass,
                "volume" => QuantityKind.Volume,
                "percent" => QuantityKind.Percent,
                "currency" => QuantityKind.Currency,
                "persons" => QuantityKind.Persons,
                "age" => QuantityKind.Age,
                "temperature" => QuantityKind.Temperature,
                _ => throw new InvalidDataException($"Unknown unit kind '{row[1]}' in {language}-units.tsv."),
            };
            var tokens = row[0].Split(' ');
            double offset = row.Length > 5 && row[5].Length > 0 ? double.Parse(row[5], CultureInfo.InvariantCulture) : 0;
            var info = new UnitInfo(tokens, kind, row[2], double.Parse(row[3], CultureInfo.InvariantCulture), row[4], offset);
            if (!groups.TryGetValue(tokens[0], out var list)) groups[tokens[0]] = list = [];
            list.Add(info);
        }
        return new UnitTable(groups.ToFrozenDictionary(g => g.Key, g => g.Value.OrderByDescending(u => u.Tokens.Length).ToArray(), StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>The longest unit starting at token k, or null; <paramref name="end"/> is the token after it.</summary>
    public UnitInfo? Match(string text, ImmutableArray<Token> tokens, int k, int limit, out int end)
    {
        end = k;
        if (k >= limit) return null;
        if (!_byFirst.TryGetValue(tokens[k].Span.SliceOf(text), out var candidates)) return null;
        foreach (var unit in candidates)
        {
            if (k + unit.Tokens.Length > limit) continue;
            bool all = true;
            for (int i = 1; i < unit.Tokens.Length && all; i++)
            {
                all = tokens[k + i].Span.SliceOf(text).Equals(unit.Tokens[i], StringComparison.OrdinalIgnoreCase);
            }
            if (all)
            {
                end = k + unit.Tokens.Length;
                return unit;
            }
        }
        return null;
    }

    /// <summary>A unit named by a phrase of words separated by spaces ("Netherlands guilder", "Bitcoin"), or null.</summary>
    public UnitInfo? MatchPhrase(string phrase)
    {
        var words = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || !_byFirst.TryGetValue(words[0], out var candidates)) return null;
        foreach (var unit in candidates)
        {
            if (unit.Tokens.Length == words.Length && unit.Tokens.AsSpan().SequenceEqual(words, StringComparer.OrdinalIgnoreCase)) return unit;
        }
        return null;
    }

    /// <summary>A unit written as one string ("km" of "10km").</summary>
    public UnitInfo? MatchWord(ReadOnlySpan<char> word)
    {
        if (!_byFirst.TryGetValue(word, out var candidates)) return null;
        foreach (var unit in candidates) if (unit.Tokens.Length == 1) return unit;
        return null;
    }
}
