using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LifePos.Emulator.Rules;

/// <summary>
/// RFC 6902 JSON Patch over the editable part of a workplace. It edits a detached copy, so a failing operation leaves
/// the workplace untouched (all or nothing).
/// </summary>
internal static class WorkplaceJsonPatch
{
    private static readonly string[] EditableFields = ["name", "workplace_type", "meta", "meta_data", "extensions"];

    public static WorkplaceData Apply(WorkplaceData current, JsonElement patch, DateTimeOffset now)
    {
        if (patch.ValueKind != JsonValueKind.Array)
            throw ApiException.Invalid("The body must be a JSON Patch array of operations.");
        var document = new JsonObject
        {
            ["name"] = current.Name,
            ["workplace_type"] = current.WorkplaceType,
            ["meta"] = current.Meta,
            ["meta_data"] = current.MetaDataJson is null ? null : JsonNode.Parse(current.MetaDataJson, null, Json.DocumentOptions),
            ["extensions"] = JsonNode.Parse(current.ExtensionsJson, null, Json.DocumentOptions),
        };
        var index = 0;
        foreach (var operation in patch.EnumerateArray())
        {
            ApplyOne(document, operation, index++);
        }

        var type = WorkplaceRules.WorkplaceType(TextOf(document["workplace_type"], "workplace_type"));
        var name = WorkplaceRules.Text("name", TextOf(document["name"], "name"));
        var meta = WorkplaceRules.Text("meta", TextOf(document["meta"], "meta"));
        var extensions = document["extensions"] ?? new JsonObject();
        WorkplaceRules.ExtensionsShape(extensions);
        var metaData = document["meta_data"];
        WorkplaceRules.MetaDataShape(metaData);
        var extensionsJson = extensions.ToJsonString(Json.NodeOptions);
        var metaDataJson = metaData?.ToJsonString(Json.NodeOptions);
        var updated = current with
        {
            Name = name,
            WorkplaceType = type,
            Meta = meta,
            ExtensionsJson = extensionsJson,
            MetaDataJson = metaDataJson,
        };
        return updated == current ? current : updated with { UpdatedAt = now };
    }

    private static string? TextOf(JsonNode? node, string field)
    {
        if (node is null) return null;
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String) return value.GetValue<string>();
        throw ApiException.Invalid($"{field} must be a string or null.");
    }

    private static void ApplyOne(JsonObject document, JsonElement operation, int index)
    {
        if (operation.ValueKind != JsonValueKind.Object)
            throw ApiException.Invalid($"Operation {index} is not an object.");
        var op = operation.TryGetProperty("op", out var opElement) && opElement.ValueKind == JsonValueKind.String ? opElement.GetString()! : null;
        var pathText = operation.TryGetProperty("path", out var pathElement) && pathElement.ValueKind == JsonValueKind.String ? pathElement.GetString()! : null;
        if (op is null || pathText is null)
            throw ApiException.Invalid($"Operation {index} needs string 'op' and 'path'.");
        if (op is not ("add" or "replace" or "remove" or "test"))
            throw ApiException.Invalid($"Operation {index}: op '{op}' is not supported; use add, replace, remove or test.");
        var path = ParsePath(pathText, index);
        JsonNode? value = null;
        if (op != "remove")
        {
            if (!operation.TryGetProperty("value", out var valueElement))
                throw ApiException.Invalid($"Operation {index} ({op} {pathText}) needs a 'value'.");
            value = JsonNode.Parse(valueElement.GetRawText(), null, Json.DocumentOptions);
        }

        var parent = Navigate(document, path, index, pathText);
        var last = path[^1];
        switch (op)
        {
            case "test":
                if (!TryGet(parent, last, out var actual) || !JsonNode.DeepEquals(actual, value))
                    throw new ApiException(422, "OperationCannotBePerformed", $"Operation {index}: test of {pathText} failed; the workplace was not changed.");
                break;
            case "add":
                Add(parent, last, value, index, pathText);
                break;
            case "replace":
                if (!TryGet(parent, last, out _)) throw Missing(index, pathText);
                Set(parent, last, value);
                break;
            case "remove":
                if (!TryGet(parent, last, out _)) throw Missing(index, pathText);
                if (path.Count == 1)
                {
                    // The top-level fields always exist: removing one clears it.
                    document[last] = last == "extensions" ? new JsonObject() : null;
                }
                else if (parent is JsonObject map) map.Remove(last);
                else ((JsonArray)parent).RemoveAt(ArrayIndex(last, ((JsonArray)parent).Count - 1, index, pathText));
                break;
        }
    }

    private static List<string> ParsePath(string path, int index)
    {
        if (!path.StartsWith('/'))
            throw ApiException.Invalid($"Operation {index}: path '{path}' must start with '/'.");
        var segments = new List<string>();
        foreach (var raw in path[1..].Split('/'))
            segments.Add(raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal));
        if (Array.IndexOf(EditableFields, segments[0]) < 0)
            throw ApiException.Invalid($"Operation {index}: path '{path}' cannot be changed; editable: /{string.Join(", /", EditableFields)} (and below /meta_data and /extensions).");
        if (segments.Count > 1 && segments[0] is not ("meta_data" or "extensions"))
            throw ApiException.Invalid($"Operation {index}: path '{path}' goes below a plain field.");
        return segments;
    }

    private static JsonNode Navigate(JsonObject document, List<string> path, int index, string pathText)
    {
        JsonNode current = document;
        for (var i = 0; i < path.Count - 1; i++)
        {
            if (!TryGet(current, path[i], out var child) || child is null) throw Missing(index, pathText);
            current = child;
        }
        if (current is not (JsonObject or JsonArray)) throw Missing(index, pathText);
        return current;
    }

    private static bool TryGet(JsonNode container, string segment, out JsonNode? child)
    {
        child = null;
        if (container is JsonObject map) return map.TryGetPropertyValue(segment, out child);
        if (container is JsonArray array && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < array.Count)
        {
            child = array[i];
            return true;
        }
        return false;
    }

    private static void Add(JsonNode parent, string segment, JsonNode? value, int index, string pathText)
    {
        if (parent is JsonObject map)
        {
            map[segment] = value;
            return;
        }
        var array = (JsonArray)parent;
        if (segment == "-") array.Add(value);
        else array.Insert(ArrayIndex(segment, array.Count, index, pathText), value);
    }

    private static void Set(JsonNode parent, string segment, JsonNode? value)
    {
        if (parent is JsonObject map) map[segment] = value;
        else ((JsonArray)parent)[int.Parse(segment, CultureInfo.InvariantCulture)] = value;
    }

    private static int ArrayIndex(string segment, int max, int index, string pathText)
    {
        if (!int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var i) || i > max) throw Missing(index, pathText);
        return i;
    }

    private static ApiException Missing(int index, string pathText) =>
        ApiException.Invalid($"Operation {index}: path '{pathText}' does not exist.");
}
