using System.Collections.Immutable;
using System.Globalization;

namespace Crosscheck.Report;

/// <summary>
/// Checks the promises docs/dossier.md makes that a JSON schema cannot express: every id a
/// field refers to exists, every span fits its report's text (0 &lt;= start &lt;= end &lt;=
/// length), a time's or quantity's <c>text</c> is exactly the words its offsets cover, ids are
/// unique and a report belongs to at most one story. For builders' tests and a CLI --check.
/// </summary>
public static class DossierChecks
{
    /// <summary>Every broken promise, one sentence each, in a stable order; empty when the dossier is sound.</summary>
    public static ImmutableArray<string> Check(Dossier dossier)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        var problems = ImmutableArray.CreateBuilder<string>();
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var article in DossierView.Safe(dossier.Articles))
        {
            if (!texts.TryAdd(article.Id, article.Text ?? "")) problems.Add($"Article id '{article.Id}' is used twice.");
        }
        var stories = Unique(DossierView.Safe(dossier.Stories).Select(s => s.Id), "story", problems);
        var entities = Unique(DossierView.Safe(dossier.Entities).Select(e => e.Id), "entity", problems);
        var claims = Unique(DossierView.Safe(dossier.Claims).Select(c => c.Id), "claim", problems);
        var events = Unique(DossierView.Safe(dossier.Events).Select(e => e.Id), "event", problems);
        Unique(DossierView.Safe(dossier.Contradictions).Select(c => c.Id), "contradiction", problems);

        var storyOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var story in DossierView.Safe(dossier.Stories))
        {
            foreach (var id in DossierView.Safe(story.Articles))
            {
                RefersTo(texts.ContainsKey(id), $"Story '{story.Id}'", "article", id, problems);
                if (storyOf.TryGetValue(id, out var other) && other != story.Id) problems.Add($"Article '{id}' is in stories '{other}' and '{story.Id}'.");
                else storyOf[id] = story.Id;
            }
        }
        foreach (var entity in DossierView.Safe(dossier.Entities))
        {
            foreach (var m in DossierView.Safe(entity.Mentions)) Span(m, $"Entity '{entity.Id}' mention", texts, problems);
        }
        foreach (var time in DossierView.Safe(dossier.Times))
        {
            Span(new Evidence(time.Article, time.Start, time.End), $"Time '{time.Text}'", texts, problems, time.Text);
        }
        foreach (var q in DossierView.Safe(dossier.Quantities))
        {
            Span(new Evidence(q.Article, q.Start, q.End), $"Quantity '{q.Text}'", texts, problems, q.Text);
            if (q.Min is { } min && q.Max is { } max && min > max)
            {
                problems.Add(FormattableString.Invariant($"Quantity '{q.Text}' in '{q.Article}' has min {min} above max {max}."));
            }
        }
        foreach (var claim in DossierView.Safe(dossier.Claims))
        {
            var owner = $"Claim '{claim.Id}'";
            RefersTo(stories.Contains(claim.Story), owner, "story", claim.Story, problems);
            if (claim.Speaker is not null) RefersTo(entities.Contains(claim.Speaker), owner, "speaker entity", claim.Speaker, problems);
            foreach (var id in DossierView.Safe(claim.Origins)) RefersTo(entities.Contains(id), owner, "origin entity", id, problems);
            foreach (var id in DossierView.Safe(claim.Articles)) RefersTo(texts.ContainsKey(id), owner, "article", id, problems);
            foreach (var e in DossierView.Safe(claim.Evidence)) Span(e, owner + " evidence", texts, problems);
            if (claim.IndependentOrigins < 0) problems.Add($"{owner} has a negative number of independent origins.");
        }
        foreach (var ev in DossierView.Safe(dossier.Events))
        {
            var owner = $"Event '{ev.Id}'";
            RefersTo(stories.Contains(ev.Story), owner, "story", ev.Story, problems);
            foreach (var id in DossierView.Safe(ev.Claims)) RefersTo(claims.Contains(id), owner, "claim", id, problems);
            foreach (var id in DossierView.Safe(ev.Articles)) RefersTo(texts.ContainsKey(id), owner, "article", id, problems);
            foreach (var e in DossierView.Safe(ev.Evidence)) Span(e, owner + " evidence", texts, problems);
        }
        foreach (var c in DossierView.Safe(dossier.Contradictions))
        {
            var owner = $"Contradiction '{c.Id}'";
            RefersTo(stories.Contains(c.Story), owner, "story", c.Story, problems);
            foreach (var id in DossierView.Safe(c.Claims)) RefersTo(claims.Contains(id), owner, "claim", id, problems);
            foreach (var e in DossierView.Safe(c.Evidence)) Span(e, owner + " evidence", texts, problems);
        }
        foreach (var t in DossierView.Safe(dossier.Timeline))
        {
            var owner = $"Timeline entry '{t.DisplayDate}'";
            RefersTo(stories.Contains(t.Story), owner, "story", t.Story, problems);
            foreach (var id in DossierView.Safe(t.Claims)) RefersTo(claims.Contains(id), owner, "claim", id, problems);
            foreach (var id in DossierView.Safe(t.Events)) RefersTo(events.Contains(id), owner, "event", id, problems);
            foreach (var e in DossierView.Safe(t.Evidence)) Span(e, owner + " evidence", texts, problems);
        }
        return problems.ToImmutable();
    }

    private static HashSet<string> Unique(IEnumerable<string> ids, string what, ImmutableArray<string>.Builder problems)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (!seen.Add(id)) problems.Add($"The {what} id '{id}' is used twice.");
        }
        return seen;
    }

    private static void RefersTo(bool exists, string owner, string what, string? id, ImmutableArray<string>.Builder problems)
    {
        if (!exists) problems.Add($"{owner} refers to {what} '{id}', which the dossier does not define.");
    }

    private static void Span(Evidence e, string owner, Dictionary<string, string> texts, ImmutableArray<string>.Builder problems, string? expectedText = null)
    {
        if (!texts.TryGetValue(e.Article ?? "", out var text))
        {
            problems.Add($"{owner} points into article '{e.Article}', which the dossier does not define.");
            return;
        }
        if (e.Start < 0 || e.End < e.Start || e.End > text.Length)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{owner} has offsets [{e.Start}, {e.End}) outside article '{e.Article}' (length {text.Length})."));
            return;
        }
        if (expectedText is not null && !text.AsSpan(e.Start, e.End - e.Start).SequenceEqual(expectedText))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{owner} says its words are '{expectedText}' but [{e.Start}, {e.End}) of '{e.Article}' is '{text[e.Start..e.End]}'."));
        }
    }
}
