using System.Globalization;
using System.Text;
using Crosscheck.Report;

namespace Crosscheck.Web;

/// <summary>
/// Builds one server-rendered page. Every piece of text from a report, a feed or a request goes
/// through <see cref="Text"/> (escaped for element content and attribute values alike) and every
/// outside link through <see cref="ExternalLink"/>; markup is only ever written by this code.
/// The page loads one stylesheet and one script from this server, so the Content-Security-Policy
/// can forbid everything else, inline code included.
/// </summary>
internal sealed class HtmlPage
{
    private readonly StringBuilder _html = new(16 * 1024);
    private readonly StringWriter _writer;

    public HtmlPage(string title, string? searchQuery = null)
    {
        _writer = new StringWriter(_html, CultureInfo.InvariantCulture);
        Raw("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        Raw("<meta name=\"referrer\" content=\"no-referrer\"><title>").Text(title).Raw(" — Crosscheck</title>");
        Raw("<link rel=\"icon\" href=\"/assets/icon.svg\" type=\"image/svg+xml\"><link rel=\"stylesheet\" href=\"/assets/app.css\"></head><body><header class=\"top\"><a class=\"brand\" href=\"/\">Crosscheck</a>");
        Raw("<nav><a href=\"/\">Stories</a><a href=\"/search\">Search</a><a href=\"/feeds\">Feeds</a><a href=\"/openapi/v1.json\">API</a></nav>");
        Raw("<form class=\"quick-search\" action=\"/search\" method=\"get\" role=\"search\"><input type=\"search\" name=\"q\" aria-label=\"Search reports\" placeholder=\"Search reports\" value=\"")
            .Text(searchQuery).Raw("\"></form></header><main>");
    }

    public HtmlPage Raw(string markup)
    {
        _html.Append(markup);
        return this;
    }

    /// <summary>Untrusted text, escaped.</summary>
    public HtmlPage Text(string? text)
    {
        HtmlText.Append(_writer, text);
        return this;
    }

    public HtmlPage Text(ReadOnlySpan<char> text)
    {
        HtmlText.Append(_writer, text);
        return this;
    }

    public HtmlPage Number(double value, string format = "#,0.##") => Raw(value.ToString(format, CultureInfo.InvariantCulture));

    /// <summary>An element with escaped text content: <c>Element("h1", title)</c>.</summary>
    public HtmlPage Element(string tag, string? text, string? cssClass = null)
    {
        Raw("<").Raw(tag);
        if (cssClass is not null) Raw(" class=\"").Text(cssClass).Raw("\"");
        return Raw(">").Text(text).Raw("</").Raw(tag).Raw(">");
    }

    /// <summary>A link inside this site; <paramref name="href"/> is built by the caller from escaped path segments.</summary>
    public HtmlPage Link(string href, string? text, string? cssClass = null)
    {
        Raw("<a href=\"").Text(href).Raw("\"");
        if (cssClass is not null) Raw(" class=\"").Text(cssClass).Raw("\"");
        return Raw(">").Text(text).Raw("</a>");
    }

    /// <summary>A link to the outside world only when it is plain http(s); anything else (javascript:, data:) is shown as its address in text.</summary>
    public HtmlPage ExternalLink(string? url, string? text = null)
    {
        if (HtmlText.SafeHref(url) is { } href)
        {
            return Raw("<a rel=\"noopener noreferrer nofollow\" href=\"").Text(href).Raw("\">").Text(text ?? url).Raw("</a>");
        }
        return Text(url);
    }

    public string Finish()
    {
        Raw("</main><footer>Crosscheck — every line points to the words of a source.</footer><script src=\"/assets/app.js\"></script></body></html>");
        return _html.ToString();
    }

    public static string Path(string prefix, string id) => prefix + Uri.EscapeDataString(id);

    public static string EvidenceHref(Evidence evidence) =>
        string.Create(CultureInfo.InvariantCulture, $"/articles/{Uri.EscapeDataString(evidence.Article)}?hl={evidence.Start}-{evidence.End}#hl");
}
