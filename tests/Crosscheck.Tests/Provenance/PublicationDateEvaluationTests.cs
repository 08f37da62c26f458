using Crosscheck.Evaluation;
using Crosscheck.Evaluation.Provenance;
using FluentAssertions;

namespace Crosscheck.Tests.Provenance;

public sealed class PublicationDateEvaluationTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("pubdate-eval").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Scorer_counts_undated_documents_as_misses_and_reports_the_dated_share_apart()
    {
        var scorer = new PublicationDateScorer();
        scorer.Add(new DateOnly(2020, 5, 5), new DateOnly(2020, 5, 5));
        scorer.Add(new DateOnly(2020, 5, 5), new DateOnly(2020, 5, 6));
        scorer.Add(new DateOnly(2020, 5, 5), new DateOnly(2020, 5, 20));
        scorer.Add(new DateOnly(2020, 5, 5), null);
        var metrics = scorer.Metrics().ToDictionary(m => m.Name, m => m.Value);
        metrics["coverage"].Should().Be(0.75);
        metrics["exact"].Should().Be(0.25);
        metrics["withinOneDay"].Should().Be(0.5);
        metrics["dated.withinOneDay"].Should().BeApproximately(2 / 3.0, 1e-9);
    }

    [Fact]
    public void The_dct_is_hidden_and_the_text_alone_dates_the_document()
    {
        // Invented TimeML: one document pins its date in its dateline, one gives no date at all.
        File.WriteAllText(Path.Combine(folder, "dated.tml"),
            "<TimeML><DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2003-04-08\">April 8, 2003</TIMEX3></DCT>" +
            "<TEXT>BRANNOCK, April 8, 2003 (MPA) _ The river fell overnight, officials said.</TEXT></TimeML>");
        File.WriteAllText(Path.Combine(folder, "undated.tml"),
            "<TimeML><DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2003-04-09\">April 9, 2003</TIMEX3></DCT>" +
            "<TEXT>The river fell overnight on <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2003-04-08\">Tuesday</TIMEX3>, officials said.</TEXT></TimeML>");
        var report = EvaluationRegistry.Find("pubdate")!.Evaluate(folder);
        report["documents"].Should().Be(2);
        report["coverage"].Should().Be(0.5);
        report["exact"].Should().Be(0.5);
    }
}
