using Crosscheck.Evaluation;
using Crosscheck.Evaluation.Times;
using Crosscheck.Times;
using FluentAssertions;

namespace Crosscheck.Tests.Times;

public class TimeEvaluationTests
{
    // An invented TimeML document: the DCT's TIMEX3 is the creation time, not a gold expression.
    private const string Tml = """
        <?xml version="1.0" ?>
        <TimeML>
        <DOCID>invented</DOCID>
        <DCT><TIMEX3 tid="t0" type="DATE" value="2024-12-16" functionInDocument="CREATION_TIME">20241216</TIMEX3></DCT>
        <TEXT>
        Troops &amp; tanks moved on <TIMEX3 tid="t1" type="DATE" value="2024-12-14">Saturday</TIMEX3>, <EVENT eid="e1">officials</EVENT> said, after <TIMEX3 tid="t2" type="DURATION" value="P3D">three days</TIMEX3> of fighting <TIMEX3 tid="t3" type="DATE" value="2024-11">last month</TIMEX3>.
        </TEXT>
        </TimeML>
        """;

    [Fact]
    public void ParsesTimeMlIntoTextAndGoldSpans()
    {
        var doc = TimeMl.Parse("invented", Tml);
        doc.CreationTime.Should().Be(new DateOnly(2024, 12, 16));
        doc.Text.Should().Contain("Troops & tanks moved on Saturday, officials said");
        doc.Timexes.Select(t => t.Span.Of(doc.Text)).Should().Equal("Saturday", "three days", "last month");
        doc.Timexes.Select(t => t.Value).Should().Equal("2024-12-14", "P3D", "2024-11");
        doc.Timexes[1].Type.Should().Be("DURATION");
    }

    [Fact]
    public void ScoresStrictRelaxedTypeAndValueAsTempEval3()
    {
        var gold = new[]
        {
            new GoldTimex(new Span(0, 8), "DATE", "2024-12-14"),   // matched exactly, right value
            new GoldTimex(new Span(20, 30), "DURATION", "P3D"),    // matched by overlap only, wrong value
            new GoldTimex(new Span(40, 50), "DATE", "2024-11"),    // missed
        };
        var system = new[]
        {
            new TimeExpression(new Span(0, 8), TimexType.Date, "2024-12-14"),
            new TimeExpression(new Span(24, 34), TimexType.Duration, "P4D"),
            new TimeExpression(new Span(60, 64), TimexType.Date, "PRESENT_REF"), // spurious
        };
        var c = TimeScorer.Score(gold, system);
        c.Should().Be(new TimeCounts(Gold: 3, System: 3, StrictMatches: 1, RelaxedMatches: 2, TypeCorrect: 2, ValueCorrect: 1, ValueEquivalent: 1));
        c.Strict.F1.Should().BeApproximately(1.0 / 3, 1e-9);
        c.Relaxed.F1.Should().BeApproximately(2.0 / 3, 1e-9);
        c.ValueAccuracy.Should().Be(0.5);
        c.Value.F1.Should().BeApproximately(1.0 / 3, 1e-9);
    }

    [Theory]
    [InlineData("2000-W7", "2000-W07")]
    [InlineData("1968-XX", "1968")]
    [InlineData("1994-XX-XX", "1994")]
    [InlineData("198X", "198")]
    public void CountsEquivalentSpellingsOnlyInTheEquivalenceScore(string gold, string system)
    {
        var c = TimeScorer.Score([new GoldTimex(new Span(0, 4), "DATE", gold)], [new TimeExpression(new Span(0, 4), TimexType.Date, system)]);
        c.ValueCorrect.Should().Be(0);
        c.ValueEquivalent.Should().Be(1);
    }

    [Theory]
    [InlineData("2000-W07", "2000-W08")]
    [InlineData("1968-XX", "1969")]
    [InlineData("1968-05", "1968")]
    public void KeepsDifferentValuesApartInTheEquivalenceScore(string gold, string system)
    {
        var c = TimeScorer.Score([new GoldTimex(new Span(0, 4), "DATE", gold)], [new TimeExpression(new Span(0, 4), TimexType.Date, system)]);
        c.ValueEquivalent.Should().Be(0);
    }

    [Fact]
    public void PairsEachGoldSpanAtMostOnce()
    {
        // Two system spans overlapping one gold span: one match, one false positive.
        var gold = new[] { new GoldTimex(new Span(0, 20), "DATE", "2024") };
        var system = new[]
        {
            new TimeExpression(new Span(0, 5), TimexType.Date, "2024"),
            new TimeExpression(new Span(10, 15), TimexType.Date, "2024"),
        };
        var c = TimeScorer.Score(gold, system);
        c.RelaxedMatches.Should().Be(1);
        c.Relaxed.Precision.Should().Be(0.5);
    }

    [Fact]
    public void APartialMatchEarlierInTheTextDoesNotTakeTheGoldSpanAnExactMatchNeeds()
    {
        // Gold "Monday" [10,16); the system finds "on Monday" [7,16) and, separately, exactly [10,16).
        var gold = new[] { new GoldTimex(new Span(10, 16), "DATE", "2024-12-16") };
        var system = new[]
        {
            new TimeExpression(new Span(7, 16), TimexType.Date, "2024-12-16"),
            new TimeExpression(new Span(10, 16), TimexType.Date, "2024-12-16"),
        };
        var c = TimeScorer.Score(gold, system);
        c.StrictMatches.Should().Be(1);
        c.RelaxedMatches.Should().Be(1);
    }

    [Fact]
    public void EvaluatesAFolderThroughTheDefaultPipeline()
    {
        var dir = Directory.CreateTempSubdirectory("crosscheck-tml");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "invented.tml"), Tml);
            var report = new TimeEvaluation().Evaluate(dir.FullName);
            report["gold"].Should().Be(3);
            report["strict.f1"].Should().Be(1);
            report["value.accuracy"].Should().Be(1);
            EvaluationRegistry.Find("times").Should().BeOfType<TimeEvaluation>();
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void ScoresACopiedDocumentOnce()
    {
        var dir = Directory.CreateTempSubdirectory("crosscheck-tml");
        try
        {
            Directory.CreateDirectory(Path.Combine(dir.FullName, "sample"));
            File.WriteAllText(Path.Combine(dir.FullName, "invented.tml"), Tml);
            File.WriteAllText(Path.Combine(dir.FullName, "sample", "invented.tml"), Tml);
            // Another document under the same name is still scored.
            Directory.CreateDirectory(Path.Combine(dir.FullName, "other"));
            File.WriteAllText(Path.Combine(dir.FullName, "other", "invented.tml"), Tml.Replace("Troops &amp; tanks", "Ships", StringComparison.Ordinal));
            var report = new TimeEvaluation().Evaluate(dir.FullName);
            report["documents"].Should().Be(2);
            report["gold"].Should().Be(6);
            report.Warnings.Should().ContainSingle(w => w.Contains("already scored", StringComparison.Ordinal));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [SharedDataFact("datasets", "tempeval3-dev")]
    public void ScoresTheTempEval3DevSet()
    {
        var report = new TimeEvaluation().Evaluate(SharedData.Path("datasets", "tempeval3-dev")!);
        report["gold"].Should().BeGreaterThan(1500);
        report["relaxed.f1"].Should().BeGreaterThan(0.85);
        report["value.f1"].Should().BeGreaterThan(0.70);
    }

    [Fact]
    public void MissRowsNameEachMissedSpuriousAndWrongExpression()
    {
        var doc = TimeMl.Parse("invented", Tml);
        int saturday = doc.Text.IndexOf("Saturday", StringComparison.Ordinal);
        int month = doc.Text.IndexOf("last month", StringComparison.Ordinal);
        int troops = doc.Text.IndexOf("Troops", StringComparison.Ordinal);
        TimeExpression[] system =
        [
            new(new Span(troops, troops + 6), TimexType.Date, "2024-12-16"),
            new(new Span(saturday, saturday + 8), TimexType.Date, "2024-12-14"),
            new(new Span(month, month + 10), TimexType.Date, "2024-10"),
        ];
        var rows = TimeScorer.Misses(doc.Id, doc.Text, doc.Timexes, system).ToList();
        rows.Should().Equal(
            "invented\t\t\t\tTroops\tDATE\t2024-12-16\tspurious",
            "invented\tthree days\tDURATION\tP3D\t\t\t\tmissed",
            "invented\tlast month\tDATE\t2024-11\tlast month\tDATE\t2024-10\twrong value");
        TimeScorer.MissColumns.Split('\t').Should().HaveCount(8);
        TimeScorer.Score(doc.Timexes, system).Should().Be(new TimeCounts(3, 3, 2, 2, 2, 1, 1));
        new TimeEvaluation().Task.Should().Be("times");
    }

    [Fact]
    public void MissRowFieldsNeverSplitTheRow() =>
        MissRow.Of("a\tb", "c\nd", null).Should().Be("a b\tc d\t");
}
