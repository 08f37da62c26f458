namespace Crosscheck.Ingest;

/// <summary>
/// Bounds that keep one hostile or broken input from exhausting memory or the stack. Inputs
/// beyond a bound are reported as a failed <see cref="ReadItem"/>, never silently truncated.
/// </summary>
/// <param name="MaxFileBytes">Largest .txt, .json or .html file read (default 20 MB): these are read whole.</param>
/// <param name="MaxJsonLinesFileBytes">Largest .jsonl file (default 4 GB): JSON Lines are streamed record by record.</param>
/// <param name="MaxJsonLineBytes">Largest single JSON Lines record (default 8 MB).</param>
/// <param name="MaxHtmlDepth">
/// Element nesting followed when extracting HTML text (default 512). Deeper content is still read,
/// but as flat text of the element at the limit; traversal never recurses, so 10,000 nested
/// elements cannot overflow the stack.
/// </param>
/// <param name="MaxJsonDepth">Nesting accepted by the JSON parser (default 64).</param>
public sealed record InputLimits(
    long MaxFileBytes = 20L * 1024 * 1024,
    long MaxJsonLinesFileBytes = 4L * 1024 * 1024 * 1024,
    int MaxJsonLineBytes = 8 * 1024 * 1024,
    int MaxHtmlDepth = 512,
    int MaxJsonDepth = 64)
{
    public static InputLimits Default { get; } = new();
}
