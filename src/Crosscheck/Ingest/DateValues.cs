using System.Globalization;

namespace Crosscheck.Ingest;

/// <summary>
/// Reads the calendar date of a publication timestamp as metadata gives it: ISO 8601
/// ("2024-12-16T10:22:00+09:00"), news-please's "2024-12-16 10:22:00", RFC 1123, English month
/// names, or Unix seconds. The date is the one written (the publisher's local date), not shifted to UTC.
/// </summary>
internal static class DateValues
{
    private static readonly string[] Formats =
    [
        "d MMMM yyyy", "d MMM yyyy", "MMMM d, yyyy", "MMM d, yyyy", "MMM. d, yyyy", "dddd, MMMM d, yyyy",
        "ddd, d MMM yyyy HH:mm:ss 'GMT'", "ddd, dd MMM yyyy HH:mm:ss zzz", "yyyyMMdd", "dd.MM.yyyy", "yyyy/MM/dd",
    ];

    public static DateOnly? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var s = value.AsSpan().Trim();
        if (s.Length >= 10 && IsIsoDate(s))
        {
            int year = Digits(s[..4]), month = Digits(s.Slice(5, 2)), day = Digits(s.Slice(8, 2));
            return Valid(year, month, day);
        }
        if (s.Length is >= 9 and <= 13 && long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out long seconds))
            return FromUnix(seconds > 100_000_000_000 ? seconds / 1000 : seconds); // 13 digits: milliseconds
        foreach (var format in Formats)
        {
            if (DateTime.TryParseExact(s, format, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var exact))
                return DateOnly.FromDateTime(exact);
        }
        // The general parser fills a missing date or year from the clock ("10:22 GMT" would become
        // today): use it only for strings that carry a four-digit year of their own.
        if (HasFourDigitYear(s)
            && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var any)
            && any.Year > 1)
            return DateOnly.FromDateTime(any.DateTime);
        return null;
    }

    private static bool HasFourDigitYear(ReadOnlySpan<char> s)
    {
        for (int i = 0; i + 4 <= s.Length; i++)
        {
            bool boundaryBefore = i == 0 || !char.IsDigit(s[i - 1]);
            bool boundaryAfter = i + 4 == s.Length || !char.IsDigit(s[i + 4]);
            if (boundaryBefore && boundaryAfter && char.IsDigit(s[i]) && char.IsDigit(s[i + 1]) && char.IsDigit(s[i + 2]) && char.IsDigit(s[i + 3])
                && (s[i] == '1' || s[i] == '2')) return true;
        }
        return false;
    }

    public static DateOnly? FromUnix(long seconds)
    {
        if (seconds is < 0 or > 32503680000) return null;
        return DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime);
    }

    private static bool IsIsoDate(ReadOnlySpan<char> s) =>
        char.IsAsciiDigit(s[0]) && char.IsAsciiDigit(s[1]) && char.IsAsciiDigit(s[2]) && char.IsAsciiDigit(s[3])
        && (s[4] == '-' || s[4] == '/') && char.IsAsciiDigit(s[5]) && char.IsAsciiDigit(s[6])
        && s[7] == s[4] && char.IsAsciiDigit(s[8]) && char.IsAsciiDigit(s[9]);

    private static int Digits(ReadOnlySpan<char> s)
    {
        int value = 0;
        foreach (char c in s) value = value * 10 + (c - '0');
        return value;
    }

    private static DateOnly? Valid(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;
}
