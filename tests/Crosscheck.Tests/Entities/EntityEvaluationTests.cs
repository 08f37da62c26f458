using System.Collections.Immutable;
using Crosscheck.Entities;
using Crosscheck.Evaluation;
using Crosscheck.Evaluation.Entities;
using Crosscheck.Text;
using FluentAssertions;

namespace Crosscheck.Tests.Entities;

public sealed class EntityEvaluationTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cc-entities-eval").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void ReadsIob1AndIob2AsTheSameChunks()
    {
        // IOB1: I- opens a chunk; B- only separates two adjacent chunks of one type.
        string[] iob1 = ["I-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-ORG"];
        string[] iob2 = ["B-PER", "I-PER", "O", "B-LOC", "B-LOC", "B-ORG"];
        var expected = new[] { new ConllChunk(0, 2, "PER"), new ConllChunk(3, 4, "LOC"), new ConllChunk(4, 5, "LOC"), new ConllChunk(5, 6, "ORG") };
        ConllReader.Chunks(iob1).Should().Equal(expected);
        ConllReader.Chunks(iob2).Should().Equal(expected);
    }

    [Fact]
    public void ReadsIobesAndStrayInsideTags()
    {
        ConllReader.Chunks(["S-PER", "B-ORG", "E-ORG", "I-LOC", "I-PER"])
            .Should().Equal(new ConllChunk(0, 1, "PER"), new ConllChunk(1, 3, "ORG"), new ConllChunk(3, 4, "LOC"), new ConllChunk(4, 5, "PER"));
    }

    [Fact]
    public void JoinsADetachedPossessiveOntoItsWordAsNewsTextWritesIt()
    {
        // Gold tokens split "Veldmark's" into "Veldmark" "'s"; the article must read "Veldmark's", and spans still map.
        string[] tokens = ["The", "Veldmark", "'s", "Harbour", "Authority", "met", "in", "Ostrava", "."];
        string[] tags = ["O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O", "B-LOC", "O"];
        var document = new ConllDocument([new ConllSentence([.. tokens], [.. tags])]);
        var (text, gold, _) = EntityEvaluation.BuildDocument(document);
        text.Should().Be("The Veldmark's Harbour Authority met in Ostrava .");
        gold.Select(g => (g.Item1.Of(text), g.Item2)).Should().Equal(("Veldmark's Harbour Authority", "ORG"), ("Ostrava", "LOC"));
        Tokenizer.Tokenize(text).Select(t => t.Span.Of(text)).Should().ContainInOrder("Veldmark", "'s", "Harbour");
    }

    [Theory]
    [InlineData("gpe", "Talks|with|Nepal|resumed", 2, 3, EntityType.Place)]
    [InlineData("gpe", "Envoys|from|Costa|Rica|arrived", 2, 4, EntityType.Place)]
    [InlineData("gpe", "Iraqi|troops|patrolled", 0, 1, EntityType.Group)]
    [InlineData("gpe", "Swiss|bankers|objected", 0, 1, EntityType.Group)]
    [InlineData("gpe", "English|teachers|arrived", 0, 1, EntityType.Group)]
    [InlineData("LOC", "The|American|envoy|spoke", 1, 2, EntityType.Group)]
    [InlineData("geo", "A|Portuguese|ship|docked", 1, 2, EntityType.Group)]
    [InlineData("geo", "Floods|hit|New|Orleans|again", 2, 4, EntityType.Place)]
    [InlineData("geo", "Islands|of|the|Indian|Ocean", 3, 5, EntityType.Place)]
    [InlineData("geo", "Rain|fell|on|Nepal", 3, 4, EntityType.Place)]
    public void ADatasetChunkTakesTheTypeTheModelIsTrainedTo(string tag, string sentence, int start, int end, EntityType expected)
    {
        // gpe on a country's or city's name is a place, on a demonym ("Swiss"; "English" is also a small town) a group;
        // "-ean"/"-ian" at the end of a longer place name ("New Orleans", "Indian Ocean") is no nationality.
        EntityTypeMapping.FromDatasetChunk(tag, sentence.Split('|'), start, end).Should().Be(expected);
    }

    [Fact]
    public void ScoresGpeOnACountrysNameAsAPlaceAndANationalityTaggedLocAsMisc()
    {
        string[] tokens = ["Jordan", "and", "Iraqi", "envoys", "met", "American", "officials", "in", "Oslo", "."];
        string[] tags = ["B-gpe", "O", "B-gpe", "O", "O", "B-geo", "O", "O", "B-geo", "O"];
        var document = new ConllDocument([new ConllSentence([.. tokens], [.. tags])]);
        var (text, gold, _) = EntityEvaluation.BuildDocument(document);
        gold.Select(g => (g.Item1.Of(text), g.Item2)).Should().Equal(("Jordan", "LOC"), ("Iraqi", "MISC"), ("American", "MISC"), ("Oslo", "LOC"));
    }

    [Fact]
    public void ScoresRe3dTypesAsConllClassesAndLeavesTypesWithoutACounterpartOut()
    {
        // re3d (the out-of-domain check): Person/Organisation/Location/Nationality are PER/ORG/LOC/MISC;
        // Weapon, MilitaryPlatform, Temporal, Quantity, Money and DocumentReference are no names here.
        string[] tokens = ["Colonel", "Vessa", "Kurnik", "of", "the", "Halden", "Rifles", "said", "Ostravan", "drones", "struck", "Mirovo", "on", "Tuesday", "with", "mortars", "."];
        string[] tags = ["B-Person", "I-Person", "I-Person", "O", "B-Organisation", "I-Organisation", "I-Organisation", "O", "B-Nationality", "B-MilitaryPlatform", "O", "B-Location", "O", "B-Temporal", "O", "B-Weapon", "O"];
        var document = new ConllDocument([new ConllSentence([.. tokens], [.. tags])]);
        var (text, gold, stripped) = EntityEvaluation.BuildDocument(document);
        gold.Select(g => (g.Item1.Of(text), g.Item2)).Should().Equal(
            ("Vessa Kurnik", "PER"), ("the Halden Rifles", "ORG"), ("Ostravan", "MISC"), ("Mirovo", "LOC"));
        stripped.Should().Be(1);
        EntityTypeMapping.ConllClassOf("Weapon").Should().BeNull();
        EntityTypeMapping.ConllClassOf("DocumentReference").Should().BeNull();
    }

    [Fact]
    public void ScoresExactSpanAndClassOnly()
    {
        var scorer = new EntityScorer();
        (Span, string)[] gold = [(new Span(0, 5), "PER"), (new Span(10, 15), "LOC"), (new Span(20, 30), "ORG")];
        (Span, string)[] predicted = [(new Span(0, 5), "PER"), (new Span(10, 15), "ORG"), (new Span(20, 29), "ORG"), (new Span(40, 45), "MISC")];
        scorer.Add(gold, predicted);
        scorer.Overall.Should().Be(new Prf(1, 3, 2));
        scorer.Overall.Precision.Should().Be(0.25);
        scorer.Overall.Recall.Should().BeApproximately(1 / 3.0, 1e-9);
        scorer.ByClass["ORG"].Should().Be(new Prf(0, 2, 1));
        scorer.ByClass["LOC"].Should().Be(new Prf(0, 0, 1));
        scorer.ByClass["MISC"].Should().Be(new Prf(0, 1, 0));
    }

    [Fact]
    public void ListsEachMissOnceWithItsKindInTextOrder()
    {
        const string text = "Mira Tolvanen of the Harbour Board met Halden officials in Ostrava.";
        Span Of(string s) => new(text.IndexOf(s, StringComparison.Ordinal), text.IndexOf(s, StringComparison.Ordinal) + s.Length);
        (Span, string)[] gold = [(Of("Mira Tolvanen"), "PER"), (Of("Harbour Board"), "ORG"), (Of("Halden"), "MISC"), (Of("Ostrava"), "LOC")];
        (Span, string)[] predicted = [(Of("Mira Tolvanen"), "PER"), (Of("the Harbour Board"), "ORG"), (Of("Halden"), "LOC"), (Of("officials"), "ORG")];
        var misses = new List<string>();

        new EntityScorer().Add(gold, predicted, "doc1", text, misses);

        misses.Select(m => m.Split('\t')[1..6]).Should().BeEquivalentTo(
            new[]
            {
                new[] { "wrong span", "Harbour Board", "ORG", "the Harbour Board", "ORG" },
                new[] { "wrong class", "Halden", "MISC", "Halden", "LOC" },
                new[] { "spurious", "", "", "officials", "ORG" },
                new[] { "missed", "Ostrava", "LOC", "", "" },
            },
            options => options.WithStrictOrdering());
        misses.Should().AllSatisfy(m => m.Split('\t').Should().HaveCount(EntityScorer.MissColumns.Split('\t').Length));
    }

    /// <summary>A stand-in recogniser: every capitalised word is a one-word person.</summary>
    private sealed class CapitalisedWordsArePeople : IStage
    {
        public string Name => "entities";

        public IReadOnlyList<LayerKey> Requires { get; } = [Layers.Tokens];

        public IReadOnlyList<LayerKey> Produces { get; } = [Layers.Entities];

        public AnalyzedArticle Process(AnalyzedArticle article, AnalysisContext context)
        {
            var mentions = article.Get(Layers.Tokens)
                .Where(t => t.Kind == TokenKind.Word && char.IsUpper(article.Text[t.Span.Start]))
                .Select((t, i) => new EntityMention(t.Span, EntityType.Person, i)).ToImmutableArray();
            var entities = mentions.Select((m, i) => new ArticleEntity(i, EntityType.Person, m.Span.Of(article.Text), [])).ToImmutableArray();
            return article.With(Layers.Entities, new EntityLayer(mentions, entities));
        }
    }

    [Fact]
    public void EvaluatesAFolderOfIob1AndGmbFilesAgainstAGivenPipeline()
    {
        Write("a.conll", "-DOCSTART- O\n\nAnna I-PER\nmet O\nBob I-PER\nSmith I-PER\nin O\nRiga I-LOC\n. O\n");
        // GMB style: tab-separated with a POS column; the title is scored off the person span; tim is ignored.
        Write("b.conll.txt", "President\tNNP\tB-per\nLee\tNNP\tI-per\nleft\tVBD\tO\nMonday\tNNP\tB-tim\n");
        Write("notes.txt", "not a conll file");
        var evaluation = new EntityEvaluation(() => new PipelineBuilder().Add(new TextStage()).Add(new CapitalisedWordsArePeople()).Build());

        var report = evaluation.Evaluate(_dir);

        // Predicted: Anna, Bob, Smith, Riga (all PER) + President, Lee, Monday. Gold: Anna, Bob Smith, Riga(LOC), Lee.
        // Hits: Anna, Lee -> TP 2, FP 5, FN 2.
        report["entities.precision"].Should().BeApproximately(2 / 7.0, 1e-9);
        report["entities.recall"].Should().BeApproximately(0.5, 1e-9);
        report["PER.f1"].Should().BeApproximately(0.4, 1e-9); // P 2/7, R 2/3
        report["LOC.recall"].Should().Be(0);
        report["documents"].Should().Be(2);
        report.Warnings.Should().Contain(w => w.Contains("titles"));
    }

    [Fact]
    public void WarnsWhenThereIsNothingToScore()
    {
        var report = new EntityEvaluation().Evaluate(Path.Combine(_dir, "missing"));
        report.Metrics.Should().BeEmpty();
        report.Warnings.Should().ContainSingle();
    }

    [SharedDataFact("datasets", "ner-en", "wikigold")]
    public void ScoresTheDefaultRecogniserOnWikiGold()
    {
        var report = new EntityEvaluation().Evaluate(SharedData.Path("datasets", "ner-en", "wikigold")!);
        report["entities.f1"].Should().BeGreaterThan(0.6);
        report["PER.recall"].Should().BeGreaterThan(0.7);
    }
}
