using Crosscheck.Report;
using FluentAssertions;

namespace Crosscheck.Tests.Report;

public class DossierChecksTests
{
    [Fact]
    public void ASoundDossierHasNoProblems() => DossierChecks.Check(DossierFixture.Build()).Should().BeEmpty();

    [Fact]
    public void ReportsDanglingIdsBadOffsetsAndMisquotedWords()
    {
        var dossier = DossierFixture.Build();
        var broken = dossier with
        {
            Claims = [dossier.Claims[0] with { Story = "s9", Speaker = "e-nobody", Evidence = [new Evidence("harbor-courier-01", 10, 5)] }, dossier.Claims[1] with { Id = "c1" }],
            Times = [dossier.Times[0] with { End = dossier.Times[0].End - 1 }],
            Quantities = [dossier.Quantities[0] with { Min = 20, Max = 10 }],
            Stories = [.. dossier.Stories, new DossierStory("s3", "Copy", ["valley-post-02"])],
            Timeline = [dossier.Timeline[0] with { Events = ["ev-missing"] }],
        };
        var problems = DossierChecks.Check(broken);
        problems.Should().Contain(p => p.Contains("refers to story 's9'"));
        problems.Should().Contain(p => p.Contains("refers to speaker entity 'e-nobody'"));
        problems.Should().Contain(p => p.Contains("offsets [10, 5)"));
        problems.Should().Contain(p => p.Contains("claim id 'c1' is used twice"));
        problems.Should().Contain(p => p.Contains("says its words are 'Saturday' but") && p.Contains("is 'Saturda'"));
        problems.Should().Contain(p => p.Contains("min 20 above max 10"));
        problems.Should().Contain(p => p.Contains("Article 'valley-post-02' is in stories 's1' and 's3'"));
        problems.Should().Contain(p => p.Contains("refers to event 'ev-missing'"));
        problems.Should().HaveCount(8);
    }
}
