using System.Collections.Immutable;
using System.Globalization;
using Crosscheck.Claims;
using Crosscheck.Copies;
using Crosscheck.Entities;
using Crosscheck.Places;
using Crosscheck.Quantities;
using Crosscheck.Report;
using Crosscheck.Stories;

namespace Crosscheck.Crosschecking;

/// <summary>
/// Builds the cross-checked dossier of a set of analysed reports: stories, canonical entities,
/// times and quantities, claims matched across reports with their independent origins,
/// merged events, contradictions and a timeline per story.
/// </summary>
/// <remarks>
/// Reads whatever layers the reports have (entities, places, times, quantities, claims, events)
/// and leaves a section empty when no report has its layer. The output does not depend on the
/// order of <c>articles</c>: reports are sorted by id, and every id ("c1", "e1", "x1") follows
/// from that order and the text offsets.
/// </remarks>
public sealed class DossierAssembler
{
    private readonly IEntityLinker _linker;
    private readonly StoryClustererOptions? _storyOptions;
    private readonly Func<Article, AnalyzedArticle>? _reanalyze;
    private readonly CopyDetector _copies;

    /// <param name="reanalyze">
    /// Runs the per-report pipeline again on a report that its story has just dated, so its
    /// relative times ("Saturday") rest on that date; without it the report keeps its layers.
    /// </param>
    public DossierAssembler(IEntityLinker linker, StoryClustererOptions? storyOptions = null, Func<Article, AnalyzedArticle>? reanalyze = null, CopyDetector? copies = null)
    {
        _linker = linker ?? throw new ArgumentNullException(nameof(linker));
        _storyOptions = storyOptions;
        _reanalyze = reanalyze;
        _copies = copies ?? new CopyDetector();
    }

    /// <param name="referenceDate">
    /// The date the dossier is made for: the fallback anchor the stages used for relative times in
    /// undated reports (so story clustering discounts dates near it in those reports).
    /// </param>
    public Dossier Assemble(IReadOnlyList<AnalyzedArticle> articles, DateOnly referenceDate)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var sorted = articles
            .GroupBy(a => a.Article.Id, StringComparer.Ordinal).Select(g => g.First())
            .OrderBy(a => a.Article.Id, StringComparer.Ordinal).ToList();

        var stories = ClusterStories(sorted, referenceDate);
        var storyOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var story in stories)
        {
            foreach (var id in story.Articles) storyOf[id] = story.Id;
        }

        sorted = DateByStory(sorted, stories);
        var copies = _copies.Detect([.. sorted.Select(a => CopyInput.From(a.Article))]);

        var linking = _linker.Link(sorted);
        var views = sorted.Select((a, i) => new ArticleView(a, i, storyOf[a.Article.Id], linking)).ToList();

        var idByName = IdsByName(linking);
        var groups = GroupClaims(views, copies, idByName);
        var claimsById = groups.ToDictionary(g => g.Id, StringComparer.Ordinal);
        var events = EventMerger.Merge(views, groups);
        var contradictions = ContradictionFinder.Find(views, groups, linking);
        var timeline = TimelineBuilder.Build(groups, events, linking);

        return new Dossier
        {
            ReferenceDate = referenceDate,
            Articles = [.. sorted.Select(a => ToDossierArticle(a, copies.For(a.Article.Id), referenceDate))],
            Stories = [.. stories],
            Entities = BuildEntities(linking, views),
            Times = [.. views.SelectMany(v => v.Times.OrderBy(t => t.Span).Select(t =>
                new DossierTime(v.Id, t.Span.Start, t.Span.End, v.Slice(t.Span), t.Type.ToString().ToLowerInvariant(), t.Value)))],
            Quantities = [.. views.SelectMany(v => v.Quantities.OrderBy(q => q.Span).Select(q => ToDossierQuantity(v, q)))],
            Claims = [.. groups.Select(g => ToDossierClaim(g, idByName, copies))],
            Events = events,
            Contradictions = contradictions,
            Timeline = timeline,
        };
    }

    private ImmutableArray<DossierStory> ClusterStories(List<AnalyzedArticle> sorted, DateOnly referenceDate)
    {
        var options = (_storyOptions ?? new StoryClustererOptions()) with { RetainReports = true };
        var clusterer = new StoryClusterer(options.AssumedReferenceDate is null ? options with { AssumedReferenceDate = referenceDate } : options);
        clusterer.LearnTermStatistics(sorted);
        // Streams arrive in time order; undated reports go last, ties by id.
        foreach (var article in sorted.OrderBy(a => a.Article.Published.Date ?? DateOnly.MaxValue).ThenBy(a => a.Article.Id, StringComparer.Ordinal))
        {
            clusterer.Add(article);
        }
        // The whole collection is at hand: revisit decisions taken before later reports arrived.
        clusterer.Refine();
        return [.. clusterer.Snapshot().Select(s => new DossierStory(s.Id, s.Title, [.. s.ArticleIds.Order(StringComparer.Ordinal)]) { Explanation = s.Explanation })];
    }

    /// <summary>
    /// Reports with no date of their own take one from the dated reports of their story
    /// (<see cref="PublicationDateInference.FromStory"/>), and are analysed again on it when the
    /// assembler can.
    /// </summary>
    private List<AnalyzedArticle> DateByStory(List<AnalyzedArticle> sorted, ImmutableArray<DossierStory> stories)
    {
        if (sorted.TrueForAll(a => a.Article.Published.Date is not null)) return sorted;
        var byId = sorted.ToDictionary(a => a.Article.Id, StringComparer.Ordinal);
        var redated = new Dictionary<string, AnalyzedArticle>(StringComparer.Ordinal);
        foreach (var story in stories)
        {
            var dated = story.Articles.Select(id => byId[id]).Where(a => a.Article.Published.Date is not null)
                .Select(a => (a.Article.Id, a.Article.Published.Date!.Value)).ToList();
            if (dated.Count == 0) continue;
            foreach (var id in story.Articles)
            {
                var article = byId[id].Article;
                if (article.Published.Date is not null) continue;
                if (Provenance.PublicationDateInference.FromStory(article.Text, dated) is not { } published) continue;
                var withDate = article with { Published = published };
                redated[id] = _reanalyze is null ? byId[id].WithArticle(withDate) : _reanalyze(withDate);
            }
        }
        return redated.Count == 0 ? sorted : [.. sorted.Select(a => redated.GetValueOrDefault(a.Article.Id, a))];
    }

    private static List<ClaimGroup> GroupClaims(List<ArticleView> views, CopyAnalysis copies, IReadOnlyDictionary<string, string> idByName)
    {
        string? EntityNamed(string name) => idByName.TryGetValue(name, out var id) ? id : null;
        var relaysById = views.ToDictionary(v => v.Id, v => v.Article.Relays, StringComparer.Ordinal);
        var groups = new List<ClaimGroup>();
        foreach (var storyViews in views.GroupBy(v => v.Story))
        {
            var mentions = new List<ClaimMention>();
            foreach (var view in storyViews)
            {
                var relays = RelaysOf(view.Article);
                // A copy that dropped its agency line still carries what its original relayed.
                if (copies.For(view.Id)?.CopyOf is { } original && relaysById.TryGetValue(original, out var inherited)) relays.AddRange(inherited);
                foreach (var attribution in view.Analyzed.Items(Layers.Claims).OrderBy(a => a.Content))
                {
                    if (attribution.Content.IsEmpty || attribution.Content.End > view.Text.Length) continue;
                    mentions.Add(new ClaimMention(view, attribution, relays, copies.GroupOf(view.Id), EntityNamed));
                }
            }
            var documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var mention in mentions)
            {
                foreach (var word in mention.Words) documentFrequency[word] = documentFrequency.GetValueOrDefault(word) + 1;
            }
            double n = mentions.Count;
            // Rarer words among the story's claims tell propositions apart; "North Korean" does not.
            var weights = documentFrequency.ToDictionary(kv => kv.Key, kv => Math.Log(1 + n / kv.Value), StringComparer.Ordinal);
            double WordWeight(string word) => weights.TryGetValue(word, out double w) ? w : Math.Log(1 + n);

            var storyGroups = new List<ClaimGroup>();
            // Candidate groups come from the words they share with the mention, so a big story
            // is not compared all against all.
            var byWord = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            foreach (var mention in mentions)
            {
                int index = -1;
                double bestMargin = 0;
                foreach (int candidate in CandidateGroups(mention, byWord))
                {
                    double margin = storyGroups[candidate].Margin(mention, WordWeight);
                    if (margin >= bestMargin && (index < 0 || margin > bestMargin))
                    {
                        index = candidate;
                        bestMargin = margin;
                    }
                }
                if (index < 0)
                {
                    storyGroups.Add(new ClaimGroup(mention.Article.Story));
                    index = storyGroups.Count - 1;
                }
                storyGroups[index].Mentions.Add(mention);
                foreach (var word in mention.Words)
                {
                    if (!byWord.TryGetValue(word, out var list)) byWord[word] = list = [];
                    if (list.Count == 0 || list[^1] != index) list.Add(index);
                }
            }
            groups.AddRange(storyGroups);
        }
        // Ids follow story order, then the first report and offset of each claim.
        var ordered = groups.OrderBy(g => StoryNumber(g.Story)).ThenBy(g => g.First.Article.Order).ThenBy(g => g.First.Extent.Start).ToList();
        for (int i = 0; i < ordered.Count; i++) ordered[i].Id = "c" + (i + 1).ToString(CultureInfo.InvariantCulture);
        return ordered;
    }

    private const int MaxGroupsPerWord = 256;

    /// <summary>The 16 groups sharing the most words with the mention, in group order.</summary>
    private static IEnumerable<int> CandidateGroups(ClaimMention mention, Dictionary<string, List<int>> byWord)
    {
        var shared = new Dictionary<int, int>();
        foreach (var word in mention.Words)
        {
            if (!byWord.TryGetValue(word, out var list)) continue;
            // A word every group shares says little and would make the cost grow with the story:
            // only its most recent groups are looked at.
            for (int k = Math.Max(0, list.Count - MaxGroupsPerWord); k < list.Count; k++) shared[list[k]] = shared.GetValueOrDefault(list[k]) + 1;
        }
        return shared.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Take(16).Select(kv => kv.Key).OrderBy(g => g);
    }

    internal static int StoryNumber(string story) =>
        story.Length > 1 && int.TryParse(story.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : int.MaxValue;

    private static Dictionary<string, string> IdsByName(EntityLinking linking)
    {
        var ids = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entity in linking.Entities.OrderBy(e => e.Id, StringComparer.Ordinal))
        {
            ids.TryAdd(entity.Name, entity.Id);
            foreach (var alias in entity.Aliases) ids.TryAdd(alias, entity.Id);
        }
        return ids;
    }

    private static List<string> RelaysOf(Article article)
    {
        var relays = new List<string>(article.Relays);
        if (!string.IsNullOrWhiteSpace(article.Outlet)) relays.Add(article.Outlet);
        return relays;
    }

    private static DossierArticle ToDossierArticle(AnalyzedArticle analyzed, CopyVerdict? copy, DateOnly referenceDate)
    {
        var a = analyzed.Article;
        return new DossierArticle
        {
            AnchoredOn = a.Published.Date is null && analyzed.ReferenceDate is { } anchor && anchor != referenceDate
                ? anchor.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
                : null,
            RelayChains = [.. a.RelayChains],
            PublishedBasis = a.Published.Basis,
            CopyStatus = copy is null ? null : copy.Status.ToString().ToLowerInvariant(),
            CopyOf = copy?.CopyOf,
            CopyExplanation = copy?.Explanation,
            Family = copy?.Family,
            Id = a.Id,
            Outlet = a.Outlet,
            Url = a.Url,
            Title = a.Title,
            Byline = a.Byline,
            Dateline = a.Dateline?.Text,
            Relays = a.Relays,
            Published = a.Published.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            PublishedHow = a.Published.How.ToString().ToLowerInvariant(),
            PublishedExplanation = a.Published.Explanation,
            Language = a.Language,
            LanguageConfidence = a.LanguageConfidence,
            Text = a.Text,
            Removed = [.. a.Removed.Select(r => new DossierRemoved(r.Text, r.Reason))],
        };
    }

    private static ImmutableArray<DossierEntity> BuildEntities(EntityLinking linking, List<ArticleView> views)
    {
        var viewById = views.ToDictionary(v => v.Id, StringComparer.Ordinal);
        // Each report's mentions grouped by entity and its places by start, once: a report with
        // thousands of names must not be rescanned for each of them.
        var mentionsOf = new Dictionary<string, ILookup<int, EntityMention>>(StringComparer.Ordinal);
        var placesOf = new Dictionary<string, ResolvedPlace[]>(StringComparer.Ordinal);
        var result = new List<DossierEntity>();
        foreach (var entity in linking.Entities.OrderBy(e => e.Id, StringComparer.Ordinal))
        {
            var mentions = new List<Evidence>();
            ResolvedPlace? place = null;
            foreach (var member in entity.Members.OrderBy(m => viewById.TryGetValue(m.Article, out var v) ? v.Order : int.MaxValue).ThenBy(m => m.Entity))
            {
                if (!viewById.TryGetValue(member.Article, out var view)) continue;
                if (!mentionsOf.TryGetValue(view.Id, out var byEntity)) mentionsOf[view.Id] = byEntity = view.Entities.Mentions.ToLookup(m => m.Entity);
                foreach (var mention in byEntity[member.Entity])
                {
                    mentions.Add(new Evidence(view.Id, mention.Span.Start, mention.Span.End));
                    if (place is null)
                    {
                        if (!placesOf.TryGetValue(view.Id, out var places)) placesOf[view.Id] = places = [.. view.Places.OrderBy(p => p.Span)];
                        place = PlaceOverlapping(places, mention.Span);
                    }
                }
            }
            result.Add(new DossierEntity
            {
                Id = entity.Id,
                Type = TypeName(entity.Type),
                Name = entity.Name,
                Aliases = entity.Aliases,
                Mentions = [.. mentions.OrderBy(m => viewById[m.Article].Order).ThenBy(m => m.Start)],
                Place = place is null ? null : new DossierPlace(place.Latitude, place.Longitude, place.GeonamesId, place.Precision.ToString().ToLowerInvariant())
                {
                    Country = place.CountryCode,
                    Admin1 = place.Admin1,
                },
            });
        }
        return [.. result];
    }

    /// <summary>The first place (by start) overlapping <paramref name="span"/>; places are short, so a small window before it suffices.</summary>
    private static ResolvedPlace? PlaceOverlapping(ResolvedPlace[] places, Span span)
    {
        const int LongestPlaceName = 200;
        int lo = 0, hi = places.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (places[mid].Span.Start < span.Start - LongestPlaceName) lo = mid + 1; else hi = mid;
        }
        for (int i = lo; i < places.Length && places[i].Span.Start < span.End; i++)
        {
            if (places[i].Span.Overlaps(span)) return places[i];
        }
        return null;
    }

    private static string TypeName(EntityType type) => type switch
    {
        EntityType.Person => "person",
        EntityType.Organization or EntityType.MilitaryUnit => "organization",
        EntityType.Place => "place",
        EntityType.Group => "group",
        _ => "other",
    };

    private static DossierQuantity ToDossierQuantity(ArticleView view, Quantity q) =>
        new(view.Id, q.Span.Start, q.Span.End, view.Slice(q.Span), q.Min, q.Max, q.Unit)
        {
            Counted = q.Counted,
            Casualty = q.Casualty is CasualtyKind kind ? CasualtyName(kind) : null,
            // Only a real conversion is worth a field: a bare count or persons are already in their canonical unit.
            Implausible = q.Implausible ? true : null,
            Si = q.SiUnit.Length > 0 && q.SiUnit != "persons" && (q.SiMin is not null || q.SiMax is not null) ? new DossierSi(q.SiMin, q.SiMax, q.SiUnit) : null,
        };

    internal static string CasualtyName(CasualtyKind kind) => kind switch
    {
        CasualtyKind.Killed => "killed",
        CasualtyKind.Wounded => "wounded",
        CasualtyKind.KilledOrWounded => "killedOrWounded",
        CasualtyKind.Missing => "missing",
        _ => "captured",
    };

    private static DossierClaim ToDossierClaim(ClaimGroup group, IReadOnlyDictionary<string, string> idByName, CopyAnalysis copies)
    {
        var representative = group.Representative;
        var status = group.Status;
        var articles = group.Articles;
        return new DossierClaim
        {
            // Copies, rewrites and translations of one text are one carrier, however many outlets ran them.
            IndependentCarriers = articles.Select(copies.GroupOf).Distinct(StringComparer.Ordinal).Count(),
            Id = group.Id,
            Story = group.Story,
            Speaker = representative.SpeakerId,
            SpeakerText = representative.SpeakerText,
            Cue = representative.CueText,
            Content = representative.Content,
            Kind = KindName(representative.Attribution.Kind),
            Status = status.ToString().ToLowerInvariant(),
            Stance = representative.Attribution.Stance.ToString().ToLowerInvariant(),
            Evidence = group.Evidence,
            Articles = articles,
            Proposition = PropositionOf(representative),
            Chain = ChainOf(group.Mentions.Where(m => m.Attribution.Chain.Length > representative.Attribution.Chain.Length)
                .OrderByDescending(m => m.Attribution.Chain.Length).FirstOrDefault() ?? representative),
            Origins = group.Origins,
            UnresolvedOrigins = group.UnresolvedOrigins,
            IndependentOrigins = group.IndependentOrigins,
            Corroboration = Corroboration(group, status, idByName),
            Note = group.Notes.Count == 0 ? null : string.Join(" ", group.Notes.Distinct(StringComparer.Ordinal)),
        };
    }

    /// <summary>The content's structure in the representative report: actors as entity ids, the action, figures, places, dates.</summary>
    private static DossierProposition? PropositionOf(ClaimMention mention)
    {
        var p = mention.Attribution.Proposition;
        if (p.IsEmpty) return null;
        var view = mention.Article;
        var mentions = view.Entities.Mentions;
        var actors = p.Actors.Where(i => (uint)i < (uint)mentions.Length).Select(i => view.EntityIdOf(mentions[i].Entity)).OfType<string>()
            .Distinct(StringComparer.Ordinal).ToList();
        var quantities = view.Analyzed.Items(Layers.Quantities);
        var places = view.Analyzed.Items(Layers.Places);
        var times = view.Analyzed.Items(Layers.Times);
        return new DossierProposition
        {
            Actors = [.. actors],
            Action = p.Action is { } action ? view.Slice(action).Trim() : null,
            Figures = [.. p.Quantities.Where(i => (uint)i < (uint)quantities.Length).Select(i => ToDossierQuantity(view, quantities[i]))],
            Places = [.. p.Places.Where(i => (uint)i < (uint)places.Length).Select(i => places[i].Name).Distinct(StringComparer.Ordinal)],
            Dates = [.. p.Times.Where(i => (uint)i < (uint)times.Length && times[i].Type == Times.TimexType.Date).Select(i => times[i].Value).Distinct(StringComparer.Ordinal)],
        };
    }

    /// <summary>
    /// How the claim reached the reader in the report that tells the longest path (a relay and the claim it relays
    /// are one claim), the primary source first: the sources the speaker cites, the speaker, the sources that relay
    /// it in the text, the agencies the report credits, the outlet.
    /// </summary>
    private static ImmutableArray<string> ChainOf(ClaimMention mention)
    {
        var chain = new List<string>();
        void Add(string? name)
        {
            if (string.IsNullOrWhiteSpace(name)) return;
            name = name.Trim();
            if (chain.Count > 0 && string.Equals(chain[^1], name, StringComparison.OrdinalIgnoreCase)) return;
            if (chain.Any(c => IsSameLink(c, name))) return;
            chain.Add(name);
        }
        foreach (var link in mention.Attribution.Chain) Add(mention.Article.Slice(link));
        var article = mention.Article.Article;
        foreach (var relay in article.Relays.IsDefault ? [] : article.Relays) Add(relay);
        Add(article.Outlet);
        return [.. chain];
    }

    /// <summary>
    /// "Yonhap" and "Yonhap news agency" are one link of a chain: one name's words run inside the
    /// other's. Whole words only: "AP" is not inside "Zaporizhzhia", nor "RIA" inside "Syria".
    /// </summary>
    internal static bool IsSameLink(string a, string b)
    {
        var wordsA = LinkWords(a);
        var wordsB = LinkWords(b);
        return ContainsRun(wordsA, wordsB) || ContainsRun(wordsB, wordsA);

        static string[] LinkWords(string text) => text.Split((char[])[' ', ',', '.', '\'', '’', '-', '(', ')'], StringSplitOptions.RemoveEmptyEntries);

        static bool ContainsRun(string[] outer, string[] inner)
        {
            for (int start = 0; inner.Length > 0 && start + inner.Length <= outer.Length; start++)
            {
                int k = 0;
                while (k < inner.Length && string.Equals(outer[start + k], inner[k], StringComparison.OrdinalIgnoreCase)) k++;
                if (k == inner.Length) return true;
            }
            return false;
        }
    }

    private static string KindName(AttributionKind kind) => kind switch
    {
        AttributionKind.DirectQuote => "directQuote",
        AttributionKind.IndirectSpeech => "indirectSpeech",
        AttributionKind.AccordingTo => "accordingTo",
        _ => "other",
    };

    /// <summary>
    /// Plain-words corroboration. A party "with no stake" is an origin that the claim's content
    /// does not name and that acts in none of the story's events.
    /// </summary>
    private static string Corroboration(ClaimGroup group, ClaimStatus status, IReadOnlyDictionary<string, string> idByName)
    {
        if (status == ClaimStatus.Disputed) return "disputed";
        var origins = group.Origins;
        if (group.IndependentOrigins < 2) return "single origin";
        var parties = new HashSet<string>(group.Mentions.SelectMany(m => m.Entities), StringComparer.Ordinal);
        foreach (var mention in group.Mentions)
        {
            foreach (var e in mention.Article.Analyzed.Items(Layers.Events))
            {
                if (e.Actor1 is not null && idByName.TryGetValue(e.Actor1, out var a1)) parties.Add(a1);
                if (e.Actor2 is not null && idByName.TryGetValue(e.Actor2, out var a2)) parties.Add(a2);
            }
        }
        // Only when an interested party's claim is backed by an origin outside the story's parties.
        bool interested = origins.Any(parties.Contains);
        // A body named only in words ("the interior ministry") is no party the story's events name.
        bool outsider = origins.Any(o => !parties.Contains(o)) || group.UnresolvedOrigins.Length > 0;
        return interested && outsider ? "confirmed by a party with no stake" : "independently corroborated";
    }
}
