using System.Collections.Immutable;
using Crosscheck.Claims;
using Crosscheck.Entities;
using Crosscheck.Text;
using FluentAssertions;

namespace Crosscheck.Tests.Claims;

/// <summary>Speakers the text names only by a noun for an outlet ("the outlet said"). Invented reports.</summary>
public class SpeakerResolverTests
{
    private static readonly AnalysisContext Context = new(new DateOnly(2024, 12, 16));

    private static ImmutableArray<Attribution> Run(string text, EntityLayer entities)
    {
        var article = new AnalyzedArticle(new Article { Id = "t", Text = text, ContentHash = "t" });
        article = new TextStage().Process(article, Context);
        article = article.With(Layers.Entities, entities);
        return new AttributionStage().Process(article, Context).Get(Layers.Claims);
    }

    private static EntityLayer Layer(string text, params (string Words, EntityType Type, int Entity)[] mentions)
    {
        var built = mentions.Select(m =>
        {
            int at = text.IndexOf(m.Words, StringComparison.Ordinal);
            return new EntityMention(new Span(at, at + m.Words.Length), m.Type, m.Entity);
        }).OrderBy(m => m.Span.Start).ToImmutableArray();
        var entities = mentions.GroupBy(m => m.Entity).OrderBy(g => g.Key)
            .Select(g => new ArticleEntity(g.Key, g.First().Type, g.First().Words, [])).ToImmutableArray();
        return new EntityLayer(built, entities);
    }

    private static Attribution Last(string text, ImmutableArray<Attribution> claims, string cue) =>
        claims.Where(a => a.Cue is { } c && c.Of(text) == cue).OrderBy(a => a.Cue!.Value.Start).Last();

    private const string TwoOutlets =
        "Valdorska Pravda reported on Sunday that the bridge had fallen, Meridian news agency reported. "
        + "\"Two spans of the bridge went into the river overnight,\" the outlet said.";

    [Fact]
    public void The_outlet_is_the_outlet_named_before_not_the_agency_relaying_it()
    {
        var entities = Layer(TwoOutlets, ("Valdorska Pravda", EntityType.Organization, 0), ("Meridian", EntityType.Organization, 1));
        Last(TwoOutlets, Run(TwoOutlets, entities), "said").SpeakerEntity.Should().Be(0);
    }

    [Fact]
    public void The_agency_is_the_body_the_text_called_an_agency()
    {
        var text = TwoOutlets.Replace("the outlet said", "the agency said", StringComparison.Ordinal);
        var entities = Layer(text, ("Valdorska Pravda", EntityType.Organization, 0), ("Meridian", EntityType.Organization, 1));
        Last(text, Run(text, entities), "said").SpeakerEntity.Should().Be(1);
    }

    [Fact]
    public void The_outlet_stays_unnamed_when_no_outlet_was_named()
    {
        const string text = "Mayor Olek Marchenko addressed the Harbour Council on Sunday. \"Two spans of the bridge went into the river overnight,\" the outlet said.";
        var entities = Layer(text, ("Olek Marchenko", EntityType.Person, 0), ("Harbour Council", EntityType.Organization, 1));
        Last(text, Run(text, entities), "said").SpeakerEntity.Should().BeNull();
    }

    [Fact]
    public void The_agency_is_the_body_whose_name_ends_in_agency_not_the_newspaper_before_it()
    {
        const string text = "The Harbourton Times reported that inspectors from the Northern Water Safety Agency visited the dam. "
            + "\"The spillway is sound,\" the agency said.";
        var entities = Layer(text, ("Harbourton Times", EntityType.Organization, 0), ("Northern Water Safety Agency", EntityType.Organization, 1));
        Last(text, Run(text, entities), "said").SpeakerEntity.Should().Be(1);
    }

    [Fact]
    public void A_newspaper_title_does_not_answer_the_agency()
    {
        const string text = "Meridian, citing the Harbourton Post, said on Monday that the dam had cracked. "
            + "\"Water is seeping through the wall,\" the agency said.";
        var entities = Layer(text, ("Meridian", EntityType.Organization, 0), ("Harbourton Post", EntityType.Organization, 1));
        Last(text, Run(text, entities), "said").SpeakerEntity.Should().NotBe(1);
    }

    [Fact]
    public void The_channel_is_the_body_the_text_called_a_channel_before_its_name()
    {
        const string text = "The Harbourton Independent quoted the Telegram channel Kestrel on Monday. "
            + "\"The column turned back at the river,\" the channel said.";
        var entities = Layer(text, ("Harbourton Independent", EntityType.Organization, 0), ("Kestrel", EntityType.Organization, 1));
        Last(text, Run(text, entities), "said").SpeakerEntity.Should().Be(1);
    }

    [Fact]
    public void The_channel_does_not_reach_past_a_nearer_body_to_a_newspaper()
    {
        const string text = "The Harbourton Independent reported that the Valdor Rail Company shut the line on Monday. "
            + "\"Trains will run again on Friday,\" the channel said.";
        var entities = Layer(text, ("Harbourton Independent", EntityType.Organization, 0), ("Valdor Rail Company", EntityType.Organization, 1));
        Last(text, Run(text, entities), "said").SpeakerEntity.Should().BeNull();
    }

    [Fact]
    public void A_capital_speaking_alone_is_its_state_when_the_report_names_the_state()
    {
        const string text = "Ukraine reinforced the northern border last week. Kyiv said on Monday that two bridges had been repaired.";
        var entities = Layer(text, ("Ukraine", EntityType.Place, 0), ("Kyiv", EntityType.Place, 1));
        Last(text, Run(text, entities), "said").SpeakerEntity.Should().Be(0);
    }

    [Theory]
    [InlineData("Kyiv said on Monday that two bridges had been repaired.")]
    [InlineData("Ukraine reinforced the border last week. Officials in Kyiv said on Monday that two bridges had been repaired.")]
    public void A_capital_stays_the_speaker_without_its_state_or_inside_a_longer_source(string text)
    {
        var mentions = text.Contains("Ukraine", StringComparison.Ordinal)
            ? new[] { ("Ukraine", EntityType.Place, 0), ("Kyiv", EntityType.Place, 1) }
            : new[] { ("Kyiv", EntityType.Place, 1) };
        var entities = Layer(text, mentions);
        Last(text, Run(text, entities), "said").SpeakerEntity.Should().NotBe(0);
    }
}
