namespace Crosscheck;

/// <summary>
/// Mutable configuration of a <see cref="Pipeline"/>. Stages are placed by name, not by index,
/// and <see cref="Build"/> checks every stage's requirements against what earlier stages produce.
/// </summary>
public sealed class PipelineBuilder
{
    private readonly List<IStage> _stages = [];

    public IReadOnlyList<IStage> Stages => _stages;

    public PipelineBuilder Add(IStage stage)
    {
        EnsureNew(stage);
        _stages.Add(stage);
        return this;
    }

    public PipelineBuilder InsertAfter(string existingStage, IStage stage)
    {
        EnsureNew(stage);
        _stages.Insert(IndexOf(existingStage) + 1, stage);
        return this;
    }

    public PipelineBuilder InsertBefore(string existingStage, IStage stage)
    {
        EnsureNew(stage);
        _stages.Insert(IndexOf(existingStage), stage);
        return this;
    }

    public PipelineBuilder Replace(string existingStage, IStage stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        int index = IndexOf(existingStage);
        if (stage.Name != existingStage) EnsureNew(stage);
        _stages[index] = stage;
        return this;
    }

    private void EnsureNew(IStage stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        if (_stages.Any(s => s.Name == stage.Name))
        {
            throw new InvalidOperationException($"A stage named '{stage.Name}' is already in the pipeline; remove or replace it first.");
        }
    }

    public PipelineBuilder Remove(string existingStage)
    {
        _stages.RemoveAt(IndexOf(existingStage));
        return this;
    }

    /// <exception cref="InvalidOperationException">A stage needs a layer no earlier stage produces, or two stages produce the same layer.</exception>
    public Pipeline Build()
    {
        var produced = new HashSet<LayerKey>();
        foreach (var stage in _stages)
        {
            foreach (var need in stage.Requires)
            {
                if (!produced.Contains(need))
                {
                    var producer = _stages.FirstOrDefault(s => s.Produces.Contains(need));
                    throw new InvalidOperationException(producer is null
                        ? $"Stage '{stage.Name}' requires layer '{need.Name}', which no stage produces. Add a stage that produces it."
                        : $"Stage '{stage.Name}' requires layer '{need.Name}', but '{producer.Name}' which produces it comes later. Move '{stage.Name}' after '{producer.Name}'.");
                }
            }
            foreach (var output in stage.Produces)
            {
                if (!produced.Add(output))
                {
                    throw new InvalidOperationException($"Layer '{output.Name}' is produced twice (again by '{stage.Name}'); each layer has one producer.");
                }
            }
        }
        return new Pipeline([.. _stages]);
    }

    private int IndexOf(string name)
    {
        var index = _stages.FindIndex(s => s.Name == name);
        return index >= 0
            ? index
            : throw new InvalidOperationException($"No stage named '{name}'. Stages: {string.Join(", ", _stages.Select(s => s.Name))}.");
    }
}
