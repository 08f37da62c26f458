using System.Collections.Immutable;
using Crosscheck.Evaluation.Attribution;
using FluentAssertions;

namespace Crosscheck.Tests.Claims;

public class AttributionMissesTests
{
    private static ImmutableArray<Span> At(string text, string words)
    {
        int i = text.IndexOf(words, StringComparison.Ordinal);
        return [new Span(i, i + words.Length)];
    }

    private static GoldAttribution Gold(string text, string? source, string cue, string content) =>
        new(source is null ? [] : At(text, source), At(text, cue), At(text, content));

    [Fact]
    public void Each_unmatched_gold_attribution_falls_in_its_first_category()
    {
        const string text = "According to police, the road closed. It was reported that two trucks burned. His claim that taxes fell was false. "
            + "She wants to rebuild the pier. The mayor plans a vote. Rivera: \"We stay.\" The chief said the fire spread. Then it died.";
        var gold = ImmutableArray.Create(
            Gold(text, "police", "According to", "the road closed"),
            Gold(text, null, "reported", "two trucks burned"),
            Gold(text, "His", "claim", "taxes fell"),
            Gold(text, "She", "wants", "to rebuild the pier"),
            Gold(text, null, "plans", "a vote"),
            Gold(text, "Rivera", ":", "\"We stay.\""),
            Gold(text, "The mayor", "plans", "a vote"),
            Gold(text, "The chief", "said", "the fire spread. Then it died"));
        // One prediction finds "said" but takes the wrong content; one finds "According to" with the right content.
        var predicted = ImmutableArray.Create(
            new GoldAttribution([], At(text, "said"), At(text, "The mayor plans")),
            new GoldAttribution(At(text, "police"), At(text, "According to"), At(text, "the road")));
        var counts = new Dictionary<string, int>();
        AttributionMisses.Count(text, gold, predicted, counts);
        counts.Should().BeEquivalentTo(new Dictionary<string, int>
        {
            ["passive"] = 1,
            ["reporting_noun"] = 1,
            ["pronoun_source"] = 1,
            ["no_source"] = 1,
            ["punctuation_cue"] = 1,
            ["other_cue"] = 1,
            ["content_wrong"] = 1,
        });
    }
}
