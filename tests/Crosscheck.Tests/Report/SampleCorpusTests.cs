using System.Text.Json;
using System.Text.RegularExpressions;
using FluentAssertions;

namespace Crosscheck.Tests.Report;

/// <summary>
/// Keeps samples/ and samples/README.md honest: every trap the README names is in the file it
/// names, and every input file is in the formats the README says.
/// </summary>
public class SampleCorpusTests
{
    private static readonly string Samples = DossierJsonTests.RepoFile("samples");
    private static readonly string[] NewsPleaseFields = ["title", "maintext", "date_publish", "source_domain", "url"];

    // | trap | `file` | `exact words` | conclusion |
    private static readonly Regex TrapRow = new(@"^\| [^|]+ \| `(?<file>[^`]+)` \| `(?<words>[^`]+)` \|", RegexOptions.Multiline);

    private static string ReadableText(string file)
    {
        var path = Path.Combine(Samples, file);
        return Path.GetExtension(file) switch
        {
            ".json" => JsonRecordText(File.ReadAllText(path)),
            ".jsonl" => string.Join("\n", File.ReadLines(path).Where(l => l.Length > 0).Select(JsonRecordText)),
            _ => File.ReadAllText(path),
        };
    }

    private static string JsonRecordText(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.GetProperty("title").GetString() + "\n" + doc.RootElement.GetProperty("maintext").GetString();
    }

    [Fact]
    public void EveryTrapTheReadmeNamesIsInTheFileItNames()
    {
        var readme = File.ReadAllText(Path.Combine(Samples, "README.md"));
        var rows = TrapRow.Matches(readme);
        rows.Count.Should().BeGreaterThan(30);
        foreach (Match row in rows)
        {
            var file = row.Groups["file"].Value;
            var words = row.Groups["words"].Value;
            ReadableText(file).Should().Contain(words, $"samples/README.md says {file} contains it");
        }
    }

    [Theory]
    [InlineData("harbor-courier-rescue.txt", "Ferry operator raises summer fares by 12 percent", 2)]
    [InlineData("harbor-courier-rescue.txt", "Flood water covers a stretch of the Tessel valley below the breached dam. Photo: Owen Tudor/MPA", 2)]
    [InlineData("westward-digest-roundup.txt", "Ferry operator raises summer fares by 12 percent", 2)]
    public void RepeatedDebrisIsRepeated(string file, string words, int times) =>
        Regex.Matches(ReadableText(file), Regex.Escape(words)).Count.Should().Be(times);

    [Fact]
    public void FilesAreInTheDocumentedFormats()
    {
        var readme = File.ReadAllText(Path.Combine(Samples, "README.md"));
        var files = Directory.GetFiles(Samples).Select(f => Path.GetFileName(f)).Where(f => f != "README.md").ToList();
        files.Should().HaveCountGreaterThanOrEqualTo(8);
        foreach (var file in files) readme.Should().Contain($"`{file}`", "every sample is described");

        using (var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Samples, "valley-post-toll.json"))))
        {
            foreach (var field in NewsPleaseFields) doc.RootElement.TryGetProperty(field, out _).Should().BeTrue(field);
        }
        var lines = File.ReadAllLines(Path.Combine(Samples, "coastline-radio-feed.jsonl")).Where(l => l.Length > 0).ToList();
        lines.Should().HaveCount(2);
        foreach (var line in lines)
        {
            using var doc = JsonDocument.Parse(line);
            foreach (var field in NewsPleaseFields) doc.RootElement.TryGetProperty(field, out _).Should().BeTrue(field);
        }

        var dated = files.Where(f => f.EndsWith(".txt", StringComparison.Ordinal) && Regex.IsMatch(File.ReadAllText(Path.Combine(Samples, f)), @"^ date \d{4}-\d{2}-\d{2} ")).ToList();
        dated.Should().BeEquivalentTo(["mpa-wire-dam-breach.txt", "harbor-courier-rescue.txt", "port-kessing-concert-hall.txt"]);
        File.ReadAllText(Path.Combine(Samples, "border-herald-inquiry.html")).Should().Contain("<nav>").And.Contain("class=\"related\"").And.Contain("class=\"share\"");
    }
}
