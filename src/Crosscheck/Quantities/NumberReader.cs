using System.Collections.Immutable;
using System.Globalization;
using Crosscheck.Text;
using Crosscheck.Times;

namespace Crosscheck.Quantities;

internal enum NumberForm { Digits, Words, Fraction, Vague }

/// <summary>
/// One number read from tokens [<see cref="StartToken"/>, <see cref="EndToken"/>). A vague number
/// ("dozens", "several thousand") carries its plausible range and the conservative count a
/// casualty tally would use; <see cref="GluedSuffix"/> is what followed the digits inside one token
/// ("km" of "10km"), for the unit reader.
/// </summary>
internal readonly record struct NumberMatch(
    int StartToken,
    int EndToken,
    double Value,
    NumberForm Form,
    double? VagueMin = null,
    double? VagueMaxExclusive = null,
    double? Conservative = null,
    Span GluedSuffix = default);

/// <summary>
/// Reads numbers written in digits ("11,000", "1.4 million", "$1.4bn"), in words ("eleven thousand",
/// "twenty-five", "a dozen", "two thirds", "one and a half") and vague plurals ("dozens",
/// "tens of thousands", "several hundred"). Looks at most a dozen tokens ahead, so a sentence of
/// any length is read in linear time.
/// </summary>
internal static class NumberReader
{
    private const int MaxWordTokens = 12;
    private const int MaxDigits = 15; // beyond this a double no longer holds the integer exactly

    public static bool TryRead(string text, ImmutableArray<Token> tokens, int start, int end, WordTable words, out NumberMatch match)
    {
        if (!TryReadOne(text, tokens, start, end, words, out match)) return false;
        // "one out of three", "1 in 21", "one over 20": a ratio read as the fraction it states.
        int k = match.EndToken;
        if (match.Form is NumberForm.Digits or NumberForm.Words && match.Value >= 1 && k + 1 < end && tokens[k].Kind == TokenKind.Word)
        {
            bool outOf = Is(text, tokens[k], "out") && Is(text, tokens[k + 1], "of");
            bool overOrIn = Is(text, tokens[k], "over") || Is(text, tokens[k], "in");
            int d = outOf ? k + 2 : k + 1;
            if ((outOf || overOrIn) && d < end && TryReadOne(text, tokens, d, end, words, out var under)
                && under.Form is NumberForm.Digits or NumberForm.Words && under.Value > 0
                && (outOf ? under.Value >= match.Value : under.Value > match.Value)
                // "over"/"in" only when nothing follows the second number ("3 over 2 days" is not a ratio), but "one in five soldiers" is
                && (outOf || under.EndToken >= end || tokens[under.EndToken].Kind != TokenKind.Word || match.Value == 1 && Is(text, tokens[k], "in"))
                && !(Is(text, tokens[k], "in") && under.Form == NumberForm.Digits && under.EndToken - d == 1 && tokens[d].Span.Length == 4))
            {
                match = new NumberMatch(start, under.EndToken, match.Value / under.Value, NumberForm.Fraction);
            }
        }
        return true;
    }

    private static bool TryReadOne(string text, ImmutableArray<Token> tokens, int start, int end, WordTable words, out NumberMatch match)
    {
        match = default;
        if (start >= end) return false;
        var token = tokens[start];
        var slice = token.Span.SliceOf(text);
        if (token.Kind == TokenKind.Number)
        {
            if (!TryParseDigits(slice, out double value)) return false;
            int next = start + 1;
            // "1 234 567", "40 000": thousands grouped by spaces (a lone space, three digits each group).
            if (slice.Length <= 3 && slice.IndexOfAny(',', '.') < 0)
            {
                int groups = 0;
                while (next < end && groups < 5 && tokens[next].Kind == TokenKind.Number && tokens[next].Span.Start == tokens[next - 1].Span.End + 1
                    && text[tokens[next - 1].Span.End] is ' ' or '\u00A0' or '\u202F' or '\u2009' && IsGroup(tokens[next].Span.SliceOf(text), next + 1 < end && tokens[next + 1].Kind == TokenKind.Number ? false : true))
                {
                    var group = tokens[next].Span.SliceOf(text);
                    int dot = group.IndexOf('.');
                    value = value * 1000 + double.Parse(dot < 0 ? group : group[..dot], CultureInfo.InvariantCulture)
                        + (dot < 0 ? 0 : double.Parse(string.Concat("0", group[dot..]), CultureInfo.InvariantCulture));
                    next++;
                    groups++;
                }
            }
            // "1/2", "3/4": a fraction in digits, but not a date "12/16/2024".
            if (next + 1 < end && Is(text, tokens[next], "/") && tokens[next + 1].Kind == TokenKind.Number
                && !(next + 3 < end && Is(text, tokens[next + 2], "/"))
                && TryParseDigits(tokens[next + 1].Span.SliceOf(text), out double denominator) && denominator > 0 && value < denominator)
            {
                match = new NumberMatch(start, next + 2, value / denominator, NumberForm.Fraction);
                return true;
            }
            // "10 1/2", "2 1/4": a whole number and a fraction.
            if (next + 2 < end && slice.IndexOfAny(',', '.') < 0 && tokens[next].Kind == TokenKind.Number && Is(text, tokens[next + 1], "/")
                && tokens[next + 2].Kind == TokenKind.Number && TryParseDigits(tokens[next].Span.SliceOf(text), out double numerator)
                && TryParseDigits(tokens[next + 2].Span.SliceOf(text), out double under) && under > numerator && numerator > 0 && under <= 100)
            {
                match = new NumberMatch(start, next + 3, value + numerator / under, NumberForm.Fraction);
                return true;
            }
            if (next < end && VulgarFraction(text[tokens[next].Span.Start]) is > 0 and var part && tokens[next].Span.Length == 1)
            {
                match = new NumberMatch(start, next + 1, value + part, NumberForm.Fraction);
                return true;
            }
            // "1.4 million", "300 bn"
            if (next < end && tokens[next].Kind == TokenKind.Word)
            {
                var e = words.Find(tokens[next].Span.SliceOf(text));
                // "the 100 M final", "a 4 K television": a spaced letter is a scale only where money is written.
                double letterScale = IsMoneyAround(text, tokens, start, next + 1, end) ? ScaleLetter(tokens[next].Span.SliceOf(text)) : 0;
                if (e is { Scale: > 1 } && tokens[next].Span.Length > 1 && letterScale == 0 || letterScale > 0)
                {
                    double scale = letterScale > 0 ? letterScale : e!.Scale;
                    double total = Round(value * scale);
                    int after = ContinueAfterScale(text, tokens, next + 1, end, words, scale, ref total);
                    match = new NumberMatch(start, after, total, NumberForm.Digits);
                    return true;
                }
                if ((e is { IsNumber: true, Number: 12 } || IsDozens(tokens[next].Span.SliceOf(text))) && tokens[next].Span.Length > 1) // "2 dozen", "3 dozens"
                {
                    match = new NumberMatch(start, next + 1, value * 12, NumberForm.Digits);
                    return true;
                }
            }
            match = new NumberMatch(start, next, value, NumberForm.Digits);
            return true;
        }
        if (token.Kind != TokenKind.Word)
        {
            if (slice.Length == 1 && VulgarFraction(slice[0]) is > 0 and var fraction)
            {
                match = new NumberMatch(start, start + 1, fraction, NumberForm.Fraction);
                return true;
            }
            return false;
        }
        if (char.IsDigit(slice[0])) return TryReadGlued(text, tokens, start, words, out match);
        if (TryReadOrdinalFraction(text, tokens, start, end, words, out match)) return true;
        if (TryReadVague(text, tokens, start, end, words, out match)) return true;
        return TryReadWords(text, tokens, start, end, words, out match);
    }

    /// <summary>"300m", "1.4bn", "10km": digits and a suffix in one token. Ordinals ("95th") and decades ("1990s") are not numbers.</summary>
    private static bool TryReadGlued(string text, ImmutableArray<Token> tokens, int start, WordTable words, out NumberMatch match)
    {
        match = default;
        var span = tokens[start].Span;
        var slice = span.SliceOf(text);
        int digitsEnd = 0;
        while (digitsEnd < slice.Length && (char.IsDigit(slice[digitsEnd]) || ((slice[digitsEnd] == ',' || slice[digitsEnd] == '.') && digitsEnd + 1 < slice.Length && char.IsDigit(slice[digitsEnd + 1])))) digitsEnd++;
        if (digitsEnd == slice.Length || !TryParseDigits(slice[..digitsEnd], out double value)) return false;
        var suffix = slice[digitsEnd..];
        if (IsOrdinalSuffix(suffix) || suffix is "s" or "S" || suffix is "'s") return false;
        var entry = words.Find(suffix);
        // "5521K330": letters with more digits against them make a code, not a scaled amount.
        bool code = start + 1 < tokens.Length && tokens[start + 1].Kind == TokenKind.Number && tokens[start + 1].Span.Start == span.End;
        if (code) entry = null;
        if (!code && suffix is "MM" && IsMoneyAround(text, tokens, start, start + 1, tokens.Length)) // "$1MM": the financial writing of a million; "a 9MM pistol" is a calibre
        {
            match = new NumberMatch(start, start + 1, Round(value * 1e6), NumberForm.Digits);
            return true;
        }
        // "$1.4bn", "300k", "10M", "1.2b"; a lone lower-case "m" is a million only after a currency sign or before
        // a plural noun ("1.5m people"), else it is a metre ("1.8m tall"). No unit is written "b".
        if (entry is { Scale: > 1 } && suffix.Length == 1 && suffix[0] is 'm')
        {
            bool money = start > 0 && tokens[start - 1].Kind == TokenKind.Symbol || IsMoneyAround(text, tokens, start, start, start);
            bool plural = start + 1 < tokens.Length && tokens[start + 1].Kind == TokenKind.Word && tokens[start + 1].Span.Length > 3
                && text[tokens[start + 1].Span.End - 1] == 's' && char.IsLower(text[tokens[start + 1].Span.Start]);
            if (!money && !plural) entry = null;
        }
        if (entry is { Scale: > 1 })
        {
            match = new NumberMatch(start, start + 1, Round(value * entry.Scale), NumberForm.Digits);
            return true;
        }
        match = new NumberMatch(start, start + 1, value, NumberForm.Digits, GluedSuffix: new Span(span.Start + digitsEnd, span.End));
        return true;
    }

    /// <summary>
    /// "2.33 k", "1.5 M", "1 MM": a scale written as a letter apart from the digits. Only the letters no
    /// measure is written with in that case: "k" and "K" (a kelvin is rare in the news), upper-case "M" and
    /// "MM" (a metre is "m", a millimetre "mm").
    /// </summary>
    private static double ScaleLetter(ReadOnlySpan<char> word) => word switch
    {
        "k" or "K" => 1000,
        "M" or "MM" => 1e6,
        _ => 0,
    };

    /// <summary>A currency sign or an upper-case three-letter code just before the number ("$", "USD") or just after it.</summary>
    private static bool IsMoneyAround(string text, ImmutableArray<Token> tokens, int start, int after, int end)
    {
        static bool IsCode(ReadOnlySpan<char> word) => word.Length == 3 && char.IsUpper(word[0]) && char.IsUpper(word[1]) && char.IsUpper(word[2]);
        if (start > 0)
        {
            var before = tokens[start - 1].Span.SliceOf(text);
            if (before.Length == 1 && char.GetUnicodeCategory(before[0]) == UnicodeCategory.CurrencySymbol || IsCode(before)) return true;
        }
        return after < end && IsCode(tokens[after].Span.SliceOf(text));
    }

    /// <summary>Drops binary noise from scaling ("16.4 million" is 16400000, not 16399999.999999998).</summary>
    internal static double Round(double value) => double.Parse(value.ToString("G12", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static double VulgarFraction(char c) => c switch
    {
        '½' => 0.5, '¼' => 0.25, '¾' => 0.75, '⅓' => 1.0 / 3, '⅔' => 2.0 / 3, '⅕' => 0.2, '⅖' => 0.4, '⅗' => 0.6, '⅘' => 0.8,
        '⅙' => 1.0 / 6, '⅚' => 5.0 / 6, '⅐' => 1.0 / 7, '⅛' => 0.125, '⅜' => 0.375, '⅝' => 0.625, '⅞' => 0.875, '⅑' => 1.0 / 9, '⅒' => 0.1,
        _ => 0,
    };

    private static bool IsGroup(ReadOnlySpan<char> group, bool last)
    {
        int dot = group.IndexOf('.');
        var whole = dot < 0 ? group : group[..dot];
        if (whole.Length != 3 || dot >= 0 && !last) return false;
        foreach (char c in group) if (!char.IsAsciiDigit(c) && c != '.') return false;
        return dot < 0 || group.Length > dot + 1;
    }

    internal static bool IsOrdinalSuffix(ReadOnlySpan<char> suffix) =>
        suffix.Equals("st", StringComparison.OrdinalIgnoreCase) || suffix.Equals("nd", StringComparison.OrdinalIgnoreCase)
        || suffix.Equals("rd", StringComparison.OrdinalIgnoreCase) || suffix.Equals("th", StringComparison.OrdinalIgnoreCase)
        || suffix.Equals("d", StringComparison.OrdinalIgnoreCase);

    private static bool TryReadVague(string text, ImmutableArray<Token> tokens, int start, int end, WordTable words, out NumberMatch match)
    {
        match = default;
        var word = tokens[start].Span.SliceOf(text);
        double plural = PluralScale(word);
        if (plural > 0)
        {
            int last = start + 1;
            // "tens of thousands", "hundreds of millions": the range grows by the second scale.
            if (start + 2 < end && Is(text, tokens[start + 1], "of"))
            {
                double second = PluralScale(tokens[start + 2].Span.SliceOf(text));
                if (second >= 1000)
                {
                    plural *= second;
                    last = start + 3;
                }
            }
            double upper = plural == 12 ? 100 : plural * 10;
            match = new NumberMatch(start, last, 2 * plural, NumberForm.Vague, 2 * plural, upper, plural);
            return true;
        }
        int k = start;
        double floor;
        if (word.Equals("several", StringComparison.OrdinalIgnoreCase)) { floor = 3; k++; }
        else if (word.Equals("few", StringComparison.OrdinalIgnoreCase)) { floor = 2; k++; }
        else if (word.Equals("a", StringComparison.OrdinalIgnoreCase) && k + 1 < end && Is(text, tokens[k + 1], "few")) { floor = 2; k += 2; }
        else return false;
        if (k < end && words.Find(tokens[k].Span.SliceOf(text)) is { } scale && (scale.Scale >= 100 || scale.Number == 12) && tokens[k].Kind == TokenKind.Word)
        {
            double unit = scale.Scale >= 100 ? scale.Scale : 12;
            match = new NumberMatch(start, k + 1, floor * unit, NumberForm.Vague, floor * unit, 10 * unit, floor * unit);
            return true;
        }
        match = new NumberMatch(start, k, floor, NumberForm.Vague, floor, 10, floor);
        return true;
    }

    private static double PluralScale(ReadOnlySpan<char> word)
    {
        if (word.Equals("dozens", StringComparison.OrdinalIgnoreCase)) return 12;
        if (word.Equals("scores", StringComparison.OrdinalIgnoreCase)) return 20;
        if (word.Equals("tens", StringComparison.OrdinalIgnoreCase)) return 10;
        if (word.Equals("hundreds", StringComparison.OrdinalIgnoreCase)) return 100;
        if (word.Equals("thousands", StringComparison.OrdinalIgnoreCase)) return 1000;
        if (word.Equals("millions", StringComparison.OrdinalIgnoreCase)) return 1e6;
        if (word.Equals("billions", StringComparison.OrdinalIgnoreCase)) return 1e9;
        return 0;
    }

    private static bool TryReadWords(string text, ImmutableArray<Token> tokens, int start, int end, WordTable words, out NumberMatch match)
    {
        match = default;
        double total = 0, current = 0;
        bool any = false, leadingA = false;
        int k = start;
        int limit = Math.Min(end, start + MaxWordTokens);
        // "a dozen", "a hundred", "a fifth", "half a million"
        var first = tokens[start].Span.SliceOf(text);
        if ((first.Equals("a", StringComparison.OrdinalIgnoreCase) || first.Equals("an", StringComparison.OrdinalIgnoreCase)) && start + 1 < end)
        {
            var next = words.Find(tokens[start + 1].Span.SliceOf(text));
            if (next is null) return false;
            if (next.FractionDenominator > 0 && !next.IsPluralFractionOf(tokens[start + 1].Span.SliceOf(text)))
            {
                if (next.FractionDenominator == 4 && IsUnitContext(text, tokens, start + 2, end)) return false; // "a quarter of an hour" stays time
                // "a thirteenth straight month": an ordinal before a word other than "of" is an adjective.
                if (next.Ordinal > 0 && start + 2 < end && tokens[start + 2].Kind == TokenKind.Word && !Is(text, tokens[start + 2], "of")) return false;
                match = new NumberMatch(start, start + 2, 1.0 / next.FractionDenominator, NumberForm.Fraction);
                match = OfScale(text, tokens, end, words, match);
                return true;
            }
            if (!(next.Scale >= 100 || next.Number == 12)) return false;
            leadingA = true;
            current = 1;
            k = start + 1;
        }
        else if ((first.Equals("half", StringComparison.OrdinalIgnoreCase) || first.Equals("quarter", StringComparison.OrdinalIgnoreCase))
            && start + 1 < end && words.Find(tokens[start + 1].Span.SliceOf(text)) is { Scale: >= 1000 } bare && tokens[start + 1].Span.Length > 3)
        {
            // "half million", "quarter million"
            double share = first.Equals("half", StringComparison.OrdinalIgnoreCase) ? 0.5 : 0.25;
            match = new NumberMatch(start, start + 2, share * bare.Scale, NumberForm.Words);
            return true;
        }
        else if (first.Equals("half", StringComparison.OrdinalIgnoreCase))
        {
            // "half a million", "half a dozen"
            if (start + 2 < end && Is(text, tokens[start + 1], "a") && words.Find(tokens[start + 2].Span.SliceOf(text)) is { } s && (s.Scale >= 100 || s.Number == 12))
            {
                match = new NumberMatch(start, start + 3, 0.5 * (s.Scale >= 100 ? s.Scale : 12), NumberForm.Words);
                return true;
            }
            return false;
        }
        if (!leadingA && TryHyphenFraction(first, words, out double hyphenFraction))
        {
            match = new NumberMatch(start, start + 1, hyphenFraction, NumberForm.Fraction);
            return true;
        }
        // "one - fourth", "five - eighths": the same with spaces around the hyphen.
        if (!leadingA && start + 2 < end && Is(text, tokens[start + 1], "-") && words.Find(first) is { IsNumber: true, Number: >= 1 and <= 19 } spacedNumerator
            && words.Find(tokens[start + 2].Span.SliceOf(text)) is { FractionDenominator: > 2, IsNumber: false } spacedFraction)
        {
            match = new NumberMatch(start, start + 3, spacedNumerator.Number / spacedFraction.FractionDenominator, NumberForm.Fraction);
            return true;
        }
        int lastConsumed = -1;
        double lastScale = 0;
        double beforeAnd = double.NaN;
        bool afterAnd = false;
        for (; k < limit; k++)
        {
            var token = tokens[k];
            // "fifty - two": a hyphen written with spaces between a tens word and a unit word.
            if (any && Is(text, token, "-") && k + 1 < limit && current % 100 is >= 20 and <= 90 && current % 10 == 0
                && words.Find(tokens[k + 1].Span.SliceOf(text)) is { IsNumber: true, Number: >= 1 and <= 9 }) continue;
            if (token.Kind != TokenKind.Word) break;
            var word = token.Span.SliceOf(text);
            if (word.Equals("and", StringComparison.OrdinalIgnoreCase) && any)
            {
                // "one hundred and five"; "one and a half"; "twenty and three fifths" keeps what came before the "and" whole.
                if (k + 1 < limit && IsNumberWord(text, tokens[k + 1], words))
                {
                    beforeAnd = total + current;
                    afterAnd = true;
                    continue;
                }
                if (k + 2 < limit && Is(text, tokens[k + 1], "a") && Is(text, tokens[k + 2], "half"))
                {
                    // "one million and a half" is a million and a half; "five and a half (million)" is 5.5 (million);
                    // "one billion and a half million" is a billion and half a million.
                    lastConsumed = k + 2;
                    if (current == 0 && lastScale > 1 && k + 3 < limit && words.Find(tokens[k + 3].Span.SliceOf(text)) is { Scale: >= 1000 } smallerScale
                        && smallerScale.Scale < lastScale && tokens[k + 3].Span.Length > 3)
                    {
                        total += smallerScale.Scale / 2;
                        lastConsumed = k + 3;
                        break;
                    }
                    if (current == 0 && lastScale > 1) total += lastScale / 2;
                    else current += 0.5;
                    if (k + 3 < limit && words.Find(tokens[k + 3].Span.SliceOf(text)) is { Scale: >= 1000 } after && tokens[k + 3].Span.Length > 3)
                    {
                        current = (total + current) * after.Scale;
                        total = 0;
                        lastConsumed = k + 3;
                    }
                    break;
                }
                break;
            }
            if (!TryAddWordParts(word, words, ref total, ref current, afterAnd)) break;
            afterAnd = false;
            if (words.Find(word) is { Scale: >= 1000 } scaleWord) lastScale = scaleWord.Scale;
            any = true;
            lastConsumed = k;
        }
        if (!any && !leadingA) return false;
        if (lastConsumed < 0) return false;
        double value = total + current;
        int endToken = lastConsumed + 1;
        // "two thirds", "three fifths"
        // "one and a fourth", "five and a quarter"
        if (endToken + 2 < end && Is(text, tokens[endToken], "and") && Is(text, tokens[endToken + 1], "a")
            && words.Find(tokens[endToken + 2].Span.SliceOf(text)) is { FractionDenominator: > 2 } quarter && !IsUnitContext(text, tokens, endToken + 3, end))
        {
            // "one billion and a quarter million" and "three million and a quarter": the share is of a scale word.
            int shareEnd = endToken + 3;
            double of = lastScale >= 1000 && value % lastScale == 0 ? lastScale : 1;
            if (shareEnd < end && words.Find(tokens[shareEnd].Span.SliceOf(text)) is { Scale: >= 1000 } following && tokens[shareEnd].Span.Length > 3)
            {
                of = following.Scale;
                shareEnd++;
            }
            match = new NumberMatch(start, shareEnd, Round(value + of / quarter.FractionDenominator), of > 1 ? NumberForm.Words : NumberForm.Fraction);
            return true;
        }
        if (endToken < end && value >= 0 && tokens[endToken].Kind == TokenKind.Word)
        {
            var fw = tokens[endToken].Span.SliceOf(text);
            var f = words.Find(fw);
            double whole = double.IsNaN(beforeAnd) ? 0 : beforeAnd, numerator = value - whole;
            if (f is { FractionDenominator: > 0 } && (numerator == 1 || fw[^1] is 's' or 'S') && !(f.FractionDenominator == 4 && IsUnitContext(text, tokens, endToken + 1, end)))
            {
                // "one hundred and three quarters" is 100 + 3/4 (a proper fraction after the last "and" is a mixed
                // number); "one hundred and thirty fifths" is 130/5; "two million and three fifths" is 2.6 million.
                double fraction = numerator / f.FractionDenominator;
                double result = whole > 0 && numerator < f.FractionDenominator
                    ? whole + (lastScale >= 1000 && whole % lastScale == 0 ? fraction * lastScale : fraction)
                    : value / f.FractionDenominator;
                int fractionEnd = endToken + 1;
                // "one billion and three quarters million": the fraction is of the scale word after it.
                if (fractionEnd < end && words.Find(tokens[fractionEnd].Span.SliceOf(text)) is { Scale: >= 1000 } following && tokens[fractionEnd].Span.Length > 3 && whole > 0)
                {
                    result = whole + fraction * following.Scale;
                    fractionEnd++;
                }
                match = new NumberMatch(start, fractionEnd, NumberReader.Round(result), NumberForm.Fraction);
                if (whole == 0) match = OfScale(text, tokens, end, words, match);
                return true;
            }
            // "three dozens", "three hundred and two dozens"
            if (IsDozens(fw) || f is { IsNumber: true, Number: 12 } && fw.Length > 1 && !double.IsNaN(value))
            {
                // "three hundred and two dozens": the dozens are of the part after the last "and".
                double dozens = double.IsNaN(beforeAnd) ? value * 12 : beforeAnd + (value - beforeAnd) * 12;
                match = new NumberMatch(start, endToken + 1, dozens, NumberForm.Words);
                return true;
            }
            // "two hundred point zero three", "five point five": a decimal part read digit by digit (or as one number: "point seventy-one").
            if (fw.Equals("point", StringComparison.OrdinalIgnoreCase) && endToken + 1 < end && ReadDecimalWords(text, tokens, endToken + 1, end, words, out double fractionPart, out int decimalEnd))
            {
                match = new NumberMatch(start, decimalEnd, value + fractionPart, NumberForm.Words);
                return true;
            }
        }
        match = new NumberMatch(start, endToken, value, NumberForm.Words);
        return true;
    }

    private enum PieceKind { A, And, Cardinal, Scale }

    /// <summary>
    /// A fraction whose denominator is an ordinal phrase: "a trillionth", "a hundred thousand trillionths",
    /// "three twenty-firsts", "one hundred thirty fifths" (100/35), "one one hundred and fifth" (1/105).
    /// The words before the ordinal are split so that both sides are well-formed numbers: a tens word
    /// just before a unit ordinal belongs to the denominator ("twenty fifths" after a numerator is 25ths),
    /// and so does "one hundred" / "one thousand" just before it when a numerator remains. A numerator
    /// with "and" in it is a mixed number ("twenty and three fifths") and is left to the word reader, as
    /// is a singular ordinal after a numerator other than one ("one hundred fifth" is the 105th).
    /// </summary>
    private static bool TryReadOrdinalFraction(string text, ImmutableArray<Token> tokens, int start, int end, WordTable words, out NumberMatch match)
    {
        match = default;
        Span<PieceKind> kinds = stackalloc PieceKind[MaxWordTokens * 2];
        Span<double> values = stackalloc double[MaxWordTokens * 2];
        int count = 0;
        double ordinal = 0;
        bool plural = false, unitOrdinal = false, fractionWord = false;
        int limit = Math.Min(end, start + MaxWordTokens), k = start;
        for (; k < limit && ordinal == 0; k++)
        {
            var token = tokens[k];
            if (Is(text, token, "-") && count > 0 && kinds[count - 1] == PieceKind.Cardinal) continue; // "ninety - five"
            if (token.Kind != TokenKind.Word) return false;
            var word = token.Span.SliceOf(text);
            if (Is(text, token, "a") || Is(text, token, "an"))
            {
                if (count > 0) return false;
                kinds[count] = PieceKind.A;
                values[count++] = 1;
                continue;
            }
            if (Is(text, token, "and"))
            {
                if (count == 0) return false;
                kinds[count] = PieceKind.And;
                values[count++] = 0;
                continue;
            }
            while (!word.IsEmpty)
            {
                int dash = word.IndexOf('-');
                var part = dash < 0 ? word : word[..dash];
                word = dash < 0 ? [] : word[(dash + 1)..];
                if (count >= kinds.Length) return false;
                var e = words.Find(part);
                if (e is { IsNumber: true } && e.Number is >= 1 and <= 90 && e.Number == Math.Floor(e.Number) && part.Length > 2
                    && !part.StartsWith("dozen", StringComparison.OrdinalIgnoreCase) && !part.Equals("score", StringComparison.OrdinalIgnoreCase))
                {
                    kinds[count] = PieceKind.Cardinal;
                    values[count++] = e.Number;
                    continue;
                }
                if (e is { Scale: >= 100 } && part.Length > 3 && e.Ordinal == 0)
                {
                    kinds[count] = PieceKind.Scale;
                    values[count++] = e.Scale;
                    continue;
                }
                // The ordinal ends the phrase and must end its token ("twenty-firsts", not "fifth-largest").
                if (!word.IsEmpty || count == 0) return false;
                bool isPlural = part.Length > 3 && part[^1] is 's' or 'S';
                var singular = isPlural ? words.Find(part[..^1]) : e;
                if (singular is null || singular.Ordinal <= 0 && singular.FractionDenominator <= 2) return false;
                // "one hundred twenty seconds" counts seconds: an ordinal that is also a time unit is a denominator
                // only when joined to its tens word ("three thirty-seconds").
                if (singular.Unit is not null && part.Length == token.Span.Length) return false;
                ordinal = singular.FractionDenominator > 0 ? singular.FractionDenominator : singular.Ordinal;
                unitOrdinal = singular.Ordinal is >= 1 and <= 9;
                fractionWord = singular.FractionDenominator > 2;
                plural = isPlural;
            }
        }
        if (ordinal == 0) return false;
        int endToken = k;
        // An ordinal adjective, not a fraction: "a twenty-first birthday" (but "a fifth of the vote" is one).
        if (!plural && endToken < end && tokens[endToken].Kind == TokenKind.Word && !Is(text, tokens[endToken], "of")) return false;
        double denominator = ordinal;
        int last = count - 1; // the numerator is pieces [0, last]
        bool compound = false;
        if (unitOrdinal && last >= 1 && kinds[last] == PieceKind.Cardinal && values[last] is >= 20 and <= 90 && values[last] % 10 == 0
            && ReadPieces(kinds[..last], values[..last], out _))
        {
            denominator += values[last];
            last--;
            compound = true;
        }
        if (!compound && !fractionWord) return false; // "a first", "one second"
        if (denominator == 4 && IsUnitContext(text, tokens, endToken, end)) return false; // "three quarters of a century" stays time
        int before = kinds[last] == PieceKind.And ? last - 1 : last;
        if (before >= 2 && kinds[before] == PieceKind.Scale && kinds[before - 1] == PieceKind.Cardinal && values[before - 1] == 1
            && values[before] > denominator && ReadPieces(kinds[..(before - 1)], values[..(before - 1)], out _))
        {
            denominator += values[before];
            last = before - 2;
        }
        for (int i = 0; i <= last; i++) if (kinds[i] == PieceKind.And) return false;
        if (!ReadPieces(kinds[..(last + 1)], values[..(last + 1)], out double numerator)) return false;
        if (!plural && numerator != 1) return false;
        match = new NumberMatch(start, endToken, numerator / denominator, NumberForm.Fraction);
        if (!compound) match = OfScale(text, tokens, end, words, match); // "two thirds of a million"
        return true;
    }

    /// <summary>The value of a well-formed run of number words: "a hundred thousand", "ninety five hundred", "twenty one"; false for "one one" or a trailing "and".</summary>
    private static bool ReadPieces(ReadOnlySpan<PieceKind> kinds, ReadOnlySpan<double> values, out double value)
    {
        value = 0;
        if (kinds.IsEmpty || kinds[^1] == PieceKind.And) return false;
        double total = 0, current = 0;
        for (int i = 0; i < kinds.Length; i++)
        {
            switch (kinds[i])
            {
                case PieceKind.A:
                    if (i != 0) return false;
                    current = 1;
                    break;
                case PieceKind.And:
                    if (i == 0 || kinds[i - 1] == PieceKind.And) return false;
                    break;
                case PieceKind.Cardinal:
                    // After another number word only a unit after a tens word ("twenty one") continues it.
                    if (i > 0 && kinds[i - 1] is PieceKind.Cardinal or PieceKind.A
                        && !(kinds[i - 1] == PieceKind.Cardinal && values[i - 1] is >= 20 and <= 90 && values[i - 1] % 10 == 0 && values[i] < 10)) return false;
                    current += values[i];
                    break;
                case PieceKind.Scale:
                    if (values[i] == 100) current = (current == 0 ? 1 : current) * 100;
                    else
                    {
                        total += (current == 0 ? 1 : current) * values[i];
                        current = 0;
                    }
                    break;
            }
        }
        value = total + current;
        return value > 0;
    }

    /// <summary>"a quarter million", "three quarters billion", "two thirds of a million": a fraction of a scale word is a number.</summary>
    private static NumberMatch OfScale(string text, ImmutableArray<Token> tokens, int end, WordTable words, NumberMatch fraction)
    {
        int k = fraction.EndToken;
        if (k + 2 < end && Is(text, tokens[k], "of") && (Is(text, tokens[k + 1], "a") || Is(text, tokens[k + 1], "one"))) k += 2;
        if (k < end && words.Find(tokens[k].Span.SliceOf(text)) is { Scale: >= 1000 } scale && tokens[k].Span.Length > 3)
        {
            return new NumberMatch(fraction.StartToken, k + 1, Round(fraction.Value * scale.Scale), NumberForm.Words);
        }
        return fraction;
    }

    private static bool IsDozens(ReadOnlySpan<char> word) =>
        word.Equals("dozens", StringComparison.OrdinalIgnoreCase) || word.Equals("dozs", StringComparison.OrdinalIgnoreCase) || word.Equals("dzs", StringComparison.OrdinalIgnoreCase);

    /// <summary>The words after "point": single digits ("zero three" is .03) or one number ("seventy-one" is .71).</summary>
    private static bool ReadDecimalWords(string text, ImmutableArray<Token> tokens, int start, int end, WordTable words, out double fraction, out int endToken)
    {
        fraction = 0;
        endToken = start;
        var digits = new System.Text.StringBuilder();
        for (int k = start; k < end && k < start + MaxWordTokens && tokens[k].Kind == TokenKind.Word; k++)
        {
            var w = tokens[k].Span.SliceOf(text);
            var entry = words.Find(w);
            double digit = entry is { IsNumber: true } ? entry.Number
                : w.Equals("nought", StringComparison.OrdinalIgnoreCase) || w.Equals("naught", StringComparison.OrdinalIgnoreCase) || w.Equals("oh", StringComparison.OrdinalIgnoreCase) ? 0 : double.NaN;
            if (digit is >= 0 and <= 9 && digit == Math.Floor(digit))
            {
                digits.Append((char)('0' + (int)digit));
                endToken = k + 1;
                continue;
            }
            if (digits.Length == 0)
            {
                double total = 0, current = 0;
                if (!TryAddWordParts(w, words, ref total, ref current) || total + current < 10 || total + current >= 100) return false;
                fraction = (total + current) / 100;
                endToken = k + 1;
                return true;
            }
            break;
        }
        if (digits.Length == 0) return false;
        fraction = double.Parse("0." + digits.ToString(), CultureInfo.InvariantCulture);
        return true;
    }

    /// <summary>
    /// After "4 thousand" or "3 million": "3 hundred" (a smaller scale), "and 21" (a last smaller number),
    /// "and a half" (half the scale). Anything else ends the number, so "300 million 20 people" stays two.
    /// </summary>
    private static int ContinueAfterScale(string text, ImmutableArray<Token> tokens, int next, int end, WordTable words, double scale, ref double total)
    {
        for (int step = 0; step < 4 && next < end; step++)
        {
            int r = next;
            bool joined = Is(text, tokens[r], "and");
            if (joined) r++;
            if (r >= end) break;
            if (joined && r + 1 < end && Is(text, tokens[r], "a") && (Is(text, tokens[r + 1], "half") || Is(text, tokens[r + 1], "quarter")))
            {
                total += Is(text, tokens[r + 1], "half") ? scale / 2 : scale / 4;
                return r + 2;
            }
            // "4 thousand 3 hundred and 0": adding nothing joins nothing, so "and 0" starts another number.
            if (tokens[r].Kind == TokenKind.Number && TryParseDigits(tokens[r].Span.SliceOf(text), out double part) && part < scale && (part > 0 || !joined))
            {
                if (r + 1 < end && words.Find(tokens[r + 1].Span.SliceOf(text)) is { Scale: > 1 } smaller && smaller.Scale < scale && tokens[r + 1].Span.Length > 1)
                {
                    total += part * smaller.Scale;
                    scale = smaller.Scale;
                    next = r + 2;
                    continue;
                }
                // "3 hundred and 2 hundred" are two numbers: a scale word after the part starts the second one.
                if (joined && !(r + 1 < end && words.Find(tokens[r + 1].Span.SliceOf(text)) is { Scale: > 1 } && tokens[r + 1].Span.Length > 1))
                {
                    total += part;
                    return r + 1;
                }
                break;
            }
            if (joined && tokens[r].Kind == TokenKind.Word && TryReadWords(text, tokens, r, end, words, out var words2) && words2.Value < scale && words2.Form == NumberForm.Words)
            {
                total += words2.Value;
                return words2.EndToken;
            }
            break;
        }
        return next;
    }

    /// <summary>The value of number words written as one string ("six", "twenty-five").</summary>
    internal static bool TryReadWordValue(ReadOnlySpan<char> word, WordTable words, out double value)
    {
        double t = 0, c = 0;
        value = 0;
        if (!TryAddWordParts(word, words, ref t, ref c)) return false;
        value = t + c;
        return value > 0;
    }

    /// <summary>"one-eighth", "two-thirds": a numerator word and a fraction word in one token.</summary>
    private static bool TryHyphenFraction(ReadOnlySpan<char> word, WordTable words, out double value)
    {
        value = 0;
        int dash = word.LastIndexOf('-');
        if (dash <= 0 || dash == word.Length - 1) return false;
        var tail = word[(dash + 1)..];
        if (words.Find(tail) is not { FractionDenominator: > 0 } f || words.Find(tail) is { IsNumber: true }) return false;
        if (f.FractionDenominator == 2 && !tail.Equals("half", StringComparison.OrdinalIgnoreCase)) return false;
        double t = 0, c = 0;
        if (!TryAddWordParts(word[..dash], words, ref t, ref c) || t + c <= 0) return false;
        // "twenty-fifth" is the 25th, not twenty fifths.
        if (t == 0 && c is >= 20 and <= 90 && c % 10 == 0 && f.FractionDenominator < 10 && !tail.EndsWith("s", StringComparison.OrdinalIgnoreCase)) return false;
        value = (t + c) / f.FractionDenominator;
        return true;
    }

    private static bool IsPluralFractionOf(this WordEntry entry, ReadOnlySpan<char> word) => word.Length > 2 && word[^1] is 's' or 'S' && entry.FractionDenominator != 2;

    // "a quarter of an hour", "the third quarter": a quarter as a time unit, not a fraction.
    private static bool IsUnitContext(string text, ImmutableArray<Token> tokens, int next, int end) =>
        next + 2 < end && Is(text, tokens[next], "of") && (Is(text, tokens[next + 1], "an") || Is(text, tokens[next + 1], "a"))
        && (Is(text, tokens[next + 2], "hour") || Is(text, tokens[next + 2], "century"));

    private static bool IsNumberWord(string text, Token token, WordTable words)
    {
        if (token.Kind != TokenKind.Word) return false;
        double t = 0, c = 0;
        return TryAddWordParts(token.Span.SliceOf(text), words, ref t, ref c);
    }

    /// <summary>Adds "twenty-five" or "thousand" to a running total; false when any part is not a number word.</summary>
    /// <param name="afterAnd">The word follows "and", which joins a whole and its part ("three and one fourth").</param>
    private static bool TryAddWordParts(ReadOnlySpan<char> word, WordTable words, ref double total, ref double current, bool afterAnd = false)
    {
        double t = total, c = current;
        while (!word.IsEmpty)
        {
            int dash = word.IndexOf('-');
            var part = dash < 0 ? word : word[..dash];
            word = dash < 0 ? [] : word[(dash + 1)..];
            var e = words.Find(part);
            // "five hundreds", "two thousands": a plural scale after a number is still its scale.
            if (e is null && c > 0 && part.Length > 4 && part[^1] is 's' or 'S' && words.Find(part[..^1]) is { Scale: >= 100 } pluralScale) e = pluralScale;
            if (e is null || part.Length < 3 && !(e.IsNumber)) return false;
            if (e.IsNumber && part.Length > 1)
            {
                if (e.Number == 12 && part.StartsWith("dozen", StringComparison.OrdinalIgnoreCase)) c = (c == 0 ? 1 : c) * 12;
                else if (e.Number == 20 && part.Equals("score", StringComparison.OrdinalIgnoreCase)) return false;
                else
                {
                    // Only a unit word follows a tens word ("twenty one"): "twenty ten dollar bills" is twenty bills
                    // of ten dollars, and "five three" two numbers, not one sum.
                    double tail = c % 100;
                    if (!afterAnd && tail != 0 && (e.Number >= 10 || tail < 20 || tail % 10 != 0)) return false;
                    c += e.Number;
                }
            }
            else if (e.Scale >= 100 && part.Length > 3)
            {
                if (e.Scale == 100) c = (c == 0 ? 1 : c) * 100;
                else
                {
                    t += (c == 0 ? 1 : c) * e.Scale;
                    c = 0;
                }
            }
            else return false;
        }
        total = t;
        current = c;
        return true;
    }

    /// <summary>Parses "11,000", "1.4", "1,234.5"; false for anything longer than a double holds exactly.</summary>
    internal static bool TryParseDigits(ReadOnlySpan<char> digits, out double value)
    {
        value = 0;
        if (IsDotGroupedWithDecimalComma(digits))
        {
            // A double holds no more digits than this, and the buffer is on the stack: a long token must not overflow it.
            if (digits.Length > 64) return false;
            // "1.111,11": dots group the thousands and the comma is the decimal point.
            Span<char> swapped = stackalloc char[digits.Length];
            int n = 0;
            foreach (char c in digits) if (c != '.') swapped[n++] = c == ',' ? '.' : c;
            return TryParseDigits(swapped[..n], out value);
        }
        int digitCount = 0;
        Span<char> buffer = stackalloc char[32];
        int length = 0;
        int lastComma = -1, dot = -1;
        for (int i = 0; i < digits.Length; i++)
        {
            char c = digits[i];
            if (char.IsDigit(c))
            {
                if (++digitCount > MaxDigits || length >= buffer.Length) return false;
                buffer[length++] = c;
            }
            else if (c == ',')
            {
                if (dot >= 0) return false;
                lastComma = i;
            }
            else if (c == '.')
            {
                if (dot >= 0) return false;
                dot = i;
                if (length >= buffer.Length) return false;
                buffer[length++] = '.';
            }
            else return false;
        }
        // A comma followed by other than three digits is not a thousands separator ("1,5"): read it as a decimal comma.
        if (lastComma >= 0 && dot < 0 && digits.Length - lastComma - 1 != 3)
        {
            int insertAt = length - (digits.Length - lastComma - 1);
            if (insertAt <= 0 || length >= buffer.Length) return false;
            for (int i = length; i > insertAt; i--) buffer[i] = buffer[i - 1];
            buffer[insertAt] = '.';
            length++;
        }
        return digitCount > 0 && double.TryParse(buffer[..length], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>"1.111,11", "12.500.000,5": one or more dots each followed by three digits, then one comma and the decimals.</summary>
    private static bool IsDotGroupedWithDecimalComma(ReadOnlySpan<char> digits)
    {
        int comma = digits.IndexOf(',');
        if (comma < 0 || digits.LastIndexOf(',') != comma || comma == digits.Length - 1 || digits.IndexOf('.') is var firstDot && (firstDot < 1 || firstDot > 3 || firstDot > comma)) return false;
        for (int i = firstDot; i < comma; i += 4)
        {
            if (digits[i] != '.' || i + 4 > comma || digits.Slice(i + 1, 3).IndexOfAnyExceptInRange('0', '9') >= 0) return false;
        }
        return digits[(comma + 1)..].IndexOfAnyExceptInRange('0', '9') < 0 && digits[..firstDot].IndexOfAnyExceptInRange('0', '9') < 0;
    }

    internal static bool Is(string text, Token token, string word) =>
        token.Span.SliceOf(text).Equals(word, StringComparison.OrdinalIgnoreCase);
}
