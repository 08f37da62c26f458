using System.Collections.Frozen;
using System.Collections.Immutable;
using Crosscheck.Text;
using Crosscheck.Times;

namespace Crosscheck.Quantities;

/// <summary>
/// Finds quantities in one sentence: a bound or hedge, a currency sign, a number (or range), a unit,
/// the noun phrase counted and the casualty words of the clause. Every step looks a fixed number of
/// tokens ahead or behind, so the work is linear in the sentence length.
/// </summary>
/// <remarks>
/// Not quantities, by decision: ordinals ("95th", "first"), years and dates and clock times (the
/// time layer's spans, or a bare four-digit 1900-2100 when that layer is absent), and labels
/// ("article 4", "Brigade 155", "No. 5", "Su-34"): a number after a designator word names a thing, it
/// does not count things. Compound adjectives ("20-member") are skipped as well, except those of a unit
/// ("45-acre", "a 20-year-old": an age).
/// </remarks>
internal sealed class QuantityExtractor
{
    private const double Hedge = 0.10;
    private const int CountedMaxTokens = 6;
    private const int CasualtyAhead = 10;
    private const int CasualtyBehind = 6;

    private readonly WordTable _words;
    private readonly UnitTable _units;

    public QuantityExtractor(WordTable words, UnitTable units)
    {
        _words = words;
        _units = units;
    }

    /// <param name="covered">Spans another layer already explains (dates, times, durations), sorted by start.</param>
    public void Extract(string text, ImmutableArray<Token> tokens, int start, int end, ImmutableArray<Span> covered, List<Quantity> output)
    {
        int k = start;
        while (k < end)
        {
            int next = TryAt(text, tokens, k, start, end, covered, output);
            k = next > k ? next : k + 1;
        }
    }

    private bool Is(string text, ImmutableArray<Token> tokens, int k, int end, string word) =>
        k < end && k >= 0 && tokens[k].Span.SliceOf(text).Equals(word, StringComparison.OrdinalIgnoreCase);

    private int TryAt(string text, ImmutableArray<Token> tokens, int k, int sentenceStart, int end, ImmutableArray<Span> covered, List<Quantity> output)
    {
        int p = k;
        string? bound = _words.MatchBound(text, tokens, p, end, out int afterBound);
        if (bound is not null) p = afterBound;
        UnitInfo? unit = CurrencyPrefix(text, tokens, ref p, end);
        NumberMatch number;
        if (unit is null && GluedCodeAmount(text, tokens, p, end, out var codeUnit, out number)) unit = codeUnit;
        else if (!NumberReader.TryRead(text, tokens, p, end, _words, out number))
        {
            return unit is null && HyphenMeasure(text, tokens, p, k, bound, output) ? p + 1 : k;
        }
        int numberStart = p;
        // "ninety years of age": the time layer may read a duration, but "of age" makes the number an age.
        if (IsCovered(tokens[numberStart].Span, covered) && _units.Match(text, tokens, number.EndToken, end, out _) is not { Kind: QuantityKind.Age }) return numberStart + 1;
        if (InsideLink(text, tokens[numberStart].Span)) return number.EndToken;
        if ((bound is null || AgeMentions.IsAgeRangeOpener(text, tokens, k, sentenceStart)) && unit is null
            && AgeMentions.Classify(text, tokens, numberStart, number.EndToken, sentenceStart, end) is var age && age is AgeForm.Apposition or AgeForm.Stated)
        {
            // An age in apposition stays unread: only a word ("aged", "years old") makes it one.
            if (age == AgeForm.Stated) output.Add(AgeInYears(tokens[numberStart].Span, number.Value));
            return number.EndToken;
        }
        if (bound is null && unit is null && numberStart > sentenceStart && _words.Find(tokens[numberStart - 1].Span.SliceOf(text)) is { Designator: true }) return number.EndToken;
        if (numberStart > sentenceStart && tokens[numberStart - 1].Span.SliceOf(text) is "#") return number.EndToken;
        int q = number.EndToken;
        // "10:30" is a clock time, "20-year-old" an adjective, "one of the" a pronoun.
        if (Is(text, tokens, q, end, ":") && q + 1 < end && tokens[q + 1].Kind == TokenKind.Number) return q + 2;
        UnitInfo? hyphenUnit = null;
        int hyphenUnitEnd = q;
        if (Is(text, tokens, q, end, "-") && q + 1 < end && tokens[q].Span.Start == tokens[q - 1].Span.End && tokens[q + 1].Span.Start == tokens[q].Span.End
            && _units.Match(text, tokens, q + 1, end, out hyphenUnitEnd) is { Kind: not QuantityKind.Persons and not QuantityKind.Currency, IsBareDegree: false } measured)
        {
            hyphenUnit = measured; // "45-acre", "2.5-mile"
        }
        else if (Is(text, tokens, q, end, "-") && q + 1 < end && tokens[q + 1].Kind == TokenKind.Word && tokens[q + 1].Span.SliceOf(text).IndexOf('-') is > 0 and var dash
            && _units.MatchWord(tokens[q + 1].Span.SliceOf(text)[..dash]) is { Kind: QuantityKind.Currency, Factor: < 1 } minorPrice)
        {
            hyphenUnit = minorPrice; // "a 12-cent-a-share dividend": a price in the minor unit
            hyphenUnitEnd = q + 2;
        }
        else if (unit is { Kind: QuantityKind.Currency } && (Is(text, tokens, q, end, "-") || Is(text, tokens, q, end, "–")))
        {
            // "a $70-a-share offer": after a currency sign the amount stands, whatever compound follows; in
            // "a $1.5-billion deal" the scale word after the dash is part of the amount.
            if (q + 1 < end && tokens[q].Span.Start == tokens[q - 1].Span.End && tokens[q + 1].Span.Start == tokens[q].Span.End
                && tokens[q + 1].Kind == TokenKind.Word && _words.Find(tokens[q + 1].Span.SliceOf(text)) is { Scale: > 1 } glued && number.Value < glued.Scale)
            {
                number = number with { Value = number.Value * glued.Scale, EndToken = q + 2 };
                q += 2;
            }
        }
        else if (Is(text, tokens, q, end, "-") && q + 1 < end && Is(text, tokens, q + 1, end, "strong"))
        {
            q += 2; // "a 1,000-strong unit": the number counts the unit's members
        }
        else if ((Is(text, tokens, q, end, "-") || Is(text, tokens, q, end, "–")) && q + 1 < end && tokens[q + 1].Kind == TokenKind.Word && _units.Match(text, tokens, q + 1, end, out _) is null or { IsBareDegree: true }
            && !(char.IsDigit(tokens[q + 1].Span.SliceOf(text)[0]))) return q + 2;
        // "that one mile" measures: a unit after "one" makes it a number again.
        if (number.Form == NumberForm.Words && number.Value == 1 && number.EndToken - numberStart == 1
            && _units.Match(text, tokens, q, end, out _) is not { Kind: not QuantityKind.Persons and not QuantityKind.Currency }
            && (Is(text, tokens, q, end, "of")
            || numberStart > sentenceStart && _words.Find(tokens[numberStart - 1].Span.SliceOf(text)) is { } before
               && (before.Stop && !Is(text, tokens, numberStart - 1, end, "and") && !Is(text, tokens, numberStart - 1, end, "or") || Is(text, tokens, numberStart - 1, end, "which"))))
        {
            return q; // "one of the", "the one you mentioned", "which one": a pronoun
        }
        // A sign: "-5", "minus five", "negative one".
        bool negative = false;
        if (bound is null && unit is null && numberStart > sentenceStart)
        {
            var sign = tokens[numberStart - 1];
            var signText = sign.Span.SliceOf(text);
            // A sign is attached ("-5"); a spaced one ("- 1 4/5") only where no dash of prose can stand: at the
            // start of the text or after an opening bracket.
            bool attached = sign.Span.End == tokens[numberStart].Span.Start;
            bool leading = sign.Span.Start == 0 || text[sign.Span.Start - 1] is '(' or '[';
            if ((signText is "-" or "−") && (attached || leading) && number.Form is NumberForm.Digits or NumberForm.Fraction
                && (sign.Span.Start == 0 || char.IsWhiteSpace(text[sign.Span.Start - 1]) || text[sign.Span.Start - 1] is '(' or '['))
            {
                negative = true;
                k = numberStart - 1;
            }
            else if (signText.Equals("minus", StringComparison.OrdinalIgnoreCase) || signText.Equals("negative", StringComparison.OrdinalIgnoreCase))
            {
                negative = true;
                k = numberStart - 1;
            }
        }
        if (negative) number = number with { Value = -number.Value };
        if (LooksLikeYear(text, tokens, number, unit, q, end)) return q;

        double low = number.Value;
        double? high = null;
        // Ranges: "between 10 and 20", "10-20", "10 to 20", "from 10 to 20".
        int rangeWord = q;
        bool rangeJoin = hyphenUnit is null && Is(text, tokens, q, end, "-") || Is(text, tokens, q, end, "–") || Is(text, tokens, q, end, "to")
            || (bound == "BETWEEN" && Is(text, tokens, q, end, "and"));
        if (rangeJoin && number.Form != NumberForm.Vague)
        {
            int r = rangeWord + 1;
            var secondCurrency = CurrencyPrefix(text, tokens, ref r, end);
            // A bare scale word is never the upper end: "1.5-billion" is one amount, not 1.5 to a billion.
            if (NumberReader.TryRead(text, tokens, r, end, _words, out var second) && second.Form != NumberForm.Vague && second.Value >= number.Value
                && !IsCovered(tokens[r].Span, covered) && !(second.EndToken - r == 1 && _words.Find(tokens[r].Span.SliceOf(text)) is { Scale: > 1 }))
            {
                double scaled = low;
                // "between 1 and 2 million": the scale word of the second number applies to both.
                if (second.EndToken - r == 2 && number.EndToken - numberStart == 1 && _words.Find(tokens[second.EndToken - 1].Span.SliceOf(text)) is { Scale: > 1 } scale
                    && number.Value < scale.Scale) scaled = low * scale.Scale;
                if (second.Value >= scaled)
                {
                    low = scaled;
                    high = second.Value;
                    number = number with { EndToken = second.EndToken, GluedSuffix = second.GluedSuffix.Length > 0 ? second.GluedSuffix : number.GluedSuffix };
                    unit ??= secondCurrency;
                    q = second.EndToken;
                }
            }
        }
        if (bound is "BETWEEN" or "FROM" && high is null)
        {
            bound = null;
            k = afterBound; // "from $5 million": the preposition is not part of the amount
        }

        if (hyphenUnit is not null && unit is null && high is null)
        {
            unit = hyphenUnit;
            q = hyphenUnitEnd;
        }
        else if (number.GluedSuffix.Length > 0)
        {
            UnitInfo? poweredUnit = null;
            if (q < end && tokens[q].Kind == TokenKind.Number && tokens[q].Span.Start == tokens[q - 1].Span.End)
            {
                // "40m2" is square metres; "24703L202" is a code, not 24703 litres.
                var power = tokens[q].Span.SliceOf(text);
                bool endsThere = q + 1 >= end || tokens[q + 1].Span.Start > tokens[q].Span.End;
                if (power is not ("2" or "3") || !endsThere || unit is not null
                    || _units.MatchWord(string.Concat(number.GluedSuffix.SliceOf(text), power)) is not { } powered) return q + 1;
                poweredUnit = powered;
                q++;
            }
            var glued = poweredUnit ?? _units.MatchWord(number.GluedSuffix.SliceOf(text));
            if (glued is null || unit is not null) return q; // "4x4", "5am", "3G": not a measured quantity
            unit = glued;
        }
        else if (unit is null && _units.Match(text, tokens, q, end, out int unitEnd) is { } after && after.Kind != QuantityKind.Persons)
        {
            // A bare "m" or "t" after a spelled-out number is more likely a word than a unit; a sign glued to the
            // next number ("$ 20,000.00 $37,305.97", "1 $10 bill") is that number's.
            bool signOfNext = !char.IsLetter(after.Tokens[^1][0]) && unitEnd < end && tokens[unitEnd].Kind == TokenKind.Number;
            if (!(after.Tokens[0].Length == 1 && char.IsLetter(after.Tokens[0][0]) && number.Form != NumberForm.Digits) && !signOfNext)
            {
                unit = after;
                q = unitEnd;
                // "75 USD million": a scale word after the currency code.
                if (unit.Kind == QuantityKind.Currency && high is null && q < end && _words.Find(tokens[q].Span.SliceOf(text)) is { Scale: >= 1000 } trailingScale && tokens[q].Span.Length > 1)
                {
                    low = NumberReader.Round(low * trailingScale.Scale);
                    number = number with { Value = low };
                    q++;
                }
            }
        }
        else if (unit is not null && unit.Kind == QuantityKind.Currency && _units.Match(text, tokens, q, end, out int currencyEnd) is { Kind: QuantityKind.Currency } repeated
            && !(!char.IsLetter(repeated.Tokens[^1][0]) && currencyEnd < end && tokens[currencyEnd].Kind == TokenKind.Number))
        {
            q = currencyEnd; // "$300 US dollars"
        }

        // "a 45 degrees angle", "rotate 90°", "turned 180 degrees": degrees of no scale beside a word of angles or
        // turning measure an angle, which is no news quantity, not a temperature.
        if (unit is { IsBareDegree: true } && MeasuresAnAngle(text, tokens, numberStart, q, sentenceStart, end)) return q;
        // "20 (kg)", "20 [kg]": a unit in brackets right after the number.
        if (unit is null && high is null && q + 2 < end && tokens[q].Span.Length == 1 && text[tokens[q].Span.Start] is '(' or '[' or '{' or '<'
            && _units.Match(text, tokens, q + 1, end, out int bracketedEnd) is { Kind: not QuantityKind.Persons } bracketed
            && bracketedEnd < end && tokens[bracketedEnd].Span.Length == 1 && text[tokens[bracketedEnd].Span.Start] is ')' or ']' or '}' or '>')
        {
            unit = bracketed;
            q = bracketedEnd + 1;
        }
        // "a 10" ruler": a double quote after a number, when it cannot close a quotation, is the inch sign.
        // In 51°30'26"N the quote marks seconds of arc.
        if (unit is null && high is null && number.Form == NumberForm.Digits && q < end && tokens[q].Span.Length == 1 && text[tokens[q].Span.Start] is '"' or '″'
            && !(numberStart > 0 && tokens[numberStart - 1].Span.Length == 1 && text[tokens[numberStart - 1].Span.Start] is '\'' or '′' or '°' or '’')
            && (text[tokens[q].Span.Start] == '″' || text.AsSpan(tokens[sentenceStart].Span.Start, tokens[numberStart].Span.Start - tokens[sentenceStart].Span.Start).Count('"') % 2 == 0))
        {
            unit = _units.MatchWord("inch");
            q++;
        }
        // "5 ft 2 in", "5 feet and 2 inches", "3 lb 4 oz": an imperial measure and its customary subunit are one amount.
        if (unit is not null && high is null && Subunits.TryGetValue(unit.Name, out var subunitName))
        {
            int m = Is(text, tokens, q, end, "and") ? q + 1 : q;
            if (m < end && tokens[m].Kind == TokenKind.Number && NumberReader.TryRead(text, tokens, m, end, _words, out var part) && part.Form == NumberForm.Digits
                && (_units.Match(text, tokens, part.EndToken, end, out int partEnd) is { } partUnit && partUnit.Name == subunitName
                    || subunitName == "inch" && Is(text, tokens, part.EndToken, end, "in") && (partEnd = part.EndToken + 1) > 0 && (partUnit = _units.MatchWord("inch")) is not null)
                && partUnit.Factor < unit.Factor)
            {
                low = NumberReader.Round(low + part.Value * partUnit.Factor / unit.Factor);
                number = number with { Value = low };
                q = partEnd;
            }
        }
        // "30 MUSD", "MEUR 120": a code that includes the million is the base currency times a million.
        if (unit is { Kind: QuantityKind.Currency, Factor: >= 1000 } millionCode && _units.MatchWord(millionCode.Canonical) is { Factor: 1 } baseCurrency)
        {
            low = NumberReader.Round(low * millionCode.Factor);
            if (high is not null) high = NumberReader.Round(high.Value * millionCode.Factor);
            number = number with { Value = low };
            unit = baseCurrency;
        }
        // "3 dollars 50 cents", "thirteen dollars and forty-five cents", "10 $ 30 cent", "15 dollars 50.": the minor
        // unit adds to the amount; without its name only when the amount ends the phrase.
        if (unit is { Kind: QuantityKind.Currency, Factor: 1 } && high is null && bound is null && low == Math.Floor(low))
        {
            int m = Is(text, tokens, q, end, "and") ? q + 1 : q;
            if (NumberReader.TryRead(text, tokens, m, end, _words, out var minor) && minor.Form is NumberForm.Digits or NumberForm.Words && minor.Value is > 0 and < 100 && minor.Value == Math.Floor(minor.Value))
            {
                if (_units.Match(text, tokens, minor.EndToken, end, out int minorEnd) is { Kind: QuantityKind.Currency, Factor: 0.01 } minorUnit && minorUnit.Canonical == unit.Canonical)
                {
                    low = NumberReader.Round(low + minor.Value / 100);
                    number = number with { Value = low };
                    q = minorEnd;
                }
                else if ((minor.EndToken >= end || tokens[minor.EndToken].Kind == TokenKind.Punctuation) && !IsCovered(tokens[m].Span, covered)
                    && (minor.Form == NumberForm.Words || tokens[m].Span.Length == 2))
                {
                    low = NumberReader.Round(low + minor.Value / 100);
                    number = number with { Value = low };
                    q = minor.EndToken;
                }
            }
        }
        // "361 million pounds": with a scale word, pounds are money far more often than weight, unless
        // what they weigh follows ("1.2 million pounds of beef").
        if (unit is { Kind: QuantityKind.Mass, Name: "pound" } && number.EndToken - numberStart >= 2 && !Is(text, tokens, q, end, "of")
            && _words.Find(tokens[number.EndToken - 1].Span.SliceOf(text)) is { Scale: >= 1e6 }
            && _units.MatchWord("£") is { } sterling)
        {
            unit = sterling;
        }

        // The noun phrase counted: "30 North Korean soldiers", "dozens of civilians", "300 square miles of territory".
        Span? counted = null;
        int c = q;
        if (Is(text, tokens, c, end, "of") && (unit is not null && unit.Kind != QuantityKind.Persons || number.Form == NumberForm.Vague || number.Value >= 100 && number.Form != NumberForm.Digits)) c++;
        else if (unit is not null && unit.Kind != QuantityKind.Persons) c = end;
        if (Is(text, tokens, c, end, "the") || Is(text, tokens, c, end, "them")) c = Is(text, tokens, c, end, "them") ? end : c + 1;
        int phraseStart = c, phraseEnd = c;
        bool persons = false;
        for (int t = c; t < end && t < c + CountedMaxTokens; t++)
        {
            var token = tokens[t];
            if (token.Kind != TokenKind.Word) break;
            var word = token.Span.SliceOf(text);
            var entry = _words.Find(word);
            if (entry is not null && (entry.Stop || entry.Casualty is not null && t > phraseStart || entry.Month > 0 && char.IsUpper(word[0]))) break;
            if (t > phraseStart && word.Length > 4 && char.IsLower(word[0]) && _words.LooksLikeVerb(word)) break;
            if (entry?.Casualty is not null && entry.Casualty != "KW" && t == phraseStart && !word.Equals("prisoners", StringComparison.OrdinalIgnoreCase) && !word.Equals("dead", StringComparison.OrdinalIgnoreCase) && !word.Equals("wounded", StringComparison.OrdinalIgnoreCase)) break;
            phraseEnd = t + 1;
            if (_units.MatchWord(word) is { Kind: QuantityKind.Persons }) persons = true;
        }
        if (phraseEnd == phraseStart + 1 && !persons && char.IsLower(text[tokens[phraseStart].Span.Start])
            && _words.LooksLikeVerb(tokens[phraseStart].Span.SliceOf(text))) phraseEnd = phraseStart;
        if (phraseEnd > phraseStart) counted = new Span(tokens[phraseStart].Span.Start, tokens[phraseEnd - 1].Span.End);

        // "one in five soldiers", "a fifth of the troops": a share of the people, not a count of them.
        var kind = unit?.Kind ?? (number.Form == NumberForm.Fraction ? QuantityKind.Fraction : persons ? QuantityKind.Persons : QuantityKind.Count);
        if (kind == QuantityKind.Count && persons) kind = QuantityKind.Persons;
        // "three days", "two weeks": a count of time units (the time layer has the duration) never counts casualties.
        bool countsTime = phraseEnd > phraseStart && _words.Find(tokens[phraseStart].Span.SliceOf(text)) is { Unit: not null, IsNumber: false };
        CasualtyKind? casualty = kind is QuantityKind.Count or QuantityKind.Persons && !countsTime
            ? CasualtyOf(text, tokens, k, phraseEnd > phraseStart ? phraseStart : q, sentenceStart, end)
            : null;
        if (casualty is not null && kind == QuantityKind.Count) kind = QuantityKind.Persons;

        // The interval.
        double? min = low, max = high ?? low;
        bool minExclusive = false, maxExclusive = false, approximate = false;
        double? conservative = null;
        if (number.Form == NumberForm.Vague)
        {
            min = number.VagueMin;
            max = number.VagueMaxExclusive;
            maxExclusive = true;
            approximate = true;
            conservative = number.Conservative;
        }
        switch (bound)
        {
            case "APPROX":
                if (number.Form != NumberForm.Vague)
                {
                    min = Math.Round(low * (1 - Hedge), 6);
                    max = Math.Round((high ?? low) * (1 + Hedge), 6);
                }
                approximate = true;
                break;
            case "NEARLY":
                min = Math.Round(low * (1 - Hedge), 6);
                max = high ?? low;
                maxExclusive = true;
                approximate = true;
                break;
            case "JUST_OVER":
                min = high ?? low;
                max = Math.Round((high ?? low) * (1 + Hedge), 6);
                minExclusive = true;
                approximate = true;
                break;
            case "AT_LEAST":
                max = null;
                maxExclusive = false;
                break;
            case "MORE_THAN":
                min = number.Form == NumberForm.Vague ? min : high ?? low;
                minExclusive = number.Form != NumberForm.Vague;
                max = null;
                maxExclusive = false;
                break;
            case "LESS_THAN":
                min = 0;
                max = low;
                maxExclusive = true;
                break;
            case "UP_TO":
                min = 0;
                max = high ?? (number.Form == NumberForm.Vague ? max : low);
                maxExclusive = number.Form == NumberForm.Vague && maxExclusive;
                break;
        }
        // Hedges scale by a factor, which turns a negative interval ("about -20 degrees") around.
        if (min is double lo && max is double hi && lo > hi)
        {
            (min, max) = (hi, lo);
            (minExclusive, maxExclusive) = (maxExclusive, minExclusive);
        }
        conservative ??= min > 0 ? min : null;
        if (conservative is null && bound is not ("LESS_THAN" or "UP_TO")) conservative = low;

        string unitName = unit?.Name ?? (kind == QuantityKind.Persons ? "persons" : kind == QuantityKind.Fraction ? "fraction" : "");
        string siUnit = unit?.Canonical ?? (kind == QuantityKind.Persons ? "persons" : "");
        int spanStart = bound is not null || unit is not null || negative ? k : numberStart;
        int spanEndToken = q;
        var span = new Span(tokens[spanStart].Span.Start, tokens[spanEndToken - 1].Span.End);
        output.Add(new Quantity(
            span, min, max, unitName,
            counted?.Of(text), casualty, minExclusive, maxExclusive, number.Value, kind, approximate, conservative,
            unit is null ? min : unit.ToCanonical(min), unit is null ? max : unit.ToCanonical(max), unit is { Canonical.Length: 0 } ? "" : siUnit, counted));
        return spanEndToken;
    }

    /// <summary>"six-mile", "three-ton": a number word and a unit in one hyphenated token.</summary>
    private bool HyphenMeasure(string text, ImmutableArray<Token> tokens, int p, int k, string? bound, List<Quantity> output)
    {
        if (p >= tokens.Length || tokens[p].Kind != TokenKind.Word) return false;
        var word = tokens[p].Span.SliceOf(text);
        int dash = word.LastIndexOf('-');
        if (dash <= 0 || dash == word.Length - 1 || char.IsDigit(word[0])) return false;
        var unit = _units.MatchWord(word[(dash + 1)..]);
        if (unit is null || unit.Kind is QuantityKind.Persons or QuantityKind.Percent || unit.IsBareDegree) return false;
        if (!NumberReader.TryReadWordValue(word[..dash], _words, out double value)) return false;
        var start = bound is not null ? tokens[k].Span.Start : tokens[p].Span.Start;
        output.Add(new Quantity(new Span(start, tokens[p].Span.End), value, value, unit.Name, Value: value, Kind: unit.Kind,
            Conservative: value, SiMin: unit.ToCanonical(value), SiMax: unit.ToCanonical(value), SiUnit: unit.Canonical));
        return true;
    }

    /// <summary>An age a word states ("aged 68"): a number of years, which counts nothing.</summary>
    private static Quantity AgeInYears(Span span, double years) =>
        new(span, years, years, "year", Value: years, Kind: QuantityKind.Age, Conservative: years, SiMin: years, SiMax: years, SiUnit: "year");

    private const int AngleLookBack = 3;

    /// <summary>"angle" right after the degrees, or a verb of turning at most three tokens before the number.</summary>
    private static bool MeasuresAnAngle(string text, ImmutableArray<Token> tokens, int numberStart, int after, int sentenceStart, int end)
    {
        if (after < end && AngleWords.Contains(tokens[after].Span.SliceOf(text))) return true;
        for (int t = numberStart - 1; t >= sentenceStart && numberStart - t <= AngleLookBack; t--)
        {
            if (TurningWords.Contains(tokens[t].Span.SliceOf(text))) return true;
        }
        return false;
    }

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> AngleWords =
        FrozenSet.ToFrozenSet(["angle", "angles", "arc", "incline", "slope", "tilt", "turn", "bend"], StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> TurningWords =
        FrozenSet.ToFrozenSet(["turn", "turns", "turned", "turning", "rotate", "rotates", "rotated", "rotating", "rotation", "tilt", "tilted",
            "tilts", "swung", "swing", "swings", "spun", "spin", "pivot", "pivoted", "angled", "veered", "veer"], StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The customary subunit written after an imperial measure ("5 ft 2 in").</summary>
    private static readonly FrozenDictionary<string, string> Subunits = new Dictionary<string, string>
    {
        ["foot"] = "inch",
        ["yard"] = "foot",
        ["mile"] = "yard",
        ["pound"] = "ounce",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// "USD115", "EUR20.5", "USD1.2bn", "GBP300m": an upper-case three-letter currency code written against the
    /// amount, one word to the tokenizer; a scale letter after the digits is a scale, since money is no measure.
    /// </summary>
    private bool GluedCodeAmount(string text, ImmutableArray<Token> tokens, int p, int end, out UnitInfo? unit, out NumberMatch number)
    {
        unit = null;
        number = default;
        if (p >= end || tokens[p].Kind != TokenKind.Word) return false;
        var word = tokens[p].Span.SliceOf(text);
        if (word.Length < 4 || !char.IsAsciiDigit(word[3]) || !IsUpper(word[..3]) || word[^1] == '.') return false;
        if (_units.MatchWord(word[..3]) is not { Kind: QuantityKind.Currency } code) return false;
        var amount = word[3..];
        int digitsEnd = amount.IndexOfAnyExcept("0123456789.,");
        if (digitsEnd == 0) return false;
        double scale = 1;
        if (digitsEnd > 0)
        {
            if (_words.Find(amount[digitsEnd..]) is not { Scale: > 1 } scaleWord) return false;
            scale = scaleWord.Scale;
            amount = amount[..digitsEnd];
        }
        if (!NumberReader.TryParseDigits(amount, out double value)) return false;
        value = NumberReader.Round(value * scale);
        unit = code;
        number = new NumberMatch(p, p + 1, value, NumberForm.Digits);
        return true;
    }

    private UnitInfo? CurrencyPrefix(string text, ImmutableArray<Token> tokens, ref int p, int end)
    {
        int q = p;
        if (Is(text, tokens, q, end, "US") && Is(text, tokens, q + 1, end, "$")) q++;
        if (q >= end) return null;
        var unit = _units.Match(text, tokens, q, end, out int after);
        if (unit is not { Kind: QuantityKind.Currency }) return null;
        var first = tokens[q].Span.SliceOf(text);
        // Only signs and codes stand before the amount ("$", "€", "USD 5"); "dollars 5" does not.
        // "a $300 million contract": a lower-case "a" before a sign is the article, not the Australian "A$".
        bool article = unit.Tokens.Length > 1 && first.Length == 1 && first[0] == 'a';
        bool sign = tokens[q].Kind != TokenKind.Word || first.Length <= 4 && IsUpper(first) || first.EndsWith("$")
            || unit.Tokens.Length > 1 && !char.IsLetter(unit.Tokens[^1][0]) && !article;
        if (!sign || after >= end) return null;
        p = after;
        return unit;
    }

    private static bool IsUpper(ReadOnlySpan<char> word)
    {
        foreach (char ch in word) if (!char.IsUpper(ch)) return false;
        return true;
    }

    private bool LooksLikeYear(string text, ImmutableArray<Token> tokens, NumberMatch number, UnitInfo? unit, int q, int end)
    {
        if (unit is not null || number.Form != NumberForm.Digits || number.EndToken - number.StartToken != 1) return false;
        var digits = tokens[number.StartToken].Span.SliceOf(text);
        if (digits.Length != 4 || number.Value is < 1900 or > 2100) return false;
        if (q < end && (_units.Match(text, tokens, q, end, out _) is not null)) return false;
        // "2000 troops": a lower-case plural right after is what is counted.
        if (q < end && tokens[q].Kind == TokenKind.Word)
        {
            var next = tokens[q].Span.SliceOf(text);
            if (char.IsLower(next[0]) && next.Length > 3 && next[^1] == 's') return false;
        }
        return true;
    }

    private static bool IsCovered(Span span, ImmutableArray<Span> covered)
    {
        // Binary search on start: covered spans are sorted and rarely overlap.
        int lo = 0, hi = covered.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >> 1;
            if (covered[mid].End <= span.Start) lo = mid + 1;
            else if (covered[mid].Start >= span.End) hi = mid - 1;
            else return true;
        }
        return false;
    }

    /// <summary>Casualty words in the same clause: ahead of the number ("30 soldiers were killed") or just before it ("killed 30").</summary>
    private CasualtyKind? CasualtyOf(string text, ImmutableArray<Token> tokens, int numberStart, int after, int sentenceStart, int end)
    {
        bool killed = false, wounded = false;
        int nearest = int.MaxValue;
        CasualtyKind? nearestKind = null;
        void Note(string code, int distance)
        {
            switch (code)
            {
                case "K": killed = true; break;
                case "W": wounded = true; break;
                case "KW": killed = wounded = true; break;
            }
            if (distance < nearest)
            {
                nearest = distance;
                nearestKind = code switch { "K" => CasualtyKind.Killed, "W" => CasualtyKind.Wounded, "KW" => CasualtyKind.KilledOrWounded, "M" => CasualtyKind.Missing, _ => CasualtyKind.Captured };
            }
        }
        int budget = CasualtyAhead;
        for (int t = after; t < end && budget-- > 0; t++)
        {
            var token = tokens[t];
            if (token.Kind == TokenKind.Number || IsClauseEnd(text, token)) break;
            // "30 soldiers, who Russia had deployed to Kursk, were killed": step over a relative or participle clause.
            if (token.Span.SliceOf(text) is "," && !killed && !wounded && nearestKind is null && t + 1 < end && OpensAside(text, tokens[t + 1]))
            {
                int close = t + 2;
                while (close < end && close < t + 2 + MaxAside && tokens[close].Span.SliceOf(text) is not "," && !IsClauseEnd(text, tokens[close])) close++;
                if (close < end && tokens[close].Span.SliceOf(text) is ",")
                {
                    t = close;
                    continue;
                }
            }
            // "Dozens died, hundreds were injured": after a comma, a new number starts its own clause.
            if (token.Span.SliceOf(text) is "," && (killed || wounded || nearestKind is not null || t + 1 < end && StartsNumber(text, tokens, t + 1, end))) break;
            if (token.Kind != TokenKind.Word) continue;
            var word = token.Span.SliceOf(text);
            if (word.Equals("but", StringComparison.OrdinalIgnoreCase) || word.Equals("while", StringComparison.OrdinalIgnoreCase) || word.Equals("whereas", StringComparison.OrdinalIgnoreCase)) break;
            if (_words.Find(word) is { Casualty: { } code }) Note(code, t - after);
        }
        for (int t = numberStart - 1; t >= sentenceStart && t >= numberStart - CasualtyBehind; t--)
        {
            var token = tokens[t];
            if (token.Kind == TokenKind.Number || IsClauseEnd(text, token) || token.Span.SliceOf(text) is ",") break;
            if (token.Kind != TokenKind.Word) continue;
            if (_words.Find(token.Span.SliceOf(text)) is { Casualty: { } code }) Note(code, numberStart - t);
        }
        if (killed && wounded) return CasualtyKind.KilledOrWounded;
        return nearestKind;
    }

    private const int MaxAside = 16;
    private const int MaxLinkScan = 256;

    /// <summary>Digits inside a URL or an e-mail address ("...?id=305&amp;q=20%") are not quantities.</summary>
    private static bool InsideLink(string text, Span span)
    {
        int from = span.Start, to = span.End;
        while (from > 0 && span.Start - from < MaxLinkScan && !char.IsWhiteSpace(text[from - 1])) from--;
        while (to < text.Length && to - span.End < MaxLinkScan && !char.IsWhiteSpace(text[to])) to++;
        var chunk = text.AsSpan(from, to - from);
        return chunk.Contains("://", StringComparison.Ordinal) || chunk.StartsWith("www.", StringComparison.OrdinalIgnoreCase) || chunk.Contains('@')
            || OnALinkLine(text, span.Start);
    }

    /// <summary>"http: / / www. site. com / article - 2291941 / ...": a link a tokeniser spaced out is still a link line.</summary>
    private static bool OnALinkLine(string text, int position)
    {
        int lineStart = position;
        while (lineStart > 0 && position - lineStart < MaxLinkScan && text[lineStart - 1] != '\n') lineStart--;
        if (lineStart > 0 && text[lineStart - 1] != '\n') return false;
        var line = text.AsSpan(lineStart, position - lineStart).TrimStart();
        return line.StartsWith("http", StringComparison.OrdinalIgnoreCase) || line.StartsWith("www", StringComparison.OrdinalIgnoreCase);
    }

    private static bool OpensAside(string text, Token token)
    {
        if (token.Kind != TokenKind.Word) return false;
        var word = token.Span.SliceOf(text);
        return word is "who" or "which" or "whom" or "whose" or "including" or "according" or "aged" or "ages" or "который" or "которые" or "которых"
            || word.Length > 5 && char.IsLower(word[0]) && word.EndsWith("ing", StringComparison.Ordinal);
    }

    private bool StartsNumber(string text, ImmutableArray<Token> tokens, int t, int end) =>
        tokens[t].Kind == TokenKind.Number || NumberReader.TryRead(text, tokens, t, end, _words, out _);

    private static bool IsClauseEnd(string text, Token token) =>
        token.Kind == TokenKind.Punctuation && token.Span.Length == 1 && text[token.Span.Start] is ';' or ':' or '.' or '?' or '!' or '(' or ')';
}
