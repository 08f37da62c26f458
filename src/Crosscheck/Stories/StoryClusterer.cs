using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Crosscheck.Stories;

/// <summary>A group of reports about one real-world story.</summary>
/// <param name="Id">"s1", "s2", ... in the order stories were started; a merged story keeps the older id.</param>
/// <param name="Title">The headline of its most central report, or its top terms when no report has one.</param>
/// <param name="Explanation">What its reports share, in one line.</param>
public sealed record Story(string Id, string Title, ImmutableArray<string> ArticleIds, string Explanation);

/// <summary>What <see cref="StoryClusterer.Add"/> decided for one report, and why.</summary>
/// <param name="MergedStories">Stories this report bridged into <paramref name="StoryId"/>, if any.</param>
/// <param name="SplitStories">Stories split off the story this report joined, once its reports had grown into two groups.</param>
public sealed record StoryAssignment(
    string ArticleId,
    string StoryId,
    bool StartedStory,
    double Similarity,
    string Explanation,
    ImmutableArray<string> MergedStories,
    ImmutableArray<string> SplitStories);

/// <summary>
/// Groups a stream of reports into stories, one report at a time (single pass, no all-pairs).
/// </summary>
/// <remarks>
/// <para>A report is a TF-IDF vector over content words, capitalised names, linked entities,
/// places, dates, numbers and quantities, each group weighted (names and places say more about
/// which story it is than common words). Document frequencies are learned as reports arrive,
/// or up front with <see cref="LearnTermStatistics"/> when the whole collection is at hand.</para>
/// <para>Candidates come from an inverted index over each report's rarest features; each feature
/// remembers only its most recent stories, so the cost per report stays flat as the store grows
/// and long-dead stories drop out of reach. The similarity to a story is the cosine to its
/// centroid (pruned to its strongest features), times a time factor that decays once the report
/// falls outside the story's date range by more than a window.</para>
/// <para>When a report matches two stories above the join threshold and, after it joins the
/// better one, the two centroids are similar enough, the stories merge: a later report can bridge
/// what looked like two stories.</para>
/// <para>Each time a story's size reaches a power of two (from
/// <see cref="StoryClustererOptions.SplitCheckSize"/>), its reports are divided in two by their
/// strongest features (two-means); when the halves are less alike than
/// <see cref="StoryClustererOptions.SplitThreshold"/>, the half without the story's first report
/// becomes a story of its own: reports that early joins put together on a shared town or date
/// come apart once each side has reports enough to show what it is about.</para>
/// <para>Not thread-safe: one clusterer per stream.</para>
/// </remarks>
public sealed class StoryClusterer
{
    private const int MemberSignatureSize = 12;

    private readonly StoryClustererOptions _options;
    private readonly FeatureVocabulary _vocabulary;
    private readonly StoryFeatureExtractor _extractor;
    private readonly List<StoryState> _stories = [];
    private readonly Dictionary<int, List<int>> _postings = [];
    private readonly List<Retained>? _retained;
    private readonly Dictionary<string, ArticleFeatures> _counted = new(StringComparer.Ordinal);
    private int[] _candidateStamp = new int[64];
    private double[] _accumulated = new double[64];
    private int _query;

    public StoryClusterer(StoryClustererOptions? options = null)
    {
        _options = options ?? new StoryClustererOptions();
        _vocabulary = new FeatureVocabulary { BackgroundDocuments = _options.BackgroundDocuments };
        _extractor = new StoryFeatureExtractor(_vocabulary, _options.AssumedReferenceDate);
        if (_options.RetainReports) _retained = [];
    }

    public StoryClustererOptions Options => _options;

    /// <summary>Reports added so far.</summary>
    public int Count { get; private set; }

    /// <summary>
    /// Counts document frequencies over a whole collection before clustering it, so that the
    /// first reports are weighed with the same IDF as the last. Optional: without it the
    /// frequencies are learned as reports are added. Reports counted here are not counted again by
    /// <see cref="Add"/> (matched by article id).
    /// </summary>
    public void LearnTermStatistics(IEnumerable<AnalyzedArticle> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        foreach (var article in articles)
        {
            if (_counted.ContainsKey(article.Article.Id)) continue;
            var features = _extractor.Extract(article);
            _counted[article.Article.Id] = features;
            _vocabulary.CountDocument(features.Features);
        }
    }

    /// <summary>Assigns the report to the most similar story, or starts a new one.</summary>
    public StoryAssignment Add(AnalyzedArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        // A report counted up front was extracted then; reuse that instead of extracting twice.
        if (!_counted.Remove(article.Article.Id, out var features))
        {
            features = _extractor.Extract(article);
            _vocabulary.CountDocument(features.Features);
        }
        Count++;
        var weights = Weigh(features);

        var candidates = Retrieve(features, weights);
        StoryState? best = null;
        double bestSimilarity = 0;
        var similarities = new List<(StoryState Story, double Similarity)>(candidates.Count);
        foreach (var story in candidates)
        {
            double similarity = Similarity(features, weights, story);
            similarities.Add((story, similarity));
            if (similarity > bestSimilarity)
            {
                best = story;
                bestSimilarity = similarity;
            }
        }

        if (best is null || bestSimilarity < _options.JoinThreshold)
        {
            var story = new StoryState(_stories.Count + 1);
            _stories.Add(story);
            AddMember(story, features, weights);
            string reason = best is null
                ? $"started story {story.Name}: no earlier story shares its rarer names and terms"
                : $"started story {story.Name}: closest was {best.Name} at {Format(bestSimilarity)}, below {Format(_options.JoinThreshold)}";
            story.LastExplanation = reason;
            _retained?.Add(new Retained(features, weights, story));
            return new StoryAssignment(features.ArticleId, story.Name, true, bestSimilarity, reason, [], []);
        }

        string shared = SharedFeatures(features, weights, best);
        AddMember(best, features, weights);
        var merged = ImmutableArray.CreateBuilder<string>();
        foreach (var (other, similarity) in similarities)
        {
            if (ReferenceEquals(other, best) || Find(other) != other || similarity < _options.JoinThreshold) continue;
            // Two stories far apart in time stay apart however alike they read (this year's flood
            // and last year's in the same valley): a merge needs their dates within the window, and
            // a report without a date is no evidence that two dated stories are one, however well
            // it matches both (it matches every instance of its kind of event equally).
            if (!MayBridge(features.Date, best, other)) continue;
            if (CentroidCosine(best, other) < _options.MergeThreshold) continue;
            var (keep, absorbed) = other.Number < best.Number ? (other, best) : (best, other);
            Merge(keep, absorbed);
            merged.Add(absorbed.Name);
            best = keep;
        }
        string explanation = $"joined story {best.Name}: shares {shared}; similarity {Format(bestSimilarity)}"
            + (merged.Count > 0 ? $"; bridged and merged {string.Join(", ", merged)}" : "");
        best.LastExplanation = explanation;
        var retained = new Retained(features, weights, best);
        _retained?.Add(retained);
        var home = best;
        ImmutableArray<string> split = [];
        if (TrySplit(best, features.ArticleId) is { } splitOff)
        {
            split = [splitOff.Name];
            if (splitOff.Articles.Contains(features.ArticleId)) home = splitOff;
            explanation += $"; then {splitOff.Name} split off {best.Name}";
            retained.Home = home;
        }
        return new StoryAssignment(features.ArticleId, home.Name, false, bestSimilarity, explanation, merged.ToImmutable(), split);
    }

    /// <summary>The stories so far, in the order they were started, each with its reports in arrival order.</summary>
    public IReadOnlyList<Story> Snapshot()
    {
        var result = new List<Story>();
        foreach (var story in _stories)
        {
            if (story.Parent != story || story.Articles.Count == 0) continue;
            result.Add(new Story(story.Name, TitleOf(story), [.. story.Articles], DescribeStory(story)));
        }
        return result;
    }

    /// <summary>
    /// Batch mode (needs <see cref="StoryClustererOptions.RetainReports"/>): once every report is
    /// in, moves each report to the story it now resembles most, its own weight taken out of its
    /// story first. Undoes early decisions taken before the right story existed. Returns how many
    /// reports moved.
    /// </summary>
    public int Refine()
    {
        if (_retained is null) throw new InvalidOperationException("Refine needs the reports: create the clusterer with RetainReports = true.");
        int moved = 0;
        foreach (var report in _retained)
        {
            var home = Find(report.Home);
            RemoveMember(home, report);
            double homeSimilarity = home.Articles.Count == 0 ? 0 : Similarity(report.Features, report.Weights, home);
            StoryState target = home;
            double best = homeSimilarity + _options.RefineMargin;
            foreach (var story in Retrieve(report.Features, report.Weights))
            {
                if (story == home || story.Articles.Count == 0) continue;
                double similarity = Similarity(report.Features, report.Weights, story);
                if (similarity >= _options.JoinThreshold && similarity > best)
                {
                    best = similarity;
                    target = story;
                }
            }
            AddMember(target, report.Features, report.Weights);
            if (target != home)
            {
                moved++;
                target.LastExplanation = $"report {report.Features.ArticleId} moved here from {home.Name} on a second look; similarity {Format(best)}";
            }
            report.Home = target;
        }
        return moved;
    }

    private void RemoveMember(StoryState story, Retained report)
    {
        var features = report.Features;
        for (int i = 0; i < report.Weights.Length; i++)
        {
            int f = features.Features[i];
            if (!story.Centroid.TryGetValue(f, out double w)) continue;
            double rest = w - report.Weights[i];
            if (rest <= 1e-9) story.Centroid.Remove(f);
            else story.Centroid[f] = rest;
        }
        story.Articles.Remove(features.ArticleId);
        int member = story.Members.FindIndex(m => m.ArticleId == features.ArticleId);
        if (member >= 0) story.Members.RemoveAt(member);
        if (features.Date is DateOnly removed) story.RemoveDate(removed);
        PruneAndMeasure(story);
    }

    private double[] Weigh(ArticleFeatures features)
    {
        var weights = new double[features.Features.Length];
        double norm = 0;
        for (int i = 0; i < weights.Length; i++)
        {
            int f = features.Features[i];
            double w = _options.WeightOf(_vocabulary.GroupOf(f)) * (1 + Math.Log(features.Counts[i])) * _vocabulary.Idf(f);
            weights[i] = w;
            norm += w * w;
        }
        if (norm > 0)
        {
            norm = Math.Sqrt(norm);
            for (int i = 0; i < weights.Length; i++) weights[i] /= norm;
        }
        return weights;
    }

    /// <summary>
    /// Scores stories by the summed weight of the query features they are posted under (a cheap
    /// upper-bound-ish proxy of the dot product) and keeps the best few for the exact comparison.
    /// </summary>
    private List<StoryState> Retrieve(ArticleFeatures features, double[] weights)
    {
        var result = new List<StoryState>();
        if (_stories.Count == 0) return result;
        if (_candidateStamp.Length < _stories.Count + 1)
        {
            int size = Math.Max(_stories.Count + 1, _candidateStamp.Length * 2);
            Array.Resize(ref _candidateStamp, size);
            Array.Resize(ref _accumulated, size);
        }
        _query++;
        foreach (int index in StrongestFeatures(weights, _options.QueryFeatures))
        {
            if (!_postings.TryGetValue(features.Features[index], out var posting)) continue;
            double weight = weights[index];
            foreach (int number in posting)
            {
                var story = Find(_stories[number - 1]);
                if (_candidateStamp[story.Number] != _query)
                {
                    _candidateStamp[story.Number] = _query;
                    _accumulated[story.Number] = 0;
                    result.Add(story);
                }
                _accumulated[story.Number] += weight;
            }
        }
        if (result.Count > _options.MaxCandidates)
        {
            var accumulated = _accumulated;
            result.Sort((a, b) => accumulated[b.Number] != accumulated[a.Number] ? accumulated[b.Number].CompareTo(accumulated[a.Number]) : a.Number.CompareTo(b.Number));
            result.RemoveRange(_options.MaxCandidates, result.Count - _options.MaxCandidates);
        }
        return result;
    }

    private static int[] StrongestFeatures(double[] weights, int limit)
    {
        var order = new int[weights.Length];
        for (int i = 0; i < order.Length; i++) order[i] = i;
        var keys = new double[weights.Length];
        for (int i = 0; i < keys.Length; i++) keys[i] = -weights[i];
        Array.Sort(keys, order);
        return order.Length <= limit ? order : order[..limit];
    }

    private double Similarity(ArticleFeatures features, double[] weights, StoryState story)
    {
        if (story.Norm <= 0) return 0;
        double dot = 0, specificDot = 0, specificNorm = 0;
        for (int i = 0; i < weights.Length; i++)
        {
            bool specific = _vocabulary.GroupOf(features.Features[i]) != FeatureGroup.Word;
            if (specific) specificNorm += weights[i] * weights[i];
            if (story.Centroid.TryGetValue(features.Features[i], out double c))
            {
                dot += weights[i] * c;
                if (specific) specificDot += weights[i] * c;
            }
        }
        double similarity = dot / story.Norm;
        // Reports of the same kind of event (two earthquakes, two rehab stays) share their common
        // words; what tells the instances apart is who, where, when and how many.
        double mix = _options.SpecificMix;
        if (mix > 0)
        {
            double specificSimilarity = specificNorm > 0 && story.SpecificNorm > 0 ? specificDot / (Math.Sqrt(specificNorm) * story.SpecificNorm) : 0;
            similarity = (1 - mix) * similarity + mix * specificSimilarity;
        }
        return similarity * TimeFactor(features.Date, story) * YearFactor(features, story);
    }

    /// <summary>
    /// Reports of the same kind of event in different years ("rehab in 2008", "rehab in 2013")
    /// share most words; years named in one and never in the other are strong evidence against.
    /// </summary>
    private double YearFactor(ArticleFeatures features, StoryState story)
    {
        bool articleHasYear = false;
        foreach (int f in features.Features)
        {
            if (!IsYear(f)) continue;
            articleHasYear = true;
            if (story.Centroid.ContainsKey(f)) return 1;
        }
        return articleHasYear && story.HasYear ? _options.YearConflictFactor : 1;
    }

    private bool IsYear(int feature) => _vocabulary.GroupOf(feature) == FeatureGroup.Date && _vocabulary.Display(feature).Length == 4;

    private double TimeFactor(DateOnly? date, StoryState story)
    {
        if (date is not DateOnly d || story.CoreEarliest is not DateOnly lo || story.CoreLatest is not DateOnly hi) return 1;
        int gap = d < lo ? lo.DayNumber - d.DayNumber : d > hi ? d.DayNumber - hi.DayNumber : 0;
        int beyond = gap - _options.TimeWindowDays;
        return beyond <= 0 ? 1 : Math.Exp(-beyond / _options.TimeDecayDays);
    }

    /// <summary>
    /// Whether a report may bridge two stories into one: their core date ranges must overlap or lie
    /// within the window, and when both stories are dated the report must be dated too.
    /// </summary>
    private bool MayBridge(DateOnly? date, StoryState a, StoryState b)
    {
        if (a.CoreEarliest is not DateOnly aLo || a.CoreLatest is not DateOnly aHi
            || b.CoreEarliest is not DateOnly bLo || b.CoreLatest is not DateOnly bHi) return true;
        if (date is null) return false;
        int gap = aHi < bLo ? bLo.DayNumber - aHi.DayNumber : bHi < aLo ? aLo.DayNumber - bHi.DayNumber : 0;
        return gap <= _options.TimeWindowDays;
    }

    private static double CentroidCosine(StoryState a, StoryState b)
    {
        if (a.Norm <= 0 || b.Norm <= 0) return 0;
        var (small, large) = a.Centroid.Count <= b.Centroid.Count ? (a, b) : (b, a);
        double dot = 0;
        foreach (var (f, w) in small.Centroid)
        {
            if (large.Centroid.TryGetValue(f, out double v)) dot += w * v;
        }
        return dot / (a.Norm * b.Norm);
    }

    private void AddMember(StoryState story, ArticleFeatures features, double[] weights)
    {
        story.Articles.Add(features.ArticleId);
        for (int i = 0; i < weights.Length; i++)
        {
            int f = features.Features[i];
            story.Centroid[f] = story.Centroid.GetValueOrDefault(f) + weights[i];
        }
        var strongest = StrongestFeatures(weights, _options.QueryFeatures * 2);
        var signature = new int[Math.Min(MemberSignatureSize, strongest.Length)];
        for (int i = 0; i < signature.Length; i++) signature[i] = features.Features[strongest[i]];
        int top = Math.Min(_options.QueryFeatures, strongest.Length);
        var topFeatures = new int[top];
        var topWeights = new double[top];
        for (int i = 0; i < top; i++)
        {
            topFeatures[i] = features.Features[strongest[i]];
            topWeights[i] = weights[strongest[i]];
        }
        story.Members.Add(new Member(features.ArticleId, features.Headline, signature, features.Date, topFeatures, topWeights));
        if (features.Date is DateOnly d) story.AddDate(d);
        foreach (int index in strongest) Post(features.Features[index], story.Number);
        PruneAndMeasure(story);
    }

    /// <summary>
    /// At sizes that are powers of two, divides the story's reports in two (two-means over their
    /// strongest features, seeded by the report least like the story and the one least like that)
    /// and splits off the half without the story's first report when the halves' centroids are
    /// less alike than <see cref="StoryClustererOptions.SplitThreshold"/>.
    /// </summary>
    private StoryState? TrySplit(StoryState story, string joiningArticle)
    {
        int n = story.Members.Count;
        if (n < _options.SplitCheckSize || (n & (n - 1)) != 0) return null;
        var members = story.Members;
        var whole = new Dictionary<int, double>();
        foreach (var member in members) AddVector(whole, member, 1);
        int seedA = 0;
        double lowest = double.PositiveInfinity;
        double wholeNorm = Norm(whole);
        for (int i = 0; i < n; i++)
        {
            double similarity = Cosine(members[i], whole, wholeNorm);
            if (similarity < lowest) (lowest, seedA) = (similarity, i);
        }
        var a = new Dictionary<int, double>();
        AddVector(a, members[seedA], 1);
        int seedB = seedA;
        lowest = double.PositiveInfinity;
        double seedNorm = Norm(a);
        for (int i = 0; i < n; i++)
        {
            if (i == seedA) continue;
            double similarity = Cosine(members[i], a, seedNorm);
            if (similarity < lowest) (lowest, seedB) = (similarity, i);
        }
        var b = new Dictionary<int, double>();
        AddVector(b, members[seedB], 1);
        var inB = new bool[n];
        for (int iteration = 0; iteration < 8; iteration++)
        {
            bool changed = false;
            double normA = Norm(a), normB = Norm(b);
            for (int i = 0; i < n; i++)
            {
                bool toB = i == seedB || i != seedA && Cosine(members[i], b, normB) > Cosine(members[i], a, normA);
                changed |= toB != inB[i];
                inB[i] = toB;
            }
            if (!changed && iteration > 0) break;
            a.Clear();
            b.Clear();
            for (int i = 0; i < n; i++) AddVector(inB[i] ? b : a, members[i], 1);
        }
        int sizeB = inB.Count(x => x);
        if (sizeB < MinSplitPart || n - sizeB < MinSplitPart) return null;
        double halves = CentroidCosine(a, b);
        if (halves >= _options.SplitThreshold) return null;

        // The story keeps its first report, so its id goes on naming what it first was about.
        bool moveB = !inB[0];
        var moving = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < n; i++)
        {
            if (inB[i] == moveB) moving.Add(members[i].ArticleId);
        }
        var splitOff = new StoryState(_stories.Count + 1);
        _stories.Add(splitOff);
        foreach (var member in members)
        {
            if (!moving.Contains(member.ArticleId)) continue;
            splitOff.Articles.Add(member.ArticleId);
            splitOff.Members.Add(member);
            AddVector(splitOff.Centroid, member, 1);
            AddVector(story.Centroid, member, -1);
            if (member.Date is DateOnly d) splitOff.AddDate(d);
            foreach (int f in member.TopFeatures) Post(f, splitOff.Number);
        }
        story.Members.RemoveAll(m => moving.Contains(m.ArticleId));
        story.Articles.RemoveAll(moving.Contains);
        story.Dates.Clear();
        foreach (var member in story.Members)
        {
            if (member.Date is DateOnly d) story.AddDate(d);
        }
        PruneAndMeasure(story);
        PruneAndMeasure(splitOff);
        if (_retained is not null)
        {
            foreach (var report in _retained)
            {
                if (moving.Contains(report.Features.ArticleId) && Find(report.Home) == story) report.Home = splitOff;
            }
        }
        string reason = $"split off {story.Name} when report {joiningArticle} made it {n} reports: these {moving.Count} share "
            + $"{JoinDisplays(TopCentroidFeatures(splitOff), 4)}, the other {n - moving.Count} {JoinDisplays(TopCentroidFeatures(story), 4)}; "
            + $"the two groups are {Format(halves)} alike, below {Format(_options.SplitThreshold)}";
        splitOff.LastExplanation = reason;
        splitOff.SplitFrom = story.Name;
        story.LastExplanation = $"{splitOff.Name} {reason}";
        return splitOff;
    }

    private const int MinSplitPart = 2;

    private static void AddVector(Dictionary<int, double> sum, Member member, double sign)
    {
        for (int i = 0; i < member.TopFeatures.Length; i++)
        {
            int f = member.TopFeatures[i];
            double value = sum.GetValueOrDefault(f) + sign * member.TopWeights[i];
            if (sign < 0 && value <= 1e-9) sum.Remove(f);
            else sum[f] = value;
        }
    }

    private static double Norm(Dictionary<int, double> vector)
    {
        double sum = 0;
        foreach (var value in vector.Values) sum += value * value;
        return Math.Sqrt(sum);
    }

    private static double Cosine(Member member, Dictionary<int, double> centroid, double centroidNorm)
    {
        double dot = 0, memberNorm = 0;
        for (int i = 0; i < member.TopFeatures.Length; i++)
        {
            memberNorm += member.TopWeights[i] * member.TopWeights[i];
            if (centroid.TryGetValue(member.TopFeatures[i], out double c)) dot += member.TopWeights[i] * c;
        }
        return centroidNorm <= 0 || memberNorm <= 0 ? 0 : dot / (centroidNorm * Math.Sqrt(memberNorm));
    }

    private static double CentroidCosine(Dictionary<int, double> a, Dictionary<int, double> b)
    {
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        double dot = 0;
        foreach (var (f, w) in small)
        {
            if (large.TryGetValue(f, out double v)) dot += w * v;
        }
        double norms = Norm(a) * Norm(b);
        return norms <= 0 ? 0 : dot / norms;
    }

    private void Post(int feature, int storyNumber)
    {
        if (!_postings.TryGetValue(feature, out var posting))
        {
            posting = new List<int>(2);
            _postings[feature] = posting;
        }
        if (posting.Count > 0 && posting[^1] == storyNumber) return;
        posting.Add(storyNumber);
        // Forget the oldest half at once: amortised O(1) and the newest stories stay reachable.
        if (posting.Count > _options.PostingLimit * 2) posting.RemoveRange(0, posting.Count - _options.PostingLimit);
    }

    private void Merge(StoryState keep, StoryState absorbed)
    {
        foreach (var (f, w) in absorbed.Centroid) keep.Centroid[f] = keep.Centroid.GetValueOrDefault(f) + w;
        keep.Articles.AddRange(absorbed.Articles);
        keep.Members.AddRange(absorbed.Members);
        foreach (var d in absorbed.Dates) keep.AddDate(d);
        absorbed.Dates.Clear();
        absorbed.Parent = keep;
        absorbed.Centroid.Clear();
        absorbed.Members.Clear();
        absorbed.Articles.Clear();
        PruneAndMeasure(keep);
    }

    private void PruneAndMeasure(StoryState story)
    {
        int limit = _options.CentroidFeatures;
        if (story.Centroid.Count > limit + limit / 2)
        {
            var entries = story.Centroid.ToArray();
            Array.Sort(entries, static (x, y) => y.Value != x.Value ? y.Value.CompareTo(x.Value) : x.Key.CompareTo(y.Key));
            story.Centroid.Clear();
            for (int i = 0; i < limit; i++) story.Centroid[entries[i].Key] = entries[i].Value;
        }
        double norm = 0, specificNorm = 0;
        bool hasYear = false;
        foreach (var (f, w) in story.Centroid)
        {
            norm += w * w;
            if (_vocabulary.GroupOf(f) == FeatureGroup.Word) continue;
            specificNorm += w * w;
            hasYear |= IsYear(f);
        }
        story.HasYear = hasYear;
        story.Norm = Math.Sqrt(norm);
        story.SpecificNorm = Math.Sqrt(specificNorm);
    }

    private static StoryState Find(StoryState story)
    {
        while (story.Parent != story)
        {
            story.Parent = story.Parent.Parent;
            story = story.Parent;
        }
        return story;
    }

    private string SharedFeatures(ArticleFeatures features, double[] weights, StoryState story)
    {
        var contributions = new List<(double Value, int Feature)>();
        for (int i = 0; i < weights.Length; i++)
        {
            if (story.Centroid.TryGetValue(features.Features[i], out double c)) contributions.Add((weights[i] * c, features.Features[i]));
        }
        contributions.Sort(static (x, y) => y.Value != x.Value ? y.Value.CompareTo(x.Value) : x.Feature.CompareTo(y.Feature));
        return JoinDisplays(contributions.Select(c => c.Feature), 4);
    }

    private string JoinDisplays(IEnumerable<int> features, int limit)
    {
        var parts = new List<string>(limit);
        // Look a little past the limit so a two-word name ranked just below its parts replaces them.
        foreach (int f in features.Take(limit * 3))
        {
            string display = _vocabulary.Display(f);
            // "North Korean" makes "North" and "Korean" redundant in a one-line explanation.
            string core = display.Length > 3 ? display.TrimEnd('s') : display;
            int overlapping = parts.FindIndex(p => p.Contains(core, StringComparison.OrdinalIgnoreCase)
                || display.Contains(p.Length > 3 ? p.TrimEnd('s') : p, StringComparison.OrdinalIgnoreCase));
            if (overlapping >= 0)
            {
                if (display.Length > parts[overlapping].Length)
                {
                    parts[overlapping] = display;
                    // "North" and "Korean" both give way to "North Korean".
                    for (int i = parts.Count - 1; i > overlapping; i--)
                    {
                        if (display.Contains(parts[i], StringComparison.OrdinalIgnoreCase)) parts.RemoveAt(i);
                    }
                }
                continue;
            }
            parts.Add(display);
        }
        return parts.Count == 0 ? "nothing notable" : string.Join(", ", parts.Take(limit));
    }

    private IEnumerable<int> TopCentroidFeatures(StoryState story) =>
        story.Centroid.OrderByDescending(e => e.Value).ThenBy(e => e.Key).Select(e => e.Key);

    private string TitleOf(StoryState story)
    {
        Member? central = null;
        double bestCentrality = double.NegativeInfinity;
        foreach (var member in story.Members)
        {
            if (member.Headline is null) continue;
            double centrality = 0;
            foreach (int f in member.Signature) centrality += story.Centroid.GetValueOrDefault(f);
            if (centrality > bestCentrality)
            {
                bestCentrality = centrality;
                central = member;
            }
        }
        return central?.Headline ?? JoinDisplays(TopCentroidFeatures(story), 4);
    }

    private string DescribeStory(StoryState story)
    {
        int n = story.Articles.Count;
        if (n == 1) return story.LastExplanation ?? "1 report";
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{n} reports sharing {JoinDisplays(TopCentroidFeatures(story), 5)}");
        if (story.Earliest is DateOnly lo && story.Latest is DateOnly hi)
        {
            text.Append(lo == hi
                ? FormattableString.Invariant($", dated {lo:yyyy-MM-dd}")
                : FormattableString.Invariant($", dated {lo:yyyy-MM-dd} to {hi:yyyy-MM-dd}"));
        }
        if (story.SplitFrom is not null) text.Append(CultureInfo.InvariantCulture, $"; split off {story.SplitFrom}, whose reports told another event");
        return text.ToString();
    }

    private static string Format(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    /// <param name="TopFeatures">Its strongest features (and their weights), what a split compares it by.</param>
    private sealed record Member(string ArticleId, string? Headline, int[] Signature, DateOnly? Date, int[] TopFeatures, double[] TopWeights);

    /// <summary>A report kept for <see cref="Refine"/>: its features, weights and current story.</summary>
    private sealed class Retained(ArticleFeatures features, double[] weights, StoryState home)
    {
        public ArticleFeatures Features { get; } = features;
        public double[] Weights { get; } = weights;
        public StoryState Home { get; set; } = home;
    }

    private sealed class StoryState
    {
        public StoryState(int number)
        {
            Number = number;
            Name = "s" + number.ToString(CultureInfo.InvariantCulture);
            Parent = this;
        }

        public int Number { get; }
        public string Name { get; }
        public StoryState Parent { get; set; }
        public Dictionary<int, double> Centroid { get; } = [];
        public double Norm { get; set; }
        public double SpecificNorm { get; set; }
        public bool HasYear { get; set; }
        public List<string> Articles { get; } = [];
        public List<Member> Members { get; } = [];
        public DateOnly? Earliest => Dates.Count == 0 ? null : Dates[0];
        public DateOnly? Latest => Dates.Count == 0 ? null : Dates[^1];
        public string? LastExplanation { get; set; }

        /// <summary>The story this one split off, if it began that way.</summary>
        public string? SplitFrom { get; set; }

        /// <summary>Its reports' publication dates, sorted.</summary>
        public List<DateOnly> Dates { get; } = [];

        /// <summary>
        /// The dates of its central reports: the full range up to four dated reports, the range
        /// between the quartiles beyond. Time is measured against this core, not against the full
        /// range, so that a few reports that joined from the edge of the window (a follow-up, or
        /// another event of the same kind) cannot stretch the story until it spans months and
        /// everything in between fits.
        /// </summary>
        public DateOnly? CoreEarliest => Dates.Count == 0 ? null : Dates[(Dates.Count - 1) / 4];

        public DateOnly? CoreLatest => Dates.Count == 0 ? null : Dates[Dates.Count - 1 - (Dates.Count - 1) / 4];

        public void AddDate(DateOnly date)
        {
            int at = Dates.BinarySearch(date);
            Dates.Insert(at < 0 ? ~at : at, date);
        }

        public void RemoveDate(DateOnly date)
        {
            int at = Dates.BinarySearch(date);
            if (at >= 0) Dates.RemoveAt(at);
        }
    }
}
