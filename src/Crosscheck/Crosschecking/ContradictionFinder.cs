using System.Collections.Immutable;
using System.Globalization;
using Crosscheck.Claims;
using Crosscheck.Entities;
using Crosscheck.Quantities;
using Crosscheck.Report;

namespace Crosscheck.Crosschecking;

/// <summary>
/// Finds where the reports of a story disagree: figures for the same thing at the same place and
/// time that do not overlap ("quantity"), a denial against an assertion of the same proposition
/// ("status", with a denial against a refusal to confirm shown as tension), and figures that one
/// report itself presents as superseding another ("change": "800, down from 1,400").
/// </summary>
internal static class ContradictionFinder
{
    private static readonly string[] ChangeCues =
    [
        "down from", "up from", "from previous", "from an earlier", "from earlier", "previously", "previous", "compared with",
        "compared to", "revised from", "rose from", "fell from", "instead of", "earlier estimate", "earlier figure", "than the",
    ];

    private static readonly string[] UpdateCues =
    [
        "rose to", "risen to", "climbed to", "increased to", "jumped to", "grew to", "now", "updated", "revised", "latest",
        "new toll", "so far", "has reached", "had reached",
    ];

    private sealed record QuantityFact(ArticleView View, Quantity Quantity, NormalizedAmount Amount, string Slot, Span Sentence, List<string> Dates, HashSet<string> Places)
    {
        public HashSet<string> SentenceWords { get; } = ContentWords.Of(View.Slice(Sentence));
        public string? Counted { get; } = string.IsNullOrWhiteSpace(Quantity.Counted) ? null : ContentWords.Head(Quantity.Counted);

        /// <summary>All the words of the counted phrase ("north korean troop"), for plain counts.</summary>
        public string? CountedPhrase { get; } = string.IsNullOrWhiteSpace(Quantity.Counted) ? null
            : string.Join(' ', ContentWords.Of(Quantity.Counted).Order(StringComparer.Ordinal));

        public string Text => View.Slice(Quantity.Span).Trim();
        public Evidence Evidence => new(View.Id, Quantity.Span.Start, Quantity.Span.End);
    }

    public static ImmutableArray<DossierContradiction> Find(List<ArticleView> views, List<ClaimGroup> groups, EntityLinking linking)
    {
        var found = new List<DossierContradiction>();
        var index = new ClaimIndex(groups);
        var facts = Facts(views);
        var superseded = new HashSet<QuantityFact>();
        found.AddRange(Changes(facts, index, superseded));
        found.AddRange(QuantityDisagreements(facts, index, superseded));
        found.AddRange(StatusConflicts(groups, linking));
        var ordered = found
            .OrderBy(c => DossierAssembler.StoryNumber(c.Story))
            .ThenBy(c => c.Kind, StringComparer.Ordinal)
            .ThenBy(c => c.Evidence.IsEmpty ? "" : c.Evidence[0].Article, StringComparer.Ordinal)
            .ThenBy(c => c.Evidence.IsEmpty ? 0 : c.Evidence[0].Start)
            .ToList();
        return [.. ordered.Select((c, i) => c with { Id = "x" + (i + 1).ToString(CultureInfo.InvariantCulture) })];
    }

    private static List<QuantityFact> Facts(List<ArticleView> views)
    {
        var facts = new List<QuantityFact>();
        foreach (var view in views)
        {
            foreach (var q in view.Quantities.OrderBy(q => q.Span))
            {
                if (Units.Normalize(q.Min, q.Max, q.Unit) is not NormalizedAmount amount) continue;
                string? slot = SlotOf(q, amount);
                if (slot is null) continue;
                var sentence = view.SentenceAround(q.Span);
                facts.Add(new QuantityFact(view, q, amount, slot, sentence, view.DatesWithin(sentence), view.PlacesWithin(sentence)));
            }
        }
        return facts;
    }

    /// <summary>What a figure measures: a casualty kind, a physical dimension, or a counted noun; null when unknown.</summary>
    private static string? SlotOf(Quantity q, NormalizedAmount amount)
    {
        if (q.Casualty is CasualtyKind kind) return DossierAssembler.CasualtyName(kind) + "|" + amount.Dimension;
        if (amount.Dimension is "area" or "length" or "mass" or "volume") return amount.Dimension;
        if (!string.IsNullOrWhiteSpace(q.Counted)) return "count|" + amount.Dimension;
        return null;
    }

    private static IEnumerable<DossierContradiction> Changes(List<QuantityFact> facts, ClaimIndex groups, HashSet<QuantityFact> superseded)
    {
        var seen = new HashSet<(string, double, double, double, double)>();
        foreach (var sentenceFacts in facts.GroupBy(f => (f.View, f.Sentence)))
        {
            var list = sentenceFacts.ToList();
            for (int i = 0; i + 1 < list.Count; i++)
            {
                var (current, earlier) = (list[i], list[i + 1]);
                if (current.Amount.Dimension != earlier.Amount.Dimension || current.Amount.Agrees(earlier.Amount, 0)) continue;
                int gapStart = current.Quantity.Span.End, gapEnd = earlier.Quantity.Span.Start;
                if (gapEnd < gapStart || gapEnd - gapStart > 160 || gapEnd > current.View.Text.Length) continue;
                var between = current.View.Text.Substring(gapStart, gapEnd - gapStart);
                string? cue = ChangeCues.FirstOrDefault(c => between.Contains(c, StringComparison.OrdinalIgnoreCase));
                if (cue is null) continue;
                superseded.Add(earlier);
                // Copies of a report state the same change: say it once.
                if (!seen.Add((current.View.Story, current.Amount.Min, current.Amount.Max, earlier.Amount.Min, earlier.Amount.Max))) continue;
                yield return new DossierContradiction
                {
                    Id = "",
                    Story = current.View.Story,
                    Kind = "change",
                    Claims = ClaimsContaining(groups, current, earlier),
                    Explanation = $"{current.Text} is given as the current figure, \"{cue}\" {earlier.Text}: a change over time, not a contradiction.",
                    Evidence = [current.Evidence, earlier.Evidence],
                };
            }
        }
    }

    private static IEnumerable<DossierContradiction> QuantityDisagreements(List<QuantityFact> facts, ClaimIndex groups, HashSet<QuantityFact> superseded)
    {
        foreach (var slot in facts.Where(f => !superseded.Contains(f)).GroupBy(f => (f.View.Story, f.Slot)))
        {
            // Copies and relays repeat the same figure in the same context: compare one of each
            // kind, so cost and output grow with the distinct figures, not with the reports.
            var list = slot
                .GroupBy(f => (f.Amount.Min, f.Amount.Max, f.Quantity.Unit, f.CountedPhrase, Dates: string.Join(' ', f.Dates), Places: string.Join(' ', f.Places.Order(StringComparer.Ordinal))))
                .Select(g => g.First())
                .ToList();
            var disagreements = new List<(QuantityFact A, QuantityFact B, DossierContradiction Found)>();
            for (int i = 0; i < list.Count; i++)
            {
                for (int j = i + 1; j < list.Count; j++)
                {
                    var (a, b) = (list[i], list[j]);
                    if (ReferenceEquals(a.View, b.View) || !SameThing(a, b) || !SameTimeAndPlace(a, b)) continue;
                    if (a.Amount.Agrees(b.Amount, ClaimMention.QuantityTolerance))
                    {
                        NoteUnitAgreement(groups, a, b);
                        continue;
                    }
                    var found = Disagreement(groups, a, b);
                    if (found.Kind == "quantity") disagreements.Add((a, b, found));
                    else yield return found;
                }
            }
            // Many reports with many figures would give one contradiction per pair; a reader needs
            // one entry per disputed figure that lists every version of it.
            if (disagreements.Count == 1) yield return disagreements[0].Found;
            else if (disagreements.Count > 1) yield return Summary(groups, disagreements.Select(d => (d.A, d.B)).ToList());
        }
    }

    private const int MaxFiguresListed = 12;

    /// <summary>"number killed", "troops", "area": what the disputed figures measure, in words.</summary>
    private static string WhatIsMeasured(QuantityFact a, QuantityFact? b) =>
        a.Quantity.Casualty is CasualtyKind kind ? KindWords(kind) : a.Counted ?? b?.Counted ?? a.Slot.Split('|')[0];

    private static DossierContradiction Summary(ClaimIndex groups, List<(QuantityFact A, QuantityFact B)> pairs)
    {
        var facts = pairs.SelectMany(p => new[] { p.A, p.B }).Distinct()
            .OrderBy(f => f.Amount.Typical).ThenBy(f => f.View.Id, StringComparer.Ordinal).ToList();
        // Reports that give the same figure are one version of it, listed together.
        var versions = facts.GroupBy(f => (f.Amount.Min, f.Amount.Max)).ToList();
        var first = facts[0];
        string what = WhatIsMeasured(first, null);
        var listed = versions.Take(MaxFiguresListed)
            .Select(v => $"{v.First().Text} ({string.Join(", ", v.Select(f => f.View.Id).Distinct(StringComparer.Ordinal))})");
        string more = versions.Count > MaxFiguresListed ? $" and {versions.Count - MaxFiguresListed} more" : "";
        return new DossierContradiction
        {
            Id = "",
            Story = first.View.Story,
            Kind = "quantity",
            Claims = [.. pairs.SelectMany(p => ClaimsContaining(groups, p.A, p.B)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            Explanation = FormattableString.Invariant($"{versions.Count} different figures for the same {what}{Context(first, facts[^1])}: {string.Join("; ", listed)}{more}; they do not overlap even allowing {ClaimMention.QuantityTolerance:P0} for rounding."),
            Evidence = [.. versions.Take(MaxFiguresListed).SelectMany(v => v).Take(4 * MaxFiguresListed).Select(f => f.Evidence)],
        };
    }

    private static DossierContradiction Disagreement(ClaimIndex groups, QuantityFact a, QuantityFact b)
    {
        var (earlier, later) = (a.View.Article.Published.Date, b.View.Article.Published.Date) switch
        {
            (DateOnly da, DateOnly db) when da < db => (a, b),
            (DateOnly da, DateOnly db) when db < da => (b, a),
            _ => (null, null),
        };
        if (earlier is not null && later is not null)
        {
            var sentence = later.View.Slice(later.Sentence);
            string? cue = UpdateCues.FirstOrDefault(c => ContainsWord(sentence, c));
            if (cue is not null)
            {
                return new DossierContradiction
                {
                    Id = "",
                    Story = a.View.Story,
                    Kind = "change",
                    Claims = ClaimsContaining(groups, earlier, later),
                    Explanation = FormattableString.Invariant($"{later.View.Id} ({later.View.Article.Published.Date:yyyy-MM-dd}) updates {earlier.Text} in {earlier.View.Id} to {later.Text} (\"{cue}\"): a later figure, not a contradiction."),
                    Evidence = [earlier.Evidence, later.Evidence],
                };
            }
        }
        string what = WhatIsMeasured(a, b);
        return new DossierContradiction
        {
            Id = "",
            Story = a.View.Story,
            Kind = "quantity",
            Claims = ClaimsContaining(groups, a, b),
            Explanation = FormattableString.Invariant($"{a.View.Id} gives {a.Text} and {b.View.Id} gives {b.Text} for the same {what}{Context(a, b)}: the figures do not overlap even allowing {ClaimMention.QuantityTolerance:P0} for rounding."),
            Evidence = [a.Evidence, b.Evidence],
        };
    }

    private static string Context(QuantityFact a, QuantityFact b)
    {
        var dates = a.Dates.Count > 0 ? a.Dates : b.Dates;
        return dates.Count > 0 ? " on " + DisplayDates.OfRange(dates) : "";
    }

    private static string KindWords(CasualtyKind kind) => kind switch
    {
        CasualtyKind.KilledOrWounded => "number killed or wounded",
        CasualtyKind.Killed => "number killed",
        CasualtyKind.Wounded => "number wounded",
        CasualtyKind.Missing => "number missing",
        _ => "number captured",
    };

    /// <summary>
    /// Whether two figures can be about the same thing: the same counted noun when both name one
    /// ("12 civilians killed" is not "30 soldiers killed"); plain counts must also come from
    /// sentences about the same matter ("11,000 troops" sent, not "100,000 troops" defending).
    /// </summary>
    private const double PhysicalMeasureFactor = 10;

    private static bool SameThing(QuantityFact a, QuantityFact b)
    {
        // An area or a distance is the same measure whatever noun the extractor took as counted
        // ("territory", "the Kursk region") -- unless the figures are an order of magnitude apart:
        // a dam's 40 m height and a town 9 km downstream are two measures, not a disagreement.
        if (a.Amount.Dimension is "area" or "length" or "mass" or "volume") return a.Amount.SameOrderAs(b.Amount, PhysicalMeasureFactor);
        if (a.Slot.StartsWith("count|", StringComparison.Ordinal))
        {
            // Plain counts need the very same counted phrase ("North Korean troops" is not
            // "troops"), sentences about the same matter, and a place or date they share.
            return a.CountedPhrase is not null && a.CountedPhrase == b.CountedPhrase
                && ContentWords.Dice(a.SentenceWords, b.SentenceWords) >= 0.3
                && (a.Places.Overlaps(b.Places) || a.Dates.Any(x => b.Dates.Any(y => DisplayDates.Compatible(x, y))));
        }
        return a.Counted is null || b.Counted is null || a.Counted == b.Counted;
    }

    private static bool SameTimeAndPlace(QuantityFact a, QuantityFact b)
    {
        if (a.Dates.Count > 0 && b.Dates.Count > 0 && !a.Dates.Any(x => b.Dates.Any(y => DisplayDates.Compatible(x, y)))) return false;
        if (a.Places.Count > 0 && b.Places.Count > 0 && !a.Places.Overlaps(b.Places)) return false;
        return true;
    }

    private static void NoteUnitAgreement(ClaimIndex groups, QuantityFact a, QuantityFact b)
    {
        if (string.Equals(a.Quantity.Unit.Trim(), b.Quantity.Unit.Trim(), StringComparison.OrdinalIgnoreCase)) return;
        // Show the converted value of the one not already in the base unit.
        var other = InBaseUnit(a) ? b : a;
        // "some 300 square miles" is [270, 330]: show the converted middle, the figure the report gave.
        double converted = double.IsFinite(other.Amount.Min) && double.IsFinite(other.Amount.Max)
            ? (other.Amount.Min + other.Amount.Max) / 2
            : double.IsFinite(other.Amount.Min) ? other.Amount.Min : other.Amount.Max;
        string note = $"{a.Text} ({a.View.Id}) and {b.Text} ({b.View.Id}) agree: {other.Text} is about {converted.ToString("#,0.#", CultureInfo.InvariantCulture)} {other.Amount.BaseUnit}.";
        foreach (var group in Holding(groups, a, b))
        {
            if (!group.Notes.Contains(note)) group.Notes.Add(note);
        }
    }

    private static bool InBaseUnit(QuantityFact fact)
    {
        if ((fact.Quantity.Min ?? fact.Quantity.Max) is not double value) return true;
        double normalized = fact.Quantity.Min is not null ? fact.Amount.Min : fact.Amount.Max;
        return Math.Abs(normalized - value) <= 1e-9 * Math.Max(1, Math.Abs(value));
    }

    private static IEnumerable<ClaimGroup> Holding(ClaimIndex groups, QuantityFact a, QuantityFact b) =>
        groups.Containing(a.View, a.Quantity.Span).Concat(groups.Containing(b.View, b.Quantity.Span)).Distinct();

    private static ImmutableArray<string> ClaimsContaining(ClaimIndex groups, QuantityFact a, QuantityFact b) =>
        [.. Holding(groups, a, b).Select(g => g.Id).OrderBy(id => id.Length).ThenBy(id => id, StringComparer.Ordinal)];

    private static IEnumerable<DossierContradiction> StatusConflicts(List<ClaimGroup> groups, EntityLinking linking)
    {
        var names = linking.Entities.ToDictionary(e => e.Id, e => e.Name, StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var denial = group.Mentions.FirstOrDefault(m => m.Attribution.Status == ClaimStatus.Denied);
            if (denial is null) continue;
            var affirmation = group.Mentions.FirstOrDefault(m => IsAffirmation(m.Attribution.Status));
            if (affirmation is null)
            {
                var unconfirmed = group.Mentions.FirstOrDefault(m => m.Attribution.Status == ClaimStatus.Unverified);
                if (unconfirmed is not null) yield return Tension(group.Story, [group.Id], denial, unconfirmed, names);
                continue;
            }
            yield return new DossierContradiction
            {
                Id = "",
                Story = group.Story,
                Kind = "status",
                Claims = [group.Id],
                Explanation = $"{Speaker(denial, names)} denies what {Speaker(affirmation, names)} {Verb(affirmation.Attribution.Status)}: \"{Short(affirmation.Content)}\".",
                Evidence = [Evidence(affirmation), Evidence(denial)],
            };
        }
        foreach (var story in groups.GroupBy(g => g.Story))
        {
            // Only groups that deny can conflict, so pair those with the rest (few against many).
            var list = story.ToList();
            var denials = list.Where(g => g.Status == ClaimStatus.Denied).ToList();
            foreach (var denial in denials)
            {
                foreach (var other in list)
                {
                    if (ReferenceEquals(denial, other) || other.Status == ClaimStatus.Denied) continue;
                    if (ConflictBetween(denial, other, names) is { } conflict) yield return conflict;
                }
            }
        }
    }

    private static DossierContradiction? ConflictBetween(ClaimGroup a, ClaimGroup b, Dictionary<string, string> names)
    {
        var (sa, sb) = (a.Status, b.Status);
        bool aDenies = sa == ClaimStatus.Denied, bDenies = sb == ClaimStatus.Denied;
        if (aDenies == bDenies) return null;
        var (denial, other) = aDenies ? (a, b) : (b, a);
        var otherStatus = other.Status;
        bool tension = otherStatus == ClaimStatus.Unverified;
        if (!tension && !IsAffirmation(otherStatus)) return null;
        bool sameSpeaker = denial.Mentions.Any(m => m.SpeakerId is not null && other.Mentions.Any(o => o.SpeakerId == m.SpeakerId));
        double similarity = denial.BestSimilarity(other);
        if (similarity < (sameSpeaker ? 0.2 : 0.45)) return null;
        var d = denial.First;
        var o = other.Mentions.FirstOrDefault(m => m.Attribution.Status == otherStatus) ?? other.First;
        if (tension) return Tension(denial.Story, [.. new[] { denial.Id, other.Id }.Order(StringComparer.Ordinal)], d, o, names);
        string explanation = $"{Speaker(d, names)} denies \"{Short(d.Content)}\" while {Speaker(o, names)} {Verb(otherStatus)} \"{Short(o.Content)}\".";
        return new DossierContradiction
        {
            Id = "",
            Story = denial.Story,
            Kind = "status",
            Claims = [.. new[] { denial.Id, other.Id }.Order(StringComparer.Ordinal)],
            Explanation = explanation,
            Evidence = [Evidence(d), Evidence(o)],
        };
    }

    private static DossierContradiction Tension(string story, ImmutableArray<string> claims, ClaimMention denial, ClaimMention unconfirmed, Dictionary<string, string> names)
    {
        string denier = Speaker(denial, names), other = Speaker(unconfirmed, names);
        string who = string.Equals(denier, other, StringComparison.Ordinal) ? "it is also reported to have" : $"{other} is reported to have";
        return new DossierContradiction
        {
            Id = "",
            Story = story,
            Kind = "status",
            Claims = claims,
            Explanation = $"Tension: {denier} is reported to dismiss \"{Short(denial.Content)}\", while {who} neither confirmed nor denied \"{Short(unconfirmed.Content)}\".",
            Evidence = [Evidence(denial), Evidence(unconfirmed)],
        };
    }

    private static bool IsAffirmation(ClaimStatus status) => status is ClaimStatus.Asserted or ClaimStatus.Confirmed or ClaimStatus.Claimed;

    private static string Verb(ClaimStatus status) => status switch
    {
        ClaimStatus.Confirmed => "confirms",
        ClaimStatus.Claimed => "claims",
        ClaimStatus.Alleged => "alleges",
        ClaimStatus.Denied => "denies",
        ClaimStatus.Unverified => "leaves unconfirmed",
        ClaimStatus.Disputed => "disputes",
        _ => "states",
    };

    private static string Speaker(ClaimMention mention, Dictionary<string, string> names) =>
        mention.SpeakerId is not null && names.TryGetValue(mention.SpeakerId, out var name) ? name
        : mention.SpeakerText ?? "an unnamed source";

    private static Evidence Evidence(ClaimMention m) => new(m.Article.Id, m.Extent.Start, m.Extent.End);

    internal static string Short(string text)
    {
        var flat = text.ReplaceLineEndings(" ").Trim().Trim('"', '“', '”');
        return flat.Length <= 140 ? flat : flat[..flat.LastIndexOf(' ', 137)] + "…";
    }

    private static bool ContainsWord(ReadOnlySpan<char> text, string phrase)
    {
        int from = 0;
        while (from < text.Length)
        {
            int at = text[from..].IndexOf(phrase, StringComparison.OrdinalIgnoreCase);
            if (at < 0) return false;
            at += from;
            int end = at + phrase.Length;
            bool startOk = at == 0 || !char.IsLetter(text[at - 1]);
            bool endOk = end >= text.Length || !char.IsLetter(text[end]);
            if (startOk && endOk) return true;
            from = at + 1;
        }
        return false;
    }
}
