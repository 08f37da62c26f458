using Crosscheck.Evaluation.Stories;
using FluentAssertions;

namespace Crosscheck.Tests.Stories;

public class ClusteringScoresTests
{
    // Gold {a,b,c} {d,e}; predicted {a,b} {c,d,e}. Worked by hand:
    // B-cubed precision per item: a 1, b 1, c 1/3, d 2/3, e 2/3 -> 11/15; recall: 2/3, 2/3, 1/3, 1, 1 -> 11/15.
    // Pairs: predicted ab, cd, ce, de (4); gold ab, ac, bc, de (4); shared ab, de (2) -> P = R = 1/2.
    private static readonly Dictionary<string, string> Gold = new() { ["a"] = "G1", ["b"] = "G1", ["c"] = "G1", ["d"] = "G2", ["e"] = "G2" };
    private static readonly Dictionary<string, string> Predicted = new() { ["a"] = "P1", ["b"] = "P1", ["c"] = "P2", ["d"] = "P2", ["e"] = "P2" };

    [Fact]
    public void BCubed_matches_the_hand_worked_example()
    {
        var score = ClusteringScores.BCubed(Predicted, Gold);
        score.Precision.Should().BeApproximately(11.0 / 15, 1e-12);
        score.Recall.Should().BeApproximately(11.0 / 15, 1e-12);
        score.F1.Should().BeApproximately(11.0 / 15, 1e-12);
    }

    [Fact]
    public void Pairwise_matches_the_hand_worked_example()
    {
        var score = ClusteringScores.Pairwise(Predicted, Gold);
        score.Precision.Should().Be(0.5);
        score.Recall.Should().Be(0.5);
    }

    [Fact]
    public void Everything_in_one_cluster_has_full_recall_and_low_precision()
    {
        var one = Gold.Keys.ToDictionary(k => k, _ => "all");
        // B-cubed precision: a,b,c 3/5 each, d,e 2/5 each -> 13/25. Pairs: 10 predicted, 4 gold, 4 shared.
        var bcubed = ClusteringScores.BCubed(one, Gold);
        bcubed.Precision.Should().BeApproximately(13.0 / 25, 1e-12);
        bcubed.Recall.Should().Be(1);
        var pairwise = ClusteringScores.Pairwise(one, Gold);
        pairwise.Precision.Should().BeApproximately(0.4, 1e-12);
        pairwise.Recall.Should().Be(1);
    }

    [Fact]
    public void An_item_missing_from_the_prediction_is_a_cluster_of_its_own()
    {
        var gold = new Dictionary<string, string> { ["x"] = "G", ["y"] = "G" };
        var predicted = new Dictionary<string, string> { ["x"] = "P", ["z"] = "P" };
        var bcubed = ClusteringScores.BCubed(predicted, gold);
        bcubed.Precision.Should().Be(1);
        bcubed.Recall.Should().Be(0.5);
        var pairwise = ClusteringScores.Pairwise(predicted, gold);
        pairwise.Precision.Should().Be(0);
        pairwise.Recall.Should().Be(0);
    }

    [Fact]
    public void A_perfect_clustering_scores_one_whatever_the_labels()
    {
        var renamed = Gold.ToDictionary(kv => kv.Key, kv => kv.Value == "G1" ? "x" : "y");
        ClusteringScores.BCubed(renamed, Gold).F1.Should().Be(1);
        ClusteringScores.Pairwise(renamed, Gold).F1.Should().Be(1);
    }
}
