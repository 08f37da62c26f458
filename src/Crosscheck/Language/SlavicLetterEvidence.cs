namespace Crosscheck.Language;

/// <summary>
/// Letter-rate evidence for Russian, Ukrainian, Belarusian and Bulgarian, whose n-gram profiles
/// overlap most. Each language is modelled as emitting its distinctive letters at a typical rate
/// per Cyrillic letter (Poisson), so both presence and ABSENCE count: 100 letters of Ukrainian
/// without a single і, ї or є are unlikely, while 100 letters of Russian without ы are not.
/// Scores are log-likelihood ratios against the group's average rate, so languages outside the
/// group (scored on n-grams alone) are neither helped nor hurt.
/// </summary>
/// <remarks>
/// Rates are rounded figures from published letter-frequency tables for each language, not fitted
/// to any evaluation data; 1e-4 stands for "not in the alphabet" (typos, quoted names).
/// </remarks>
internal sealed class SlavicLetterEvidence
{
    /// <summary>The letters whose counts are modelled, in the column order of <see cref="Rates"/>.</summary>
    public const string Letters = "іїєґыэъёўищ";

    /// <summary>Slot after the letters holding the number of Cyrillic letters seen.</summary>
    public const int TotalSlot = 11;

    public const int CountSlots = TotalSlot + 1;

    private const double Absent = 1e-4;

    /// <summary>
    /// Weight of this evidence against the n-gram sum. The n-gram sum counts each character in up to
    /// five overlapping n-grams, so a plain likelihood would be drowned without it.
    /// </summary>
    private const double Weight = 4;

    /// <summary>
    /// Absence counts for less than presence: a paragraph of dialogue or names can lack the
    /// typical letters, and the n-grams are better placed to decide those.
    /// </summary>
    private const double AbsenceWeight = 0.3;

    private static readonly (string Code, double[] Rates)[] Rates =
    [
        //        і       ї       є       ґ       ы       э       ъ       ё       ў       и       щ
        ("ru", [Absent, Absent, Absent, Absent, 0.019,  0.003,  0.0004, 0.002,  Absent, 0.074,  0.0036]),
        ("uk", [0.057,  0.008,  0.004,  0.0002, Absent, Absent, Absent, Absent, Absent, 0.061,  0.005]),
        ("be", [0.06,   Absent, Absent, Absent, 0.02,   0.007,  Absent, 0.006,  0.02,   Absent, Absent]),
        ("bg", [Absent, Absent, Absent, Absent, Absent, Absent, 0.025,  Absent, Absent, 0.08,   0.009]),
    ];

    private static readonly double[] Background = Enumerable.Range(0, TotalSlot).Select(c => Rates.Average(r => r.Rates[c])).ToArray();

    private readonly (int Profile, double[] Rates)[] _profiles;

    public SlavicLetterEvidence(IReadOnlyList<string> profileCodes)
    {
        var list = new List<(int, double[])>();
        for (var p = 0; p < profileCodes.Count; p++)
        {
            foreach (var (code, rates) in Rates)
            {
                if (profileCodes[p] == code) list.Add((p, rates));
            }
        }
        _profiles = [.. list];
    }

    /// <summary>Counts one lower-cased Cyrillic letter into <paramref name="counts"/> (length <see cref="CountSlots"/>).</summary>
    public static void Count(char folded, Span<int> counts)
    {
        counts[TotalSlot]++;
        var slot = Letters.IndexOf(folded);
        if (slot >= 0) counts[slot]++;
    }

    /// <summary>Adds each modelled language's weighted log-likelihood ratio to its score.</summary>
    public void Apply(ReadOnlySpan<int> counts, Span<double> scores)
    {
        var total = counts[TotalSlot];
        if (total == 0) return;
        foreach (var (profile, rates) in _profiles)
        {
            var llr = 0.0;
            for (var c = 0; c < TotalSlot; c++)
            {
                llr += counts[c] * Math.Log(rates[c] / Background[c]) - AbsenceWeight * (rates[c] - Background[c]) * total;
            }
            scores[profile] += Weight * llr;
        }
    }
}
