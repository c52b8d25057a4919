using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;

namespace LifePos.Emulator.Copy;

/// <summary>
/// Reads a file the module exported: Export-Csv (comma, or semicolon with -UseCulture/-Delimiter ';', with or without
/// a BOM) or ConvertTo-Json, into rows of cell texts by column name. Nested JSON (Extensions, MetaData) becomes compact
/// JSON text, as Export-Csv writes it; a serialized DateTimeOffset ({"Value": ...}) becomes its Value.
/// </summary>
internal static class ExportedRows
{
    public static List<Dictionary<string, string?>> Read(string path)
    {
        var text = File.ReadAllText(path, Encoding.UTF8).TrimStart('\uFEFF');
        var start = text.TrimStart();
        if (start.StartsWith('[') || start.StartsWith('{')) return FromJson(path, start);
        return CsvText.Parse(path, text);
    }

    private static List<Dictionary<string, string?>> FromJson(string path, string text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, Json.DocumentOptions);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not valid JSON: {e.Message}");
        }
        using (document)
        {
            var root = document.RootElement;
            var rows = new List<Dictionary<string, string?>>();
            if (root.ValueKind == JsonValueKind.Object) rows.Add(Row(path, root));
            else foreach (var item in root.EnumerateArray()) rows.Add(Row(path, item));
            return rows;
        }
    }

    private static Dictionary<string, string?> Row(string path, JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object) throw new InvalidDataException($"{path}: every item must be an object, as ConvertTo-Json writes a workplace.");
        var row = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in item.EnumerateObject()) row[property.Name] = Cell(property.Value);
        return row;
    }

    private static string? Cell(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => value.GetString(),
        JsonValueKind.True => "True",
        JsonValueKind.False => "False",
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.Object when value.TryGetProperty("Value", out var date) && value.TryGetProperty("UtcDateTime", out _) => Cell(date),
        _ => Json.Compact(value),
    };
}
