using System.Collections.Immutable;
using Crosscheck.Evaluation.Attribution;
using FluentAssertions;

namespace Crosscheck.Tests.Evaluation.Attribution;

public class AttributionMissesTests
{
    [Theory]
    [InlineData(9, 10)]  // a cue that is one space
    [InlineData(8, 8)]   // an empty cue span
    public void CountsABlankCueAsNoCue(int start, int end)
    {
        const string text = "The mayor said the bridge would reopen.";
        var gold = new GoldAttribution([new Span(0, 9)], [new Span(start, end)], [new Span(15, 38)]);
        AttributionMisses.Categorise(text, gold, [gold], cueFound: false).Should().Be("no_cue");
    }

    [Fact]
    public void RowsListTheMissedGoldWithWhatWasFoundThereAndTheSpuriousPredictions()
    {
        const string text = "The mayor said the bridge would reopen. Critics want a new\tvote.";
        var said = new GoldAttribution([new Span(0, 9)], [new Span(10, 14)], [new Span(15, 38)]);
        var want = new GoldAttribution([new Span(40, 47)], [new Span(48, 52)], [new Span(53, 64)]);
        var wrongContent = new GoldAttribution([new Span(0, 9)], [new Span(10, 14)], [new Span(40, 47)]);
        var spurious = new GoldAttribution([], [new Span(19, 25)], [new Span(26, 38)]);

        var rows = AttributionMisses.Rows("doc1", text, [said, want], [wrongContent, spurious]).ToList();

        rows.Should().Equal(
            "doc1\tcontent_wrong\tsaid\tThe mayor\tthe bridge would reopen\t[The mayor] <said> Critics | [] <bridge> would reopen",
            "doc1\tother_cue\twant\tCritics\ta new vote.\t",
            "doc1\tspurious\tsaid\tThe mayor\tCritics\t[The mayor] <said> the bridge would reopen",
            "doc1\tspurious\tbridge\t\twould reopen\t[The mayor] <said> the bridge would reopen");
        AttributionMisses.Header.Split('\t').Should().HaveCount(rows[0].Split('\t').Length);
    }
}
