using Crosscheck.Language;
using FluentAssertions;

namespace Crosscheck.Tests.Language;

public sealed class LanguageProfileBuilderTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "crosscheck-lm-" + Guid.NewGuid().ToString("N"));

    public LanguageProfileBuilderTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("uk", "uk")]
    [InlineData("zh-Hans", "zh")]
    [InlineData("sr-Latn", "sr")]
    [InlineData("ha-NG", "ha")]
    [InlineData("rue", null)]
    [InlineData("emk-Latn", null)]
    public void MapsProfileNamesToIsoCodes(string name, string? expected)
    {
        LanguageProfileBuilder.IsoCodeOf(name).Should().Be(expected);
    }

    [Fact]
    public void CleansProfilesAndIsDeterministic()
    {
        // Hand-made miniature profiles in the TextCat layout (n-gram TAB count, or n-gram alone).
        File.WriteAllText(Path.Combine(_folder, "xx.lm"), "_\t 900\nA\t 500\na\t 400\n,_\t 300\nb1\t 200\n_ab\t 100\nab_\t 90\na_b\t 80\nabcdef\t 70\n");
        File.WriteAllText(Path.Combine(_folder, "tr.lm"), "&i;\nn&i;\n&s\nk\n");
        File.WriteAllText(Path.Combine(_folder, "be.lm"), "а\ni\nнi\nы\n");
        File.WriteAllText(Path.Combine(_folder, "rue.lm"), "а\nб\n");
        File.WriteAllText(Path.Combine(_folder, "README"), "not a profile");
        var first = Path.Combine(_folder, "one.tsv.gz");
        var second = Path.Combine(_folder, "two.tsv.gz");

        LanguageProfileBuilder.Build(_folder, first).Should().Be(3);
        LanguageProfileBuilder.Build(_folder, second);

        File.ReadAllBytes(first).Should().Equal(File.ReadAllBytes(second));
        var lines = Decompress(first).Where(l => !l.StartsWith('#')).ToArray();
        lines.Should().Equal(
            "be\tbe\tCyrillic\tа і ні ы",
            "tr\ttr\tLatin\tı nı k",
            "xx\txx\tLatin\ta _ab ab_");
    }

    [Fact]
    public void ABuiltTableLoadsAndIdentifies()
    {
        File.WriteAllText(Path.Combine(_folder, "aa.lm"), string.Join('\n', "a", "b", "_a", "ab", "ba", "_ab", "ab_", "bab", "abab"));
        File.WriteAllText(Path.Combine(_folder, "cc.lm"), string.Join('\n', "c", "d", "_c", "cd", "dc", "_cd", "cd_", "dcd", "cdcd"));
        var table = Path.Combine(_folder, "t.tsv.gz");
        LanguageProfileBuilder.Build(_folder, table);

        var identifier = LanguageIdentifier.LoadFromFile(table);

        identifier.Languages.Should().Equal("aa", "cc");
        identifier.Identify("abab baba abba abab baab abab").Code.Should().Be("aa");
        identifier.Identify("cdcd dcdc cddc cdcd dccd cdcd").Code.Should().Be("cc");
    }

    [Fact]
    public void MissingFolderSaysWhatToInstall()
    {
        var act = () => LanguageProfileBuilder.Build(Path.Combine(_folder, "absent"), Path.Combine(_folder, "x.gz"));

        act.Should().Throw<DirectoryNotFoundException>().WithMessage("*libexttextcat-data*");
    }

    [ExttextcatFact]
    public void RebuildingFromTheInstalledPackageGivesTheCommittedTable()
    {
        var rebuilt = Path.Combine(_folder, "profiles.tsv.gz");
        LanguageProfileBuilder.Build(ExttextcatFactAttribute.Folder, rebuilt);

        var committed = FindCommittedTable();
        Decompress(rebuilt).Should().Equal(Decompress(committed));
    }

    private static string FindCommittedTable()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, LanguageProfileBuilder.DefaultRelativePath);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"{LanguageProfileBuilder.DefaultRelativePath} not found above {AppContext.BaseDirectory}");
    }

    private static string[] Decompress(string path)
    {
        using var stream = new System.IO.Compression.GZipStream(File.OpenRead(path), System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}

/// <summary>Runs only where Debian's libexttextcat-data is installed.</summary>
public sealed class ExttextcatFactAttribute : FactAttribute
{
    public const string Folder = "/usr/share/libexttextcat";

    public ExttextcatFactAttribute()
    {
        if (!File.Exists(Path.Combine(Folder, "uk.lm"))) Skip = $"skipped: {Folder} not found (apt-get install libexttextcat-data)";
    }
}
