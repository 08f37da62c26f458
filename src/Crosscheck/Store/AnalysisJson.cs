using System.Text.Json;
using System.Text.Json.Serialization;

namespace Crosscheck.Store;

/// <summary>
/// Serialises an <see cref="AnalyzedArticle"/> (article plus every layer) to one JSON document and
/// back. Layers are written under their <see cref="LayerKey.Name"/>; a layer whose name this build
/// does not know (written by a newer version) is skipped on reading rather than failing the article.
/// </summary>
public static class AnalysisJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = false,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.Converters.Add(new StoredSpanConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    public static byte[] Serialize(AnalyzedArticle analyzed)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(64 * 1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("article");
            JsonSerializer.Serialize(writer, analyzed.Article, Options);
            writer.WriteStartObject("layers");
            foreach (var key in analyzed.LayerKeys.OrderBy(k => k.Name, StringComparer.Ordinal))
            {
                writer.WritePropertyName(key.Name);
                JsonSerializer.Serialize(writer, Boxed(analyzed, key), key.ValueType, Options);
            }
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    public static AnalyzedArticle Deserialize(ReadOnlySpan<byte> json)
    {
        using var document = JsonDocument.Parse(json.ToArray());
        var article = document.RootElement.GetProperty("article").Deserialize<Article>(Options)
            ?? throw new JsonException("The stored analysis has no article.");
        var analyzed = new AnalyzedArticle(article);
        if (document.RootElement.TryGetProperty("layers", out var layers))
        {
            foreach (var property in layers.EnumerateObject())
            {
                var key = Layers.ByName(property.Name);
                if (key is null) continue;
                var value = property.Value.Deserialize(key.ValueType, Options);
                if (value is not null) analyzed = WithBoxed(analyzed, key, value);
            }
        }
        return analyzed;
    }

    private static object Boxed(AnalyzedArticle analyzed, LayerKey key) => analyzed.GetBoxed(key);

    private static AnalyzedArticle WithBoxed(AnalyzedArticle analyzed, LayerKey key, object value) => analyzed.WithBoxed(key, value);
}
