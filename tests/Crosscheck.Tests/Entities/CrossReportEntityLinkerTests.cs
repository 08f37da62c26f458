using System.Collections.Immutable;
using Crosscheck.Entities;
using FluentAssertions;

namespace Crosscheck.Tests.Entities;

public class CrossReportEntityLinkerTests
{
    private static AnalyzedArticle Report(string id, params (EntityType Type, string Name, string[] Aliases)[] entities)
    {
        var layer = new EntityLayer([], [.. entities.Select((e, i) => new ArticleEntity(i, e.Type, e.Name, [.. e.Aliases]))]);
        return new AnalyzedArticle(new Article { Id = id, Text = "", ContentHash = id }).With(Layers.Entities, layer);
    }

    private static (EntityType, string, string[]) E(EntityType type, string name, params string[] aliases) => (type, name, aliases);

    private static EntityLinking Link(params AnalyzedArticle[] reports) => new CrossReportEntityLinker().Link(reports);

    [Fact]
    public void MergesTransliterationVariantsOfAPerson()
    {
        var linking = Link(
            Report("a", E(EntityType.Person, "Volodymyr Zelensky", "Zelensky")),
            Report("b", E(EntityType.Person, "Volodymyr Zelenskyy")),
            Report("c", E(EntityType.Person, "Zelenskiy")));
        linking.IdFor("a", 0).Should().NotBeNull().And.Be(linking.IdFor("b", 0)).And.Be(linking.IdFor("c", 0));
    }

    [Fact]
    public void AShortFormOfAGivenNameJoinsTheFullNameButNotAnotherPersonOfTheSameSurname()
    {
        var linking = Link(
            Report("a", E(EntityType.Person, "Frederick LaRue"), E(EntityType.Person, "Katherine Walsh")),
            Report("b", E(EntityType.Person, "Fred LaRue"), E(EntityType.Person, "Katie Walsh"), E(EntityType.Person, "Bill Walsh")),
            Report("c", E(EntityType.Person, "Chris Hale"), E(EntityType.Person, "Steven Miller"), E(EntityType.Person, "Drew Barrymore")),
            Report("d", E(EntityType.Person, "Christopher Hale"), E(EntityType.Person, "Stephen Miller"), E(EntityType.Person, "Andrew Barrymore"), E(EntityType.Person, "Bob Walsh")));
        linking.IdFor("a", 0).Should().NotBeNull().And.Be(linking.IdFor("b", 0));
        linking.IdFor("a", 1).Should().NotBeNull().And.Be(linking.IdFor("b", 1));
        linking.IdFor("b", 2).Should().NotBe(linking.IdFor("d", 3), "Bill is William and Bob is Robert: two people");
        linking.IdFor("c", 0).Should().NotBe(linking.IdFor("d", 0), "Chris may be Christopher, Christine or Christian: no guess");
        linking.IdFor("c", 1).Should().NotBe(linking.IdFor("d", 1), "Steven and Stephen are names of their own");
        linking.IdFor("c", 2).Should().NotBe(linking.IdFor("d", 2), "Drew is a name of its own");
    }

    [Fact]
    public void AMountAndASaintWrittenShortJoinTheirFullNames()
    {
        var linking = Link(
            Report("a", E(EntityType.Place, "Mt Cook"), E(EntityType.Place, "St. Petersburg")),
            Report("b", E(EntityType.Place, "Mount Cook"), E(EntityType.Place, "Saint Petersburg")));
        linking.IdFor("a", 0).Should().NotBeNull().And.Be(linking.IdFor("b", 0));
        linking.IdFor("a", 1).Should().NotBeNull().And.Be(linking.IdFor("b", 1));
    }

    [Fact]
    public void MergesCyrillicAndLatinSpellingsOfOnePlaceAndOnePerson()
    {
        var linking = Link(
            Report("a", E(EntityType.Place, "Vorozhba"), E(EntityType.Person, "Volodymyr Zelenskyy")),
            Report("b", E(EntityType.Place, "Ворожба"), E(EntityType.Person, "Володимир Зеленський")),
            Report("c", E(EntityType.Place, "Vorožba"), E(EntityType.Place, "Воронеж")));
        linking.IdFor("a", 0).Should().NotBeNull().And.Be(linking.IdFor("b", 0)).And.Be(linking.IdFor("c", 0));
        linking.IdFor("a", 1).Should().NotBeNull().And.Be(linking.IdFor("b", 1));
        linking.IdFor("c", 1).Should().NotBe(linking.IdFor("a", 0));
    }

    [Fact]
    public void MergesVillageSpellingsButNotAcrossTypes()
    {
        var linking = Link(
            Report("a", E(EntityType.Place, "Vorozhba")),
            Report("b", E(EntityType.Place, "Vorojba"), E(EntityType.Person, "Vorojba")),
            Report("c", E(EntityType.Place, "Woroschba")));
        linking.IdFor("a", 0).Should().Be(linking.IdFor("b", 0)).And.Be(linking.IdFor("c", 0));
        linking.IdFor("b", 1).Should().NotBe(linking.IdFor("b", 0));
    }

    [Fact]
    public void AnOrganisationNamedWithoutItsPlaceOrNationalityJoinsTheFullName()
    {
        var linking = Link(
            Report("a", E(EntityType.Organization, "Chicago Comets"), E(EntityType.Organization, "Norwegian Navy"), E(EntityType.Place, "Chicago")),
            Report("b", E(EntityType.Organization, "Comets"), E(EntityType.Organization, "Navy")));
        linking.IdFor("b", 0).Should().Be(linking.IdFor("a", 0));
        linking.IdFor("b", 1).Should().Be(linking.IdFor("a", 1));
    }

    [Fact]
    public void AShortOrganisationNameStaysApartWhenTwoFullNamesEndInIt()
    {
        var linking = Link(
            Report("a", E(EntityType.Organization, "Russian Army"), E(EntityType.Organization, "Ukrainian Army")),
            Report("b", E(EntityType.Organization, "Army")));
        linking.IdFor("b", 0).Should().NotBe(linking.IdFor("a", 0)).And.NotBe(linking.IdFor("a", 1));
    }

    [Theory]
    [InlineData("Golden Comets", "Comets")]
    [InlineData("White House", "House")]
    [InlineData("Ukraine's Navy", "Navy")]
    [InlineData("Chicago Comets", "Chicago")]
    public void AnOrganisationDoesNotJoinANameWhoseLeadingWordsAreNoPlace(string full, string shorter)
    {
        var linking = Link(
            Report("a", E(EntityType.Organization, full)),
            Report("b", E(EntityType.Organization, shorter)));
        linking.IdFor("b", 0).Should().NotBe(linking.IdFor("a", 0));
    }

    [Fact]
    public void AOneWordNameTypedOtherwiseInOneReportJoinsTheTypeMostReportsGiveIt()
    {
        var linking = Link(
            Report("a", E(EntityType.Organization, "Comets")),
            Report("b", E(EntityType.Organization, "Comets")),
            Report("c", E(EntityType.Place, "Comets")),
            Report("d", E(EntityType.Organization, "Comets")),
            Report("e", E(EntityType.Person, "Halvorsen")),
            Report("f", E(EntityType.Place, "Halvorsen")));
        linking.IdFor("c", 0).Should().Be(linking.IdFor("a", 0));
        linking.IdFor("f", 0).Should().NotBe(linking.IdFor("e", 0), "one report against one is no majority");
    }

    [Fact]
    public void AOneWordNameStaysApartWhenTheTypesAreEvenOrTheAliasTableKnowsIt()
    {
        var even = Link(
            Report("a", E(EntityType.Person, "Jordan")),
            Report("b", E(EntityType.Place, "Jordan")),
            Report("c", E(EntityType.Person, "Jordan")),
            Report("d", E(EntityType.Place, "Jordan")));
        even.IdFor("a", 0).Should().NotBe(even.IdFor("b", 0));
        var state = Link(
            Report("a", E(EntityType.Organization, "Pyongyang")),
            Report("b", E(EntityType.Place, "Pyongyang")),
            Report("c", E(EntityType.Place, "Pyongyang")),
            Report("d", E(EntityType.Place, "Pyongyang")));
        state.IdFor("a", 0).Should().NotBe(state.IdFor("b", 0), "the alias table says Pyongyang acting is the state");
    }

    [Fact]
    public void MergesHurAndGurThroughTheAliasTable()
    {
        var linking = Link(
            Report("a", E(EntityType.Organization, "HUR", "military intelligence agency")),
            Report("b", E(EntityType.Organization, "GUR")),
            Report("c", E(EntityType.Organization, "Main Intelligence Directorate")));
        var id = linking.IdFor("a", 0);
        linking.IdFor("b", 0).Should().Be(id);
        linking.IdFor("c", 0).Should().Be(id);
        linking.Entities.Single(e => e.Id == id).Name.Should().Be("Main Intelligence Directorate of Ukraine");
    }

    [Fact]
    public void ALoneGivenNameJoinsTheOnlyFullNameItBegins()
    {
        var linking = Link(Report("a", E(EntityType.Person, "Vladimir"), E(EntityType.Person, "Vladimir Putin", "Putin")));
        linking.IdFor("a", 0).Should().Be(linking.IdFor("a", 1));
    }

    [Fact]
    public void ALoneGivenNameJoinsTheFullNameTheAliasTableGivesALoneSurname()
    {
        // "(President Vladimir) Putin": the reports never write the full name in one piece.
        var linking = Link(Report("a", E(EntityType.Person, "Vladimir"), E(EntityType.Person, "Putin")));
        linking.IdFor("a", 0).Should().Be(linking.IdFor("a", 1));
        linking.Entities.Single(e => e.Id == linking.IdFor("a", 0)).Name.Should().Be("Vladimir Putin");
    }

    [Fact]
    public void ALoneGivenNameStaysApartWhenTwoPeopleOfTheStoryHaveIt()
    {
        var linking = Link(
            Report("a", E(EntityType.Person, "Vladimir"), E(EntityType.Person, "Putin")),
            Report("b", E(EntityType.Person, "Vladimir Horvath")));
        linking.IdFor("a", 0).Should().NotBe(linking.IdFor("a", 1)).And.NotBe(linking.IdFor("b", 0));
        linking.IdFor("a", 1).Should().NotBe(linking.IdFor("b", 0));
    }

    [Fact]
    public void AnAnonymousFirstNameInAnotherReportDoesNotJoinTheLeaderTheAliasTableKnows()
    {
        // "Vladimir, a 30-year-old gunner who gave only his first name, said ..." in one report;
        // "Putin" in another.
        var linking = Link(
            Report("a", E(EntityType.Person, "Vladimir")),
            Report("b", E(EntityType.Person, "Putin")));
        linking.IdFor("a", 0).Should().NotBe(linking.IdFor("b", 0));
    }

    [Fact]
    public void AnAnonymousFirstNameDoesNotJoinAFullNameWrittenOnlyInAnotherReport()
    {
        // "Volodymyr, a medic in the town, said ..." beside another report's "Volodymyr Zelenskyy".
        var linking = Link(
            Report("a", E(EntityType.Person, "Volodymyr")),
            Report("b", E(EntityType.Person, "Volodymyr Zelenskyy")));
        linking.IdFor("a", 0).Should().NotBe(linking.IdFor("b", 0));
    }

    [Fact]
    public void ALoneSurnameStillJoinsTheFullNameOfAnotherReport()
    {
        var linking = Link(
            Report("a", E(EntityType.Person, "Halvorsen")),
            Report("b", E(EntityType.Person, "Ingrid Halvorsen")));
        linking.IdFor("a", 0).Should().Be(linking.IdFor("b", 0));
    }

    [Fact]
    public void MergesThePentagonWrittenWithItsCountry()
    {
        var linking = Link(
            Report("a", E(EntityType.Organization, "U.S. Pentagon")),
            Report("b", E(EntityType.Organization, "Pentagon")),
            Report("c", E(EntityType.Organization, "Department of Defense")));
        var id = linking.IdFor("a", 0);
        linking.IdFor("b", 0).Should().Be(id);
        linking.IdFor("c", 0).Should().Be(id);
    }

    [Fact]
    public void LinksTheDprkToNorthKoreaButOnlyThePyongyangThatActs()
    {
        var linking = Link(
            Report("a", E(EntityType.Place, "North Korea"), E(EntityType.Place, "Pyongyang")),
            Report("b", E(EntityType.Organization, "DPRK"), E(EntityType.Organization, "Pyongyang")));
        linking.IdFor("b", 0).Should().Be(linking.IdFor("a", 0));
        linking.IdFor("b", 1).Should().Be(linking.IdFor("a", 0));
        linking.IdFor("a", 1).Should().NotBe(linking.IdFor("a", 0));
    }

    [Fact]
    public void KeepsTwoKimsApartAndLeavesTheAmbiguousSurnameAlone()
    {
        var linking = Link(
            Report("a", E(EntityType.Person, "Kim Jong-un"), E(EntityType.Person, "Kim")),
            Report("b", E(EntityType.Person, "Kim Yo-jong"), E(EntityType.Person, "Kim")),
            Report("c", E(EntityType.Person, "Kim Jong Un")));
        linking.IdFor("a", 0).Should().NotBe(linking.IdFor("b", 0));
        linking.IdFor("c", 0).Should().Be(linking.IdFor("a", 0));
        linking.IdFor("a", 1).Should().NotBe(linking.IdFor("a", 0)).And.NotBe(linking.IdFor("b", 0));
        linking.IdFor("b", 1).Should().Be(linking.IdFor("a", 1), "the ambiguous lone name is one entity across reports, not one per report");
    }

    [Fact]
    public void AnUnambiguousSurnameJoinsItsFullName()
    {
        var linking = Link(
            Report("a", E(EntityType.Person, "Rustem Umerov")),
            Report("b", E(EntityType.Person, "Umerov")));
        linking.IdFor("b", 0).Should().Be(linking.IdFor("a", 0));
    }

    [Fact]
    public void MatchesAnAcronymToTheOnlyNameWithThoseInitials()
    {
        var linking = Link(
            Report("a", E(EntityType.Organization, "Baltic Energy Council")),
            Report("b", E(EntityType.Organization, "BEC")),
            Report("c", E(EntityType.Organization, "Baltic Export Corporation"), E(EntityType.Organization, "Nordic Grid Authority")),
            Report("d", E(EntityType.Organization, "NGA")));
        linking.IdFor("b", 0).Should().NotBe(linking.IdFor("a", 0), "two organisations spell BEC, so the acronym stays apart");
        linking.IdFor("d", 0).Should().Be(linking.IdFor("c", 1));
    }

    [Fact]
    public void IdsFollowFirstAppearanceAndAreStable()
    {
        AnalyzedArticle[] reports =
        [
            Report("a", E(EntityType.Place, "Kursk"), E(EntityType.Person, "Andrei Belousov")),
            Report("b", E(EntityType.Person, "Belousov"), E(EntityType.Place, "Sumy")),
        ];
        var first = Link(reports);
        var second = Link(reports);
        first.Entities.Select(e => e.Id).Should().Equal("e1", "e2", "e3");
        first.IdFor("a", 0).Should().Be("e1");
        first.IdFor("b", 0).Should().Be("e2");
        first.Entities.Select(e => (e.Id, e.Name)).Should().Equal(second.Entities.Select(e => (e.Id, e.Name)));
    }

    [Fact]
    public void LinksManyEntitiesWithoutComparingAllPairs()
    {
        var reports = Enumerable.Range(0, 200).Select(r => Report($"r{r}",
            [.. Enumerable.Range(0, 100).Select(i => E(EntityType.Person, $"Person{(r * 100 + i) % 5000} Family{(r + i) % 700}"))])).ToArray();
        var linking = Link(reports);
        linking.IdOf.Count.Should().Be(20_000);
        linking.Entities.Length.Should().BeLessThan(20_000);
    }

    [Fact]
    public void ReportsWithoutAnEntityLayerAreSkipped()
    {
        var bare = new AnalyzedArticle(new Article { Id = "x", Text = "", ContentHash = "x" });
        Link(bare).Entities.Should().BeEmpty();
    }

    [Fact]
    public void AnAcronymAliasDoesNotChainDifferentEntities()
    {
        var linking = Link(
            Report("a", E(EntityType.Place, "Tallinn", "AP")),
            Report("b", E(EntityType.Place, "Vilnius", "AP")));
        linking.IdFor("a", 0).Should().NotBe(linking.IdFor("b", 0));
    }
    [Fact]
    public void AMultiWordNameTypedDifferentlyInTwoReportsIsOneEntity()
    {
        var linking = Link(
            Report("a", E(EntityType.Organization, "Dornbach Rovers")),
            Report("b", E(EntityType.Place, "Dornbach Rovers")));
        linking.IdFor("a", 0).Should().NotBeNull().And.Be(linking.IdFor("b", 0));
    }

    [Fact]
    public void AOneWordNameTypedDifferentlyStaysApart()
    {
        var linking = Link(
            Report("b", E(EntityType.Person, "Varga")),
            Report("c", E(EntityType.Place, "Varga")));
        linking.IdFor("b", 0).Should().NotBe(linking.IdFor("c", 0));
    }

    [Fact]
    public void ExtraLeadingWordsBeforeAFullNameStillMeetTheFullName()
    {
        var linking = Link(
            Report("a", E(EntityType.Person, "Ilse Varga")),
            Report("b", E(EntityType.Person, "Striker Ilse Varga")),
            Report("c", E(EntityType.Person, "Ana Maria Lo Presto")),
            Report("d", E(EntityType.Person, "Lo Presto")));
        linking.IdFor("a", 0).Should().Be(linking.IdFor("b", 0));
        linking.IdFor("c", 0).Should().Be(linking.IdFor("d", 0));
        linking.IdFor("a", 0).Should().NotBe(linking.IdFor("c", 0));
    }

    [Fact]
    public void NestedGivenNamesDoNotJoinWhenTwoPeopleFit()
    {
        var linking = Link(
            Report("a", E(EntityType.Person, "Ilse Varga")),
            Report("b", E(EntityType.Person, "Anna Varga")),
            Report("c", E(EntityType.Person, "Coach Ilse Varga")),
            Report("d", E(EntityType.Person, "Varga")));
        linking.IdFor("c", 0).Should().Be(linking.IdFor("a", 0));
        linking.IdFor("a", 0).Should().NotBe(linking.IdFor("b", 0));
        linking.IdFor("d", 0).Should().NotBe(linking.IdFor("a", 0)).And.NotBe(linking.IdFor("b", 0));
    }

    [Fact]
    public void ACompanyWithAndWithoutItsLegalFormIsOneEntity()
    {
        var linking = Link(
            Report("a", E(EntityType.Organization, "Tessel Turbines Inc.")),
            Report("b", E(EntityType.Organization, "Tessel Turbines")),
            Report("c", E(EntityType.Organization, "Tessel Turbines Holdings PLC")));
        linking.IdFor("a", 0).Should().Be(linking.IdFor("b", 0)).And.Be(linking.IdFor("c", 0));
    }

    [Fact]
    public void AShortOrganisationNameJoinsTheOnlyLongerNameItBegins()
    {
        var linking = Link(
            Report("a", E(EntityType.Organization, "Varga Airways")),
            Report("b", E(EntityType.Organization, "Varga")),
            Report("c", E(EntityType.Organization, "Dorn Energy")),
            Report("d", E(EntityType.Organization, "Dorn Shipping")),
            Report("e", E(EntityType.Organization, "Dorn")));
        linking.IdFor("b", 0).Should().Be(linking.IdFor("a", 0));
        linking.IdFor("e", 0).Should().NotBe(linking.IdFor("c", 0)).And.NotBe(linking.IdFor("d", 0));
        linking.IdFor("c", 0).Should().NotBe(linking.IdFor("d", 0));
    }

    [Fact]
    public void AShortNameDoesNotJoinALongerOneThatNamesAnotherBody()
    {
        var linking = Link(
            Report("a", E(EntityType.Organization, "Varga")),
            Report("b", E(EntityType.Organization, "Varga Daily")));
        linking.IdFor("a", 0).Should().NotBe(linking.IdFor("b", 0));
    }

    [Fact]
    public void ACompanyWithALegalFormNeverMeetsAPlaceOfTheSameName()
    {
        var linking = Link(
            Report("a", E(EntityType.Place, "Port Tessel")),
            Report("b", E(EntityType.Organization, "Port Tessel Holdings")),
            Report("c", E(EntityType.Organization, "Port Tessel Holdings Ltd")));
        linking.IdFor("a", 0).Should().NotBe(linking.IdFor("b", 0));
        linking.IdFor("b", 0).Should().Be(linking.IdFor("c", 0));
    }

    [Fact]
    public void ACountryActingIsNotThePrefixOfItsOwnInstitution()
    {
        var linking = Link(
            Report("a", E(EntityType.Organization, "Tesselland's flood agency")),
            Report("b", E(EntityType.Organization, "Tesselland")));
        linking.IdFor("a", 0).Should().NotBe(linking.IdFor("b", 0));
    }
    // Entities with their mentions, and the places stage's reading of each mention (a country code, as a demonym or not).
    private static AnalyzedArticle ReportWithPlaces(string id, string text, params (EntityType Type, string Surface, int Occurrence, string? Country)[] mentions)
    {
        var names = mentions.Select(m => (m.Type, m.Surface)).Distinct().ToList();
        var entityMentions = new List<EntityMention>();
        var places = new List<Crosscheck.Places.ResolvedPlace>();
        foreach (var m in mentions)
        {
            int at = -1;
            for (int k = 0; k < m.Occurrence; k++) at = text.IndexOf(m.Surface, at + 1, StringComparison.Ordinal);
            var span = new Span(at, at + m.Surface.Length);
            entityMentions.Add(new EntityMention(span, m.Type, names.IndexOf((m.Type, m.Surface))));
            if (m.Country is { } code)
            {
                places.Add(new Crosscheck.Places.ResolvedPlace(span, m.Surface, 0, 0, null, code, null, Crosscheck.Places.PlacePrecision.Country)
                { WrittenAsDemonym = m.Type == EntityType.Group });
            }
        }
        var layer = new EntityLayer([.. entityMentions.OrderBy(m => m.Span.Start)], [.. names.Select((n, i) => new ArticleEntity(i, n.Type, n.Surface, []))]);
        return new AnalyzedArticle(new Article { Id = id, Text = text, ContentHash = id })
            .With(Layers.Entities, layer).With(Layers.Places, [.. places.OrderBy(p => p.Span.Start)]);
    }

    private static readonly Pipeline EntitiesAndPlaces = DefaultPipeline.Create();

    private static AnalyzedArticle Analyzed(string id, string text) =>
        EntitiesAndPlaces.Analyze(new Article { Id = id, Text = text, ContentHash = id }, new AnalysisContext(new DateOnly(2024, 12, 16))).Article;

    private static string? IdOfWords(EntityLinking linking, AnalyzedArticle article, string words)
    {
        var text = article.Article.Text;
        var mention = article.Get(Layers.Entities).Mentions.FirstOrDefault(m => m.Span.Of(text) == words);
        return mention.Span.Length == 0 ? null : linking.IdFor(article.Article.Id, mention.Entity);
    }

    [Theory]
    [InlineData("South Korean officials said on Monday that the drills near the border would go ahead.", "South Korean officials", "South Korea")]
    [InlineData("Seoul stayed calm, and the South Korean side said on Monday that the drills would go ahead.", "South Korean", "South Korea")]
    public void ADemonymThatSpeaksForTheStateJoinsTheCountryTheReportsName(string sentence, string words, string country)
    {
        var a = Analyzed("a", sentence);
        var b = Analyzed("b", $"{country} sent two more ships to the strait on Sunday, the navy said.");
        var linking = new CrossReportEntityLinker().Link([a, b]);
        var id = IdOfWords(linking, a, words);
        id.Should().NotBeNull("the finder reads '{0}' as one mention", words);
        id.Should().Be(IdOfWords(linking, b, country));
    }

    [Theory]
    [InlineData("Ukrainian refugees in Poland said they feared the coming winter.", "Ukrainian")]
    [InlineData("Russian oligarchs said on Monday that their yachts had been seized in the harbour.", "Russian")]
    [InlineData("Ukrainian children returned to the school in the village on Monday.", "Ukrainian")]
    public void ADemonymBeforeANounForPeopleOfTheCountryIsNotTheState(string sentence, string demonym)
    {
        var a = Analyzed("a", sentence);
        var country = demonym == "Ukrainian" ? "Ukraine" : "Russia";
        var b = Analyzed("b", $"{country} sent two more trains to the border on Sunday, the railway said.");
        var linking = new CrossReportEntityLinker().Link([a, b]);
        var countryId = IdOfWords(linking, b, country);
        countryId.Should().NotBeNull();
        var text = a.Article.Text;
        foreach (var mention in a.Get(Layers.Entities).Mentions.Where(m => m.Span.Of(text).StartsWith(demonym, StringComparison.Ordinal)))
        {
            linking.IdFor("a", mention.Entity).Should().NotBe(countryId, "'{0}' names people, not the state", mention.Span.Of(text));
        }
    }

    [Fact]
    public void PeopleOfACountryAndItsSoldiersStayGroups()
    {
        var linking = Link(
            ReportWithPlaces("a", "Valdorians crossed the river. Valdorian soldiers followed.", (EntityType.Group, "Valdorians", 1, "VD"), (EntityType.Group, "Valdorian soldiers", 1, "VD")),
            ReportWithPlaces("b", "Valdoria denied the report.", (EntityType.Place, "Valdoria", 1, "VD")));
        linking.IdFor("a", 0).Should().NotBe(linking.IdFor("b", 0));
        linking.IdFor("a", 1).Should().NotBe(linking.IdFor("b", 0));
    }

    [Fact]
    public void ADemonymTheReportsNeverTieToACountryStaysAGroup()
    {
        var linking = Link(
            ReportWithPlaces("a", "Western officials said the dam held.", (EntityType.Group, "Western", 1, null)),
            ReportWithPlaces("b", "Valdoria denied the report.", (EntityType.Place, "Valdoria", 1, "VD")));
        linking.IdFor("a", 0).Should().NotBe(linking.IdFor("b", 0));
    }
}
