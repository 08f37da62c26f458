using System.Diagnostics.CodeAnalysis;

namespace Crosscheck;

/// <summary>
/// An expected failure as a value: a report we cannot read, a date we cannot resolve.
/// Invariant: exactly one of value or error is set.
/// </summary>
public readonly struct Result<T>
{
    private readonly T? _value;

    private Result(T? value, string? error)
    {
        _value = value;
        Error = error;
    }

    public static Result<T> Ok(T value) => new(value, null);

    /// <param name="error">One sentence that says what is wrong and, where possible, what to do.</param>
    public static Result<T> Fail(string error) => new(default, error);

    public string? Error { get; }

    [MemberNotNullWhen(false, nameof(Error))]
    public bool Success => Error is null;

    public bool TryGetValue([MaybeNullWhen(false)] out T value)
    {
        value = _value!;
        return Error is null;
    }

    public T GetValueOrThrow() => Error is null ? _value! : throw new InvalidOperationException(Error);

    public override string ToString() => Error is null ? $"Ok({_value})" : $"Fail({Error})";
}
