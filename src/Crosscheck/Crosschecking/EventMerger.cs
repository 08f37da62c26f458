using System.Collections.Immutable;
using System.Globalization;
using Crosscheck.Events;
using Crosscheck.Quantities;
using Crosscheck.Report;

namespace Crosscheck.Crosschecking;

/// <summary>
/// Merges the events each report describes into one event per real occurrence within a story:
/// same type, dates that can be the same day (one contains the other or they are a day apart),
/// and places that can be the same (same name, same gazetteer id, or one unknown).
/// </summary>
internal static class EventMerger
{
    public static ImmutableArray<DossierEvent> Merge(List<ArticleView> views, List<ClaimGroup> claims)
    {
        var merged = new List<List<(ArticleView View, NewsEvent Event)>>();
        foreach (var storyViews in views.GroupBy(v => v.Story))
        {
            var storyEvents = new List<List<(ArticleView View, NewsEvent Event)>>();
            foreach (var view in storyViews)
            {
                foreach (var e in view.Analyzed.Items(Layers.Events).OrderBy(e => e.Evidence))
                {
                    // An event joins a group only when it fits every member: fitting any one would let
                    // an undated, unplaced event chain battles of different days and places together.
                    var group = storyEvents.FirstOrDefault(g => g.All(m => SameEvent(m.View, m.Event, view, e)));
                    if (group is null)
                    {
                        group = [];
                        storyEvents.Add(group);
                    }
                    group.Add((view, e));
                }
            }
            merged.AddRange(storyEvents);
        }

        var ordered = merged
            .OrderBy(g => DossierAssembler.StoryNumber(g[0].View.Story))
            .ThenBy(g => g[0].View.Order).ThenBy(g => g[0].Event.Evidence.Start).ToList();
        var index = new ClaimIndex(claims);
        var result = new List<DossierEvent>(ordered.Count);
        for (int i = 0; i < ordered.Count; i++) result.Add(ToDossierEvent("e" + (i + 1).ToString(CultureInfo.InvariantCulture), ordered[i], index));
        return [.. result];
    }

    private static bool SameEvent(ArticleView va, NewsEvent a, ArticleView vb, NewsEvent b)
    {
        if (!string.Equals(a.EventType, b.EventType, StringComparison.OrdinalIgnoreCase)) return false;
        if (a.SubEventType is not null && b.SubEventType is not null && !string.Equals(a.SubEventType, b.SubEventType, StringComparison.OrdinalIgnoreCase)) return false;
        if (!DatesCompatible(a, b)) return false;
        return PlacesCompatible(va, a, vb, b);
    }

    private static bool DatesCompatible(NewsEvent ea, NewsEvent eb)
    {
        string? a = ea.Date, b = eb.Date;
        if (a is null || b is null) return true;
        if (DisplayDates.Compatible(a, b)) return true;
        if (!DisplayDates.TryDay(a, out var da) || !DisplayDates.TryDay(b, out var db)) return false;
        // A date known only as the day of the report or statement: the event happened that day or in the week before.
        if (ea.Precision == DatePrecision.Week && db.DayNumber <= da.DayNumber + 1 && db.DayNumber >= da.DayNumber - 7) return true;
        if (eb.Precision == DatePrecision.Week && da.DayNumber <= db.DayNumber + 1 && da.DayNumber >= db.DayNumber - 7) return true;
        // Reports of a night attack disagree on the day by one; a span of days ("14 and 15 December") holds its last day.
        int aEnd = ea.EndDate is { } ae && DisplayDates.TryDay(ae, out var dae) ? dae.DayNumber : da.DayNumber;
        int bEnd = eb.EndDate is { } be && DisplayDates.TryDay(be, out var dbe) ? dbe.DayNumber : db.DayNumber;
        return db.DayNumber <= aEnd + 1 && da.DayNumber <= bEnd + 1;
    }

    private static bool PlacesCompatible(ArticleView va, NewsEvent a, ArticleView vb, NewsEvent b)
    {
        if (a.Place is not Span pa || b.Place is not Span pb) return true;
        if (string.Equals(va.Slice(pa).Trim(), vb.Slice(pb).Trim(), StringComparison.OrdinalIgnoreCase)) return true;
        // "in Russia" and "near Kursk": a place known only as its country or region holds the places inside it.
        if (a.Location is { } la && b.Location is { } lb && (Encloses(la, lb) || Encloses(lb, la))) return true;
        var ka = va.PlacesWithin(pa);
        var kb = vb.PlacesWithin(pb);
        if (ka.Overlaps(kb)) return true;
        // Resolved places close to each other are one place written two ways.
        foreach (var x in va.Places)
        {
            if (!x.Span.Overlaps(pa)) continue;
            foreach (var y in vb.Places)
            {
                if (y.Span.Overlaps(pb) && Kilometres(x.Latitude, x.Longitude, y.Latitude, y.Longitude) <= 25) return true;
            }
        }
        return false;
    }

    /// <summary>The value most members give (the first of them on a tie), or null when none gives one.</summary>
    private static string? MostNamed(IEnumerable<string?> values) =>
        values.OfType<string>().Select((v, i) => (v, i)).GroupBy(x => x.v, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Min(x => x.i)).Select(g => g.Key).FirstOrDefault();

    private static bool Encloses(Places.ResolvedPlace outer, Places.ResolvedPlace inner) =>
        outer.CountryCode is not null && outer.CountryCode == inner.CountryCode
        && (outer.Precision == Places.PlacePrecision.Country || outer.Precision == Places.PlacePrecision.Region && outer.Admin1 is not null && outer.Admin1 == inner.Admin1);

    internal static double Kilometres(double lat1, double lon1, double lat2, double lon2)
    {
        const double EarthRadius = 6371.0;
        double dLat = (lat2 - lat1) * Math.PI / 180, dLon = (lon2 - lon1) * Math.PI / 180;
        double h = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
            + Math.Cos(lat1 * Math.PI / 180) * Math.Cos(lat2 * Math.PI / 180) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadius * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    private static string ReadableCasualty(CasualtyKind kind) =>
        kind == CasualtyKind.KilledOrWounded ? "killed or wounded" : DossierAssembler.CasualtyName(kind);

    private static DossierEvent ToDossierEvent(string id, List<(ArticleView View, NewsEvent Event)> members, ClaimIndex claims)
    {
        var first = members[0];
        // The most precise date a member gives: a day the text names before the day of a statement.
        var dated = members.Where(m => m.Event.Date is not null)
            .OrderBy(m => m.Event.Precision).ThenByDescending(m => m.Event.Date!.Length).ThenBy(m => m.Event.Date, StringComparer.Ordinal).FirstOrDefault();
        string? date = dated.Event?.Date;
        string? endDate = members.Where(m => m.Event.Date == date && m.Event.EndDate is not null).Select(m => m.Event.EndDate).Max(StringComparer.Ordinal);
        // One village written "Vorozhba" and "Vorojba" is one entity: the first spelling stands for it.
        var near = members.SelectMany(m => m.Event.NearPlaces.IsDefault ? [] : m.Event.NearPlaces
                .Select(p => (Name: m.View.Slice(p).Trim(), Key: m.View.EntityIdsWithin(p).Order(StringComparer.Ordinal).FirstOrDefault())))
            .DistinctBy(p => p.Key ?? p.Name, StringComparer.OrdinalIgnoreCase).Select(p => p.Name)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var withPlace = members.FirstOrDefault(m => m.Event.Place is not null);
        double? killed = null, wounded = null, killedOrWounded = null;
        // "At least 30" opening one report's sentence and "at least 30" inside another's are one figure.
        var figures = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (view, e) in members)
        {
            if (!NewsEvent.CountsCasualties(e.EventType)) continue;
            foreach (var q in view.Quantities)
            {
                if (!e.Evidence.Contains(q.Span) || q.Casualty is not CasualtyKind kind || (q.Min ?? q.Max) is not double value) continue;
                figures.Add($"{ReadableCasualty(kind)} {view.Slice(q.Span)}");
                switch (kind)
                {
                    case CasualtyKind.Killed: killed = Math.Max(killed ?? 0, value); break;
                    case CasualtyKind.Wounded: wounded = Math.Max(wounded ?? 0, value); break;
                    case CasualtyKind.KilledOrWounded: killedOrWounded = Math.Max(killedOrWounded ?? 0, value); break;
                }
            }
        }
        var claimIds = members.SelectMany(m => claims.Overlapping(m.View, m.Event.Evidence))
            .Distinct().OrderBy(c => c.Id.Length).ThenBy(c => c.Id, StringComparer.Ordinal).Select(c => c.Id).ToList();
        int reports = members.Select(m => m.View.Id).Distinct(StringComparer.Ordinal).Count();
        string? note = reports > 1 ? $"described by {reports} reports" : null;
        if (figures.Count > 1) note = (note is null ? "" : note + "; ") + "figures given: " + string.Join(", ", figures.Order(StringComparer.OrdinalIgnoreCase));
        return new DossierEvent
        {
            Id = id,
            Story = first.View.Story,
            Type = first.Event.EventType,
            SubType = members.Select(m => m.Event.SubEventType).FirstOrDefault(s => s is not null),
            Date = date,
            EndDate = endDate,
            Near = [.. near],
            Place = withPlace.Event?.Place is Span p ? withPlace.View.Slice(p).Trim() : null,
            // The sides most members name: one report's sentence may put the allies first.
            Actor1 = MostNamed(members.Select(m => m.Event.Actor1)),
            Actor2 = MostNamed(members.Select(m => m.Event.Actor2)),
            AssociatedActors1 = [.. members.SelectMany(m => m.Event.AssociatedActors.IsDefault ? [] : m.Event.AssociatedActors)
                .Where(a => a != MostNamed(members.Select(m => m.Event.Actor1)) && a != MostNamed(members.Select(m => m.Event.Actor2)))
                .Distinct(StringComparer.Ordinal)],
            Fatalities = killed,
            Wounded = wounded,
            KilledOrWounded = killedOrWounded,
            Evidence = [.. members.Select(m => new Evidence(m.View.Id, m.Event.Evidence.Start, m.Event.Evidence.End))],
            Articles = [.. members.OrderBy(m => m.View.Order).Select(m => m.View.Id).Distinct(StringComparer.Ordinal)],
            Claims = [.. claimIds],
            Note = note,
        };
    }
}
