using System.Text;
using Crosscheck.Ingest;
using FluentAssertions;

namespace Crosscheck.Tests.Ingest;

public sealed class EncodingTests : IDisposable
{
    private const string Russian = "Министр обороны заявил во вторник, что войска отошли от границы, и переговоры продолжатся на следующей неделе.";
    private const string Ukrainian = "Президент заявив, що їхні війська готові до переговорів, а також підтвердив, що ґрунтові дороги відкриті.";

    private readonly TempFolder temp = new();

    static EncodingTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public void Dispose() => temp.Dispose();

    private RawArticle ReadBytes(string name, byte[] bytes)
    {
        var path = temp.WriteBytes(name, bytes);
        var item = new InputReader(InputLimits.Default).Read([path]).Single();
        item.Error.Should().BeNull();
        return item.Article!;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Utf16_little_and_big_endian_with_and_without_bom(bool bom)
    {
        foreach (var encoding in new[] { new UnicodeEncoding(false, bom), new UnicodeEncoding(true, bom) })
        {
            var bytes = encoding.GetPreamble().Concat(encoding.GetBytes(Russian)).ToArray();
            var raw = ReadBytes($"u16-{encoding.WebName}-{bom}.txt", bytes);
            raw.Body.Should().Be(Russian);
            raw.Encoding.Should().StartWith(encoding.WebName == "utf-16BE" ? "utf-16BE" : "utf-16LE");
            raw.EncodingAssumed.Should().Be(!bom);
        }
    }

    [Fact]
    public void Utf8_with_bom_drops_the_bom()
    {
        var raw = ReadBytes("bom.txt", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Russian)]);
        raw.Body.Should().Be(Russian);
        raw.EncodingAssumed.Should().BeFalse();
    }

    [Fact]
    public void Windows_1251_russian_and_ukrainian_are_detected()
    {
        var cp1251 = Encoding.GetEncoding(1251);
        var russian = ReadBytes("ru1251.txt", cp1251.GetBytes(Russian));
        russian.Body.Should().Be(Russian);
        russian.Encoding.Should().StartWith("windows-1251");
        russian.EncodingAssumed.Should().BeTrue();
        ReadBytes("uk1251.txt", cp1251.GetBytes(Ukrainian)).Body.Should().Be(Ukrainian);
    }

    [Fact]
    public void Koi8r_is_told_apart_from_windows_1251()
    {
        var raw = ReadBytes("koi.txt", Encoding.GetEncoding(20866).GetBytes(Russian));
        raw.Body.Should().Be(Russian);
        raw.Encoding.Should().StartWith("koi8-r");
    }

    [Fact]
    public void Windows_1252_latin_text_is_detected()
    {
        const string french = "Le ministre a déclaré mardi que les élèves reprendront l'école à la rentrée, malgré la grève.";
        var raw = ReadBytes("fr.txt", Encoding.GetEncoding(1252).GetBytes(french));
        raw.Body.Should().Be(french);
        raw.Encoding.Should().StartWith("windows-1252");
    }

    [Fact]
    public void Html_declared_charset_is_honoured_when_bytes_are_not_utf8()
    {
        // KOI8-U Ukrainian: the statistics alone would not name it; the page's declaration does.
        var html = $"<html><head><meta charset=\"koi8-u\"></head><body><p>{Ukrainian}</p></body></html>";
        var raw = ReadBytes("uk.html", Encoding.GetEncoding("koi8-u").GetBytes(html));
        raw.Body.Should().Be(Ukrainian);
        raw.Encoding.Should().StartWith("koi8-u");
        raw.EncodingAssumed.Should().BeFalse();
    }

    [Fact]
    public void Text_is_normalised_to_nfc()
    {
        string decomposed = "Cafe\u0301 owners protested.";
        var raw = ReadBytes("nfc.txt", Encoding.UTF8.GetBytes(decomposed));
        raw.Body.Should().Be("Caf\u00e9 owners protested.");
    }
}
