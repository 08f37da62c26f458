using System.Collections.Immutable;
using Crosscheck.Text;
using FluentAssertions;

namespace Crosscheck.Tests.Core;

public class PipelineBuilderTests
{
    private static readonly LayerKey<ImmutableArray<int>> Numbers = new("numbers");
    private static readonly LayerKey<ImmutableArray<int>> Doubled = new("doubled");

    private sealed class CountWords : IStage
    {
        public string Name => "count";
        public IReadOnlyList<LayerKey> Requires { get; } = [Layers.Tokens];
        public IReadOnlyList<LayerKey> Produces { get; } = [Numbers];
        public AnalyzedArticle Process(AnalyzedArticle article, AnalysisContext context) =>
            article.With(Numbers, [article.Items(Layers.Tokens).Length]);
    }

    private sealed class Double(bool fail = false) : IStage
    {
        public string Name => "double";
        public IReadOnlyList<LayerKey> Requires { get; } = [Numbers];
        public IReadOnlyList<LayerKey> Produces { get; } = [Doubled];
        public AnalyzedArticle Process(AnalyzedArticle article, AnalysisContext context) =>
            fail ? throw new InvalidOperationException("boom") : article.With(Doubled, [.. article.Get(Numbers).Select(n => n * 2)]);
    }

    private sealed class Throws : IStage
    {
        public string Name => "throws";
        public IReadOnlyList<LayerKey> Requires { get; } = [];
        public IReadOnlyList<LayerKey> Produces { get; } = [Numbers];
        public AnalyzedArticle Process(AnalyzedArticle article, AnalysisContext context) => throw new FormatException("bad input");
    }

    [Fact]
    public void BuildRejectsAStageWhoseRequiredLayerComesLaterAndNamesTheFix()
    {
        var builder = new PipelineBuilder().Add(new CountWords()).Add(new TextStage());
        var build = () => builder.Build();
        build.Should().Throw<InvalidOperationException>().WithMessage("*'count' requires layer 'tokens'*Move 'count' after 'text'*");
    }

    [Fact]
    public void BuildRejectsALayerProducedTwice()
    {
        var builder = new PipelineBuilder().Add(new TextStage()).Add(new CountWords()).Add(new Throws());
        builder.Invoking(b => b.Build()).Should().Throw<InvalidOperationException>().WithMessage("*'numbers' is produced twice*");
    }

    [Fact]
    public void StagesAreOrderedByNameNotIndex()
    {
        var pipeline = new PipelineBuilder().Add(new TextStage()).Add(new Double()).InsertBefore("double", new CountWords()).Build();
        pipeline.Stages.Select(s => s.Name).Should().Equal("text", "count", "double");
        var outcome = pipeline.Analyze(Some.Article("one two three"), Some.Context());
        outcome.Succeeded.Should().BeTrue();
        outcome.Article.Get(Doubled).Should().Equal(6);
    }

    [Fact]
    public void AFailingStageIsReportedAndItsDependentsSkippedWhileEarlierLayersRemain()
    {
        var pipeline = new PipelineBuilder().Add(new TextStage()).Add(new Throws()).Add(new Double()).Build();
        var outcome = pipeline.Analyze(Some.Article("one two"), Some.Context());
        outcome.Failures.Select(f => f.Stage).Should().Equal("throws", "double");
        outcome.Failures[0].Message.Should().Contain("bad input");
        outcome.Failures[1].Message.Should().Contain("layer 'numbers' is missing");
        outcome.Article.Has(Layers.Tokens).Should().BeTrue();
    }

    private sealed class ReturnsNull : IStage
    {
        public string Name => "null";
        public IReadOnlyList<LayerKey> Requires { get; } = [];
        public IReadOnlyList<LayerKey> Produces { get; } = [Numbers];
        public AnalyzedArticle Process(AnalyzedArticle article, AnalysisContext context) => null!;
    }

    [Fact]
    public void AStageThatReturnsNothingIsAFailureNotACrashLater()
    {
        var outcome = new PipelineBuilder().Add(new TextStage()).Add(new ReturnsNull()).Build().Analyze(Some.Article("one two"), Some.Context());
        outcome.Failures.Should().ContainSingle(f => f.Stage == "null");
        outcome.Article.Has(Layers.Tokens).Should().BeTrue();
    }

    [Fact]
    public void InsertingOrReplacingWithANameAlreadyUsedIsRefused()
    {
        var builder = new PipelineBuilder().Add(new TextStage()).Add(new CountWords());
        builder.Invoking(b => b.InsertAfter("text", new CountWords())).Should().Throw<InvalidOperationException>();
        builder.Invoking(b => b.Replace("count", new TextStage())).Should().Throw<InvalidOperationException>();
        builder.Replace("count", new CountWords()).Stages.Should().HaveCount(2);
    }

    [Fact]
    public void TheBuiltPipelineDoesNotChangeWhenTheBuilderDoes()
    {
        var builder = new PipelineBuilder().Add(new TextStage());
        var pipeline = builder.Build();
        builder.Add(new CountWords());
        pipeline.Stages.Should().HaveCount(1);
    }

    [Fact]
    public void AnArticlesTextCannotBeReplacedUnderItsLayers()
    {
        var analyzed = new AnalyzedArticle(Some.Article("one"));
        analyzed.Invoking(a => a.WithArticle(a.Article with { Text = "two" })).Should().Throw<ArgumentException>();
        analyzed.WithArticle(analyzed.Article with { Outlet = "Valley Post" }).Article.Outlet.Should().Be("Valley Post");
    }
}
