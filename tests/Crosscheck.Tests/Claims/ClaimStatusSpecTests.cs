using Crosscheck.Claims;
using Crosscheck.Evaluation;
using Crosscheck.Evaluation.Attribution;
using Crosscheck.Text;
using FluentAssertions;
using Xunit.Abstractions;

namespace Crosscheck.Tests.Claims;

/// <summary>
/// Status and hedge-scope detection on the team-written set in Specs/Claims/status-en.tsv, scored by the
/// same <see cref="StatusEvaluation"/> that <c>crosscheck eval status</c> runs: per status precision and
/// recall, with floors. The sentences are invented, not news text.
/// </summary>
public class ClaimStatusSpecTests(ITestOutputHelper output)
{
    private static readonly StatusEvaluation Evaluation = new(() => new PipelineBuilder().Add(new TextStage()).Add(new AttributionStage()).Build());

    private static string SpecPath(string file) => Path.Combine(AppContext.BaseDirectory, "Specs", "Claims", file);

    private static List<StatusCase> Load(string file = "status-en.tsv")
    {
        var warnings = new List<string>();
        var cases = StatusEvaluation.Read(SpecPath(file), warnings);
        warnings.Should().BeEmpty();
        return cases;
    }

    [Fact]
    public void The_spec_set_is_large_and_covers_every_status_and_hedge_scope()
    {
        var cases = Load();
        cases.Count.Should().BeGreaterThanOrEqualTo(100);
        foreach (var status in Enum.GetValues<ClaimStatus>())
        {
            cases.Count(c => c.Expected == status).Should().BeGreaterThanOrEqualTo(8, status.ToString());
        }
        cases.Count(c => c.Scope).Should().BeGreaterThanOrEqualTo(10);
        cases.Where(c => c.Scope).Select(c => c.Expected).Distinct().Should().HaveCountGreaterThan(1, "scope rows must test claims a hedge covers and claims it does not");
    }

    [Fact]
    public void Status_precision_and_recall_per_status_meet_floors() => Measure(Load(), precisionFloor: 0.7, recallFloor: 0.6, accuracyFloor: 0.8);

    /// <summary>Cases written before tuning and never tuned on: lower floors, an honest estimate.</summary>
    [Fact]
    public void Held_out_cases_meet_lower_floors() => Measure(Load("status-en-holdout.tsv"), precisionFloor: 0.5, recallFloor: 0.5, accuracyFloor: 0.7);

    [Fact]
    public void The_evaluation_names_a_malformed_line_and_scores_the_rest()
    {
        var path = Path.Combine(Path.GetTempPath(), $"status-{Guid.NewGuid():N}.tsv");
        File.WriteAllLines(path,
        [
            "# comment",
            "The mayor said the bridge was open.\tasserted\tThe mayor\tsaid",
            "only two\tcolumns",
            "The mayor said the bridge was open.\tmaybe\tThe mayor\tsaid",
            "The army denied that its jets hit the market.\tdenied\tThe army\tdenied",
        ]);
        try
        {
            var report = new StatusEvaluation().Evaluate(path);
            report.Warnings.Should().HaveCount(2);
            report.Warnings[0].Should().Contain(path).And.Contain(":3:");
            report.Warnings[1].Should().Contain(":4:").And.Contain("maybe");
            report["cases"].Should().Be(2);
            report["accuracy"].Should().Be(1.0);
            report["denied.recall"].Should().Be(1.0);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Scoring_counts_a_missing_attribution_as_a_miss_of_its_status()
    {
        var text = "The mayor said the bridge was open.";
        var found = new Attribution(new Span(0, 9), new Span(10, 14), new Span(15, 34), null, AttributionKind.IndirectSpeech, ClaimStatus.Claimed);
        var metrics = StatusEvaluation.Score(
        [
            (new StatusCase(1, text, ClaimStatus.Asserted, "mayor", "said", 1, false), found),
            (new StatusCase(2, text, ClaimStatus.Claimed, "mayor", "said", 1, true), found),
            (new StatusCase(3, text, ClaimStatus.Denied, "mayor", "denied", 1, true), null),
        ]).ToDictionary(m => m.Name, m => m.Value);
        metrics["claimed.precision"].Should().Be(0.5);
        metrics["claimed.recall"].Should().Be(1.0);
        metrics["asserted.recall"].Should().Be(0.0);
        metrics["denied.recall"].Should().Be(0.0);
        metrics["accuracy"].Should().BeApproximately(1 / 3.0, 1e-9);
        metrics["hedge_scope.accuracy"].Should().Be(0.5);
        metrics["speaker.accuracy"].Should().BeApproximately(2 / 3.0, 1e-9);
    }

    private void Measure(List<StatusCase> cases, double precisionFloor, double recallFloor, double accuracyFloor)
    {
        var predictions = Evaluation.Predict(cases);
        foreach (var (c, p) in predictions.Where(x => x.Found?.Status != x.Case.Expected))
        {
            output.WriteLine($"MISS line {c.Line}: expected {c.Expected} got {p?.Status.ToString() ?? "none"} (source '{p?.Source?.Of(c.Text)}'): {c.Text.Replace('\n', '|')}");
        }
        var metrics = StatusEvaluation.Score(predictions).ToDictionary(m => m.Name, m => m);
        foreach (var m in metrics.Values) output.WriteLine($"{m.Name,-24} {m.Value:F3} {m.Support}");
        foreach (var status in Enum.GetValues<ClaimStatus>().Select(s => s.ToString().ToLowerInvariant()))
        {
            if (metrics[$"{status}.recall"].Support == 0) continue;
            metrics[$"{status}.precision"].Value.Should().BeGreaterThanOrEqualTo(precisionFloor, status);
            metrics[$"{status}.recall"].Value.Should().BeGreaterThanOrEqualTo(recallFloor, status);
        }
        metrics["accuracy"].Value.Should().BeGreaterThanOrEqualTo(accuracyFloor);
        metrics["speaker.accuracy"].Value.Should().BeGreaterThanOrEqualTo(accuracyFloor);
        if (metrics["hedge_scope.accuracy"].Support > 0) metrics["hedge_scope.accuracy"].Value.Should().BeGreaterThanOrEqualTo(accuracyFloor);
    }
}
