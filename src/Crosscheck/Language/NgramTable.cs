namespace Crosscheck.Language;

/// <summary>
/// Read-only open-addressing map from n-gram hash to entry number: one probe sequence over two
/// flat arrays, cheaper than a Dictionary on the hot path (about fifteen lookups per character).
/// </summary>
internal sealed class NgramTable
{
    private readonly ulong[] _keys;
    private readonly int[] _values;
    private readonly int _mask;

    /// <param name="entries">Hash to entry number; entry numbers must be 0..Count-1.</param>
    public NgramTable(IReadOnlyDictionary<ulong, int> entries)
    {
        var capacity = 16;
        while (capacity < entries.Count * 3) capacity <<= 1; // load factor at most 1/3 keeps probes short
        _keys = new ulong[capacity];
        _values = new int[capacity];
        Array.Fill(_values, -1);
        _mask = capacity - 1;
        foreach (var (key, value) in entries)
        {
            var slot = Slot(key);
            while (_values[slot] >= 0) slot = (slot + 1) & _mask;
            _keys[slot] = key;
            _values[slot] = value;
        }
        Count = entries.Count;
    }

    public int Count { get; }

    /// <summary>The entry number of <paramref name="key"/>, or -1.</summary>
    public int Find(ulong key)
    {
        var slot = Slot(key);
        while (true)
        {
            var value = _values[slot];
            if (value < 0) return -1;
            if (_keys[slot] == key) return value;
            slot = (slot + 1) & _mask;
        }
    }

    private int Slot(ulong key) => (int)((key ^ (key >> 29)) & (ulong)_mask);
}
