using FluentAssertions;

namespace Crosscheck.Tests.Times;

/// <summary>"today's" before a noun of the present age is no date (TimeML leaves it unmarked); before an event of the day it is one.</summary>
public class TimePresentAgeTests
{
    [Theory]
    [InlineData("Gambling is a plague on today's youth, the bishop warned.")]
    [InlineData("In today's global economy, no mill can stand alone.")]
    [InlineData("Today's world is smaller than it was, the envoy said.")]
    public void LeavesTheAgeUnmarked(string text) =>
        TimesOf.Read(text).Should().NotContain(t => t.Text.StartsWith("today", StringComparison.OrdinalIgnoreCase));

    [Theory]
    [InlineData("Shareholders reacted to today's vote with dismay.")]
    [InlineData("The offer ran in today's editions of two papers.")]
    [InlineData("Today's talks in the capital ended early.")]
    public void KeepsTheDayOfAnEvent(string text) =>
        TimesOf.Read(text).Should().Contain(t => t.Text.Equals("today", StringComparison.OrdinalIgnoreCase) && t.Value == "2024-12-16");
}
