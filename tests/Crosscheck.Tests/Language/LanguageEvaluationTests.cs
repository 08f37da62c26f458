using Crosscheck.Evaluation;
using Crosscheck.Evaluation.Language;
using FluentAssertions;

namespace Crosscheck.Tests.Language;

public sealed class LanguageEvaluationTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "crosscheck-langeval-" + Guid.NewGuid().ToString("N"));

    public LanguageEvaluationTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void ScoresAHandMadeFolderWithKnownAnswers()
    {
        // Each file is one short piece; the fake identifier answers by the piece's first word, so the
        // counts below are known exactly: ru 2/3 (one said uk), uk 1/2 (one said ru), en 1/1, de 0/1 (und).
        Write("ru/a.txt", "ru first piece");
        Write("ru/b.txt", "ru second piece");
        Write("ru/c.txt", "uk third piece");
        Write("uk/a.txt", "uk first piece");
        Write("uk/b.txt", "ru second piece");
        Write("en/a.txt", "en piece");
        Write("de/a.tsv", "#\tsome url\n1\tund\tO\tO\n2\tpiece\tO\tO\n");
        Write("uk/README.md", "ru not a sample");
        Write("notes/a.txt", "ru not a language folder");
        var evaluation = new LanguageEvaluation(text => text.Split(' ')[0]);

        var report = evaluation.Evaluate(_folder);

        report.Task.Should().Be("language");
        report["accuracy"].Should().BeApproximately(4.0 / 7, 1e-9);
        report["accuracy.ru"].Should().BeApproximately(2.0 / 3, 1e-9);
        report["accuracy.uk"].Should().BeApproximately(0.5, 1e-9);
        report["accuracy.en"].Should().Be(1);
        report["accuracy.de"].Should().Be(0);
        report["macro_accuracy"].Should().BeApproximately((2.0 / 3 + 0.5 + 1 + 0) / 4, 1e-9);
        report["undetermined_rate"].Should().BeApproximately(1.0 / 7, 1e-9);
        report["confusion.ru->uk"].Should().Be(1);
        report["confusion.uk->ru"].Should().Be(1);
        report["confusion.de->und"].Should().Be(1);
        report.Metrics.Single(m => m.Name == "accuracy").Support.Should().Be(7);
    }

    [Fact]
    public void MissingOrEmptyFolderGivesAWarningNotAnException()
    {
        var evaluation = new LanguageEvaluation(_ => "en");

        evaluation.Evaluate(Path.Combine(_folder, "absent")).Warnings.Should().ContainSingle();
        evaluation.Evaluate(_folder).Warnings.Should().ContainSingle().Which.Should().Contain("No .txt");
    }

    [Fact]
    public void SplitsLongTextIntoParagraphPiecesAtSentenceEnds()
    {
        var sentence = "Это одно придуманное предложение для проверки разбиения текста. ";
        var text = string.Concat(Enumerable.Repeat(sentence, 20));

        var pieces = LanguageSamples.Split(text, 200, 400).ToList();

        pieces.Should().HaveCountGreaterThan(3);
        pieces.Should().OnlyContain(p => p.Length <= 400 + 200);
        pieces.Take(pieces.Count - 1).Should().OnlyContain(p => p.Length >= 200 && p.EndsWith('.'));
        string.Join(" ", pieces).Should().Be(text.Trim());
    }

    [Fact]
    public void SplitsAtWhitespaceWhenNoSentenceEnds()
    {
        var text = string.Join(' ', Enumerable.Repeat("слово", 300));

        var pieces = LanguageSamples.Split(text, 200, 400).ToList();

        pieces.Take(pieces.Count - 1).Should().OnlyContain(p => p.Length >= 100 && p.Length <= 400 && !p.EndsWith(' '));
        string.Join(" ", pieces).Should().Be(text);
    }

    [Fact]
    public void RebuildsSentencesFromTokenPerLineFiles()
    {
        var lines = new[] { "#\thttp://example.org\t[2010-01-01]", "1\tEr\tO\tO", "2\tkam\tO\tO", "3\t(\tO\tO", "4\tspät\tO\tO", "5\t)\tO\tO", "6\t.\tO\tO", "", "1\tJa\tO\tO", "2\t,\tO\tO", "3\tgut\tO\tO" };

        LanguageSamples.JoinTokens(lines).Should().Be("Er kam (spät).\nJa, gut");
    }

    [Fact]
    public void ReadsCoNllStyleTokenTagRows()
    {
        LanguageSamples.JoinTokens(["Kyiv\tB-LOC", "is\tO", "calm\tO", ".\tO"]).Should().Be("Kyiv is calm.");
    }

    [Fact]
    public void IsRegisteredUnderItsTaskWord()
    {
        EvaluationRegistry.Find("language").Should().BeOfType<LanguageEvaluation>();
    }

    [SharedDataFact("datasets", "multilingual")]
    public void IdentifiesTheSharedMultilingualParagraphs()
    {
        var report = new LanguageEvaluation().Evaluate(SharedData.Path("datasets", "multilingual")!);

        report["accuracy.ru"].Should().BeGreaterThan(0.97);
        report["accuracy.uk"].Should().BeGreaterThan(0.99);
        report["accuracy.de"].Should().BeGreaterThan(0.98);
        report["confusion.ru->uk"].Should().BeLessThanOrEqualTo(2);
        report["confusion.uk->ru"].Should().BeLessThanOrEqualTo(5);
    }

    private void Write(string relative, string content)
    {
        var path = Path.Combine(_folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }
}
