namespace Crosscheck.Tests;

/// <summary>
/// Finds the shared, human-annotated datasets (a `shared/` folder beside or above the checkout).
/// They are never copied into the repo, so tests that need them skip when they are absent.
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string?> RootLazy = new(FindRoot);

    /// <summary>The `shared` folder, or null. CROSSCHECK_SHARED overrides the search.</summary>
    public static string? Root => RootLazy.Value;

    public static string? Path(params string[] parts)
    {
        if (Root is null) return null;
        var path = System.IO.Path.Combine([Root, .. parts]);
        return File.Exists(path) || Directory.Exists(path) ? path : null;
    }

    public static string MissingMessage(params string[] parts) =>
        $"skipped: shared dataset '{string.Join('/', parts)}' not found (looked for a 'shared' folder above {AppContext.BaseDirectory}; set CROSSCHECK_SHARED to point at it)";

    private static string? FindRoot()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("CROSSCHECK_SHARED");
        if (!string.IsNullOrEmpty(fromEnvironment) && Directory.Exists(fromEnvironment)) return fromEnvironment;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(System.IO.Path.Combine(candidate, "datasets"))) return candidate;
        }
        return null;
    }
}

/// <summary>A fact that runs only where the named shared dataset exists, and says why it skipped otherwise.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute(params string[] parts)
    {
        if (SharedData.Path(parts) is null) Skip = SharedData.MissingMessage(parts);
    }
}
