namespace Crosscheck.Evaluation;

/// <summary>One tab-separated row of the misses file; a tab or line break inside a field would split the row, so it becomes a space.</summary>
public static class MissRow
{
    public static string Of(params string?[] fields) =>
        string.Join('\t', fields.Select(f => (f ?? "").Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' ')));
}
