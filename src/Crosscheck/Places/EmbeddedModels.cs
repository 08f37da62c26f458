using System.IO.Compression;
using System.Reflection;
using System.Text;

namespace Crosscheck.Places;

/// <summary>Opens the tables under models/ that the library embeds (see Crosscheck.csproj).</summary>
internal static class EmbeddedModels
{
    public static Stream? Open(string area, string fileName)
    {
        var assembly = typeof(EmbeddedModels).Assembly;
        var suffix = $".{area}.{fileName}";
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal)) return assembly.GetManifestResourceStream(name);
        }
        return null;
    }

    public static IEnumerable<string> ReadLines(string area, string fileName)
    {
        using var stream = Open(area, fileName)
            ?? throw new InvalidOperationException($"Embedded table models/{area}/{fileName} is missing from the library build.");
        Stream input = fileName.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(stream, CompressionMode.Decompress) : stream;
        using var reader = new StreamReader(input, Encoding.UTF8);
        while (reader.ReadLine() is { } line) yield return line;
    }
}
