using Crosscheck.Entities;
using FluentAssertions;

namespace Crosscheck.Tests.Entities;

public sealed class NerTrainerTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cc-ner-train").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private const string Corpus = """
        -DOCSTART- O

        Maria B-PER
        Lind I-PER
        visited O
        Tallinn B-LOC
        . O

        The O
        Nordic B-ORG
        Council I-ORG
        met O
        in O
        Oslo B-LOC
        . O

        President O
        Erik B-PER
        Strand I-PER
        spoke O
        . O

        """;

    private NerTrainingReport Train(string output) => NerTrainer.Train(new NerTrainingOptions
    {
        TrainingFiles = [Path.Combine(_dir, "tiny.conll")],
        OutputPath = output,
        Epochs = 6,
        BucketBits = 12,
        HoldOutEvery = 0,
    });

    [Fact]
    public void LearnsItsTrainingDataAndWritesTheSameBytesEveryTime()
    {
        File.WriteAllText(Path.Combine(_dir, "tiny.conll"), Corpus.Replace("\r\n", "\n"));
        var first = Train(Path.Combine(_dir, "a.bin.gz"));
        Train(Path.Combine(_dir, "b.bin.gz"));
        first.TrainingSentences.Should().Be(3);
        first.EpochTokenAccuracy.Should().HaveCount(6 * new NerTrainingOptions { TrainingFiles = [] }.Runs, "every run reports each of its epochs");
        File.ReadAllBytes(Path.Combine(_dir, "a.bin.gz")).Should().Equal(File.ReadAllBytes(Path.Combine(_dir, "b.bin.gz")));

        using var stream = File.OpenRead(first.ModelPath);
        var model = NerModel.Load(stream);
        var (text, spans) = NerTrainer.Join(["The", "Nordic", "Council", "met", "in", "Oslo", "."]);
        var tags = new int[spans.Length];
        model.Decode(text, spans, tags);
        int org = NerModel.BeginTag(1), loc = NerModel.BeginTag(2);
        tags.Should().Equal(0, org, org + 1, 0, 0, loc, 0);
    }

    [Fact]
    public void AnEnsembleOfShuffledRunsIsAnotherModelThatStillLearnsTheData()
    {
        File.WriteAllText(Path.Combine(_dir, "tiny.conll"), Corpus.Replace("\r\n", "\n"));
        NerModel TrainWithRuns(int runs, string name)
        {
            var report = NerTrainer.Train(new NerTrainingOptions
            {
                TrainingFiles = [Path.Combine(_dir, "tiny.conll")],
                OutputPath = Path.Combine(_dir, name),
                Epochs = 6,
                BucketBits = 12,
                HoldOutEvery = 0,
                Runs = runs,
            });
            using var stream = File.OpenRead(report.ModelPath);
            return NerModel.Load(stream);
        }

        var single = TrainWithRuns(1, "one.bin.gz");
        var ensemble = TrainWithRuns(2, "two.bin.gz");

        File.ReadAllBytes(Path.Combine(_dir, "one.bin.gz")).Should().NotEqual(File.ReadAllBytes(Path.Combine(_dir, "two.bin.gz")));
        var (text, spans) = NerTrainer.Join(["Erik", "Strand", "met", "in", "Oslo", "."]);
        foreach (var model in new[] { single, ensemble })
        {
            var tags = new int[spans.Length];
            model.Decode(text, spans, tags);
            tags.Should().Equal(NerModel.BeginTag(0), NerModel.BeginTag(0) + 1, 0, 0, NerModel.BeginTag(2), 0);
        }
    }

    [Fact]
    public void HoldsOutEveryNthDocumentAndWritesIt()
    {
        var docs = string.Concat(Enumerable.Range(0, 4).Select(i => $"-DOCSTART- O\n\nWord{i} B-PER\nran O\n\n"));
        File.WriteAllText(Path.Combine(_dir, "docs.conll"), docs);
        var report = NerTrainer.Train(new NerTrainingOptions
        {
            TrainingFiles = [Path.Combine(_dir, "docs.conll")],
            OutputPath = Path.Combine(_dir, "m.bin.gz"),
            Epochs = 1,
            BucketBits = 10,
            HoldOutEvery = 2,
            HeldOutDirectory = Path.Combine(_dir, "held"),
        });
        report.TrainingSentences.Should().Be(2);
        report.HeldOutSentences.Should().Be(2);
        File.ReadAllText(report.HeldOutFiles.Single()).Should().Contain("Word1 B-PER").And.Contain("Word3 B-PER").And.NotContain("Word0");
    }

    [Fact]
    public void TrainsGpeOnACountrysNameAsAPlaceAndKeepsACityEndingInEansAPlace()
    {
        string[] tokens = ["Sudan", "and", "Kenyan", "aid", "reached", "New", "Orleans", "."];
        string[] tags = ["B-gpe", "O", "B-gpe", "O", "O", "B-geo", "I-geo", "O"];
        int group = NerModel.BeginTag(IndexOf(EntityType.Group)), place = NerModel.BeginTag(IndexOf(EntityType.Place));
        NerTrainer.GoldTags(new ConllSentence([.. tokens], [.. tags])).Should().Equal(place, 0, group, 0, 0, place, place + 1, 0);
    }

    private static int IndexOf(EntityType type)
    {
        for (int i = 0; i < NerModel.Types.Count; i++)
        {
            if (NerModel.Types[i] == type) return i;
        }
        throw new ArgumentException($"{type} is not a model type.");
    }

    [Fact]
    public void TheShippedModelLoadsFromTheLibrary()
    {
        var model = NerModel.LoadDefault();
        var (text, spans) = NerTrainer.Join(["Officials", "in", "Moscow", "said", "so", "."]);
        var tags = new int[spans.Length];
        model.Decode(text, spans, tags);
        tags[2].Should().Be(NerModel.BeginTag(2));
    }
}
