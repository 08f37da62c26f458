using Crosscheck.Cleaning;
using Crosscheck.Ingest;
using FluentAssertions;

namespace Crosscheck.Tests.Cleaning;

/// <summary>
/// Reads the shared seed reports and checks, by general properties rather than their exact text,
/// that debris is gone and metadata is found.
/// </summary>
public sealed class SeedCorpusTests
{
    [SharedDataFact("corpus", "seeds")]
    public void Seeds_are_read_and_cleaned()
    {
        var folder = SharedData.Path("corpus", "seeds")!;
        var items = new InputReader(InputLimits.Default).Read([folder]).ToList();
        items.Should().NotBeEmpty().And.OnlyContain(item => item.Error == null);
        var preparer = new ArticlePreparer();
        var articles = items.Select(item => preparer.Prepare(item.Article!)).ToList();

        foreach (var article in articles)
        {
            var lines = article.Text.Split('\n');
            lines.Should().OnlyHaveUniqueItems($"no line of {article.Id} should appear twice");
            lines.Should().NotContain(line => line.Contains('©'), "captions with credits are debris");
            article.Text.Should().NotContain("\n\n");
            if (article.Published.How == PublishedHow.Given) article.Published.Date.Should().NotBeNull();
        }

        var all = articles.SelectMany(a => a.Removed).ToList();
        all.Should().Contain(r => r.Reason == DebrisReasons.ReadAloudNotice && r.Text.Contains("audio", StringComparison.OrdinalIgnoreCase));
        all.Should().Contain(r => r.Reason == DebrisReasons.PhotoCredit && r.Text.StartsWith("Cover photo"));
        all.Should().Contain(r => r.Reason == DebrisReasons.RelatedLink);

        var relayed = articles.Single(a => a.Removed.Any(r => r.Reason == DebrisReasons.AgencyPrefix));
        relayed.Outlet.Should().NotBeNullOrEmpty();
        relayed.Relays.Should().Contain("MENAFN");
        relayed.Text.Should().NotStartWith("(");

        articles.Where(a => a.Dateline is not null).Should().HaveCountGreaterThanOrEqualTo(2);
        foreach (var article in articles.Where(a => a.Dateline is not null))
        {
            article.Removed.Should().Contain(r => r.Reason == DebrisReasons.Dateline && r.Text == article.Dateline!.Text);
            article.Text.Should().NotStartWith(article.Dateline!.Text);
        }
        articles.Should().Contain(a => a.Title != null && !a.Text.Contains(a.Title));
    }
}
