using Crosscheck.Evaluation.Places;
using Crosscheck.Places;
using FluentAssertions;

namespace Crosscheck.Tests.Evaluation.Places;

public class PlaceEvaluationTests
{
    private const string Text = "Paris is far from Lyon and Berlin.";

    private const string LglStyle = """
        <?xml version="1.0" encoding="utf-8"?>
        <articles>
          <article docid="1">
            <text><![CDATA[Paris is far from Lyon and Berlin.]]></text>
            <toponyms>
              <toponym><start>0</start><end>5</end><phrase>Paris</phrase>
                <gaztag geonameid="2988507"><name>Paris</name><lat>48.85</lat><lon>2.35</lon></gaztag></toponym>
              <toponym><start>18</start><end>22</end><phrase>Lyon</phrase>
                <gaztag geonameid="2996944"><name>Lyon</name><lat>45.76</lat><lon>4.83</lon></gaztag></toponym>
              <toponym><start>27</start><end>33</end><phrase>Berlin</phrase></toponym>
            </toponyms>
          </article>
        </articles>
        """;

    // GeoVirus style, with every offset one character late as in the real corpus.
    private const string GeoVirusStyle = """
        <articles>
            <article>
                <source>https://example.org/x</source>
                <text>Paris is far from Lyon and Berlin.</text>
                <locations>
                    <location><name>Lyon</name><start>19</start><end>23</end><lat>45.76</lat><lon>4.83</lon><page>x</page></location>
                </locations>
            </article>
        </articles>
        """;

    private static ResolvedPlace Predicted(int start, int end, double lat, double lon) =>
        new(new Span(start, end), "x", lat, lon, null, null, null, PlacePrecision.Exact);

    [Fact]
    public void Reads_lgl_style_toponyms_with_and_without_coordinates()
    {
        var (articles, warnings) = GeoparsingCorpus.Parse(LglStyle);
        warnings.Should().BeEmpty();
        var article = articles.Should().ContainSingle().Subject;
        article.Id.Should().Be("1");
        article.Text.Should().Be(Text);
        article.Toponyms.Select(t => (t.Start, t.End, t.Phrase)).Should().Equal((0, 5, "Paris"), (18, 22, "Lyon"), (27, 33, "Berlin"));
        article.Toponyms[0].Latitude.Should().Be(48.85);
        article.Toponyms[2].Latitude.Should().BeNull();
    }

    [Fact]
    public void Realigns_geovirus_offsets_that_are_one_character_off()
    {
        var (articles, warnings) = GeoparsingCorpus.Parse(GeoVirusStyle, "gv");
        var toponym = articles.Single().Toponyms.Single();
        (toponym.Start, toponym.End).Should().Be((18, 22));
        warnings.Should().ContainSingle().Which.Should().Contain("realigned");
    }

    [Fact]
    public void Scores_recognition_and_resolution_on_a_hand_made_case()
    {
        var gold = GeoparsingCorpus.Parse(LglStyle).Articles.Single().Toponyms;
        var score = new GeoparsingScore();
        score.Add(gold,
        [
            Predicted(0, 5, 48.85, 2.35),   // Paris, exact span, right place
            Predicted(11, 14, 0, 0),        // "far": a false positive
            Predicted(18, 24, 40.76, 4.83), // "Lyon a": overlapping span, ~556 km south
        ]);

        score.Exact.Should().Be(new Crosscheck.Evaluation.Prf(1, 2, 2));
        score.Exact.Precision.Should().BeApproximately(1.0 / 3, 1e-9);
        score.Overlap.Should().Be(new Crosscheck.Evaluation.Prf(2, 1, 1));
        score.Overlap.F1.Should().BeApproximately(2.0 / 3, 1e-9);

        score.ErrorsKm.Should().HaveCount(2); // Berlin has no coordinates and was not found
        score.ErrorsKm[0].Should().BeApproximately(0, 1e-6);
        score.ErrorsKm[1].Should().BeApproximately(556, 2);
        score.AccuracyWithinRadius.Should().Be(0.5);
        score.MedianErrorKm.Should().BeApproximately(278, 1);
        score.GoldWithCoordinates.Should().Be(2);

        var metrics = score.ToMetrics("").ToDictionary(m => m.Name, m => m.Value);
        metrics["resolution.acc161"].Should().Be(0.5);
        metrics["resolution.acc161_of_all_gold"].Should().Be(0.5);
        metrics["recognition.overlap.recall"].Should().BeApproximately(2.0 / 3, 1e-9);
    }

    [Fact]
    public void Lists_toponyms_resolved_too_far_and_those_not_recognised_as_miss_rows()
    {
        var article = GeoparsingCorpus.Parse(LglStyle).Articles.Single();
        var score = new GeoparsingScore();
        var rows = new List<string> { GeoparsingScore.MissHeader };
        score.Add(article.Toponyms,
        [
            Predicted(0, 5, 48.85, 2.35),                                                    // Paris, right: no row
            new(new Span(18, 22), "Lyon", 40.76, 4.83, 1, "US", "OH", PlacePrecision.Exact), // ~556 km off
        ], miss => rows.Add(GeoparsingScore.MissRow("set", article, miss)));

        var columns = rows[0].Split('\t');
        rows.Should().HaveCount(3);
        var far = columns.Zip(rows[1].Split('\t')).ToDictionary(c => c.First, c => c.Second);
        far["article"].Should().Be("1");
        far["toponym"].Should().Be("Lyon");
        far["gold_lat"].Should().Be("45.76");
        far["name"].Should().Be("Lyon");
        far["country"].Should().Be("US");
        far["precision"].Should().Be("Exact");
        double.Parse(far["error_km"], System.Globalization.CultureInfo.InvariantCulture).Should().BeApproximately(556, 2);
        far["context"].Should().Be("Paris is far from [[Lyon]] and Berlin.");
        var missed = columns.Zip(rows[2].Split('\t')).ToDictionary(c => c.First, c => c.Second);
        missed["toponym"].Should().Be("Berlin");
        missed["gold_lat"].Should().BeEmpty();
        missed["name"].Should().BeEmpty();
        missed["error_km"].Should().Be("not recognised");
    }

    [Fact]
    public void The_evaluation_report_carries_the_miss_rows_after_their_header()
    {
        var path = Path.Combine(Path.GetTempPath(), $"geo-{Guid.NewGuid():N}.xml");
        // Gold Lyon moved to the southern hemisphere, so whatever Lyon we find is a miss.
        File.WriteAllText(path, LglStyle.Replace("<lat>45.76</lat>", "<lat>-45.76</lat>"));
        try
        {
            var rows = new PlaceEvaluation().Evaluate(path).MissRows;
            rows[0].Should().Be(GeoparsingScore.MissHeader);
            rows.Should().Contain(r => r.Split('\t')[3] == "Lyon");
            rows.Skip(1).Should().OnlyContain(r => r.Split('\t').Length == rows[0].Split('\t').Length);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_prediction_is_matched_to_one_gold_toponym_only()
    {
        var gold = new[] { new GoldToponym(0, 5, "Paris", 48.85, 2.35), new GoldToponym(6, 11, "Texas", 31, -99) };
        var score = new GeoparsingScore();
        score.Add(gold, [Predicted(0, 11, 48.85, 2.35)]);
        score.Overlap.Should().Be(new Crosscheck.Evaluation.Prf(1, 0, 1));
        score.Exact.Should().Be(new Crosscheck.Evaluation.Prf(0, 1, 2));
    }

    [Fact]
    public void Evaluates_a_file_end_to_end()
    {
        var path = Path.Combine(Path.GetTempPath(), $"geo-{Guid.NewGuid():N}.xml");
        File.WriteAllText(path, LglStyle.Replace("Paris is far from Lyon and Berlin.", "Paris is far from Lyon and Berlin."));
        try
        {
            var report = new PlaceEvaluation().Evaluate(path);
            report.Task.Should().Be("places");
            report["recognition.overlap.recall"].Should().BeApproximately(1.0, 1e-9);
            report["resolution.acc161"].Should().Be(1.0);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [SharedDataFact("datasets", "geoparsing", "TR-News.xml")]
    public void Tr_news_scores_stay_above_a_floor()
    {
        var report = new PlaceEvaluation().Evaluate(SharedData.Path("datasets", "geoparsing", "TR-News.xml")!);
        report["recognition.overlap.f1"].Should().BeGreaterThan(0.8);
        report["resolution.acc161"].Should().BeGreaterThan(0.75);
    }
}
