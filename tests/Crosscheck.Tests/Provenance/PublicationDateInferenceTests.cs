using Crosscheck.Provenance;
using FluentAssertions;

namespace Crosscheck.Tests.Provenance;

public sealed class PublicationDateInferenceTests
{
    [Fact]
    public void Given_date_wins_over_everything()
    {
        var date = PublicationDateInference.Decide("On Monday March 4 talks began.", new DateOnly(2020, 1, 1), "date header", "Mar 4", null);
        date.Should().Be(PublicationDate.Given(new DateOnly(2020, 1, 1), "date header"));
    }

    [Fact]
    public void Dateline_day_takes_the_latest_year_the_text_mentions()
    {
        var date = PublicationDateInference.Decide("The accord signed in 2019 was extended in 2021.", null, null, "Mar 4", null);
        date.Date.Should().Be(new DateOnly(2021, 3, 4));
        date.How.Should().Be(PublishedHow.Inferred);
        date.Confidence.Should().BeInRange(0.5, 0.9);
        date.Explanation.Should().Contain("2021");
    }

    [Fact]
    public void Cyrillic_dateline_day_is_read()
    {
        PublicationDateInference.Decide("Соглашение 2022 года продлили.", null, null, "16 декабря", null).Date.Should().Be(new DateOnly(2022, 12, 16));
    }

    [Fact]
    public void Dateline_with_full_date_is_taken_as_written()
    {
        var date = PublicationDateInference.Decide("Talks began.", null, null, "March 3, 2023", null);
        date.Date.Should().Be(new DateOnly(2023, 3, 3));
        date.Confidence.Should().BeGreaterThan(0.8);
    }

    [Fact]
    public void Dateline_without_any_year_uses_the_anchor_or_stays_unknown()
    {
        PublicationDateInference.Decide("Talks began.", null, null, "Dec 30", new DateOnly(2023, 1, 2)).Date.Should().Be(new DateOnly(2022, 12, 30));
        var unknown = PublicationDateInference.Decide("Talks began.", null, null, "Dec 30", null);
        unknown.Date.Should().BeNull();
        unknown.How.Should().Be(PublishedHow.Unknown);
        unknown.Explanation.Should().Contain("Dec 30");
    }

    [Fact]
    public void Weekday_pins_the_year_among_candidates()
    {
        // 4 March fell on a Monday in 2019 and 2024; the text mentions 2023, so only 2024 (2023+1) fits.
        var date = PublicationDateInference.Decide("Talks began on Monday March 4 after the 2023 ceasefire collapsed.", null, null, null, null);
        date.Date.Should().Be(new DateOnly(2024, 3, 4));
        date.How.Should().Be(PublishedHow.Inferred);
        date.Explanation.Should().Contain("Monday");
    }

    [Fact]
    public void Weekday_date_with_anchor_and_no_year_in_text()
    {
        var date = PublicationDateInference.Decide("Troops left on Tuesday, 17 December, officials said.", null, null, null, new DateOnly(2024, 12, 20));
        date.Date.Should().Be(new DateOnly(2024, 12, 17));
    }

    [Fact]
    public void Weekday_that_fits_no_candidate_is_ignored_and_nothing_else_means_unknown()
    {
        PublicationDateInference.Decide("Talks began on Sunday March 4 in 2024.", null, null, null, null).Should().Be(PublicationDate.Unknown);
        PublicationDateInference.Decide("Talks began on Saturday.", null, null, null, null).Should().Be(PublicationDate.Unknown);
    }

    [Fact]
    public void AWeekdayDateFarBeforeTheAnchorTakesTheLatestFittingYearNotAfterIt()
    {
        // Analysed two years later: Monday March 3 fits 2025 (and 2031, which is after the anchor).
        var date = PublicationDateInference.Decide("The ministry said on Monday March 3 that the dam had held.", null, null, null, new DateOnly(2027, 6, 1));
        date.Date.Should().Be(new DateOnly(2025, 3, 3));
        date.How.Should().Be(PublishedHow.Inferred);
        date.Explanation.Should().Contain("2025");
    }

    private static readonly (string, DateOnly)[] Story = [("a", new DateOnly(2025, 3, 17)), ("b", new DateOnly(2025, 3, 18)), ("c", new DateOnly(2025, 3, 17))];

    [Fact]
    public void Story_dates_a_bare_weekday_and_the_latest_narrated_day_wins()
    {
        // 17 March 2025 is a Monday: "Saturday" is the 15th, "Sunday" the 16th.
        var date = PublicationDateInference.FromStory("Crews arrived on Saturday. By Sunday the road was open again.", Story)!;
        date.Date.Should().Be(new DateOnly(2025, 3, 16));
        date.Basis.Should().Be(DateBasis.Story);
        date.Explanation.Should().Contain("\"Sunday\"").And.Contain("a, c, b");
    }

    [Fact]
    public void Story_reads_a_written_day_without_year_in_the_storys_year_and_ignores_days_after_it()
    {
        var date = PublicationDateInference.FromStory("The dam was inspected on March 14 and talks are set for April 2.", Story)!;
        date.Date.Should().Be(new DateOnly(2025, 3, 14));
        date.Confidence.Should().BeGreaterThan(0.5);
    }

    [Theory]
    [InlineData(9999, 12, 31)]
    [InlineData(1, 1, 1)]
    public void Story_dates_at_the_ends_of_the_calendar_do_not_overflow(int year, int month, int day)
    {
        (string, DateOnly)[] placeholder = [("a", new DateOnly(year, month, day))];
        var act = () => PublicationDateInference.FromStory("Crews arrived on Saturday, December 31, and on January 1, 0000 the road was open.", placeholder);
        act.Should().NotThrow();
    }

    [Fact]
    public void Story_without_a_narrated_day_gives_its_middle_date_with_low_confidence()
    {
        var date = PublicationDateInference.FromStory("Officials gave no further details.", Story)!;
        date.Date.Should().Be(new DateOnly(2025, 3, 17));
        date.Confidence.Should().BeLessThan(0.5);
        PublicationDateInference.FromStory("Officials gave no further details.", []).Should().BeNull();
    }
}
