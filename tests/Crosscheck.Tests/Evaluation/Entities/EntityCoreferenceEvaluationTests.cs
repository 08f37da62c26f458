using Crosscheck.Entities;
using System.Collections.Immutable;
using Crosscheck.Evaluation.Entities;
using Crosscheck.Text;
using FluentAssertions;

namespace Crosscheck.Tests.Evaluation.Entities;

public sealed class EntityCoreferenceEvaluationTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cc-entity-links").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Tokens(params string[][] sentences)
    {
        var lines = new List<string>();
        int id = 1;
        for (int s = 0; s < sentences.Length; s++)
        {
            foreach (var word in sentences[s]) lines.Add($"<token t_id=\"{id++}\" sentence=\"{s}\">{word}</token>");
        }
        return string.Join("\n", lines);
    }

    private void WriteEcbStyle(string topic, string name, string tokens, string markables, string relations)
    {
        var folder = Path.Combine(_dir, topic);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, name + ".xml"),
            $"<Document doc_name=\"{name}.xml\">\n{tokens}\n<Markables>\n{markables}\n</Markables>\n<Relations>\n{relations}\n</Relations>\n</Document>");
    }

    private void WriteTwoReportsAboutOneMayor()
    {
        // Report 1: "Mayor Ilse Varga opened the bridge in Dornbach ." Report 2: "Yesterday Ilse Varga said the residents of Dornbach cheered ."
        WriteEcbStyle("7", "7_1ecb",
            Tokens(["Mayor", "Ilse", "Varga", "opened", "the", "bridge", "in", "Dornbach", "."]),
            """
            <HUMAN_PART_PER m_id="1"><token_anchor t_id="2"/><token_anchor t_id="3"/></HUMAN_PART_PER>
            <LOC_GEO m_id="2"><token_anchor t_id="8"/></LOC_GEO>
            <HUMAN_PART_PER m_id="9" RELATED_TO="" TAG_DESCRIPTOR="varga" instance_id="HUMvarga"/>
            <LOC_GEO m_id="8" RELATED_TO="" TAG_DESCRIPTOR="dornbach" instance_id="LOCdornbach"/>
            """,
            """
            <CROSS_DOC_COREF r_id="1" note="HUMvarga"><source m_id="1"/><target m_id="9"/></CROSS_DOC_COREF>
            <CROSS_DOC_COREF r_id="2" note="LOCdornbach"><source m_id="2"/><target m_id="8"/></CROSS_DOC_COREF>
            """);
        WriteEcbStyle("7", "7_2ecb",
            Tokens(["Yesterday", "Ilse", "Varga", "said", "the", "residents", "of", "Dornbach", "cheered", "."]),
            """
            <HUMAN_PART_PER m_id="1"><token_anchor t_id="2"/><token_anchor t_id="3"/></HUMAN_PART_PER>
            <HUMAN_PART_GENERIC m_id="3"><token_anchor t_id="6"/></HUMAN_PART_GENERIC>
            <LOC_GEO m_id="2"><token_anchor t_id="8"/></LOC_GEO>
            <HUMAN_PART_PER m_id="9" RELATED_TO="" TAG_DESCRIPTOR="varga" instance_id="HUMvarga"/>
            <LOC_GEO m_id="8" RELATED_TO="" TAG_DESCRIPTOR="dornbach" instance_id="LOCdornbach"/>
            """,
            """
            <CROSS_DOC_COREF r_id="1" note="HUMvarga"><source m_id="1"/><target m_id="9"/></CROSS_DOC_COREF>
            <CROSS_DOC_COREF r_id="2" note="LOCdornbach"><source m_id="2"/><target m_id="8"/></CROSS_DOC_COREF>
            """);
    }

    [Fact]
    public void ReadsChainsAcrossDocumentsAndLeavesGenericPeopleOut()
    {
        WriteTwoReportsAboutOneMayor();
        var (documents, warnings) = CoreferenceCorpus.Load(_dir);
        warnings.Should().BeEmpty();
        documents.Should().HaveCount(2);
        var first = documents.Single(d => d.Id == "7_1ecb");
        first.Group.Should().Be("7");
        first.Mentions.Select(m => first.Text[m.Start..m.End]).Should().Equal("Ilse Varga", "Dornbach");
        documents.SelectMany(d => d.Mentions).Select(m => m.Chain).Distinct().Should().BeEquivalentTo(["HUMvarga", "LOCdornbach"]);
        documents.SelectMany(d => d.Mentions).Should().OnlyContain(m => m.Named);
    }

    [Fact]
    public void APerfectLinkerScoresOneAndALinkerThatNeverMergesScoresLess()
    {
        WriteTwoReportsAboutOneMayor();
        var real = new EntityCoreferenceEvaluation(NamesAfterTheFirstWord, () => new CrossReportEntityLinker()).Evaluate(_dir);
        real["documents"].Should().Be(2);
        real["recognised.share"].Should().Be(1);
        real["bcubed.f1"].Should().Be(1);

        var apart = new EntityCoreferenceEvaluation(NamesAfterTheFirstWord, () => new NeverMerges()).Evaluate(_dir);
        apart["bcubed.precision"].Should().Be(1);
        apart["bcubed.recall"].Should().Be(0.5);
    }

    [Fact]
    public void ReadsMeantimeNamedMentionsOnly()
    {
        var folder = Path.Combine(_dir, "corpus_test");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "1_doc.xml"), $"""
            <Document doc_id="1" doc_name="1_doc" lang="en">
            {Tokens(["Tessel", "Turbines", "said", "the", "company", "grew", "."])}
            <Markables>
            <ENTITY_MENTION m_id="1" syntactic_type="NAM"><token_anchor t_id="1"/><token_anchor t_id="2"/></ENTITY_MENTION>
            <ENTITY_MENTION m_id="2" syntactic_type="NOM"><token_anchor t_id="4"/><token_anchor t_id="5"/></ENTITY_MENTION>
            <ENTITY m_id="3" ent_type="ORG" instance_id="ORGtessel" TAG_DESCRIPTOR="Tessel Turbines"/>
            </Markables>
            <Relations>
            <REFERS_TO r_id="1"><source m_id="1"/><source m_id="2"/><target m_id="3"/></REFERS_TO>
            </Relations>
            </Document>
            """);
        var (documents, _) = CoreferenceCorpus.Load(_dir);
        var mentions = documents.Single().Mentions;
        mentions.Should().HaveCount(2);
        mentions.Should().OnlyContain(m => m.Chain == "ORGtessel");
        mentions.Count(m => m.Named).Should().Be(1);
    }

    [Fact]
    public void AFolderWithoutAnnotatedXmlGivesAWarningNotACrash()
    {
        File.WriteAllText(Path.Combine(_dir, "notes.xml"), "<notes/>");
        var report = new EntityCoreferenceEvaluation().Evaluate(_dir);
        report.Metrics.Should().BeEmpty();
        report.Warnings.Should().ContainSingle().Which.Should().Contain("No ECB+ or MEANTIME");
    }

    [SharedDataFact("datasets", "ecbplus-dev")]
    public void OnEcbPlusLinkingBeatsMatchingTheSameText()
    {
        var report = new EntityCoreferenceEvaluation().Evaluate(SharedData.Path("datasets", "ecbplus-dev")!);
        report["bcubed.f1"].Should().BeGreaterThan(report["baseline.same-text.bcubed.f1"]);
        report["recognised.share"].Should().BeGreaterThan(0.9);
    }

    private static Pipeline NamesAfterTheFirstWord() => new PipelineBuilder().Add(new TextStage()).Add(new CapitalisedRunsAreNames()).Build();

    /// <summary>A stand-in recogniser, so the scoring is tested apart from the model: each run of capitalised words after a sentence's first word is a place named by its text.</summary>
    private sealed class CapitalisedRunsAreNames : IStage
    {
        public string Name => "entities";

        public IReadOnlyList<LayerKey> Requires { get; } = [Layers.Tokens];

        public IReadOnlyList<LayerKey> Produces { get; } = [Layers.Entities];

        public AnalyzedArticle Process(AnalyzedArticle article, AnalysisContext context)
        {
            var tokens = article.Get(Layers.Tokens);
            var mentions = ImmutableArray.CreateBuilder<EntityMention>();
            var entities = ImmutableArray.CreateBuilder<ArticleEntity>();
            for (int i = 1; i < tokens.Length; i++)
            {
                if (!char.IsUpper(article.Text[tokens[i].Span.Start]) || tokens[i].Sentence != tokens[i - 1].Sentence) continue;
                int end = i;
                while (end + 1 < tokens.Length && char.IsUpper(article.Text[tokens[end + 1].Span.Start])) end++;
                var span = new Span(tokens[i].Span.Start, tokens[end].Span.End);
                mentions.Add(new EntityMention(span, EntityType.Place, entities.Count));
                entities.Add(new ArticleEntity(entities.Count, EntityType.Place, span.Of(article.Text), []));
                i = end;
            }
            return article.With(Layers.Entities, new EntityLayer(mentions.ToImmutable(), entities.ToImmutable()));
        }
    }

    private sealed class NeverMerges : IEntityLinker
    {
        public EntityLinking Link(IReadOnlyList<AnalyzedArticle> articles)
        {
            var idOf = new Dictionary<ArticleEntityRef, string>();
            foreach (var article in articles)
            {
                if (!article.TryGet(Layers.Entities, out var layer)) continue;
                foreach (var entity in layer.Entities) idOf[new ArticleEntityRef(article.Article.Id, entity.Index)] = $"{article.Article.Id}/{entity.Index}";
            }
            return new EntityLinking([], idOf);
        }
    }
}
