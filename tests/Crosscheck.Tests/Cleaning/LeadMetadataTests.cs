using Crosscheck.Cleaning;
using Crosscheck.Ingest;
using FluentAssertions;

namespace Crosscheck.Tests.Cleaning;

public sealed class LeadMetadataTests
{
    private static readonly ArticlePreparer Preparer = new();

    private static Article Prepare(string body) => Preparer.Prepare(new RawArticle
    {
        Id = "t",
        Location = "t.txt",
        Format = InputFormat.Text,
        Body = body,
        ContentHash = "00",
    });

    [Fact]
    public void Byline_and_time_stamp_lines_become_metadata()
    {
        var article = Prepare("Harbour reopens after the storm\nBy Ana Ruiz and Bo Li\nUpdated: 9 March 2021 14:05 GMT\n\nThe harbour reopened on Tuesday after three days, the port authority said.");
        article.Title.Should().Be("Harbour reopens after the storm");
        article.Byline.Should().Be("Ana Ruiz and Bo Li");
        article.Published.Date.Should().Be(new DateOnly(2021, 3, 9));
        article.Published.How.Should().Be(PublishedHow.Given);
        article.Text.Should().Be("The harbour reopened on Tuesday after three days, the port authority said.");
        article.Removed.Select(r => r.Reason).Should().Contain([DebrisReasons.Byline, DebrisReasons.Timestamp]);
    }

    [Fact]
    public void Title_case_headline_ending_in_a_period_is_a_title_but_a_sentence_is_not()
    {
        Prepare("Harbour Workers Vote To End The Long Strike.\n\nDock workers voted on Sunday to return to work after nine days, the union said.")
            .Title.Should().Be("Harbour Workers Vote To End The Long Strike.");
        Prepare("Dock workers voted to end the strike.\n\nThey return to work on Monday after nine days out, the union said.")
            .Title.Should().BeNull();
    }

    [Fact]
    public void List_items_sharing_article_words_stay()
    {
        var body = "The candidates face three tasks in the debate tonight, analysts said on the morning shows.\n" +
                   "Explain the tax plan to voters\n" +
                   "Look calm under pressure from rivals\n" +
                   "Avoid gaffes with the moderators\n" +
                   "The debate starts at nine and runs ninety minutes without breaks, organisers said.";
        Prepare(body).Text.Should().Be(body);
    }

    [Fact]
    public void Separator_lines_go_and_mojibake_is_not_a_credit_sign()
    {
        var article = Prepare("The protegÃ©s of the senator said the vote was close.\n* * *\nA recount is planned for next week, officials said.");
        article.Text.Should().Be("The protegÃ©s of the senator said the vote was close.\nA recount is planned for next week, officials said.");
        article.Removed.Single().Reason.Should().Be(DebrisReasons.Separator);
    }
}
