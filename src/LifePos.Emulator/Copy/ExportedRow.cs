using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;

namespace LifePos.Emulator.Copy;

/// <summary>One row of an export, with readers that name the file, the row and the column when a cell is wrong.</summary>
internal sealed class ExportedRow
{
    private readonly Dictionary<string, string?> _cells;

    public ExportedRow(string path, int number, Dictionary<string, string?> cells)
    {
        Where = $"{Path.GetFileName(path)}, item {number}";
        _cells = cells;
    }

    public string Where { get; }

    public bool Has(string column) => _cells.ContainsKey(column);

    public string? Text(string column) => _cells.TryGetValue(column, out var value) && !string.IsNullOrEmpty(value) ? value : null;

    public bool Flag(string column) => Text(column) is { } text && (text.Equals("True", StringComparison.OrdinalIgnoreCase) || text == "1");

    public Guid? Guid(string column) => Text(column) is not { } text ? null
        : System.Guid.TryParse(text, out var guid) ? guid : throw new InvalidDataException($"{Where}: {column} '{text}' is not a GUID.");

    public DateTimeOffset? Date(string column) => Text(column) is not { } text ? null
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date
        : throw new InvalidDataException($"{Where}: {column} '{text}' is not a date.");

    /// <summary>A JSON object cell (Extensions, MetaData) as compact JSON; null when empty.</summary>
    public string? Json(string column)
    {
        if (Text(column) is not { } text) return null;
        try
        {
            using var document = JsonDocument.Parse(text, Answers.Json.DocumentOptions);
            if (document.RootElement.ValueKind != JsonValueKind.Object) throw new InvalidDataException($"{Where}: {column} must be a JSON object.");
            return Answers.Json.Compact(document.RootElement);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{Where}: {column} is not JSON: {e.Message}");
        }
    }

    /// <summary>The workplace type by name, or by its number in a ConvertTo-Json export (the module's enum order).</summary>
    public string WorkplaceType()
    {
        var text = Text("WorkplaceType") ?? "Unknown";
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < WorkplaceTypes.All.Length)
            return WorkplaceTypes.All[index];
        return WorkplaceTypes.Normalize(text) ?? throw new InvalidDataException($"{Where}: WorkplaceType '{text}' is not one of {string.Join(", ", WorkplaceTypes.All)}.");
    }

    public int CountMasked(string mask)
    {
        var count = 0;
        foreach (var value in _cells.Values)
        {
            if (value is null) continue;
            for (var at = value.IndexOf(mask, StringComparison.Ordinal); at >= 0; at = value.IndexOf(mask, at + mask.Length, StringComparison.Ordinal)) count++;
        }
        return count;
    }
}
