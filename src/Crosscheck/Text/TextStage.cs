namespace Crosscheck.Text;

/// <summary>Adds the sentence and token layers that every later stage reads.</summary>
public sealed class TextStage : IStage
{
    public const string StageName = "text";

    public string Name => StageName;

    public IReadOnlyList<LayerKey> Requires { get; } = [];

    public IReadOnlyList<LayerKey> Produces { get; } = [Layers.Sentences, Layers.Tokens];

    public AnalyzedArticle Process(AnalyzedArticle article, AnalysisContext context)
    {
        var (sentences, tokens) = Tokenizer.Analyze(article.Text);
        return article.With(Layers.Sentences, sentences).With(Layers.Tokens, tokens);
    }
}
