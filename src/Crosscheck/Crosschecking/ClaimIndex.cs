namespace Crosscheck.Crosschecking;

/// <summary>The claims of each report by their extent, so figures and events find their claims without a scan of every claim.</summary>
internal sealed class ClaimIndex
{
    private readonly Dictionary<ArticleView, List<(ClaimGroup Group, Span Extent)>> _byArticle = [];

    public ClaimIndex(IEnumerable<ClaimGroup> groups)
    {
        foreach (var group in groups)
        {
            foreach (var mention in group.Mentions)
            {
                if (!_byArticle.TryGetValue(mention.Article, out var list)) _byArticle[mention.Article] = list = [];
                list.Add((group, mention.Extent));
            }
        }
    }

    /// <summary>Claims of the report whose words contain the span (a figure inside a claim).</summary>
    public IEnumerable<ClaimGroup> Containing(ArticleView view, Span span) =>
        _byArticle.TryGetValue(view, out var list) ? list.Where(c => c.Extent.Contains(span)).Select(c => c.Group) : [];

    /// <summary>Claims of the report that share words with the span (an event's evidence).</summary>
    public IEnumerable<ClaimGroup> Overlapping(ArticleView view, Span span) =>
        _byArticle.TryGetValue(view, out var list) ? list.Where(c => c.Extent.Overlaps(span)).Select(c => c.Group) : [];
}
