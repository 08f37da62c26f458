using System.Text.Json;
using System.Text.Json.Serialization;

namespace Crosscheck.Store;

/// <summary>
/// A stored span is <c>[start, end]</c>: a report has hundreds of tokens, and the object form
/// (<c>{"start":..,"end":..,"length":..,"isEmpty":..}</c>) made spans most of a stored analysis.
/// The object form is still read, so stores written before keep loading.
/// </summary>
internal sealed class StoredSpanConverter : JsonConverter<Span>
{
    public override Span Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            int start = ReadInt(ref reader);
            int end = ReadInt(ref reader);
            if (!reader.Read() || reader.TokenType != JsonTokenType.EndArray) throw new JsonException("A stored span is [start, end].");
            return new Span(start, end);
        }
        if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("A stored span is [start, end] or an object with start and end.");
        int objectStart = 0, objectEnd = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            if (reader.TokenType != JsonTokenType.PropertyName) throw new JsonException("A stored span object holds only properties.");
            bool isStart = reader.ValueTextEquals("start"u8);
            bool isEnd = reader.ValueTextEquals("end"u8);
            reader.Read();
            if (isStart) objectStart = reader.GetInt32();
            else if (isEnd) objectEnd = reader.GetInt32();
            else reader.Skip();
        }
        return new Span(objectStart, objectEnd);
    }

    public override void Write(Utf8JsonWriter writer, Span value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        writer.WriteNumberValue(value.Start);
        writer.WriteNumberValue(value.End);
        writer.WriteEndArray();
    }

    private static int ReadInt(ref Utf8JsonReader reader)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.Number) throw new JsonException("A stored span is [start, end].");
        return reader.GetInt32();
    }
}
