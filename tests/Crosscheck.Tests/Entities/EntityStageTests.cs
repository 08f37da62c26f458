using System.Text;
using Crosscheck.Entities;
using Crosscheck.Text;
using FluentAssertions;

namespace Crosscheck.Tests.Entities;

public class EntityStageTests
{
    private static readonly Pipeline Pipeline = new PipelineBuilder().Add(new TextStage()).Add(new EntityStage()).Build();

    private static (string Text, EntityLayer Layer) Analyze(string text)
    {
        var outcome = Pipeline.Analyze(new Article { Id = "t", Text = text, ContentHash = "h" }, new AnalysisContext(new DateOnly(2024, 12, 16)));
        outcome.Failures.Should().BeEmpty();
        return (text, outcome.Article.Get(Layers.Entities));
    }

    private static string[] MentionsOfType(string text, EntityLayer layer, EntityType type) =>
        layer.Mentions.Where(m => m.Type == type).Select(m => m.Span.Of(text)).ToArray();

    [Fact]
    public void GroupsAFullNameWithTheLaterSurnameAndLeavesTheTitleOut()
    {
        var (text, layer) = Analyze(
            "Ukrainian President Volodymyr Zelenskyy said on Sunday that the defenders would hold the line. " +
            "Zelenskyy added that more air defence systems were needed before the winter.");
        var people = layer.Entities.Where(e => e.Type == EntityType.Person).ToList();
        people.Should().ContainSingle();
        people[0].Name.Should().Be("Volodymyr Zelenskyy");
        MentionsOfType(text, layer, EntityType.Person).Should().Equal("Volodymyr Zelenskyy", "Zelenskyy");
        layer.Mentions.Where(m => m.Type == EntityType.Person).Select(m => m.Entity).Distinct().Should().ContainSingle();
    }

    [Fact]
    public void ExcludesThePossessiveFromSpans()
    {
        var (text, layer) = Analyze("Officials said Poland's border guard had moved reserves toward Lublin on Tuesday.");
        layer.Mentions.Select(m => m.Span.Of(text)).Should().Contain("Poland")
            .And.NotContain(s => s.EndsWith("'s", StringComparison.Ordinal));
    }

    [Fact]
    public void KeepsAnInstitutionTheAliasTableKnowsBesideItsCountry()
    {
        var (text, layer) = Analyze("Russia's defence ministry said its troops had recaptured two villages.");
        var spans = layer.Mentions.Select(m => (m.Span.Of(text), m.Type)).ToList();
        spans.Should().Contain(("Russia", EntityType.Place)).And.Contain(("Russia's defence ministry", EntityType.Organization));
    }

    [Fact]
    public void LeavesANameHyphenatedOntoALowerCaseWordOutButKeepsItElsewhere()
    {
        var (text, layer) = Analyze("The U.S.-backed coalition moved north, and the U.S. embassy in Amman stayed closed on Friday.");
        var spans = layer.Mentions.Select(m => m.Span).ToList();
        int compound = text.IndexOf("U.S.-backed", StringComparison.Ordinal);
        spans.Should().NotContain(s => s.Start == compound);
        spans.Should().Contain(s => s.Start == text.IndexOf("U.S. embassy", StringComparison.Ordinal) && s.End - s.Start == 4);
    }

    [Fact]
    public void DropsTheCapitalTheThatOnlyOpensTheSentence()
    {
        var (text, layer) = Analyze("The Pentagon said on Monday that the drills would go ahead.");
        layer.Mentions.Select(m => m.Span.Of(text)).Should().Contain("Pentagon").And.NotContain(s => s.StartsWith("The", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("The Pentagon denied it.", 0, 1)]
    [InlineData("The Hague denied it.", 0, 0)]
    [InlineData("He flew to The Pentagon briefing.", 3, 3)]
    public void KeepsASentenceOpeningTheOnlyWhenItBelongsToAKnownName(string text, int theToken, int expectedFirst)
    {
        var tokens = Crosscheck.Text.Tokenizer.Analyze(text).Tokens;
        int first = theToken, last = theToken + 1;
        EntityStage.Trim(text, tokens, EntityType.Place, ref first, ref last, Crosscheck.Places.Gazetteer.LoadDefault()).Should().BeTrue();
        first.Should().Be(expectedFirst);
    }

    [Fact]
    public void KeepsACapitalisedTheThatIsPartOfTheName()
    {
        var (text, layer) = Analyze("The envoy flew to The Hague on Monday, a spokesman for the Foreign Ministry said.");
        layer.Mentions.Select(m => m.Span.Of(text)).Should().Contain("The Hague");
        layer.Mentions.Select(m => m.Span.Of(text)).Should().NotContain(s => s.StartsWith("the ", StringComparison.Ordinal));
    }

    [Fact]
    public void FindsMilitaryUnitsByOrdinalAndByName()
    {
        var (text, layer) = Analyze(
            "Drone pilots of the 47th Separate Mechanized Brigade and the Kraken Brigade struck the column, while the 12th separate battalion held the village.");
        MentionsOfType(text, layer, EntityType.MilitaryUnit).Should().Equal("47th Separate Mechanized Brigade", "Kraken Brigade", "12th separate battalion");
    }

    [Fact]
    public void TurnsNationalitiesWithTheirHeadNounIntoGroups()
    {
        var (text, layer) = Analyze("Dozens of North Korean soldiers were wounded near the border, and Russian troops withdrew to the north.");
        MentionsOfType(text, layer, EntityType.Group).Should().Contain(["North Korean soldiers", "Russian troops"]);
    }

    [Fact]
    public void ATwoWordPlaceEndingLikeADemonymStaysAPlaceBeforeAGroupNoun()
    {
        // "Orleans" ends like "Koreans", but "New Orleans officials" are officials of a place, not a nationality group.
        var (text, layer) = Analyze("New Orleans officials said the levees held overnight, and Somali officials praised the relief teams.");
        MentionsOfType(text, layer, EntityType.Place).Should().Contain("New Orleans");
        MentionsOfType(text, layer, EntityType.Group).Should().Contain("Somali officials").And.NotContain(g => g.Contains("Orleans"));
    }

    [Fact]
    public void ACountrysNameBeforeASurnameIsAPersonsGivenName()
    {
        var (text, layer) = Analyze("Jordan Marchetti said on Tuesday that his party would vote against the budget.");
        MentionsOfType(text, layer, EntityType.Person).Should().Contain("Jordan Marchetti");
        MentionsOfType(text, layer, EntityType.Place).Should().NotContain(p => p.StartsWith("Jordan", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Farmers in the Jordan Valley said the rains came late this year.", "Jordan Valley")]
    [InlineData("Israel Radio reported on Monday that the talks would resume.", "Israel Radio")]
    [InlineData("Officials in Panama City said the port would reopen.", "Panama City")]
    public void ACountrysNameBeforeAPlaceOrOrganisationWordIsNoPerson(string sentence, string name)
    {
        var (text, layer) = Analyze(sentence);
        MentionsOfType(text, layer, EntityType.Person).Should().NotContain(name);
    }

    [Fact]
    public void OneGroupForSoldiersAndTroopsOfOneNationality()
    {
        var (_, layer) = Analyze("North Korean soldiers were seen near the front. Later, North Korean troops were moved again.");
        layer.Entities.Where(e => e.Type == EntityType.Group).Should().ContainSingle()
            .Which.Aliases.Should().Contain("North Korean troops");
    }

    [Fact]
    public void JoinsABracketedAcronymToTheWordsBeforeIt()
    {
        var (text, layer) = Analyze("Estonia's state cyber defence agency (RIK) reported the attack. The RIK said it was contained.");
        var mentions = layer.Mentions.Where(m => m.Span.Of(text) == "RIK").ToList();
        mentions.Should().HaveCount(2);
        mentions.Select(m => m.Entity).Distinct().Should().ContainSingle();
        layer.Entities[mentions[0].Entity].Aliases.Should().Contain("state cyber defence agency");
    }

    [Fact]
    public void FindsTheMostRecentPersonBeforeAnOffset()
    {
        var (text, layer) = Analyze("Defence Minister Rustem Umerov met Lloyd Austin in Brussels. He said the talks were useful.");
        int he = text.IndexOf("He said", StringComparison.Ordinal);
        layer.MostRecentPersonBefore(he)!.Name.Should().Be("Lloyd Austin");
        layer.MostRecentPersonBefore(0).Should().BeNull();
    }

    [Fact]
    public void AllCapitalTextIsReadAfterRecasingWithoutAFlood()
    {
        var (text, layer) = Analyze("BREAKING: HEAVY FIGHTING REPORTED AS TROOPS ADVANCE ON THE CITY OF KHARKIV AFTER DAWN ATTACK");
        MentionsOfType(text, layer, EntityType.Place).Should().ContainSingle().Which.Should().EndWith("KHARKIV");
        layer.Mentions.Length.Should().BeLessThanOrEqualTo(2);
        layer.Mentions.All(m => m.Span.End <= text.Length).Should().BeTrue();
    }

    [Fact]
    public void AHeadlineInTitleCaseGivesSeparateNamesNotOneLongName()
    {
        var (text, layer) = Analyze("Mayor Ilse Varga Warns Residents Of Lyon Must Leave Homes After Heavy Rain\nThe warning came on Friday.");
        MentionsOfType(text, layer, EntityType.Person).Should().Contain("Ilse Varga");
        layer.Mentions.Should().OnlyContain(m => !m.Span.Of(text).Contains("Warns", StringComparison.Ordinal) && !m.Span.Of(text).Contains("Rain", StringComparison.Ordinal));
        layer.Mentions.Select(m => m.Span.Of(text)).Should().Contain("Lyon");
    }

    [Fact]
    public void TextWithoutCapitalsDoesNotFail()
    {
        var (text, layer) = Analyze("fighting continued overnight near the river and officials said more shelling was expected in the morning.");
        layer.Mentions.All(m => m.Span.End <= text.Length && !m.Span.IsEmpty).Should().BeTrue();
        layer.Mentions.Length.Should().BeLessThanOrEqualTo(2);
    }

    [Fact]
    public void AListOfFiveThousandNamesGivesBoundedConsistentOutput()
    {
        string[] given = ["Ivan", "Olena", "Petro", "Maria", "Taras", "Iryna", "Andriy", "Oksana", "Yuriy", "Natalia"];
        string[] family = ["Kovalenko", "Shevchenko", "Bondarenko", "Tkachenko", "Kravchenko", "Melnyk", "Boyko", "Koval", "Oliynyk", "Lysenko"];
        var text = new StringBuilder("The list names ");
        for (int i = 0; i < 5000; i++)
        {
            if (i > 0) text.Append(", ");
            text.Append(given[i % 10]).Append(' ').Append(family[i / 10 % 10]).Append(' ').Append((char)('A' + i / 100 % 26)).Append('.');
        }
        text.Append(" and others.");
        var (s, layer) = Analyze(text.ToString());
        layer.Mentions.Length.Should().BeGreaterThan(1000);
        layer.Entities.Length.Should().BeLessThanOrEqualTo(layer.Mentions.Length);
        layer.Mentions.Should().OnlyContain(m => m.Span.End <= s.Length && m.Entity < layer.Entities.Length);
    }

    [Theory]
    [InlineData("((((HUR)))) ( ) 's 's ’s — — 95th 95th Brigade Brigade Brigade")]
    [InlineData("North North North Korean Korean soldiers soldiers troops")]
    [InlineData("The 1st 2nd 3rd 4th 5th 6th 7th 8th 9th 10th 11th 12th Brigade (DPRK) (DPRK) of the (A) (B)")]
    [InlineData("🙂🙂 Zelenskyy's 's' ' \" “ ” « » Kim Jong-un's Jong-un-un-un Kim")]
    [InlineData("Mr. Mr. Mr. President President Prime Minister")]
    [InlineData("A\nB\nC\n(\n)\n's\n")]
    public void OddInputNeverFailsTheStage(string text)
    {
        var (s, layer) = Analyze(text);
        layer.Mentions.All(m => m.Span.Start >= 0 && m.Span.End <= s.Length && !m.Span.IsEmpty && m.Entity < layer.Entities.Length).Should().BeTrue();
    }

    [Fact]
    public void AVeryLongLineWithoutSentenceBreaksIsHandled()
    {
        var text = string.Concat(Enumerable.Repeat("Officials in Kharkiv said Russian troops shelled the 92nd Brigade near Vovchansk and ", 3000));
        var (s, layer) = Analyze(text);
        layer.Mentions.Length.Should().BeGreaterThan(3000);
        layer.Entities.Where(e => e.Type == EntityType.MilitaryUnit).Should().ContainSingle();
    }

    [Fact]
    public void EmptyTextGivesAnEmptyLayer()
    {
        var (_, layer) = Analyze("");
        layer.Mentions.Should().BeEmpty();
    }
}
