using Crosscheck.Evaluation;
using Crosscheck.Evaluation.Quantities;
using Crosscheck.Quantities;
using FluentAssertions;

namespace Crosscheck.Tests.Quantities;

public class QuantityEvaluationTests
{
    // Invented cases in the Recognizers-Text spec format (End is inclusive there), with a BOM.
    private const string Spec = "\uFEFF" + """
        [
          { "Input": "they sent 300 soldiers", "Results": [ { "Text": "300", "TypeName": "number", "Resolution": { "value": "300" }, "Start": 10, "End": 12 } ] },
          { "Input": "they sent two thousand soldiers", "Results": [ { "Text": "two thousand", "TypeName": "number", "Resolution": { "value": "2000" }, "Start": 10, "End": 21 } ] },
          { "Input": "no numbers here", "Results": [] },
          { "Input": "skipped in dotnet", "NotSupported": "dotnet, java", "Results": [] }
        ]
        """;

    [Fact]
    public void ParsesSpecCasesWithHalfOpenSpans()
    {
        var cases = RecognizerSpecs.Parse(Spec);
        cases.Should().HaveCount(4);
        cases[0].Results.Single().Span.Should().Be(new Span(10, 13));
        cases[3].NotSupportedInDotNet.Should().BeTrue();
    }

    [Fact]
    public void ACaseIsFullyRightOnlyWithEveryValueAndNothingExtra()
    {
        var specCase = RecognizerSpecs.Parse(Spec)[0];
        QuantityEvaluation.ScoreCase(specCase, [new Quantity(new Span(10, 13), 300, 300, "", Value: 300)], QuantityKind.Count)
            .Should().Be(new SpecCounts(1, 0, 1, 1, 1, 0, 0));
        // Right value, but an extra quantity: not fully right.
        QuantityEvaluation.ScoreCase(specCase, [new Quantity(new Span(10, 13), 300, 300, "", Value: 300), new Quantity(new Span(0, 4), 1, 1, "", Value: 1)], QuantityKind.Count)
            .FullyRight.Should().Be(0);
        // Overlapping span with a wrong value.
        QuantityEvaluation.ScoreCase(specCase, [new Quantity(new Span(10, 22), 30, 30, "", Value: 30)], QuantityKind.Count)
            .Should().Be(new SpecCounts(1, 0, 0, 1, 0, 0, 0));
        // Only the family's kind counts: a currency amount is not a candidate for a currency-free dimension spec.
        QuantityEvaluation.ScoreCase(RecognizerSpecs.Parse(Spec)[2], [new Quantity(new Span(0, 2), 5, 5, "USD", Value: 5, Kind: QuantityKind.Currency)], QuantityKind.Length)
            .FullyRight.Should().Be(1);
    }

    [Theory]
    // Recognizers-Text unit names against ours.
    [InlineData("Square kilometer", null, "square kilometre", true)]
    [InlineData("Mile", null, "mile", true)]
    [InlineData("Metric ton", null, "tonne", true)]
    [InlineData("Dollar", null, "USD", true)]
    [InlineData("United States dollar", "USD", "USD", true)]
    [InlineData("Euro", "EUR", "USD", false)]
    [InlineData("Foot", null, "mile", false)]
    public void ComparesUnitNames(string expected, string? iso, string actual, bool same) =>
        QuantityEvaluation.SameUnit(expected, iso, actual).Should().Be(same);

    [Fact]
    public void EvaluatesAFileThroughTheDefaultPipeline()
    {
        var dir = Directory.CreateTempSubdirectory("crosscheck-spec");
        try
        {
            var file = Path.Combine(dir.FullName, "NumberModel.json");
            File.WriteAllText(file, Spec);
            var report = new QuantityEvaluation().Evaluate(file);
            report["NumberModel.cases"].Should().Be(3);
            report["NumberModel.skipped"].Should().Be(1);
            report["NumberModel.fully_right"].Should().Be(1);
            EvaluationRegistry.Find("quantities").Should().BeOfType<QuantityEvaluation>();
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [SharedDataFact("datasets", "recognizers-text-specs", "Specs", "NumberWithUnit", "English", "CurrencyModel.json")]
    public void ScoresTheRecognizersCurrencySpec()
    {
        var report = new QuantityEvaluation().Evaluate(SharedData.Path("datasets", "recognizers-text-specs", "Specs", "NumberWithUnit", "English", "CurrencyModel.json")!);
        report["CurrencyModel.cases"].Should().BeGreaterThan(150);
        report["CurrencyModel.fully_right"].Should().BeGreaterThan(0.55);
    }
}
