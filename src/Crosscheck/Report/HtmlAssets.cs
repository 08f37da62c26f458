using System.Security.Cryptography;
using System.Text;

namespace Crosscheck.Report;

/// <summary>
/// The inline stylesheet and script of dossier.html, and the Content-Security-Policy that allows
/// exactly these two blocks (by hash) and nothing else: no network, no images, no fonts.
/// </summary>
internal static class HtmlAssets
{
    public const string Css = """
:root {
  --ink: #1f2328; --muted: #5b626b; --rule: #d8dce0; --paper: #fdfdfb; --band: #f3f4f1;
  --accent: #2a5b84; --mark-claim: #fbeeb0; --mark-event: #d7ebf7; --mark-other: #e6efe0;
}
* { box-sizing: border-box; }
html { background: var(--paper); color: var(--ink); }
body {
  margin: 0 auto; max-width: 74rem; padding: 2rem 1.5rem 4rem;
  font: 16px/1.55 "Iowan Old Style", "Palatino Linotype", Palatino, Georgia, "Times New Roman", serif;
}
h1, h2, h3, h4, nav, table, .meta, .badge, .filter, .cite, .toc {
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
}
h1 { font-size: 1.9rem; margin: 0 0 .3rem; letter-spacing: -.01em; }
h2 { font-size: 1.5rem; margin: 3rem 0 .4rem; padding-top: 1rem; border-top: 3px solid var(--ink); }
h3 { font-size: 1.1rem; margin: 2rem 0 .6rem; color: var(--accent); text-transform: uppercase; letter-spacing: .04em; }
h4 { font-size: 1rem; margin: 1.2rem 0 .3rem; }
p, li { max-width: 46rem; }
a { color: var(--accent); }
.meta { color: var(--muted); font-size: .88rem; }
.explanation { font-style: italic; color: var(--muted); }
.toc ol { padding-left: 1.4rem; }
.toc li { margin: .2rem 0; }
ul.brief { padding-left: 1.2rem; }
ul.brief li { margin: .35rem 0; }
.cite { font-size: .72rem; vertical-align: super; line-height: 0; text-decoration: none; margin-left: .08rem; }
table { border-collapse: collapse; width: 100%; font-size: .88rem; margin: .4rem 0 1rem; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid var(--rule); }
th { background: var(--band); font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.badge { display: inline-block; font-size: .74rem; padding: .05rem .45rem; border-radius: .7rem; background: var(--band); border: 1px solid var(--rule); white-space: nowrap; }
.badge.s-confirmed { background: #e3f1e3; border-color: #9cc59c; }
.badge.s-denied { background: #f7e1df; border-color: #d49b94; }
.badge.s-disputed { background: #fbe8d3; border-color: #dcae78; }
.badge.s-unverified, .badge.s-alleged { background: #eeeeee; border-color: #b8b8b8; }
.badge.s-claimed { background: #e2ecf6; border-color: #9bb6d2; }
.filter { margin: .3rem 0 .2rem; font-size: .88rem; }
.filter select { font: inherit; }
dl.sources dt { font-weight: 600; margin-top: .9rem; font-family: system-ui, sans-serif; }
dl.sources dd { margin: .1rem 0 0 1.2rem; }
dl.sources dt.copy { margin-left: 1.2rem; font-weight: 500; }
dl.sources dd.copy-of { font-style: italic; }
details { margin: .2rem 0; }
summary { cursor: pointer; color: var(--muted); font-size: .88rem; font-family: system-ui, sans-serif; }
.removed li { font-size: .85rem; }
.removed q { color: var(--muted); }
.report { border-top: 1px solid var(--rule); margin-top: 1.2rem; }
.report-text { white-space: pre-wrap; overflow-wrap: anywhere; max-width: 46rem; }
mark { background: transparent; color: inherit; padding: 0 .05em; border-radius: 2px; }
mark.timeline { background: var(--mark-other); }
mark.event { background: var(--mark-event); }
mark.claim { background: var(--mark-claim); }
mark.claim.event { background: linear-gradient(var(--mark-claim), var(--mark-event)); }
mark.contradiction { box-shadow: inset 0 -2px 0 #c0605a; }
mark.quantity, mark.time { text-decoration: underline dotted var(--muted); }
mark.entity { border-bottom: 1px solid var(--rule); }
mark:target, .anchor:target + mark { outline: 2px solid var(--accent); }
.url { overflow-wrap: anywhere; }
.empty { color: var(--muted); font-style: italic; }
@media print {
  @page { margin: 16mm 14mm; }
  html { background: #fff; }
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  .filter, .toc, .backlink { display: none !important; }
  h2 { border-top: none; }
  section:not(:first-of-type) > h2 { break-before: page; }
  h3, h4 { break-after: avoid; }
  tr, li, dd { break-inside: avoid; }
  table { font-size: 8.5pt; }
  tr[hidden] { display: table-row; }
  a { color: inherit; text-decoration: none; }
  .cite { color: #555; }
  mark { outline: none; }
}
""";

    /// <summary>Reveals each ledger's status filter and hides rows whose status is not the chosen one.</summary>
    public const string Script = """
(function () {
  var filters = document.querySelectorAll('select[data-ledger]');
  for (var i = 0; i < filters.length; i++) {
    (function (select) {
      var table = document.getElementById(select.getAttribute('data-ledger'));
      if (!table) return;
      var wrapper = select.closest('.filter');
      if (wrapper) wrapper.hidden = false;
      select.addEventListener('change', function () {
        var wanted = select.value;
        var rows = table.tBodies[0].rows;
        for (var r = 0; r < rows.length; r++) {
          rows[r].hidden = wanted !== '' && rows[r].getAttribute('data-status') !== wanted;
        }
      });
    })(filters[i]);
  }
})();
""";

    /// <summary>
    /// Allows only the inline style and script above (by SHA-256), forbids every fetch: no
    /// external or data: resources, no base-URI rewriting, no form posts.
    /// </summary>
    public static string ContentSecurityPolicy { get; } =
        $"default-src 'none'; style-src '{Hash(Css)}'; script-src '{Hash(Script)}'; img-src 'none'; font-src 'none'; connect-src 'none'; media-src 'none'; object-src 'none'; frame-src 'none'; base-uri 'none'; form-action 'none'";

    private static string Hash(string content) =>
        "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
}
