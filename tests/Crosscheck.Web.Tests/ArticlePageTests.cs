using System.Collections.Immutable;
using Crosscheck.Report;
using FluentAssertions;

namespace Crosscheck.Web.Tests;

public class ArticlePageTests
{
    [Fact]
    public void OverlappingAnnotationsAreCutIntoPiecesThatCarryEveryKindAndTheCitedSpanIsMarked()
    {
        const string text = "Ann met Bob in Rome.";
        var article = new DossierArticle { Id = "a1", PublishedHow = "unknown", Language = "en", Text = text };
        var dossier = new Dossier
        {
            Articles = [article],
            Stories = [new DossierStory("s1", "Meeting", ["a1"])],
            Entities =
            [
                new DossierEntity { Id = "e1", Type = "person", Name = "Ann", Mentions = [new Evidence("a1", 0, 3)] },
                new DossierEntity { Id = "e2", Type = "place", Name = "Rome", Mentions = [new Evidence("a1", 15, 19)] },
            ],
            Claims = [new DossierClaim { Id = "c1", Story = "s1", Content = "Ann met Bob", Kind = "other", Status = "asserted", Evidence = [new Evidence("a1", 0, 19)] }],
        };
        var html = Pages.Article(new DossierSnapshot(dossier, 1), article, (8, 11));
        var body = html[html.IndexOf("<div class=\"article-text\">", StringComparison.Ordinal)..html.IndexOf("</div>", StringComparison.Ordinal)];
        // Kinds are listed outer span first.
        body.Should().Contain("<a class=\"ann k-claim k-entity-person\" title=\"claim (asserted) by —; person: Ann\" href=\"/entities/e1\">Ann</a>");
        body.Should().Contain("<span class=\"ann k-claim\" title=\"claim (asserted) by —\"> met </span>");
        body.Should().Contain("<mark class=\"focus\" id=\"hl\"><span class=\"ann k-claim\" title=\"claim (asserted) by —\">Bob</span></mark>");
        body.Should().Contain("<a class=\"ann k-claim k-entity-place\" title=\"claim (asserted) by —; place: Rome\" href=\"/entities/e2\">Rome</a>.");
    }
}
