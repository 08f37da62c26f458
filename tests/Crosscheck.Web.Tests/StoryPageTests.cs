using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Crosscheck.Report;
using FluentAssertions;

namespace Crosscheck.Web.Tests;

/// <summary>The story page of a very big story stays a page: the ledger is filtered and paged on the server.</summary>
public class StoryPageTests
{
    private static DossierSnapshot BigStory(int claims)
    {
        var text = "The spokesman said the bridge was closed. Officials denied it.";
        var articles = Enumerable.Range(0, 3).Select(i => new DossierArticle { Id = $"a{i}", PublishedHow = "given", Published = "2025-03-1" + i, Language = "en", Text = text, Outlet = "Outlet " + i }).ToImmutableArray();
        var statuses = new[] { "asserted", "denied", "unverified" };
        var all = Enumerable.Range(0, claims).Select(i => new DossierClaim
        {
            Id = "c" + i,
            Story = "s1",
            Content = "claim number " + i,
            Kind = "indirectSpeech",
            Status = statuses[i % 3],
            IndependentOrigins = i % 4,
            SpeakerText = "speaker " + (i % 7),
            Evidence = Enumerable.Range(0, 20).Select(k => new Evidence("a" + (k % 3), 0, 11)).ToImmutableArray(),
        }).ToImmutableArray();
        var dossier = new Dossier { Articles = articles, Stories = [new DossierStory("s1", "Bridge closed", articles.Select(a => a.Id).ToImmutableArray())], Claims = all };
        return new DossierSnapshot(dossier, 1);
    }

    private static int Rows(string html) => Regex.Matches(html, "<tr class=\"claim\"").Count;

    [Fact]
    public void OnlyUnfilteredAndStatusFilteredFirstPagesAreCached()
    {
        var snapshot = BigStory(900);
        var story = snapshot.Story("s1")!;
        for (var i = 0; i < 50; i++)
        {
            snapshot.StoryPage(story, new ClaimFilter(Speaker: "someone " + i), 1);
            snapshot.StoryPage(story, new ClaimFilter(OriginsText: i + "+"), 1);
            snapshot.StoryPage(story, new ClaimFilter(), 2 + i);
        }
        snapshot.PageCache.Should().BeEmpty("free-text filters and page numbers would let a client fill memory");

        var first = snapshot.StoryPage(story, new ClaimFilter(), 1);
        snapshot.StoryPage(story, new ClaimFilter(Status: "denied"), 1);
        snapshot.StoryPage(story, new ClaimFilter(), 1).Should().BeSameAs(first);
        snapshot.PageCache.Should().HaveCount(2);
        snapshot.StoryPage(story, new ClaimFilter(Speaker: "speaker 3"), 1).Should().NotBe(first, "a filtered page is still rendered with its filter");
    }

    [Fact]
    public void ASmallLedgerIsSentWholeForTheBrowserToFilter()
    {
        var snapshot = BigStory(30);
        var html = Pages.Story(snapshot, snapshot.Story("s1")!, new ClaimFilter(Status: "denied"));
        Rows(html).Should().Be(30);
        Regex.Matches(html, "<tr class=\"claim\"[^>]* hidden>").Count.Should().Be(20);
        html.Should().Contain("data-filter=\"browser\"").And.Contain("10 of 30 claims");
    }

    [Fact]
    public void ABigLedgerIsFilteredAndPagedOnTheServer()
    {
        var snapshot = BigStory(900);
        var story = snapshot.Story("s1")!;
        var first = Pages.Story(snapshot, story, new ClaimFilter());
        first.Should().Contain("data-filter=\"server\"").And.Contain("page 1 of 5");
        Rows(first).Should().Be(Pages.LedgerPageSize);
        first.Should().Contain("href=\"?page=2#claims\"").And.NotContain("previous claims");

        var denied = Pages.Story(snapshot, story, new ClaimFilter(Status: "denied"), 2);
        Rows(denied).Should().Be(100, "300 denied claims: the second page holds the last 100");
        Regex.Matches(denied, "data-status=\"([a-z]+)\"").Select(m => m.Groups[1].Value).Should().OnlyContain(s => s == "denied");
        denied.Should().Contain("href=\"?status=denied&amp;page=1#claims\"").And.NotContain("next claims");

        // Twenty reports carry each claim; the page quotes twelve and counts the rest.
        Regex.Matches(first, "class=\"evidence-link\"").Count.Should().Be(Pages.LedgerPageSize * 12);
        first.Should().Contain("and 8 more reports");
    }

    [Fact]
    public void TheStoryPageDrawsItsPlacesOnAnOfflineMap()
    {
        var article = new DossierArticle { Id = "a0", PublishedHow = "given", Published = "2025-03-10", Language = "en", Text = "Shelling hit Kursk and a village nearby.", Outlet = "Outlet" };
        var kursk = new DossierEntity
        {
            Id = "e1", Type = "place", Name = "Kursk <b>", Mentions = [new Evidence("a0", 13, 18)],
            Place = new DossierPlace(51.73, 36.19, 554234, "exact") { Country = "RU" },
        };
        var dossier = new Dossier { Articles = [article], Stories = [new DossierStory("s1", "Shelling", ["a0"])], Entities = [kursk] };
        var snapshot = new DossierSnapshot(dossier, 1);
        var html = Pages.Story(snapshot, snapshot.Story("s1")!, new ClaimFilter());
        html.Should().Contain("<section id=\"map\">").And.Contain("<svg class=\"map\"");
        html.Should().Contain("Kursk &lt;b&gt; (exact)").And.NotContain("Kursk <b>");
    }

    [Fact]
    public void TheSourcesTableNamesTheReportACopyRepeats()
    {
        var original = new DossierArticle { Id = "a0", PublishedHow = "given", Published = "2025-03-10", Language = "en", Text = "The dam held.", Outlet = "Harbor Wire" };
        var copy = new DossierArticle
        {
            Id = "a1", PublishedHow = "given", Published = "2025-03-11", Language = "en", Text = "The dam held.", Outlet = "Valley <Post>",
            CopyStatus = "copy", CopyOf = "a0", Family = "Valley Media",
        };
        var dossier = new Dossier { Articles = [original, copy], Stories = [new DossierStory("s1", "Dam", ["a0", "a1"])] };
        var snapshot = new DossierSnapshot(dossier, 1);
        var html = Pages.Story(snapshot, snapshot.Story("s1")!, new ClaimFilter());
        var sources = html[html.IndexOf("<section id=\"sources\">", StringComparison.Ordinal)..];
        sources.Should().Contain("copy of <a").And.Contain(">Harbor Wire</a>").And.Contain("Valley Media").And.Contain("Valley &lt;Post&gt;");
    }
}
