namespace Crosscheck;

/// <summary>
/// Names one annotation layer. Stages declare the keys they require and produce, and the
/// pipeline checks those declarations once, in <see cref="PipelineBuilder.Build"/>.
/// </summary>
public abstract class LayerKey
{
    private protected LayerKey(string name) => Name = name;

    public string Name { get; }

    public abstract Type ValueType { get; }

    public override string ToString() => Name;
}

/// <summary>A layer whose value is a <typeparamref name="T"/> (usually an immutable array of records).</summary>
public sealed class LayerKey<T> : LayerKey where T : notnull
{
    public LayerKey(string name) : base(name) { }

    public override Type ValueType => typeof(T);
}
