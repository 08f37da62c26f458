using System.Text;
using System.Text.Json;
using Crosscheck.Report;
using FluentAssertions;

namespace Crosscheck.Tests.Report;

public class DocsExampleTests
{
    private static string ExampleJson()
    {
        var docs = File.ReadAllText(DossierJsonTests.RepoFile("docs", "dossier.md"));
        var start = docs.IndexOf("```json\n", StringComparison.Ordinal);
        start.Should().BeGreaterThan(0, "docs/dossier.md has a JSON example");
        start += "```json\n".Length;
        return docs[start..docs.IndexOf("```", start, StringComparison.Ordinal)];
    }

    [Fact]
    public void TheDocumentedExampleIsValidAndItsOffsetsQuoteWhatItSays()
    {
        var json = ExampleJson();
        using var doc = JsonDocument.Parse(json);
        var schema = JsonDocument.Parse(File.ReadAllText(DossierJsonTests.RepoFile("docs", "dossier.schema.json"))).RootElement;
        new MiniJsonSchema(schema).Validate(doc.RootElement).Should().BeEmpty();

        var dossier = DossierJson.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        DossierChecks.Check(dossier).Should().BeEmpty();
        var texts = dossier.Articles.ToDictionary(a => a.Id, a => a.Text);
        foreach (var time in dossier.Times) texts[time.Article][time.Start..time.End].Should().Be(time.Text);
        foreach (var q in dossier.Quantities) texts[q.Article][q.Start..q.End].Should().Be(q.Text);
        texts["courier"][59..62].Should().Be("RWA");
        var claim = dossier.Claims.Single();
        claim.Evidence.Select(e => texts[e.Article][e.Start..e.End].ToLowerInvariant())
            .Should().AllBe(claim.Content.ToLowerInvariant());
    }
}
