using Crosscheck.Entities;
using Crosscheck.Text;
using FluentAssertions;

namespace Crosscheck.Tests.Entities;

/// <summary>The grouping rules on hand-made candidates, independent of the trained model.</summary>
public class WithinReportGrouperTests
{
    private static EntityLayer Group(string text, params (string Surface, EntityType Type)[] names)
    {
        var (_, tokens) = Tokenizer.Analyze(text);
        var candidates = new List<Candidate>();
        int from = 0;
        foreach (var (surface, type) in names)
        {
            int start = text.IndexOf(surface, from, StringComparison.Ordinal);
            int end = start + surface.Length;
            from = end;
            int first = tokens.IndexOf(tokens.First(t => t.Span.Start == start));
            int last = tokens.IndexOf(tokens.Last(t => t.Span.End == end));
            candidates.Add(new Candidate(first, last, type));
        }
        return WithinReportGrouper.Group(text, tokens, candidates, []);
    }

    [Fact]
    public void ANameListTakesTheTypeMostOfItsNamesHave()
    {
        var layer = Group("Shelling hit Zorivka, Babenkove and Tymofiivka overnight.",
            ("Zorivka", EntityType.Place), ("Babenkove", EntityType.Organization), ("Tymofiivka", EntityType.Place));
        layer.Mentions.Select(m => m.Type).Should().AllBeEquivalentTo(EntityType.Place);
    }

    [Fact]
    public void TwoNamesThatDisagreeKeepTheirTypes()
    {
        var layer = Group("Zorivka and Babenkove were hit.", ("Zorivka", EntityType.Place), ("Babenkove", EntityType.Organization));
        layer.Mentions.Select(m => m.Type).Should().Equal(EntityType.Place, EntityType.Organization);
    }

    [Fact]
    public void ALoneSurnameBeforeTheFullNameJoinsIt()
    {
        var layer = Group("Umerov spoke first. Later Rustem Umerov left.", ("Umerov", EntityType.Person), ("Rustem Umerov", EntityType.Person));
        layer.Entities.Should().ContainSingle().Which.Name.Should().Be("Rustem Umerov");
    }

    [Fact]
    public void AKimMeansTheKimLastNamedInFull()
    {
        var layer = Group("Kim Jong-un met Kim Yo-jong. Kim said no.",
            ("Kim Jong-un", EntityType.Person), ("Kim Yo-jong", EntityType.Person), ("Kim", EntityType.Person));
        layer.Entities.Should().HaveCount(2);
        layer.Mentions[2].Entity.Should().Be(layer.Mentions[1].Entity);
    }

    [Fact]
    public void AnAcronymJoinsTheNameItsInitialsSpell()
    {
        var layer = Group("The Baltic Energy Council met. The BEC agreed.", ("Baltic Energy Council", EntityType.Organization), ("BEC", EntityType.Organization));
        layer.Entities.Should().ContainSingle().Which.Aliases.Should().Equal("BEC");
    }

    [Fact]
    public void OneNameGetsOneTypeAcrossTheReport()
    {
        var layer = Group("Kursk was shelled. Kursk is quiet. Kursk said.",
            ("Kursk", EntityType.Place), ("Kursk", EntityType.Place), ("Kursk", EntityType.Person));
        layer.Mentions.Select(m => m.Type).Should().AllBeEquivalentTo(EntityType.Place);
        layer.Entities.Should().ContainSingle();
    }

    [Fact]
    public void ALoneSurnameWithAFullNameDoesNotPullInASecondFullName()
    {
        var layer = Group("Clinton spoke. Hillary Clinton won. Bill Clinton cheered.",
            ("Clinton", EntityType.Person), ("Hillary Clinton", EntityType.Person), ("Bill Clinton", EntityType.Person));
        layer.Entities.Should().HaveCount(2);
        layer.Mentions[0].Entity.Should().Be(layer.Mentions[1].Entity);
    }
}
