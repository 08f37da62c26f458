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

    /// <summary>Display form of several values naming one period ("December 14 and 15"): consecutive days become a range.</summary>
    public static string OfRange(IReadOnlyList<string> values)
    {
        if (values.Count == 0) return "";
        var days = new List<DateOnly>();
        foreach (var v in values)
        {
            if (!TryDay(v, out var d)) return Of(values[0]);
            days.Add(d);
        }
        days.Sort();
        var first = days[0];
        var last = days[^1];
        if (first == last) return Of(values[0]);
        if (last.DayNumber - first.DayNumber > days.Distinct().Count() - 1) return Of(first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (first.Year == last.Year && first.Month == last.Month) return $"{first.Day}-{last.Day} {Months[first.Month - 1]} {first.Year}";
        if (first.Year == last.Year) return $"{first.Day} {Months[first.Month - 1]}-{last.Day} {Months[last.Month - 1]} {first.Year}";
        return $"{Of(first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))}-{Of(last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))}";
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
