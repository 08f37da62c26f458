namespace Crosscheck.Cleaning;

/// <summary>One non-blank line of a report while it is being cleaned.</summary>
internal sealed class CleanLine(string text)
{
    public string Text { get; set; } = text;

    public int Words { get; } = LineRules.CountWords(text);

    /// <summary>Why the whole line is removed, or null while it stays in the text.</summary>
    public string? Removed { get; private set; }

    /// <summary>Metadata cut from the line's start (agency prefix, dateline), in order.</summary>
    public List<RemovedPiece> CutFromStart { get; } = [];

    public bool IsKept => Removed is null;

    public void RemoveUnlessRemoved(string reason) => Removed ??= reason;
}
