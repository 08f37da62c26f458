using Crosscheck.Entities;
using FluentAssertions;

namespace Crosscheck.Tests.Entities;

public class LexicalResourceTests
{
    [Fact]
    public void PlaceNameSetRoundTripsAndIgnoresCaseAndSpacing()
    {
        using var buffer = new MemoryStream();
        PlaceNameSet.Write(["Kryvyi Rih", "Sumy", "Ox"], buffer);
        buffer.Position = 0;
        var set = PlaceNameSet.Load(buffer);
        set.Contains("kryvyi  rih").Should().BeTrue();
        set.Contains("SUMY").Should().BeTrue();
        set.Contains("Ox").Should().BeFalse("names shorter than three letters are left out");
        set.Contains("Kharkiv").Should().BeFalse();
    }

    [Fact]
    public void AnAliasRestrictedToOrganisationsMarksANameThatStandsForAnother()
    {
        var table = AliasTable.Parse(["Ruritania\tPlace\tStrelsau@Organization; Kingdom of Ruritania", "Strelsau\tPlace\tStrelsaw"]);
        table.StandsForAnotherAs("Strelsau", EntityType.Organization).Should().BeTrue("the capital read as an organisation is the state");
        table.StandsForAnotherAs("Strelsau", EntityType.Place).Should().BeFalse();
        table.StandsForAnotherAs("Kingdom of Ruritania", EntityType.Organization).Should().BeFalse("an unrestricted alias is the entity itself");
        table.StandsForAnotherAs("Zenda", EntityType.Organization).Should().BeFalse();
    }

    [Fact]
    public void TheShippedPlaceNameSetKnowsUkrainianTowns()
    {
        PlaceNameSet.Default.Contains("Pokrovsk").Should().BeTrue();
        PlaceNameSet.Default.Contains("Zelenskyy").Should().BeFalse();
    }

    [Fact]
    public void AliasTableAppliesTypeRestrictedAliasesOnlyToThatType()
    {
        var table = AliasTable.Parse(["# comment", "Atlantis\tPlace\tAtlantida; Poseidonia@Organization"]);
        table.Lookup("atlantida", EntityType.Place).Should().Be(0);
        table.Lookup("Poseidonia", EntityType.Organization).Should().Be(0);
        table.Lookup("Poseidonia", EntityType.Place).Should().Be(-1);
        table.Lookup("Atlantis", EntityType.Person).Should().Be(-1);
    }

    [Fact]
    public void AliasTableRejectsMalformedLines() =>
        FluentActions.Invoking(() => AliasTable.Parse(["Atlantis\tCity\tAtlantida"])).Should().Throw<FormatException>();

    [Fact]
    public void TheShippedAliasTableParses() =>
        AliasTable.Default.Lookup("GUR", EntityType.Organization).Should().BeGreaterThanOrEqualTo(0);
}
