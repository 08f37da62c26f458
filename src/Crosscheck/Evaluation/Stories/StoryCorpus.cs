using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using Crosscheck.Cleaning;
using Crosscheck.Ingest;

namespace Crosscheck.Evaluation.Stories;

/// <summary>
/// A folder of reports with gold story labels: ECB+ token XML files (<c>&lt;token sentence=..&gt;</c>
/// words; the document id is the file name without extension) or plain-text reports, and a
/// <c>gold.tsv</c> (<c>doc&lt;TAB&gt;cluster</c>, with a header) in the folder or one above it.
/// </summary>
public sealed record StoryCorpus(ImmutableArray<Article> Articles, IReadOnlyDictionary<string, string> Gold, string GoldPath, ImmutableArray<string> Warnings)
{
    public static Result<StoryCorpus> Load(string path)
    {
        if (!Directory.Exists(path)) return Result<StoryCorpus>.Fail($"'{path}' is not a folder: give the folder that holds the reports and gold.tsv.");
        var goldPath = FindGold(path);
        if (goldPath is null) return Result<StoryCorpus>.Fail($"No gold.tsv in '{path}' or a folder above it: it must list doc<TAB>cluster for every report.");
        var warnings = new List<string>();
        var gold = ReadGold(goldPath, warnings);

        var articles = new List<Article>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Add(Article article)
        {
            // README.txt and similar notes beside the data are not reports: only listed documents count.
            if (!gold.ContainsKey(article.Id)) return;
            if (!seen.Add(article.Id))
            {
                warnings.Add($"document '{article.Id}' appears twice; kept {articles.First(a => a.Id == article.Id).SourcePath}");
                return;
            }
            articles.Add(article);
        }

        // ECB+ token files; every other format goes through the same reader and cleaning as `analyze`,
        // so publication dates, datelines and debris are handled as in real use.
        foreach (var file in Directory.EnumerateFiles(path, "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            try
            {
                string text = ReadTokenXml(file);
                Add(new Article
                {
                    Id = Path.GetFileNameWithoutExtension(file),
                    SourcePath = file,
                    Text = text,
                    ContentHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))),
                });
            }
            catch (Exception ex) when (ex is IOException or XmlException or UnauthorizedAccessException)
            {
                warnings.Add($"could not read '{file}': {ex.Message}");
            }
        }
        var preparer = new ArticlePreparer();
        foreach (var item in new InputReader(InputLimits.Default).Read([path]))
        {
            if (item.Article is not { } raw)
            {
                if (!item.Skipped && item.Location != path) warnings.Add($"{item.Location}: {item.Error}");
                continue;
            }
            if (!gold.ContainsKey(raw.Id)) continue;
            Add(preparer.Prepare(raw));
        }
        int missing = gold.Keys.Count(k => !seen.Contains(k));
        if (missing > 0) warnings.Add($"{missing} documents listed in {goldPath} were not found under '{path}'; they are left out of the scores");
        var found = gold.Where(g => seen.Contains(g.Key)).ToDictionary(g => g.Key, g => g.Value, StringComparer.Ordinal);
        return Result<StoryCorpus>.Ok(new StoryCorpus([.. articles], found, goldPath, [.. warnings]));
    }

    /// <summary>Rebuilds running text from ECB+ tokens: one line per sentence, tokens separated by spaces.</summary>
    internal static string ReadTokenXml(string file)
    {
        var text = new StringBuilder();
        using var reader = XmlReader.Create(file, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null });
        string? sentence = null;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.Name != "token") continue;
            string? tokenSentence = reader.GetAttribute("sentence");
            string word = reader.ReadElementContentAsString();
            if (sentence is not null)
            {
                text.Append(tokenSentence == sentence ? ' ' : '\n');
            }
            sentence = tokenSentence;
            text.Append(word);
        }
        return text.ToString();
    }

    private static string? FindGold(string path)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(path)); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "gold.tsv");
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    private static Dictionary<string, string> ReadGold(string goldPath, List<string> warnings)
    {
        var gold = new Dictionary<string, string>(StringComparer.Ordinal);
        int lineNumber = 0;
        foreach (var line in File.ReadLines(goldPath))
        {
            lineNumber++;
            if (line.Length == 0) continue;
            var parts = line.Split('\t');
            if (lineNumber == 1 && parts[0].Trim().Equals("doc", StringComparison.OrdinalIgnoreCase)) continue;
            if (parts.Length < 2 || parts[0].Trim().Length == 0)
            {
                warnings.Add($"{goldPath}:{lineNumber}: expected doc<TAB>cluster");
                continue;
            }
            // Ids are given with or without the file extension.
            string doc = parts[0].Trim();
            if (doc.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || doc.EndsWith(".txt", StringComparison.OrdinalIgnoreCase)) doc = doc[..^4];
            gold[doc] = parts[1].Trim();
        }
        return gold;
    }
}
