using System.Text.RegularExpressions;
using Crosscheck.Report;
using FluentAssertions;

namespace Crosscheck.Tests.Report;

public class MarkdownDossierWriterTests
{
    private static readonly Regex Citation = new(@"(?<!\\)\[(\d+)\](?!:)", RegexOptions.CultureInvariant);
    private static readonly Regex Reference = new(@"^- <a id=""ref-(\d+)""></a>\\\[\1\\\] (.*)$", RegexOptions.Multiline | RegexOptions.CultureInvariant);

    [Fact]
    public void EveryCitationResolvesToAReferenceQuotingTheExactWords()
    {
        var dossier = DossierFixture.Build();
        var markdown = MarkdownDossierWriter.Render(dossier);
        var references = Reference.Matches(markdown).ToDictionary(m => int.Parse(m.Groups[1].Value), m => m.Groups[2].Value);
        references.Should().NotBeEmpty();

        var body = string.Join('\n', markdown.Split('\n').Where(l => !l.StartsWith("- <a id=\"ref-", StringComparison.Ordinal) && !Regex.IsMatch(l, @"^\[\d+\]: ")));
        var cited = Citation.Matches(body).Select(m => int.Parse(m.Groups[1].Value)).ToHashSet();
        cited.Should().NotBeEmpty();
        cited.Should().BeEquivalentTo(references.Keys, "every citation has a reference and every reference is cited");
        foreach (var n in cited) markdown.Should().Contain($"\n[{n}]: #ref-{n}\n", "the citation is a link in a Markdown renderer");

        // The claim "at least 14 killed or injured" cites both carrying reports, and the references quote them verbatim.
        var claimLine = markdown.Split('\n').Single(l => l.StartsWith("- *claimed* — “At least 14 people were killed or injured”", StringComparison.Ordinal));
        var claimCitations = Citation.Matches(claimLine).Select(m => int.Parse(m.Groups[1].Value)).ToList();
        claimCitations.Should().HaveCount(2);
        var claim = dossier.Claims[0];
        for (var i = 0; i < 2; i++)
        {
            var evidence = claim.Evidence[i];
            var article = dossier.Articles.Single(a => a.Id == evidence.Article);
            var quote = article.Text[evidence.Start..evidence.End];
            references[claimCitations[i]].Should().Contain($"**{article.Outlet}**").And.Contain($"“{MarkdownDossierWriter.Escape(quote)}”");
        }
    }

    [Fact]
    public void HasTheBriefSectionsPerStory()
    {
        var markdown = MarkdownDossierWriter.Render(DossierFixture.Build());
        markdown.Should().Contain("## Tessel dam breach").And.Contain("## Ferry fares");
        foreach (var heading in new[] { "### Sources", "### What happened", "### Who says what", "### Numbers", "### Disputed or unverified", "### Contradictions", "### Timeline", "### References" })
        {
            markdown.Should().Contain(heading + "\n");
        }
        markdown.Should().Contain("**killed or wounded**: at least 14 people", "casualty kinds are named and equal figures merged");
        markdown.Should().Contain("relays: Meridian Press Agency").And.Contain("2 pieces of page debris removed");
        markdown.Should().Contain("2025-03-16 (given: seed header)").And.Contain("date unknown (unknown)");
        markdown.Should().Contain("*unverified* — “a figure the Valley Post could not verify”");
        markdown.Should().Contain("*denied*");
        markdown.Should().Contain("single origin, relayed by 2 reports, 1 independent origin");
        // Timeline is chronological even though the dossier lists Saturday before Friday.
        markdown.IndexOf("**14 Mar 2025**", StringComparison.Ordinal).Should().BeLessThan(markdown.IndexOf("**15 Mar 2025**", StringComparison.Ordinal));
    }

    [Fact]
    public void EscapesHostileTextSoItCannotInjectMarkupOrLinks()
    {
        var markdown = MarkdownDossierWriter.Render(DossierFixture.BuildHostile());
        markdown.Should().NotMatchRegex(@"(?<!\\)<(script|svg|h1|iframe|b>)");
        markdown.Should().Contain(@"\<script\>fetch");
        markdown.Should().Contain(@"## \<h1\>Hijacked\</h1\>");
        // The only raw HTML is the writer's own anchors.
        foreach (Match tag in Regex.Matches(markdown, @"(?<!\\)<[^>]*>"))
        {
            tag.Value.Should().MatchRegex(@"^(<a id=""(story|ref)-\d+"">|</a>)$");
        }
    }

    [Fact]
    public void QuotesOffsetsThatDoNotFitAsSuchInsteadOfThrowing()
    {
        var dossier = DossierFixture.Build();
        var broken = dossier with { Claims = [dossier.Claims[0] with { Evidence = [new Evidence("harbor-courier-01", 5, 99_999), new Evidence("nobody", 0, 1)] }] };
        var markdown = MarkdownDossierWriter.Render(broken);
        markdown.Should().Contain("do not fit the report's text").And.Contain("unknown report `nobody`");
    }

    [Fact]
    public void EscapeFoldsLineBreaksAndEscapesPunctuation() =>
        MarkdownDossierWriter.Escape("a*b_[c](d)\n\n# e <f> & `g`").Should().Be(@"a\*b\_\[c\](d) \# e \<f\> \& \`g\`");
}

public class TimexOrderTests
{
    [Fact]
    public void SortsTimexValuesChronologically()
    {
        string[] values = ["2025-03-20", "2025-W11", "2025-03", "2025-02-28", "", "2024"];
        values.OrderBy(DossierView.TimexSortKey, StringComparer.Ordinal).Should().Equal("2024", "2025-02-28", "2025-03", "2025-W11", "2025-03-20", "");
        string[] seasons = ["2024-12-16", "2024-FA", "2024-10", "2024-SU", "2024-H2", "2024-09"];
        seasons.OrderBy(DossierView.TimexSortKey, StringComparer.Ordinal).Should().Equal("2024-SU", "2024-H2", "2024-FA", "2024-09", "2024-10", "2024-12-16");
    }
}
