using Crosscheck.Evaluation;
using Crosscheck.Evaluation.Quantities;
using Crosscheck.Evaluation.Times;
using Crosscheck.Times;
using FluentAssertions;

namespace Crosscheck.Tests.Times;

public class DateTimeSpecEvaluationTests
{
    // Invented cases in the Recognizers-Text DateTime spec format: the TIMEX leaves the year open,
    // the resolved values give the dated readings.
    private const string Spec = """
        [
          { "Input": "They left on Saturday", "Context": { "ReferenceDateTime": "2024-12-16T00:00:00" },
            "Results": [ { "Text": "saturday", "Start": 13, "End": 20, "TypeName": "datetimeV2.date",
              "Resolution": { "values": [ { "timex": "XXXX-WXX-6", "type": "date", "value": "2024-12-14" }, { "timex": "XXXX-WXX-6", "type": "date", "value": "2024-12-21" } ] } } ] },
          { "Input": "nothing here", "Context": { "ReferenceDateTime": "2024-12-16T00:00:00" }, "Results": [] }
        ]
        """;

    [Fact]
    public void AcceptsTheTimexOrAnyResolvedValue()
    {
        var cases = RecognizerSpecs.Parse(Spec);
        cases[0].ReferenceDate.Should().Be(new DateOnly(2024, 12, 16));
        var past = new TimeExpression(new Span(13, 21), TimexType.Date, "2024-12-14");
        DateTimeSpecEvaluation.ScoreCase(cases[0], [past]).Should().Be((1, true));
        // A wrong date overlapping the span: found but not right.
        DateTimeSpecEvaluation.ScoreCase(cases[0], [past with { Value = "2024-12-07" }]).Should().Be((0, false));
        // Anything found where nothing is expected spoils the case.
        DateTimeSpecEvaluation.ScoreCase(cases[1], [past]).Should().Be((0, false));
        DateTimeSpecEvaluation.ScoreCase(cases[1], []).Should().Be((0, true));
    }

    [Fact]
    public void EvaluatesAFileThroughTheDefaultPipeline()
    {
        var dir = Directory.CreateTempSubdirectory("crosscheck-dt");
        try
        {
            var file = Path.Combine(dir.FullName, "DateTimeModel.json");
            File.WriteAllText(file, Spec);
            var report = new DateTimeSpecEvaluation().Evaluate(file);
            report["cases"].Should().Be(2);
            report["fully_right"].Should().Be(1);
            EvaluationRegistry.Find("datetime").Should().BeOfType<DateTimeSpecEvaluation>();
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
