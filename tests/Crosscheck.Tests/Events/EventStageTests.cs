using System.Collections.Immutable;
using Crosscheck.Claims;
using Crosscheck.Events;
using Crosscheck.Places;
using Crosscheck.Quantities;
using Crosscheck.Text;
using Crosscheck.Times;
using FluentAssertions;

namespace Crosscheck.Tests.Events;

public class EventStageTests
{
    private static readonly AnalysisContext Context = new(new DateOnly(2024, 12, 16));

    private static AnalyzedArticle Run(string text, Func<AnalyzedArticle, AnalyzedArticle>? addLayers = null, string? outlet = null, bool dated = true)
    {
        var published = dated ? PublicationDate.Given(new DateOnly(2024, 12, 16), "test") : PublicationDate.Unknown;
        var article = new AnalyzedArticle(new Article { Id = "t", Text = text, ContentHash = "t", Outlet = outlet, Published = published });
        article = new TextStage().Process(article, Context);
        if (addLayers is not null) article = addLayers(article);
        article = new AttributionStage().Process(article, Context);
        return new EventStage().Process(article, Context);
    }

    private const string Battle =
        "Ukrainian forces have held the line near Orlovka for weeks.\n" +
        "\"Over the weekend, North Korean units fighting alongside Russian troops suffered heavy losses near the village of Orlovka " +
        "in the Bryansk region -- at least 25 soldiers were killed and wounded,\" Ukraine's army said.";

    [Fact]
    public void Battle_with_mixed_casualties_allies_and_the_other_side()
    {
        var article = Run(Battle);
        var e = article.Get(Layers.Events).Single(x => x.EventType == "Battles");
        e.SubEventType.Should().Be("Armed clash");
        e.Actor1.Should().Be("Military Forces of North Korea");
        e.AssociatedActors.Should().Equal("Military Forces of Russia");
        e.Actor2.Should().Be("Military Forces of Ukraine");
        e.KilledOrWounded.Should().Be(25);
        e.Fatalities.Should().BeNull("a killed-and-wounded count is not a death toll");
        e.CasualtiesAtLeast.Should().BeTrue();
        e.ClaimIndexes.Should().NotBeEmpty();
        e.Note.Should().Contain("Ukraine's army");
    }

    [Fact]
    public void Soldiers_killed_in_combat_as_a_description_is_no_battle()
    {
        Run("He said Moscow has tried to hide the identities of North Korean soldiers killed in combat.")
            .Get(Layers.Events).Should().BeEmpty();
        var clash = Run("Two North Korean soldiers were killed in combat near Ivanka on Friday, Ukraine's army said.")
            .Get(Layers.Events).Single();
        clash.EventType.Should().Be("Battles");
        clash.Fatalities.Should().Be(2);
        Run("Two North Korean soldiers were killed in action, Ukraine's army said.")
            .Get(Layers.Events).Should().ContainSingle(e => e.EventType == "Battles");
        Run("Ukraine's army said two North Korean soldiers were later killed in action.")
            .Get(Layers.Events).Should().ContainSingle(e => e.EventType == "Battles");
        Run("Three Ukrainian soldiers killed in combat Tuesday near Ivanka, the army said.")
            .Get(Layers.Events).Should().ContainSingle(e => e.EventType == "Battles");
        Run("Two soldiers killed in action, ministry says.")
            .Get(Layers.Events).Should().ContainSingle(e => e.EventType == "Battles");
    }

    [Theory]
    [InlineData("Russian drones struck a fuel depot near Ivanka on Friday, killing three civilians.", 3, null)]
    [InlineData("Russian drones struck a fuel depot near Ivanka on Friday, injuring 7 workers.", null, 7)]
    [InlineData("Russian missiles struck Ivanka on Friday, killing at least four people and wounding 12.", 4, 12)]
    public void A_participle_after_the_attack_gives_its_toll(string text, int? fatalities, int? wounded)
    {
        var e = Run(text).Get(Layers.Events).Single();
        e.Fatalities.Should().Be(fatalities);
        e.Wounded.Should().Be(wounded);
    }

    [Fact]
    public void Uses_the_quantities_times_and_places_layers_when_present()
    {
        var text = "Russian forces shelled the town of Ivanka on Friday, killing 3 people.";
        int number = text.IndexOf('3');
        int friday = text.IndexOf("Friday", StringComparison.Ordinal);
        int town = text.IndexOf("Ivanka", StringComparison.Ordinal);
        var article = Run(text, a => a
            .With(Layers.Quantities, ImmutableArray.Create(new Quantity(new Span(number, number + 1), 3, 3, "person", "people", CasualtyKind.Killed)))
            .With(Layers.Times, ImmutableArray.Create(new TimeExpression(new Span(friday, friday + 6), TimexType.Date, "2024-12-13")))
            .With(Layers.Places, ImmutableArray.Create(new ResolvedPlace(new Span(town, town + 6), "Ivanka", 50.1, 36.2, 123, "UA", "Kharkiv", PlacePrecision.Exact))));
        var e = article.Get(Layers.Events).Single();
        e.EventType.Should().Be("Explosions/Remote violence");
        e.SubEventType.Should().Be("Shelling/artillery/missile attack");
        e.Fatalities.Should().Be(3);
        e.CasualtiesAtLeast.Should().BeFalse();
        e.Date.Should().Be("2024-12-13");
        e.Precision.Should().Be(DatePrecision.Day);
        e.Location!.Name.Should().Be("Ivanka");
        e.Actor1.Should().Be("Military Forces of Russia");
    }

    [Fact]
    public void Without_a_date_the_event_falls_back_to_the_reference_date_within_a_week()
    {
        var e = Run("Ukrainian drones attacked an airfield, and a drone strike destroyed two jets, the army said.").Get(Layers.Events).Single();
        e.Date.Should().Be("2024-12-16");
        e.Precision.Should().Be(DatePrecision.Week);
    }

    [Fact]
    public void An_undated_report_without_a_date_in_the_sentence_leaves_the_event_date_unknown()
    {
        var e = Run("Ukrainian drones attacked an airfield, and a drone strike destroyed two jets, the army said.", dated: false).Get(Layers.Events).Single();
        e.Date.Should().BeNull("the analysis day is not the day of the event");
    }

    [Fact]
    public void The_day_in_the_content_dates_the_event_not_the_day_of_the_statement()
    {
        const string text = "The regional army said on Monday that at least 12 soldiers of the Russian forces were killed in fighting with Ukrainian troops "
            + "near Orlovka on Saturday and Sunday.";
        var e = Run(text, a => a.With(Layers.Times,
        [
            new TimeExpression(Find(text, "Monday"), TimexType.Date, "2024-12-16"),
            new TimeExpression(Find(text, "Saturday"), TimexType.Date, "2024-12-14"),
            new TimeExpression(Find(text, "Sunday"), TimexType.Date, "2024-12-15"),
        ])).Get(Layers.Events).Single(x => x.EventType == "Battles");
        e.Date.Should().Be("2024-12-14");
        e.EndDate.Should().Be("2024-12-15");
        e.Precision.Should().Be(DatePrecision.Day);
    }

    [Fact]
    public void Only_the_day_of_the_statement_dates_the_event_within_the_week_before()
    {
        const string text = "At least 12 Russian soldiers were killed in fighting with Ukrainian troops, Kyiv said on Monday.";
        var e = Run(text, a => a.With(Layers.Times, [new TimeExpression(Find(text, "Monday"), TimexType.Date, "2024-12-16")]))
            .Get(Layers.Events).Single(x => x.EventType == "Battles");
        e.Date.Should().Be("2024-12-16");
        e.Precision.Should().Be(DatePrecision.Week);
    }

    [Fact]
    public void Villages_whose_namesakes_lie_outside_the_named_region_place_the_event_at_the_region()
    {
        const string text = "Russian troops clashed with Ukrainian forces near the villages of Dolgoe and Bereza in the Kaluga region.";
        var e = Run(text, a => a.With(Layers.Places,
        [
            new ResolvedPlace(Find(text, "Russian"), "Russia", 60, 100, null, "RU", null, PlacePrecision.Country),
            new ResolvedPlace(Find(text, "Ukrainian"), "Ukraine", 49, 32, null, "UA", null, PlacePrecision.Country),
            new ResolvedPlace(Find(text, "Dolgoe"), "Dolgoe", 54.1, 35.9, null, "RU", "Kaluga Oblast", PlacePrecision.Region),
            new ResolvedPlace(Find(text, "Bereza"), "Bereza", 52.5, 24.9, 1, "BY", "Brest", PlacePrecision.Exact),
            new ResolvedPlace(Find(text, "Kaluga"), "Kaluga", 54.5, 36.3, 2, "RU", "Kaluga Oblast", PlacePrecision.Exact),
        ])).Get(Layers.Events).Single(x => x.EventType == "Battles");
        e.Location!.Name.Should().Be("Kaluga Oblast", "'the Kaluga region' names the region, and a Bereza in Belarus is a namesake");
        e.NearPlaces.Select(p => p.Of(text)).Should().Equal("Dolgoe", "Bereza");
    }

    [Theory]
    [InlineData("Russia has begun to use North Korean soldiers in its assaults, the president said.")]
    [InlineData("Some of the North Korean troops are engaging in combat alongside Russian forces, officials said.")]
    [InlineData("Moscow is involving North Korean conscripts in assaults on Ukrainian positions, he said.")]
    [InlineData("Russian commanders have started deploying North Korean units in frontline assaults, the army said.")]
    [InlineData("Some of the North Korean soldiers have taken part in hostilities against Ukrainian forces, he said.")]
    public void A_practice_of_using_troops_in_fighting_is_no_battle(string text) =>
        Run(text).Get(Layers.Events).Should().NotContain(e => e.EventType == "Battles", "it tells who takes part in a kind of fighting, not of one clash");

    [Theory]
    [InlineData("Russian forces used tanks in the assault on Ukrainian positions, the army said.")]
    [InlineData("Russian troops fought Ukrainian forces in heavy battles, the army said.")]
    [InlineData("At least 12 North Korean soldiers engaged in combat with Ukrainian troops were killed, the army said.")]
    public void One_attack_or_a_toll_keeps_the_battle(string text) =>
        Run(text).Get(Layers.Events).Should().Contain(e => e.EventType == "Battles" || e.EventType == "Explosions/Remote violence");

    [Theory]
    [InlineData("Government troops were engaged in fighting with Islamist rebels near the town of Gao, the army said.", "Gao")]
    [InlineData("Rebel fighters took part in clashes with army units outside Kidal, the army said.", "Kidal")]
    public void A_practice_wording_with_a_town_is_one_clash(string text, string town)
    {
        Run(text, a => a.With(Layers.Places, [new ResolvedPlace(Find(text, town), town, 16.3, -0.04, 7, "ML", "Gao", PlacePrecision.Exact)]))
            .Get(Layers.Events).Should().Contain(e => e.EventType == "Battles");
    }

    [Fact]
    public void A_noun_sharing_a_practice_verbs_stem_is_no_practice_verb()
    {
        Run("Russian troops kept up the engagement in assaults on Ukrainian positions, the army said.").Get(Layers.Events)
            .Should().Contain(e => e.EventType == "Battles");
    }

    [Fact]
    public void A_practice_statement_with_a_day_the_text_gives_is_one_clash()
    {
        const string text = "North Korean troops engaged in combat with Ukrainian forces on Saturday, the army said.";
        Run(text, a => a.With(Layers.Times, [new TimeExpression(Find(text, "Saturday"), TimexType.Date, "2024-12-14")]))
            .Get(Layers.Events).Should().ContainSingle(e => e.EventType == "Battles").Which.Date.Should().Be("2024-12-14");
    }

    [Fact]
    public void Villages_the_gazetteer_lacks_in_a_named_region_are_where_the_event_happened_near()
    {
        const string text = "Russian troops clashed with Ukrainian forces near the villages of Dolgoe, Lipki, Sosnovka in the Kaluga region.";
        var e = Run(text, a => a.With(Layers.Places,
        [
            new ResolvedPlace(Find(text, "Dolgoe"), "Dolgoe", 54.5, 36.3, null, "RU", "Kaluga Oblast", PlacePrecision.Region),
            new ResolvedPlace(Find(text, "Lipki"), "Lipki", 54.5, 36.3, null, "RU", "Kaluga Oblast", PlacePrecision.Region),
            new ResolvedPlace(Find(text, "Sosnovka"), "Sosnovka", 54.5, 36.3, null, "RU", "Kaluga Oblast", PlacePrecision.Region),
            new ResolvedPlace(Find(text, "Kaluga"), "Kaluga", 54.5, 36.3, 2, "RU", "Kaluga Oblast", PlacePrecision.Exact),
        ])).Get(Layers.Events).Single(x => x.EventType == "Battles");
        e.Location!.Name.Should().Be("Kaluga Oblast");
        e.NearPlaces.Select(p => p.Of(text)).Should().Equal("Dolgoe", "Lipki", "Sosnovka");
    }

    [Fact]
    public void A_lone_village_the_gazetteer_lacks_is_still_the_place_itself()
    {
        const string text = "Russian troops clashed with Ukrainian forces near Dolgoe.";
        var e = Run(text, a => a.With(Layers.Places,
            [new ResolvedPlace(Find(text, "Dolgoe"), "Dolgoe", 54.5, 36.3, null, "RU", "Kaluga Oblast", PlacePrecision.Region)]))
            .Get(Layers.Events).Single(x => x.EventType == "Battles");
        e.Place!.Value.Of(text).Should().Be("Dolgoe");
        e.NearPlaces.Should().BeEmpty();
    }

    [Theory]
    [InlineData("Russian artillery shelled Ukrainian positions in the Kaluga border region.", "Kaluga Oblast")]
    [InlineData("Russian artillery shelled Ukrainian positions on the Kaluga border.", "Kaluga")]
    public void A_border_region_names_the_region_but_a_border_does_not(string text, string place)
    {
        var e = Run(text, a => a.With(Layers.Places,
            [new ResolvedPlace(Find(text, "Kaluga"), "Kaluga", 54.5, 36.3, 2, "RU", "Kaluga Oblast", PlacePrecision.Exact)]))
            .Get(Layers.Events).Single();
        e.Location!.Name.Should().Be(place);
    }

    [Theory]
    [InlineData("Russian soldier Ivan Petrov, 43, was killed in clashes with Ukrainian forces, the army said.")]
    [InlineData("A 16-year-old was killed in clashes between Russian and Ukrainian forces, the army said.")]
    public void An_age_is_no_death_toll(string text) =>
        Run(text).Get(Layers.Events).Should().Contain(e => e.EventType == "Battles").And.OnlyContain(e => e.Fatalities != 43 && e.Fatalities != 16);

    [Theory]
    [InlineData("Firefighters from Lugo fought the blaze for six hours.")]
    [InlineData("The Lugo Lions won the turnover battle against the Varn Hawks.")]
    [InlineData("The mayor of Lugo clashed with the council over the budget.")]
    [InlineData("Boxers in Lugo fought six-round contests in small arenas.")]
    [InlineData("Police said firefighters and police officers would stay at the scene in Lugo.")]
    public void A_battle_word_without_an_armed_side_or_a_toll_is_no_battle(string text) =>
        Run(text).Get(Layers.Events).Should().NotContain(e => e.EventType == "Battles");

    [Theory]
    [InlineData("Pirates clashed with a naval patrol off Lugo on Saturday.")]
    [InlineData("Two rival gangs clashed in Lugo overnight.")]
    [InlineData("A firefight between police and gunmen broke out in Lugo.")]
    [InlineData("Fighting in Lugo left 12 people dead.")]
    public void A_battle_word_with_an_armed_side_or_a_toll_is_a_battle(string text) =>
        Run(text).Get(Layers.Events).Should().Contain(e => e.EventType == "Battles");

    [Theory]
    [InlineData("Protesters fought running battles with riot police in Lugo.")]
    [InlineData("Clashes broke out between demonstrators and police outside the parliament in Lugo.")]
    [InlineData("Masked youths clashed with riot police in Lugo overnight.")]
    public void Demonstrators_fighting_the_police_are_a_riot_not_a_battle(string text)
    {
        var events = Run(text).Get(Layers.Events);
        events.Should().Contain(e => e.EventType == "Riots" && e.SubEventType == "Violent demonstration");
        events.Should().NotContain(e => e.EventType == "Battles");
    }

    [Theory]
    [InlineData("Youths loyal to the militia ambushed a convoy near Lugo.")]
    [InlineData("Youths and militia fighters clashed in Lugo overnight.")]
    public void A_crowd_beside_an_armed_side_other_than_the_police_stays_a_battle(string text)
    {
        var events = Run(text).Get(Layers.Events);
        events.Should().Contain(e => e.EventType == "Battles");
        events.Should().NotContain(e => e.EventType == "Riots");
    }

    [Fact]
    public void A_states_forces_fighting_demonstrators_stay_a_battle_of_those_forces() =>
        Run("Russian troops clashed with protesters and armed militias near the border, the army said.").Get(Layers.Events)
            .Should().Contain(e => e.EventType == "Battles" && e.Actor1 == "Military Forces of Russia");

    [Fact]
    public void Where_fighters_come_from_does_not_place_the_event()
    {
        const string text = "Russian forces and soldiers from North Korea clashed with Ukrainian troops.";
        var e = Run(text, a => a.With(Layers.Places,
        [
            new ResolvedPlace(Find(text, "Russian"), "Russia", 60, 100, null, "RU", null, PlacePrecision.Country) { WrittenAsDemonym = true },
            new ResolvedPlace(Find(text, "North Korea"), "North Korea", 40, 127, null, "KP", null, PlacePrecision.Country),
            new ResolvedPlace(Find(text, "Ukrainian"), "Ukraine", 49, 32, null, "UA", null, PlacePrecision.Country) { WrittenAsDemonym = true },
        ])).Get(Layers.Events).Single(x => x.EventType == "Battles");
        e.Place.Should().BeNull("'from North Korea' is the soldiers' origin and the demonyms name no place");
    }

    [Fact]
    public void A_country_named_other_than_its_gazetteer_name_still_places_the_event()
    {
        const string text = "Troops clashed with protesters in Britain on Saturday, leaving two people dead.";
        var e = Run(text, a => a.With(Layers.Places,
        [
            new ResolvedPlace(Find(text, "Britain"), "United Kingdom", 54, -2, null, "GB", null, PlacePrecision.Country),
        ])).Get(Layers.Events).FirstOrDefault(x => x.Place is not null);
        e.Should().NotBeNull("'Britain' is a name of the country, not its people");
    }

    private static Span Find(string text, string words)
    {
        int i = text.IndexOf(words, StringComparison.Ordinal);
        return new Span(i, i + words.Length);
    }

    [Fact]
    public void A_country_written_as_a_possessor_does_not_place_the_event()
    {
        const string text = "Polish troops clashed with Belarusian forces on Friday over Belarus's claim to the island and Poland's fishing rights.";
        int belarus = text.IndexOf("Belarus's", StringComparison.Ordinal), poland = text.IndexOf("Poland's", StringComparison.Ordinal);
        var e = Run(text, a => a.With(Layers.Places,
        [
            new ResolvedPlace(Find(text, "Polish"), "Poland", 46, 21, null, "PL", null, PlacePrecision.Country) { WrittenAsDemonym = true },
            new ResolvedPlace(Find(text, "Belarusian"), "Belarus", 45, 20, null, "BY", null, PlacePrecision.Country) { WrittenAsDemonym = true },
            new ResolvedPlace(new Span(belarus, belarus + 7), "Belarus", 45, 20, null, "BY", null, PlacePrecision.Country),
            new ResolvedPlace(new Span(poland, poland + 6), "Poland", 46, 21, null, "PL", null, PlacePrecision.Country),
        ])).Get(Layers.Events).Single(x => x.EventType == "Battles");
        e.Place.Should().BeNull("whose claim and whose rights say nothing about where the clash was");
    }

    [Theory]
    [InlineData("Polish troops clashed with Belarusian forces on Friday in a forest on Belarus's border.")]
    [InlineData("Polish troops clashed with Belarusian forces on Friday along Belarus's eastern frontier roads near a bridge.")]
    [InlineData("Polish troops clashed with Belarusian forces near the river on Friday, close to Belarus's capital.")]
    [InlineData("Polish troops shelled Belarus's western border region on Friday, killing two soldiers.")]
    public void A_possessive_country_owning_its_ground_or_after_along_places_the_event(string text)
    {
        int at = text.IndexOf("Belarus's", StringComparison.Ordinal);
        var places = ImmutableArray.CreateBuilder<ResolvedPlace>();
        places.Add(new ResolvedPlace(Find(text, "Polish"), "Poland", 46, 21, null, "PL", null, PlacePrecision.Country) { WrittenAsDemonym = true });
        if (text.Contains("Belarusian", StringComparison.Ordinal))
        {
            places.Add(new ResolvedPlace(Find(text, "Belarusian"), "Belarus", 45, 20, null, "BY", null, PlacePrecision.Country) { WrittenAsDemonym = true });
        }
        places.Add(new ResolvedPlace(new Span(at, at + 7), "Belarus", 45, 20, null, "BY", null, PlacePrecision.Country));
        var events = Run(text, a => a.With(Layers.Places, [.. places.OrderBy(p => p.Span.Start)])).Get(Layers.Events);
        events.Should().NotBeEmpty();
        events.Should().OnlyContain(e => e.Place == new Span(at, at + 7));
    }

    [Theory]
    [InlineData("Polish troops clashed with Belarusian forces on Friday in what the ministry called a threat to Belarus's security.", false)]
    [InlineData("Polish troops clashed with Belarusian forces in Belarus's border districts on Friday.", true)]
    public void A_possessive_country_places_the_event_after_a_locative_but_not_after_to_owning_no_ground(string text, bool placed)
    {
        int at = text.IndexOf("Belarus's", StringComparison.Ordinal);
        var e = Run(text, a => a.With(Layers.Places,
        [
            new ResolvedPlace(Find(text, "Polish"), "Poland", 46, 21, null, "PL", null, PlacePrecision.Country) { WrittenAsDemonym = true },
            new ResolvedPlace(Find(text, "Belarusian"), "Belarus", 45, 20, null, "BY", null, PlacePrecision.Country) { WrittenAsDemonym = true },
            new ResolvedPlace(new Span(at, at + 7), "Belarus", 45, 20, null, "BY", null, PlacePrecision.Country),
        ])).Get(Layers.Events).Single(x => x.EventType == "Battles");
        // "a threat to the country's security" happens nowhere in particular; "in Belarus's border districts" is a place.
        e.Place.Should().Be(placed ? new Span(at, at + 7) : null);
    }

    [Theory]
    [InlineData("North Korean troops clashed with Ukrainian forces on Friday in support of Minsk's war aims.", false)]
    [InlineData("North Korean troops clashed with Ukrainian forces on Friday on Minsk's outskirts.", true)]
    [InlineData("North Korean troops clashed with Ukrainian forces on Friday in Minsk's industrial district.", true)]
    [InlineData("North Korean troops clashed with Ukrainian forces on Friday, shelling Minsk's metro.", true)]
    [InlineData("North Korean troops clashed with Ukrainian forces on Friday alongside Minsk's troops.", false)]
    public void A_capital_written_for_its_state_places_no_event_unless_it_owns_ground(string text, bool placed)
    {
        int at = text.IndexOf("Minsk's", StringComparison.Ordinal);
        var minsk = new Span(at, at + 5);
        var e = Run(text, a => a.With(Layers.Places,
        [
            new ResolvedPlace(Find(text, "North Korean"), "North Korea", 40, 127, null, "KP", null, PlacePrecision.Country) { WrittenAsDemonym = true },
            new ResolvedPlace(Find(text, "Ukrainian"), "Ukraine", 49, 32, null, "UA", null, PlacePrecision.Country) { WrittenAsDemonym = true },
            new ResolvedPlace(minsk, "Minsk", 53.9, 27.57, 625144, "BY", "Minsk City", PlacePrecision.Exact),
        ])).Get(Layers.Events).Single(x => x.EventType == "Battles");
        // "Minsk's war aims" and "Minsk's troops" are the Belarusian state's; its outskirts and its metro are the city's.
        e.Place.Should().Be(placed ? minsk : null);
    }

    [Fact]
    public void A_city_that_stands_for_no_state_still_places_the_event_as_a_possessor()
    {
        const string text = "North Korean troops clashed with Ukrainian forces on Friday, killing two of Lida's volunteers.";
        int at = text.IndexOf("Lida's", StringComparison.Ordinal);
        var e = Run(text, a => a.With(Layers.Places,
        [
            new ResolvedPlace(new Span(at, at + 4), "Lida", 53.9, 25.3, 1, "BY", "Grodno", PlacePrecision.Exact),
        ])).Get(Layers.Events).Single(x => x.EventType == "Battles");
        e.Place.Should().Be(new Span(at, at + 4));
    }

    [Fact]
    public void A_date_inside_what_another_claim_says_does_not_date_the_event()
    {
        const string text = "The army first said North Korean troops arrived in the region in October and later reported clashes with Ukrainian forces.";
        var e = Run(text, a => a.With(Layers.Times,
        [
            new TimeExpression(Find(text, "October"), TimexType.Date, "2024-10"),
        ])).Get(Layers.Events).Single(x => x.EventType == "Battles");
        e.Date.Should().NotBe("2024-10", "October dates the arrival the first statement reports, not the clashes reported later");
        var dated = Run("The army said North Korean troops clashed with Ukrainian forces in October.",
            a => a.With(Layers.Times, [new TimeExpression(Find("The army said North Korean troops clashed with Ukrainian forces in October.", "October"), TimexType.Date, "2024-10")]))
            .Get(Layers.Events).Single(x => x.EventType == "Battles");
        dated.Date.Should().Be("2024-10", "a date inside the claim that reports the clash dates it");
        const string nested = "Kyiv said that in October the army reported clashes between North Korean troops and Ukrainian forces.";
        Run(nested, a => a.With(Layers.Times, [new TimeExpression(Find(nested, "October"), TimexType.Date, "2024-10")]))
            .Get(Layers.Events).Single(x => x.EventType == "Battles").Date
            .Should().Be("2024-10", "the army's report sits inside what Kyiv said, so Kyiv's October dates it");
    }

    [Theory]
    [InlineData("The senator launched an assault on the new tax bill.")]
    [InlineData("The fighting spirit of the team impressed the coach.")]
    [InlineData("Talks on a trade agreement resumed in Geneva.")]
    public void Triggers_without_participants_make_no_event(string text)
    {
        Run(text).Get(Layers.Events).Should().BeEmpty();
    }

    [Fact]
    public void Deployment_is_a_strategic_development()
    {
        var e = Run("North Korea has deployed thousands of troops to Russia, officials said.").Get(Layers.Events).Single();
        e.EventType.Should().Be("Strategic developments");
        e.SubEventType.Should().Be("Change to group/activity");
    }

    [Fact]
    public void The_dead_of_a_battle_are_not_counted_on_the_deployment_named_in_the_same_sentence()
    {
        var events = Run("At least 40 North Korean soldiers, whom Russia had deployed to the border, were killed or wounded by Ukrainian troops, the army said.",
            a => new QuantityStage().Process(a, Context)).Get(Layers.Events);
        events.Single(e => e.EventType == "Battles").KilledOrWounded.Should().Be(40);
        var deployment = events.Single(e => e.EventType == "Strategic developments");
        deployment.KilledOrWounded.Should().BeNull("ACLED records no fatalities for a strategic development");
        deployment.Fatalities.Should().BeNull();
    }

    [Theory]
    [InlineData("North Korean soldiers fighting in the war against Ukraine suffered heavy losses, the army said.", "Ukraine")]
    [InlineData("Russian troops clashed with Ukrainian forces in a campaign against Ukraine near Kupiansk.", "Ukraine")]
    public void The_country_fought_against_does_not_place_the_event(string text, string country)
    {
        var e = Run(text, a => a.With(Layers.Places,
        [
            new ResolvedPlace(Find(text, country), country, 49, 32, null, "UA", null, PlacePrecision.Country),
        ])).Get(Layers.Events).Single(x => x.EventType == "Battles");
        e.Place.Should().BeNull("the side fought against is an actor, not where the fighting is");
    }

    [Fact]
    public void A_country_after_in_still_places_the_event_when_another_is_fought_against()
    {
        const string text = "Russian troops clashed with Ukrainian forces in Ukraine in their war against Ukraine.";
        int inUkraine = text.IndexOf("Ukraine", StringComparison.Ordinal);
        int against = text.LastIndexOf("Ukraine", StringComparison.Ordinal);
        var e = Run(text, a => a.With(Layers.Places,
        [
            new ResolvedPlace(new Span(inUkraine, inUkraine + 7), "Ukraine", 49, 32, null, "UA", null, PlacePrecision.Country),
            new ResolvedPlace(new Span(against, against + 7), "Ukraine", 49, 32, null, "UA", null, PlacePrecision.Country),
        ])).Get(Layers.Events).Single(x => x.EventType == "Battles");
        e.Place.Should().Be(new Span(inUkraine, inUkraine + 7));
    }

    [Theory]
    [InlineData("Officials said Russia could extend its deployment of North Korean troops to other parts of the front.")]
    [InlineData("Dozens of North Korean soldiers may have been killed or wounded by Ukrainian troops, the army said.")]
    [InlineData("Analysts said Pyongyang will deploy more troops to Russia next year.")]
    public void A_possibility_or_a_plan_is_no_event(string text)
    {
        Run(text).Get(Layers.Events).Should().BeEmpty();
    }

    [Theory]
    [InlineData("In May clashes between Russian and Ukrainian troops left the village in ruins.", "Battles")]
    [InlineData("Kyiv said it would respond to the Russian shelling of Kherson, which killed two people.", "Explosions/Remote violence")]
    [InlineData("North Korea has deployed thousands of troops to Russia, officials said, and more could follow.", "Strategic developments")]
    public void A_modal_outside_the_triggers_clause_or_a_month_named_May_leaves_the_event(string text, string type)
    {
        Run(text).Get(Layers.Events).Should().Contain(e => e.EventType == type);
    }

    [Fact]
    public void Acled_csv_has_the_acled_columns_and_quotes_cells()
    {
        var article = Run(Battle, outlet: "Test Wire");
        var writer = new StringWriter();
        AcledCsv.Write(writer, [article]);
        var lines = writer.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().Be("event_date,year,time_precision,event_type,sub_event_type,actor1,assoc_actor_1,actor2,country,admin1,location,latitude,longitude,geo_precision,source,notes,fatalities");
        lines.Should().HaveCount(2);
        lines[1].Should().StartWith("2024-12-16,2024,2,Battles,Armed clash,Military Forces of North Korea,Military Forces of Russia,Military Forces of Ukraine,");
        lines[1].Should().Contain("Test Wire");
        lines[1].Should().Contain("at least 25 killed or wounded");
        lines[1].Should().EndWith(",0", "fatalities counts deaths only");
        lines[1].Should().Contain("\"\"Over the weekend", "quotes inside a cell are doubled");
    }

    [Fact]
    public void Acled_csv_turns_a_formula_like_outlet_into_plain_text()
    {
        var article = Run(Battle, outlet: "=HYPERLINK(\"http://x\")");
        var writer = new StringWriter();
        AcledCsv.Write(writer, [article]);
        var row = writer.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries)[1];
        row.Should().Contain("\"'=HYPERLINK(").And.NotContain(",=HYPERLINK");
    }

    [Theory]
    [InlineData("")]
    [InlineData("killed and wounded 1999 casualties")]
    [InlineData("troops troops troops Russian Russian, shelling")]
    public void Odd_input_never_throws(string text)
    {
        var act = () => Run(text);
        act.Should().NotThrow();
    }
}
