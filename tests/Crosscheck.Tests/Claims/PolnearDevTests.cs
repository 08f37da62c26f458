using Crosscheck.Evaluation.Attribution;
using FluentAssertions;
using Xunit.Abstractions;

namespace Crosscheck.Tests.Claims;

/// <summary>The attribution evaluation on the shared PolNeAR dev set (skips when the data is absent).</summary>
public class PolnearDevTests(ITestOutputHelper output)
{
    [SharedDataFact("datasets", "polnear", "dev")]
    public void Dev_scores_stay_above_floors()
    {
        var report = new AttributionEvaluation().Evaluate(SharedData.Path("datasets", "polnear", "dev")!);
        foreach (var m in report.Metrics) output.WriteLine($"{m.Name}\t{m.Value:F3}");
        report["documents"].Should().BeGreaterThan(50);
        report.Warnings.Should().BeEmpty();
        report["attribution.f1"].Should().BeGreaterThan(0.68);
        report["cue.overlap.f1"].Should().BeGreaterThan(0.6);
        report["content.overlap.f1"].Should().BeGreaterThan(0.6);
        report["source.overlap.f1"].Should().BeGreaterThan(0.6);
    }
}
