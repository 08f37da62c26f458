using System.Globalization;
using System.Text.RegularExpressions;

namespace Crosscheck.Provenance;

/// <summary>A calendar date written in a text: month and day, with year and weekday when written.</summary>
internal readonly record struct DateMention(Span Span, int Month, int Day, int? Year, DayOfWeek? Weekday);

/// <summary>
/// Finds written calendar dates ("Monday December 16", "Dec. 16, 2024", "16 December 2024",
/// "Tuesday, 17 December") and years ("in 2024"). Patterns have no nested repetition, so
/// matching is linear in the text length.
/// </summary>
internal static partial class DateMentions
{
    private const string Month = @"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";

    [GeneratedRegex(
        @"\b(?:(?<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s(?:the\s)?)?(?:(?<month>" + Month + @")\.?\s(?<day>\d{1,2})(?:st|nd|rd|th)?|(?<day>\d{1,2})(?:st|nd|rd|th)?\s(?:of\s)?(?<month>" + Month + @")\.?)(?:,?\s(?<year>(?:19|20)\d\d))?\b",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"\b(?:19|20)\d\d\b", RegexOptions.CultureInvariant)]
    private static partial Regex YearPattern();

    public static List<DateMention> Find(string text)
    {
        var mentions = new List<DateMention>();
        foreach (Match match in DatePattern().Matches(text))
        {
            int month = MonthNumber(match.Groups["month"].ValueSpan);
            int day = int.Parse(match.Groups["day"].ValueSpan, CultureInfo.InvariantCulture);
            if (month == 0 || day is < 1 or > 31) continue;
            int? year = match.Groups["year"].Success ? int.Parse(match.Groups["year"].ValueSpan, CultureInfo.InvariantCulture) : null;
            if (year is not null && (year is < 1 or > 9999 || day > DateTime.DaysInMonth(year.Value, month))) continue;
            DayOfWeek? weekday = match.Groups["weekday"].Success ? Enum.Parse<DayOfWeek>(match.Groups["weekday"].ValueSpan) : null;
            mentions.Add(new DateMention(new Span(match.Index, match.Index + match.Length), month, day, year, weekday));
        }
        return mentions;
    }

    [GeneratedRegex(@"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", RegexOptions.CultureInvariant)]
    private static partial Regex WeekdayPattern();

    /// <summary>Every weekday name in the text ("said Saturday"), with its span.</summary>
    public static List<(Span Span, DayOfWeek Weekday)> Weekdays(string text)
    {
        var found = new List<(Span, DayOfWeek)>();
        foreach (Match match in WeekdayPattern().Matches(text))
            found.Add((new Span(match.Index, match.Index + match.Length), Enum.Parse<DayOfWeek>(match.ValueSpan)));
        return found;
    }

    /// <summary>Four-digit years 1900-2099 written anywhere in the text.</summary>
    public static List<int> Years(string text)
    {
        var years = new List<int>();
        foreach (Match match in YearPattern().Matches(text))
        {
            // "2,024" or "12024" are not years; neither is a year glued to a unit.
            int end = match.Index + match.Length;
            if (match.Index > 0 && text[match.Index - 1] is ',' or '.' && match.Index > 1 && char.IsDigit(text[match.Index - 2])) continue;
            if (end < text.Length && text[end] == ',' && end + 1 < text.Length && char.IsDigit(text[end + 1])) continue;
            years.Add(int.Parse(match.ValueSpan, CultureInfo.InvariantCulture));
        }
        return years;
    }

    /// <summary>Russian and Ukrainian month names in the genitive, as datelines write them ("16 декабря", "16 грудня").</summary>
    private static readonly string[][] CyrillicMonths =
    [
        ["января", "січня"], ["февраля", "лютого"], ["марта", "березня"], ["апреля", "квітня"], ["мая", "травня"], ["июня", "червня"],
        ["июля", "липня"], ["августа", "серпня"], ["сентября", "вересня"], ["октября", "жовтня"], ["ноября", "листопада"], ["декабря", "грудня"],
    ];

    /// <summary>The regular expression alternation of <see cref="CyrillicMonths"/>, for patterns elsewhere.</summary>
    internal const string CyrillicMonthPattern =
        "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|"
        + "січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня";

    /// <summary>"16 декабря", "5 грудня 2024": day, Cyrillic month and optional year, or null.</summary>
    public static DateMention? FindCyrillic(string text)
    {
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (int i = 0; i + 1 < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out int day) || day is < 1 or > 31) continue;
            string name = parts[i + 1].TrimEnd('.', ',').ToLowerInvariant();
            int month = Array.FindIndex(CyrillicMonths, forms => Array.IndexOf(forms, name) >= 0) + 1;
            if (month == 0) continue;
            int? year = i + 2 < parts.Length && int.TryParse(parts[i + 2].TrimEnd('.', ','), NumberStyles.None, CultureInfo.InvariantCulture, out int y) && y is >= 1900 and <= 2099 ? y : null;
            return new DateMention(new Span(0, text.Length), month, day, year, null);
        }
        return null;
    }

    public static int MonthNumber(ReadOnlySpan<char> name)
    {
        if (name.Length < 3) return 0;
        return char.ToLowerInvariant(name[0]) switch
        {
            'j' => char.ToLowerInvariant(name[1]) == 'a' ? 1 : char.ToLowerInvariant(name[2]) == 'n' ? 6 : 7,
            'f' => 2,
            'm' => char.ToLowerInvariant(name[2]) == 'r' ? 3 : 5,
            'a' => char.ToLowerInvariant(name[1]) == 'p' ? 4 : 8,
            's' => 9,
            'o' => 10,
            'n' => 11,
            'd' => 12,
            _ => 0,
        };
    }
}
