namespace Crosscheck.Language;

/// <summary>
/// Per-thread scratch counts of n-gram table entries, reused across calls so identification
/// allocates nothing once warm. Only touched slots are reset, so a call costs what the text costs.
/// </summary>
internal sealed class EntryTally
{
    [ThreadStatic]
    private static EntryTally? _current;

    private EntryTally(int entries)
    {
        Counts = new int[entries];
        Touched = new int[256];
    }

    /// <summary>Occurrences per entry; zero for every entry not in <see cref="Touched"/>.</summary>
    public int[] Counts { get; private set; }

    public int[] Touched { get; private set; }

    public int TouchedCount { get; private set; }

    /// <summary>This thread's tally, large enough for <paramref name="entries"/> entries and empty.</summary>
    public static EntryTally ForCurrentThread(int entries)
    {
        var tally = _current ??= new EntryTally(entries);
        if (tally.Counts.Length < entries) tally.Counts = new int[entries];
        return tally;
    }

    public void Add(int entry)
    {
        if (Counts[entry]++ != 0) return;
        if (TouchedCount == Touched.Length)
        {
            var grown = new int[Touched.Length * 2];
            Touched.CopyTo(grown, 0);
            Touched = grown;
        }
        Touched[TouchedCount++] = entry;
    }

    public void Reset()
    {
        for (var t = 0; t < TouchedCount; t++) Counts[Touched[t]] = 0;
        TouchedCount = 0;
    }
}
