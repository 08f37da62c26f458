using System.Collections.Immutable;
using Crosscheck.Claims;
using Crosscheck.Report;

namespace Crosscheck.Crosschecking;

/// <summary>Mentions of one proposition across the reports of a story.</summary>
internal sealed class ClaimGroup(string story)
{
    public string Story { get; } = story;
    public string Id { get; set; } = "";
    public List<ClaimMention> Mentions { get; } = [];
    public List<string> Notes { get; } = [];

    public ClaimMention First => Mentions[0];

    public ClaimStatus Status
    {
        get
        {
            bool denied = Mentions.Any(m => m.Attribution.Status == ClaimStatus.Denied);
            bool affirmed = Mentions.Any(m => m.Attribution.Status is ClaimStatus.Asserted or ClaimStatus.Confirmed or ClaimStatus.Claimed);
            if (denied && affirmed) return ClaimStatus.Disputed;
            if (Mentions.Any(m => m.Attribution.Status == ClaimStatus.Disputed)) return ClaimStatus.Disputed;
            if (Mentions.Any(m => m.Attribution.Status == ClaimStatus.Confirmed)) return ClaimStatus.Confirmed;
            // Otherwise the most frequent status; ties go to the earlier (stronger) one in the enum.
            return Mentions.GroupBy(m => m.Attribution.Status).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
        }
    }

    /// <summary>The speaker most mentions name (resolved ids first), for display.</summary>
    public ClaimMention Representative =>
        Mentions.Where(m => m.Origin is not null).GroupBy(m => m.Origin!).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.First()).FirstOrDefault()
        ?? Mentions.FirstOrDefault(m => m.SpeakerId is not null)
        ?? First;

    /// <summary>
    /// Primary sources that resolved to entities. A place speaking ("Kyiv said") is a vague
    /// metonym for some part of its government; when a named body that is, by its own words, part of
    /// that government also stands behind the claim ("Ukraine's military intelligence"), the metonym is
    /// taken to be that body, not a second, independent origin; and a capital and its country ("Kyiv",
    /// "Ukraine") are one government. A person, an international body, another country's ministry or
    /// "Western officials" beside a place leave the place its own origin.
    /// </summary>
    public ImmutableArray<string> Origins
    {
        get
        {
            var bodies = Mentions.Where(m => m.Origin is not null && !m.OriginIsPlace).ToList();
            var chosen = bodies.Select(m => m.Origin!).ToList();
            var governments = new HashSet<string>(StringComparer.Ordinal);
            foreach (var place in Mentions.Where(m => m.Origin is not null && m.OriginIsPlace).OrderBy(m => m.Origin, StringComparer.Ordinal))
            {
                if (bodies.Any(body => body.MaySpeakFor(place))) continue;
                if (place.OriginCountries.Count == 1 && !governments.Add(place.OriginCountries.First()) && !chosen.Contains(place.Origin!)) continue;
                chosen.Add(place.Origin!);
            }
            return [.. chosen.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        }
    }

    /// <summary>Primary sources named as particular bodies that resolved to no entity ("the interior ministry"), lower-cased.</summary>
    public ImmutableArray<string> UnresolvedOrigins =>
        [.. Mentions.Select(m => m.OriginText).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>
    /// Distinct primary sources. Unnamed sources ("witnesses", "officials", the reporter's own
    /// words) cannot be told apart from a named source behind the same claim, so they count only
    /// when no source is named; then named relays count, each for its own reporting; failing
    /// those, each newsroom counts once, copies and rewrites of one dispatch being one newsroom's.
    /// </summary>
    public int IndependentOrigins
    {
        get
        {
            int named = Origins.Length + UnresolvedOrigins.Length;
            if (named > 0) return named;
            // Only relays named: each relay's own reporting is an origin ("the agency reported").
            int relays = Mentions.Select(m => m.RelayOrigin).OfType<string>().Distinct(StringComparer.Ordinal).Count();
            if (relays > 0) return relays;
            return Math.Max(1, Mentions.Select(m => m.Newsroom).Distinct(StringComparer.Ordinal).Count());
        }
    }

    /// <summary>
    /// By how much the mention clears the bar of its closest member (negative when it does not):
    /// a mention joins the group it fits best, not the first it fits. It must also fit at least
    /// half of the members and contradict none, so a chain of loosely similar sentences cannot
    /// pull two different propositions into one group.
    /// </summary>
    public double Margin(ClaimMention mention, Func<string, double> wordWeight)
    {
        double best = double.NegativeInfinity;
        // The first mentions define the proposition; later ones only repeat it. Each report votes once: one that states
        // the claim twice (a lead and a quote) must not outvote the other reports on whether a third report fits.
        Span<double> bestOfReport = stackalloc double[8];
        Span<int> reportOrder = stackalloc int[8];
        int reports = 0;
        foreach (var member in Mentions.Take(8))
        {
            double similarity = member.Match(mention, wordWeight);
            if (similarity < 0) return double.NegativeInfinity;
            double margin = similarity - member.ThresholdWith(mention);
            best = Math.Max(best, margin);
            int r = 0;
            while (r < reports && reportOrder[r] != member.Article.Order) r++;
            if (r == reports) { reportOrder[reports] = member.Article.Order; bestOfReport[reports++] = margin; }
            else bestOfReport[r] = Math.Max(bestOfReport[r], margin);
        }
        int fitting = 0;
        for (int r = 0; r < reports; r++) if (bestOfReport[r] >= 0) fitting++;
        return fitting * 2 >= reports ? best : Math.Min(best, -double.Epsilon);
    }

    public double BestSimilarity(ClaimGroup other)
    {
        double best = 0;
        foreach (var a in Mentions)
        {
            foreach (var b in other.Mentions) best = Math.Max(best, ContentWords.Dice(a.Words, b.Words));
        }
        return best;
    }

    public ImmutableArray<Evidence> Evidence =>
        [.. Mentions.Select(m => new Evidence(m.Article.Id, m.Extent.Start, m.Extent.End))];

    public ImmutableArray<string> Articles =>
        [.. Mentions.OrderBy(m => m.Article.Order).Select(m => m.Article.Id).Distinct(StringComparer.Ordinal)];
}
