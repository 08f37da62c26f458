using System.Security.Cryptography;
using System.Text;
using Crosscheck.Ingest;

namespace Crosscheck.Tests;

/// <summary>Test-data builders: the smallest valid values, varied only where a test says so.</summary>
public static class Some
{
    public static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant();

    public static Article Article(string text = "Officials said the bridge reopened on Monday.", string id = "a1", DateOnly? published = null) => new()
    {
        Id = id,
        SourcePath = $"/tmp/{id}.txt",
        Text = text,
        ContentHash = Hash(id + "\n" + text),
        Published = published is { } date ? PublicationDate.Given(date, "test") : PublicationDate.Unknown,
    };

    public static RawArticle Raw(string body, string id = "a1", string? location = null) => new()
    {
        Id = id,
        Location = location ?? $"/tmp/{id}.txt",
        Format = InputFormat.Text,
        Body = body,
        ContentHash = Hash(body),
    };

    public static AnalysisContext Context(int year = 2024, int month = 12, int day = 16) => new(new DateOnly(year, month, day));

    /// <summary>A temporary folder deleted when disposed.</summary>
    public sealed class TempFolder : IDisposable
    {
        public TempFolder() => Directory.CreateDirectory(Path);

        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "crosscheck-test-" + Guid.NewGuid().ToString("N"));

        public string File(string name) => System.IO.Path.Combine(Path, name);

        public void Dispose()
        {
            try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
