using System.Reflection;

namespace Crosscheck.Claims;

/// <summary>Reads the tab-separated data files under models/claims/ that are embedded in the library.</summary>
internal static class ClaimResources
{
    /// <summary>Rows of an embedded TSV (comments and blank lines skipped), split on tabs.</summary>
    /// <exception cref="InvalidOperationException">The file was not embedded: the build is broken.</exception>
    public static IEnumerable<string[]> ReadTsv(string fileName)
    {
        using var stream = Open(fileName)
            ?? throw new InvalidOperationException($"Embedded resource 'models/claims/{fileName}' is missing; rebuild the library.");
        using var reader = new StreamReader(stream);
        var rows = new List<string[]>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            rows.Add(line.Split('\t'));
        }
        return rows;
    }

    public static bool Exists(string fileName)
    {
        using var stream = Open(fileName);
        return stream is not null;
    }

    /// <summary>The embedded file as a stream (caller disposes), or null when it is not embedded.</summary>
    public static Stream? OpenRaw(string fileName) => Open(fileName);

    private static Stream? Open(string fileName)
    {
        var assembly = typeof(ClaimResources).Assembly;
        string suffix = ".claims." + fileName;
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) return assembly.GetManifestResourceStream(name);
        }
        return null;
    }
}
