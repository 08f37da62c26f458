using Crosscheck.Cleaning;
using Crosscheck.Crosschecking;
using Crosscheck.Entities;
using Crosscheck.Ingest;
using Crosscheck.Report;

namespace Crosscheck.Processing;

/// <summary>
/// The composition root: the standard reader, preparation, pipeline and dossier assembly, built
/// once (models and gazetteer load here) and shared by the CLI, the benchmark and the tests.
/// Every member is immutable and thread-safe.
/// </summary>
public sealed class Components
{
    private readonly ArticlePreparer _preparer;
    private readonly IEntityLinker _linker;

    private Components(InputReader reader, ArticlePreparer preparer, Pipeline pipeline, IEntityLinker linker)
    {
        Reader = reader;
        _preparer = preparer;
        Pipeline = pipeline;
        _linker = linker;
    }

    public InputReader Reader { get; }

    public Pipeline Pipeline { get; }

    /// <param name="referenceDate">
    /// The run's reference date: it anchors the year of a dateline or weekday date that gives none,
    /// and (through <see cref="AnalysisContext"/>) relative dates in undated reports.
    /// </param>
    public static Components CreateDefault(DateOnly referenceDate, InputLimits? limits = null) => new(
        new InputReader(limits ?? InputLimits.Default),
        new ArticlePreparer(new PreparerOptions(AnchorDate: referenceDate)),
        DefaultPipeline.Create(),
        new CrossReportEntityLinker());

    /// <summary>Cleaning and provenance: the raw report becomes the article every offset refers to.</summary>
    public Article Prepare(RawArticle raw) => _preparer.Prepare(raw);

    /// <summary>The cross-report half: stories, merged entities, matched claims, origins, contradictions, timeline.</summary>
    public Dossier BuildDossier(IReadOnlyList<AnalyzedArticle> articles, DateOnly referenceDate) =>
        new DossierAssembler(_linker, reanalyze: article => Pipeline.Analyze(article, new AnalysisContext(referenceDate)).Article).Assemble(articles, referenceDate);
}
