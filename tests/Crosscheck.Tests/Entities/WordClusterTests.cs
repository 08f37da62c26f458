using Crosscheck.Entities;
using FluentAssertions;

namespace Crosscheck.Tests.Entities;

public class WordClusterTests
{
    // Three word classes that only their neighbours tell apart: animals after a determiner, verbs before a full stop.
    private static IReadOnlyList<IReadOnlyList<string>> Corpus()
    {
        string[] determiners = ["the", "a", "one"];
        string[] animals = ["cat", "dog", "horse", "goat"];
        string[] verbs = ["sat", "ran", "slept", "ate"];
        var sentences = new List<IReadOnlyList<string>>();
        foreach (var determiner in determiners)
        {
            foreach (var animal in animals)
            {
                foreach (var verb in verbs) sentences.Add([determiner, animal, verb, "."]);
            }
        }
        return sentences;
    }

    private static readonly WordClusteringOptions Small = new() { ClassCount = 4, MinimumCount = 2 };

    [Fact]
    public void WordsUsedAlikeShareAClusterAndOthersDoNot()
    {
        var paths = WordClusterer.Cluster(Corpus(), Small).ToDictionary(w => w.Word, w => w.Path);

        paths["dog"].Should().Be(paths["cat"]).And.Be(paths["horse"]).And.Be(paths["goat"]);
        paths["ran"].Should().Be(paths["sat"]).And.Be(paths["slept"]).And.Be(paths["ate"]);
        paths["the"].Should().Be(paths["a"]);
        paths["cat"].Should().NotBe(paths["sat"]).And.NotBe(paths["the"]);
    }

    [Fact]
    public void PathsAreBitStringsOfOneTreeAndNoneIsAPrefixOfAnother()
    {
        var distinct = WordClusterer.Cluster(Corpus(), Small).Select(w => w.Path).Distinct().ToList();

        distinct.Should().OnlyContain(p => p.Length > 0 && p.All(c => c == '0' || c == '1'));
        foreach (var path in distinct)
        {
            distinct.Where(other => other != path).Should().NotContain(other => other.StartsWith(path, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void TheSameTextGivesTheSameTableBytes()
    {
        byte[] Table()
        {
            using var buffer = new MemoryStream();
            WordClusters.Write(WordClusterer.Cluster(Corpus(), Small), buffer);
            return buffer.ToArray();
        }

        Table().Should().Equal(Table());
    }

    [Fact]
    public void RareWordsGetNoClusterAndTheMostFrequentWordComesFirst()
    {
        var sentences = Corpus().Append(["the", "zebra", "sat", "."]).ToList();
        var words = WordClusterer.Cluster(sentences, Small);

        words.Select(w => w.Word).Should().NotContain("zebra");
        words[0].Count.Should().BeGreaterThanOrEqualTo(words[^1].Count);
    }

    [Fact]
    public void TheTableRoundTripsAndFallsBackToLowerCase()
    {
        using var buffer = new MemoryStream();
        WordClusters.Write([new ClusteredWord("troops", "0110", 9), new ClusteredWord("Troops", "1", 2), new ClusteredWord("Oslo", "10", 3)], buffer);
        buffer.Position = 0;
        var table = WordClusters.Load(buffer);

        table.Count.Should().Be(3);
        table.Lookup("Troops").Should().NotBe(table.Lookup("troops"), "an exact form wins");
        table.Lookup("TROOPS").Should().Be(table.Lookup("troops"), "the most frequent form with that lower case");
        table.Lookup("Tallinn").Should().Be(WordClusters.Unknown);
        table.Lookup("oslo").Should().Be(table.Lookup("Oslo"));
    }

    [Fact]
    public void ATableLineThatIsNotWordTabBitsIsRejected()
    {
        using var buffer = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(buffer, System.IO.Compression.CompressionMode.Compress, leaveOpen: true))
        using (var writer = new StreamWriter(gzip)) writer.Write("Oslo\t12\n");
        buffer.Position = 0;

        var load = () => WordClusters.Load(buffer);

        load.Should().Throw<InvalidDataException>();
    }

    [Fact]
    public void WordsOfOneClusterGetTheSameClusterFeaturesAndAnUnknownWordOthers()
    {
        using var buffer = new MemoryStream();
        WordClusters.Write([new ClusteredWord("Oslo", "0110", 5), new ClusteredWord("Tallinn", "0110", 4), new ClusteredWord("met", "10", 9)], buffer);
        buffer.Position = 0;
        var table = WordClusters.Load(buffer);
        const int mask = (1 << 16) - 1;

        int[] ClusterFeatures(string city)
        {
            var (text, spans) = NerTrainer.Join(["They", "met", "in", city, "."]);
            var features = new int[spans.Length * NerFeatures.PerToken];
            NerFeatures.Extract(text, spans, mask, features, table);
            features.Should().OnlyContain(f => f >= 0 && f <= mask);
            return features[(3 * NerFeatures.PerToken + NerFeatures.FirstClusterFeature)..(4 * NerFeatures.PerToken)];
        }

        ClusterFeatures("Tallinn").Should().Equal(ClusterFeatures("Oslo"));
        ClusterFeatures("Vilnius").Should().NotEqual(ClusterFeatures("Oslo"));
    }

    [Fact]
    public void TheShippedTablePutsCommonSurnamesTogether()
    {
        WordClusters.Default.Count.Should().BeGreaterThan(10_000);
        WordClusters.Default.Lookup("Putin").Path.Should().Be(WordClusters.Default.Lookup("Blair").Path);
    }
}
