using System.Security.Cryptography;
using System.Text;
using Crosscheck.Crosschecking;
using FluentAssertions;

namespace Crosscheck.Tests.Crosschecking;

/// <summary>The motivating example: five real reports of one story, with whatever stages the pipeline has.</summary>
public class SeedsTests
{
    [SharedDataFact("corpus", "seeds")]
    public void The_seed_reports_make_one_story()
    {
        var pipeline = DefaultPipeline.Create();
        var context = new AnalysisContext(new DateOnly(2024, 12, 20));
        var articles = Directory.GetFiles(SharedData.Path("corpus", "seeds")!, "*.txt").Order(StringComparer.Ordinal)
            .Select(file =>
            {
                var text = File.ReadAllText(file);
                var article = new Article
                {
                    Id = Path.GetFileNameWithoutExtension(file),
                    Text = text,
                    ContentHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))),
                };
                return pipeline.Analyze(article, context).Article;
            })
            .ToList();
        var dossier = new DossierAssembler(new NameEntityLinker()).Assemble(articles, new DateOnly(2024, 12, 20));
        dossier.Stories.Should().ContainSingle().Which.Articles.Should().HaveCount(5);
    }
}
