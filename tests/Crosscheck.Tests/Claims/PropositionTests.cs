using System.Collections.Immutable;
using Crosscheck.Claims;
using Crosscheck.Entities;
using Crosscheck.Places;
using Crosscheck.Quantities;
using Crosscheck.Text;
using Crosscheck.Times;
using FluentAssertions;

namespace Crosscheck.Tests.Claims;

/// <summary>A claim's content as structure, read from the layers earlier stages produced. Invented sentences.</summary>
public class PropositionTests
{
    private static readonly AnalysisContext Context = new(new DateOnly(2024, 12, 16));

    private static Span Find(string text, string words)
    {
        int i = text.IndexOf(words, StringComparison.Ordinal);
        return new Span(i, i + words.Length);
    }

    [Fact]
    public void Actors_action_figures_places_and_times_inside_the_content()
    {
        const string text = "The regional army said at least 12 Harmon Guard fighters, who had crossed the river, were killed or wounded near Orlovka on Saturday.";
        var article = new TextStage().Process(new AnalyzedArticle(new Article { Id = "t", Text = text, ContentHash = "t" }), Context);
        article = article
            .With(Layers.Entities, new EntityLayer(
                [new EntityMention(Find(text, "The regional army"), EntityType.Organization, 0), new EntityMention(Find(text, "Harmon Guard"), EntityType.Group, 1)],
                [new ArticleEntity(0, EntityType.Organization, "regional army", []), new ArticleEntity(1, EntityType.Group, "Harmon Guard", [])]))
            .With(Layers.Quantities, [new Quantity(Find(text, "at least 12"), 12, null, "person", "fighters", CasualtyKind.KilledOrWounded)])
            .With(Layers.Places, [new ResolvedPlace(Find(text, "Orlovka"), "Orlovka", 52, 34, 7, "RU", "Bryansk Oblast", PlacePrecision.Exact)])
            .With(Layers.Times, [new TimeExpression(Find(text, "Saturday"), TimexType.Date, "2024-12-14")]);
        var claim = new AttributionStage().Process(article, Context).Get(Layers.Claims).Single();
        var p = claim.Proposition;
        p.Action!.Value.Of(text).Should().Be("were killed or wounded", "the verb of the relative clause is not the claim's action");
        p.Actors.Should().Equal(1);
        p.Quantities.Should().Equal(0);
        p.Places.Should().Equal(0);
        p.Times.Should().Equal(0);
    }

    [Fact]
    public void Without_the_other_layers_only_the_action_is_read()
    {
        const string text = "The mayor said the bridge could reopen next week.";
        var article = new TextStage().Process(new AnalyzedArticle(new Article { Id = "t", Text = text, ContentHash = "t" }), Context);
        var p = new AttributionStage().Process(article, Context).Get(Layers.Claims).Single().Proposition;
        p.Action!.Value.Of(text).Should().Be("could reopen");
        p.Actors.Should().BeEmpty();
        p.Quantities.Should().BeEmpty();
    }

    [Theory]
    [InlineData("the convoy was hit twice", "was hit")]
    [InlineData("Russia deployed more troops", "deployed")]
    [InlineData("thousands of troops, which arrived in May, have reportedly been sent", "have reportedly been sent")]
    [InlineData("a deal for the harbour", null)]
    public void The_main_verb_group(string content, string? action)
    {
        var (sentences, tokens) = Tokenizer.Analyze(content);
        _ = sentences;
        var found = PropositionReader.ActionOf(new TokenView(content, tokens), new Span(0, content.Length));
        (found is { } s ? s.Of(content) : null).Should().Be(action);
    }
}
