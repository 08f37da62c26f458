using Crosscheck.Report;
using FluentAssertions;

namespace Crosscheck.Tests.Report;

public class StoryOrderTests
{
    [Fact]
    public void TheStoryMostReportsTellComesFirstInBothWriters()
    {
        var dossier = DossierFixture.Build();
        // Put the one-report story first in the model; the writers still lead with the bigger one.
        var reversed = dossier with { Stories = [.. dossier.Stories.Reverse()] };
        var bigger = dossier.Stories.MaxBy(s => s.Articles.Length)!.Title;
        var smaller = dossier.Stories.MinBy(s => s.Articles.Length)!.Title;

        var html = HtmlDossierWriter.Render(reversed);
        html.IndexOf(bigger, StringComparison.Ordinal).Should().BeLessThan(html.IndexOf(smaller, StringComparison.Ordinal));
        var markdown = MarkdownDossierWriter.Render(reversed);
        markdown.IndexOf(bigger, StringComparison.Ordinal).Should().BeLessThan(markdown.IndexOf(smaller, StringComparison.Ordinal));
    }
}
