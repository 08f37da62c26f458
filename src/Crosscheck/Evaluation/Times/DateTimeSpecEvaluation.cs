using System.Collections.Immutable;
using Crosscheck.Evaluation.Quantities;
using Crosscheck.Times;

namespace Crosscheck.Evaluation.Times;

/// <summary>
/// <c>crosscheck eval datetime PATH</c>: Recognizers-Text DateTime spec files (e.g. DateTimeModel.json),
/// each input run through the default pipeline with the case's reference date as publication date and its clock as
/// the context's reference time ("30 minutes later" is then a moment).
/// A case is fully right when every expected result has an overlapping time expression whose value is
/// the expected TIMEX or one of its resolved values (Recognizers-Text leaves "XXXX-12-14" unresolved in
/// the TIMEX and gives the dated readings as values), and nothing extra was found. Cases marked not
/// supported in .NET are skipped. Clock times compare in one spelling (<see cref="ClockCanonical"/>). A range
/// ("(2014-01-01,2018-01-01,P4Y)") is right when the expressions inside its span include one starting at each
/// end, since TimeML writes a range as two TIMEX3s, or when one expression is the whole range: a calendar unit
/// spanning exactly its ends ("this quarter"), or, for a range that starts or ends at the reference, a duration of
/// its length ("the next three days" P3D, TimeML's reading) (<see cref="CoversRange"/>). A TIMEX that leaves the year
/// or week open ("XXXX-05", "XXXX-WXX-2TAF") is right when our dated value is one of the readings the spec lists for it
/// (<see cref="IsDatedReading"/>). A range is also right when one end and a duration of its length are found inside it
/// ("for 2 hours from 2pm": TimeML's DURATION anchored at a begin point fixes the other end). Two more TimeML
/// spellings are taken as the spec's: an unspecified count ("PXW") for its three ("P3W") of the same unit
/// (<see cref="VagueCount"/>), and "in two weeks" as the duration from the reference that ends on the spec's day
/// (<see cref="EndsAt"/>). Fifth session: "end of the day" as the day with mod END (the spec writes its last second);
/// a datetime written as TimeML's two TIMEX3s, the day and a clock time on it ("today before 4pm",
/// <see cref="DayAndClockParts"/>); a unit with mod END at a range end where its extent ends ("to the end of 2008"), and
/// the other end point kept when one unit is the whole range (<see cref="AtPoint"/>); a weekday TIMEX with no dated
/// reading ("XXXX-WXX-4T17") as any week's such day; a shift from the reference at its unit's granularity ("two months
/// ago" as the month, "30 minutes later" as the day; <see cref="AtTheShiftsGranularity"/>). Sixth session: a week of a
/// month ("2016-12-W05", no TIMEX3 value) as the ISO week whose days are exactly the spec's reading (<see cref="WeekOfMonthAsIsoWeek"/>).
/// </summary>
public sealed class DateTimeSpecEvaluation : IEvaluation
{
    public string Task => "datetime";

    public string Description => "Recognizers-Text DateTime spec JSON: share of cases fully right, and value accuracy over expected results";

    public EvaluationReport Evaluate(string path, CancellationToken cancellationToken = default)
    {
        var files = File.Exists(path) ? [path] : Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "DateTimeModel*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray()
            : throw new FileNotFoundException($"No spec file or folder at '{path}'.", path);
        var pipeline = DefaultPipeline.CreateBuilder().Build();
        var metrics = ImmutableArray.CreateBuilder<Metric>();
        var warnings = ImmutableArray.CreateBuilder<string>();
        int cases = 0, skipped = 0, fullyRight = 0, expected = 0, valueRight = 0, empty = 0, emptyRight = 0;
        int inScope = 0, inScopeRight = 0, inScopeExpected = 0, inScopeValueRight = 0;
        var excluded = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var misses = ImmutableArray.CreateBuilder<string>();
        misses.Add(MissRow.Of("input", "expected", "ours", "why"));
        foreach (var file in files)
        {
            ImmutableArray<SpecCase> specCases;
            try
            {
                specCases = RecognizerSpecs.Parse(File.ReadAllText(file));
            }
            catch (System.Text.Json.JsonException ex)
            {
                warnings.Add($"{file}: unreadable JSON ({ex.Message}); skipped");
                continue;
            }
            foreach (var specCase in specCases)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (specCase.NotSupportedInDotNet)
                {
                    skipped++;
                    continue;
                }
                var reference = specCase.ReferenceDate ?? new DateOnly(2016, 11, 7);
                var article = new Article { Id = "case", Text = specCase.Input, ContentHash = "case", Published = PublicationDate.Given(reference, "spec") };
                var system = pipeline.Analyze(article, new AnalysisContext(reference) { ReferenceTime = specCase.ReferenceTime }).Article.Items(Layers.Times);
                var why = new List<string>();
                var score = ScoreCase(specCase, system, why);
                if (!score.FullyRight)
                {
                    misses.Add(MissRow.Of(
                        specCase.Input,
                        string.Join(" | ", specCase.Results.Select(r => $"{r.Text}={r.Timex}")),
                        string.Join(" | ", system.Select(e => $"{SpanText(specCase.Input, e.Span)}={e.Value}")),
                        (OutOfScope(specCase) is { } outside ? $"(out of scope: {outside}) " : "") + string.Join("; ", why)));
                }
                cases++;
                expected += specCase.Results.Length;
                valueRight += score.ValueRight;
                if (score.FullyRight) fullyRight++;
                if (OutOfScope(specCase) is { } reason) excluded[reason] = excluded.GetValueOrDefault(reason) + 1;
                else
                {
                    inScope++;
                    inScopeExpected += specCase.Results.Length;
                    inScopeValueRight += score.ValueRight;
                    if (score.FullyRight) inScopeRight++;
                }
                if (specCase.Results.IsEmpty)
                {
                    empty++;
                    if (score.FullyRight) emptyRight++;
                }
            }
        }
        metrics.Add(new Metric("cases", cases));
        metrics.Add(new Metric("skipped", skipped));
        metrics.Add(new Metric("fully_right", cases == 0 ? 0 : (double)fullyRight / cases, cases));
        metrics.Add(new Metric("value_accuracy", expected == 0 ? 0 : (double)valueRight / expected, expected));
        metrics.Add(new Metric("no_time.right", empty == 0 ? 0 : (double)emptyRight / empty, empty));
        metrics.Add(new Metric("in_scope.cases", inScope));
        metrics.Add(new Metric("in_scope.fully_right", inScope == 0 ? 0 : (double)inScopeRight / inScope, inScope));
        metrics.Add(new Metric("in_scope.value_accuracy", inScopeExpected == 0 ? 0 : (double)inScopeValueRight / inScopeExpected, inScopeExpected));
        foreach (var (reason, count) in excluded) metrics.Add(new Metric($"out_of_scope.{reason}", count));
        return new EvaluationReport(Task, path, metrics.ToImmutable(), warnings.ToImmutable(), misses.ToImmutable());
    }

    /// <summary>
    /// Why a spec case lies outside issue 5's scope for time expressions (dates, times, durations, sets, ranges, lists
    /// and fuzzy parts, normalised to TIMEX3 values), or null when it is in scope. The reason is a feature of the
    /// input, never of this system's output: a school year or a count of business days, calendars TIMEX3 has no
    /// value for (Recognizers-Text writes "SY2019" and "P4BD"; fiscal years stay in, TimeBank writes them "FY1989").
    /// </summary>
    public static string? OutOfScope(SpecCase specCase)
    {
        var input = specCase.Input;
        if (input.Contains("school year", StringComparison.OrdinalIgnoreCase) || input.Contains("business day", StringComparison.OrdinalIgnoreCase)
            || HasSchoolYearAbbreviation(input)) return "school_year_or_business_days";
        return null;
    }

    /// <summary>"sy 2008", "sy18": the school-year abbreviation as a word of its own.</summary>
    private static bool HasSchoolYearAbbreviation(string input)
    {
        for (int i = input.IndexOf("sy", StringComparison.OrdinalIgnoreCase); i >= 0; i = input.IndexOf("sy", i + 2, StringComparison.OrdinalIgnoreCase))
        {
            bool wordStart = i == 0 || !char.IsLetter(input[i - 1]);
            int after = i + 2;
            if (wordStart && (after == input.Length || !char.IsLetter(input[after]))) return true;
        }
        return false;
    }

    /// <summary>
    /// One spelling of a clock time: Recognizers-Text writes "T08" and "2016-11-08 08:00:00" where TIMEX3 writes
    /// "T08:00"; seconds of zero and a space for the "T" are dropped. Dates and other values are unchanged.
    /// </summary>
    public static string ClockCanonical(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        var v = value.Length > 10 && value[10] == ' ' ? string.Concat(value.AsSpan(0, 10), "T", value.AsSpan(11)) : value;
        int t = v.IndexOf('T', StringComparison.Ordinal);
        if (t < 0 || v.StartsWith('P')) return v;
        var clock = v[(t + 1)..];
        if (clock.Length == 2 && char.IsAsciiDigit(clock[0]) && char.IsAsciiDigit(clock[1])) return v + ":00";
        if (clock.Length == 8 && clock.EndsWith(":00", StringComparison.Ordinal) && clock[2] == ':') return v[..^3];
        return v;
    }

    /// <summary>
    /// Two spellings of one duration: TIMEX3 writes "an hour and a half" as PT1H30M, Recognizers-Text as PT1.5H. Years,
    /// quarters and months compare as months (years must be written as years in both: TIMEX3 keeps P1Y apart from P12M),
    /// weeks and days as days, the clock part as seconds (P1D is not PT24H). A vague count ("PXD") equals nothing.
    /// </summary>
    public static bool SameDuration(string a, string b) =>
        DurationAmount(a) is { } x && DurationAmount(b) is { } y && x.Largest == y.Largest
        && Math.Abs(x.Months - y.Months) < 1e-6 && Math.Abs(x.Days - y.Days) < 1e-6 && Math.Abs(x.Seconds - y.Seconds) < 1e-3;

    private static (double Months, double Days, double Seconds, char Largest)? DurationAmount(string value)
    {
        if (value.Length < 3 || value[0] != 'P') return null;
        double months = 0, days = 0, seconds = 0;
        char largest = '\0';
        bool clock = false;
        int start = 1;
        for (int i = 1; i < value.Length; i++)
        {
            char c = value[i];
            if (c == 'T' && i == start) { clock = true; start = i + 1; continue; }
            if (char.IsAsciiDigit(c) || c == '.') continue;
            if (!double.TryParse(value.AsSpan(start, i - start), System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out double n)) return null;
            // A quarter is three months in either spelling; a year is kept apart from its twelve months.
            if (largest == '\0' && !clock && c is 'Y' or 'Q' or 'M') largest = c == 'Q' ? 'M' : c;
            switch (c)
            {
                case 'Y' when !clock: months += 12 * n; break;
                case 'M' when !clock: months += n; break;
                case 'Q' when !clock: months += 3 * n; break;
                case 'W' when !clock: days += 7 * n; break;
                case 'D' when !clock: days += n; break;
                case 'H' when clock: seconds += 3600 * n; break;
                case 'M' when clock: seconds += 60 * n; break;
                case 'S' when clock: seconds += n; break;
                default: return null;
            }
            start = i + 1;
        }
        return start == value.Length ? (months, days, seconds, largest) : null;
    }

    /// <summary>The two ends and the length of a Recognizers-Text range value "(2014-01-01,2018-01-01,P4Y)", or null.</summary>
    private static (string Start, string End, string Length)? RangeEnds(string? timex)
    {
        if (timex is not { Length: > 2 } || timex[0] != '(' || timex[^1] != ')') return null;
        var parts = timex[1..^1].Split(',');
        return parts.Length == 3 ? (ClockCanonical(parts[0]), ClockCanonical(parts[1]), parts[2]) : null;
    }

    /// <summary>
    /// The first day and the day after the last of a calendar unit written as one TIMEX3 value: a year "2019", a month
    /// "2019-07", a quarter "2019-Q3", a half "2019-H2", an ISO week "2019-W27", a decade "199", a century "20"; null for anything else.
    /// </summary>
    public static (DateOnly Start, DateOnly End)? Extent(string value)
    {
        static bool Digits(string s, int from, int count)
        {
            for (int i = from; i < from + count; i++) if (i >= s.Length || !char.IsAsciiDigit(s[i])) return false;
            return true;
        }
        static int Int(string s, int from, int count) => int.Parse(s.AsSpan(from, count), System.Globalization.CultureInfo.InvariantCulture);
        // A century or a decade: calendar units the timeline never needs, so DisplayDates does not read them.
        if (value.Length == 2 && Digits(value, 0, 2))
            return (new DateOnly(Math.Max(1, Int(value, 0, 2) * 100), 1, 1), new DateOnly(Int(value, 0, 2) * 100 + 100, 1, 1));
        if (value.Length == 3 && Digits(value, 0, 3) && value[0] != '0')
            return (new DateOnly(Int(value, 0, 3) * 10, 1, 1), new DateOnly(Int(value, 0, 3) * 10 + 10, 1, 1));
        // Years, months, quarters, halves and ISO weeks as the timeline reads them; days, seasons and weekends are
        // left out (a season's bounds are a convention the spec does not share), as is a week the year does not have.
        bool unit = value.Length == 4
            || value.Length == 7 && value[4] == '-' && (Digits(value, 5, 2) || value[5] is 'Q' or 'H')
            || value.Length == 8 && value[4] == '-' && value[5] == 'W' && Digits(value, 0, 4) && Digits(value, 6, 2)
                && Int(value, 6, 2) <= System.Globalization.ISOWeek.GetWeeksInYear(Math.Max(1, Int(value, 0, 4)));
        if (!unit || Crosschecking.DisplayDates.Period(value) is not { } period) return null;
        // The last unit of year 9999 ends past the last day there is.
        return period.Start.DayNumber + period.Days > DateOnly.MaxValue.DayNumber ? null : (period.Start, period.Start.AddDays(period.Days));
    }

    /// <summary>A day written "2019-07-01" equals a range end, which may leave the year open ("XXXX-07-01").</summary>
    private static bool SameDay(DateOnly day, string point)
    {
        var written = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return written == point || point.StartsWith("XXXX", StringComparison.Ordinal) && point.Length == 10 && written[4..] == point[4..];
    }

    /// <summary>
    /// The ranges a result may be matched against: a range whose TIMEX leaves the year open ("(XXXX-07-01,XXXX-10-01,P3M)")
    /// is matched against its dated readings when the spec gives them (as a year-open point is), else against the TIMEX.
    /// </summary>
    private static List<(string Start, string End, string Length)> RangeReadings(SpecResult result, (string Start, string End, string Length) range)
    {
        var readings = new List<(string Start, string End, string Length)>();
        if (range.Start.StartsWith("XXXX", StringComparison.Ordinal) || range.End.StartsWith("XXXX", StringComparison.Ordinal))
        {
            foreach (var v in result.ResolvedValues.IsDefault ? [] : result.ResolvedValues)
            {
                if (v.Length < 3 || v[0] != '(' || !char.IsAsciiDigit(v[1])) continue;
                var parts = v[1..^1].Split(',');
                if (parts.Length == 2) readings.Add((ClockCanonical(parts[0]), ClockCanonical(parts[1]), range.Length));
            }
        }
        if (readings.Count == 0) readings.Add(range);
        return readings;
    }

    /// <summary>
    /// Whether one expression is the whole range: a calendar unit spanning exactly its ends ("this quarter" 2019-Q3 for
    /// 2019-07-01 to 2019-10-01), or a duration of the range's length where the range starts or ends within a day of the
    /// reference ("the next three days" P3D, as TimeML writes it, for the three days after the reference).
    /// </summary>
    private static bool CoversRange(string value, (string Start, string End, string Length) range, DateOnly? reference)
    {
        if (Extent(value) is { } extent) return SameDay(extent.Start, range.Start) && SameDay(extent.End, range.End);
        if (!value.StartsWith('P') || value != range.Length || reference is not { } day) return false;
        // "within 5 minutes" runs from the reference moment: its ends carry a clock, so only their day is compared.
        static string Day(string point) => point.Length > 10 && point[10] == 'T' ? point[..10] : point;
        foreach (var near in (ReadOnlySpan<DateOnly>)[day.AddDays(-1), day, day.AddDays(1)])
        {
            if (SameDay(near, Day(range.Start)) || SameDay(near, Day(range.End))) return true;
        }
        return false;
    }

    /// <summary>
    /// Whether a TIMEX3 value begins at a range end: "2014" at 2014-01-01, "2016-12" at 2016-12-01, a day at itself,
    /// a clock time at its clock ("T16:00", with any day when the spec gives none), PRESENT_REF at the reference day.
    /// </summary>
    private static bool StartsAt(string value, string point, DateOnly? reference)
    {
        // "between now and November 15th": TIMEX3's PRESENT_REF is the reference day.
        if (value == "PRESENT_REF") return reference is { } today && SameDay(today, point);
        var v = ClockCanonical(value);
        if (point.StartsWith('T')) return v.Length > 10 && v[10] == 'T' && v[10..] == point;
        if (v == point) return true;
        var first = v.Length switch { 4 => v + "-01-01", 7 when v[4] == '-' && char.IsAsciiDigit(v[5]) => v + "-01", _ => v };
        return first == point || point.StartsWith("XXXX", StringComparison.Ordinal) && first.Length >= 10 && first[4..] == point[4..];
    }

    /// <summary>
    /// Whether a dated value is one of the readings the spec itself gives for a TIMEX that leaves the year or the week
    /// open: "may" is TIMEX "XXXX-05" with the readings May 2017 and May 2018, so "2018-05" (whose extent is the second
    /// reading) is right; "mid-November" is "XXXX-11" read as parts of November 2017 or 2018, so "2018-11" is right (the
    /// part is the modifier's business, not the value's); "tuesday afternoon" is "XXXX-WXX-2TAF" read as the afternoon of
    /// 1 or 8 November 2016, so "2016-11-08TAF", a Tuesday with the same part of day, is right. The year or day must be a
    /// reading's: a year the spec does not offer is still wrong.
    /// </summary>
    public static bool IsDatedReading(string value, string expectedTimex, ImmutableArray<string> resolved)
    {
        if (resolved.IsDefaultOrEmpty || !expectedTimex.StartsWith("XXXX-", StringComparison.Ordinal) || value.Length < 4 || !char.IsAsciiDigit(value[0])) return false;
        foreach (var reading in resolved)
        {
            var start = reading.StartsWith('(') ? reading[1..].Split(',')[0] : reading;
            if (start.Length < 10 || !DateOnly.TryParseExact(start[..10], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day)) continue;
            if (reading.StartsWith('(') && Extent(value) is { } extent && RangeEnds("(" + reading[1..^1] + ",P)") is { } ends
                && SameDay(extent.Start, ends.Start) && SameDay(extent.End, ends.End)) return true;
            if (expectedTimex.StartsWith("XXXX-WXX-", StringComparison.Ordinal))
            {
                // "XXXX-WXX-2TAF": the weekday digit, then any part of day or clock, which must match ours after the date.
                if (expectedTimex.Length < 10 || !char.IsAsciiDigit(expectedTimex[9]) || value.Length < 10) continue;
                int weekday = expectedTimex[9] - '0';
                if (value[..10] == start[..10] && (int)day.DayOfWeek == weekday % 7 && value[10..] == expectedTimex[10..]) return true;
            }
            else if (value[..4] == start[..4] && value[4..] == expectedTimex[4..]) return true;
        }
        return false;
    }

    /// <summary>
    /// "the last week of Dec 2016": Recognizers-Text writes a week of a month ("2016-12-W05"), which TIMEX3 has no value
    /// for; TimeML writes the ISO week, and the spec's own reading gives that week's first and last day. An ISO week whose
    /// extent is exactly a reading's start and end is right (the year-open "XXXX-07-W05" already is, by
    /// <see cref="IsDatedReading"/>). Only for a week-of-month TIMEX, so no other range gains from it.
    /// </summary>
    public static bool WeekOfMonthAsIsoWeek(string value, string expectedTimex, ImmutableArray<string> resolved)
    {
        if (resolved.IsDefaultOrEmpty || expectedTimex.Length != 11 || expectedTimex[4] != '-' || expectedTimex[7] != '-' || expectedTimex[8] != 'W'
            || !char.IsAsciiDigit(expectedTimex[0]) || value.Length != 8 || value[5] != 'W' || Extent(value) is not { } extent) return false;
        foreach (var reading in resolved)
        {
            if (reading.StartsWith('(') && RangeEnds("(" + reading[1..^1] + ",P)") is { } ends && SameDay(extent.Start, ends.Start) && SameDay(extent.End, ends.End)) return true;
        }
        return false;
    }

    /// <summary>
    /// "a few hours", "several weeks": TIMEX3 leaves the count unspecified ("PTXH", "PXW"); Recognizers-Text writes
    /// its fixed reading of the words as three ("PT3H", "P3W"). The unit must be the same.
    /// </summary>
    public static bool VagueCount(string value, string expectedTimex, string text)
    {
        // "three weeks" is a count the text gives: only vague words may be read as Recognizers-Text's three.
        if (!VagueCountWords.Any(w => ContainsWord(text, w))) return false;
        int x = value.IndexOf('X');
        return value.StartsWith('P') && x > 0 && x == value.Length - 2 && expectedTimex.Length == value.Length
            && expectedTimex[..x] == value[..x] && expectedTimex[x] == '3' && expectedTimex[^1] == value[^1];
    }

    private static readonly string[] VagueCountWords = ["few", "several", "some", "couple", "many", "number"];

    private static bool ContainsWord(string text, string word)
    {
        for (int at = text.IndexOf(word, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            bool startsWord = at == 0 || !char.IsLetter(text[at - 1]);
            bool endsWord = at + word.Length == text.Length || !char.IsLetter(text[at + word.Length]);
            if (startsWord && endsWord) return true;
        }
        return false;
    }

    /// <summary>
    /// "in two weeks": TimeML writes the phrase as a DURATION ("P2W") that runs from the document time, where
    /// Recognizers-Text writes the day it ends on ("2018-07-19"). The duration is right when the reference plus it is that
    /// day, or that moment for a clock ("in 5 minutes" from midnight). Only a forward shift: a past point is written as
    /// a date by this project too ("two weeks ago").
    /// </summary>
    public static bool EndsAt(string duration, string expected, DateOnly reference)
    {
        if (DurationAmount(duration) is not { } amount || expected.Length < 10 || !char.IsAsciiDigit(expected[0])) return false;
        if (amount.Months != Math.Floor(amount.Months) || amount.Days != Math.Floor(amount.Days)) return false;
        // A duration past the calendar ("P10000Y") ends on no day the spec can give.
        if (amount.Months > 12 * 9000 || amount.Days > 3_300_000 || amount.Seconds > 3_300_000.0 * 86_400) return false;
        DateTime end;
        try
        {
            end = reference.ToDateTime(TimeOnly.MinValue).AddMonths((int)amount.Months).AddDays(amount.Days).AddSeconds(amount.Seconds);
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
        if (expected.Length == 10) return amount.Seconds == 0 && end.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) == expected;
        return ClockCanonical(end.ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)) == ClockCanonical(expected);
    }

    /// <summary>Whether one expression's value is the spec's value for a (non-range) result, in any spelling taken as the spec's.</summary>
    private static bool Accepted(TimeExpression expression, SpecResult result, SpecCase specCase)
    {
        var value = ClockCanonical(expression.Value);
        var expectedTimex = ClockCanonical(result.Timex);
        // A clock time the spec leaves without a day ("T08") is any day's 08:00, as "XXXX-10-14" is any year's
        // 14 October; this project puts it on the reference day, so only the clock part is compared.
        bool clockOnly = expectedTimex.StartsWith('T') && value.Length > 10 && value[10] == 'T' && value[10..] == expectedTimex;
        // Likewise a year the spec leaves open ("XXXX-08" for "since August" with no dated reading) is any year.
        bool anyYear = expectedTimex.StartsWith("XXXX-", StringComparison.Ordinal)
            && (result.ResolvedValues.IsDefaultOrEmpty || result.ResolvedValues.All(v => v.StartsWith("XXXX", StringComparison.Ordinal)))
            && value.Length == expectedTimex.Length && char.IsAsciiDigit(value[0]) && value[4..] == expectedTimex[4..];
        // And a week the spec leaves open with no dated reading at all ("XXXX-WXX-4T17" with neither a value nor a start or
        // end) is any week's Thursday: a dated value on that weekday, with the same clock or part of day, is right. With a
        // dated reading, even a lone bound ("Thursday before 5pm" ending 2024-12-19 17:00), only that day is.
        bool anyWeek = expectedTimex.StartsWith("XXXX-WXX-", StringComparison.Ordinal) && expectedTimex.Length >= 10 && char.IsAsciiDigit(expectedTimex[9])
            && (result.ResolvedValues.IsDefaultOrEmpty || result.ResolvedValues.All(v => v.StartsWith("XXXX", StringComparison.Ordinal)))
            && value.Length >= 10 && DateOnly.TryParseExact(value[..10], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var valueDay)
            && (int)valueDay.DayOfWeek == (expectedTimex[9] - '0') % 7 && value[10..] == expectedTimex[10..];
        if (value == expectedTimex || clockOnly || anyYear || anyWeek || SameDuration(value, expectedTimex) || !result.ResolvedValues.IsDefault && result.ResolvedValues.Any(v => ClockCanonical(v) == value)
            || IsDatedReading(value, expectedTimex, result.ResolvedValues)
            || WeekOfMonthAsIsoWeek(value, expectedTimex, result.ResolvedValues)
            || VagueCount(value, expectedTimex, result.Text)
            || specCase.ReferenceDate is { } anchor && EndsAt(value, expectedTimex, anchor)
            || AtTheShiftsGranularity(value, expectedTimex, result.Text)) return true;
        // "end of the day": Recognizers-Text writes the last second of the day ("2018-11-21T23:59:59"), TIMEX3 the day
        // with mod END. Only a day counts, and only with that modifier.
        if (expression.Modifier == "END" && expectedTimex.EndsWith("T23:59:59", StringComparison.Ordinal) && expectedTimex.Length > 9)
        {
            var day = expectedTimex[..^9];
            var days = result.ResolvedValues.IsDefault ? [] : result.ResolvedValues.Where(v => v.Length >= 10).Select(v => v[..10]).ToList();
            return value == day || days.Contains(value) || IsDatedReading(value, day, [.. days]);
        }
        return false;
    }

    /// <summary>
    /// "two months ago", "3 weeks later", "30 minutes from now": TIMEX3 writes a shift from the reference at the
    /// granularity of its unit ("2018-08" for two months ago, "2016-W48" for three weeks later), where Recognizers-Text
    /// writes the exact day or moment. The value is right when it is the unit's calendar period that holds the spec's
    /// day. Only for a phrase of one count and unit with a shift word ("ago", "later", "earlier", "from now"), and the unit
    /// must match. Hours, minutes and seconds get no such credit: the spec's reference has a clock, so the day alone
    /// ("30 minutes later" as the day) leaves out what the phrase says and is counted wrong.
    /// </summary>
    public static bool AtTheShiftsGranularity(string value, string expected, string text)
    {
        if (expected.Length < 10 || !DateOnly.TryParseExact(expected[..10], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day)) return false;
        if (!(ContainsWord(text, "ago") || ContainsWord(text, "later") || ContainsWord(text, "earlier") || text.Contains("from now", StringComparison.OrdinalIgnoreCase))) return false;
        // One count and one unit: "2 weeks and 2 days ago" is a sum the coarser unit does not hold.
        var units = ShiftUnits.Where(u => ContainsWord(text, u.Word) || ContainsWord(text, u.Word + "s")).Select(u => u.Granularity).Distinct().ToList();
        if (units.Count != 1) return false;
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        return units[0] switch
        {
            'Y' => value == day.ToString("yyyy", invariant),
            'M' => value == day.ToString("yyyy-MM", invariant),
            'W' => value == $"{System.Globalization.ISOWeek.GetYear(day.ToDateTime(TimeOnly.MinValue)):D4}-W{System.Globalization.ISOWeek.GetWeekOfYear(day.ToDateTime(TimeOnly.MinValue)):D2}",
            _ => false,
        };
    }

    private static readonly (string Word, char Granularity)[] ShiftUnits =
        [("year", 'Y'), ("month", 'M'), ("week", 'W'), ("fortnight", 'W'), ("day", 'D'), ("hour", 'T'), ("minute", 'T'), ("min", 'T'), ("second", 'T'), ("sec", 'T')];

    /// <summary>
    /// The expressions that together write a datetime result as TimeML does, a day and a clock time on it ("today" and
    /// "4pm" in "today before 4pm"), when <paramref name="first"/> is one of them: among the unused expressions inside the
    /// result's span one must have the spec's value and carry a clock, and every other one must be exactly its day
    /// ("2024-12-19" for "Thursday"). Null when the span holds anything else.
    /// </summary>
    private static List<int>? DayAndClockParts(IReadOnlyList<TimeExpression> system, bool[] used, int first, SpecResult result, SpecCase specCase)
    {
        var inSpan = new List<int> { first };
        for (int i = 0; i < system.Count; i++)
        {
            if (i != first && !used[i] && system[i].Span.Overlaps(result.Span)) inSpan.Add(i);
        }
        if (inSpan.Count < 2) return null;
        int clock = inSpan.FindIndex(i => system[i].Value.Length > 10 && system[i].Value[10] == 'T' && char.IsAsciiDigit(system[i].Value[^1])
            && Accepted(system[i], result, specCase));
        if (clock < 0) return null;
        var day = system[inSpan[clock]].Value[..10];
        foreach (int i in inSpan)
        {
            if (i != inSpan[clock] && system[i].Value != day) return null;
        }
        return inSpan;
    }

    /// <summary>
    /// Whether an expression stands at a range end: it begins there (<see cref="StartsAt"/>), or it is a calendar unit
    /// with mod END whose extent ends there ("to the end of 2008" at 2009-01-01, the spec's exclusive end).
    /// </summary>
    private static bool AtPoint(TimeExpression expression, string point, DateOnly? reference) =>
        StartsAt(expression.Value, point, reference)
        || expression.Modifier == "END" && Extent(expression.Value) is { } extent && SameDay(extent.End, point);

    private static string SpanText(string text, Span span) =>
        span.Start >= 0 && span.End <= text.Length && span.Start <= span.End ? text[span.Start..span.End] : "?";

    /// <summary>How many expected results were found with an accepted value, and whether the case is fully right.</summary>
    /// <param name="why">When given, one line per expected result not right and per extra expression found, for the misses file.</param>
    public static (int ValueRight, bool FullyRight) ScoreCase(SpecCase specCase, IReadOnlyList<TimeExpression> system, List<string>? why = null)
    {
        var used = new bool[system.Count];
        int right = 0;
        foreach (var result in specCase.Results)
        {
            if (RangeEnds(result.Timex) is { } range)
            {
                // TimeML writes a range as its two end points, each its own TIMEX3: every expression inside the
                // range's span that starts at one of its ends is taken, and the range is right when both ends are
                // found. Any other expression inside the span stays untaken, so it counts as an extra one.
                var readings = RangeReadings(result, range);
                int whole = -1;
                for (int i = 0; i < system.Count && whole < 0; i++)
                {
                    if (used[i] || !system[i].Span.Overlaps(result.Span)) continue;
                    foreach (var reading in readings) if (whole < 0 && CoversRange(system[i].Value, reading, specCase.ReferenceDate)) whole = i;
                }
                if (whole >= 0)
                {
                    used[whole] = true;
                    right++;
                    // "from 2007 to the start of 2008": the year 2007 is the whole range, and "the start of 2008" is
                    // still its end point, written as TimeML's second TIMEX3, not an extra expression.
                    for (int i = 0; i < system.Count; i++)
                    {
                        if (used[i] || !system[i].Span.Overlaps(result.Span)) continue;
                        foreach (var reading in readings)
                        {
                            if (AtPoint(system[i], reading.Start, specCase.ReferenceDate) || AtPoint(system[i], reading.End, specCase.ReferenceDate)) used[i] = true;
                        }
                    }
                    continue;
                }
                foreach (var reading in readings)
                {
                    bool start = false, end = false;
                    var taken = new List<int>();
                    int length = -1;
                    for (int i = 0; i < system.Count; i++)
                    {
                        if (used[i] || !system[i].Span.Overlaps(result.Span)) continue;
                        bool atStart = AtPoint(system[i], reading.Start, specCase.ReferenceDate), atEnd = AtPoint(system[i], reading.End, specCase.ReferenceDate);
                        if (atStart || atEnd) taken.Add(i);
                        else if (length < 0 && (system[i].Value == reading.Length || SameDuration(system[i].Value, reading.Length))) length = i;
                        start |= atStart;
                        end |= atEnd;
                    }
                    // "for 3 days from today": TimeML writes one end and the range's length (a DURATION anchored there);
                    // one end and the length fix the other end.
                    if (start != end && length >= 0)
                    {
                        taken.Add(length);
                        start = end = true;
                    }
                    if (!(start && end) && reading != readings[^1]) continue;
                    foreach (int i in taken) used[i] = true;
                    if (start && end) right++;
                    else why?.Add($"range '{result.Text}' {result.Timex}: {(start ? "end" : end ? "start" : "both ends")} not found");
                    break;
                }
                continue;
            }
            bool found = false;
            for (int i = 0; i < system.Count; i++)
            {
                if (used[i] || !system[i].Span.Overlaps(result.Span)) continue;
                used[i] = true;
                found = true;
                if (Accepted(system[i], result, specCase)) right++;
                else if (DayAndClockParts(system, used, i, result, specCase) is { } parts)
                {
                    // "today before 4pm" as a datetime: TimeML writes the day and the clock time as two TIMEX3s
                    // joined by a signal; the pair is right when the clock time has the spec's value and the other
                    // expression is its day.
                    foreach (int part in parts) used[part] = true;
                    right++;
                }
                else why?.Add($"wrong value '{result.Text}': expected {result.Timex}, ours {system[i].Value}");
                break;
            }
            if (!found) why?.Add($"missed '{result.Text}' {result.Timex}");
        }
        bool noExtra = true;
        for (int i = 0; i < used.Length; i++)
        {
            noExtra &= used[i];
            if (!used[i]) why?.Add($"extra '{SpanText(specCase.Input, system[i].Span)}' {system[i].Value}");
        }
        return (right, right == specCase.Results.Length && noExtra);
    }
}
