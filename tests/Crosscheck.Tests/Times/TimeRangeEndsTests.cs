using FluentAssertions;

namespace Crosscheck.Tests.Times;

/// <summary>The two ends of a stretch of weekdays or months, published Monday 2024-12-16: the end never comes before the start.</summary>
public class TimeRangeEndsTests
{
    [Theory]
    // The start is fixed by "next": the end is the Friday after it, not the one before.
    [InlineData("Repairs will continue from next Monday to Friday, officials said.", "next Monday", "2024-12-23", "Friday", "2024-12-27")]
    // Both open in a past-tense sentence: the start moves back into the winter before.
    [InlineData("The ferry ran between November and March, the company said.", "November", "2023-11", "March", "2024-03")]
    // Both open in a future-tense sentence: the end moves on into the next year.
    [InlineData("The new ferry will run from November to March.", "November", "2024-11", "March", "2025-03")]
    [InlineData("The site will be closed from Thursday through Monday.", "Thursday", "2024-12-19", "Monday", "2024-12-23")]
    public void PutsTheEndOfAStretchAfterItsStart(string text, string first, string firstValue, string second, string secondValue) =>
        TimesOf.Read(text).Should().Contain((first, firstValue)).And.Contain((second, secondValue));

    [Theory]
    // Already in order, or not one stretch: nothing moves.
    [InlineData("The bridge was closed from May to September.", "May", "2024-05", "September", "2024-09")]
    [InlineData("Talks failed in November and March, officials said.", "November", "2024-11", "March", "2024-03")]
    [InlineData("Shops opened on Friday and on Monday the market reopened.", "Friday", "2024-12-13", "Monday", "2024-12-16")]
    public void LeavesDatesThatAreNoStretchOrAlreadyInOrder(string text, string first, string firstValue, string second, string secondValue) =>
        TimesOf.Read(text).Should().Contain((first, firstValue)).And.Contain((second, secondValue));
}
