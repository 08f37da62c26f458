using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Crosscheck.Ingest;
using Crosscheck.Processing;
using Crosscheck.Store;

namespace Crosscheck.Web;

/// <summary>
/// Adds reports to the store through the same path as `crosscheck analyze`: the body is kept as a
/// file in the inbox folder (so nothing posted is lost, and the reader that handles files on disk
/// handles it the same way), then read, cleaned, analysed and stored in one transaction. One
/// writer at a time; the database arbitrates with other processes. In a PostgreSQL store the
/// location names this machine, as queued files do (<see cref="QueueFeeder.QualifiedLocation"/>):
/// the store replaces a report by its location, and two servers can hold inbox files of one name.
/// </summary>
public sealed class ArticleIntake : IDisposable
{
    private readonly WebOptions _options;
    private readonly Components _components;
    private readonly ServerStore _store;
    private readonly SemaphoreSlim _writer = new(1, 1);

    public ArticleIntake(WebOptions options, Components components, ServerStore store)
    {
        _options = options;
        _components = components;
        _store = store;
    }

    /// <summary>The file extension the reader needs for a media type, or null when the type is not a report format.</summary>
    public static string? ExtensionFor(string? contentType)
    {
        var mediaType = (contentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
        return mediaType switch
        {
            "application/json" => ".json",
            "text/plain" => ".txt",
            "text/html" or "application/xhtml+xml" => ".html",
            _ => null,
        };
    }

    /// <summary>Analyses and stores one posted report (or a JSON array of them).</summary>
    /// <param name="extension">".json", ".txt" or ".html".</param>
    /// <param name="name">A name for the file (and so the id when the body gives none); defaults to a hash.</param>
    public async Task<IntakeResult> AddAsync(byte[] body, string extension, string? name, CancellationToken cancellationToken)
    {
        if (extension == ".json" && ValidateJson(body) is { } jsonError) return IntakeResult.Invalid(jsonError);
        var hash = Convert.ToHexStringLower(SHA256.HashData(body));
        var fileName = SafeName(name) ?? "posted-" + hash[..12];
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            Directory.CreateDirectory(_options.Inbox);
            var path = Path.Combine(_options.Inbox, fileName + extension);
            if (File.Exists(path) && !File.ReadAllBytes(path).AsSpan().SequenceEqual(body))
            {
                path = Path.Combine(_options.Inbox, $"{fileName}-{hash[..8]}{extension}");
            }
            await File.WriteAllBytesAsync(path, body, cancellationToken).ConfigureAwait(false);
            return await Task.Run(() => Analyse(path), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>Analyses files already on disk (a feed item written by the watcher); same single-writer rule.</summary>
    public async Task<IntakeResult> AddFileAsync(string path, CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await Task.Run(() => Analyse(path), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writer.Release();
        }
    }

    private IntakeResult Analyse(string path)
    {
        var referenceDate = _options.ReferenceDate();
        using var store = _store.OpenArticles();
        var analyzer = new BatchAnalyzer(_components.Pipeline, _components.Prepare, store, new AnalysisContext(referenceDate));
        var listener = new CollectingListener();
        var items = _components.Reader.Read([path]);
        if (_store.IsPostgres) items = items.Select(OnThisMachine);
        var summary = analyzer.Run(items, listener);
        return new IntakeResult(listener.Stored, listener.AlreadyStored, listener.Problems, summary.Rejected > 0 && listener.Stored.Count == 0 && listener.AlreadyStored.Count == 0);
    }

    private ReadItem OnThisMachine(ReadItem item) => item with
    {
        Location = QueueFeeder.QualifiedLocation(_options.MachineName, item.Location),
        Article = item.Article is { } article ? article with { Location = QueueFeeder.QualifiedLocation(_options.MachineName, article.Location) } : null,
    };

    /// <summary>A clear message for a body that is not JSON, with the line and position where it breaks.</summary>
    private static string? ValidateJson(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
            return document.RootElement.ValueKind is JsonValueKind.Object or JsonValueKind.Array
                ? null
                : "the JSON body must be an object (title, maintext or text, date_publish, source_domain, url, id) or an array of them";
        }
        catch (JsonException ex)
        {
            return $"malformed JSON at line {(ex.LineNumber ?? 0) + 1}, byte {(ex.BytePositionInLine ?? 0) + 1}: {FirstSentence(ex.Message)}";
        }
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message.TrimEnd('.');
    }

    /// <summary>A file name made only of safe characters, or null when nothing usable is left.</summary>
    private static string? SafeName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var builder = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_') builder.Append(char.ToLowerInvariant(c));
            else if (builder.Length > 0 && builder[^1] != '-') builder.Append('-');
            if (builder.Length >= 80) break;
        }
        var safe = builder.ToString().Trim('-');
        return safe.Length == 0 ? null : safe;
    }

    public void Dispose() => _writer.Dispose();

    private sealed class CollectingListener : IAnalysisListener
    {
        public List<string> Stored { get; } = [];
        public List<string> AlreadyStored { get; } = [];
        public List<string> Problems { get; } = [];

        public void OnAnalyzed(AnalyzedArticle article) => Stored.Add(article.Article.Id);
        public void OnUnchanged(string location, string id) => AlreadyStored.Add(id);
        public void OnSkipped(string location, string reason) => Problems.Add(Path.GetFileName(location) + ": " + reason);
        public void OnProblem(InputProblem problem) => Problems.Add(Path.GetFileName(problem.Location) + ": " + problem.Message);
        public void OnStageFailure(string location, StageFailure failure) =>
            Problems.Add(string.Create(CultureInfo.InvariantCulture, $"stage '{failure.Stage}' failed, the report is kept without it: {failure.Message}"));
    }
}

/// <param name="Stored">Ids of the reports analysed and stored now.</param>
/// <param name="AlreadyStored">Ids of reports whose exact content was stored before.</param>
/// <param name="Problems">What went wrong, one message each; no paths of the server's disk beyond the file name.</param>
/// <param name="Rejected">True when nothing usable was in the body.</param>
public sealed record IntakeResult(IReadOnlyList<string> Stored, IReadOnlyList<string> AlreadyStored, IReadOnlyList<string> Problems, bool Rejected)
{
    public static IntakeResult Invalid(string message) => new([], [], [message], true);
}
