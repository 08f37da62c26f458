using System.Globalization;

namespace Crosscheck.Crosschecking;

/// <summary>Writes TIMEX3 values as a reader expects them: "14 Dec 2024", "14-15 Dec 2024", "Nov 2024", "summer 2024".</summary>
public static class DisplayDates
{
    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    /// <summary>Display form of one TIMEX3 value; the value itself when it is not a calendar date.</summary>
    public static string Of(string value)
    {
        if (TryDay(value, out var day)) return $"{day.Day} {Months[day.Month - 1]} {day.Year}";
        if (value.Length >= 4 && IsDigits(value.AsSpan(0, 4)))
        {
            string year = value[..4];
            if (value.Length == 4) return year;
            var rest = value.AsSpan(5);
            if (value[4] == '-' && rest.Length == 2 && IsDigits(rest) && int.TryParse(rest, out int month) && month is >= 1 and <= 12)
                return $"{Months[month - 1]} {year}";
            if (value[4] == '-')
            {
                return rest switch
                {
                    "SP" => $"spring {year}",
                    "SU" => $"summer {year}",
                    "FA" => $"autumn {year}",
                    "WI" => $"winter {year}",
                    "Q1" or "Q2" or "Q3" or "Q4" => $"{rest} {year}",
                    "H1" => $"first half of {year}",
                    "H2" => $"second half of {year}",
                    _ when rest.Length is 2 or 3 && rest[0] == 'W' && int.TryParse(rest[1..], out int week) => $"week {week}, {year}",
                    _ when rest.Length is 5 or 6 && rest[0] == 'W' && rest.EndsWith("-WE") && int.TryParse(rest[1..^3], out int weekend) => $"weekend of week {weekend}, {year}",
                    _ => value,
                };
            }
        }
        return value;
    }

    /// <summary>
    /// Display form of several values naming one period or a few days ("December 14 and 15",
    /// "on the 14th and the 20th"): consecutive days become a range, the rest are listed, and the
    /// month and year are written once when they are shared: "14-15 Dec 2024", "14 and 20 Dec 2024",
    /// "30 Nov and 5 Dec 2024". A value that is not a day keeps the first value's own form.
    /// </summary>
    public static string OfRange(IReadOnlyList<string> values)
    {
        if (values.Count == 0) return "";
        var days = new SortedSet<DateOnly>();
        foreach (var v in values)
        {
            if (!TryDay(v, out var d)) return Of(values[0]);
            days.Add(d);
        }
        var runs = new List<(DateOnly First, DateOnly Last)>();
        foreach (var day in days)
        {
            if (runs.Count > 0 && runs[^1].Last.DayNumber + 1 == day.DayNumber) runs[^1] = (runs[^1].First, day);
            else runs.Add((day, day));
        }
        var first = runs[0].First;
        var last = runs[^1].Last;
        bool oneMonth = first.Year == last.Year && first.Month == last.Month;
        bool oneYear = first.Year == last.Year;
        var parts = runs.Select(run => Run(run.First, run.Last, withMonth: !oneMonth, withYear: !oneYear)).ToList();
        string joined = parts.Count == 1 ? parts[0] : string.Join(", ", parts.Take(parts.Count - 1)) + " and " + parts[^1];
        if (oneMonth) return $"{joined} {Months[first.Month - 1]} {first.Year}";
        return oneYear ? $"{joined} {first.Year}" : joined;
    }

    private static string Run(DateOnly first, DateOnly last, bool withMonth, bool withYear)
    {
        string Day(DateOnly d) => withYear ? $"{d.Day} {Months[d.Month - 1]} {d.Year}" : withMonth ? $"{d.Day} {Months[d.Month - 1]}" : $"{d.Day}";
        if (first == last) return Day(first);
        // Within one run a shared month is written once: "14-16 Dec", "30 Nov-1 Dec".
        if (withMonth && !withYear && first.Month == last.Month) return $"{first.Day}-{last.Day} {Months[first.Month - 1]}";
        return $"{Day(first)}-{Day(last)}";
    }

    /// <summary>
    /// Where a calendar value begins and how many days it spans, for putting values in time order:
    /// "2024-W50" begins on Monday 9 Dec 2024 and "2024-SU" on 1 Jun 2024, which text order would
    /// put after every month of the year. Null for anything that is not a calendar value.
    /// </summary>
    public static (DateOnly Start, int Days)? Period(string value)
    {
        if (TryDay(value, out var day)) return (day, 1);
        if (value.Length < 4 || !IsDigits(value.AsSpan(0, 4)) || !int.TryParse(value.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out int year) || year < 1) return null;
        if (value.Length == 4) return (new DateOnly(year, 1, 1), DateTime.IsLeapYear(year) ? 366 : 365);
        if (value[4] != '-') return null;
        var rest = value.AsSpan(5);
        if (rest.Length == 2 && IsDigits(rest) && int.TryParse(rest, NumberStyles.None, CultureInfo.InvariantCulture, out int month) && month is >= 1 and <= 12)
            return (new DateOnly(year, month, 1), DateTime.DaysInMonth(year, month));
        (int Month, int Months)? season = rest switch
        {
            "SP" => (3, 3), "SU" => (6, 3), "FA" => (9, 3), "WI" => (12, 3),
            "Q1" => (1, 3), "Q2" => (4, 3), "Q3" => (7, 3), "Q4" => (10, 3),
            "H1" => (1, 6), "H2" => (7, 6),
            _ => null,
        };
        if (season is { } s)
        {
            var start = new DateOnly(year, s.Month, 1);
            // Winter 9999 runs past the last date there is.
            int end = year == 9999 && s.Month + s.Months > 12 ? DateOnly.MaxValue.DayNumber + 1 : start.AddMonths(s.Months).DayNumber;
            return (start, end - start.DayNumber);
        }
        bool weekend = rest.EndsWith("-WE");
        var weekDigits = weekend ? (rest.Length > 4 ? rest[1..^3] : default) : rest.Length > 1 ? rest[1..] : default;
        if (rest.Length > 1 && rest[0] == 'W' && int.TryParse(weekDigits, NumberStyles.None, CultureInfo.InvariantCulture, out int week) && week is >= 1 and <= 53 && year < 9999)
        {
            var monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(year, Math.Min(week, ISOWeek.GetWeeksInYear(year)), DayOfWeek.Monday));
            return weekend ? (monday.AddDays(5), 2) : (monday, 7);
        }
        return null;
    }

    internal static bool TryDay(string value, out DateOnly day)
    {
        day = default;
        return value.Length >= 10 && (value.Length == 10 || value[10] == 'T')
            && DateOnly.TryParseExact(value.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
    }

    /// <summary>True when a value names a point or period on the calendar (not a duration, set or reference word).</summary>
    internal static bool IsCalendar(string value) => value.Length >= 4 && IsDigits(value.AsSpan(0, 4)) && (value.Length == 4 || value[4] == '-');

    /// <summary>Two calendar values are compatible when one contains the other ("2024-12" and "2024-12-14").</summary>
    internal static bool Compatible(string a, string b) =>
        a.StartsWith(b, StringComparison.Ordinal) || b.StartsWith(a, StringComparison.Ordinal);

    private static bool IsDigits(ReadOnlySpan<char> s)
    {
        foreach (char c in s) if (!char.IsAsciiDigit(c)) return false;
        return s.Length > 0;
    }
}
