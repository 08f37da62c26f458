using System.Collections.Frozen;
using System.Globalization;
using Crosscheck.Claims;
using Crosscheck.Text;

namespace Crosscheck.Events;

/// <summary>One casualty count found in text.</summary>
internal readonly record struct CasualtyCount(Span Span, int Count, Quantities.CasualtyKind Kind, bool AtLeast);

/// <summary>
/// Finds casualty counts ("at least 30 soldiers were killed and wounded", "12 dead", "dozens of
/// casualties") when the quantities layer is absent. "killed and wounded", "killed or injured" and
/// "casualties" are one mixed count, never fatalities.
/// </summary>
internal static class CasualtyScanner
{
    private static readonly FrozenDictionary<string, int> NumberWords = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9,
        ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["fifteen"] = 15, ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40,
        ["fifty"] = 50, ["hundred"] = 100, ["dozen"] = 12, ["dozens"] = 24, ["scores"] = 40, ["hundreds"] = 200, ["thousands"] = 2000,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> AtLeastWords = new[] { "least", "more", "over", "than", "dozens", "hundreds", "thousands", "scores" }
        .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> Killed = new[] { "killed", "dead", "died", "deaths", "fatalities", "slain", "perished", "lives" }
        .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> Wounded = new[] { "wounded", "injured", "injuries", "hurt" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> Mixed = new[] { "casualties", "losses" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private const int Window = 6;

    private static readonly FrozenSet<string> CountModifiers = new[] { "at", "least", "more", "than", "over", "about", "some", "nearly", "around", "almost", "up", "to" }
        .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static Quantities.CasualtyKind? ParticipleKind(ReadOnlySpan<char> word) =>
        word.Equals("killing", StringComparison.OrdinalIgnoreCase) ? Quantities.CasualtyKind.Killed
        : word.Equals("wounding", StringComparison.OrdinalIgnoreCase) || word.Equals("injuring", StringComparison.OrdinalIgnoreCase) ? Quantities.CasualtyKind.Wounded
        : null;

    public static void Scan(TokenView v, int first, int end, List<CasualtyCount> into)
    {
        var numbers = NumberWords.GetAlternateLookup<ReadOnlySpan<char>>();
        var killed = Killed.GetAlternateLookup<ReadOnlySpan<char>>();
        var wounded = Wounded.GetAlternateLookup<ReadOnlySpan<char>>();
        var mixed = Mixed.GetAlternateLookup<ReadOnlySpan<char>>();
        var atLeast = AtLeastWords.GetAlternateLookup<ReadOnlySpan<char>>();
        var modifiers = CountModifiers.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> clean = stackalloc char[32];
        for (int t = first; t < end; t++)
        {
            int count;
            if (v.Tokens[t].Kind == TokenKind.Number)
            {
                var digits = v.Word(t);
                int n = 0;
                foreach (char ch in digits) if (char.IsDigit(ch) && n < clean.Length) clean[n++] = ch;
                if (n == 0 || n > 7 || !int.TryParse(clean[..n], NumberStyles.None, CultureInfo.InvariantCulture, out count)) continue;
                if (count >= 1900 && count <= 2100 && n == 4) continue; // a year, not a count
                if (Quantities.AgeMentions.IsAge(v.Text, v.Tokens, t, t + 1, first, end)) continue;
            }
            else if (!numbers.TryGetValue(v.Word(t), out count))
            {
                continue;
            }
            bool lowerBound = (t > first && atLeast.Contains(v.Word(t - 1))) || atLeast.Contains(v.Word(t));
            // "..., killing three civilians and wounding 11": the participle names the toll before its number.
            int participle = t - 1;
            while (participle >= first && t - participle <= 3 && modifiers.Contains(v.Word(participle))) participle--;
            if (participle >= first && ParticipleKind(v.Word(participle)) is { } before)
            {
                into.Add(new CasualtyCount(v.Range(participle, t), count, before, lowerBound));
                continue;
            }
            for (int k = t + 1; k < end && k <= t + Window; k++)
            {
                if (v.Tokens[k].Kind == TokenKind.Number) break;
                var word = v.Word(k);
                Quantities.CasualtyKind? kind = null;
                int last = k;
                if (killed.Contains(word))
                {
                    kind = Quantities.CasualtyKind.Killed;
                    if ((v.Is(k + 1, "and") || v.Is(k + 1, "or")) && k + 2 < end && wounded.Contains(v.Word(k + 2)))
                    {
                        kind = Quantities.CasualtyKind.KilledOrWounded;
                        last = k + 2;
                    }
                }
                else if (wounded.Contains(word))
                {
                    kind = Quantities.CasualtyKind.Wounded;
                    if ((v.Is(k + 1, "and") || v.Is(k + 1, "or")) && k + 2 < end && killed.Contains(v.Word(k + 2)))
                    {
                        kind = Quantities.CasualtyKind.KilledOrWounded;
                        last = k + 2;
                    }
                }
                else if (mixed.Contains(word))
                {
                    kind = Quantities.CasualtyKind.KilledOrWounded;
                }
                if (kind is null) continue;
                into.Add(new CasualtyCount(v.Range(t, last), count, kind.Value, lowerBound));
                t = last;
                break;
            }
        }
    }
}
