using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LifePos.Tests.Fuzzing;

/// <summary>
/// Applies one <see cref="Mutation"/> to a valid answer. Values JSON cannot hold as a node (1e400, invalid UTF-8, 200
/// levels of nesting, a duplicate key) go in as placeholders that are replaced by raw bytes after serializing.
/// </summary>
internal sealed class AnswerMutator
{
    public const int HugeLength = 1024 * 1024;

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // Built and encoded once: a fresh 1 MB string per answer would cost more than the client's whole reading of it.
    private static readonly Lazy<byte[]> HugeJson = new(() => JsonSerializer.SerializeToUtf8Bytes(MakeHuge(new Random(1)), Relaxed));
    private const string PlaceholderStart = "\"@@RAW";
    private const string PlaceholderEnd = "@@\"";

    private static readonly string[] WrongValues =
    [
        "\"text\"", "\"\"", "\"12\"", "42", "0", "-1", "2147483648", "1e400", "-1e400", "12345678901234567890", "-0.0", "1.5e-400",
        "true", "false", "[]", "[1,\"a\",null]", "{}", "{\"guid\":\"00000000-0000-0000-0000-000000000000\"}",
        "\"00000000-0000-0000-0000-000000000000\"", "\"not-a-guid\"", "\"\\uD800\"", "\"\\u0000\"",
    ];

    private static readonly string[] ExtraNames =
    [
        "unknown_field", "GUID", "Name", "NUMBER", "", "поле", "pin_code_hash", "api_key", "token", "password", "$id", "$ref", "$type",
        "$values", "extensions", "type_of", "items", "next_page_token", "activation_code", "workplace", "code", "message",
    ];

    private static readonly string[] OddDates =
    [
        "\"\"", "\"0000-00-00T00:00:00Z\"", "\"0001-01-01T00:00:00+14:00\"", "\"9999-12-31T23:59:59-14:00\"", "\"2026-02-30T10:00:00Z\"",
        "\"2026-11-29T18:00:00+25:00\"", "\"2026-11-29 18:00:00\"", "\"29.11.2026 18:00\"", "\"yesterday\"", "\"2026-11-29T18:00:00.123456789012Z\"",
        "\"1732903200\"", "\"-1\"", "0", "-1", "1732903200", "1732903200123", "-62135596800", "-62135596801", "-99999999999", "-90000000000000",
        "99999999999999", "1e14", "1e300", "-1e13", "1.5", "NaN", "true", "[]", "{}", "\"\\u0000\"", "\"２０２６-11-29\"",
        "\"2026-11-29T18:00:00Z garbage\"", "\"+275760-09-13T00:00:00Z\"", "\"-0001-01-01T00:00:00Z\"", "\"2026-11-29T24:00:00Z\"",
    ];

    private static readonly string?[] ContentTypes =
    [
        null, "text/html; charset=utf-8", "text/plain", "application/xml", "application/octet-stream", "application/json; charset=utf-16",
        "application/problem+json", "image/png", "x", ";;;", "application/json; charset=\"unclosed", "multipart/form-data; boundary=x",
    ];

    // Bytes that are not UTF-8, and (last) escapes JSON allows that no UTF-16 text holds: lone surrogates.
    private static readonly byte[][] InvalidUtf8 =
    [
        [0xFF], [0xC3, 0x28], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xF8, 0x88, 0x80, 0x80, 0x80], [0x80], [0xF4, 0x90, 0x80, 0x80],
        "\\uD800"u8.ToArray(), "\\uDFFF\\uD800"u8.ToArray(),
    ];

    private static readonly string[] BrokenBodies =
    [
        "", " \r\n\t ", "null", "[]", "\"text\"", "42", "true", "{}", "}{", "NaN", "{'guid':'x'}", "{\"a\":1,}", "/* comment */ {}",
        "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>", "Service temporarily unavailable",
        "{\"code\":\"a\\qb\",\"message\":\"\\u12\"", "{\"error\":\"\\x41\"", "{\"code\":\"NotFound\"}{\"code\":\"NotFound\"}",
    ];

    private readonly Random _random;
    private readonly List<byte[]> _raw = [];

    public AnswerMutator(Random random) => _random = random;

    /// <summary>The mutation applied to <paramref name="valid"/> (which it changes), sent as <paramref name="contentType"/> unless the mutation changes it.</summary>
    public MutatedBody Apply(Mutation mutation, JsonNode valid, string contentType)
    {
        _raw.Clear();
        JsonNode? root = valid;
        var detail = mutation.ToString();
        switch (mutation)
        {
            case Mutation.DropField:
                if (Pick(Slots(root).Where(slot => slot.Name != null).ToList()) is { } dropped)
                {
                    ((JsonObject)dropped.Parent).Remove(dropped.Name!);
                    detail += " " + dropped.Path;
                }

                break;
            case Mutation.NullValue:
                root = Replace(root, () => null, ref detail);
                break;
            case Mutation.WrongType:
                root = Replace(root, () => Raw(Choose(WrongValues)), ref detail);
                break;
            case Mutation.ExtraFields:
                for (var count = 1 + _random.Next(4); count > 0; count--)
                {
                    if (Pick(Objects(root)) is { } target)
                    {
                        var name = _random.Next(6) == 0 ? new string('n', 10_000) : Choose(ExtraNames);
                        target[name] = Raw(Choose(WrongValues));
                        detail += " " + (name.Length > 40 ? "<10000 chars>" : name);
                    }
                }

                break;
            case Mutation.HugeString:
                if (_random.Next(4) == 0 && Pick(Objects(root)) is { } holder)
                {
                    holder[Placeholder(HugeJson.Value)] = "huge name";
                    detail += " as a property name";
                }
                else
                {
                    root = Replace(root, () => Raw(HugeJson.Value), ref detail);
                }

                break;
            case Mutation.DeepNesting:
                var depth = _random.Next(5) == 0 ? 62 + _random.Next(4) : 200;
                root = Replace(root, () => Raw(Nested(depth)), ref detail);
                detail += " (" + depth + " deep)";
                break;
            case Mutation.InvalidUtf8:
                return InvalidUtf8Body(root, contentType);
            case Mutation.OddDate:
                var dates = Slots(root).Where(slot => slot.Name is { } name && name.EndsWith("_at", StringComparison.Ordinal)).ToList();
                if (Pick(dates) is { } date)
                {
                    var odd = Choose(OddDates);
                    ((JsonObject)date.Parent)[date.Name!] = Raw(odd);
                    detail += " " + date.Path + "=" + odd;
                }

                break;
            case Mutation.WrongContentType:
                var wrong = ContentTypes[_random.Next(ContentTypes.Length)];
                return new MutatedBody(Serialize(root), wrong, null, detail + " " + (wrong ?? "(none)"));
            case Mutation.Truncated:
                var whole = Serialize(root);
                var keep = _random.Next(whole.Length);
                return new MutatedBody(whole[..keep], contentType, null, detail + " to " + keep + " of " + whole.Length + " bytes");
            case Mutation.CutConnection:
                var full = Serialize(root);
                var sent = _random.Next(full.Length);
                return new MutatedBody(full, contentType, sent, detail + " after " + sent + " of " + full.Length + " bytes");
            case Mutation.BrokenJson:
                if (_random.Next(2) == 0)
                {
                    var broken = Choose(BrokenBodies);
                    return new MutatedBody(Encoding.UTF8.GetBytes(broken), contentType, null, detail + " " + Shorten(broken));
                }

                root = Replace(root, () => Raw(Choose(new[] { "\"\\q\"", "\"\\u12\"", "\"\\\"", "'single'", "undefined", "0x10", "+1", ".5", "01" })), ref detail);
                break;
            case Mutation.DuplicateKey:
                if (Pick(Slots(root).Where(slot => slot.Name != null).ToList()) is { } duplicated)
                {
                    ((JsonObject)duplicated.Parent)[Placeholder(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(duplicated.Name)))] = Raw(Choose(WrongValues));
                    detail += " " + duplicated.Path;
                }

                break;
        }

        return new MutatedBody(Serialize(root), contentType, null, detail);
    }

    private static string MakeHuge(Random random)
    {
        string[] pieces = ["abc", "Касса", " ", "\"", "\\", "\n", "\u0001", "€", "😀", "<script>", "%00", "\t"];
        var text = new StringBuilder(HugeLength + 16);
        while (text.Length < HugeLength)
        {
            text.Append(pieces[random.Next(pieces.Length)]);
        }

        return text.ToString();
    }

    private static string Nested(int depth)
    {
        var text = new StringBuilder();
        var closers = new Stack<char>();
        var random = new Random(depth);
        for (var level = 0; level < depth; level++)
        {
            if (random.Next(2) == 0)
            {
                text.Append('[');
                closers.Push(']');
            }
            else
            {
                text.Append("{\"a\":");
                closers.Push('}');
            }
        }

        text.Append('1');
        while (closers.Count > 0)
        {
            text.Append(closers.Pop());
        }

        return text.ToString();
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private MutatedBody InvalidUtf8Body(JsonNode? root, string contentType)
    {
        var bad = InvalidUtf8[_random.Next(InvalidUtf8.Length)];
        var where = _random.Next(3);
        var detail = "InvalidUtf8 " + (bad[0] == (byte)'\\' ? Encoding.ASCII.GetString(bad) : Convert.ToHexString(bad));
        if (where == 0 && Pick(Objects(root)) is { } holder)
        {
            holder[Placeholder([(byte)'"', (byte)'k', .. bad, (byte)'"'])] = 1;
            detail += " in a property name";
        }
        else if (where == 1)
        {
            root = Replace(root, () => Raw([(byte)'"', (byte)'a', .. bad, (byte)'b', (byte)'"']), ref detail);
        }
        else
        {
            root = Replace(root, () => Raw(bad), ref detail);
            detail += " outside a string";
        }

        return new MutatedBody(Serialize(root), contentType, null, detail);
    }

    /// <summary>Replaces one value (or, now and then, the whole body) with a new one.</summary>
    private JsonNode? Replace(JsonNode? root, Func<JsonNode?> value, ref string detail)
    {
        var slots = Slots(root);
        if (_random.Next(2) == 0 && slots.Where(slot => slot.Parent == root).ToList() is { Count: > 0 } top)
        {
            // Half the time a field of the answer itself: a list's envelope (next_page_token, items_total) would
            // otherwise be one slot among the items' many.
            slots = top;
        }

        if (slots.Count == 0 || _random.Next(12) == 0)
        {
            detail += " $";
            return value();
        }

        var slot = slots[_random.Next(slots.Count)];
        if (slot.Name != null)
        {
            ((JsonObject)slot.Parent)[slot.Name] = value();
        }
        else
        {
            ((JsonArray)slot.Parent)[slot.Index] = value();
        }

        detail += " " + slot.Path;
        return root;
    }

    private JsonNode Raw(string json) => Raw(Encoding.UTF8.GetBytes(json));

    private JsonNode Raw(byte[] bytes) => JsonValue.Create(Placeholder(bytes))!;

    /// <summary>A string that serializes as <c>"@@RAWn@@"</c> and is then replaced by <paramref name="bytes"/>.</summary>
    private string Placeholder(byte[] bytes)
    {
        _raw.Add(bytes);
        return "@@RAW" + (_raw.Count - 1) + "@@";
    }

    private byte[] Serialize(JsonNode? root)
    {
        var text = root?.ToJsonString(Relaxed) ?? "null";
        using var output = new MemoryStream(text.Length + _raw.Sum(raw => raw.Length));
        var position = 0;
        while (text.IndexOf(PlaceholderStart, position, StringComparison.Ordinal) is var start and >= 0)
        {
            var end = text.IndexOf(PlaceholderEnd, start + PlaceholderStart.Length, StringComparison.Ordinal);
            output.Write(Encoding.UTF8.GetBytes(text[position..start]));
            output.Write(_raw[int.Parse(text[(start + PlaceholderStart.Length)..end], CultureInfo.InvariantCulture)]);
            position = end + PlaceholderEnd.Length;
        }

        output.Write(Encoding.UTF8.GetBytes(text[position..]));
        return output.ToArray();
    }

    private T? Pick<T>(IReadOnlyList<T> items) where T : class => items.Count == 0 ? null : items[_random.Next(items.Count)];

    private string Choose(string[] values) => values[_random.Next(values.Length)];

    private static List<JsonObject> Objects(JsonNode? root)
    {
        var objects = new List<JsonObject>();
        if (root is JsonObject top)
        {
            objects.Add(top);
        }

        objects.AddRange(Slots(root).Select(slot => slot.Value).OfType<JsonObject>());
        return objects;
    }

    /// <summary>Every value below the root, with where it sits.</summary>
    private static List<Slot> Slots(JsonNode? root)
    {
        var slots = new List<Slot>();
        Collect(root, "$", slots);
        return slots;
    }

    private static void Collect(JsonNode? node, string path, List<Slot> slots)
    {
        switch (node)
        {
            case JsonObject map:
                foreach (var (name, value) in map.ToList())
                {
                    var here = path + "." + (name.Length > 40 ? "<long>" : name);
                    slots.Add(new Slot(map, name, -1, value, here));
                    Collect(value, here, slots);
                }

                break;
            case JsonArray list:
                for (var index = 0; index < list.Count; index++)
                {
                    slots.Add(new Slot(list, null, index, list[index], path + "[" + index + "]"));
                    Collect(list[index], path + "[" + index + "]", slots);
                }

                break;
        }
    }

    private sealed record Slot(JsonNode Parent, string? Name, int Index, JsonNode? Value, string Path);
}
