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
}
