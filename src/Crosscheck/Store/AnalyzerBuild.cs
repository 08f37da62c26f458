namespace Crosscheck.Store;

/// <summary>
/// Which build of Crosscheck analysed a stored report. The library is built deterministically and
/// embeds its models, so its module version id changes exactly when its code or a model changes:
/// an analysis stored by another build is stale, and the report is analysed again when it is read
/// again, instead of being kept as "already stored".
/// </summary>
public static class AnalyzerBuild
{
    public static string Current { get; } = typeof(AnalyzerBuild).Assembly.ManifestModule.ModuleVersionId.ToString("N");
}
