using System.Globalization;
using Crosscheck.Report;

namespace Crosscheck.Web;

/// <summary>Filters shared by the JSON API and the pages, so both answer the same question the same way.</summary>
internal static class Queries
{
    public static IEnumerable<StorySummary> Stories(DossierSnapshot snapshot, StoryFilter filter) =>
        snapshot.Summaries.Where(story => filter.Matches(snapshot, story));

    /// <summary>Claims whose speaker or one of whose origins is the entity.</summary>
    public static IEnumerable<DossierClaim> ClaimsOf(DossierSnapshot snapshot, string entityId) =>
        DossierView.Safe(snapshot.Dossier.Claims).Where(c => c.Speaker == entityId || DossierView.Safe(c.Origins).Contains(entityId));

    public static bool Contains(string? haystack, string needle) =>
        haystack is not null && haystack.Contains(needle, StringComparison.OrdinalIgnoreCase);
}

/// <summary>Stories in a time window (by publication dates), naming a place, or mentioning an entity (by id or name).</summary>
public sealed record StoryFilter(string? From = null, string? To = null, string? Place = null, string? Entity = null)
{
    /// <summary>A message for a filter value that cannot be used, or null.</summary>
    public string? Problem =>
        From is not null && !IsDate(From) ? $"'from' must be a date YYYY-MM-DD, not '{From}'"
        : To is not null && !IsDate(To) ? $"'to' must be a date YYYY-MM-DD, not '{To}'"
        : null;

    internal bool Matches(DossierSnapshot snapshot, StorySummary story)
    {
        if (!string.IsNullOrWhiteSpace(From) && (story.LastPublished is null || string.CompareOrdinal(story.LastPublished, From) < 0)) return false;
        if (!string.IsNullOrWhiteSpace(To) && (story.FirstPublished is null || string.CompareOrdinal(story.FirstPublished, To) > 0)) return false;
        if (!string.IsNullOrWhiteSpace(Place) && !story.Places.Any(p => Queries.Contains(p, Place.Trim()))) return false;
        if (!string.IsNullOrWhiteSpace(Entity))
        {
            var wanted = Entity.Trim();
            if (!story.Entities.Any(id => id == wanted || snapshot.View.Entity(id) is { } e
                && (Queries.Contains(e.Name, wanted) || DossierView.Safe(e.Aliases).Any(a => Queries.Contains(a, wanted))))) return false;
        }
        return true;
    }

    private static bool IsDate(string value) => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
}

/// <summary>Claims by status, number of independent origins ("0", "1", "2+", "3"), speaker (name or id) and story.</summary>
public sealed record ClaimFilter(string? Status = null, string? OriginsText = null, string? Speaker = null, string? Story = null)
{
    private static readonly HashSet<string> Statuses = ["asserted", "claimed", "alleged", "denied", "confirmed", "unverified", "disputed"];

    public string? Problem =>
        !string.IsNullOrEmpty(Status) && !Statuses.Contains(Status) ? $"'status' must be one of {string.Join(", ", Statuses)}, not '{Status}'"
        : !string.IsNullOrEmpty(OriginsText) && ParseOrigins(OriginsText) is null ? $"'origins' must be a count (\"1\") or a minimum (\"2+\"), not '{OriginsText}'"
        : null;

    internal bool Matches(DossierClaim claim, DossierView? view = null)
    {
        if (!string.IsNullOrEmpty(Status) && claim.Status != Status) return false;
        if (!string.IsNullOrEmpty(Story) && claim.Story != Story) return false;
        if (!string.IsNullOrEmpty(OriginsText) && ParseOrigins(OriginsText) is { } origins)
        {
            if (origins.AtLeast ? claim.IndependentOrigins < origins.Count : claim.IndependentOrigins != origins.Count) return false;
        }
        if (!string.IsNullOrWhiteSpace(Speaker))
        {
            var wanted = Speaker.Trim();
            if (claim.Speaker != wanted && !Queries.Contains(claim.SpeakerText, wanted)
                && !(view is not null && Queries.Contains(view.SpeakerLabel(claim), wanted))) return false;
        }
        return true;
    }

    private static (int Count, bool AtLeast)? ParseOrigins(string text)
    {
        var atLeast = text.EndsWith('+');
        return int.TryParse(atLeast ? text[..^1] : text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count <= 1000 ? (count, atLeast) : null;
    }
}
