using System.Globalization;
using System.Text;

namespace Crosscheck.Report;

/// <summary>
/// Writes dossier.md: a printable brief per story. Every line that states something ends with
/// citations such as "[3] [7]"; each number is a reference-style Markdown link to the story's
/// reference list, where the entry names the report and quotes the exact words (the evidence
/// substring of that report's cleaned text). Numbers run through the whole document so they are
/// unique link targets and unambiguous on paper.
/// </summary>
/// <remarks>
/// All dossier text is treated as untrusted: Markdown and HTML punctuation is backslash-escaped
/// and line breaks inside a field are folded, so a report cannot inject headings, links or HTML.
/// </remarks>
public static class MarkdownDossierWriter
{
    /// <summary>Writes the Markdown to <paramref name="writer"/>; does not close it.</summary>
    public static void Write(Dossier dossier, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        ArgumentNullException.ThrowIfNull(writer);
        new Renderer(new DossierView(dossier), writer).Render();
    }

    /// <summary>Writes UTF-8 (no byte-order mark); leaves the stream open.</summary>
    public static void Write(Dossier dossier, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        Write(dossier, writer);
    }

    public static string Render(Dossier dossier)
    {
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(dossier, writer);
        return writer.ToString();
    }

    /// <summary>
    /// Backslash-escapes Markdown and HTML punctuation and folds line breaks into spaces, so the
    /// text renders literally inside a paragraph, list item or heading.
    /// </summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length + 16);
        AppendEscaped(sb, text);
        return sb.ToString();
    }

    internal static void AppendEscaped(StringBuilder sb, string text)
    {
        var lastWasSpace = false;
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#' or '|' or '~' or '&':
                    sb.Append('\\').Append(c);
                    lastWasSpace = false;
                    break;
                case '\r' or '\n' or '\t' or '\u2028' or '\u2029':
                    if (!lastWasSpace) sb.Append(' ');
                    lastWasSpace = true;
                    break;
                default:
                    if (char.IsControl(c)) break;
                    sb.Append(c);
                    lastWasSpace = c == ' ';
                    break;
            }
        }
    }

    private sealed class Renderer(DossierView view, TextWriter output)
    {
        private readonly StringBuilder _line = new(256);
        private readonly CitationList _citations = new();

        public void Render()
        {
            var dossier = view.Dossier;
            output.WriteLine("# Crosscheck dossier");
            output.WriteLine();
            var articleCount = DossierView.Safe(dossier.Articles).Length;
            output.WriteLine(FormattableString.Invariant(
                $"{articleCount} report{(articleCount == 1 ? "" : "s")} in {view.Stories.Count} stor{(view.Stories.Count == 1 ? "y" : "ies")}. Relative dates without a publication date are read against {dossier.ReferenceDate:yyyy-MM-dd}. Numbers in brackets cite the exact words of a report; the quotes are listed after each story."));
            output.WriteLine();
            if (view.Stories.Count > 0)
            {
                output.WriteLine("## Stories");
                output.WriteLine();
                foreach (var story in view.Stories)
                {
                    output.WriteLine(FormattableString.Invariant(
                        $"{story.Number}. [{Escape(story.Title)}](#story-{story.Number}) — {story.Articles.Count} report{(story.Articles.Count == 1 ? "" : "s")}, {story.Claims.Count} claim{(story.Claims.Count == 1 ? "" : "s")}"));
                }
                output.WriteLine();
            }
            foreach (var story in view.Stories) RenderStory(story);
            if (view.Unassigned.Count > 0)
            {
                output.WriteLine("## Reports not in any story");
                output.WriteLine();
                foreach (var article in view.Unassigned) WriteSource(article);
                output.WriteLine();
            }
            output.Flush();
        }

        private void RenderStory(StoryView story)
        {
            var firstReference = _citations.Items.Count;
            output.WriteLine(FormattableString.Invariant($"<a id=\"story-{story.Number}\"></a>"));
            output.WriteLine();
            output.WriteLine($"## {Escape(story.Title)}");
            output.WriteLine();
            if (!string.IsNullOrWhiteSpace(story.Explanation))
            {
                output.WriteLine($"*{Escape(story.Explanation)}*");
                output.WriteLine();
            }

            Heading("Sources");
            foreach (var article in story.Articles) WriteSource(article);
            output.WriteLine();

            WriteEvents(story);
            WriteClaimsByOrigin(story);
            WriteNumbers(story);
            WriteDoubtful(story);
            WriteContradictions(story);
            WriteTimeline(story);

            if (_citations.Items.Count > firstReference)
            {
                Heading("References");
                for (var i = firstReference; i < _citations.Items.Count; i++) WriteReference(i + 1, _citations.Items[i]);
                output.WriteLine();
                // Reference definitions make every [n] above a link in any CommonMark renderer,
                // while the raw file still reads "[n]" when printed as is.
                for (var i = firstReference; i < _citations.Items.Count; i++)
                {
                    output.WriteLine(FormattableString.Invariant($"[{i + 1}]: #ref-{i + 1}"));
                }
                output.WriteLine();
            }
        }

        private void Heading(string text)
        {
            output.WriteLine($"### {text}");
            output.WriteLine();
        }

        private void WriteSource(DossierArticle article)
        {
            _line.Clear().Append("- **").Append(Escape(DossierView.ArticleLabel(article))).Append("**");
            if (!string.IsNullOrWhiteSpace(article.Title) && article.Title != article.Outlet)
            {
                _line.Append(" — “").Append(Escape(article.Title)).Append('”');
            }
            _line.Append(" — ").Append(Escape(DossierView.Published(article)));
            _line.Append(" · language ").Append(Escape(article.Language));
            if (article.LanguageConfidence > 0)
            {
                _line.Append(CultureInfo.InvariantCulture, $" ({article.LanguageConfidence:0.00})");
            }
            if (!string.IsNullOrWhiteSpace(article.Byline)) _line.Append(" · by ").Append(Escape(article.Byline));
            if (!string.IsNullOrWhiteSpace(article.Dateline)) _line.Append(" · dateline “").Append(Escape(article.Dateline)).Append('”');
            var relays = DossierView.Safe(article.Relays);
            _line.Append(" · relays: ").Append(relays.IsEmpty ? "none named" : Escape(string.Join(", ", relays)));
            var removed = DossierView.Safe(article.Removed).Length;
            _line.Append(CultureInfo.InvariantCulture, $" · {removed} piece{(removed == 1 ? "" : "s")} of page debris removed");
            _line.Append(" · report id `").Append(article.Id.Replace('`', '\'').ReplaceLineEndings(" ")).Append('`');
            output.WriteLine(_line);
        }

        private void WriteEvents(StoryView story)
        {
            if (story.Events.Count == 0) return;
            Heading("What happened");
            foreach (var ev in story.Events)
            {
                _line.Clear().Append("- ");
                if (ev.Date is not null) _line.Append("**").Append(Escape(ev.EndDate is null ? ev.Date : $"{ev.Date} to {ev.EndDate}")).Append("** · ");
                _line.Append(Escape(ev.Type));
                if (!string.IsNullOrWhiteSpace(ev.SubType)) _line.Append(" (").Append(Escape(ev.SubType)).Append(')');
                if (ev.Place is not null) _line.Append(" in ").Append(Escape(view.Entity(ev.Place)?.Name ?? ev.Place));
                var near = DossierView.Safe(ev.Near);
                if (!near.IsEmpty) _line.Append(" near ").Append(Escape(string.Join(", ", near)));
                if (ev.Actor1 is not null || ev.Actor2 is not null)
                {
                    _line.Append(" · ").Append(Escape(ev.Actor1 ?? "?"));
                    var allies = DossierView.Safe(ev.AssociatedActors1);
                    if (!allies.IsEmpty) _line.Append(" (with ").Append(Escape(string.Join(", ", allies))).Append(')');
                    if (ev.Actor2 is not null) _line.Append(" against ").Append(Escape(ev.Actor2));
                }
                var toll = Toll(ev);
                if (toll.Length > 0) _line.Append(" · ").Append(toll);
                // The note of an event told by several reports already says by how many ("described by 3 reports").
                if (!string.IsNullOrWhiteSpace(ev.Note)) _line.Append(" · ").Append(Escape(ev.Note));
                Cite(DossierView.Safe(ev.Evidence));
                output.WriteLine(_line);
            }
            output.WriteLine();
        }

        private static string Toll(DossierEvent ev)
        {
            var parts = new List<string>(3);
            if (ev.Fatalities is { } f) parts.Add(DossierView.Range(f, f) + " killed");
            if (ev.Wounded is { } w) parts.Add(DossierView.Range(w, w) + " wounded");
            if (ev.KilledOrWounded is { } kw) parts.Add(DossierView.Range(kw, kw) + " killed or wounded");
            return string.Join(", ", parts);
        }

        private void WriteClaimsByOrigin(StoryView story)
        {
            if (story.Claims.Count == 0) return;
            Heading("Who says what");
            foreach (var group in story.Claims.GroupBy(view.OriginLabel, StringComparer.Ordinal))
            {
                output.WriteLine($"**{Escape(group.Key)}**");
                output.WriteLine();
                foreach (var claim in group) WriteClaim(claim);
                output.WriteLine();
            }
        }

        private void WriteClaim(DossierClaim claim)
        {
            _line.Clear().Append("- *").Append(Escape(claim.Status)).Append("* — “").Append(Escape(claim.Content)).Append('”');
            var speaker = view.SpeakerLabel(claim);
            if (speaker != "—" || claim.Cue is not null)
            {
                _line.Append(" — ").Append(Escape(speaker));
                if (!string.IsNullOrWhiteSpace(claim.Cue)) _line.Append(" (").Append(Escape(claim.Cue)).Append(')');
            }
            _line.Append(" · ");
            if (!string.IsNullOrWhiteSpace(claim.Corroboration)) _line.Append(Escape(claim.Corroboration)).Append(", ");
            _line.Append(CultureInfo.InvariantCulture, $"{claim.IndependentOrigins} independent origin{(claim.IndependentOrigins == 1 ? "" : "s")}");
            var carriers = DossierView.Safe(claim.Articles);
            if (!carriers.IsEmpty)
            {
                _line.Append(" · carried by ").Append(Escape(string.Join(", ", carriers.Select(view.ArticleLabel).Distinct(StringComparer.Ordinal))));
            }
            Cite(DossierView.Safe(claim.Evidence));
            output.WriteLine(_line);
        }

        private void WriteNumbers(StoryView story)
        {
            if (story.Quantities.Count == 0) return;
            Heading("Numbers");
            // Same figure, same unit, same casualty kind: one line, several citations.
            var groups = story.Quantities
                .GroupBy(q => (q.Min, q.Max, q.Unit, q.Counted, q.Casualty))
                .OrderBy(g => g.Key.Casualty is null ? 1 : 0)
                .ThenBy(g => g.Key.Casualty ?? g.Key.Unit, StringComparer.Ordinal)
                .ThenByDescending(g => g.Count());
            foreach (var group in groups)
            {
                var (min, max, unit, counted, casualty) = group.Key;
                _line.Clear().Append("- ");
                if (casualty is not null) _line.Append("**").Append(Escape(DossierView.CasualtyLabel(casualty))).Append("**: ");
                _line.Append(Escape(DossierView.Figure(min, max, unit, counted)));
                var reports = group.Select(q => q.Article).Distinct(StringComparer.Ordinal).Select(view.ArticleLabel).ToList();
                _line.Append(" · in ").Append(Escape(string.Join(", ", reports)));
                Cite(group.Select(q => new Evidence(q.Article, q.Start, q.End)));
                output.WriteLine(_line);
            }
            output.WriteLine();
        }

        private void WriteDoubtful(StoryView story)
        {
            var doubtful = story.Claims.Where(c => DossierView.IsDoubtful(c.Status)).ToList();
            if (doubtful.Count == 0) return;
            Heading("Disputed or unverified");
            foreach (var claim in doubtful)
            {
                _line.Clear().Append("- *").Append(Escape(claim.Status)).Append("* — “").Append(Escape(claim.Content)).Append("” — ")
                    .Append(Escape(view.OriginLabel(claim)));
                if (!string.IsNullOrWhiteSpace(claim.Corroboration)) _line.Append(" · ").Append(Escape(claim.Corroboration));
                Cite(DossierView.Safe(claim.Evidence));
                output.WriteLine(_line);
            }
            output.WriteLine();
        }

        private void WriteContradictions(StoryView story)
        {
            if (story.Contradictions.Count == 0) return;
            Heading("Contradictions");
            foreach (var contradiction in story.Contradictions)
            {
                _line.Clear().Append("- *").Append(Escape(contradiction.Kind)).Append("* — ").Append(Escape(contradiction.Explanation));
                var claims = DossierView.Safe(contradiction.Claims).Select(view.Claim).OfType<DossierClaim>().ToList();
                if (claims.Count > 0)
                {
                    _line.Append(claims.Count == 1 ? " (claim " : " (between ");
                    for (var i = 0; i < claims.Count; i++)
                    {
                        if (i > 0) _line.Append(i == claims.Count - 1 ? " and " : ", ");
                        _line.Append('“').Append(Escape(Shorten(claims[i].Content, 90))).Append('”');
                    }
                    _line.Append(')');
                }
                Cite(DossierView.Safe(contradiction.Evidence));
                output.WriteLine(_line);
            }
            output.WriteLine();
        }

        private void WriteTimeline(StoryView story)
        {
            if (story.Timeline.Count == 0) return;
            Heading("Timeline");
            foreach (var entry in story.Timeline)
            {
                _line.Clear().Append("- **").Append(Escape(entry.DisplayDate)).Append("** — ").Append(Escape(entry.Text));
                Cite(DossierView.Safe(entry.Evidence));
                output.WriteLine(_line);
            }
            output.WriteLine();
        }

        private void WriteReference(int number, Evidence evidence)
        {
            _line.Clear().Append(CultureInfo.InvariantCulture, $"- <a id=\"ref-{number}\"></a>\\[{number}\\] ");
            var article = view.Article(evidence.Article);
            if (article is null)
            {
                _line.Append("unknown report `").Append(evidence.Article.Replace('`', '\'').ReplaceLineEndings(" ")).Append('`');
            }
            else
            {
                _line.Append("**").Append(Escape(DossierView.ArticleLabel(article))).Append("**");
                if (article.Published is not null) _line.Append(", ").Append(Escape(article.Published));
            }
            var quote = view.Quote(evidence);
            if (quote is null)
            {
                _line.Append(CultureInfo.InvariantCulture, $": (offsets {evidence.Start}–{evidence.End} do not fit the report's text)");
            }
            else
            {
                _line.Append(": “").Append(Escape(quote)).Append('”');
                _line.Append(CultureInfo.InvariantCulture, $" (characters {evidence.Start}–{evidence.End})");
            }
            output.WriteLine(_line);
        }

        private void Cite(IEnumerable<Evidence> evidence)
        {
            // Separated by spaces: "[1][3]" would parse as one full reference link in CommonMark.
            foreach (var item in evidence)
            {
                _line.Append(" [").Append(_citations.Cite(item).ToString(CultureInfo.InvariantCulture)).Append(']');
            }
        }

        private static string Shorten(string text, int max) =>
            text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1).TrimEnd(), "…");
    }
}
