using System.Text;

namespace Crosscheck.Report;

/// <summary>HTML escaping for untrusted dossier text, and the one rule for which links are rendered.</summary>
internal static class HtmlText
{
    /// <summary>
    /// Appends <paramref name="text"/> escaped for both element content and quoted attribute
    /// values. Control characters HTML forbids are dropped; line breaks are kept.
    /// </summary>
    public static void Append(TextWriter writer, string? text) => Append(writer, text.AsSpan());

    public static void Append(TextWriter writer, ReadOnlySpan<char> text)
    {
        if (text.IsEmpty) return;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var replacement = text[i] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                '\r' => "",
                var c when c < ' ' && c != '\n' && c != '\t' => "",
                '\u007f' => "",
                _ => null,
            };
            if (replacement is null) continue;
            if (i > start) writer.Write(text[start..i]);
            writer.Write(replacement);
            start = i + 1;
        }
        if (start < text.Length) writer.Write(text[start..]);
    }

    public static string Escape(string? text)
    {
        var writer = new StringWriter(new StringBuilder((text?.Length ?? 0) + 16));
        Append(writer, text);
        return writer.ToString();
    }

    /// <summary>
    /// The URL to put in an href, or null when it must be shown as text only: anything but an
    /// absolute http or https URL (javascript:, data:, relative paths) is never made a link.
    /// </summary>
    public static string? SafeHref(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return null;
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)) return null;
        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) return null;
        // AbsoluteUri percent-encodes spaces and quotes, so the value cannot leave its attribute
        // even before escaping.
        return uri.AbsoluteUri;
    }
}
