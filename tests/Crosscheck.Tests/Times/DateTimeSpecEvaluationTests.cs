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
        // Why a case is not right, for the misses file.
        var why = new List<string>();
        DateTimeSpecEvaluation.ScoreCase(cases[0], [past with { Value = "2024-12-07" }], why);
        why.Should().Equal("wrong value 'saturday': expected XXXX-WXX-6, ours 2024-12-07");
        why.Clear();
        DateTimeSpecEvaluation.ScoreCase(cases[0], [], why);
        why.Should().Equal("missed 'saturday' XXXX-WXX-6");
        why.Clear();
        DateTimeSpecEvaluation.ScoreCase(cases[1], [past], why);
        why.Should().Equal("extra '?' 2024-12-14");
    }

    private const string RangeAndClockSpec = """
        [
          { "Input": "The range is 2014 to 2018", "Context": { "ReferenceDateTime": "2016-11-07T00:00:00" },
            "Results": [ { "Text": "2014 to 2018", "Start": 13, "End": 24, "TypeName": "datetimeV2.daterange",
              "Resolution": { "values": [ { "timex": "(2014-01-01,2018-01-01,P4Y)", "type": "daterange", "start": "2014-01-01", "end": "2018-01-01" } ] } } ] },
          { "Input": "back at 8am", "Context": { "ReferenceDateTime": "2016-11-07T00:00:00" },
            "Results": [ { "Text": "8am", "Start": 8, "End": 10, "TypeName": "datetimeV2.time",
              "Resolution": { "values": [ { "timex": "T08", "type": "time", "value": "08:00:00" } ] } } ] }
        ]
        """;

    [Fact]
    public void AcceptsARangeAsItsTwoEndPoints()
    {
        var range = RecognizerSpecs.Parse(RangeAndClockSpec)[0];
        TimeExpression Year(int start, string value) => new(new Span(start, start + 4), TimexType.Date, value);
        DateTimeSpecEvaluation.ScoreCase(range, [Year(13, "2014"), Year(21, "2018")]).Should().Be((1, true));
        // One end only, or a wrong end, is not the range.
        DateTimeSpecEvaluation.ScoreCase(range, [Year(13, "2014")]).Should().Be((0, false));
        DateTimeSpecEvaluation.ScoreCase(range, [Year(13, "2014"), Year(21, "2019")]).Should().Be((0, false));
        // A third, wrong expression inside the range is an extra one: the range is right, the case is not.
        DateTimeSpecEvaluation.ScoreCase(range, [Year(13, "2014"), new(new Span(18, 20), TimexType.Duration, "P3D"), Year(21, "2018")]).Should().Be((1, false));
    }

    [Fact]
    public void ComparesClockTimesInOneSpelling()
    {
        var clock = RecognizerSpecs.Parse(RangeAndClockSpec)[1];
        // The spec's day-less "T08" is 08:00 on any day; this project anchors it on the reference day.
        DateTimeSpecEvaluation.ScoreCase(clock, [new TimeExpression(new Span(8, 11), TimexType.Time, "2016-11-07T08:00")]).Should().Be((1, true));
        DateTimeSpecEvaluation.ScoreCase(clock, [new TimeExpression(new Span(8, 11), TimexType.Time, "2016-11-07T09:00")]).Should().Be((0, false));
        DateTimeSpecEvaluation.ClockCanonical("2016-11-08 08:00:00").Should().Be("2016-11-08T08:00");
        DateTimeSpecEvaluation.ClockCanonical("P3D").Should().Be("P3D");
    }

    [Fact]
    public void AcceptsAnyYearWhenTheSpecLeavesItOpenWithoutDatedReadings()
    {
        const string spec = """
            [ { "Input": "out since august", "Context": { "ReferenceDateTime": "2016-11-07T00:00:00" },
                "Results": [ { "Text": "since august", "Start": 4, "End": 15, "TypeName": "datetimeV2.daterange",
                  "Resolution": { "values": [ { "timex": "XXXX-08", "type": "daterange" } ] } } ] } ]
            """;
        var specCase = RecognizerSpecs.Parse(spec)[0];
        DateTimeSpecEvaluation.ScoreCase(specCase, [new TimeExpression(new Span(10, 16), TimexType.Date, "2016-08")]).Should().Be((1, true));
        DateTimeSpecEvaluation.ScoreCase(specCase, [new TimeExpression(new Span(10, 16), TimexType.Date, "2016-09")]).Should().Be((0, false));
        // A result with no resolved value at all has no dated reading either.
        var bare = specCase with { Results = [specCase.Results[0] with { ResolvedValues = [] }] };
        DateTimeSpecEvaluation.ScoreCase(bare, [new TimeExpression(new Span(10, 16), TimexType.Date, "2016-08")]).Should().Be((1, true));
    }

    [Fact]
    public void MatchesAYearOpenRangeAgainstItsDatedReadings()
    {
        const string spec = """
            [ { "Input": "sales in q3", "Context": { "ReferenceDateTime": "2016-11-07T00:00:00" },
                "Results": [ { "Text": "q3", "Start": 9, "End": 10, "TypeName": "datetimeV2.daterange",
                  "Resolution": { "values": [
                    { "timex": "(XXXX-07-01,XXXX-10-01,P3M)", "type": "daterange", "start": "2016-07-01", "end": "2016-10-01" },
                    { "timex": "(XXXX-07-01,XXXX-10-01,P3M)", "type": "daterange", "start": "2017-07-01", "end": "2017-10-01" } ] } } ] } ]
            """;
        var specCase = RecognizerSpecs.Parse(spec)[0];
        DateTimeSpecEvaluation.ScoreCase(specCase, [new TimeExpression(new Span(9, 11), TimexType.Date, "2016-Q3")]).Should().Be((1, true));
        DateTimeSpecEvaluation.ScoreCase(specCase, [new TimeExpression(new Span(9, 11), TimexType.Date, "2017-Q3")]).Should().Be((1, true));
        // Any other year's third quarter is a wrong year, as a year-open point with dated readings is.
        DateTimeSpecEvaluation.ScoreCase(specCase, [new TimeExpression(new Span(9, 11), TimexType.Date, "2019-Q3")]).Should().Be((0, false));
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
            report["in_scope.cases"].Should().Be(2);
            EvaluationRegistry.Find("datetime").Should().BeOfType<DateTimeSpecEvaluation>();
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private const string WholeRangeSpec = """
        [
          { "Input": "Orders fell this quarter", "Context": { "ReferenceDateTime": "2023-08-10T00:00:00" },
            "Results": [ { "Text": "this quarter", "Start": 12, "End": 23, "TypeName": "datetimeV2.daterange",
              "Resolution": { "values": [ { "timex": "(2023-07-01,2023-10-01,P3M)", "type": "daterange", "start": "2023-07-01", "end": "2023-10-01" } ] } } ] },
          { "Input": "Roads stay shut the next four days", "Context": { "ReferenceDateTime": "2023-08-10T00:00:00" },
            "Results": [ { "Text": "next four days", "Start": 20, "End": 33, "TypeName": "datetimeV2.daterange",
              "Resolution": { "values": [ { "timex": "(2023-08-11,2023-08-15,P4D)", "type": "daterange", "start": "2023-08-11", "end": "2023-08-15" } ] } } ] }
        ]
        """;

    [Fact]
    public void AcceptsOneExpressionThatIsTheWholeRange()
    {
        var cases = RecognizerSpecs.Parse(WholeRangeSpec);
        TimeExpression At(int start, int end, TimexType type, string value) => new(new Span(start, end), type, value);
        DateTimeSpecEvaluation.ScoreCase(cases[0], [At(12, 24, TimexType.Date, "2023-Q3")]).Should().Be((1, true));
        // A calendar unit with other ends is not the range.
        DateTimeSpecEvaluation.ScoreCase(cases[0], [At(12, 24, TimexType.Date, "2023-Q2")]).Should().Be((0, false));
        DateTimeSpecEvaluation.ScoreCase(cases[0], [At(12, 24, TimexType.Date, "2023-07")]).Should().Be((0, false));
        // TimeML's duration reading of a stretch that starts at the reference, and only of the right length.
        DateTimeSpecEvaluation.ScoreCase(cases[1], [At(16, 34, TimexType.Duration, "P4D")]).Should().Be((1, true));
        DateTimeSpecEvaluation.ScoreCase(cases[1], [At(16, 34, TimexType.Duration, "P3D")]).Should().Be((0, false));
        // The same duration for a range far from the reference is not it.
        var far = cases[1] with { ReferenceDate = new DateOnly(2023, 6, 1) };
        DateTimeSpecEvaluation.ScoreCase(far, [At(16, 34, TimexType.Duration, "P4D")]).Should().Be((0, false));
    }

    [Theory]
    [InlineData("2019", "2019-01-01", "2020-01-01")]
    [InlineData("2019-02", "2019-02-01", "2019-03-01")]
    [InlineData("2019-Q4", "2019-10-01", "2020-01-01")]
    [InlineData("2020-W01", "2019-12-30", "2020-01-06")]
    [InlineData("2019-H2", "2019-07-01", "2020-01-01")]
    [InlineData("199", "1990-01-01", "2000-01-01")]
    [InlineData("20", "2000-01-01", "2100-01-01")]
    public void ReadsTheExtentOfACalendarUnit(string value, string start, string end)
    {
        DateTimeSpecEvaluation.Extent(value).Should().Be((DateOnly.Parse(start), DateOnly.Parse(end)));
    }

    [Theory]
    [InlineData("0000")]
    [InlineData("9999")]
    [InlineData("9999-Q4")]
    [InlineData("2021-W53")]
    [InlineData("2019-SU")]
    [InlineData("2019-07-01")]
    public void HasNoExtentForUnitsOutsideTheCalendarOrOutsideItsReading(string value) =>
        DateTimeSpecEvaluation.Extent(value).Should().BeNull();

    [Theory]
    [InlineData("Marks came out the last school year", "school_year_or_business_days")]
    [InlineData("Finish it within six business days", "school_year_or_business_days")]
    [InlineData("Show the sy 2011 totals", "school_year_or_business_days")]
    [InlineData("Results for last fiscal year", null)]
    [InlineData("The syrup arrived on Monday", null)]
    public void LeavesOutOnlyCalendarsTimexHasNoValueFor(string input, string? reason)
    {
        DateTimeSpecEvaluation.OutOfScope(new SpecCase(input, null, [], false)).Should().Be(reason);
    }

    [Theory]
    [InlineData("PT1H30M", "PT1.5H", true)]
    [InlineData("P3Y6M", "P3.5Y", true)]
    [InlineData("P1Y3M", "P1.25Y", true)]
    [InlineData("P2W", "P14D", true)]
    [InlineData("PT90M", "PT1H30M", true)]
    [InlineData("P1M", "PT1M", false)]
    [InlineData("PXD", "PXD", false)]
    [InlineData("PT1H", "PT1.5H", false)]
    [InlineData("P1D", "PT24H", false)]
    [InlineData("P12M", "P1Y", false)]
    [InlineData("P1Q", "P3M", true)]
    public void ComparesDurationsByTheirLength(string a, string b, bool same)
    {
        DateTimeSpecEvaluation.SameDuration(a, b).Should().Be(same);
    }

    [Fact]
    public void ReadsPresentRefAsTheReferenceDayAtARangeEnd()
    {
        const string spec = """
            [ { "Input": "Open from May 2 until now", "Context": { "ReferenceDateTime": "2023-08-10T00:00:00" },
                "Results": [ { "Text": "from may 2 until now", "Start": 5, "End": 24, "TypeName": "datetimeV2.daterange",
                  "Resolution": { "values": [ { "timex": "(XXXX-05-02,2023-08-10,P100D)", "type": "daterange" } ] } } ] } ]
            """;
        var specCase = RecognizerSpecs.Parse(spec)[0];
        var mayTwo = new TimeExpression(new Span(10, 15), TimexType.Date, "2023-05-02");
        DateTimeSpecEvaluation.ScoreCase(specCase, [mayTwo, new TimeExpression(new Span(22, 25), TimexType.Date, "PRESENT_REF")]).Should().Be((1, true));
        DateTimeSpecEvaluation.ScoreCase(specCase with { ReferenceDate = new DateOnly(2023, 8, 11) }, [mayTwo, new TimeExpression(new Span(22, 25), TimexType.Date, "PRESENT_REF")]).Should().Be((0, false));
    }

    [Fact]
    public void AYearOpenTimexAcceptsOnlyTheReadingsTheSpecGives()
    {
        // "may": TIMEX XXXX-05, read as May 2017 or May 2018.
        string[] may = ["(2017-05-01,2017-06-01)", "(2018-05-01,2018-06-01)"];
        DateTimeSpecEvaluation.IsDatedReading("2018-05", "XXXX-05", [.. may]).Should().BeTrue();
        DateTimeSpecEvaluation.IsDatedReading("2019-05", "XXXX-05", [.. may]).Should().BeFalse();
        DateTimeSpecEvaluation.IsDatedReading("2018-06", "XXXX-05", [.. may]).Should().BeFalse();
        // "tuesday afternoon": XXXX-WXX-2TAF read as 1 or 8 November 2016 (both Tuesdays).
        string[] tuesday = ["(2016-11-01 12:00:00,2016-11-01 16:00:00)", "(2016-11-08 12:00:00,2016-11-08 16:00:00)"];
        DateTimeSpecEvaluation.IsDatedReading("2016-11-08TAF", "XXXX-WXX-2TAF", [.. tuesday]).Should().BeTrue();
        DateTimeSpecEvaluation.IsDatedReading("2016-11-08TMO", "XXXX-WXX-2TAF", [.. tuesday]).Should().BeFalse();
        DateTimeSpecEvaluation.IsDatedReading("2016-11-08", "XXXX-WXX-2TAF", [.. tuesday]).Should().BeFalse();
        DateTimeSpecEvaluation.IsDatedReading("2016-11-15TAF", "XXXX-WXX-2TAF", [.. tuesday]).Should().BeFalse();
        // A dated TIMEX is compared as before, never through its readings.
        DateTimeSpecEvaluation.IsDatedReading("2018-05", "2017-05", [.. may]).Should().BeFalse();
    }

    private const string EndAndLengthSpec = """
        [
          { "Input": "The hearing runs for 2 hours from 2pm", "Context": { "ReferenceDateTime": "2024-12-16T00:00:00" },
            "Results": [ { "Text": "for 2 hours from 2pm", "Start": 17, "End": 36, "TypeName": "datetimeV2.timerange",
              "Resolution": { "values": [ { "timex": "(T14,T16:00:00,PT2H)", "type": "timerange", "start": "14:00:00", "end": "16:00:00" } ] } } ] },
          { "Input": "Polls close within 5 minutes", "Context": { "ReferenceDateTime": "2024-12-16T00:00:00" },
            "Results": [ { "Text": "within 5 minutes", "Start": 12, "End": 27, "TypeName": "datetimeV2.datetimerange",
              "Resolution": { "values": [ { "timex": "(2024-12-16T00:00:00,2024-12-16T00:05:00,PT5M)", "type": "datetimerange", "start": "2024-12-16 00:00:00", "end": "2024-12-16 00:05:00" } ] } } ] }
        ]
        """;

    [Fact]
    public void ARangeIsOneEndAndItsLengthAsTimeMlWritesIt()
    {
        var cases = RecognizerSpecs.Parse(EndAndLengthSpec);
        var twoHours = new TimeExpression(new Span(21, 28), TimexType.Duration, "PT2H");
        var twoPm = new TimeExpression(new Span(34, 37), TimexType.Time, "2024-12-16T14:00");
        DateTimeSpecEvaluation.ScoreCase(cases[0], [twoHours, twoPm]).Should().Be((1, true));
        DateTimeSpecEvaluation.ScoreCase(cases[0], [twoPm]).Should().Be((0, false));
        DateTimeSpecEvaluation.ScoreCase(cases[0], [twoHours]).Should().Be((0, false));
        // A length that is not the range's does not close it.
        DateTimeSpecEvaluation.ScoreCase(cases[0], [twoHours with { Value = "PT3H" }, twoPm]).Should().Be((0, false));
        // A range from the reference moment is TimeML's duration alone.
        DateTimeSpecEvaluation.ScoreCase(cases[1], [new TimeExpression(new Span(19, 28), TimexType.Duration, "PT5M")]).Should().Be((1, true));
        DateTimeSpecEvaluation.ScoreCase(cases[1], [new TimeExpression(new Span(19, 28), TimexType.Duration, "PT6M")]).Should().Be((0, false));
    }

    [Fact]
    public void AnUnspecifiedCountIsTheSpecsThreeOfTheSameUnit()
    {
        DateTimeSpecEvaluation.VagueCount("PTXH", "PT3H", "a few hours").Should().BeTrue();
        DateTimeSpecEvaluation.VagueCount("PXW", "P3W", "several weeks").Should().BeTrue();
        DateTimeSpecEvaluation.VagueCount("PXW", "P3D", "several weeks").Should().BeFalse();
        DateTimeSpecEvaluation.VagueCount("PXW", "P2W", "a couple of weeks").Should().BeFalse();
        DateTimeSpecEvaluation.VagueCount("P3W", "P3W", "several weeks").Should().BeFalse();
        // The text's own count is no vague one: "three weeks" read as "some weeks" is wrong.
        DateTimeSpecEvaluation.VagueCount("PXW", "P3W", "three weeks").Should().BeFalse();
        DateTimeSpecEvaluation.VagueCount("PXW", "P3W", "handsome weeks").Should().BeFalse();
    }

    [Fact]
    public void ADurationFromTheReferenceEndsOnTheSpecsDay()
    {
        var reference = new DateOnly(2024, 12, 16);
        DateTimeSpecEvaluation.EndsAt("P2W", "2024-12-30", reference).Should().BeTrue();
        DateTimeSpecEvaluation.EndsAt("P2M", "2025-02-16", reference).Should().BeTrue();
        DateTimeSpecEvaluation.EndsAt("PT5M", "2024-12-16T00:05:00", reference).Should().BeTrue();
        // Backwards, another length, or a clock length against a day: not the same point.
        DateTimeSpecEvaluation.EndsAt("P2W", "2024-12-02", reference).Should().BeFalse();
        DateTimeSpecEvaluation.EndsAt("P3W", "2024-12-30", reference).Should().BeFalse();
        DateTimeSpecEvaluation.EndsAt("PT5M", "2024-12-16", reference).Should().BeFalse();
        DateTimeSpecEvaluation.EndsAt("2024-12-30", "2024-12-30", reference).Should().BeFalse();
        DateTimeSpecEvaluation.EndsAt("P10000Y", "2024-12-30", reference).Should().BeFalse("a duration past the calendar ends on no day");
        DateTimeSpecEvaluation.EndsAt("P5000000D", "2024-12-30", reference).Should().BeFalse();
    }

    private const string FifthSessionSpec = """
        [
          { "Input": "They stay until the end of the day", "Context": { "ReferenceDateTime": "2024-12-16T00:00:00" },
            "Results": [ { "Text": "the end of the day", "Start": 16, "End": 34, "TypeName": "datetimeV2.datetime",
              "Resolution": { "values": [ { "timex": "2024-12-16T23:59:59", "type": "datetime", "value": "2024-12-16 23:59:59" } ] } } ] },
          { "Input": "Back today before 4pm", "Context": { "ReferenceDateTime": "2024-12-16T00:00:00" },
            "Results": [ { "Text": "today before 4pm", "Start": 5, "End": 21, "TypeName": "datetimeV2.datetime",
              "Resolution": { "values": [ { "timex": "2024-12-16T16", "type": "datetime", "value": "2024-12-16 16:00:00" } ] } } ] },
          { "Input": "From 2007 to the end of 2008", "Context": { "ReferenceDateTime": "2024-12-16T00:00:00" },
            "Results": [ { "Text": "from 2007 to the end of 2008", "Start": 0, "End": 28, "TypeName": "datetimeV2.daterange",
              "Resolution": { "values": [ { "timex": "(2007-01-01,2009-01-01,P24M)", "type": "daterange", "start": "2007-01-01", "end": "2009-01-01" } ] } } ] },
          { "Input": "From 2007 to the start of 2008", "Context": { "ReferenceDateTime": "2024-12-16T00:00:00" },
            "Results": [ { "Text": "from 2007 to the start of 2008", "Start": 0, "End": 30, "TypeName": "datetimeV2.daterange",
              "Resolution": { "values": [ { "timex": "(2007-01-01,2008-01-01,P12M)", "type": "daterange", "start": "2007-01-01", "end": "2008-01-01" } ] } } ] },
          { "Input": "Back Thursday before 5pm", "Context": { "ReferenceDateTime": "2024-12-16T00:00:00" },
            "Results": [ { "Text": "thursday before 5pm", "Start": 5, "End": 24, "TypeName": "datetimeV2.datetimerange",
              "Resolution": { "values": [ { "timex": "XXXX-WXX-4T17", "type": "datetimerange", "Mod": "before", "end": "2024-12-19 17:00:00" } ] } } ] }
        ]
        """;

    [Fact]
    public void TakesTheEndOfADayAsTheDayWithModEnd()
    {
        var endOfDay = RecognizerSpecs.Parse(FifthSessionSpec)[0];
        var day = new TimeExpression(new Span(16, 34), TimexType.Date, "2024-12-16", "END");
        DateTimeSpecEvaluation.ScoreCase(endOfDay, [day]).Should().Be((1, true));
        // Without the modifier the day is not its end, and another day is wrong.
        DateTimeSpecEvaluation.ScoreCase(endOfDay, [day with { Modifier = null }]).Should().Be((0, false));
        DateTimeSpecEvaluation.ScoreCase(endOfDay, [day with { Value = "2024-12-17" }]).Should().Be((0, false));
    }

    [Fact]
    public void TakesADatetimeAsItsDayAndItsClockTime()
    {
        var bounded = RecognizerSpecs.Parse(FifthSessionSpec)[1];
        var today = new TimeExpression(new Span(5, 10), TimexType.Date, "2024-12-16");
        var clock = new TimeExpression(new Span(18, 21), TimexType.Time, "2024-12-16T16:00");
        DateTimeSpecEvaluation.ScoreCase(bounded, [today, clock]).Should().Be((1, true));
        // The clock on another day, or a third expression that is not the day, is not the datetime.
        DateTimeSpecEvaluation.ScoreCase(bounded, [today, clock with { Value = "2024-12-17T16:00" }]).Should().Be((0, false));
        DateTimeSpecEvaluation.ScoreCase(bounded, [today with { Value = "2024-12" }, clock]).Should().Be((0, false));
        // The day alone is not the datetime.
        DateTimeSpecEvaluation.ScoreCase(bounded, [today]).Should().Be((0, false));
    }

    [Fact]
    public void TakesAnEndModifiedUnitAsARangeEnd()
    {
        var cases = RecognizerSpecs.Parse(FifthSessionSpec);
        var from = new TimeExpression(new Span(5, 9), TimexType.Date, "2007");
        // "the end of 2008" ends the range on 2009-01-01, the spec's exclusive end.
        DateTimeSpecEvaluation.ScoreCase(cases[2], [from, new(new Span(13, 28), TimexType.Date, "2008", "END")]).Should().Be((1, true));
        DateTimeSpecEvaluation.ScoreCase(cases[2], [from, new(new Span(13, 28), TimexType.Date, "2008")]).Should().Be((0, false));
        // "2007" alone spans the second range; "the start of 2008" is still its end point, not an extra one.
        DateTimeSpecEvaluation.ScoreCase(cases[3], [from, new(new Span(13, 30), TimexType.Date, "2008", "START")]).Should().Be((1, true));
        DateTimeSpecEvaluation.ScoreCase(cases[3], [from, new(new Span(13, 30), TimexType.Date, "2010")]).Should().Be((1, false));
    }

    [Fact]
    public void TakesOnlyTheDatedReadingOfALoneBound()
    {
        var bound = RecognizerSpecs.Parse(FifthSessionSpec)[4];
        bound.Results[0].ResolvedValues.Should().Contain("2024-12-19 17:00:00");
        var thursday = new TimeExpression(new Span(5, 13), TimexType.Date, "2024-12-19");
        DateTimeSpecEvaluation.ScoreCase(bound, [thursday, new(new Span(21, 24), TimexType.Time, "2024-12-19T17:00")]).Should().Be((1, true));
        // A Wednesday, another hour, or a Thursday of another week is wrong: the spec's end names the week.
        DateTimeSpecEvaluation.ScoreCase(bound, [thursday with { Value = "2024-12-18" }, new(new Span(21, 24), TimexType.Time, "2024-12-18T17:00")]).Should().Be((0, false));
        DateTimeSpecEvaluation.ScoreCase(bound, [thursday, new(new Span(21, 24), TimexType.Time, "2024-12-19T18:00")]).Should().Be((0, false));
        DateTimeSpecEvaluation.ScoreCase(bound, [thursday with { Value = "2024-12-26" }, new(new Span(21, 24), TimexType.Time, "2024-12-26T17:00")]).Should().Be((0, false));
        DateTimeSpecEvaluation.ScoreCase(bound, [thursday with { Value = "2024-12-12" }, new(new Span(21, 24), TimexType.Time, "2024-12-12T17:00")]).Should().Be((0, false));
    }

    [Fact]
    public void TakesAnyWeeksWeekdayWhenTheSpecGivesNoDatedReading()
    {
        const string undated = """
            [ { "Input": "Back Thursday at 5pm", "Context": { "ReferenceDateTime": "2024-12-16T00:00:00" },
                "Results": [ { "Text": "thursday at 5pm", "Start": 5, "End": 20, "TypeName": "datetimeV2.datetime",
                  "Resolution": { "values": [ { "timex": "XXXX-WXX-4T17", "type": "datetime" } ] } } ] } ]
            """;
        var open = RecognizerSpecs.Parse(undated)[0];
        var value = new TimeExpression(new Span(5, 20), TimexType.Time, "2024-12-26T17:00");
        DateTimeSpecEvaluation.ScoreCase(open, [value]).Should().Be((1, true));
        DateTimeSpecEvaluation.ScoreCase(open, [value with { Value = "2024-12-25T17:00" }]).Should().Be((0, false));
    }

    [Fact]
    public void TakesAShiftAtTheGranularityOfItsUnit()
    {
        DateTimeSpecEvaluation.AtTheShiftsGranularity("2018-08", "2018-08-17", "two months ago").Should().BeTrue();
        DateTimeSpecEvaluation.AtTheShiftsGranularity("2016-W48", "2016-11-28", "3 weeks later").Should().BeTrue();
        DateTimeSpecEvaluation.AtTheShiftsGranularity("2016", "2016-11-28", "a year earlier").Should().BeTrue();
        // Another period, a unit the phrase does not name, a sum of units, or no shift word: wrong.
        DateTimeSpecEvaluation.AtTheShiftsGranularity("2018-07", "2018-08-17", "two months ago").Should().BeFalse();
        DateTimeSpecEvaluation.AtTheShiftsGranularity("2018", "2018-08-17", "two months ago").Should().BeFalse();
        DateTimeSpecEvaluation.AtTheShiftsGranularity("2016-W47", "2016-10-22", "2 weeks and 2 days ago").Should().BeFalse();
        DateTimeSpecEvaluation.AtTheShiftsGranularity("2018-08", "2018-08-17", "two months").Should().BeFalse();
        DateTimeSpecEvaluation.AtTheShiftsGranularity("2016-11", "2016-11-05", "2 days ago").Should().BeFalse("a day shift must give the day itself");
        // The day alone leaves out the clock an hour or minute shift gives.
        DateTimeSpecEvaluation.AtTheShiftsGranularity("2019-05-27", "2019-05-27T12:30:00", "30 minutes later").Should().BeFalse();
        DateTimeSpecEvaluation.AtTheShiftsGranularity("2019-05-27", "2019-05-27T09:00:00", "3 hours ago").Should().BeFalse();
    }

    [Fact]
    public void AcceptsAWeekOfAMonthAsTheIsoWeekOfTheSameDays()
    {
        // "last week of Dec 2016": the spec reads 2016-12-26 to 2017-01-02, which is ISO week 2016-W52.
        string[] reading = ["(2016-12-26,2017-01-02)"];
        DateTimeSpecEvaluation.WeekOfMonthAsIsoWeek("2016-W52", "2016-12-W05", [.. reading]).Should().BeTrue();
        // Another week, or a week-of-month value the spec gives no such reading for, is not.
        DateTimeSpecEvaluation.WeekOfMonthAsIsoWeek("2016-W51", "2016-12-W05", [.. reading]).Should().BeFalse();
        DateTimeSpecEvaluation.WeekOfMonthAsIsoWeek("2016-W52", "2016-12-W05", []).Should().BeFalse();
        // Only a week-of-month TIMEX: the same days written as a plain range or a month are not this rule's.
        DateTimeSpecEvaluation.WeekOfMonthAsIsoWeek("2016-W52", "(2016-12-26,2017-01-02,P1W)", [.. reading]).Should().BeFalse();
        DateTimeSpecEvaluation.WeekOfMonthAsIsoWeek("2016-12", "2016-12-W05", ["(2016-12-01,2017-01-01)"]).Should().BeFalse();
    }
}
