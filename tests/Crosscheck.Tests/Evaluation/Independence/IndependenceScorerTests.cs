using Crosscheck.Evaluation.Independence;
using Crosscheck.Report;
using FluentAssertions;

namespace Crosscheck.Tests.Evaluation.Independence;

public class IndependenceScorerTests
{
    private const string Wire = "The dam gave way at dawn, the river authority said. Witnesses said the water rose fast.";
    private const string Own = "Water poured through the town, the fire service said. Witnesses said the water rose fast.";

    private static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        ["w"] = Wire,
        ["copy"] = "(Agency) " + Wire,
        ["own"] = Own,
    };

    private static readonly List<GoldSentence> Gold =
    [
        new("w", "breach", "the river authority", "The dam gave way at dawn, the river authority said."),
        new("w", "rose", "witnesses (w)", "Witnesses said the water rose fast."),
        new("copy", "breach", "the river authority", "The dam gave way at dawn, the river authority said."),
        new("copy", "rose", "witnesses (w)", "Witnesses said the water rose fast."),
        new("own", "breach", "the fire service", "Water poured through the town, the fire service said."),
        new("own", "rose", "witnesses (own)", "Witnesses said the water rose fast."),
    ];

    private static DossierClaim Claim(string id, int origins, params (string Article, string Text, string Words)[] evidence) => new()
    {
        Id = id,
        Story = "s1",
        Content = evidence[0].Words,
        Kind = "indirectSpeech",
        Status = "asserted",
        Evidence = [.. evidence.Select(e => new Evidence(e.Article, e.Text.IndexOf(e.Words, StringComparison.Ordinal), e.Text.IndexOf(e.Words, StringComparison.Ordinal) + e.Words.Length))],
        Articles = [.. evidence.Select(e => e.Article).Distinct()],
        IndependentOrigins = origins,
    };

    private static Dictionary<string, double> Score(params DossierClaim[] claims) =>
        IndependenceScorer.Score(Gold, Texts, claims).Metrics.ToDictionary(m => m.Name, m => m.Value);

    [Fact]
    public void The_true_count_is_the_distinct_origins_of_the_sentences_the_claim_groups()
    {
        // A copy repeats the dispatch's witnesses (one origin); another newsroom's witnesses are a second.
        var right = Score(
            Claim("c1", 2, ("w", Wire, "the water rose fast"), ("copy", Texts["copy"], "the water rose fast"), ("own", Own, "the water rose fast")),
            Claim("c2", 1, ("w", Wire, "The dam gave way"), ("copy", Texts["copy"], "The dam gave way")));
        right["origins.exact"].Should().Be(1.0);
        right["claims.scored"].Should().Be(2);

        var wrong = Score(
            Claim("c1", 3, ("w", Wire, "the water rose fast"), ("copy", Texts["copy"], "the water rose fast"), ("own", Own, "the water rose fast")),
            Claim("c2", 1, ("w", Wire, "The dam gave way"), ("own", Own, "Water poured through the town")));
        wrong["origins.exact"].Should().Be(0.0);
        wrong["origins.overcounted"].Should().Be(0.5);
        wrong["origins.undercounted"].Should().Be(0.5);
        wrong["origins.mean_absolute_error"].Should().Be(1.0);
    }

    [Fact]
    public void A_claim_whose_evidence_lies_in_no_generated_sentence_is_left_out()
    {
        var texts = new Dictionary<string, string>(Texts) { ["w"] = Wire + " Photo: staff." };
        var claim = Claim("c9", 1, ("w", texts["w"], "Photo: staff."));
        var metrics = IndependenceScorer.Score(Gold, texts, [claim]).Metrics.ToDictionary(m => m.Name, m => m.Value);
        metrics["claims.scored"].Should().Be(0);
        metrics["claims.unmapped"].Should().Be(1);
    }

    [Fact]
    public void The_gold_file_names_its_columns_and_a_short_line_is_reported_with_its_number()
    {
        var folder = Directory.CreateTempSubdirectory("xc-independence-");
        try
        {
            var path = Path.Combine(folder.FullName, "claims.tsv");
            File.WriteAllText(path, "sentence\torigin\tdoc\tclaim\nIt rose.\twitnesses (w)\tw\trose\n");
            IndependenceEvaluation.ReadGold(path).Should().Equal(new GoldSentence("w", "rose", "witnesses (w)", "It rose."));
            File.WriteAllText(path, "doc\tclaim\torigin\tsentence\nw\trose\n");
            var read = () => IndependenceEvaluation.ReadGold(path);
            read.Should().Throw<InvalidDataException>().WithMessage("*line 2*");
            File.WriteAllText(path, "doc\tclaim\n");
            read.Should().Throw<InvalidDataException>().WithMessage("*origin*");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
