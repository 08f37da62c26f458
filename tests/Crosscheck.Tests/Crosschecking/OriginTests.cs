using Crosscheck.Crosschecking;
using Crosscheck.Entities;
using Crosscheck.Quantities;
using Crosscheck.Report;
using FluentAssertions;

namespace Crosscheck.Tests.Crosschecking;

/// <summary>
/// Who a matched claim comes from: the first source of each relay chain, bodies named only in
/// words, unnamed people counted per newsroom, relays counted only when nobody behind them is named.
/// </summary>
public class OriginTests
{
    private const string Figure = "at least 25 Velmar soldiers were killed near Dorvik on March 9";

    private static Dossier Assemble(params AnalyzedArticle[] articles) =>
        new DossierAssembler(DossierFixtures.Linker()).Assemble(articles, new DateOnly(2031, 3, 20));

    private static ArticleBuilder Report(string id, string text) =>
        new ArticleBuilder(id, text).Published(2031, 3, 11).Quantity("at least 25", 25, null, "", "soldiers", CasualtyKind.Killed);

    [Fact]
    public void The_source_a_relay_cites_is_the_origin_not_the_relay()
    {
        var relayed = Report("a1", $"The Harbour News agency, citing the Orland general staff, reported that {Figure}.")
            .Entity("Harbour News agency", EntityType.Organization)
            .Entity("Orland general staff", EntityType.Organization, "General Staff")
            .Claim("The Harbour News agency", "reported", Figure, speaker: "Harbour News agency", cites: "the Orland general staff")
            .Build();
        var direct = Report("a2", $"The Orland general staff said {Figure}.")
            .Entity("Orland general staff", EntityType.Organization, "General Staff")
            .Claim("The Orland general staff", "said", Figure, speaker: "General Staff")
            .Build();
        var claim = Assemble(relayed, direct).Claims.Should().ContainSingle().Subject;
        claim.Origins.Should().Equal("ent:general-staff");
        claim.IndependentOrigins.Should().Be(1);
    }

    [Fact]
    public void A_speaker_who_cites_someone_else_passes_the_claim_on_and_a_different_body_adds_an_origin()
    {
        var citing = Report("b1", $"Mayor Tomas Wren said, citing the Orland general staff, that {Figure}.")
            .Entity("Tomas Wren", EntityType.Person)
            .Entity("Orland general staff", EntityType.Organization, "General Staff")
            .Claim("Mayor Tomas Wren", "said", Figure, speaker: "Tomas Wren", cites: "the Orland general staff")
            .Build();
        var other = Report("b2", $"The Velmar defence ministry said {Figure}.")
            .Entity("Velmar defence ministry", EntityType.Organization, "Defence Ministry")
            .Claim("The Velmar defence ministry", "said", Figure, speaker: "Defence Ministry")
            .Build();
        var claim = Assemble(citing, other).Claims.Should().ContainSingle().Subject;
        claim.Origins.Should().Equal("ent:defence-ministry", "ent:general-staff");
        claim.IndependentOrigins.Should().Be(2);
        claim.Corroboration.Should().Be("independently corroborated");
    }

    [Fact]
    public void He_is_the_person_the_speaker_stage_resolved_so_one_quote_in_three_reports_is_one_origin()
    {
        const string Quote = "\"The river will crest at Dorvik on March 9,\"";
        AnalyzedArticle Quoting(string id) => new ArticleBuilder(id, $"Mayor Tomas Wren spoke on Monday. {Quote} he said.").Published(2031, 3, 11)
            .Entity("Tomas Wren", EntityType.Person)
            .Claim("he", "said", Quote, speaker: "Tomas Wren", kind: Crosscheck.Claims.AttributionKind.DirectQuote)
            .Build();
        var claim = Assemble(Quoting("h1"), Quoting("h2"), Quoting("h3")).Claims.Should().ContainSingle().Subject;
        claim.Origins.Should().Equal("ent:tomas-wren");
        claim.IndependentOrigins.Should().Be(1, "three reports quoting one mayor are one origin, not three newsrooms");
    }

    [Fact]
    public void A_capitalised_nobody_the_entity_stage_took_for_a_name_is_each_reports_own_line()
    {
        const string Doubt = "whether the bridge at Dorvik would reopen before March 9";
        AnalyzedArticle Line(string id, string rest) => new ArticleBuilder(id, $"Nobody could yet say {Doubt}. {rest}").Published(2031, 3, 11)
            .Entity("Nobody", EntityType.Person)
            .Claim("Nobody", "say", Doubt, speaker: "Nobody")
            .Build();
        var first = Line("n1", "Ferry crews waited on the quay with their engines idling while the river kept rising through the night.");
        var second = Line("n2", "Shopkeepers on the old market street stacked sandbags in their doorways and moved stock to upper floors.");
        var claim = Assemble(first, second).Claims.Should().ContainSingle().Subject;
        claim.Origins.Should().NotContain(o => o.StartsWith("ent:", StringComparison.Ordinal));
        claim.IndependentOrigins.Should().Be(2, "two newsrooms' own doubts are two origins, not one speaker called Nobody");
    }

    [Fact]
    public void Bodies_named_only_in_words_are_origins_by_their_words()
    {
        var first = Report("c1", $"The interior ministry said {Figure}.").Claim("The interior ministry", "said", Figure).Build();
        var second = Report("c2", $"The interior ministry said on Monday that {Figure}.").Claim("The interior ministry", "said", Figure).Build();
        var third = Report("c3", $"A local hospital said {Figure}.").Claim("A local hospital", "said", Figure).Build();
        var claim = Assemble(first, second, third).Claims.Should().ContainSingle().Subject;
        claim.Origins.Should().BeEmpty();
        claim.UnresolvedOrigins.Should().Equal("interior ministry", "local hospital");
        claim.IndependentOrigins.Should().Be(2);
    }

    [Fact]
    public void Unnamed_people_in_independent_reports_count_once_per_newsroom()
    {
        var first = Report("d1", $"Witnesses said {Figure}.")
            .Entity("Witnesses", EntityType.Person)
            .Claim("Witnesses", "said", Figure, speaker: "Witnesses")
            .Build();
        var second = Report("d2", $"Officials in the Tarsk region said {Figure}.")
            .Entity("Tarsk", EntityType.Place)
            .Claim("Officials in the Tarsk region", "said", Figure, speaker: "Tarsk")
            .Build();
        var third = Report("d3", $"Eyewitnesses told reporters that {Figure}.")
            .Claim("Eyewitnesses", "told", Figure)
            .Build();
        var claim = Assemble(first, second, third).Claims.Should().ContainSingle().Subject;
        claim.Origins.Should().BeEmpty("neither a lone plural taken for a name nor a place in a modifier is the speaker");
        claim.IndependentOrigins.Should().Be(3);
    }

    [Fact]
    public void Unnamed_people_do_not_add_to_a_named_origin()
    {
        var named = Report("e1", $"The Orland general staff said {Figure}.")
            .Entity("Orland general staff", EntityType.Organization, "General Staff")
            .Claim("The Orland general staff", "said", Figure, speaker: "General Staff")
            .Build();
        var unnamed = Report("e2", $"Officials said {Figure}.").Claim("Officials", "said", Figure).Build();
        Assemble(named, unnamed).Claims.Should().ContainSingle().Which.IndependentOrigins.Should().Be(1);
    }

    [Fact]
    public void Its_government_is_the_government_of_the_country_named_before_it()
    {
        var first = Report("f1", $"Velmar will send rescuers, and {Figure}, its government said.")
            .Entity("Velmar", EntityType.Place)
            .Claim("its government", "said", Figure)
            .Build();
        var second = Report("f2", $"The government of Velmar said {Figure}.")
            .Entity("Velmar", EntityType.Place)
            .Claim("The government of Velmar", "said", Figure, speaker: "Velmar")
            .Build();
        var claim = Assemble(first, second).Claims.Should().ContainSingle().Subject;
        claim.Origins.Should().Equal("ent:velmar");
        claim.IndependentOrigins.Should().Be(1);
    }

    [Fact]
    public void A_named_relay_that_cites_nobody_is_one_origin_however_many_outlets_repeat_it()
    {
        var first = Report("g1", $"{Figure}, the Meridian Press Agency reported.")
            .Relays("Meridian Press Agency")
            .Claim("the Meridian Press Agency", "reported", Figure)
            .Build();
        var second = Report("g2", $"On Monday {Figure}, the Meridian Press Agency reported.")
            .Relays("Meridian Press Agency")
            .Claim("the Meridian Press Agency", "reported", Figure)
            .Build();
        var claim = Assemble(first, second).Claims.Should().ContainSingle().Subject;
        claim.Articles.Should().Equal("g1", "g2");
        claim.IndependentOrigins.Should().Be(1);
    }

    [Theory]
    [InlineData("the civil protection agency", "civil protection agency")]
    [InlineData("a local hospital", "local hospital")]
    [InlineData("The Netherlands", "netherlands")]
    [InlineData("witnesses", null)]
    [InlineData("officials in the region", null)]
    [InlineData("its government", null)]
    [InlineData("yet", null)]
    [InlineData("they", null)]
    public void A_source_phrase_is_a_body_or_unnamed_people(string phrase, string? origin) =>
        ClaimMention.NamedByText(phrase, null).Text.Should().Be(origin);
}
