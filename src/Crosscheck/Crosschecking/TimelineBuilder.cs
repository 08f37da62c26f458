using System.Collections.Immutable;
using Crosscheck.Entities;
using Crosscheck.Report;

namespace Crosscheck.Crosschecking;

/// <summary>
/// The dated claims and events of each story in date order. A claim is dated by the calendar
/// expressions in its content (else in its sentence); "on December 14 and 15" becomes one entry
/// shown as "14-15 Dec 2024". An event shares the entry of a claim that reports it on the same date.
/// </summary>
internal static class TimelineBuilder
{
    public static ImmutableArray<DossierTimelineEntry> Build(List<ClaimGroup> groups, ImmutableArray<DossierEvent> events, EntityLinking linking)
    {
        var names = linking.Entities.ToDictionary(e => e.Id, e => e.Name, StringComparer.Ordinal);
        var entries = new List<DossierTimelineEntry>();
        foreach (var group in groups)
        {
            var dated = group.Mentions.FirstOrDefault(m => m.ContentDates.Count > 0) ?? group.Mentions.FirstOrDefault(m => m.Dates.Count > 0);
            if (dated is null) continue;
            var dates = dated.ContentDates.Count > 0 ? dated.ContentDates : dated.Dates;
            // Days make a range ("14-15 Dec 2024"); otherwise the first date the text gives stands: the main
            // clause's ("warnings in fall 2024 that troops had massed after the incursion in August") comes first.
            var days = dates.Where(d => DisplayDates.TryDay(d, out _)).Order(StringComparer.Ordinal).ToList();
            string first = days.Count > 0 ? days[0] : dates[0];
            string display = days.Count > 0 ? DisplayDates.OfRange(days) : DisplayDates.Of(first);
            var representative = group.Representative;
            string speaker = representative.SpeakerId is not null && names.TryGetValue(representative.SpeakerId, out var n) ? n
                : representative.SpeakerText ?? "";
            var linkedEvents = events.Where(e => e.Claims.Contains(group.Id) && e.Date is not null && DisplayDates.Compatible(e.Date, first)).Select(e => e.Id).ToList();
            entries.Add(new DossierTimelineEntry
            {
                Story = group.Story,
                Date = first,
                DisplayDate = display,
                Text = (speaker.Length > 0 ? speaker + ": " : "") + ContradictionFinder.Short(representative.Content),
                Claims = [group.Id],
                Events = [.. linkedEvents],
                Evidence = group.Evidence,
            });
        }
        var covered = new HashSet<string>(entries.SelectMany(e => e.Events), StringComparer.Ordinal);
        foreach (var e in events)
        {
            if (e.Date is null || !DisplayDates.IsCalendar(e.Date) || covered.Contains(e.Id)) continue;
            string what = e.SubType ?? e.Type;
            entries.Add(new DossierTimelineEntry
            {
                Story = e.Story,
                Date = e.Date,
                DisplayDate = DisplayDates.Of(e.Date),
                Text = what + (e.Place is null ? "" : " in " + e.Place) + (e.Actor1 is null ? "" : " (" + e.Actor1 + (e.Actor2 is null ? "" : " vs " + e.Actor2) + ")"),
                Claims = e.Claims,
                Events = [e.Id],
                Evidence = e.Evidence,
            });
        }
        // Time order, not text order: a week or a season sits where it begins, a wider period
        // before the days inside it.
        return [.. entries
            .OrderBy(e => DossierAssembler.StoryNumber(e.Story))
            .ThenBy(e => DisplayDates.Period(e.Date)?.Start ?? DateOnly.MaxValue)
            .ThenByDescending(e => DisplayDates.Period(e.Date)?.Days ?? 0)
            .ThenBy(e => e.Date, StringComparer.Ordinal)
            .ThenBy(e => e.Claims.IsEmpty ? "" : e.Claims[0], StringComparer.Ordinal)
            .ThenBy(e => e.Events.IsEmpty ? "" : e.Events[0], StringComparer.Ordinal)];
    }
}
