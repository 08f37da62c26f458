using System.Text;

namespace Crosscheck.Ingest;

/// <summary>The outcome of turning a file's bytes into text.</summary>
/// <param name="Text">Decoded text, NFC-normalised, without BOM; null when the bytes are not text.</param>
/// <param name="Encoding">Encoding name used ("utf-8", "utf-16LE", "windows-1251", ...).</param>
/// <param name="Assumed">True when the encoding was guessed from byte statistics.</param>
/// <param name="Error">Why the bytes are not text (binary content), when <paramref name="Text"/> is null.</param>
internal readonly record struct DecodedText(string? Text, string Encoding, bool Assumed, string? Error);

/// <summary>
/// Detects the encoding of a text file: BOMs, UTF-16 without BOM (zero-byte pattern), strict
/// UTF-8, and otherwise a single-byte code page chosen from byte statistics (Windows-1251 or KOI8-R
/// for Cyrillic, Windows-1252 for Latin text). Rejects binary files.
/// </summary>
internal static class TextDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly Encoding Windows1251;
    private static readonly Encoding Koi8R;
    private static readonly Encoding Windows1252;

    static TextDecoder()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Windows1251 = Encoding.GetEncoding(1251);
        Koi8R = Encoding.GetEncoding(20866);
        Windows1252 = Encoding.GetEncoding(1252);
    }

    /// <param name="declaredCharset">
    /// Charset the file declares (an HTML meta charset): used when the bytes are not valid UTF-8,
    /// before any statistical guess.
    /// </param>
    public static DecodedText Decode(ReadOnlySpan<byte> bytes, string? declaredCharset = null)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
            return Utf8(bytes[3..], "utf-8 (BOM)");
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
            return Finish(Encoding.Unicode.GetString(bytes[2..]), "utf-16LE (BOM)", assumed: false);
        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
            return Finish(Encoding.BigEndianUnicode.GetString(bytes[2..]), "utf-16BE (BOM)", assumed: false);

        var utf16 = GuessUtf16WithoutBom(bytes);
        if (utf16 is not null)
            return Finish(utf16.GetString(bytes[..(bytes.Length & ~1)]), utf16 == Encoding.Unicode ? "utf-16LE" : "utf-16BE", assumed: true);

        if (bytes.IndexOf((byte)0) >= 0)
            return new DecodedText(null, "binary", false, "binary file (contains NUL bytes)");
        return Utf8(bytes, "utf-8", declaredCharset);
    }

    private static DecodedText Utf8(ReadOnlySpan<byte> bytes, string name, string? declaredCharset = null)
    {
        try
        {
            return Finish(StrictUtf8.GetString(bytes), name, assumed: false);
        }
        catch (DecoderFallbackException)
        {
            if (Declared(declaredCharset) is { } declared)
                return Finish(declared.GetString(bytes), $"{declared.WebName} (declared by the file)", assumed: false);
            var (encoding, why) = GuessSingleByte(bytes);
            return Finish(encoding.GetString(bytes), $"{encoding.WebName} ({why})", assumed: true);
        }
    }

    private static Encoding? Declared(string? charset)
    {
        if (string.IsNullOrWhiteSpace(charset)) return null;
        try
        {
            var encoding = Encoding.GetEncoding(charset.Trim());
            return encoding.CodePage == Encoding.UTF8.CodePage ? null : encoding;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The charset an HTML page declares in its first kilobytes (meta charset or http-equiv content type).</summary>
    public static string? HtmlCharset(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.ASCII.GetString(bytes[..Math.Min(bytes.Length, 4096)]);
        int at = head.IndexOf("charset=", StringComparison.OrdinalIgnoreCase);
        if (at < 0) return null;
        int start = at + "charset=".Length;
        while (start < head.Length && head[start] is '"' or '\'' or ' ') start++;
        int end = start;
        while (end < head.Length && (char.IsAsciiLetterOrDigit(head[end]) || head[end] is '-' or '_')) end++;
        return end > start ? head[start..end] : null;
    }

    private static DecodedText Finish(string text, string encoding, bool assumed)
    {
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        if (LooksBinary(text))
            return new DecodedText(null, encoding, assumed, "binary file (mostly control characters)");
        if (!text.IsNormalized(NormalizationForm.FormC)) text = text.Normalize(NormalizationForm.FormC);
        return new DecodedText(text, encoding, assumed, null);
    }

    /// <summary>
    /// UTF-16 text in one alphabet has a near-constant high byte in every other place: 0x00 for
    /// Latin text, spaces and digits, 0x04 for Cyrillic. The low bytes vary and are rarely zero.
    /// </summary>
    private static Encoding? GuessUtf16WithoutBom(ReadOnlySpan<byte> bytes)
    {
        int n = Math.Min(bytes.Length, 4096) & ~1;
        if (n < 4 || bytes[..n].IndexOf((byte)0) < 0) return null;
        Span<int> even = stackalloc int[256];
        Span<int> odd = stackalloc int[256];
        for (int i = 0; i < n; i += 2)
        {
            even[bytes[i]]++;
            odd[bytes[i + 1]]++;
        }
        int pairs = n / 2;
        if (IsHighByteColumn(odd, pairs) && even[0] < pairs * 0.02) return Encoding.Unicode;
        if (IsHighByteColumn(even, pairs) && odd[0] < pairs * 0.02) return Encoding.BigEndianUnicode;
        return null;
    }

    private static bool IsHighByteColumn(Span<int> counts, int pairs)
    {
        int mostOtherThanZero = 0;
        for (int b = 1; b < 256; b++) mostOtherThanZero = Math.Max(mostOtherThanZero, counts[b]);
        return counts[0] >= pairs * 0.02 && counts[0] + mostOtherThanZero >= pairs * 0.9;
    }

    /// <summary>
    /// Cyrillic text in a single-byte code page has most of its non-ASCII bytes at 0xC0-0xFF;
    /// lowercase letters dominate running text, and they sit at 0xE0-0xFF in Windows-1251 but
    /// at 0xC0-0xDF in KOI8-R. Latin text has few non-ASCII bytes among many ASCII letters.
    /// </summary>
    private static (Encoding Encoding, string Why) GuessSingleByte(ReadOnlySpan<byte> bytes)
    {
        int asciiLetters = 0, high = 0, upperBlock = 0, lowerBlock = 0;
        foreach (byte b in bytes)
        {
            if (b >= 0x80)
            {
                high++;
                if (b >= 0xE0) lowerBlock++;
                else if (b >= 0xC0) upperBlock++;
            }
            else if ((uint)((b | 0x20) - 'a') <= 'z' - 'a')
            {
                asciiLetters++;
            }
        }
        bool cyrillic = high > 0 && high > 0.3 * (high + asciiLetters) && upperBlock + lowerBlock > 0.6 * high;
        if (!cyrillic) return (Windows1252, "assumed: not valid UTF-8, few non-ASCII letters");
        return lowerBlock >= upperBlock
            ? (Windows1251, "assumed: not valid UTF-8, Cyrillic letter statistics")
            : (Koi8R, "assumed: not valid UTF-8, Cyrillic letter statistics of KOI8-R");
    }

    private static bool LooksBinary(string text)
    {
        int n = Math.Min(text.Length, 8192), control = 0;
        for (int i = 0; i < n; i++)
        {
            char c = text[i];
            if (c == '\0') return true;
            if (c < ' ' && c != '\n' && c != '\r' && c != '\t' && c != '\f') control++;
        }
        return n > 0 && control > n / 10;
    }
}
