using System.Collections.Immutable;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Crosscheck.Report;
using FluentAssertions;

namespace Crosscheck.Tests.Report;

public class DossierJsonTests
{
    internal static string RepoFile(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Crosscheck.slnx"))) return Path.Combine([dir.FullName, .. parts]);
        }
        throw new InvalidOperationException("Crosscheck.slnx not found above " + AppContext.BaseDirectory);
    }

    private static JsonElement Schema() => JsonDocument.Parse(File.ReadAllText(RepoFile("docs", "dossier.schema.json"))).RootElement;

    private static string Json(Dossier dossier)
    {
        using var stream = new MemoryStream();
        DossierJson.Write(dossier, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public void RoundTripsWithoutLosingAnything()
    {
        var json = Json(DossierFixture.Build());
        var back = DossierJson.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        Json(back).Should().Be(json);
        back.Claims[0].Evidence[1].Should().Be(DossierFixture.Build().Claims[0].Evidence[1]);
        back.Entities[2].Place!.Admin1.Should().Be("Wales");
        back.ReferenceDate.Should().Be(new DateOnly(2025, 3, 20));
    }

    [Fact]
    public void WritesCamelCaseIndentedUtf8AndOmitsOnlyNullOptionals()
    {
        var dossier = DossierFixture.Build();
        var json = Json(dossier with { Articles = [dossier.Articles[0] with { Title = "Brannock – “café” \"quoted\" \\ end\u0001" }, .. dossier.Articles.Skip(1)] });
        json.Should().Contain("\"publishedHow\": \"given\"").And.Contain("\"referenceDate\": \"2025-03-20\"");
        json.Should().Contain("–").And.Contain("“café”", "non-ASCII text stays readable");
        json.Should().Contain("\\\"quoted\\\"").And.Contain("\\\\ end").And.Contain("\\u0001");
        json.Should().Contain("\n  \"articles\": [");
        using var doc = JsonDocument.Parse(json);
        var undated = doc.RootElement.GetProperty("articles")[2];
        undated.TryGetProperty("published", out _).Should().BeFalse("a null optional is left out");
        undated.GetProperty("relays").GetArrayLength().Should().Be(0, "arrays are always written");
        undated.GetProperty("removed").ValueKind.Should().Be(JsonValueKind.Array);
    }

    [Fact]
    public void WritesAnUninitialisedArrayAsEmpty()
    {
        var dossier = DossierFixture.Build();
        var broken = dossier with { Articles = [dossier.Articles[0] with { Relays = default, Removed = default }], Timeline = default };
        var json = Json(broken);
        using var doc = JsonDocument.Parse(json);
        doc.RootElement.GetProperty("timeline").GetArrayLength().Should().Be(0);
        doc.RootElement.GetProperty("articles")[0].GetProperty("relays").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public void SerialisesModelEnumsAsCamelCaseStrings()
    {
        var json = JsonSerializer.Serialize(new { Status = Crosscheck.Claims.ClaimStatus.Confirmed, Kind = Crosscheck.Quantities.CasualtyKind.KilledOrWounded }, DossierJson.Options);
        json.Should().Contain("\"status\": \"confirmed\"").And.Contain("\"kind\": \"killedOrWounded\"");
    }

    [Fact]
    public void RejectsADossierWithAMissingRequiredField()
    {
        var json = Json(DossierFixture.Build()).Replace("\"text\": \"Ferry fares rise again.\",", "", StringComparison.Ordinal);
        var result = DossierJson.TryRead(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        result.Success.Should().BeFalse();
        result.Error.Should().Contain("text");
        DossierJson.TryRead(new MemoryStream("null"u8.ToArray())).Success.Should().BeFalse();
        DossierJson.TryRead(new MemoryStream("{ not json"u8.ToArray())).Success.Should().BeFalse();
    }

    [Fact]
    public void GeneratedDossiersValidateAgainstTheSchema()
    {
        var validator = new MiniJsonSchema(Schema());
        foreach (var dossier in new[] { DossierFixture.Build(), new Dossier() })
        {
            using var doc = JsonDocument.Parse(Json(dossier));
            validator.Validate(doc.RootElement).Should().BeEmpty();
        }
    }

    [Theory]
    [InlineData("\"publishedHow\": \"given\"", "\"publishedHow\": \"told\"", "is not one of")]
    [InlineData("\"independentOrigins\": 1", "\"independentOrigins\": \"one\"", "expected integer")]
    [InlineData("\"schemaVersion\": \"1\",", "\"schemaVersion\": \"1\", \"extra\": true,", "not allowed")]
    [InlineData("\"referenceDate\": \"2025-03-20\"", "\"referenceDate\": \"20 March\"", "does not match")]
    [InlineData("\"languageConfidence\": 0.98", "\"languageConfidence\": 1.5", "maximum")]
    public void TheSchemaValidatorCatchesViolations(string find, string replace, string expectedError)
    {
        var json = Json(DossierFixture.Build());
        json.Should().Contain(find);
        using var doc = JsonDocument.Parse(json.Replace(find, replace, StringComparison.Ordinal));
        new MiniJsonSchema(Schema()).Validate(doc.RootElement).Should().Contain(e => e.Contains(expectedError));
    }

    [Fact]
    public void TheSchemaValidatorReportsAMissingRequiredProperty()
    {
        using var doc = JsonDocument.Parse("""{ "schemaVersion": "1", "referenceDate": "2025-01-01" }""");
        new MiniJsonSchema(Schema()).Validate(doc.RootElement).Should().Contain(e => e.Contains("missing required property 'articles'"));
    }

    public static TheoryData<Type, string> ModelTypes() => new()
    {
        { typeof(Dossier), "" },
        { typeof(Evidence), "evidence" },
        { typeof(DossierRemoved), "removed" },
        { typeof(DossierArticle), "article" },
        { typeof(DossierStory), "story" },
        { typeof(DossierPlace), "place" },
        { typeof(DossierEntity), "entity" },
        { typeof(DossierTime), "time" },
        { typeof(DossierQuantity), "quantity" },
        { typeof(DossierClaim), "claim" },
        { typeof(DossierProposition), "proposition" },
        { typeof(DossierEvent), "event" },
        { typeof(DossierContradiction), "contradiction" },
        { typeof(DossierTimelineEntry), "timelineEntry" },
    };

    // A field added to Dossier.cs must be added to the schema (and documented) in the same change.
    [Theory]
    [MemberData(nameof(ModelTypes))]
    public void TheSchemaAndTheDocsDescribeEveryFieldOfTheModel(Type type, string definition)
    {
        var schema = Schema();
        var node = definition.Length == 0 ? schema : schema.GetProperty("$defs").GetProperty(definition);
        var required = node.GetProperty("required").EnumerateArray().Select(e => e.GetString()!).ToHashSet();
        var properties = node.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToHashSet();
        var docs = File.ReadAllText(RepoFile("docs", "dossier.md"));
        var nullability = new NullabilityInfoContext();
        var modelNames = new HashSet<string>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.Name != "EqualityContract"))
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            modelNames.Add(name);
            properties.Should().Contain(name, $"{type.Name}.{property.Name} must be in the schema");
            var nullable = nullability.Create(property).WriteState == NullabilityState.Nullable || Nullable.GetUnderlyingType(property.PropertyType) is not null;
            required.Contains(name).Should().Be(!nullable, $"{type.Name}.{property.Name} is {(nullable ? "nullable, so optional" : "never null, so required")}");
            docs.Should().Contain($"`{name}`", $"docs/dossier.md must document {type.Name}.{property.Name}");
        }
        properties.Should().BeSubsetOf(modelNames, "the schema must not describe fields the model does not have");
    }
}

public class DossierFilesTests
{
    [Fact]
    public void WritesTheRequestedFilesAndLeavesNoPartialFiles()
    {
        var dir = Path.Combine(Path.GetTempPath(), "crosscheck-dossier-" + Guid.NewGuid().ToString("N"));
        try
        {
            var written = DossierFiles.WriteAll(DossierFixture.Build(), dir, DossierFormats.Json | DossierFormats.Html);
            written.Select(Path.GetFileName).Should().Equal("dossier.json", "dossier.html");
            Directory.GetFiles(dir).Select(Path.GetFileName).Should().BeEquivalentTo(["dossier.json", "dossier.html"]);
            using var stream = File.OpenRead(Path.Combine(dir, "dossier.json"));
            DossierJson.Read(stream).Articles.Should().HaveCount(3);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }
}

public class DossierJsonLeniencyTests
{
    [Fact]
    public void WritingANullWhereTheModelPromisesTextDoesNotLoseTheRunButReadingItBackFails()
    {
        var dossier = DossierFixture.Build();
        var buggy = dossier with { Stories = [new DossierStory("s1", null!, ["harbor-courier-01"])] };
        var json = DossierJson.Serialize(buggy);
        json.Should().Contain("\"id\": \"s1\"");
        DossierJson.TryRead(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json))).Success.Should().BeFalse("the schema requires a story title");
        MarkdownDossierWriter.Render(buggy).Should().Contain("## s1", "the writers fall back to the id");
        HtmlDossierWriter.Render(buggy).Should().Contain("<h2>s1</h2>");
    }
}
