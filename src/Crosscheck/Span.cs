namespace Crosscheck;

/// <summary>
/// A half-open range [Start, End) of UTF-16 offsets into an article's cleaned text
/// (<see cref="Article.Text"/>). Every annotation holds spans, never copies of the text.
/// </summary>
/// <remarks><c>default</c> is the empty span at offset 0.</remarks>
public readonly record struct Span(int Start, int End) : IComparable<Span>
{
    public int Length => End - Start;

    public bool IsEmpty => End <= Start;

    public bool Contains(int offset) => offset >= Start && offset < End;

    public bool Contains(Span other) => other.Start >= Start && other.End <= End;

    public bool Overlaps(Span other) => other.Start < End && Start < other.End;

    public string Of(string text) => text.Substring(Start, End - Start);

    public ReadOnlySpan<char> SliceOf(string text) => text.AsSpan(Start, End - Start);

    public int CompareTo(Span other) => Start != other.Start ? Start.CompareTo(other.Start) : End.CompareTo(other.End);

    public override string ToString() => $"[{Start},{End})";
}
