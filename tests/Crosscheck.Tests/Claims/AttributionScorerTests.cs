using System.Collections.Immutable;
using Crosscheck.Evaluation.Attribution;
using FluentAssertions;

namespace Crosscheck.Tests.Claims;

public class AttributionScorerTests
{
    //                        0         1         2         3         4         5
    //                        0123456789012345678901234567890123456789012345678901234
    private const string Text = "The mayor said the bridge will close. Police denied it.";

    private const string GoldAnn =
        "T1\tSource 0 9\tThe mayor\n" +
        "T2\tCue 10 14\tsaid\n" +
        "T3\tContent 15 36\tthe bridge will close\n" +
        "T4\tAttribution 10 14\tsaid\n" +
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n" +
        "T5\tSource 38 44\tPolice\n" +
        "T6\tCue 45 51\tdenied\n" +
        "T7\tContent 52 54\tit\n" +
        "T8\tAttribution 45 51\tdenied\n" +
        "E2\tAttribution:T8 Source:T5 Cue:T6 Content:T7\n" +
        "T9\tDiscard 0 3\tThe\n" +
        "#1\tAnnotatorNotes T1\ta note\n";

    [Fact]
    public void Parses_brat_rows_into_attributions()
    {
        var gold = BratAttributions.Parse(GoldAnn.Split('\n'));
        gold.Should().HaveCount(2);
        gold[0].Source.Should().Equal(new Span(0, 9));
        gold[0].Cue.Should().Equal(new Span(10, 14));
        gold[1].Content.Should().Equal(new Span(52, 54));
    }

    [Fact]
    public void Parses_discontinuous_spans_and_attributions_without_source()
    {
        var gold = BratAttributions.Parse(new[]
        {
            "T1\tContent 0 5;10 15\tab cd",
            "T2\tCue 6 9\tsay",
            "T3\tAttribution-no-source 6 9\tsay",
            "E1\tAttribution-no-source:T3 Cue:T2 Content:T1",
            "garbage line",
        });
        gold.Should().ContainSingle();
        gold[0].Content.Should().Equal(new Span(0, 5), new Span(10, 15));
        gold[0].Source.Should().BeEmpty();
    }

    [Fact]
    public void Perfect_prediction_scores_one_everywhere()
    {
        var gold = BratAttributions.Parse(GoldAnn.Split('\n'));
        var scores = AttributionScorer.Score([(Text, gold, gold)]);
        scores.CueExact.F1.Should().Be(1);
        scores.ContentOverlap.F1.Should().Be(1);
        scores.Attribution.F1.Should().Be(1);
    }

    [Fact]
    public void Exact_ignores_edge_punctuation_and_overlap_counts_partial_spans()
    {
        var gold = BratAttributions.Parse(GoldAnn.Split('\n'));
        // First: content "the bridge will close." (trailing period: still exact); source "mayor" (overlap only).
        // Second: cue right, content missing entirely -> no attribution match.
        ImmutableArray<GoldAttribution> predicted =
        [
            new([new Span(4, 9)], [new Span(10, 14)], [new Span(15, 37)]),
            new([new Span(38, 44)], [new Span(45, 51)], [new Span(0, 3)]),
        ];
        var s = AttributionScorer.Score([(Text, gold, predicted)]);
        s.SourceExact.Should().Be(new Crosscheck.Evaluation.Prf(1, 1, 1));   // "Police" exact, "mayor" not
        s.SourceOverlap.Should().Be(new Crosscheck.Evaluation.Prf(2, 0, 0));
        s.ContentExact.Should().Be(new Crosscheck.Evaluation.Prf(1, 1, 1));  // "the bridge will close." == gold; "The" is not "it"
        s.ContentOverlap.Should().Be(new Crosscheck.Evaluation.Prf(1, 1, 1));
        s.Attribution.Should().Be(new Crosscheck.Evaluation.Prf(1, 1, 1));
        s.Attribution.F1.Should().BeApproximately(0.5, 1e-9);
    }

    [Fact]
    public void Matching_is_one_to_one()
    {
        var gold = BratAttributions.Parse(GoldAnn.Split('\n'));
        // Two predictions on the same gold attribution: one true positive, one false positive.
        ImmutableArray<GoldAttribution> predicted =
        [
            new([], [new Span(10, 14)], [new Span(15, 36)]),
            new([], [new Span(11, 14)], [new Span(20, 36)]),
        ];
        var s = AttributionScorer.Score([(Text, gold, predicted)]);
        s.Attribution.Should().Be(new Crosscheck.Evaluation.Prf(1, 1, 1));
    }

    [Fact]
    public void Evaluation_reads_a_folder_and_reports_metrics()
    {
        var dir = Directory.CreateTempSubdirectory("polnear-mini");
        try
        {
            Directory.CreateDirectory(Path.Combine(dir.FullName, "text"));
            Directory.CreateDirectory(Path.Combine(dir.FullName, "attributions"));
            File.WriteAllText(Path.Combine(dir.FullName, "text", "doc1.txt"), Text);
            File.WriteAllText(Path.Combine(dir.FullName, "attributions", "doc1_ab12.ann"), GoldAnn);
            File.WriteAllText(Path.Combine(dir.FullName, "attributions", "doc1_zz99.ann"), "");   // a second annotator: ignored
            var report = new AttributionEvaluation().Evaluate(dir.FullName);
            report["documents"].Should().Be(1);
            report["gold_attributions"].Should().Be(2);
            report["cue.overlap.recall"].Should().Be(1);           // "said" and "denied" are both found
            report["attribution.recall"].Should().Be(1);
            report.Warnings.Should().BeEmpty();
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
