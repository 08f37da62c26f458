using System.Globalization;

namespace Crosscheck.Times;

/// <summary>
/// Turns a found time phrase into a TIMEX3 type and value against a reference date. Pure: the
/// reference and the sentence's tense are arguments, never the clock. A phrase that names an
/// impossible date ("February 30", year 0) fails instead of producing a wrong value.
/// </summary>
internal static class TimeResolver
{
    public static bool IsValidDate(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);

    public static Result<(TimexType Type, string Value, bool Anchored)> Resolve(in TimeMention m, DateOnly reference, Tense tense)
    {
        try
        {
            var resolved = ResolveCore(m, reference, tense);
            // "the week of March 6": the ISO week holding the day, as TimeBank writes it ("2000-W10").
            if (m is { Kind: MentionKind.Date, Unit: "W" } && resolved.TryGetValue(out var dayOfWeek)
                && DateOnly.TryParseExact(dayOfWeek.Item2, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var inWeek))
                return Result<(TimexType, string, bool)>.Ok((TimexType.Date, Week(inWeek), dayOfWeek.Item3));
            if (m.ShiftUnit is null || !resolved.TryGetValue(out var day)) return resolved;
            // "two weeks before Christmas": the anchor's day, moved.
            if (!DateOnly.TryParseExact(day.Item2, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var anchor))
                return Result<(TimexType, string, bool)>.Fail("a shift needs a day to move");
            var moved = m.ShiftUnit switch
            {
                "D" => anchor.AddDays(m.ShiftCount),
                "W" => anchor.AddDays(7 * m.ShiftCount),
                "M" => anchor.AddMonths(m.ShiftCount),
                _ => anchor.AddYears(m.ShiftCount),
            };
            return Result<(TimexType, string, bool)>.Ok((TimexType.Date, Day(moved), day.Item3));
        }
        catch (ArgumentOutOfRangeException)
        {
            // Arithmetic past year 1 or 9999 ("10000 years ago").
            return Result<(TimexType, string, bool)>.Fail("the expression falls outside the years 1-9999");
        }
    }

    private static Result<(TimexType, string, bool)> ResolveCore(in TimeMention m, DateOnly reference, Tense tense)
    {
        static Result<(TimexType, string, bool)> Ok(TimexType type, string value, bool anchored) => Result<(TimexType, string, bool)>.Ok((type, value, anchored));
        switch (m.Kind)
        {
            case MentionKind.Date when m.Month == 0 && m.HasRelative:
            {
                // "the 15th day of next month": the day of the reference's month moved by the offset.
                var month = new DateOnly(reference.Year, reference.Month, 1).AddMonths(m.Relative);
                if (!IsValidDate(month.Year, month.Month, m.Day)) return Result<(TimexType, string, bool)>.Fail($"no day {m.Day} in {Month(month)}");
                return Ok(TimexType.Date, Day(new DateOnly(month.Year, month.Month, m.Day)), true);
            }
            case MentionKind.Date when m.Month == 0:
            {
                // "on the 18th": this month's day, or the month before or after it as the tense points.
                var month = new DateOnly(reference.Year, reference.Month, 1);
                if (tense == Tense.Past && m.Day > reference.Day) month = month.AddMonths(-1);
                else if (tense == Tense.Future && m.Day < reference.Day) month = month.AddMonths(1);
                if (!IsValidDate(month.Year, month.Month, m.Day)) return Result<(TimexType, string, bool)>.Fail($"no day {m.Day} in {Month(month)}");
                return Ok(TimexType.Date, Day(new DateOnly(month.Year, month.Month, m.Day)), true);
            }
            case MentionKind.Date:
            {
                int year = m.Year != 0 ? m.Year : m.YearOffset is { } dateOffset ? reference.Year + dateOffset : YearFor(m.Month, m.Day, reference, tense);
                if (m.HasRelative && m.Year == 0 && IsValidDate(reference.Year, m.Month, m.Day))
                {
                    // "last Oct. 23" is strictly before the reference, "next March 3" strictly after.
                    var inReferenceYear = new DateOnly(reference.Year, m.Month, m.Day);
                    year = m.Relative < 0
                        ? (inReferenceYear < reference ? reference.Year : reference.Year - 1)
                        : (inReferenceYear > reference ? reference.Year : reference.Year + 1);
                }
                if (!IsValidDate(year, m.Month, m.Day)) return Result<(TimexType, string, bool)>.Fail($"no such date: {year}-{m.Month}-{m.Day}");
                return Ok(TimexType.Date, Day(new DateOnly(year, m.Month, m.Day)), m.Year == 0);
            }
            case MentionKind.Month:
            {
                if (m.Month is < 1 or > 12) return Result<(TimexType, string, bool)>.Fail("no such month");
                int year = m.Year;
                if (year == 0 && m.YearOffset is { } monthOffset) year = reference.Year + monthOffset;
                if (year == 0)
                {
                    if (m.HasRelative && m.Relative != 0)
                    {
                        year = m.Relative < 0 ? (m.Month < reference.Month ? reference.Year : reference.Year - 1) : (m.Month > reference.Month ? reference.Year : reference.Year + 1);
                    }
                    else if (m.HasRelative) year = reference.Year;
                    else year = YearFor(m.Month, 15, reference, tense, monthOnly: true);
                }
                if (year is < 1 or > 9999) return Result<(TimexType, string, bool)>.Fail("year out of range");
                return Ok(TimexType.Date, $"{Y(year)}-{m.Month:D2}", m.Year == 0);
            }
            case MentionKind.Year:
                return m.Year is >= 1 and <= 9999 ? Ok(TimexType.Date, Y(m.Year), false) : Result<(TimexType, string, bool)>.Fail("year out of range");
            case MentionKind.Decade when m.Year is >= 0 and < 100:
            {
                // "the '80s": the latest such decade that has begun by the reference ("the '90s" told in 2024 is the 1990s).
                int start = reference.Year / 100 * 100 + m.Year;
                if (start > reference.Year) start -= 100;
                return start >= 1000 ? Ok(TimexType.Date, Y(start)[..3], true) : Result<(TimexType, string, bool)>.Fail("decade out of range");
            }
            case MentionKind.Decade:
                return m.Year is >= 1000 and <= 9999 ? Ok(TimexType.Date, Y(m.Year)[..3], false) : Result<(TimexType, string, bool)>.Fail("decade out of range");
            case MentionKind.Season:
            {
                int year = m.Year;
                if (year == 0)
                {
                    int startMonth = SeasonStart(m.Season!);
                    int mostRecent = reference.Month >= startMonth ? reference.Year : reference.Year - 1;
                    if (m.HasRelative)
                    {
                        year = m.Relative switch
                        {
                            0 => reference.Year,
                            < 0 => reference.Month >= startMonth + 3 ? reference.Year : reference.Year - 1,
                            _ => reference.Month < startMonth ? reference.Year : reference.Year + 1,
                        };
                    }
                    else year = tense == Tense.Future ? (reference.Month < startMonth + 3 ? reference.Year : reference.Year + 1) : mostRecent;
                }
                return Ok(TimexType.Date, $"{Y(year)}-{m.Season}", m.Year == 0);
            }
            case MentionKind.Quarter:
            {
                int current = (reference.Month - 1) / 3 + 1;
                if (m.Quarter < 0)
                {
                    // The quarter a results report is about: the last finished one (a year before it for "year-earlier").
                    var reported = reference.AddMonths(-3);
                    return Ok(TimexType.Date, $"{Y(m.Year != 0 ? m.Year : reported.Year + m.Relative)}-Q{(reported.Month - 1) / 3 + 1}", true);
                }
                int year = m.Year;
                if (year == 0 && m.HasRelative) year = reference.Year + m.Relative;
                else if (year == 0) year = tense != Tense.Future && m.Quarter > current ? reference.Year - 1 : reference.Year;
                return Ok(TimexType.Date, $"{Y(year)}-Q{m.Quarter}", m.Year == 0);
            }
            case MentionKind.Holiday when m.Literal!.StartsWith("0:", StringComparison.Ordinal):
            {
                // "the last Friday of next month": the weekday rule in the reference's month moved by the offset.
                var month = new DateOnly(reference.Year, reference.Month, 1).AddMonths(m.Relative);
                return WordTable.HolidayDate($"{month.Month}{m.Literal[1..]}", month.Year) is { } inMonth
                    ? Ok(TimexType.Date, Day(inMonth), true)
                    : Result<(TimexType, string, bool)>.Fail("no such weekday in that month");
            }
            case MentionKind.Holiday:
            {
                // The year as for a day and month: this year's date, moved by the tense rule or "last"/"next".
                if (WordTable.HolidayDate(m.Literal!, m.Year != 0 ? m.Year : reference.Year) is not { } thisYear) return Result<(TimexType, string, bool)>.Fail("no such holiday date");
                int year = m.Year;
                if (year == 0 && m.HasRelative && m.Relative != 0)
                {
                    year = m.Relative < 0 ? (thisYear < reference ? reference.Year : reference.Year - 1) : (thisYear > reference ? reference.Year : reference.Year + 1);
                }
                else if (year == 0) year = m.HasRelative ? reference.Year : YearFor(thisYear.Month, thisYear.Day, reference, tense);
                return WordTable.HolidayDate(m.Literal!, year) is { } day
                    ? Ok(TimexType.Date, Day(day), m.Year == 0)
                    : Result<(TimexType, string, bool)>.Fail("no such holiday date");
            }
            case MentionKind.Weekday:
                if (m.WeekOffset is { } weeks) return Ok(TimexType.Date, Day(WeekdayOfWeek(m, weeks, reference)), true);
                if (m.Day != 0 && WeekdayOnDay(m.Weekday, m.Day, reference) is { } onDay) return Ok(TimexType.Date, Day(onDay), true);
                return Ok(TimexType.Date, Day(WeekdayDate(m.Weekday, m.HasRelative ? m.Relative : null, reference, tense)), true);
            case MentionKind.WeekOfYear when m.Unit == "M":
                return WeekOfMonth(m, reference, tense) is { } monthWeek
                    ? Ok(TimexType.Date, $"{Y(ISOWeek.GetYear(monthWeek.ToDateTime(TimeOnly.MinValue)))}-W{ISOWeek.GetWeekOfYear(monthWeek.ToDateTime(TimeOnly.MinValue)):D2}", m.Year == 0)
                    : Result<(TimexType, string, bool)>.Fail("no such week in that month");
            case MentionKind.WeekOfYear:
            {
                int year = m.Year != 0 ? m.Year : reference.Year + (m.YearOffset ?? 0);
                if (year is < 1 or > 9998) return Result<(TimexType, string, bool)>.Fail("year out of range");
                int weeksInYear = ISOWeek.GetWeeksInYear(year);
                int week = m.Day == -1 ? weeksInYear : m.Day;
                if (week < 1 || week > weeksInYear) return Result<(TimexType, string, bool)>.Fail($"no week {week} in {year}");
                return Ok(TimexType.Date, $"{Y(year)}-W{week:D2}", m.Year == 0);
            }
            case MentionKind.Deictic:
                return Ok(TimexType.Date, Day(reference.AddDays(m.DayOffset)), true);
            case MentionKind.RelativeUnit:
                // "the weekend" told in the past on a weekday is the one just gone (ISO weeks end on Sunday).
                if (m.Unit == "WE" && m.Relative == 0 && tense != Tense.Future && IsoDay(reference) <= 5)
                    return Ok(TimexType.Date, ShiftedUnit(reference, "WE", -1), true);
                // "at year-end, the bank held..." told early in a year is about the year just ended.
                if (m is { Unit: "Y", Relative: 0, Modifier: "END" } && tense == Tense.Past && reference.Month <= YearEndLookBackMonths)
                    return Ok(TimexType.Date, ShiftedUnit(reference, "Y", -1), true);
                return Ok(TimexType.Date, ShiftedUnit(reference, m.Unit!, m.Relative), true);
            case MentionKind.Ago:
                if (double.IsNaN(m.Count)) return Ok(TimexType.Date, m.Relative < 0 ? "PAST_REF" : "FUTURE_REF", true);
                return Ok(TimexType.Date, Ago(reference, m.Unit!, m.Count * m.Relative), true);
            case MentionKind.Duration:
                return Ok(TimexType.Duration, DurationValue(m.Count, m.Unit!), false);
            case MentionKind.Reference:
                return Ok(TimexType.Date, m.Literal!, true);
            case MentionKind.Set:
                return Ok(TimexType.Set, m.Literal!, false);
            case MentionKind.TimeOfDay:
            {
                if (m.DayUnknown) return Ok(TimexType.Time, "XXXX-XX-XXT" + (m.HasClock ? $"{m.Hour:D2}:{m.Minute:D2}" : m.PartOfDay), false);
                DateOnly date;
                bool anchored = true;
                if (m.Month != 0)
                {
                    int year = m.Year != 0 ? m.Year : YearFor(m.Month, m.Day, reference, tense);
                    if (!IsValidDate(year, m.Month, m.Day)) return Result<(TimexType, string, bool)>.Fail("no such date");
                    date = new DateOnly(year, m.Month, m.Day);
                    anchored = m.Year == 0;
                }
                else if (m.Weekday != 0 && m.Day != 0 && WeekdayOnDay(m.Weekday, m.Day, reference) is { } clockDay) date = clockDay;
                else if (m.Weekday != 0 && m.WeekOffset is { } clockWeeks) date = WeekdayOfWeek(m, clockWeeks, reference);
                else if (m.Weekday != 0) date = WeekdayDate(m.Weekday, m.HasRelative ? m.Relative : null, reference, tense);
                else date = reference.AddDays(m.DayOffset);
                string time = m.HasClock ? (m.Hour == 24 ? "T24:00" : m.Second > 0 ? $"T{m.Hour:D2}:{m.Minute:D2}:{m.Second:D2}" : $"T{m.Hour:D2}:{m.Minute:D2}") : "T" + m.PartOfDay;
                return Ok(TimexType.Time, Day(date) + time, anchored);
            }
            default:
                return Result<(TimexType, string, bool)>.Fail("unknown kind");
        }
    }

    /// <summary>
    /// The Thursday of the week of a month "the last week of July" names: the Monday-to-Sunday weeks whose Thursday falls
    /// in the month, counted from the first or, for -1, the last; null when the count runs past the month.
    /// </summary>
    /// <summary>The first months of a year, the season of annual reports, in which a past-tense "year-end" is the year before.</summary>
    private const int YearEndLookBackMonths = 3;

    private static DateOnly? WeekOfMonth(in TimeMention m, DateOnly reference, Tense tense)
    {
        DateOnly first;
        if (m.Month == 0) first = new DateOnly(reference.Year, reference.Month, 1).AddMonths(m.Relative);
        else
        {
            int year = m.Year != 0 ? m.Year : YearFor(m.Month, 15, reference, tense, monthOnly: true);
            if (year is < 1 or > 9998) return null;
            first = new DateOnly(year, m.Month, 1);
        }
        // As ISO 8601 gives a week to the year of its Thursday, a week belongs to the month holding its Thursday.
        if (m.Day == -1)
        {
            var last = first.AddMonths(1).AddDays(-1);
            return last.AddDays(-((IsoDay(last) - 4 + 7) % 7));
        }
        var day = first.AddDays((4 - IsoDay(first) + 7) % 7 + 7 * (m.Day - 1));
        return day.Month == first.Month ? day : null;
    }

    /// <summary>
    /// The year of a day-and-month without a year. News tense rule: a past-tense sentence means the most
    /// recent such day unless that is more than four months ahead of the reference, a future one the
    /// next unless it is more than two months behind; otherwise the nearest.
    /// </summary>
    private static int YearFor(int month, int day, DateOnly reference, Tense tense, bool monthOnly = false)
    {
        int year = reference.Year;
        if (!IsValidDate(year, month, Math.Min(day, 28))) return year;
        var candidate = new DateOnly(year, month, Math.Min(day, DateTime.DaysInMonth(year, month)));
        int slack = monthOnly ? 0 : 7;
        if (monthOnly && month == reference.Month) return year;
        switch (tense)
        {
            case Tense.Past when monthOnly:
                // "in August" told in the past is the last August; next month is more likely a forward mention.
                return month > reference.Month + 1 ? year - 1 : year;
            case Tense.Past:
                if (candidate.DayNumber > reference.DayNumber + slack)
                {
                    // Only step back when the day is far ahead (four months): a past-tense sentence may still
                    // mention a scheduled date ("the vote, set for April 24, was announced" in February).
                    if (candidate.DayNumber - reference.DayNumber > 120 || monthOnly) return year - 1;
                }
                return year;
            case Tense.Future:
                return candidate.DayNumber < reference.DayNumber - slack && reference.DayNumber - candidate.DayNumber > 60 ? year + 1 : year;
            default:
                int before = Math.Abs(candidate.DayNumber - reference.DayNumber);
                return before > 183 ? (candidate > reference ? year - 1 : year + 1) : year;
        }
    }

    /// <summary>
    /// "the following year" after a named date: that date's unit shifted; null when the named date is coarser than the
    /// unit (a year gives no "following day").
    /// </summary>
    public static string? ShiftFromNamedDate(string named, string unit, int relative)
    {
        static bool Digits(string v, int from, int count)
        {
            for (int i = from; i < from + count; i++) if (i >= v.Length || !char.IsAsciiDigit(v[i])) return false;
            return true;
        }
        if (!Digits(named, 0, 4)) return null;
        int year = int.Parse(named.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture);
        if (year < 2 || year > 9998) return null;
        if (named.Length == 7 && named[4] == '-' && named[5] == 'Q' && named[6] is >= '1' and <= '4')
        {
            // "that quarter" after "the second quarter of 1988".
            var quarterStart = new DateOnly(year, 3 * (named[6] - '1') + 1, 1);
            return unit switch { "Y" => Y(year + relative), "Q" => Quarter(quarterStart.AddMonths(3 * relative)), _ => null };
        }
        bool hasMonth = named.Length >= 7 && named[4] == '-' && Digits(named, 5, 2);
        bool hasDay = hasMonth && named.Length >= 10 && named[7] == '-' && Digits(named, 8, 2);
        int month = hasMonth ? int.Parse(named.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture) : 1;
        int day = hasDay ? int.Parse(named.AsSpan(8, 2), NumberStyles.None, CultureInfo.InvariantCulture) : 1;
        if (!IsValidDate(year, month, day)) return null;
        var anchor = new DateOnly(year, month, day);
        return unit switch
        {
            "Y" => Y(year + relative),
            "M" when hasMonth => Month(anchor.AddMonths(relative)),
            "D" when hasDay => Day(anchor.AddDays(relative)),
            "W" when hasDay => Week(anchor.AddDays(7 * relative)),
            "Q" when hasMonth => Quarter(anchor.AddMonths(3 * relative)),
            _ => null,
        };
    }

    /// <summary>
    /// The weekday of the calendar week <paramref name="weeks"/> from the reference's ("Friday of next week", "last Friday").
    /// "last Friday" told at the weekend is the nearest Friday back instead: the working week that has just ended is the
    /// one a weekend reader calls last, so on Sunday 22 December it is the 20th, not the 13th (the calendar reading would
    /// reach 7 to 13 days back). On a weekday the week just gone is the previous calendar week, so the calendar reading
    /// stays ("last Wednesday" said on a Thursday is eight days back; the day before is "Wednesday" or "yesterday"). A week
    /// named in words ("Friday of last week") keeps the calendar reading every day.
    /// </summary>
    private static DateOnly WeekdayOfWeek(in TimeMention m, int weeks, DateOnly reference)
    {
        if (m.HasRelative && m.Relative < 0 && weeks < 0 && IsoDay(reference) >= 6) return WeekdayDate(m.Weekday, -1, reference, Tense.Past);
        return reference.AddDays(7 * weeks + m.Weekday - IsoDay(reference));
    }

    private static DateOnly WeekdayDate(int weekday, int? relative, DateOnly reference, Tense tense)
    {
        int refDay = IsoDay(reference);
        switch (relative)
        {
            case < 0:
                int back = (refDay - weekday + 7) % 7;
                return reference.AddDays(-(back == 0 ? 7 : back));
            case > 0:
                int ahead = (weekday - refDay + 7) % 7;
                return reference.AddDays(ahead == 0 ? 7 : ahead);
            case 0:
                return reference.AddDays(weekday - refDay);
            default:
                return tense == Tense.Future
                    ? reference.AddDays((weekday - refDay + 7) % 7)
                    : reference.AddDays(-((refDay - weekday + 7) % 7));
        }
    }

    /// <summary>
    /// "Tuesday the 11th": the day of that number nearest the reference, within half a year, that falls on that weekday;
    /// null when none does (the text is then read as the weekday alone).
    /// </summary>
    private static DateOnly? WeekdayOnDay(int weekday, int day, DateOnly reference)
    {
        DateOnly? best = null;
        for (int months = -6; months <= 6; months++)
        {
            int monthIndex = reference.Year * 12 + reference.Month - 1 + months;
            if (monthIndex < 12 || monthIndex >= 10_000 * 12) continue; // no month before year 1 or after 9999
            var month = new DateOnly(monthIndex / 12, monthIndex % 12 + 1, 1);
            if (day > DateTime.DaysInMonth(month.Year, month.Month)) continue;
            var candidate = new DateOnly(month.Year, month.Month, day);
            if (IsoDay(candidate) != weekday) continue;
            if (best is not { } b || Math.Abs(candidate.DayNumber - reference.DayNumber) < Math.Abs(b.DayNumber - reference.DayNumber)) best = candidate;
        }
        return best;
    }

    private static int IsoDay(DateOnly date) => date.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)date.DayOfWeek;

    private static string ShiftedUnit(DateOnly reference, string unit, int relative) => unit switch
    {
        "Y" => Y(reference.Year + relative),
        "M" => Month(reference.AddMonths(relative)),
        "W" => Week(reference.AddDays(7 * relative)),
        "WE" => Week(reference.AddDays(7 * relative)) + "-WE",
        "D" => Day(reference.AddDays(relative)),
        "Q" => Quarter(reference.AddMonths(3 * relative)),
        "E" => Y(reference.Year + 10 * relative)[..3],
        "C" => Y(reference.Year + 100 * relative)[..2],
        _ => Day(reference),
    };

    private static string Ago(DateOnly reference, string unit, double signedCount)
    {
        // "4.5 billion years ago" is not a calendar date; the caller turns this into a rejection.
        if (Math.Abs(signedCount) > 10_000) throw new ArgumentOutOfRangeException(nameof(signedCount), "too far from the reference date for a calendar value");
        int n = (int)Math.Round(signedCount);
        return unit switch
        {
            "Y" => Y(reference.Year + n),
            "M" => Month(reference.AddMonths(n)),
            "W" => Week(reference.AddDays(7 * n)),
            "WE" => Week(reference.AddDays(7 * n)) + "-WE",
            "D" => Day(reference.AddDays(n)),
            "Q" => Quarter(reference.AddMonths(3 * n)),
            "E" => Y(reference.Year + 10 * n),
            "C" => Y(reference.Year + 100 * n),
            _ => Day(reference),
        };
    }

    public static string DurationValue(double count, string unit)
    {
        // TIMEX3 writes a fraction of a unit in the next smaller one when it comes out whole: "5 1/2 hours" is PT5H30M.
        if (!double.IsNaN(count) && count != Math.Floor(count) && count > 0 && SmallerUnit(unit) is { } smaller)
        {
            double whole = Math.Floor(count), rest = (count - whole) * smaller.Factor;
            if (Math.Abs(rest - Math.Round(rest)) < 1e-9)
            {
                // 4.99999999999 hours: the rest rounds up to a whole hour, which is PT5H, not PT4H60M.
                if (Math.Round(rest) >= smaller.Factor) return DurationValue(whole + 1, unit);
                static bool IsClock(string u) => u is "H" or "N" or "S";
                string wholePart = whole == 0 ? "" : DurationValue(whole, unit)[(IsClock(unit) ? 2 : 1)..];
                string restPart = DurationValue(Math.Round(rest), smaller.Unit)[(IsClock(smaller.Unit) ? 2 : 1)..];
                if (IsClock(unit)) return $"PT{wholePart}{restPart}";
                return IsClock(smaller.Unit) ? $"P{wholePart}T{restPart}" : $"P{wholePart}{restPart}";
            }
        }
        string n = double.IsNaN(count) ? "X" : count.ToString("0.###", CultureInfo.InvariantCulture);
        return unit switch
        {
            "H" or "N" or "S" => $"PT{n}{(unit == "N" ? "M" : unit)}",
            "E" => double.IsNaN(count) ? "PXE" : $"P{(count * 10).ToString("0.###", CultureInfo.InvariantCulture)}Y",
            "C" => double.IsNaN(count) ? "PXC" : $"P{(count * 100).ToString("0.###", CultureInfo.InvariantCulture)}Y",
            _ => $"P{n}{unit}",
        };
    }

    private static (string Unit, int Factor)? SmallerUnit(string unit) => unit switch
    {
        "Y" => ("M", 12),
        "W" => ("D", 7),
        "D" => ("H", 24),
        "H" => ("N", 60),
        "N" => ("S", 60),
        _ => null,
    };

    private static int SeasonStart(string season) => season switch { "SP" => 3, "SU" => 6, "FA" => 9, _ => 12 };

    private static string Y(int year) => year is >= 1 and <= 9999
        ? year.ToString("D4", CultureInfo.InvariantCulture)
        : throw new ArgumentOutOfRangeException(nameof(year), "outside the years a TIMEX3 date can hold");

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Month(DateOnly d) => d.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static string Quarter(DateOnly d) => $"{Y(d.Year)}-Q{(d.Month - 1) / 3 + 1}";

    private static string Week(DateOnly d)
    {
        var dt = d.ToDateTime(TimeOnly.MinValue);
        return $"{Y(ISOWeek.GetYear(dt))}-W{ISOWeek.GetWeekOfYear(dt):D2}";
    }
}
