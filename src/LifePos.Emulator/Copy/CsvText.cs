using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace LifePos.Emulator.Copy;

/// <summary>
/// RFC 4180 CSV as Export-Csv writes it: a header row, quoted cells with doubled quotes, line breaks inside quotes. The
/// delimiter is the header's: a semicolon when the header has one outside quotes and no comma, else a comma. An empty
/// unquoted cell is null (Export-Csv writes null that way), an empty quoted one "".
/// </summary>
internal static class CsvText
{
    public static List<Dictionary<string, string?>> Parse(string path, string text)
    {
        var records = Records(text, Delimiter(text));
        if (records.Count == 0) throw new InvalidDataException($"{path} is empty: expected a header row such as Export-Csv writes.");
        var header = records[0];
        var rows = new List<Dictionary<string, string?>>();
        for (var r = 1; r < records.Count; r++)
        {
            var record = records[r];
            if (record.Count == 1 && string.IsNullOrEmpty(record[0])) continue;
            if (record.Count != header.Count)
                throw new InvalidDataException($"{path}, row {r + 1}: {record.Count} cells where the header has {header.Count}; was it written with another delimiter?");
            var row = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            for (var c = 0; c < header.Count; c++) row[header[c] ?? ""] = record[c];
            rows.Add(row);
        }
        return rows;
    }

    private static char Delimiter(string text)
    {
        var quoted = false;
        int commas = 0, semicolons = 0;
        foreach (var c in text)
        {
            if (c == '"') quoted = !quoted;
            else if (!quoted && (c == '\n' || c == '\r')) break;
            else if (!quoted && c == ',') commas++;
            else if (!quoted && c == ';') semicolons++;
        }
        return semicolons > 0 && commas == 0 ? ';' : ',';
    }

    private static List<List<string?>> Records(string text, char delimiter)
    {
        var records = new List<List<string?>>();
        var record = new List<string?>();
        var cell = new StringBuilder();
        bool quoted = false, wasQuoted = false;
        void EndCell()
        {
            record.Add(cell.Length == 0 && !wasQuoted ? null : cell.ToString());
            cell.Clear();
            wasQuoted = false;
        }
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"') cell.Append(c);
                else if (i + 1 < text.Length && text[i + 1] == '"') cell.Append(text[++i]);
                else quoted = false;
            }
            else if (c == '"')
            {
                quoted = wasQuoted = true;
            }
            else if (c == delimiter)
            {
                EndCell();
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                EndCell();
                records.Add(record);
                record = new List<string?>();
            }
            else
            {
                cell.Append(c);
            }
        }
        if (cell.Length > 0 || wasQuoted || record.Count > 0)
        {
            EndCell();
            records.Add(record);
        }
        return records;
    }
}
