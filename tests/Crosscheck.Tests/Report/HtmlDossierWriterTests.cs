using System.Collections.Immutable;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Crosscheck.Report;
using FluentAssertions;

namespace Crosscheck.Tests.Report;

public class HtmlDossierWriterTests
{
    private static IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    [Fact]
    public void DeclaresAContentSecurityPolicyThatForbidsEveryLoadAndAllowsOnlyItsOwnBlocks()
    {
        var html = HtmlDossierWriter.Render(DossierFixture.Build());
        var doc = Parse(html);
        var csp = doc.Head!.QuerySelector("meta[http-equiv='Content-Security-Policy']");
        csp.Should().NotBeNull();
        var policy = csp!.GetAttribute("content")!;
        policy.Should().StartWith("default-src 'none';").And.Contain("img-src 'none'").And.Contain("base-uri 'none'").And.NotContain("unsafe");
        doc.Head.Children.Take(2).Should().Contain(csp, "the policy comes before anything it governs");

        var style = doc.QuerySelectorAll("style").Should().ContainSingle().Subject;
        var script = doc.QuerySelectorAll("script").Should().ContainSingle().Subject;
        policy.Should().Contain($"style-src '{Sha256(style.TextContent)}'").And.Contain($"script-src '{Sha256(script.TextContent)}'");
    }

    [Fact]
    public void LoadsNothingAndLinksOnlyToItselfOrToHttpArticleUrls()
    {
        var html = HtmlDossierWriter.Render(DossierFixture.BuildHostile());
        var doc = Parse(html);
        // The only SVG is the locator map, drawn inline from shapes and text: nothing in it loads or runs.
        doc.QuerySelectorAll("svg").Should().OnlyContain(svg => svg.ClassList.Contains("map") && svg.ParentElement!.LocalName == "figure");
        var mapParts = new[] { "svg", "title", "rect", "g", "path", "circle", "text" };
        foreach (var element in doc.All)
        {
            new[] { "img", "iframe", "link", "object", "embed", "video", "audio", "source", "base", "form", "image", "use", "foreignobject", "a" }
                .Where(tag => tag != "a" || element.Closest("svg") is not null)
                .Should().NotContain(element.LocalName);
            if (element.Closest("svg") is not null) mapParts.Should().Contain(element.LocalName);
            foreach (var attribute in element.Attributes)
            {
                attribute.Name.Should().NotStartWith("on", $"no event handler on <{element.LocalName}>");
                new[] { "src", "srcset", "style", "action", "formaction", "poster", "background" }.Should().NotContain(attribute.Name);
            }
            var href = element.GetAttribute("href");
            if (href is null) continue;
            element.LocalName.Should().Be("a");
            if (href.StartsWith('#')) continue;
            href.Should().MatchRegex("^https?://", "only http(s) article links leave the page");
            element.GetAttribute("rel").Should().Contain("noopener").And.Contain("noreferrer");
        }
        html.Should().NotContain("javascript:alert(document.cookie)\"", "a javascript: URL is shown as text, never as an href");
        doc.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).Should().NotContain(h => h != null && h.Contains("javascript", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void EscapesHostileTitlesTextsAndAttributes()
    {
        var dossier = DossierFixture.BuildHostile();
        var html = HtmlDossierWriter.Render(dossier);
        var doc = Parse(html);
        doc.QuerySelectorAll("script").Should().ContainSingle("only the page's own filter script");
        doc.QuerySelectorAll("h1").Should().ContainSingle();
        doc.QuerySelector("section.story h2")!.TextContent.Should().Be("<h1>Hijacked</h1>");
        doc.Title.Should().Be("Crosscheck dossier");
        html.Should().NotContain("<script>alert").And.NotContain("<img").And.NotContain("<iframe");
        doc.QuerySelectorAll("svg").Should().OnlyContain(svg => svg.ClassList.Contains("map"), "no hostile text becomes an SVG element");
        html.Should().Contain("&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt; Dam &quot; onerror=&quot;alert(1)");
        // The hostile article id never becomes an HTML id; the text survives verbatim as text.
        doc.GetElementById("evil").Should().BeNull();
        var hostileArticle = dossier.Articles.Single(a => a.Id.Contains("evil"));
        doc.QuerySelectorAll(".report-text").Select(e => e.TextContent).Should().Contain(hostileArticle.Text);
        // The hostile status cannot break out of the row's data attribute or the badge class.
        var row = doc.QuerySelectorAll("tr[data-status]").Single(r => r.TextContent.Contains("alert(4)"));
        row.GetAttribute("data-status").Should().Be("claimed\" onclick=\"alert(5)");
        row.QuerySelector(".badge")!.ClassList.Should().Contain("s-claimedonclickalert");
    }

    [Fact]
    public void EveryInternalLinkHasATargetAndClaimRowsLinkToTheirHighlightedEvidence()
    {
        var dossier = DossierFixture.Build();
        var doc = Parse(HtmlDossierWriter.Render(dossier));
        var links = doc.QuerySelectorAll("a[href^='#']").Select(a => a.GetAttribute("href")![1..]).ToList();
        links.Should().NotBeEmpty();
        foreach (var id in links) doc.GetElementById(id).Should().NotBeNull($"#{id} is linked");
        doc.QuerySelectorAll("[id]").Select(e => e.Id).Should().OnlyHaveUniqueItems();

        var claim = dossier.Claims[0];
        var row = doc.QuerySelectorAll("#ledger-1 tbody tr").Single(r => r.TextContent.Contains(claim.Content));
        var carriers = row.QuerySelectorAll("td:last-child a").ToList();
        carriers.Select(a => a.TextContent).Should().Equal("Harbor Courier", "Valley Post");
        for (var i = 0; i < 2; i++)
        {
            var target = doc.GetElementById(carriers[i].GetAttribute("href")![1..])!;
            var evidence = claim.Evidence[i];
            var quote = dossier.Articles.Single(a => a.Id == evidence.Article).Text[evidence.Start..evidence.End];
            target.LocalName.Should().Be("mark");
            target.ClassList.Should().Contain("claim");
            quote.Should().StartWith(target.TextContent, "the mark begins the claim's exact words (nested highlights may split it)");
            target.Closest("article")!.Id.Should().Be($"report-{dossier.Articles.IndexOf(dossier.Articles.Single(a => a.Id == evidence.Article)) + 1}");
        }
    }

    [Fact]
    public void ReportTextsAreReproducedExactlyAroundTheHighlights()
    {
        var dossier = DossierFixture.Build();
        var doc = Parse(HtmlDossierWriter.Render(dossier));
        var texts = doc.QuerySelectorAll(".report-text").Select(e => e.TextContent).ToList();
        texts.Should().Equal(dossier.Articles.Select(a => a.Text));
        doc.QuerySelectorAll("mark").Should().NotBeEmpty();
    }

    [Fact]
    public void HasEveryStorySection()
    {
        var dossier = DossierFixture.Build();
        var doc = Parse(HtmlDossierWriter.Render(dossier));
        var story = doc.GetElementById("story-1")!;
        story.QuerySelectorAll("h3").Select(h => h.TextContent).Should().ContainInOrder(
            "Brief", "Claims ledger", "Contradictions", "Timeline", "Events", "Entities", "Sources", "Reports");
        story.QuerySelector("select[data-ledger='ledger-1']")!.QuerySelectorAll("option").Select(o => o.GetAttribute("value"))
            .Should().Equal("", "claimed", "denied", "unverified");
        story.TextContent.Should().Contain("52.5123, -3.3101").And.Contain("GB / Wales").And.Contain("photo credit");
        story.TextContent.Should().Contain("relays: Meridian Press Agency").And.Contain("by Mara Quell").And.Contain("dateline “Harlow, Saturday”");
        story.TextContent.Should().Contain("2025-03-17 (inferred:");
        doc.QuerySelectorAll("nav.toc li").Should().HaveCount(2);
        doc.QuerySelector("a[href='https://harbor-courier.example/news/tessel']").Should().NotBeNull();
    }

    [Fact]
    public void SurvivesOffsetsThatDoNotFitAndDanglingIds()
    {
        var dossier = DossierFixture.Build();
        var broken = dossier with
        {
            Claims = [dossier.Claims[0] with { Evidence = [new Evidence("harbor-courier-01", 50, 10), new Evidence("nobody", 0, 5)], Speaker = "e-missing", Origins = ["e-missing"] }],
            Stories = [dossier.Stories[0] with { Articles = ["harbor-courier-01", "not-an-article"] }],
            Timeline = default,
        };
        var doc = Parse(HtmlDossierWriter.Render(broken));
        doc.QuerySelectorAll("sup.cite").Should().NotBeEmpty("an unusable span is shown as an unlinked citation");
        doc.Body!.TextContent.Should().Contain("e-missing");
    }

    [Fact]
    public void RendersALargeDossierInLinearTime()
    {
        var big = BigDossier(articles: 2000, claimsPerArticle: 6);
        var watch = Stopwatch.StartNew();
        var writer = new StringWriter();
        HtmlDossierWriter.Write(big, writer);
        watch.Stop();
        writer.GetStringBuilder().Length.Should().BeGreaterThan(2000 * 3000);
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10), "2000 reports and 12000 claims render in well under a second on a laptop");
        var markdown = new StringWriter();
        MarkdownDossierWriter.Write(big, markdown);
        markdown.GetStringBuilder().Length.Should().BeGreaterThan(100_000);
    }

    private static Dossier BigDossier(int articles, int claimsPerArticle)
    {
        var sentence = "The authority said at least 14 people were killed or injured near the dam on Saturday. ";
        var text = string.Concat(Enumerable.Repeat(sentence, 40));
        var list = ImmutableArray.CreateBuilder<DossierArticle>();
        var claims = ImmutableArray.CreateBuilder<DossierClaim>();
        var stories = ImmutableArray.CreateBuilder<DossierStory>();
        for (var a = 0; a < articles; a++)
        {
            var id = $"a{a}";
            list.Add(new DossierArticle { Id = id, Outlet = $"Outlet {a % 17}", PublishedHow = "unknown", Language = "en", Text = text });
            for (var c = 0; c < claimsPerArticle; c++)
            {
                var at = c * sentence.Length;
                claims.Add(new DossierClaim
                {
                    Id = $"c{a}-{c}", Story = $"s{a / 50}", Content = "at least 14 people were killed or injured", Kind = "indirectSpeech", Status = c % 2 == 0 ? "claimed" : "unverified",
                    Evidence = [new Evidence(id, at + 19, at + 60), new Evidence(id, at, at + 87)], Articles = [id], IndependentOrigins = 1,
                });
            }
        }
        for (var s = 0; s * 50 < articles; s++)
        {
            stories.Add(new DossierStory($"s{s}", $"Story {s}", [.. Enumerable.Range(s * 50, Math.Min(50, articles - s * 50)).Select(i => $"a{i}")]));
        }
        return new Dossier { Articles = list.ToImmutable(), Claims = claims.ToImmutable(), Stories = stories.ToImmutable() };
    }

    private static string Sha256(string content) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
}

public class HtmlDossierWriterEdgeTests
{
    [Fact]
    public void AReportListedByTwoStoriesIsPrintedOnceAndIdsStayUnique()
    {
        var dossier = DossierFixture.Build();
        var twice = dossier with { Stories = [dossier.Stories[0], dossier.Stories[1] with { Articles = ["ferry-03", "valley-post-02"] }] };
        var doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(HtmlDossierWriter.Render(twice));
        doc.QuerySelectorAll("[id]").Select(e => e.Id).Should().OnlyHaveUniqueItems();
        doc.QuerySelectorAll(".report-text").Should().HaveCount(3);
        // In the second story the Valley Post is source [2], and its note links back to the text.
        var note = doc.GetElementById("story-2")!.QuerySelectorAll("p.meta a").Single();
        note.TextContent.Should().Be("[2] Valley Post");
        doc.GetElementById(note.GetAttribute("href")![1..]).Should().NotBeNull();
    }

    [Fact]
    public void KeepsLoneSurrogatesAndControlCharactersFromBreakingThePage()
    {
        var dossier = DossierFixture.Build();
        var odd = dossier with { Articles = [dossier.Articles[0] with { Title = "bad \ud800 title \u0000 \u0007 end" }, .. dossier.Articles.Skip(1)] };
        var html = HtmlDossierWriter.Render(odd);
        html.Should().NotContain("\u0000").And.NotContain("\u0007").And.Contain("title");
        var json = DossierJson.Serialize(odd);
        DossierJson.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json))).Articles[0].Title!.Length.Should().Be(odd.Articles[0].Title!.Length, "offsets-style lengths survive a round trip");
    }
}

public class HtmlSourceListTests
{
    [Fact]
    public void CopiesAreListedUnderTheirOriginalWithFamilyAndRelayChain()
    {
        var dossier = DossierFixture.Build();
        var courier = dossier.Articles[0];
        var post = dossier.Articles[1] with
        {
            CopyStatus = "copy",
            CopyOf = courier.Id,
            CopyExplanation = "Near-duplicate of the courier report.",
            Family = "Valley Media",
            RelayChains = [["Meridian Press Agency", "the regional water authority"]],
        };
        // The copy comes first in the input; the page still lists it after its original.
        dossier = dossier with { Articles = [post, courier with { CopyStatus = "original" }, .. dossier.Articles.Skip(2)] };
        var html = HtmlDossierWriter.Render(dossier);
        var doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        var sources = doc.QuerySelector("dl.sources")!;
        var terms = sources.QuerySelectorAll("dt").Select(dt => dt.TextContent).ToList();
        terms.FindIndex(t => t.Contains("Harbor Courier")).Should().BeLessThan(terms.FindIndex(t => t.Contains("Valley Post")));
        sources.QuerySelector("dt.copy")!.TextContent.Should().Contain("Valley Post");
        sources.TextContent.Should().Contain("copy of [").And.Contain("Near-duplicate of the courier report.")
            .And.Contain("family Valley Media").And.Contain("relay chain: Meridian Press Agency ← the regional water authority");
    }
}
