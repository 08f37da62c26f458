using Crosscheck.Stories;
using Crosscheck.Tests.Crosschecking;
using FluentAssertions;

namespace Crosscheck.Tests.Stories;

public class StoryClustererTests
{
    private static AnalyzedArticle Report(string id, string text, DateOnly? published = null, string? title = null)
    {
        var builder = new ArticleBuilder(id, text);
        if (title is not null) builder.Titled(title);
        if (published is DateOnly d) builder.Published(d.Year, d.Month, d.Day);
        return builder.Build();
    }

    private static readonly DateOnly Day = new(2031, 4, 10);

    private static AnalyzedArticle Flood(string id, string detail, int dayOffset = 0) => Report(id,
        $"Floodwaters from the Ambre river swept through Castelnoir overnight, and rescue crews evacuated residents from the lower town. {detail} " +
        "Mayor Ilse Varnet said the Ambre levee near Castelnoir had failed after three days of rain.", Day.AddDays(dayOffset), "Ambre floods Castelnoir");

    private static AnalyzedArticle Election(string id, string detail, int dayOffset = 0) => Report(id,
        $"Voters in Dunmere elected Tobias Renshaw as governor after a tight race against Mara Quill. {detail} " +
        "Renshaw promised to cut Dunmere ferry fares and to rebuild the northern highway.", Day.AddDays(dayOffset), "Renshaw wins Dunmere vote");

    [Fact]
    public void Reports_of_two_stories_fall_into_two_stories()
    {
        var clusterer = new StoryClusterer();
        clusterer.Add(Flood("f1", "Helicopters lifted families from rooftops."));
        clusterer.Add(Election("e1", "Turnout was the highest in a decade."));
        var joined = clusterer.Add(Flood("f2", "Schools stayed closed and the army sent boats.", 1));
        clusterer.Add(Election("e2", "Quill conceded on Sunday evening.", 1));
        clusterer.Add(Flood("f3", "Insurers began counting the damage to homes.", 2));

        var stories = clusterer.Snapshot();
        stories.Select(s => s.ArticleIds.ToArray()).Should().BeEquivalentTo([new[] { "f1", "f2", "f3" }, new[] { "e1", "e2" }]);
        joined.StartedStory.Should().BeFalse();
        joined.StoryId.Should().Be("s1");
        joined.Explanation.Should().StartWith("joined story s1: shares ").And.Contain("Castelnoir").And.Contain("similarity");
        stories[0].Title.Should().Be("Ambre floods Castelnoir");
        stories[0].Explanation.Should().StartWith("3 reports sharing");
    }

    [Fact]
    public void A_report_far_from_a_story_in_time_starts_a_new_one()
    {
        var clusterer = new StoryClusterer();
        clusterer.Add(Flood("f1", "Helicopters lifted families from rooftops."));
        var later = clusterer.Add(Flood("f2", "Helicopters lifted families from rooftops.", 400));
        later.StartedStory.Should().BeTrue();
        clusterer.Snapshot().Should().HaveCount(2);
    }

    [Fact]
    public void A_report_that_bridges_two_stories_merges_them()
    {
        var options = new StoryClustererOptions { MergeThreshold = 0.0 };
        var clusterer = new StoryClusterer(options);
        var first = Report("a", "Engineers at Halvik shipyard launched the icebreaker Nordlys after two years of work on its hull.", Day);
        var second = Report("b", "Fishermen in Pellmouth protested against new quotas for cod and herring announced by the ministry.", Day);
        clusterer.Add(first).StartedStory.Should().BeTrue();
        clusterer.Add(second).StartedStory.Should().BeTrue();
        var bridge = clusterer.Add(Report("c",
            "Engineers at Halvik shipyard launched the icebreaker Nordlys after two years of work on its hull. " +
            "Fishermen in Pellmouth protested against new quotas for cod and herring announced by the ministry.", Day));
        bridge.MergedStories.Should().Equal("s2");
        bridge.Explanation.Should().Contain("merged s2");
        clusterer.Snapshot().Should().ContainSingle().Which.ArticleIds.Should().Equal("a", "c", "b");
    }

    [Fact]
    public void Two_alike_stories_a_year_apart_are_not_merged_by_a_report_that_resembles_both()
    {
        // Regression: merging ignored time, so an undated report (which fits any date) that read
        // like both pulled last year's flood in the same town into this year's story.
        var clusterer = new StoryClusterer();
        clusterer.Add(Flood("old", "Helicopters lifted families from rooftops.", -365));
        clusterer.Add(Flood("new", "Schools stayed closed and the army sent boats."));
        var undated = Report("bridge",
            "Floodwaters from the Ambre river swept through Castelnoir overnight, and rescue crews evacuated residents from the lower town. " +
            "Helicopters lifted families from rooftops and the army sent boats. " +
            "Mayor Ilse Varnet said the Ambre levee near Castelnoir had failed after three days of rain.", published: null, title: "Ambre floods Castelnoir");
        var bridge = clusterer.Add(undated);
        bridge.MergedStories.Should().BeEmpty();
        clusterer.Snapshot().Should().HaveCount(2);
    }

    [Fact]
    public void A_report_at_the_edge_of_the_window_does_not_stretch_the_story_for_the_next_one()
    {
        // Regression: time was measured against a story's whole date range, so each report a week
        // after the last one widened it by a week and a stream of alike events chained into one
        // story spanning months. It is now measured against the dates of the story's central reports.
        var clusterer = new StoryClusterer(new StoryClustererOptions { TimeDecayDays = 1 });
        string[] details = ["Helicopters lifted families from rooftops.", "Schools stayed closed.", "The army sent boats.",
            "Insurers began counting the damage.", "Volunteers filled sandbags at dawn."];
        for (int i = 0; i < details.Length; i++) clusterer.Add(Flood("f" + i, details[i]));
        clusterer.Add(Flood("week", "Residents returned to clean their homes.", 7)).StartedStory.Should().BeFalse();
        var fortnight = clusterer.Add(Flood("fortnight", "Residents returned to clean their homes.", 14));
        fortnight.StartedStory.Should().BeTrue();
    }

    [Theory]
    [InlineData(null)]
    [InlineData(12)]
    public void Two_dated_stories_merge_only_through_a_dated_report_and_within_the_window(int? bridgeOffset)
    {
        // Regression: a report without a date fits any date, so it bridged every pair of alike
        // stories it resembled; and merges decayed with the gap instead of stopping at the window.
        var clusterer = new StoryClusterer(new StoryClustererOptions { MergeThreshold = 0.0 });
        clusterer.Add(Flood("early", "Helicopters lifted families from rooftops."));
        clusterer.Add(Flood("late", "Schools stayed closed and the army sent boats.", 24)).StartedStory.Should().BeTrue();
        var bridge = clusterer.Add(Report("bridge",
            "Floodwaters from the Ambre river swept through Castelnoir overnight, and rescue crews evacuated residents from the lower town. " +
            "Helicopters lifted families from rooftops and the army sent boats. " +
            "Mayor Ilse Varnet said the Ambre levee near Castelnoir had failed after three days of rain.",
            bridgeOffset is int offset ? Day.AddDays(offset) : null, "Ambre floods Castelnoir"));
        bridge.StartedStory.Should().BeFalse();
        bridge.MergedStories.Should().BeEmpty();
        clusterer.Snapshot().Should().HaveCount(2);
    }

    [Fact]
    public void Without_a_merge_the_bridge_joins_the_closer_story_only()
    {
        var clusterer = new StoryClusterer(new StoryClustererOptions { MergeThreshold = 2.0 });
        clusterer.Add(Report("a", "Engineers at Halvik shipyard launched the icebreaker Nordlys after two years of work on its hull.", Day));
        clusterer.Add(Report("b", "Fishermen in Pellmouth protested against new quotas for cod and herring announced by the ministry.", Day));
        var bridge = clusterer.Add(Report("c",
            "Engineers at Halvik shipyard launched the icebreaker Nordlys after two years of work on its hull. " +
            "Fishermen in Pellmouth protested against new quotas for cod and herring announced by the ministry.", Day));
        bridge.MergedStories.Should().BeEmpty();
        clusterer.Snapshot().Should().HaveCount(2);
    }

    [Fact]
    public void Same_kind_of_event_in_different_years_stays_apart()
    {
        var clusterer = new StoryClusterer();
        clusterer.Add(Report("q1", "A magnitude 6.1 earthquake struck near Orvale in 2019, damaging the old cathedral and cutting power to thousands of homes."));
        var other = clusterer.Add(Report("q2", "A magnitude 5.4 earthquake struck near Marrin in 2023, damaging a school and cutting power to hundreds of homes."));
        other.StartedStory.Should().BeTrue();
    }

    [Fact]
    public void Refine_needs_retained_reports_and_leaves_a_clean_clustering_alone()
    {
        new StoryClusterer().Invoking(c => c.Refine()).Should().Throw<InvalidOperationException>();
        var clusterer = new StoryClusterer(new StoryClustererOptions { RetainReports = true });
        clusterer.Add(Flood("f1", "Helicopters lifted families from rooftops."));
        clusterer.Add(Election("e1", "Turnout was the highest in a decade."));
        clusterer.Add(Flood("f2", "Schools stayed closed and the army sent boats.", 1));
        clusterer.Add(Election("e2", "Quill conceded on Sunday evening.", 1));
        clusterer.Refine().Should().Be(0);
        clusterer.Snapshot().Select(s => s.ArticleIds.Order().ToArray()).Should().BeEquivalentTo([new[] { "f1", "f2" }, new[] { "e1", "e2" }]);
    }

    [Fact]
    public void Refine_moves_a_report_that_joined_before_its_own_story_existed()
    {
        // r1 and r2 (undated) share a generic vocabulary; r2 also shares the rarer names of
        // r3-r5, which come a month later and so form their own story. On the second look r2
        // belongs with them.
        var options = new StoryClustererOptions { RetainReports = true, JoinThreshold = 0.2 };
        var clusterer = new StoryClusterer(options);
        string common = "The storm flooded streets and rescue crews evacuated residents while power lines were down across the coast.";
        clusterer.Add(Report("r1", common + " Officials in Castelnoir opened shelters in schools.", Day));
        var early = clusterer.Add(Report("r2", common + " Mayor Ilse Varnet of Pellmouth said the Halvik dam held."));
        early.StoryId.Should().Be("s1");
        var log = new List<string> { early.Explanation };
        for (int i = 3; i <= 5; i++)
        {
            log.Add(clusterer.Add(Report("r" + i, "Mayor Ilse Varnet of Pellmouth said the Halvik dam held, and Pellmouth engineers inspected the Halvik spillway and Varnet thanked the Pellmouth volunteers.", Day.AddDays(30))).Explanation);
        }
        int moved = clusterer.Refine();
        moved.Should().BeGreaterThan(0, string.Join(" | ", log));
        clusterer.Snapshot().Should().Contain(s => s.ArticleIds.Contains("r2") && s.ArticleIds.Contains("r3"));
    }

    [Fact]
    public void Dates_an_undated_report_got_from_the_fallback_anchor_do_not_join_it_to_others()
    {
        var anchor = new DateOnly(2000, 1, 1);
        AnalyzedArticle Undated(string id, string text, string weekday) =>
            new ArticleBuilder(id, text).Time(weekday, "1999-12-29").Build();
        var a = Undated("a", "On Wednesday the harbour authority of Brisk opened a new container terminal for grain ships.", "Wednesday");
        var b = Undated("b", "On Wednesday a choir from Uldor won the regional singing contest with a folk programme.", "Wednesday");

        var naive = new StoryClusterer(new StoryClustererOptions { JoinThreshold = 0.1, BackgroundDocuments = 0 });
        naive.Add(a);
        naive.Add(b).StartedStory.Should().BeFalse("the shared fake date alone links them when nothing discounts it");

        var aware = new StoryClusterer(new StoryClustererOptions { JoinThreshold = 0.1, BackgroundDocuments = 0, AssumedReferenceDate = anchor });
        aware.Add(a);
        aware.Add(b).StartedStory.Should().BeTrue();
    }

    [Fact]
    public void Two_events_in_one_town_in_one_week_are_not_joined_by_the_town_and_the_days_alone()
    {
        AnalyzedArticle InTown(string id, string text, int day) =>
            new ArticleBuilder(id, text).Published(2031, 6, day)
                .Place("Velmora", 44.1, 12.2, geonamesId: 9001).Time("Saturday", "2031-06-07").Time("Sunday", "2031-06-08").Build();
        var fire = InTown("fire", "A warehouse fire in Velmora burned through Saturday and Sunday; firefighters from three districts fought the blaze, and the plant's owner Corvel Logistics counted its losses.", 9);
        var derailment = InTown("derailment", "A freight train derailed outside Velmora between Saturday and Sunday; rail inspector Anouk Brasse said two wagons of gravel tipped over near the junction.", 9);

        var weighingDaysLikeYears = new StoryClusterer(new StoryClustererOptions { RecentDateWeight = 3.0, PlaceWeight = 1.0, BackgroundDocuments = 0, JoinThreshold = 0.2 });
        weighingDaysLikeYears.Add(fire);
        weighingDaysLikeYears.Add(derailment).StartedStory.Should().BeFalse("the town and two shared days outweigh the different words");

        var clusterer = new StoryClusterer(new StoryClustererOptions { BackgroundDocuments = 0, JoinThreshold = 0.2 });
        clusterer.Add(fire);
        clusterer.Add(derailment).StartedStory.Should().BeTrue();
    }

    private static AnalyzedArticle InCastelnoir(string id, bool flood, int variant) => Report(id, flood
        ? $"Floodwaters from the Ambre river swept through Castelnoir, and crews evacuated {40 + variant} homes from the lower town. Mayor Ilse Varnet said the levee had failed after rain."
        : $"Voters in Castelnoir elected Tobias Renshaw as councillor after a tight count against Mara Quill, with {1200 + variant} ballots cast. Renshaw promised cheaper ferry fares.",
        Day.AddDays(variant % 2));

    [Fact]
    public void A_story_that_took_in_two_events_splits_once_each_has_reports_enough()
    {
        // A join threshold this low lets the shared town put the two events into one story.
        var clusterer = new StoryClusterer(new StoryClustererOptions { JoinThreshold = 0.01, BackgroundDocuments = 0 });
        var assignments = new List<StoryAssignment>();
        for (int i = 0; i < 8; i++) assignments.Add(clusterer.Add(InCastelnoir($"r{i}", flood: i % 2 == 0, variant: i)));

        assignments.Take(7).Should().OnlyContain(a => a.StoryId == "s1", "the town joins every report before the split check");
        var last = assignments[^1];
        last.SplitStories.Should().Equal("s2");
        last.Explanation.Should().Contain("then s2 split off s1");
        var stories = clusterer.Snapshot();
        stories.Select(s => s.ArticleIds.Order().ToArray()).Should().BeEquivalentTo([new[] { "r0", "r2", "r4", "r6" }, new[] { "r1", "r3", "r5", "r7" }]);
        stories.Single(s => s.Id == "s1").ArticleIds.Should().Contain("r0", "the story keeps its first report and its id");
        last.StoryId.Should().Be("s2", "the report that triggered the split went with its own event");
        stories.Single(s => s.Id == "s2").Explanation.Should().StartWith("4 reports sharing").And.EndWith("split off s1, whose reports told another event");

        var next = clusterer.Add(InCastelnoir("r8", flood: false, variant: 8));
        next.StoryId.Should().Be("s2", "the split-off story is found for later reports of its event");
    }

    [Fact]
    public void A_story_whose_reports_tell_one_event_does_not_split()
    {
        var clusterer = new StoryClusterer(new StoryClustererOptions { JoinThreshold = 0.01, BackgroundDocuments = 0 });
        for (int i = 0; i < 16; i++) clusterer.Add(InCastelnoir($"f{i}", flood: true, variant: i)).SplitStories.Should().BeEmpty();
        clusterer.Snapshot().Should().ContainSingle();
    }

    [Fact]
    public void An_empty_report_does_not_throw_and_starts_a_story()
    {
        var clusterer = new StoryClusterer();
        clusterer.Add(Report("x", "")).StartedStory.Should().BeTrue();
        clusterer.Add(Report("y", "   ")).StartedStory.Should().BeTrue();
        clusterer.Snapshot().Should().HaveCount(2);
    }
}
