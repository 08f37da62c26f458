using System.Collections.Immutable;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Crosscheck.Report;

/// <summary>
/// Reads and writes dossier.json, the contract described in docs/dossier.md and
/// docs/dossier.schema.json. Property names and enum values are camelCase; a null optional
/// field is left out rather than written as <c>null</c> (every nullable field of the model is
/// optional in the schema, every non-nullable one is always written); arrays are always written,
/// empty when there is nothing to say.
/// </summary>
/// <remarks>
/// Non-ASCII text is written as UTF-8, not as \u escapes, so a journalist can read the file in
/// any editor; quotes, backslashes and control characters are still escaped, so the output is
/// valid JSON. The output is not meant to be pasted inside an HTML &lt;script&gt;: HTML-sensitive
/// characters are not escaped (the HTML writer never embeds it).
/// </remarks>
public static class DossierJson
{
    /// <summary>The options used for writing. Shared and frozen.</summary>
    /// <remarks>
    /// Writing is lenient: a null in a property the model declares non-nullable is left out
    /// rather than failing the whole run at its last step (the schema tests catch such a
    /// builder bug). Reading is strict: see <see cref="ReadOptions"/>.
    /// </remarks>
    public static JsonSerializerOptions Options { get; } = CreateOptions(strict: false);

    /// <summary>
    /// The options used for reading: a missing or null required string or record is an error,
    /// not a null hidden in a non-nullable property.
    /// </summary>
    public static JsonSerializerOptions ReadOptions { get; } = CreateOptions(strict: true);

    /// <summary>Writes <paramref name="dossier"/> as indented UTF-8 JSON. Leaves the stream open.</summary>
    /// <exception cref="ArgumentException">A number in the dossier is NaN or infinite (JSON cannot carry it).</exception>
    public static void Write(Dossier dossier, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        ArgumentNullException.ThrowIfNull(stream);
        JsonSerializer.Serialize(stream, dossier, Options);
    }

    /// <summary>The dossier as a JSON string (tests, small outputs).</summary>
    public static string Serialize(Dossier dossier)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        return JsonSerializer.Serialize(dossier, Options);
    }

    /// <summary>Reads a dossier written by <see cref="Write"/> (or by hand, following the schema).</summary>
    /// <exception cref="JsonException">The input is not JSON, or a required field is missing or null.</exception>
    public static Dossier Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return JsonSerializer.Deserialize<Dossier>(stream, ReadOptions)
            ?? throw new JsonException("dossier.json holds 'null' instead of a dossier object.");
    }

    /// <summary>Like <see cref="Read"/>, but an unreadable file is a failed result with one clear sentence.</summary>
    public static Result<Dossier> TryRead(Stream stream)
    {
        try
        {
            return Result<Dossier>.Ok(Read(stream));
        }
        catch (JsonException ex)
        {
            var where = ex.Path is null ? "" : $" at {ex.Path}";
            return Result<Dossier>.Fail($"Not a valid dossier{where}: {ex.Message}");
        }
    }

    private static JsonSerializerOptions CreateOptions(bool strict)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            WriteIndented = true,
            IndentSize = 2,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            RespectNullableAnnotations = strict,
            TypeInfoResolver = strict ? new DefaultJsonTypeInfoResolver { Modifiers = { RequireNonNullableReferences } } : new DefaultJsonTypeInfoResolver(),
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.Converters.Add(new ImmutableArrayConverterFactory());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>
    /// On read, a property is required exactly when it is a non-nullable reference (a string id,
    /// a text, a place record): leaving it out would put null where the model promises a value.
    /// Numbers and arrays may be left out and read as 0 and [], so a dossier written before a
    /// field was added still reads.
    /// </summary>
    private static void RequireNonNullableReferences(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object || typeInfo.Type.Namespace != typeof(Dossier).Namespace) return;
        var nullability = new NullabilityInfoContext();
        foreach (var property in typeInfo.Properties)
        {
            if (property.AttributeProvider is not PropertyInfo info) continue;
            property.IsRequired = !info.PropertyType.IsValueType && nullability.Create(info).WriteState != NullabilityState.Nullable;
        }
    }

    /// <summary>
    /// Writes a default (uninitialised) <see cref="ImmutableArray{T}"/> as [] instead of throwing,
    /// and reads null as empty, so "no items" has one spelling in the file.
    /// </summary>
    private sealed class ImmutableArrayConverterFactory : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) =>
            typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(ImmutableArray<>);

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(
                typeof(ImmutableArrayConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;
    }

    private sealed class ImmutableArrayConverter<T> : JsonConverter<ImmutableArray<T>>
    {
        public override bool HandleNull => true;

        public override ImmutableArray<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null) return [];
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw new JsonException($"Expected an array, found {reader.TokenType}.");
            }
            var items = ImmutableArray.CreateBuilder<T>();
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.EndArray) return items.DrainToImmutable();
                var item = JsonSerializer.Deserialize<T>(ref reader, options);
                if (item is null) throw new JsonException($"An array of {typeof(T).Name} holds null.");
                items.Add(item);
            }
            throw new JsonException("Unterminated array.");
        }

        public override void Write(Utf8JsonWriter writer, ImmutableArray<T> value, JsonSerializerOptions options)
        {
            writer.WriteStartArray();
            if (!value.IsDefault)
            {
                foreach (var item in value) JsonSerializer.Serialize(writer, item, options);
            }
            writer.WriteEndArray();
        }
    }
}
