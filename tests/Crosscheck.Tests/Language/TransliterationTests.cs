using Crosscheck.Entities;
using Crosscheck.Language;
using FluentAssertions;

namespace Crosscheck.Tests.Language;

public class TransliterationTests
{
    private static readonly Transliteration Table = Transliteration.Default;

    [Theory]
    [InlineData("Ворожба", TransliterationSystem.Iso9, "Vorožba")]
    [InlineData("Ворожба", TransliterationSystem.BgnPcgn, "Vorozhba")]
    [InlineData("Ворожба", TransliterationSystem.UkrainianNational, "Vorozhba")]
    [InlineData("Ворожба", TransliterationSystem.French, "Vorojba")]
    [InlineData("Ворожба", TransliterationSystem.German, "Woroschba")]
    [InlineData("Зеленский", TransliterationSystem.BgnPcgn, "Zelenskiy")]
    [InlineData("Зеленський", TransliterationSystem.UkrainianNational, "Zelenskyi")]
    [InlineData("Зеленский", TransliterationSystem.German, "Selenskij")]
    [InlineData("Зеленский", TransliterationSystem.French, "Zelenskiï")]
    [InlineData("Київ", TransliterationSystem.UkrainianNational, "Kyiv")]
    [InlineData("Юрій Єременко", TransliterationSystem.UkrainianNational, "Yurii Yeremenko")]
    [InlineData("Щорс", TransliterationSystem.German, "Schtschors")]
    [InlineData("Елена", TransliterationSystem.BgnPcgn, "Yelena")]
    [InlineData("Алексеев", TransliterationSystem.BgnPcgn, "Alekseyev")]
    public void WritesEachConvention(string cyrillic, TransliterationSystem system, string latin) =>
        Table.ToLatin(cyrillic, system).Should().Be(latin);

    [Fact]
    public void KeepsCapitalsAndEverythingThatIsNotCyrillic()
    {
        Table.ToLatin("ЖУК, 2024: Жуков", TransliterationSystem.BgnPcgn).Should().Be("ZHUK, 2024: Zhukov");
        var latin = "Plain Latin text stays the same object";
        Table.ToLatin(latin, TransliterationSystem.Iso9).Should().BeSameAs(latin);
    }

    [Theory]
    [InlineData("Vorozhba", "Vorojba", "Woroschba", "Vorožba", "Ворожба")]
    [InlineData("Zelensky", "Zelenskyy", "Zelenskiy", "Selenskyj", "Зеленский")]
    [InlineData("Zelensky", "Zelenskij", "Zelenski", "Зеленський", "Selenskij")]
    [InlineData("Kharkiv", "Харків", "Kharkiw", "Harkiv")]
    public void EverySpellingOfOneNameHasOneCrossScriptKey(params string[] spellings)
    {
        var keys = spellings.Select(NameKeys.CrossScriptKey).Distinct().ToList();
        keys.Should().ContainSingle($"all of {string.Join(", ", spellings)} are one name");
    }

    [Theory]
    [InlineData("Ворожба", "Воронеж")]
    [InlineData("Курск", "Київ")]
    [InlineData("Château", "Chyateau")]
    public void DifferentNamesKeepDifferentKeys(string a, string b) =>
        NameKeys.CrossScriptKey(a).Should().NotBe(NameKeys.CrossScriptKey(b));

    [Fact]
    public void LatinDiacriticsOutsideIso9AreLeftToTheOrdinaryFold() =>
        Table.LatinForMatching("Château Müller").Should().Be("Château Müller");

    [Fact]
    public void ParsesTheTableFormatAndRejectsABrokenRow()
    {
        var table = Transliteration.Parse(new StringReader("letter\tiso9\tbgn\tua\tfr\tde\nж\tž\tzh\tzh\tj\tsch\n"));
        table.ToLatin("жж", TransliterationSystem.French).Should().Be("jj");
        var broken = () => Transliteration.Parse(new StringReader("letter\tiso9\nж\tž\n"));
        broken.Should().Throw<FormatException>();
    }
}
