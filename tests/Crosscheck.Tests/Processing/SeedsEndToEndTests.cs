using Crosscheck.Processing;
using Crosscheck.Report;
using FluentAssertions;

namespace Crosscheck.Tests.Processing;

/// <summary>
/// The motivating example end to end, through the same components as `crosscheck analyze`:
/// five real reports of one story (read from ../shared, never copied into the repo).
/// </summary>
public class SeedsEndToEndTests
{
    private static readonly Lazy<Dossier> SeedDossier = new(Build);

    private static Dossier Build()
    {
        // Analysed long after the fact, as a user would: undated reports must not take this date.
        var reference = new DateOnly(2026, 11, 22);
        var components = Components.CreateDefault(reference);
        var context = new AnalysisContext(reference);
        var analyses = components.Reader.Read([SharedData.Path("corpus", "seeds")!])
            .Where(item => item.Article is not null)
            .Select(item => components.Pipeline.Analyze(components.Prepare(item.Article!), context).Article)
            .ToList();
        return components.BuildDossier(analyses, reference);
    }

    private static DossierArticle Report(string idPrefix) => SeedDossier.Value.Articles.Single(a => a.Id.StartsWith(idPrefix, StringComparison.Ordinal));

    private static string Words(Evidence e) => SeedDossier.Value.Articles.Single(a => a.Id == e.Article).Text[e.Start..e.End];

    [SharedDataFact("corpus", "seeds")]
    public void TheFiveReportsAreOneStory() =>
        SeedDossier.Value.Stories.Should().ContainSingle().Which.Articles.Should().HaveCount(5);

    [SharedDataFact("corpus", "seeds")]
    public void SpellingVariantsOfOnePersonAndOneAgencyAreOneEntityEach()
    {
        var entities = SeedDossier.Value.Entities;
        entities.Should().ContainSingle(e => e.Type == "person" && e.Aliases.Append(e.Name).Contains("Zelensky") && e.Aliases.Append(e.Name).Contains("Zelenskyy"));
        entities.Should().ContainSingle(e => e.Type == "organization" && e.Aliases.Contains("HUR") && e.Aliases.Contains("GUR"));
    }

    [SharedDataFact("corpus", "seeds")]
    public void RelativeDatesResolveAgainstEachReportsOwnDate()
    {
        var first = Report("000");
        var times = SeedDossier.Value.Times.Where(t => t.Article == first.Id).ToList();
        times.Should().Contain(t => t.Text == "Saturday" && t.Value == "2024-12-14");
        times.Should().Contain(t => t.Text.Equals("last month", StringComparison.OrdinalIgnoreCase) && t.Value == "2024-11");

        var undated = Report("004");
        undated.PublishedHow.Should().Be("inferred");
        undated.Published.Should().Be("2024-12-16");
        SeedDossier.Value.Times.Where(t => t.Article == undated.Id).Should().Contain(t => t.Text == "Saturday" && t.Value == "2024-12-14");
    }

    [SharedDataFact("corpus", "seeds")]
    public void BothUndatedReportsGetADateNearTheTruthWithTheReasonWhy()
    {
        // Report 003 says "said Saturday" and has no date; its story's dated reports are of 16-17 Dec.
        var byStory = Report("003");
        byStory.PublishedHow.Should().Be("inferred");
        byStory.PublishedBasis.Should().Be("story");
        DateOnly.Parse(byStory.Published!, System.Globalization.CultureInfo.InvariantCulture).Should().BeOnOrAfter(new DateOnly(2024, 12, 13)).And.BeOnOrBefore(new DateOnly(2024, 12, 15));
        byStory.PublishedExplanation.Should().Contain("Saturday").And.Contain("story");
        SeedDossier.Value.Times.Where(t => t.Article == byStory.Id).Should().Contain(t => t.Text == "Saturday" && t.Value == byStory.Published,
            "the report is analysed again on the date its story gave it");

        var byText = Report("004");
        byText.PublishedBasis.Should().Be("text");
        byText.PublishedExplanation.Should().Contain("Monday December 16");
    }

    [SharedDataFact("corpus", "seeds")]
    public void EveryReportHasACopyStatusAndTheSyndicatedOneItsFamily()
    {
        SeedDossier.Value.Articles.Should().OnlyContain(a => a.CopyStatus != null);
        Report("002").Family.Should().NotBeNull("Live Mint belongs to a publisher family");
        SeedDossier.Value.Claims.Should().OnlyContain(c => c.IndependentCarriers >= 1 && c.IndependentCarriers <= c.Articles.Length);
    }

    [SharedDataFact("corpus", "seeds")]
    public void AtLeastThirtyIsAnOpenIntervalOfKilledOrWounded() =>
        SeedDossier.Value.Quantities.Should().Contain(q =>
            q.Text.Equals("at least 30", StringComparison.OrdinalIgnoreCase) && q.Min == 30 && q.Max == null && q.Casualty == "killedOrWounded");

    [SharedDataFact("corpus", "seeds")]
    public void TheCasualtyClaimHasThreeCarriersAndOneOrigin()
    {
        var claim = SeedDossier.Value.Claims
            .Where(c => c.Evidence.Any(e => Words(e).Contains("at least 30", StringComparison.OrdinalIgnoreCase)))
            .MaxBy(c => c.Articles.Length)!;
        claim.Articles.Should().HaveCountGreaterThanOrEqualTo(3);
        claim.IndependentOrigins.Should().Be(1);
        SeedDossier.Value.Entities.Single(e => e.Id == claim.Origins.Single()).Aliases.Should().Contain("GUR");
    }

    [SharedDataFact("corpus", "seeds")]
    public void TheWeekendBattleIsOneEventWithItsSidesPlaceDaysAndCombinedToll()
    {
        var battle = SeedDossier.Value.Events
            .Where(e => e.Type == "Battles" && e.KilledOrWounded is not null)
            .MaxBy(e => e.Articles.Length)!;
        battle.Date.Should().Be("2024-12-14");
        battle.EndDate.Should().Be("2024-12-15");
        battle.Place.Should().StartWith("Kursk");
        battle.Near.Should().Contain(["Plekhovo", "Martynovka"]).And.Contain(n => n.StartsWith("Voro", StringComparison.Ordinal));
        battle.Actor1.Should().Contain("North Korea");
        battle.AssociatedActors1.Should().Contain(a => a.Contains("Russia"));
        battle.Actor2.Should().Contain("Ukraine");
        battle.KilledOrWounded.Should().BeGreaterThanOrEqualTo(30);
        battle.Fatalities.Should().BeNull("'at least 30 killed or wounded' is a combined toll, not 30 deaths");
        battle.Articles.Should().HaveCount(3, "three reports tell of this battle; the others say only that North Koreans are used in assaults");
        battle.Near.Should().HaveCount(3, "Vorozhba and Vorojba are one village");
        battle.Claims.Should().NotBeEmpty();
        SeedDossier.Value.Events.Where(e => e.Type == "Battles" && e.Date is "2024-12-14" or "2024-12-15")
            .Should().ContainSingle("the reports describe one weekend battle, not one per report or per sentence");
    }

    [SharedDataFact("corpus", "seeds")]
    public void TheRelayedClaimCarriesItsChainFromTheDroneUnitToTheOutlet()
    {
        var claim = SeedDossier.Value.Claims.Single(c => c.Chain.Length > 0 && c.Chain[0].Contains("drone unit", StringComparison.Ordinal));
        var chain = claim.Chain.ToList();
        int pravda = chain.FindIndex(l => l.Contains("Ukrainska Pravda", StringComparison.Ordinal));
        int yonhap = chain.FindIndex(l => l.Contains("Yonhap", StringComparison.Ordinal));
        pravda.Should().BeGreaterThan(0);
        yonhap.Should().BeGreaterThan(pravda);
        var outlet = Report(claim.Articles[0]).Outlet;
        if (outlet is not null) chain[^1].Should().Be(outlet);
    }

    [SharedDataFact("corpus", "seeds")]
    public void EachSaidSentenceBecomesAClaimWithItsSpeaker()
    {
        var zelensky = SeedDossier.Value.Entities.Single(e => e.Type == "person" && e.Aliases.Contains("Zelenskyy"));
        SeedDossier.Value.Claims.Count(c => c.Speaker == zelensky.Id).Should().BeGreaterThanOrEqualTo(5);
    }

    [SharedDataFact("corpus", "seeds")]
    public void ADownFromFigureIsAChangeAndADismissalAgainstSilenceIsTension()
    {
        var contradictions = SeedDossier.Value.Contradictions;
        contradictions.Should().Contain(c => c.Kind == "change" && c.Explanation.Contains("down from"));
        contradictions.Should().Contain(c => c.Kind == "status" && c.Explanation.Contains("fake news"));
        contradictions.Should().NotContain(c => c.Kind == "quantity" && c.Explanation.Contains("square"));
    }

    [SharedDataFact("corpus", "seeds")]
    public void DebrisIsRemovedWithReasonsAndDatelinesBecomeMetadata()
    {
        Report("001").Removed.Should().Contain(r => r.Reason == "read-aloud notice");
        Report("003").Removed.Select(r => r.Reason).Should().Contain(["photo credit", "related-story link"]);
        Report("000").Dateline.Should().Be("Seoul, Dec 16");
        Report("002").Outlet.Should().Be("Live Mint");
    }
}
