using System.Globalization;

namespace Crosscheck.Provenance;

/// <summary>
/// Decides an article's publication date: the date given with the input, else one inferred from
/// the dateline ("Seoul, Dec 16" with the year taken from the text or the anchor) or from a full
/// date with weekday in the text ("Monday December 16": the weekday pins the year among the
/// candidates), else unknown. Never reads the clock: the only outside hint is an optional anchor
/// date supplied by the caller (for example the batch's reference date).
/// </summary>
public static class PublicationDateInference
{
    /// <param name="given">Date given with the input (header, metadata), and where it came from.</param>
    /// <param name="datelineDate">The date part of the dateline ("Dec 16", "Dec. 5, 2024"), if any.</param>
    /// <param name="anchor">A date near which the report was written, when the caller knows one.</param>
    public static PublicationDate Decide(string text, DateOnly? given, string? givenSource, string? datelineDate, DateOnly? anchor)
    {
        if (given is { } date) return PublicationDate.Given(date, givenSource ?? "input metadata");
        var fromDateline = datelineDate is null ? null : FromDateline(text, datelineDate, anchor);
        if (fromDateline is not null) return fromDateline;
        return FromWeekdayDate(text, anchor) ?? PublicationDate.Unknown;
    }

    private static PublicationDate? FromDateline(string text, string datelineDate, DateOnly? anchor)
    {
        var mentions = DateMentions.Find(datelineDate);
        if (mentions.Count == 0 && DateMentions.FindCyrillic(datelineDate) is { } cyrillic) mentions.Add(cyrillic);
        if (mentions.Count == 0) return null;
        var mention = mentions[0];
        if (mention.Year is { } written && Make(written, mention.Month, mention.Day) is { } full)
            return new PublicationDate(full, PublishedHow.Inferred, 0.9, $"The dateline gives the full date \"{datelineDate}\".") { Basis = DateBasis.Dateline };

        // A text names future years too ("plans through 2030"): never take one after the anchor's.
        var years = DateMentions.Years(text).Where(y => anchor is not { } limit || y <= limit.Year).ToList();
        if (years.Count > 0)
        {
            int year = years.Max();
            if (Make(year, mention.Month, mention.Day) is { } withTextYear)
                return new PublicationDate(withTextYear, PublishedHow.Inferred, 0.7,
                    $"The dateline gives \"{datelineDate}\"; the year {year} is the latest year the text mentions.") { Basis = DateBasis.Dateline };
        }
        if (anchor is { } a)
        {
            // The dated day nearest the anchor: a dateline within half a year of it.
            DateOnly? best = null;
            foreach (int year in (int[])[a.Year - 1, a.Year, a.Year + 1])
            {
                if (Make(year, mention.Month, mention.Day) is not { } candidate) continue;
                if (best is null || Math.Abs(candidate.DayNumber - a.DayNumber) < Math.Abs(best.Value.DayNumber - a.DayNumber)) best = candidate;
            }
            if (best is { } nearest)
                return new PublicationDate(nearest, PublishedHow.Inferred, 0.5,
                    $"The dateline gives \"{datelineDate}\" without a year; {nearest.Year} puts it nearest the anchor date {Iso(a)}.") { Basis = DateBasis.Dateline };
        }
        return new PublicationDate(null, PublishedHow.Unknown, 0,
            $"The dateline gives \"{datelineDate}\" but neither the text nor the caller gives a year.");
    }

    /// <summary>
    /// The latest date written with its weekday. With a written year it is taken as is; without one,
    /// the candidate years (years the text mentions, each ±1, and the six years up to the anchor's
    /// and the one after) are filtered by the weekday. A weekday repeats on the same date only every
    /// five to eleven years, so the window usually leaves one or two fits; the one nearest the anchor
    /// and not after it wins, since the anchor is normally the day of the analysis and reports are
    /// not written in the future.
    /// </summary>
    private static PublicationDate? FromWeekdayDate(string text, DateOnly? anchor)
    {
        var candidateYears = new SortedSet<int>();
        foreach (int year in DateMentions.Years(text))
        {
            candidateYears.Add(year - 1);
            candidateYears.Add(year);
            candidateYears.Add(year + 1);
        }
        if (anchor is { } a)
        {
            for (int year = a.Year - AnchorYearsBack; year <= a.Year + 1; year++) candidateYears.Add(year);
        }

        DateOnly? latest = null;
        string? explanation = null;
        double confidence = 0;
        foreach (var mention in DateMentions.Find(text))
        {
            if (mention.Weekday is not { } weekday) continue;
            string written = mention.Span.Of(text);
            if (mention.Year is { } year)
            {
                if (Make(year, mention.Month, mention.Day) is { } full && full.DayOfWeek == weekday && (latest is null || full > latest))
                    (latest, confidence, explanation) = (full, 0.7, $"The text's latest full date with weekday is \"{written}\"; a report is published on or soon after the days it narrates.");
                continue;
            }
            var fits = new List<DateOnly>();
            foreach (int candidateYear in candidateYears)
                if (Make(candidateYear, mention.Month, mention.Day) is { } d && d.DayOfWeek == weekday) fits.Add(d);
            if (fits.Count == 0) continue;
            DateOnly chosen = anchor is { } near ? NearestNotAfter(fits, near) : fits[^1];
            if (latest is not null && chosen <= latest) continue;
            latest = chosen;
            confidence = fits.Count == 1 ? 0.6 : 0.35;
            explanation = fits.Count == 1
                ? $"\"{written}\" falls on a {weekday} only in {chosen.Year} among the candidate years {candidateYears.Min}-{candidateYears.Max}; a report is published on or soon after the days it narrates."
                : $"\"{written}\" fits the years {string.Join(", ", fits.Select(d => d.Year))}; {chosen.Year} is {(anchor is null ? "the latest" : "nearest the anchor date and not after it")}.";
        }
        return latest is null ? null : new PublicationDate(latest, PublishedHow.Inferred, confidence, explanation) { Basis = DateBasis.Text };
    }

    /// <summary>
    /// Dates a report that has no date of its own from the dated reports of its story: the days
    /// it narrates are read against the story's dates (a written "Dec 14" takes the year that puts
    /// it nearest the story's middle date; a bare "Saturday" is the Saturday within three days of
    /// it), and the latest of them, not after the story's last date, is taken as the report's
    /// date, since a report is published on or soon after the days it narrates. With no day
    /// written, the story's middle date stands, with low confidence.
    /// </summary>
    /// <param name="storyDates">Dates of the story's other reports (given or inferred from their own text), with their ids.</param>
    public static PublicationDate? FromStory(string text, IReadOnlyList<(string Id, DateOnly Date)> storyDates)
    {
        if (storyDates.Count == 0) return null;
        var dates = storyDates.Select(d => d.Date).Order().ToList();
        DateOnly first = dates[0], last = dates[^1], middle = dates[(dates.Count - 1) / 2];
        string ids = string.Join(", ", storyDates.OrderBy(d => d.Date).ThenBy(d => d.Id, StringComparer.Ordinal).Take(4).Select(d => d.Id))
            + (storyDates.Count > 4 ? ", ..." : "");
        string range = first == last ? $"are dated {Iso(first)}" : $"run from {Iso(first)} to {Iso(last)}";

        DateOnly? latest = null;
        string? written = null;
        bool weekdayOnly = false;
        var covered = new List<Span>();
        foreach (var mention in DateMentions.Find(text))
        {
            covered.Add(mention.Span);
            DateOnly? resolved = mention.Year is { } year
                ? Make(year, mention.Month, mention.Day)
                : Nearest([Make(middle.Year - 1, mention.Month, mention.Day), Make(middle.Year, mention.Month, mention.Day), Make(middle.Year + 1, mention.Month, mention.Day)], middle);
            // Day numbers, not AddDays: a placeholder date such as 9999-12-31 must not overflow.
            if (resolved is not { } day || day.DayNumber > last.DayNumber + 1 || day.DayNumber < first.DayNumber - NarratedDaysBack) continue;
            if (latest is null || day > latest) (latest, written, weekdayOnly) = (day, mention.Span.Of(text), false);
        }
        // Both lists are in text order: one pass over the written dates finds those a weekday is part of.
        int next = 0;
        foreach (var (span, weekday) in DateMentions.Weekdays(text))
        {
            while (next < covered.Count && covered[next].End <= span.Start) next++;
            if (next < covered.Count && covered[next].Overlaps(span)) continue;
            int dayNumber = middle.DayNumber + ((int)weekday - (int)middle.DayOfWeek + 10) % 7 - 3;
            if (dayNumber < DateOnly.MinValue.DayNumber || dayNumber > DateOnly.MaxValue.DayNumber || dayNumber > last.DayNumber + 1) continue;
            var day = DateOnly.FromDayNumber(dayNumber);
            if (latest is null || day > latest) (latest, written, weekdayOnly) = (day, span.Of(text), true);
        }
        if (latest is { } narrated)
        {
            return new PublicationDate(narrated, PublishedHow.Inferred, weekdayOnly ? 0.5 : 0.6,
                $"No date of its own; the dated reports of its story ({ids}) {range}. Read against them, \"{written}\" is {Iso(narrated)}, " +
                "the latest day this report narrates, and a report is published on or soon after the days it narrates.")
            { Basis = DateBasis.Story };
        }
        return new PublicationDate(middle, PublishedHow.Inferred, 0.3,
            $"No date of its own and no day written in it; the dated reports of its story ({ids}) {range}, and {Iso(middle)} is their middle date.")
        { Basis = DateBasis.Story };
    }

    /// <summary>How far before a story's first dated report a narrated day may lie and still date a report of it.</summary>
    private const int NarratedDaysBack = 14;

    private static DateOnly? Nearest(DateOnly?[] candidates, DateOnly target)
    {
        DateOnly? best = null;
        foreach (var candidate in candidates)
        {
            if (candidate is not { } c) continue;
            if (best is null || Math.Abs(c.DayNumber - target.DayNumber) < Math.Abs(best.Value.DayNumber - target.DayNumber)) best = c;
        }
        return best;
    }

    private const int AnchorYearsBack = 6;

    private static DateOnly NearestNotAfter(List<DateOnly> fits, DateOnly anchor)
    {
        var notAfter = fits.Where(d => d.DayNumber <= anchor.DayNumber + 7).ToList();
        var pool = notAfter.Count > 0 ? notAfter : fits;
        return pool.MinBy(d => Math.Abs(d.DayNumber - anchor.DayNumber));
    }

    private static DateOnly? Make(int year, int month, int day) =>
        year is >= 1 and <= 9999 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
