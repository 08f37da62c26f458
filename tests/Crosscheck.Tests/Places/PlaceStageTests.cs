using System.Collections.Immutable;
using System.Diagnostics;
using Crosscheck.Places;
using Crosscheck.Text;
using FluentAssertions;

namespace Crosscheck.Tests.Places;

public class PlaceStageTests
{
    private static readonly Pipeline Pipeline = new PipelineBuilder().Add(new TextStage()).Add(new PlaceStage()).Build();
    private static readonly AnalysisContext Context = new(new DateOnly(2024, 12, 16));

    private static ImmutableArray<ResolvedPlace> Places(string text)
    {
        var outcome = Pipeline.Analyze(new Article { Id = "t", Text = text, ContentHash = "t" }, Context);
        outcome.Succeeded.Should().BeTrue(string.Join("; ", outcome.Failures));
        return outcome.Article.Items(Layers.Places);
    }

    private static ResolvedPlace? At(string text, ImmutableArray<ResolvedPlace> places, string surface) =>
        places.FirstOrDefault(p => p.Span.Of(text) == surface);

    [Fact]
    public void A_town_name_two_countries_share_follows_the_country_the_text_names()
    {
        const string venezuelan = "Floods swept across Venezuela this week. In Valencia, the river burst its banks overnight.";
        const string spanish = "Floods swept across Spain this week. In Valencia, the river burst its banks overnight.";
        var inVenezuela = At(venezuelan, Places(venezuelan), "Valencia");
        var inSpain = At(spanish, Places(spanish), "Valencia");
        inVenezuela.Should().NotBeNull();
        inSpain.Should().NotBeNull();
        inVenezuela!.CountryCode.Should().Be("VE");
        inSpain!.CountryCode.Should().Be("ES");
    }

    [Fact]
    public void A_region_named_with_its_country_wins_over_a_same_named_place_elsewhere()
    {
        const string text = "Shelling was reported in Russia's Kursk region, officials said.";
        var kursk = Places(text).Single(p => p.Span.Of(text).StartsWith("Kursk", StringComparison.Ordinal));
        kursk.CountryCode.Should().Be("RU");
        kursk.Admin1.Should().Be("Kursk Oblast");
        kursk.Precision.Should().Be(PlacePrecision.Region);
    }

    [Fact]
    public void A_village_missing_from_the_gazetteer_falls_back_to_the_region_the_text_names()
    {
        const string text = "Troops shelled the villages of Krivobrodsk and Ustyelna in the Kursk region on Tuesday.";
        var places = Places(text);
        var village = At(text, places, "Krivobrodsk");
        var other = At(text, places, "Ustyelna");
        village.Should().NotBeNull();
        other.Should().NotBeNull();
        village!.Precision.Should().Be(PlacePrecision.Region);
        village.Admin1.Should().Be("Kursk Oblast");
        village.CountryCode.Should().Be("RU");
        village.GeonamesId.Should().BeNull();
        village.Name.Should().Be("Krivobrodsk");
        var region = At(text, places, "Kursk");
        region.Should().NotBeNull();
        village.Latitude.Should().Be(region!.Latitude);
        village.Longitude.Should().Be(region.Longitude);
    }

    [Fact]
    public void An_unknown_village_near_a_known_town_is_nearby()
    {
        const string text = "Fighting raged in the village of Ustyelna near Kursk, Russia, the ministry said.";
        var village = At(text, Places(text), "Ustyelna");
        village.Should().NotBeNull();
        village!.Precision.Should().Be(PlacePrecision.Nearby);
        village.CountryCode.Should().Be("RU");
    }

    [Fact]
    public void Precision_says_what_the_coordinates_stand_for()
    {
        const string text = "The delegation flew from Germany to Munich and then toured Bavaria.";
        var places = Places(text);
        At(text, places, "Germany")!.Precision.Should().Be(PlacePrecision.Country);
        var munich = At(text, places, "Munich")!;
        munich.Precision.Should().Be(PlacePrecision.Exact);
        munich.GeonamesId.Should().NotBeNull();
        munich.CountryCode.Should().Be("DE");
        At(text, places, "Bavaria")!.Precision.Should().Be(PlacePrecision.Region);
    }

    [Fact]
    public void Common_words_and_sentence_initial_words_are_not_places_without_evidence()
    {
        const string text = "Reading the report, she said it was a nice idea. Nice weather helped. March was cold and the bar was full. George Washington spoke.";
        Places(text).Should().BeEmpty();
    }

    [Fact]
    public void A_common_word_after_a_locative_is_a_big_place()
    {
        const string text = "The festival moved to Nice last year, organisers in France said.";
        var nice = At(text, Places(text), "Nice");
        nice.Should().NotBeNull();
        nice!.CountryCode.Should().Be("FR");
    }

    [Fact]
    public void A_surname_is_not_a_place_once_the_person_is_named_in_full()
    {
        const string text = "The Rev. Roy Lincoln opened the meeting. Lincoln thanked the volunteers.";
        Places(text).Should().BeEmpty();
    }

    [Fact]
    public void Demonyms_name_their_country()
    {
        const string text = "Russian troops and Ukrainian drones were reported.";
        var places = Places(text);
        At(text, places, "Russian")!.CountryCode.Should().Be("RU");
        At(text, places, "Ukrainian")!.CountryCode.Should().Be("UA");
    }

    [Fact]
    public void A_state_abbreviation_after_a_town_picks_that_state()
    {
        const string text = "A fire broke out in Athens, Ga., on Sunday.";
        var athens = At(text, Places(text), "Athens");
        athens.Should().NotBeNull();
        athens!.CountryCode.Should().Be("US");
        athens.Admin1.Should().Be("Georgia");
    }

    [Fact]
    public void Five_thousand_names_in_a_list_are_processed_in_time_that_grows_linearly()
    {
        string[] names = ["Paris", "London", "Berlin", "Springfield", "Valencia", "Kursk", "Georgia", "Lincoln", "Nice", "Washington"];
        string List(int count) => string.Join(", ", Enumerable.Range(0, count).Select(i => names[i % names.Length])) + ".";
        Places("Paris and London."); // warm the gazetteer
        var watch = Stopwatch.StartNew();
        var places = Places(List(5_000));
        var fiveThousand = watch.Elapsed;
        watch.Restart();
        var tenTimesAsMany = Places(List(50_000));
        var fiftyThousand = watch.Elapsed;
        // Ten times the names may take about ten times as long; a pass over every pair of names would take a
        // hundred times. A ratio rather than a fixed limit, because a loaded 2-core CI machine runs this ten times slower.
        fiftyThousand.Should().BeLessThan(fiveThousand * 40 + TimeSpan.FromSeconds(5), $"5,000 names took {fiveThousand.TotalSeconds:F1} s");
        places.Length.Should().BeGreaterThan(3000);
        tenTimesAsMany.Length.Should().BeGreaterThan(30_000);
        tenTimesAsMany.Should().OnlyContain(p => !p.Span.IsEmpty);
    }

    [Fact]
    public void All_capital_text_is_bounded_and_keeps_only_well_known_places()
    {
        const string text = "BREAKING NEWS: TROOPS ENTERED KURSK AND THE BAR WAS NICE AND READING WAS FUN IN RUSSIA TODAY.";
        var places = Places(text);
        places.Select(p => p.Span.Of(text)).Should().Contain("RUSSIA").And.NotContain("BAR").And.NotContain("READING");
        var long_ = string.Concat(Enumerable.Repeat("THE QUICK BROWN FOX JUMPED OVER MOSCOW AND LONDON. ", 2000));
        var watch = Stopwatch.StartNew();
        Places(long_);
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Empty_and_punctuation_only_text_gives_no_places()
    {
        Places("").Should().BeEmpty();
        Places("... --- !!! ,,, ’’’ ‘ ’s").Should().BeEmpty();
    }

    [Fact]
    public void A_dateline_is_metadata_not_an_event_place()
    {
        const string text = "SEOUL, Dec 16 - Troops arrived in Kursk.";
        var article = new Article { Id = "d", Text = text, ContentHash = "d", Dateline = new Dateline("SEOUL, Dec 16 -", "Seoul", "Dec 16") };
        var places = Pipeline.Analyze(article, Context).Article.Items(Layers.Places);
        places.Select(p => p.Span.Of(text)).Should().Equal("Kursk");
    }

    [Fact]
    public void A_listed_village_whose_namesake_lies_in_another_country_takes_the_region_the_text_names()
    {
        const string text = "Troops shelled the villages of Krivobrodsk, Vorozhba and Ustyelna in the Kursk region on Tuesday.";
        var vorozhba = At(text, Places(text), "Vorozhba");
        vorozhba.Should().NotBeNull();
        vorozhba!.CountryCode.Should().Be("RU");
        vorozhba.Admin1.Should().Be("Kursk Oblast");
        vorozhba.Precision.Should().Be(PlacePrecision.Region);
        vorozhba.GeonamesId.Should().BeNull();
    }

    [Fact]
    public void A_listed_village_inside_the_named_region_keeps_its_exact_place()
    {
        const string text = "Troops shelled the villages of Krivobrodsk and Sudzha in the Kursk region on Tuesday.";
        var sudzha = At(text, Places(text), "Sudzha");
        sudzha.Should().NotBeNull();
        sudzha!.Precision.Should().Be(PlacePrecision.Exact);
        sudzha.Admin1.Should().Be("Kursk Oblast");
    }

    [Theory]
    [InlineData("Leaders condemned the US and the West for the decision.", "West")]
    [InlineData("Officials in Kyiv said the North would see more shelling.", "North")]
    public void A_common_word_after_the_is_not_a_town_even_when_the_recogniser_calls_it_a_place(string text, string word)
    {
        var pipeline = new PipelineBuilder().Add(new TextStage()).Add(new Crosscheck.Entities.EntityStage()).Add(new PlaceStage()).Build();
        var places = pipeline.Analyze(new Article { Id = "t", Text = text, ContentHash = "t" }, Context).Article.Items(Layers.Places);
        places.Should().NotContain(p => p.Span.Of(text) == word);
    }

    [Fact]
    public void German_exonyms_in_German_text_resolve_to_the_towns_they_name()
    {
        // German capitalises every noun, and the English entity model calls "Montag Charkiw" a person.
        const string text = "Russische Drohnen trafen am Montag Charkiw und am Dienstag Saporischschja, teilte die Stadtverwaltung mit.";
        var pipeline = Crosscheck.DefaultPipeline.Create();
        var places = pipeline.Analyze(new Article { Id = "de", Text = text, ContentHash = "de" }, Context).Article.Items(Layers.Places);
        var kharkiv = At(text, places, "Charkiw");
        kharkiv.Should().NotBeNull();
        kharkiv!.Name.Should().Be("Kharkiv");
        kharkiv.CountryCode.Should().Be("UA");
        At(text, places, "Saporischschja")!.CountryCode.Should().Be("UA");
        places.Should().NotContain(p => p.Span.Of(text) == "Stadtverwaltung");
    }

    private static ImmutableArray<ResolvedPlace> FullPipelinePlaces(string text)
    {
        var outcome = Crosscheck.DefaultPipeline.Create().Analyze(new Article { Id = "full", Text = text, ContentHash = "full" }, Context);
        outcome.Succeeded.Should().BeTrue(string.Join("; ", outcome.Failures));
        return outcome.Article.Items(Layers.Places);
    }

    [Theory]
    // A town, region or country that is a given name stays a person's name outside English too.
    [InlineData("Verteidigungsminister Israel Brenner sagte am Montag, die Armee werde ihre Einsätze im Norden fortsetzen.", "Israel")]
    [InlineData("Innenministerin Nancy Kessler kündigte am Dienstag in Berlin schärfere Kontrollen an den Grenzen an.", "Nancy")]
    [InlineData("Jordan Marchetti a déclaré mardi que son parti voterait contre le budget présenté par le gouvernement.", "Jordan")]
    [InlineData("Der frühere Minister Lloyd Austin traf am Mittwoch die Botschafter der Nachbarländer in der Hauptstadt.", "Austin")]
    public void A_place_name_inside_a_persons_name_is_no_place_in_other_languages(string text, string givenName)
    {
        FullPipelinePlaces(text).Should().NotContain(p => p.Span.Of(text) == givenName);
    }

    [Fact]
    public void A_surname_that_the_story_also_uses_as_a_place_stays_a_person_when_a_given_name_precedes_it()
    {
        const string text = "The museum in Washington opened a new wing on Friday. George Washington said little about the war in his "
            + "letters, the curator told visitors, but the exhibition shows many of them.";
        var places = FullPipelinePlaces(text);
        int person = text.IndexOf("George Washington", StringComparison.Ordinal) + "George ".Length;
        places.Should().NotContain(p => p.Span.Start == person);
        places.Should().Contain(p => p.Span.Start == text.IndexOf("Washington", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("The delegation flew on to Georgia, USA, for talks with the state's governor.", "Georgia", "US")]
    [InlineData("The coffee fair opened in Armenia, Colombia, with growers from the whole valley.", "Armenia", "CO")]
    public void A_country_namesake_before_a_comma_and_its_country_is_a_place_in_that_country(string text, string name, string countryCode)
    {
        var place = At(text, Places(text), name);
        place.Should().NotBeNull();
        place!.CountryCode.Should().Be(countryCode);
        place.Precision.Should().NotBe(PlacePrecision.Country);
    }

    [Fact]
    public void Two_country_names_around_a_comma_are_a_list_not_a_town_in_a_country()
    {
        const string text = "He spoke about his ties to Russia, U.S. officials said on Wednesday.";
        var russia = At(text, Places(text), "Russia");
        russia.Should().NotBeNull();
        russia!.CountryCode.Should().Be("RU");
        russia.Precision.Should().Be(PlacePrecision.Country);
    }

    [Fact]
    public void A_world_city_beats_a_small_namesake_in_the_state_the_story_names()
    {
        const string text = "Two teachers from Kentucky were in Paris when the museum was evacuated, their school said. They will fly home to Kentucky on Monday.";
        var paris = At(text, Places(text), "Paris");
        paris.Should().NotBeNull();
        paris!.CountryCode.Should().Be("FR");
    }

    [Fact]
    public void A_small_town_whose_only_namesake_is_abroad_is_placed_near_the_storys_towns()
    {
        const string text = "A young skater from Innisfail is back on the ice after four years in Australia. She now trains in Red Deer, Innisfail and Edmonton, where her coach lives.";
        var places = Places(text);
        var towns = places.Where(p => p.Span.Of(text) == "Innisfail").ToList();
        towns.Should().HaveCount(2);
        towns.Should().AllSatisfy(p =>
        {
            p.CountryCode.Should().Be("CA");
            p.Precision.Should().Be(PlacePrecision.Nearby);
            p.GeonamesId.Should().BeNull();
        });
    }

    [Fact]
    public void A_small_town_abroad_is_placed_near_the_place_the_text_puts_it_in()
    {
        const string text = "Fog grounded flights across England on Sunday. Passengers at London's Heathrow waited for hours while Manchester and Birmingham reported cancellations.";
        var heathrow = At(text, Places(text), "Heathrow");
        heathrow.Should().NotBeNull();
        heathrow!.CountryCode.Should().Be("GB");
        heathrow.Precision.Should().Be(PlacePrecision.Nearby);
        GeoMath.DistanceKm(heathrow.Latitude, heathrow.Longitude, 51.51, -0.13).Should().BeLessThan(30);
    }

    [Fact]
    public void A_small_town_stays_where_the_story_puts_its_neighbours()
    {
        const string text = "The sheriff said the fire near Heathrow, Florida, spread to two homes before crews from Orlando and Sanford put it out.";
        var heathrow = At(text, Places(text), "Heathrow");
        heathrow.Should().NotBeNull();
        heathrow!.Admin1.Should().Be("Florida");
        heathrow.Precision.Should().Be(PlacePrecision.Exact);
    }

    [Theory]
    [InlineData("London police said a tourist from Canada was hurt in a stabbing near a bar on Saturday night.", "GB")]
    [InlineData("London police said a man was hurt near a bar on Saturday night. The force patrols a city of 400,000 in southwestern Ontario.", "CA")]
    public void London_police_is_the_british_capital_unless_the_story_is_in_ontario(string text, string country)
    {
        var london = At(text, Places(text), "London");
        london.Should().NotBeNull();
        london!.CountryCode.Should().Be(country);
    }

    [Fact]
    public void A_town_missing_from_the_state_the_text_names_falls_back_to_that_state()
    {
        const string text = "HOLLIDAY, Mo. -- A pickup truck slid off a county road south of Holliday, Missouri, on Friday, and the driver was taken to a hospital in Columbia.";
        var places = Places(text);
        foreach (var town in places.Where(p => p.Span.Of(text).Equals("Holliday", StringComparison.OrdinalIgnoreCase)))
        {
            town.Admin1.Should().Be("Missouri");
            town.Precision.Should().Be(PlacePrecision.Region);
            town.GeonamesId.Should().BeNull();
        }
        places.Count(p => p.Span.Of(text).Equals("Holliday", StringComparison.OrdinalIgnoreCase)).Should().Be(2);
    }

    [Fact]
    public void Names_listed_with_other_states_are_the_states_not_towns_in_their_neighbours()
    {
        const string text = "Sick travellers were reported in Kansas, Ohio, Oregon, Nevada and Washington, health officials said.";
        var places = Places(text);
        foreach (var state in (string[])["Ohio", "Oregon", "Nevada", "Washington"])
        {
            var place = At(text, places, state);
            place.Should().NotBeNull(state);
            place!.Precision.Should().Be(PlacePrecision.Region, state);
            place.Admin1.Should().Be(state);
        }
    }

    [Fact]
    public void Towns_listed_with_their_states_keep_their_states()
    {
        const string text = "The chain has stores in Louisville and Lexington, Kentucky, Nashville, Tennessee, and Richmond, Virginia.";
        var places = Places(text);
        At(text, places, "Lexington")!.Admin1.Should().Be("Kentucky");
        At(text, places, "Nashville")!.Admin1.Should().Be("Tennessee");
        At(text, places, "Richmond")!.Admin1.Should().Be("Virginia");
        At(text, places, "Richmond")!.Precision.Should().Be(PlacePrecision.Exact);
    }

    [Theory]
    [InlineData("WASHINGTON (AP) -- A former British diplomat who served in London told senators on Tuesday that Britain had shared the files. Officials in Washington declined to comment.")]
    [InlineData("WASHINGTON -- Lawmakers from Britain met a Washington-based research group after talks in London, aides said.")]
    public void A_bare_capital_dateline_is_the_capital_in_a_story_about_another_country(string text)
    {
        var places = Places(text);
        var washingtons = places.Where(p => p.Span.Of(text).Equals("Washington", StringComparison.OrdinalIgnoreCase)).ToList();
        washingtons.Should().NotBeEmpty();
        washingtons.Should().AllSatisfy(p => p.Admin1.Should().Be("District of Columbia"));
    }

    [Fact]
    public void A_dateline_with_its_state_is_not_taken_for_the_capital()
    {
        const string text = "PARIS, Tenn. -- The county fair opened on Friday with a parade through the square, organisers said.";
        var paris = Places(text).FirstOrDefault(p => p.Span.Of(text) == "PARIS");
        paris.Should().NotBeNull();
        paris!.CountryCode.Should().Be("US");
    }

    [Theory]
    [InlineData("The county fair in Paris, Ky., drew record crowds this summer, organisers said.")]
    [InlineData("Officials in Bourbon County said Paris would host the county fair again next year.")]
    [InlineData("The bus from Lexington to Paris was cancelled after the storm, the county said.")]
    public void A_small_namesake_of_a_world_city_stays_when_the_text_gives_its_container_or_neighbours(string text)
    {
        var paris = At(text, Places(text), "Paris");
        paris.Should().NotBeNull();
        paris!.CountryCode.Should().Be("US");
        paris.Admin1.Should().Be("Kentucky");
    }

    [Theory]
    [InlineData("The Austin couple, both teachers in Texas, met in San Antonio and married last year in Positano, Italy.", "Positano", "IT")]
    [InlineData("Survivors of Srebrenica now living in St. Louis, Missouri, gathered on Saturday to remember the dead.", "Srebrenica", "BA")]
    [InlineData("Families in Syracuse, New York, and Albany marked the anniversary of the Lockerbie bombing on Monday.", "Lockerbie", "GB")]
    [InlineData("A church in Chicago, Illinois, is sheltering refugees who fled Bucha.", "Bucha", "UA")]
    public void A_town_abroad_the_text_does_not_tie_to_the_storys_towns_stays_abroad(string text, string town, string country)
    {
        var place = At(text, Places(text), town);
        place.Should().NotBeNull();
        place!.CountryCode.Should().Be(country);
        place.Precision.Should().NotBe(PlacePrecision.Nearby);
    }

    [Fact]
    public void A_small_town_abroad_is_not_placed_near_the_storys_most_named_town()
    {
        const string text = "Toronto fans and Ottawa officials in Ontario cheered. The new goalie grew up in Innisfail.";
        var innisfail = At(text, Places(text), "Innisfail");
        innisfail.Should().NotBeNull();
        innisfail!.Precision.Should().NotBe(PlacePrecision.Nearby);
    }

    [Theory]
    [InlineData("The chain has stores in Dallas, Houston, Florida and Georgia.", "Houston")]
    [InlineData("Speaking in Boston, Texas Gov. Greg Abbott said the state would send help.", "Boston")]
    [InlineData("In Miami, Georgia fans waited outside the stadium for hours.", "Miami")]
    [InlineData("After Denver, Arizona was the next stop on the tour.", "Denver")]
    [InlineData("The company has offices in Toronto, Vancouver, Alberta and Quebec.", "Vancouver")]
    public void A_city_before_a_region_that_does_not_hold_it_stays_the_city(string text, string city)
    {
        var place = At(text, Places(text), city);
        place.Should().NotBeNull();
        place!.Precision.Should().Be(PlacePrecision.Exact);
        place.GeonamesId.Should().NotBeNull();
    }

    [Theory]
    [InlineData("Officials in Washington, Beijing and Moscow said the talks would resume.", new[] { "Washington", "Beijing", "Moscow" })]
    [InlineData("Stores in Tokyo, Osaka and Kyoto closed early because of the typhoon.", new[] { "Tokyo", "Osaka", "Kyoto" })]
    // Busan, Sao Paulo and Rio de Janeiro are read as their same-named regions with or without the
    // list (a town whose name a region of its country shares starts behind it): not the list's doing.
    [InlineData("Flights from Seoul, Busan and Incheon were delayed by snow.", new[] { "Seoul", "Incheon" })]
    [InlineData("Protests spread to Sao Paulo, Rio de Janeiro and Buenos Aires on Friday.", new[] { "Buenos Aires" })]
    public void A_list_of_cities_named_like_regions_stays_a_list_of_cities(string text, string[] cities)
    {
        var places = Places(text);
        foreach (var city in cities)
        {
            var place = At(text, places, city);
            place.Should().NotBeNull(city);
            place!.Precision.Should().Be(PlacePrecision.Exact, city);
        }
    }

    [Fact]
    public void Towns_named_like_states_keep_the_states_written_after_them_in_a_list()
    {
        const string text = "The band will play in Delaware, Ohio, and Indiana, Pennsylvania, next month.";
        var places = Places(text);
        var delaware = At(text, places, "Delaware");
        delaware.Should().NotBeNull();
        delaware!.Admin1.Should().Be("Ohio");
        delaware.Precision.Should().Be(PlacePrecision.Exact);
        var indiana = At(text, places, "Indiana");
        indiana.Should().NotBeNull();
        indiana!.Admin1.Should().Be("Pennsylvania");
        indiana.Precision.Should().Be(PlacePrecision.Exact);
    }

    [Theory]
    [InlineData("MEXICO BEATS CANADA IN GOLD CUP FINAL\nFans across Mexico celebrated late into the night, and the president of Mexico congratulated the team.")]
    [InlineData("MEXICO -- The national team beat Canada on Sunday, and fans across Mexico celebrated.")]
    public void A_capital_letter_country_name_at_the_start_is_the_country(string text)
    {
        var mexicos = Places(text).Where(p => p.Span.Of(text).Equals("Mexico", StringComparison.OrdinalIgnoreCase)).ToList();
        mexicos.Should().NotBeEmpty();
        mexicos.Should().AllSatisfy(p => p.Precision.Should().Be(PlacePrecision.Country));
    }

    [Fact]
    public void A_city_state_dateline_stays_the_country()
    {
        const string text = "SINGAPORE (Reuters) - The central bank held its policy steady on Tuesday, economists said.";
        var singapore = At(text, Places(text), "SINGAPORE");
        singapore.Should().NotBeNull();
        singapore!.Precision.Should().Be(PlacePrecision.Country);
    }

    [Fact]
    public void A_capital_dateline_followed_by_a_date_is_the_capital()
    {
        const string text = "WASHINGTON, Dec. 5 (Reuters) - Lawmakers from Britain met a Washington-based research group after talks in London, aides said.";
        var washingtons = Places(text).Where(p => p.Span.Of(text).Equals("Washington", StringComparison.OrdinalIgnoreCase)).ToList();
        washingtons.Should().NotBeEmpty();
        washingtons.Should().AllSatisfy(p => p.Admin1.Should().Be("District of Columbia"));
    }

    [Fact]
    public void A_container_written_once_holds_for_every_mention_of_the_name()
    {
        const string text = "A Moscow, Idaho, man was charged on Friday. Police in Moscow said he had fled after the crash.";
        var moscows = Places(text).Where(p => p.Span.Of(text) == "Moscow").ToList();
        moscows.Should().HaveCount(2);
        moscows.Should().AllSatisfy(p => p.Admin1.Should().Be("Idaho"));
    }

    [Theory]
    [InlineData("Four University of Idaho students were found dead in a rental home in Moscow. Idaho investigators said they had no suspect.", "Moscow", "Idaho")]
    [InlineData("Kentucky State Police said a crash on U.S. 68 in Paris killed two.", "Paris", "Kentucky")]
    [InlineData("Maine State Police said a fire destroyed a barn in Paris.", "Paris", "Maine")]
    [InlineData("The paper mill in Berlin will close, New Hampshire officials said.", "Berlin", "New Hampshire")]
    [InlineData("Illinois officials said the levee in Cairo held.", "Cairo", "Illinois")]
    public void A_small_namesake_stays_in_the_state_whose_officials_speak(string text, string town, string state)
    {
        var place = At(text, Places(text), town);
        place.Should().NotBeNull();
        place!.CountryCode.Should().Be("US");
        place.Admin1.Should().Be(state);
    }

    [Theory]
    [InlineData("The outbreak was confirmed in the state of Washington on Tuesday. Farmers in Washington said the herd was culled.", "Washington", "US")]
    [InlineData("The car plant in the province of Ontario will close next year.", "Ontario", "CA")]
    [InlineData("The governor of the state of Georgia signed the bill.", "Georgia", "US")]
    public void A_name_written_after_the_state_of_or_the_province_of_is_the_region(string text, string name, string country)
    {
        var places = Places(text).Where(p => p.Span.Of(text) == name).ToList();
        places.Should().NotBeEmpty();
        places.Should().OnlyContain(p => p.Precision == PlacePrecision.Region && p.CountryCode == country);
    }

    [Fact]
    public void An_office_of_state_and_a_plain_mention_keep_their_resolution()
    {
        const string office = "The head of state of Mexico arrived in Madrid on Monday.";
        At(office, Places(office), "Mexico")!.Precision.Should().Be(PlacePrecision.Country);

        const string capital = "Officials in Washington said the plan would cost more.";
        At(capital, Places(capital), "Washington")!.Precision.Should().Be(PlacePrecision.Exact);

        const string condition = "Diplomats worried about the state of Georgia's democracy after the vote in Tbilisi.";
        At(condition, Places(condition), "Georgia")!.CountryCode.Should().Be("GE");

        const string emergency = "The state of emergency in Nice was lifted.";
        At(emergency, Places(emergency), "Nice")!.CountryCode.Should().Be("FR");
    }

    [Theory]
    [InlineData("The injured driver was flown to University Hospital in Columbia, Missouri, late on Friday.", "University", "Columbia")]
    [InlineData("Patients were moved to Thomas Memorial Hospital in South Charleston overnight.", "Thomas", "South Charleston")]
    [InlineData("Fans filled Lincoln Stadium, in Eugene, Oregon, for the final.", "Lincoln", "Eugene")]
    public void A_building_named_after_a_town_stands_in_the_place_the_text_puts_it(string text, string building, string town)
    {
        var places = Places(text);
        var inside = At(text, places, building);
        var anchor = At(text, places, town);
        inside.Should().NotBeNull();
        anchor.Should().NotBeNull();
        inside!.Precision.Should().Be(PlacePrecision.Nearby);
        (inside.Latitude, inside.Longitude).Should().Be((anchor!.Latitude, anchor.Longitude));
    }

    [Fact]
    public void A_building_the_text_does_not_place_and_ordinary_towns_keep_their_own_resolution()
    {
        const string unplaced = "Reading Hospital treated six people after the crash.";
        Places(unplaced).Should().NotContain(p => p.Precision == PlacePrecision.Nearby);

        const string towns = "She grew up in Nice, France, and moved to Reading in England last year.";
        var places = Places(towns);
        At(towns, places, "Nice")!.CountryCode.Should().Be("FR");
        At(towns, places, "Reading")!.Precision.Should().Be(PlacePrecision.Exact);

        // Only a building's own name moves: a town followed by "hospital" in lower case is the town.
        const string lower = "The hospital in Bar said the coast road was closed.";
        Places(lower).Should().NotContain(p => p.Precision == PlacePrecision.Nearby);

        // A country or region after the name only confirms the town the name gives.
        const string kabul = "Flights left Kabul International Airport in Afghanistan on Monday.";
        At(kabul, Places(kabul), "Kabul")!.Precision.Should().Be(PlacePrecision.Exact);

        const string idaho = "A Moscow, Idaho, man was taken to Gritman Hospital in Moscow on Friday.";
        Places(idaho).Where(p => p.Span.Of(idaho) == "Moscow").Should().OnlyContain(p => p.CountryCode == "US");
    }

    [Theory]
    [InlineData("Members of a New York-based squad met officials in Chicago on Monday.", "New York", "US")]
    [InlineData("A panel of the San Jose-based appeals court in California ruled on Friday.", "San Jose", "US")]
    [InlineData("The St. Louis-based brewer said it would hire 200 workers.", "St. Louis", "US")]
    [InlineData("The Kursk-born soldier returned home after the war.", "Kursk", "RU")]
    [InlineData("The Moscow-based company said sanctions hurt its sales.", "Moscow", "RU")]
    [InlineData("A Nice-based startup raised new funds this week.", "Nice", "FR")]
    public void A_place_hyphenated_onto_based_or_born_keeps_its_whole_name(string text, string name, string country)
    {
        var places = Places(text);
        var place = At(text, places, name);
        place.Should().NotBeNull(string.Join(", ", places.Select(p => p.Span.Of(text))));
        place!.CountryCode.Should().Be(country);
        places.Should().NotContain(p => p.Span.Of(text) != name && name.Contains(p.Span.Of(text), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("The White House-led talks ended without a deal.")]
    [InlineData("The Obama-led effort stalled in the Senate.")]
    [InlineData("The state-based program helps farmers. It was a nice-looking day, and the bar-based quiz went on.")]
    public void A_hyphenated_word_that_is_no_place_compound_adds_no_place(string text) =>
        Places(text).Should().BeEmpty();

    [Fact]
    public void Hyphenated_place_compounds_leave_their_neighbours_as_they_were()
    {
        const string pair = "A Russia-Ukraine deal on grain was signed.";
        Places(pair).Select(p => p.Span.Of(pair)).Should().Equal("Russia", "Ukraine");

        // The written container still holds for the compound: the Idaho town, not the Russian capital.
        const string idaho = "A Moscow, Idaho, man was arrested on Friday. His Moscow-based employer declined to comment.";
        Places(idaho).Where(p => p.Span.Of(idaho) == "Moscow").Should().HaveCount(2).And.OnlyContain(p => p.CountryCode == "US");
    }

    [Theory]
    [InlineData("Western officials said the talks would resume in the spring.", "Western")]
    [InlineData("Troops held the line on the Eastern front through the winter.", "Eastern")]
    public void A_compass_adjective_before_a_common_noun_is_no_region(string text, string surface)
    {
        At(text, Places(text), surface).Should().BeNull();
    }

    [Fact]
    public void A_compass_word_that_opens_a_name_still_names_the_place()
    {
        const string text = "Bushfires burned across Western Australia on Sunday.";
        At(text, Places(text), "Western Australia").Should().NotBeNull();
    }
}

public class PlaceStageDiscourseTests
{
    private static readonly Pipeline Pipeline = new PipelineBuilder().Add(new TextStage()).Add(new PlaceStage()).Build();

    private static ImmutableArray<ResolvedPlace> Places(string text) =>
        Pipeline.Analyze(new Article { Id = "t", Text = text, ContentHash = "t" }, new AnalysisContext(new DateOnly(2024, 1, 1))).Article.Items(Layers.Places);

    [Fact]
    public void A_name_the_text_uses_after_in_stays_a_place_before_other_capitalised_words()
    {
        const string withLocative = "The Hillsboro Singers rehearse weekly. The choir was founded in Hillsboro in 1990.";
        const string without = "The Hillsboro Singers rehearse weekly. The choir was founded in 1990.";
        Places(withLocative).Count(p => p.Span.Of(withLocative) == "Hillsboro").Should().Be(2);
        Places(without).Should().NotContain(p => p.Span.Of(without) == "Hillsboro");
    }

    [Fact]
    public void Garbage_tokens_never_throw()
    {
        var longWord = "K" + new string('a', 5000);
        var text = $"{longWord} {longWord}-{longWord} in {longWord} region. Zz\u0301\u0301 ÅÅÅ, Ω Ж 日本 🙂 the villages of {longWord}, {longWord} and X.";
        var act = () => Places(text);
        act.Should().NotThrow();
    }
}

public class DocumentContextTests
{
    private static readonly Gazetteer Table = Gazetteer.LoadDefault();

    private static (DocumentContext, int[]) Context(string text, params (string Name, string Country)[] towns)
    {
        var mentions = new List<Mention>();
        var entries = new int[towns.Length];
        for (int i = 0; i < towns.Length; i++)
        {
            int start = text.IndexOf(towns[i].Name, StringComparison.Ordinal);
            entries[i] = Table.FindName(towns[i].Name).ToArray().First(e => Table.KindOf(e) == PlaceKind.Place && Table.CountryOf(e) == towns[i].Country);
            mentions.Add(new Mention
            {
                Span = new Span(start, start + towns[i].Name.Length), FirstToken = i, LastToken = i, Sentence = 0,
                Kind = MentionKind.Name, Candidates = [entries[i]], Resolved = 0,
            });
        }
        return (new DocumentContext(Table, mentions, text), entries);
    }

    [Fact]
    public void A_town_some_cells_east_at_high_latitude_is_near()
    {
        // About 430 km apart, but three 5-degree cells of longitude at 70 degrees north.
        var (context, entries) = Context("Tromso Kirkenes", ("Tromso", "NO"), ("Kirkenes", "NO"));
        GeoMath.ApproximateDistanceKm(Table.LatitudeOf(entries[0]), Table.LongitudeOf(entries[0]), Table.LatitudeOf(entries[1]), Table.LongitudeOf(entries[1])).Should().BeLessThan(500);
        context.HasPlaceNear(entries[1], context.NameOf(1), 500).Should().BeTrue();
        context.HasPlaceNear(entries[0], context.NameOf(0), 500).Should().BeTrue();
    }

    [Theory]
    [InlineData("Anadyr", "Egvekinot", "RU")]
    [InlineData("Brighton", "Eastbourne", "GB")]
    public void A_town_across_the_180th_or_the_prime_meridian_is_near(string west, string east, string country)
    {
        var (context, entries) = Context(west + " " + east, (west, country), (east, country));
        Math.Sign(Table.LongitudeOf(entries[0])).Should().NotBe(Math.Sign(Table.LongitudeOf(entries[1])));
        context.HasPlaceNear(entries[1], context.NameOf(1), 500).Should().BeTrue();
        context.HasPlaceNear(entries[0], context.NameOf(0), 500).Should().BeTrue();
    }
}
