namespace Crosscheck;

/// <summary>
/// One step of per-article analysis. A stage is pure: same article, same context, same result;
/// it holds only read-only resources (models, gazetteer) and is safe to call from many threads.
/// </summary>
public interface IStage
{
    /// <summary>Unique, stable name; used to order stages and in failure messages.</summary>
    string Name { get; }

    /// <summary>Layers that must exist before this stage runs.</summary>
    IReadOnlyList<LayerKey> Requires { get; }

    /// <summary>Layers this stage adds.</summary>
    IReadOnlyList<LayerKey> Produces { get; }

    AnalyzedArticle Process(AnalyzedArticle article, AnalysisContext context);
}
