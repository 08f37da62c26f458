using Crosscheck.Store;
using FluentAssertions;

namespace Crosscheck.Web.Tests;

public class SearchSnippetTests
{
    private static string Marked(string snippet) => snippet.Replace(SqliteSearchIndex.HitStart, '[').Replace(SqliteSearchIndex.HitEnd, ']');

    [Fact]
    public void TheSnippetMarksEveryQueryWordFoldingCaseAndDiacritics()
    {
        var body = "Early on Monday the ferry left Saint-Malo. Later the Café owner in Dinard said the ferries were late again because of fog in the channel.";
        var snippet = SqliteSearchIndex.Snippet(body, [("cafe", false), ("ferr", true)]);
        // The first stretch of sixteen words that holds both query words.
        Marked(snippet).Should().Be("Early on Monday the [ferry] left Saint-Malo. Later the [Café] owner in Dinard said the…");
        var later = SqliteSearchIndex.Snippet(body, [("fog", false)]);
        // Near the end the window keeps its sixteen words by starting earlier.
        Marked(later).Should().Be("…Café owner in Dinard said the ferries were late again because of [fog] in the channel");
    }

    [Fact]
    public void QueryOperatorsAreWordsNotSyntax()
    {
        SqliteSearchIndex.ToMatchExpression("dam AND NOT \"water supply\" near(x) ev*").Should().Be("\"dam\" \"AND\" \"NOT\" \"water supply\" \"near\" \"x\" \"ev\"*");
        SqliteSearchIndex.ToMatchExpression("  *** ''' ").Should().BeNull();
    }
}
