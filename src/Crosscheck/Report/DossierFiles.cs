namespace Crosscheck.Report;

/// <summary>Which renderings of a dossier to write.</summary>
[Flags]
public enum DossierFormats
{
    None = 0,
    Json = 1,
    Markdown = 2,
    Html = 4,
    All = Json | Markdown | Html,
}

/// <summary>
/// Writes dossier.json, dossier.md and dossier.html into a folder. Each file is written to a
/// temporary name beside its destination and then moved over it, so a reader never sees half a
/// file and a failed run leaves the previous dossier in place.
/// </summary>
public static class DossierFiles
{
    public const string JsonFileName = "dossier.json";
    public const string MarkdownFileName = "dossier.md";
    public const string HtmlFileName = "dossier.html";

    /// <returns>The paths written, in the order json, md, html.</returns>
    /// <exception cref="IOException">The folder cannot be created or a file cannot be written.</exception>
    public static IReadOnlyList<string> WriteAll(Dossier dossier, string directory, DossierFormats formats = DossierFormats.All)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory.CreateDirectory(directory);
        var written = new List<string>(3);
        if (formats.HasFlag(DossierFormats.Json)) written.Add(WriteAtomically(Path.Combine(directory, JsonFileName), s => DossierJson.Write(dossier, s)));
        if (formats.HasFlag(DossierFormats.Markdown)) written.Add(WriteAtomically(Path.Combine(directory, MarkdownFileName), s => MarkdownDossierWriter.Write(dossier, s)));
        if (formats.HasFlag(DossierFormats.Html)) written.Add(WriteAtomically(Path.Combine(directory, HtmlFileName), s => HtmlDossierWriter.Write(dossier, s)));
        return written;
    }

    private static string WriteAtomically(string path, Action<Stream> write)
    {
        var temporary = path + ".partial";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
            }
            File.Move(temporary, path, overwrite: true);
            return path;
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }
}
