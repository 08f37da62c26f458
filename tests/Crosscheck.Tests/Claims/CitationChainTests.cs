using System.Collections.Immutable;
using Crosscheck.Claims;
using Crosscheck.Text;
using FluentAssertions;

namespace Crosscheck.Tests.Claims;

/// <summary>Claim-level relay chains: who cites whom, the primary source first. Invented sentences.</summary>
public class CitationChainTests
{
    private static (string Text, ImmutableArray<Attribution> Claims) Run(string text)
    {
        var article = new AnalyzedArticle(new Article { Id = "t", Text = text, ContentHash = "t" });
        var context = new AnalysisContext(new DateOnly(2024, 12, 16));
        article = new AttributionStage().Process(new TextStage().Process(article, context), context);
        return (text, article.Get(Layers.Claims));
    }

    private static string[] Chain(string text, Attribution a) => [.. a.Chain.Select(s => s.Of(text))];

    [Fact]
    public void Citing_inside_the_subject_is_a_link_not_part_of_the_speaker()
    {
        var (text, claims) = Run("The Harbour Times, citing the port authority, reported that two cranes had collapsed.");
        var a = claims.Single();
        a.Source!.Value.Of(text).Should().Be("The Harbour Times");
        Chain(text, a).Should().Equal("the port authority", "The Harbour Times");
        a.PrimarySource!.Value.Of(text).Should().Be("the port authority");
        a.Content.Of(text).Should().Be("two cranes had collapsed");
    }

    [Fact]
    public void A_chain_of_citations_is_ordered_from_the_origin()
    {
        var (text, claims) = Run("Nordpress reported, citing the Valley Courier, which in turn cited a channel run by a border unit, that three trucks were hit.");
        var a = claims.Single();
        Chain(text, a).Should().Equal("a channel run by a border unit", "the Valley Courier", "Nordpress");
        a.Content.Of(text).Should().Be("three trucks were hit");
    }

    [Fact]
    public void According_to_a_source_who_cited_another()
    {
        var (text, claims) = Run("According to Marta Kovac, who cited local police, the road was closed for a week.");
        var a = claims.Single();
        Chain(text, a).Should().Equal("local police", "Marta Kovac");
        a.Content.Of(text).Should().Be("the road was closed for a week");
    }

    [Fact]
    public void Trailing_and_fronted_citations()
    {
        var (text, claims) = Run("The fire destroyed 40 homes, the county sheriff said, citing rescue crews.\nQuoting two witnesses, the newspaper said the ferry left early.");
        Chain(text, claims.Single(a => a.Source!.Value.Of(text) == "the county sheriff")).Should().Equal("rescue crews", "the county sheriff");
        Chain(text, claims.Single(a => a.Source!.Value.Of(text) == "the newspaper")).Should().Equal("two witnesses", "the newspaper");
        claims.Should().HaveCount(2, "the citing participles are links, not claims of their own");
    }

    [Fact]
    public void An_enclosing_report_relays_the_inner_claim()
    {
        var (text, claims) = Run("The channel said the depot burned, the Valley Courier reported.");
        var inner = claims.Single(a => a.Source!.Value.Of(text) == "The channel");
        Chain(text, inner).Should().Equal("The channel", "the Valley Courier");
    }

    [Fact]
    public void A_speaker_citing_nobody_is_its_own_origin()
    {
        var (text, claims) = Run("The minister cited a housing report and said rents would fall.");
        var said = claims.Single(a => a.Cue!.Value.Of(text) == "said");
        Chain(text, said).Should().Equal("The minister");
    }
}
