using Crosscheck.Evaluation;
using Crosscheck.Evaluation.Stories;
using Crosscheck.Stories;
using FluentAssertions;

namespace Crosscheck.Tests.Stories;

public class StoryEvaluationTests
{
    [Fact]
    public void Reads_ecb_token_xml_into_one_line_per_sentence()
    {
        var dir = Directory.CreateTempSubdirectory("stories-xml");
        try
        {
            var file = Path.Combine(dir.FullName, "1_1ecb.xml");
            File.WriteAllText(file, """
                <Document doc_name="1_1ecb.xml">
                <token t_id="1" sentence="0" number="0">Storm</token>
                <token t_id="2" sentence="0" number="1">hits</token>
                <token t_id="3" sentence="0" number="2">.</token>
                <token t_id="4" sentence="1" number="0">Roads</token>
                <token t_id="5" sentence="1" number="1">close</token>
                <Markables><ACTION_OCCURRENCE m_id="1"/></Markables>
                </Document>
                """);
            StoryCorpus.ReadTokenXml(file).Should().Be("Storm hits .\nRoads close");
        }
        finally { dir.Delete(true); }
    }

    [Fact]
    public void Scores_a_folder_of_text_reports_against_gold_tsv()
    {
        var dir = Directory.CreateTempSubdirectory("stories-txt");
        try
        {
            var flood = "Floodwaters from the Ambre river swept through Castelnoir and rescue crews evacuated the lower town; Mayor Ilse Varnet blamed the levee.";
            var vote = "Voters in Dunmere elected Tobias Renshaw as governor after a tight race against Mara Quill, who conceded on Sunday.";
            File.WriteAllText(Path.Combine(dir.FullName, "a1.txt"), flood + " Helicopters lifted families from roofs.");
            File.WriteAllText(Path.Combine(dir.FullName, "a2.txt"), flood + " Schools stayed closed.");
            File.WriteAllText(Path.Combine(dir.FullName, "b1.txt"), vote + " Turnout was high.");
            File.WriteAllText(Path.Combine(dir.FullName, "b2.txt"), vote + " Renshaw thanked volunteers.");
            File.WriteAllText(Path.Combine(dir.FullName, "notes.txt"), "not listed in gold, so not a report");
            File.WriteAllText(Path.Combine(dir.FullName, "gold.tsv"), "doc\tcluster\na1\tflood\na2.txt\tflood\nb1\tvote\nb2\tvote\nc9\tvote\n");

            var report = new StoryEvaluation().Evaluate(dir.FullName);
            report.Task.Should().Be("stories");
            report["bcubed.f1"].Should().Be(1);
            report["pairwise.f1"].Should().Be(1);
            report["clusters.predicted"].Should().Be(2);
            // Two plain stories come out the same whichever report is read first.
            report["orders.bcubed.f1.min"].Should().Be(1);
            report["orders.bcubed.f1.mean"].Should().Be(1);
            report.Warnings.Should().ContainSingle(w => w.Contains("1 documents listed"));
        }
        finally { dir.Delete(true); }
    }

    [Fact]
    public void Is_registered_under_its_task_word()
    {
        EvaluationRegistry.Find("stories").Should().BeOfType<StoryEvaluation>();
    }

    [SharedDataFact("datasets", "ecbplus-dev", "ECB+")]
    public void Clusters_ecb_plus_dev_well()
    {
        var report = new StoryEvaluation().Evaluate(SharedData.Path("datasets", "ecbplus-dev", "ECB+")!);
        report["bcubed.f1"].Should().BeGreaterThan(0.85);
        report["pairwise.f1"].Should().BeGreaterThan(0.78);
    }
}
