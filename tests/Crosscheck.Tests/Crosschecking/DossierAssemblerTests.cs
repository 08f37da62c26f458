using System.Text.Json;
using Crosscheck.Claims;
using Crosscheck.Crosschecking;
using Crosscheck.Entities;
using Crosscheck.Quantities;
using Crosscheck.Report;
using FluentAssertions;

namespace Crosscheck.Tests.Crosschecking;

public class DossierAssemblerTests
{
    private static readonly DateOnly Reference = new(2031, 3, 8);

    private static Dossier Assemble(params AnalyzedArticle[] articles) =>
        new DossierAssembler(DossierFixtures.Linker()).Assemble(articles, Reference);

    private static Dossier Fixture() =>
        Assemble(DossierFixtures.First(), DossierFixtures.Second(), DossierFixtures.Third(), DossierFixtures.Unrelated());

    private static DossierClaim ClaimContaining(Dossier dossier, string words) =>
        dossier.Claims.Single(c => c.Content.Contains(words, StringComparison.OrdinalIgnoreCase));

    [Fact]
    public void Related_reports_form_one_story_and_the_unrelated_one_its_own()
    {
        var dossier = Fixture();
        dossier.Stories.Should().HaveCount(2);
        dossier.Stories[0].Articles.Should().Equal("r1", "r2", "r3");
        dossier.Stories[1].Articles.Should().Equal("r4");
        dossier.Stories[0].Explanation.Should().Contain("3 reports");
    }

    [Fact]
    public void A_claim_relayed_by_an_agency_and_repeated_by_others_has_one_origin_and_three_carriers()
    {
        var claim = ClaimContaining(Fixture(), "killed or wounded");
        claim.Articles.Should().Equal("r1", "r2", "r3");
        claim.Origins.Should().Equal("ent:military-intelligence-directorate");
        claim.IndependentOrigins.Should().Be(1);
        claim.Corroboration.Should().Be("single origin");
        claim.Evidence.Should().HaveCount(3);
        claim.Speaker.Should().Be("ent:military-intelligence-directorate");
    }

    [Fact]
    public void Figures_in_different_units_that_agree_are_one_claim_with_a_note()
    {
        var dossier = Fixture();
        var claim = ClaimContaining(dossier, "600 square kilometres");
        claim.Articles.Should().Equal("r1", "r2");
        claim.Note.Should().Contain("agree").And.Contain("230 square miles");
        dossier.Contradictions.Should().NotContain(c => c.Kind == "quantity");
    }

    [Fact]
    public void A_figure_given_as_down_from_an_earlier_one_is_a_change_not_a_contradiction()
    {
        var change = Fixture().Contradictions.Single(c => c.Kind == "change");
        change.Explanation.Should().Contain("600 square kilometres").And.Contain("1,100 square kilometres").And.Contain("not a contradiction");
        change.Evidence.Should().HaveCount(2);
    }

    [Fact]
    public void A_dismissal_against_a_refusal_to_confirm_is_shown_as_tension()
    {
        var status = Fixture().Contradictions.Single(c => c.Kind == "status");
        status.Explanation.Should().StartWith("Tension").And.Contain("Velmar");
        status.Evidence.Select(e => e.Article).Should().BeEquivalentTo(["r1", "r2"]);
    }

    [Fact]
    public void The_same_event_told_by_two_reports_is_merged_and_placed_on_the_timeline()
    {
        var dossier = Fixture();
        var e = dossier.Events.Should().ContainSingle().Subject;
        e.Articles.Should().Equal("r2", "r3");
        e.Date.Should().Be("2031-03-04");
        e.Actor1.Should().Be("Velmar");
        dossier.Timeline.Should().Contain(t => t.Events.Contains(e.Id) && t.DisplayDate == "4 Mar 2031");
    }

    [Fact]
    public void A_deployment_told_in_the_sentence_of_a_casualty_count_carries_no_casualties()
    {
        const string text = "At least 40 Velmar soldiers, whom Orland had deployed to Tarsk, were killed or wounded on March 3.";
        var a = new ArticleBuilder("d1", text).Titled("Velmar soldiers killed or wounded in Tarsk").Published(2031, 3, 6)
            .Quantity("At least 40", 40, null, "", "soldiers", CasualtyKind.KilledOrWounded)
            .Event(text, "Strategic developments", "2031-03-03", "Tarsk")
            .Event(text, "Battles", "2031-03-03", "Tarsk")
            .Build();
        var events = Assemble(a).Events;
        events.Single(e => e.Type == "Battles").KilledOrWounded.Should().Be(40);
        events.Single(e => e.Type == "Strategic developments").KilledOrWounded.Should().BeNull();
    }

    [Theory]
    [InlineData("several thousand", 3000, 10000, true, "11,000", 11000, 2)]
    [InlineData("10,000", 10000, 10000, false, "10,500", 10500, 1)]
    [InlineData("about 10,000", 9000, 11000, true, "10,500", 10500, 1)]
    public void A_vague_figure_is_not_widened_again_when_claims_are_matched(string firstWords, double min, double max, bool approximate,
        string secondWords, double second, int claims)
    {
        string first = $"Velmar sent {firstWords} troops to the Tarsk front this winter";
        string other = $"Velmar sent {secondWords} troops to the Tarsk front this winter";
        var a = new ArticleBuilder("q1", $"Officials said {first}.").Titled("Velmar troops at Tarsk").Published(2031, 3, 6)
            .Quantity(firstWords, min, max, "persons", "troops", approximate: approximate).Claim("Officials", "said", first).Build();
        var b = new ArticleBuilder("q2", $"Analysts said {other}.").Titled("Velmar troops at Tarsk").Published(2031, 3, 6)
            .Quantity(secondWords, second, second, "persons", "troops").Claim("Analysts", "said", other).Build();
        Assemble(a, b).Claims.Should().HaveCount(claims);
    }

    [Fact]
    public void A_hedged_figure_keeps_the_rounding_tolerance()
    {
        const string first = "about 300 people were killed in the Tarsk floods this winter";
        const string other = "330 people were killed in the Tarsk floods this winter";
        var a = new ArticleBuilder("h1", $"Officials said {first}.").Titled("Tarsk floods").Published(2031, 3, 6)
            .Quantity("about 300", 270, 330, "persons", "people", CasualtyKind.Killed, approximate: true).Claim("Officials", "said", first).Build();
        var b = new ArticleBuilder("h2", $"Analysts said {other}.").Titled("Tarsk floods").Published(2031, 3, 6)
            .Quantity("330", 330, 330, "persons", "people", CasualtyKind.Killed).Claim("Analysts", "said", other).Build();
        Assemble(a, b).Claims.Should().ContainSingle("'about 300' and '330' agree within rounding");
    }

    [Theory]
    [InlineData("at least 30 Velmar soldiers were killed or wounded in Tarsk", "at least 30", "11,000 Velmar soldiers were sent to Tarsk last month")]
    [InlineData("at least 30 Velmar soldiers were killed or wounded in assaults on Tarsk", "at least 30", "11,000 Velmar soldiers had reached the region around Tarsk")]
    public void Figures_of_different_things_keep_two_claims_apart(string first, string firstFigure, string other)
    {
        var a = new ArticleBuilder("f1", $"The army said {first}.").Titled("Velmar troops at Tarsk").Published(2031, 3, 6)
            .Quantity(firstFigure, 30, null, "", "soldiers", CasualtyKind.KilledOrWounded).Claim("The army", "said", first).Build();
        var b = new ArticleBuilder("f2", $"Officials said {other}.").Titled("Velmar troops at Tarsk").Published(2031, 3, 6)
            .Quantity("11,000", 11000, 11000, "persons", "soldiers").Claim("Officials", "said", other).Build();
        Assemble(a, b).Claims.Should().HaveCount(2);
    }

    [Theory]
    [InlineData("at least 40", 40, "described by 2 reports")]
    [InlineData("at least 25", 25, "described by 2 reports; figures given: killed or wounded at least 25, killed or wounded At least 40")]
    public void A_merged_event_notes_how_many_reports_tell_it_and_only_figures_that_differ(string secondFigure, double secondValue, string note)
    {
        const string first = "At least 40 Velmar soldiers were killed or wounded in Tarsk on March 3.";
        string second = $"The army said {secondFigure} Velmar soldiers were killed or wounded in Tarsk on March 3.";
        var a = new ArticleBuilder("d1", first).Titled("Velmar losses in Tarsk").Published(2031, 3, 6)
            .Quantity("At least 40", 40, null, "", "soldiers", CasualtyKind.KilledOrWounded)
            .Event(first, "Battles", "2031-03-03", "Tarsk").Build();
        var b = new ArticleBuilder("d2", second).Titled("Velmar losses in Tarsk").Published(2031, 3, 6)
            .Quantity(secondFigure, secondValue, null, "", "soldiers", CasualtyKind.KilledOrWounded)
            .Event(second, "Battles", "2031-03-03", "Tarsk").Build();
        Assemble(a, b).Events.Should().ContainSingle().Which.Note.Should().Be(note);
    }

    [Theory]
    [InlineData("\"Velmar troops fight in the Tarsk region\", where rebels launched an incursion in August", null)]
    [InlineData("“Velmar troops fight in the Tarsk region”, where rebels launched an incursion in August", null)]
    [InlineData("\"Velmar troops fought in Tarsk in March\", where rebels had launched an incursion in August", "2031-03")]
    [InlineData("Velmar troops fought in the region where rebels launched an incursion in August", "2030-08")]
    [InlineData("protests spread to Tarsk, where police fired tear gas in August", "2030-08")]
    public void A_date_the_writer_hangs_on_a_quotation_with_where_is_the_places_background(string content, string? expected)
    {
        string text = $"The ministry said {content}.";
        var builder = new ArticleBuilder("t1", text).Titled("Velmar troops near Tarsk").Published(2031, 4, 2).Time("August", "2030-08");
        if (content.Contains("March", StringComparison.Ordinal)) builder = builder.Time("March", "2031-03");
        var timeline = Assemble(builder.Claim("The ministry", "said", content).Build()).Timeline;
        if (expected is null) timeline.Should().BeEmpty();
        else timeline.Should().ContainSingle().Which.Date.Should().Be(expected);
    }

    [Fact]
    public void A_claim_without_a_date_of_its_own_is_not_dated_by_another_claim_of_its_sentence()
    {
        const string first = "Velmar troops reached Tarsk in October";
        const string second = "heavy clashes near the border";
        const string text = "The ministry first said " + first + " and later reported " + second + ".";
        var a = new ArticleBuilder("t1", text).Titled("Velmar troops near Tarsk").Published(2031, 4, 2)
            .Time("October", "2030-10")
            .Claim("The ministry", "said", first).Claim("The ministry", "reported", second).Build();
        Assemble(a).Timeline.Should().ContainSingle().Which.Text.Should().Contain("reached Tarsk");
    }

    [Fact]
    public void A_claim_is_still_dated_by_the_day_its_speaker_spoke()
    {
        const string content = "heavy clashes near the border";
        const string text = "The ministry reported " + content + " on Monday.";
        var a = new ArticleBuilder("t1", text).Titled("Velmar troops near Tarsk").Published(2031, 4, 2)
            .Time("Monday", "2031-03-31").Claim("The ministry", "reported", content).Build();
        Assemble(a).Timeline.Should().ContainSingle().Which.Date.Should().Be("2031-03-31");
    }

    [Theory]
    [InlineData("Velmar troops massed near Tarsk in fall 2030 after the incursion in August", "fall 2030", "2030-FA", "August", "2030-08", "2030-FA")]
    [InlineData("Velmar troops, holding Tarsk since August, attacked Varn in March", "August", "2030-08", "March", "2031-03", "2031-03")]
    public void A_claim_is_dated_by_its_first_date_and_never_by_when_a_state_began(
        string content, string firstWords, string firstValue, string secondWords, string secondValue, string expected)
    {
        string text = $"The ministry said {content}.";
        var a = new ArticleBuilder("t1", text).Titled("Velmar troops near Tarsk").Published(2031, 4, 2)
            .Time(firstWords, firstValue).Time(secondWords, secondValue)
            .Claim("The ministry", "said", content).Build();
        Assemble(a).Timeline.Should().ContainSingle().Which.Date.Should().Be(expected);
    }

    [Fact]
    public void An_undated_unplaced_event_does_not_chain_two_different_battles_together()
    {
        const string story = "Fighting near Lenport and Varn. Clashes in Lenport on March 2. More clashes were reported. Clashes in Varn on March 9.";
        var a = new ArticleBuilder("b1", story).Titled("Fighting near Lenport and Varn").Published(2031, 3, 10)
            .Event("Clashes in Lenport on March 2", "Battles", "2031-03-02", "Lenport")
            .Event("More clashes were reported", "Battles")
            .Event("Clashes in Varn on March 9", "Battles", "2031-03-09", "Varn")
            .Build();
        Assemble(a).Events.Should().HaveCount(2, "the vague report may join one battle, but the two battles stay apart");
    }

    [Fact]
    public void A_claim_about_two_consecutive_days_is_one_timeline_entry_with_a_day_range()
    {
        var dossier = Fixture();
        var claim = ClaimContaining(dossier, "killed or wounded");
        var entry = dossier.Timeline.Single(t => t.Claims.Contains(claim.Id));
        entry.Date.Should().Be("2031-03-03");
        entry.DisplayDate.Should().Be("3-4 Mar 2031");
        entry.Text.Should().StartWith(DossierFixtures.Directorate);
    }

    [Fact]
    public void Entities_carry_their_mentions_and_places_their_coordinates()
    {
        var dossier = Fixture();
        var directorate = dossier.Entities.Single(e => e.Id == "ent:military-intelligence-directorate");
        directorate.Mentions.Select(m => m.Article).Should().Equal("r1", "r2", "r3");
        directorate.Type.Should().Be("organization");
        dossier.Times.Should().Contain(t => t.Article == "r1" && t.Text == "March 3" && t.Value == "2031-03-03" && t.Type == "date");
        dossier.Quantities.Should().Contain(q => q.Text == "at least 40" && q.Casualty == "killedOrWounded" && q.Max == null);
        dossier.Articles.Select(a => a.Id).Should().Equal("r1", "r2", "r3", "r4");
        dossier.Articles[1].Relays.Should().Equal("Nordpress");
    }

    [Fact]
    public void Output_does_not_depend_on_input_order()
    {
        var forward = Fixture();
        var backward = Assemble(DossierFixtures.Unrelated(), DossierFixtures.Third(), DossierFixtures.Second(), DossierFixtures.First());
        JsonSerializer.Serialize(backward).Should().Be(JsonSerializer.Serialize(forward));
    }

    [Fact]
    public void Different_casualty_figures_for_the_same_day_and_place_are_a_quantity_contradiction()
    {
        var a = Fire("f1", "12 people", 12, "Twelve", 2031, 5, 2);
        var b = Fire("f2", "45 people", 45, "Forty-five", 2031, 5, 2);
        var dossier = Assemble(a, b);
        var contradiction = dossier.Contradictions.Should().ContainSingle().Subject;
        contradiction.Kind.Should().Be("quantity");
        contradiction.Explanation.Should().Contain("12 people").And.Contain("45 people").And.Contain("1 May 2031");
    }

    [Fact]
    public void Many_reports_with_different_figures_give_one_contradiction_listing_every_figure()
    {
        var reports = new[] { (12, "Twelve"), (45, "Forty-five"), (80, "Eighty"), (150, "A hundred and fifty") }
            .Select((f, i) => Fire($"f{i + 1}", $"{f.Item1} people", f.Item1, f.Item2, 2031, 5, 2))
            .ToArray();
        var contradiction = Assemble(reports).Contradictions.Should().ContainSingle("six disagreeing pairs are one disputed figure").Subject;
        contradiction.Kind.Should().Be("quantity");
        contradiction.Explanation.Should().StartWith("4 different figures").And.Contain("12 people (f1)").And.Contain("150 people (f4)");
        contradiction.Evidence.Select(e => e.Article).Should().BeEquivalentTo(["f1", "f2", "f3", "f4"]);
    }

    [Fact]
    public void Reports_that_agree_on_a_figure_add_no_contradiction_of_their_own()
    {
        var reports = new[] { ("f1", 40), ("f2", 40), ("f3", 28), ("f4", 40) }
            .Select(r => Fire(r.Item1, $"{r.Item2} people", r.Item2, "Some", 2031, 5, 2))
            .ToArray();
        var contradiction = Assemble(reports).Contradictions.Should().ContainSingle().Subject;
        contradiction.Explanation.Should().Contain("28 people").And.Contain("40 people");
    }

    [Fact]
    public void A_higher_toll_in_a_later_report_that_says_it_rose_is_a_change()
    {
        var a = Fire("f1", "12 people", 12, "Twelve", 2031, 5, 2);
        var b = Fire("f2", "45 people", 45, "Forty-five", 2031, 5, 4, "The death toll rose to 45 people in the warehouse fire in Lenport on May 1.");
        var contradiction = Assemble(a, b).Contradictions.Should().ContainSingle().Subject;
        contradiction.Kind.Should().Be("change");
    }

    [Fact]
    public void Figures_for_different_counted_things_are_not_compared()
    {
        var a = Fire("f1", "12 people", 12, "Twelve", 2031, 5, 2);
        var text = "45 firefighters were killed in the warehouse fire in Lenport on May 1, officials said. Forty-five families lost relatives in the Lenport warehouse fire.";
        var b = new ArticleBuilder("f2", text)
            .Titled("Warehouse fire in Lenport")
            .Published(2031, 5, 2)
            .Place("Lenport", 40.1, 20.2, 7000001)
            .Time("May 1", "2031-05-01")
            .Quantity("45 firefighters", 45, 45, "", "firefighters", CasualtyKind.Killed)
            .Build();
        Assemble(a, b).Contradictions.Should().BeEmpty();
    }

    [Fact]
    public void Lengths_an_order_of_magnitude_apart_are_two_measures_not_a_disagreement()
    {
        // Regression: a dam's height and the distance to a town downstream were reported as a contradiction.
        var heightText = "The 40-metre embankment above Lenport failed on May 1, the authority said.";
        var height = new ArticleBuilder("h1", heightText)
            .Titled("Embankment fails above Lenport").Published(2031, 5, 2)
            .Place("Lenport", 40.1, 20.2, 7000001).Time("May 1", "2031-05-01")
            .Quantity("40-metre", 40, 40, "m", "embankment")
            .Build();
        var distanceText = "The water reached Lenport, some 9 kilometres downstream of the embankment, on May 1, the authority said.";
        var distance = new ArticleBuilder("h2", distanceText)
            .Titled("Embankment fails above Lenport").Published(2031, 5, 2)
            .Place("Lenport", 40.1, 20.2, 7000001).Time("May 1", "2031-05-01")
            .Quantity("some 9 kilometres", 8.1, 9.9, "km", "embankment")
            .Build();
        var lowerHeightText = "The 28-metre embankment above Lenport failed on May 1, the authority said.";
        var lowerHeight = new ArticleBuilder("h3", lowerHeightText)
            .Titled("Embankment fails above Lenport").Published(2031, 5, 2)
            .Place("Lenport", 40.1, 20.2, 7000001).Time("May 1", "2031-05-01")
            .Quantity("28-metre", 28, 28, "m", "embankment")
            .Build();

        var contradictions = Assemble(height, distance, lowerHeight).Contradictions.Where(c => c.Kind == "quantity").ToList();

        contradictions.Should().ContainSingle("only the two heights disagree");
        contradictions[0].Evidence.Select(e => e.Article).Should().BeEquivalentTo(["h1", "h3"]);
    }

    private static AnalyzedArticle Fire(string id, string figure, double value, string spelled, int year, int month, int day, string? sentence = null)
    {
        sentence ??= $"{figure} were killed in the warehouse fire in Lenport on May 1, firefighters said.";
        var text = sentence + $" {spelled} families lost relatives in the Lenport warehouse fire, and the fire brigade said the blaze started in a storage hall.";
        return new ArticleBuilder(id, text)
            .Titled("Warehouse fire in Lenport")
            .Published(year, month, day)
            .Place("Lenport", 40.1, 20.2, 7000001)
            .Time("May 1", "2031-05-01")
            .Quantity(figure, value, value, "", "people", CasualtyKind.Killed)
            .Build();
    }

    [Fact]
    public void A_claim_by_a_party_confirmed_by_an_outsider_says_so()
    {
        var a = new ArticleBuilder("d1", "The Orland defence ministry said Velmar artillery destroyed the Kessa dam on Friday, flooding three villages along the river.")
            .Published(2031, 6, 7)
            .Entity("Orland defence ministry", EntityType.Organization, "Orland")
            .Entity("Velmar", EntityType.Place)
            .Claim("The Orland defence ministry", "said", "Velmar artillery destroyed the Kessa dam on Friday, flooding three villages along the river", speaker: "Orland")
            .Event("Velmar artillery destroyed the Kessa dam", "Explosions/Remote violence", "2031-06-06", actor1: "Velmar", actor2: "Orland")
            .Build();
        var b = new ArticleBuilder("d2", "River monitors of the basin commission confirmed that Velmar artillery destroyed the Kessa dam on Friday, flooding villages along the river.")
            .Published(2031, 6, 7)
            .Entity("basin commission", EntityType.Organization, "Basin Commission")
            .Entity("Velmar", EntityType.Place)
            .Claim("River monitors of the basin commission", "confirmed", "Velmar artillery destroyed the Kessa dam on Friday, flooding villages along the river", ClaimStatus.Confirmed, "Basin Commission")
            .Build();
        var claim = Assemble(a, b).Claims.Should().ContainSingle().Subject;
        claim.Origins.Should().Equal("ent:basin-commission", "ent:orland");
        claim.IndependentOrigins.Should().Be(2);
        claim.Corroboration.Should().Be("confirmed by a party with no stake");
        claim.Status.Should().Be("confirmed");
    }

    [Fact]
    public void An_assertion_and_a_denial_of_the_same_proposition_are_disputed()
    {
        var a = new ArticleBuilder("g1", "Orland said Velmar warplanes bombed the Kessa bridge on Tuesday night.")
            .Published(2031, 7, 2)
            .Entity("Orland", EntityType.Place)
            .Claim("Orland", "said", "Velmar warplanes bombed the Kessa bridge on Tuesday night", speaker: "Orland")
            .Build();
        var b = new ArticleBuilder("g2", "Velmar denied that its warplanes bombed the Kessa bridge on Tuesday night.")
            .Published(2031, 7, 2)
            .Entity("Velmar", EntityType.Place)
            .Claim("Velmar", "denied", "its warplanes bombed the Kessa bridge on Tuesday night", ClaimStatus.Denied, "Velmar")
            .Build();
        var dossier = Assemble(a, b);
        var claim = dossier.Claims.Should().ContainSingle().Subject;
        claim.Status.Should().Be("disputed");
        claim.Corroboration.Should().Be("disputed");
        var contradiction = dossier.Contradictions.Should().ContainSingle().Subject;
        contradiction.Kind.Should().Be("status");
        contradiction.Explanation.Should().Contain("Velmar denies what Orland states");
    }

    [Fact]
    public void A_capital_speaking_does_not_count_as_a_second_origin_beside_a_named_body()
    {
        var a = new ArticleBuilder("k1", "At least 25 Velmar soldiers were killed near Dorvik on March 9, Orland said on Monday.")
            .Published(2031, 3, 11)
            .Entity("Orland", EntityType.Place)
            .Quantity("At least 25", 25, null, "", "soldiers", CasualtyKind.Killed)
            .Claim("Orland", "said", "At least 25 Velmar soldiers were killed near Dorvik on March 9", speaker: "Orland")
            .Build();
        var b = new ArticleBuilder("k2", "The Orland general staff said at least 25 Velmar soldiers were killed near Dorvik on March 9.")
            .Published(2031, 3, 11)
            .Entity("Orland general staff", EntityType.Organization, "General Staff")
            .Quantity("at least 25", 25, null, "", "soldiers", CasualtyKind.Killed)
            .Claim("The Orland general staff", "said", "at least 25 Velmar soldiers were killed near Dorvik on March 9", speaker: "General Staff")
            .Build();
        var claim = Assemble(a, b).Claims.Should().ContainSingle().Subject;
        claim.Articles.Should().Equal("k1", "k2");
        claim.Origins.Should().Equal("ent:general-staff");
        claim.IndependentOrigins.Should().Be(1);
    }

    [Fact]
    public void A_capital_speaking_stays_an_origin_beside_another_countrys_body_or_a_group_of_officials()
    {
        AnalyzedArticle Capital(string id) => new ArticleBuilder(id, "At least 25 Velmar soldiers were killed near Dorvik on March 9, Orland said on Monday.")
            .Published(2031, 3, 11)
            .Entity("Orland", EntityType.Place)
            .Place("Orland", 50.0, 30.0, 8000001, "OR")
            .Quantity("At least 25", 25, null, "", "soldiers", CasualtyKind.Killed)
            .Claim("Orland", "said", "At least 25 Velmar soldiers were killed near Dorvik on March 9", speaker: "Orland")
            .Build();
        var foreignMinistry = new ArticleBuilder("m2", "The Kessan defence ministry said at least 25 Velmar soldiers were killed near Dorvik on March 9.")
            .Published(2031, 3, 11)
            .Entity("Kessan defence ministry", EntityType.Organization, "Kessan Defence Ministry")
            .Place("Kessan", 41.0, 22.0, 8000002, "KS")
            .Quantity("at least 25", 25, null, "", "soldiers", CasualtyKind.Killed)
            .Claim("The Kessan defence ministry", "said", "at least 25 Velmar soldiers were killed near Dorvik on March 9", speaker: "Kessan Defence Ministry")
            .Build();
        Assemble(Capital("m1"), foreignMinistry).Claims.Should().ContainSingle().Which.IndependentOrigins.Should().Be(2,
            "Kessa's ministry does not speak for Orland");

        var officials = new ArticleBuilder("w2", "Western officials said at least 25 Velmar soldiers were killed near Dorvik on March 9.")
            .Published(2031, 3, 11)
            .Entity("Western officials", EntityType.Group)
            .Quantity("at least 25", 25, null, "", "soldiers", CasualtyKind.Killed)
            .Claim("Western officials", "said", "at least 25 Velmar soldiers were killed near Dorvik on March 9", speaker: "Western officials")
            .Build();
        Assemble(Capital("w1"), officials).Claims.Should().ContainSingle().Which.IndependentOrigins.Should().Be(2,
            "officials of several governments are no part of Orland's");
    }

    [Fact]
    public void A_capital_speaking_stays_an_origin_beside_a_person_and_a_capital_and_its_country_are_one_government()
    {
        const string Claim = "Velmar drones destroyed a fuel depot near Dorvik on March 9";
        AnalyzedArticle Place(string id, string name, string country) => new ArticleBuilder(id, $"{Claim}, {name} said on Monday.")
            .Published(2031, 3, 11)
            .Entity(name, EntityType.Place)
            .Place(name, 50.0, 30.0, null, country)
            .Claim(name, "said", Claim, speaker: name)
            .Build();
        var mayor = new ArticleBuilder("p2", $"Mayor Tomas Wren said {Claim}.")
            .Published(2031, 3, 11)
            .Entity("Tomas Wren", EntityType.Person)
            .Claim("Mayor Tomas Wren", "said", Claim, speaker: "Tomas Wren")
            .Build();
        Assemble(Place("p1", "Kessa", "KS"), mayor).Claims.Should().ContainSingle().Which.IndependentOrigins.Should().Be(2,
            "a person does not speak for a capital by being named");

        var ministry = new ArticleBuilder("q3", $"The Velmar defence ministry said {Claim.Replace("Velmar", "its", StringComparison.Ordinal)}.")
            .Published(2031, 3, 11)
            .Entity("Velmar defence ministry", EntityType.Organization, "Velmar Defence Ministry")
            .Place("Velmar", 45.0, 25.0, null, "VM")
            .Claim("The Velmar defence ministry", "said", Claim.Replace("Velmar", "its", StringComparison.Ordinal), speaker: "Velmar Defence Ministry")
            .Build();
        var claim = Assemble(Place("q1", "Kessa", "KS"), Place("q2", "Orland", "KS"), ministry).Claims.Should().ContainSingle().Subject;
        claim.IndependentOrigins.Should().Be(2, "Kessa and Orland, capital and country, are one government beside Velmar's ministry");
    }

    [Fact]
    public void An_undated_report_stored_by_an_earlier_run_names_the_date_its_relative_dates_rest_on()
    {
        var stored = new ArticleBuilder("u1", "The ferry sailed again on Saturday after the storm.").Build().AnchoredOn(new DateOnly(2031, 3, 11));
        var fresh = new ArticleBuilder("u2", "The harbour reopened on Sunday after the storm.").Build().AnchoredOn(Reference);
        var articles = Assemble(stored, fresh).Articles;
        articles.Single(a => a.Id == "u1").AnchoredOn.Should().Be("2031-03-11");
        articles.Single(a => a.Id == "u2").AnchoredOn.Should().BeNull("it rests on the dossier's own reference date");
        DossierView.Published(articles.Single(a => a.Id == "u1")).Should().Contain("relative dates read against 2031-03-11");
    }

    [Fact]
    public void A_speaker_the_place_stage_resolved_counts_as_a_place_whatever_its_entity_type()
    {
        var a = new ArticleBuilder("k1", "At least 25 Velmar soldiers were killed near Dorvik on March 9, Orland said on Monday.")
            .Published(2031, 3, 11)
            .Entity("Orland", EntityType.Person)
            .Place("Orland", 50.0, 30.0, 8000001)
            .Claim("Orland", "said", "At least 25 Velmar soldiers were killed near Dorvik on March 9", speaker: "Orland")
            .Build();
        var b = new ArticleBuilder("k2", "The Orland general staff said at least 25 Velmar soldiers were killed near Dorvik on March 9.")
            .Published(2031, 3, 11)
            .Entity("Orland general staff", EntityType.Organization, "General Staff")
            .Place("Orland", 50.0, 30.0, 8000001)
            .Claim("The Orland general staff", "said", "at least 25 Velmar soldiers were killed near Dorvik on March 9", speaker: "General Staff")
            .Build();
        Assemble(a, b).Claims.Should().ContainSingle().Which.Origins.Should().Equal("ent:general-staff");
    }

    [Fact]
    public void Layers_with_spans_past_the_text_or_odd_values_do_not_throw()
    {
        var text = "A short report. 5 km and 9 km of road were closed.";
        var article = new ArticleBuilder("bad", text).Published(2031, 1, 1).Build()
            .With(Layers.Entities, new EntityLayer([new EntityMention(new Span(2, 500), EntityType.Person, 7)], [new ArticleEntity(0, EntityType.Person, "Nobody", [])]))
            .With(Layers.Times, [new Crosscheck.Times.TimeExpression(new Span(400, 410), Crosscheck.Times.TimexType.Date, "XXXX-WXX"), new Crosscheck.Times.TimeExpression(new Span(0, 5), Crosscheck.Times.TimexType.Date, "2031-13-45")])
            .With(Layers.Quantities, [new Quantity(new Span(16, 20), 5, 5, "km"), new Quantity(new Span(18, 17), 9, 9, "km"), new Quantity(new Span(300, 310), null, null, "")])
            .With(Layers.Claims, [new Attribution(new Span(-3, 2), new Span(900, 901), new Span(0, 200), 42, AttributionKind.Other, ClaimStatus.Claimed), new Attribution(null, null, new Span(0, 14), 0, AttributionKind.Other, ClaimStatus.Denied)])
            .With(Layers.Events, [new Crosscheck.Events.NewsEvent(new Span(0, 999), "Protests", null, "not a date", new Span(50, 60), null, null)]);
        var act = () => Assemble(article, DossierFixtures.Unrelated());
        act.Should().NotThrow();
    }

    [Fact]
    public void Quantities_carry_their_interval_in_the_canonical_unit()
    {
        var text = "Some 300 square miles and 40 people.";
        var article = new ArticleBuilder("si", text).Published(2031, 1, 1).Build()
            .With(Layers.Quantities, [
                new Quantity(new Span(0, 21), 270, 330, "square mile", Kind: QuantityKind.Area, SiMin: 699.3, SiMax: 854.7, SiUnit: "km2"),
                new Quantity(new Span(26, 35), 40, 40, "persons", Kind: QuantityKind.Persons, SiMin: 40, SiMax: 40, SiUnit: "persons")]);
        var quantities = Assemble(article).Quantities;
        quantities.Single(q => q.Unit == "square mile").Si.Should().Be(new DossierSi(699.3, 854.7, "km2"));
        quantities.Single(q => q.Unit == "persons").Si.Should().BeNull("a count of people is already in its canonical unit");
        quantities.Should().OnlyContain(q => q.Implausible == null);
    }

    [Fact]
    public void An_implausible_figure_is_flagged_in_the_dossier()
    {
        var text = "About 9,000,000,000 people were killed.";
        var article = new ArticleBuilder("imp", text).Published(2031, 1, 1).Build()
            .With(Layers.Quantities, [new Quantity(new Span(0, 19), 8.1e9, 9.9e9, "persons", Kind: QuantityKind.Persons, Value: 9e9, Implausible: true)]);
        Assemble(article).Quantities.Single().Implausible.Should().BeTrue();
    }

    [Fact]
    public void Reports_without_analysis_layers_still_give_articles_and_stories()
    {
        var dossier = Assemble(DossierFixtures.Unrelated());
        dossier.Stories.Should().ContainSingle();
        dossier.Claims.Should().BeEmpty();
        dossier.Timeline.Should().BeEmpty();
        dossier.ReferenceDate.Should().Be(Reference);
    }
}
