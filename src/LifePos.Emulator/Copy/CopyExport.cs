using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;

namespace LifePos.Emulator.Copy;

/// <summary>
/// --export FILE: the default organization's workplaces, alive and archived, written on exit in the columns of
/// Get-LifePosWorkplace -Selection All | Export-Csv (a .json file: the same fields as JSON, the type by name and dates in
/// ISO 8601), so a rehearsal's result can be diffed against the export it started from, or imported again.
/// </summary>
internal static class CopyExport
{
    private static readonly string[] Columns =
        ["Id", "Number", "Name", "WorkplaceType", "IsActivated", "ActivatedAt", "IsArchived", "ArchivedAt", "Extensions", "Meta", "MetaData", "OrganizationId", "CreatedAt", "UpdatedAt", "AdditionalFields"];

    public static void Write(string path, EmulatedOrganization organization)
    {
        WorkplaceData[] workplaces;
        lock (organization.Lock) workplaces = organization.Workplaces.SnapshotData();
        var rows = new List<string?[]>();
        foreach (var w in workplaces)
        {
            rows.Add([w.Guid.ToString("D"), w.Number.ToString(CultureInfo.InvariantCulture), w.Name, w.WorkplaceType, Flag(w.ActivatedAt is not null), Date(w.ActivatedAt),
                Flag(w.DeletedAt is not null), Date(w.DeletedAt), w.ExtensionsJson, w.Meta, w.MetaDataJson, w.OrganizationId.ToString("D"), Date(w.CreatedAt), Date(w.UpdatedAt), "{}"]);
        }
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        var temp = full + ".tmp";
        if (full.EndsWith(".json", StringComparison.OrdinalIgnoreCase)) File.WriteAllBytes(temp, JsonRows(rows));
        else File.WriteAllText(temp, CsvRows(rows), new UTF8Encoding(false));
        File.Move(temp, full, overwrite: true);
    }

    private static string Flag(bool value) => value ? "True" : "False";

    private static string? Date(DateTimeOffset? value) => value?.ToString("o", CultureInfo.InvariantCulture);

    private static string CsvRows(List<string?[]> rows)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', Array.ConvertAll(Columns, Quote)).Append('\n');
        foreach (var row in rows) text.AppendJoin(',', Array.ConvertAll(row, c => c is null ? "" : Quote(c))).Append('\n');
        return text.ToString();
    }

    private static string Quote(string cell) => "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static byte[] JsonRows(List<string?[]> rows) => Json.Write(w =>
    {
        w.WriteStartArray();
        foreach (var row in rows)
        {
            w.WriteStartObject();
            for (var c = 0; c < Columns.Length; c++)
            {
                var name = Columns[c];
                var cell = row[c];
                if (cell is null) w.WriteNull(name);
                else if (name == "Number") w.WriteNumber(name, int.Parse(cell, CultureInfo.InvariantCulture));
                else if (name is "IsActivated" or "IsArchived") w.WriteBoolean(name, cell == "True");
                else if (name is "Extensions" or "MetaData" or "AdditionalFields")
                {
                    w.WritePropertyName(name);
                    w.WriteRawValue(cell, skipInputValidation: true);
                }
                else w.WriteString(name, cell);
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
    });
}
