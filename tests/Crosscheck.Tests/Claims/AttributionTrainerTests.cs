using Crosscheck.Claims;
using FluentAssertions;

namespace Crosscheck.Tests.Claims;

public class AttributionTrainerTests
{
    [Fact]
    public void Trains_priors_and_a_cue_model_from_a_brat_folder()
    {
        var dir = Directory.CreateTempSubdirectory("attr-train");
        try
        {
            var text = Path.Combine(dir.FullName, "text");
            var ann = Path.Combine(dir.FullName, "attributions");
            Directory.CreateDirectory(text);
            Directory.CreateDirectory(ann);
            // 30 invented one-line documents: "said" is always a cue, "show" never is.
            for (int i = 0; i < 30; i++)
            {
                var body = $"The mayor said the road {i} is open. The show starts at {i}.";
                File.WriteAllText(Path.Combine(text, $"doc{i}.txt"), body);
                int said = body.IndexOf("said", StringComparison.Ordinal);
                File.WriteAllText(Path.Combine(ann, $"doc{i}_a1.ann"),
                    $"T1\tSource 0 9\tThe mayor\nT2\tCue {said} {said + 4}\tsaid\nT3\tContent {said + 5} {body.IndexOf(" is open", StringComparison.Ordinal) + 8}\tx\n" +
                    "E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n");
            }
            var output = Path.Combine(dir.FullName, "model", AttributionTrainer.PriorsFileName);
            var log = new StringWriter();
            var summary = AttributionTrainer.Train(dir.FullName, output, log);
            // The decision thresholds are chosen by the whole claims stage's attribution score on held-out training documents.
            log.ToString().Split('\n').Count(l => l.Contains("end to end on held-out train folds", StringComparison.Ordinal)).Should().Be(16);
            log.ToString().Should().Contain("heads >= 5 share >= 0.1, learned threshold 0, veto threshold 0: attribution P");
            summary.Documents.Should().Be(30);
            summary.Attributions.Should().Be(30);
            var priors = File.ReadAllLines(output).Where(l => !l.StartsWith('#')).Select(l => l.Split('\t')).ToDictionary(r => r[0]);
            priors["said"][1].Should().Be("30");
            priors["said"][2].Should().Be("30");
            priors.Should().NotContainKey("show", "a form that is never a cue is not written");
            File.Exists(Path.Combine(dir.FullName, "model", CueClassifier.FileName)).Should().BeTrue();
            using var stream = File.OpenRead(Path.Combine(dir.FullName, "model", CueClassifier.FileName));
            CueClassifier.Read(stream).Weights.Should().ContainKey("w=said");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void An_empty_folder_is_an_error_that_says_what_is_missing()
    {
        var dir = Directory.CreateTempSubdirectory("attr-empty");
        try
        {
            var act = () => AttributionTrainer.Train(dir.FullName, Path.Combine(dir.FullName, "out.tsv"));
            act.Should().Throw<DirectoryNotFoundException>().WithMessage("*No brat text/annotation pairs*");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
