using System;
using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace LifePos.Emulator.Answers;

internal static class Json
{
    /// <summary>
    /// How deep the JSON the emulator reads, stores and answers may nest: a value as deep as clients send (64 levels,
    /// the System.Text.Json default) inside any body, patch or page around it.
    /// </summary>
    public const int MaxDepth = 128;

    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, MaxDepth = MaxDepth };
    public static readonly JsonSerializerOptions NodeOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, MaxDepth = MaxDepth };
    public static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = MaxDepth };

    /// <summary>UTC with milliseconds and an offset: 2026-11-29T18:00:00.123+00:00 (the default answer style).</summary>
    public static string FormatDate(DateTimeOffset value) => FormatDate(value, DateFormat.Ms);

    public static string FormatDate(DateTimeOffset value, DateFormat format) => value.ToUniversalTime().ToString(format switch
    {
        DateFormat.Seconds => "yyyy-MM-dd'T'HH:mm:sszzz",
        DateFormat.Ticks => "yyyy-MM-dd'T'HH:mm:ss.fffffffzzz",
        DateFormat.Zulu => "yyyy-MM-dd'T'HH:mm:ss.fff'Z'",
        _ => "yyyy-MM-dd'T'HH:mm:ss.fffzzz",
    }, CultureInfo.InvariantCulture);

    public static void WriteDate(Utf8JsonWriter writer, string name, DateTimeOffset? value, AnswerStyle style)
    {
        if (value is { } date) writer.WriteString(name, FormatDate(date, style.Dates));
        else writer.WriteNull(name);
    }

    /// <summary>A number, or its digits as a string under numbers=string.</summary>
    public static void WriteCount(Utf8JsonWriter writer, string name, int value, AnswerStyle style)
    {
        if (style.Numbers == NumberFormat.String) writer.WriteString(name, value.ToString(CultureInfo.InvariantCulture));
        else writer.WriteNumber(name, value);
    }

    public static void WriteText(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null) writer.WriteNull(name); else writer.WriteString(name, value);
    }

    /// <summary>Stored JSON text as a property (null when there is none).</summary>
    public static void WriteRaw(Utf8JsonWriter writer, string name, string? json)
    {
        writer.WritePropertyName(name);
        if (json is null) writer.WriteNullValue(); else writer.WriteRawValue(json, skipInputValidation: true);
    }

    public static void WriteReference(Utf8JsonWriter writer, string name, Guid guid, string typeOf)
    {
        writer.WriteStartObject(name);
        writer.WriteString("guid", guid);
        writer.WriteString("type_of", typeOf);
        writer.WriteEndObject();
    }

    public static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions)) write(writer);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Compact JSON text of an element, non-ASCII kept readable.</summary>
    public static string Compact(JsonElement element) => Encoding.UTF8.GetString(Write(element.WriteTo));
}
