namespace Crosscheck.Ingest;

/// <summary>
/// Turns paths (files or folders) into reports, lazily: one <see cref="ReadItem"/> per report,
/// or one clear failure per unreadable location, and reading goes on after every failure.
/// </summary>
/// <remarks>
/// Formats by extension: .txt (plain text with an optional " date YYYY-MM-DD " header), .json
/// (an object or an array of news-please records), .jsonl (one record a line, streamed), .html/.htm.
/// Folders are walked recursively in ordinal order of their entries, so the output order is
/// deterministic; hidden entries (names starting with '.') and linked folders are passed over silently, other files
/// with unsupported extensions yield a "skipped" failure. Ids: the file name without extension;
/// the JSON <c>id</c> when given; "name-N" for the N-th (1-based) record of a JSON array or the
/// record on line N of a JSON Lines file. Thread-safe: the reader holds no state besides its limits.
/// </remarks>
public sealed class InputReader(InputLimits limits)
{
    public static IReadOnlyList<string> SupportedExtensions { get; } = [".txt", ".json", ".jsonl", ".html", ".htm"];

    public InputLimits Limits { get; } = limits ?? throw new ArgumentNullException(nameof(limits));

    public IEnumerable<ReadItem> Read(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        foreach (var path in paths)
        {
            if (string.IsNullOrWhiteSpace(path))
            {
                yield return ReadItem.Fail(path ?? "", "empty path");
                continue;
            }
            if (File.Exists(path))
            {
                foreach (var item in ReadFile(path, explicitlyNamed: true)) yield return item;
            }
            else if (Directory.Exists(path))
            {
                foreach (var item in ReadFolder(path)) yield return item;
            }
            else
            {
                yield return ReadItem.Fail(path, "no such file or folder");
            }
        }
    }

    private IEnumerable<ReadItem> ReadFolder(string folder)
    {
        bool anyReadable = false;
        var pending = new Stack<string>();
        pending.Push(folder);
        while (pending.Count > 0)
        {
            string current = pending.Pop();
            string[] files, folders;
            string? error = null;
            try
            {
                files = Directory.GetFiles(current);
                folders = Directory.GetDirectories(current);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                files = folders = [];
                error = $"cannot list folder: {e.Message}";
            }
            if (error is not null)
            {
                yield return ReadItem.Fail(current, error);
                continue;
            }
            Array.Sort(files, StringComparer.Ordinal);
            Array.Sort(folders, StringComparer.Ordinal);
            foreach (var file in files)
            {
                if (IsHidden(file)) continue;
                if (IsSupported(file)) anyReadable = true;
                foreach (var item in ReadFile(file, explicitlyNamed: false)) yield return item;
            }
            // Pushed in reverse so that subfolders are visited in ordinal order after this folder's files.
            for (int i = folders.Length - 1; i >= 0; i--)
            {
                if (!IsHidden(folders[i]) && !IsLink(folders[i])) pending.Push(folders[i]);
            }
        }
        if (!anyReadable)
            yield return ReadItem.Fail(folder, $"folder has no readable files ({string.Join(", ", SupportedExtensions)})");
    }

    private IEnumerable<ReadItem> ReadFile(string path, bool explicitlyNamed)
    {
        string extension = Path.GetExtension(path).ToLowerInvariant();
        if (!IsSupported(path))
        {
            string reason = explicitlyNamed || extension.Length > 0
                ? $"skipped: unsupported extension '{extension}' (supported: {string.Join(", ", SupportedExtensions)})"
                : "skipped: no file extension";
            return [explicitlyNamed ? ReadItem.Fail(path, reason) : ReadItem.Skip(path, reason)];
        }
        long length;
        try
        {
            length = new FileInfo(path).Length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [ReadItem.Fail(path, $"cannot read file: {e.Message}")];
        }
        if (length == 0) return [ReadItem.Fail(path, "empty file")];
        if (extension == ".jsonl")
        {
            if (length > Limits.MaxJsonLinesFileBytes)
                return [ReadItem.Fail(path, $"file too large: {length:N0} bytes, limit {Limits.MaxJsonLinesFileBytes:N0} (InputLimits.MaxJsonLinesFileBytes)")];
            return JsonLinesReader.Read(path, FileId(path), Limits);
        }
        if (length > Limits.MaxFileBytes)
            return [ReadItem.Fail(path, $"file too large: {length:N0} bytes, limit {Limits.MaxFileBytes:N0} (InputLimits.MaxFileBytes)")];
        return ReadWholeFile(path, extension);
    }

    private IEnumerable<ReadItem> ReadWholeFile(string path, string extension)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [ReadItem.Fail(path, $"cannot read file: {e.Message}")];
        }
        var decoded = TextDecoder.Decode(bytes, extension is ".html" or ".htm" ? TextDecoder.HtmlCharset(bytes) : null);
        if (decoded.Text is null) return [ReadItem.Fail(path, decoded.Error ?? "not a text file")];
        if (string.IsNullOrWhiteSpace(decoded.Text)) return [ReadItem.Fail(path, "empty file (only whitespace)")];
        string id = FileId(path);
        string hash = ContentHash.Of(bytes);
        IEnumerable<ReadItem> items = extension switch
        {
            ".txt" => [ReadItem.Ok(PlainTextFormat.Parse(id, path, decoded.Text, hash))],
            ".json" => JsonFormat.ReadDocument(path, id, decoded.Text, hash, Limits),
            _ => [SafeHtml(id, path, decoded.Text, hash)],
        };
        return items.Select(item => item.Article is null
            ? item
            : item with { Article = item.Article with { Encoding = decoded.Encoding, EncodingAssumed = decoded.Assumed } });
    }

    private ReadItem SafeHtml(string id, string path, string html, string hash)
    {
        try
        {
            return HtmlFormat.Parse(id, path, html, hash, Limits);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A parser failure on one hostile page must not stop the other inputs.
            return ReadItem.Fail(path, $"cannot parse HTML: {e.Message}");
        }
    }

    internal static string FileId(string path) => Path.GetFileNameWithoutExtension(path);

    private static bool IsSupported(string path)
    {
        string extension = Path.GetExtension(path);
        foreach (var supported in SupportedExtensions)
            if (string.Equals(extension, supported, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>Linked folders are not followed: a link cycle would make the walk endless.</summary>
    private static bool IsLink(string folder)
    {
        try
        {
            return new DirectoryInfo(folder).LinkTarget is not null;
        }
        catch (IOException)
        {
            return true;
        }
    }

    private static bool IsHidden(string path) => Path.GetFileName(path).StartsWith('.');
}
