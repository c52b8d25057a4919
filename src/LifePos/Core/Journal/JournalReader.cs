using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using LifePos.Core.Json;

namespace LifePos.Core.Journal
{
    /// <summary>
    /// Reads a journal back into changes: an intent and its outcome (same run and number) become one entry, an intent
    /// alone is an <c>unknown</c> outcome, a format-1 line (no run) is an entry of its own. A line that is not JSON (cut
    /// short by a crash) is counted and skipped, never an error.
    /// </summary>
    public sealed class JournalReader
    {
        private readonly List<global::LifePos.JournalEntry> _entries = new List<global::LifePos.JournalEntry>();
        private readonly Dictionary<string, global::LifePos.JournalEntry> _byKey = new Dictionary<string, global::LifePos.JournalEntry>(StringComparer.Ordinal);

        /// <summary>
        /// The changes run by run (in the order each run's first line was written), each run's in its own order (the
        /// input order): not the order rows running in parallel happened to finish in.
        /// </summary>
        public IReadOnlyList<global::LifePos.JournalEntry> Entries
        {
            get
            {
                var runs = new Dictionary<string, int>(StringComparer.Ordinal);
                var ordered = _entries.Select((entry, index) => (entry, index, run: entry.RunId is null ? index : Rank(runs, entry.RunId, index)));
                return ordered.OrderBy(item => item.run).ThenBy(item => item.entry.RunId is null ? 0 : item.entry.Sequence).ThenBy(item => item.index)
                    .Select(item => item.entry).ToList();
            }
        }

        private static int Rank(Dictionary<string, int> runs, string run, int index)
        {
            if (!runs.TryGetValue(run, out var first))
            {
                runs[run] = first = index;
            }

            return first;
        }

        /// <summary>Lines that could not be read (a line cut short by a crash).</summary>
        public int UnreadableLines { get; private set; }

        /// <summary>The first unreadable line's number (from 1), for the warning.</summary>
        public int? FirstUnreadableLine { get; private set; }

        public static JournalReader ReadFile(string path)
        {
            var reader = new JournalReader();
            reader.ReadText(ReadShared(path), path);
            return reader;
        }

        public void ReadText(string text, string? path = null)
        {
            var number = 0;
            foreach (var raw in text.Split('\n'))
            {
                number++;
                var line = raw.Trim();
                if (line.Length == 0)
                {
                    continue;
                }

                try
                {
                    using var document = JsonDocument.Parse(line);
                    Read(document.RootElement, path);
                }
                catch (Exception error) when (error is JsonException || error is FormatException || error is InvalidOperationException || error is KeyNotFoundException)
                {
                    UnreadableLines++;
                    FirstUnreadableLine ??= number;
                }
            }
        }

        private void Read(JsonElement line, string? path)
        {
            var version = line.TryGetProperty("v", out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : 1;
            var run = Text(line, "run");
            var sequence = line.TryGetProperty("seq", out var seq) && seq.ValueKind == JsonValueKind.Number ? seq.GetInt32() : 0;
            var intent = string.Equals(Text(line, "line"), "intent", StringComparison.Ordinal);
            var key = run is null ? null : run + "/" + sequence.ToString(CultureInfo.InvariantCulture);
            if (key is null || !_byKey.TryGetValue(key, out var entry))
            {
                entry = new global::LifePos.JournalEntry { RunId = run, Sequence = sequence, Version = version, JournalPath = path };
                _entries.Add(entry);
                if (key != null)
                {
                    _byKey[key] = entry;
                }

                entry.Outcome = "unknown";
                entry.Error = "The journal has the intent but no outcome: the run stopped during the request, which may have happened.";
            }

            entry.Time = entry.Time == default ? DateTimeOffset.Parse(line.GetProperty("time").GetString()!, CultureInfo.InvariantCulture) : entry.Time;
            entry.Command = Text(line, "command") ?? entry.Command;
            entry.Host = Text(line, "host") ?? entry.Host;
            entry.User = Text(line, "user") ?? entry.User;
            entry.OrganizationId = Guid.TryParse(Text(line, "organization"), out var organization) ? organization : entry.OrganizationId;
            entry.Operation = line.GetProperty("operation").GetString()!;
            if (line.TryGetProperty("workplace", out var workplace) && workplace.ValueKind == JsonValueKind.Object)
            {
                entry.WorkplaceId = Guid.TryParse(Text(workplace, "id"), out var id) ? id : entry.WorkplaceId;
                entry.Number = workplace.TryGetProperty("number", out var n) && n.ValueKind == JsonValueKind.Number ? n.GetInt32() : entry.Number;
                entry.Name = Text(workplace, "name") ?? entry.Name;
            }

            if (line.TryGetProperty("changes", out var changes) && changes.ValueKind == JsonValueKind.Array && (changes.GetArrayLength() > 0 || intent))
            {
                var list = new FieldChangeList();
                foreach (var change in changes.EnumerateArray())
                {
                    list.Add(new FieldChange(change.GetProperty("field").GetString()!, Value(change, "old"), Value(change, "new")));
                }

                entry.Changes = list;
            }

            if (!intent)
            {
                entry.Outcome = Text(line, "outcome") ?? "unknown";
                entry.ErrorCode = Text(line, "error_code");
                entry.Error = Text(line, "error");
                entry.RequestId = Text(line, "request_id");
            }
        }

        private static object? Value(JsonElement change, string name) =>
            change.TryGetProperty(name, out var value) ? PlainJson.FromJson(value) : null;

        private static string? Text(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        /// <summary>The whole file, read beside processes appending to it (a writer holds it for a moment: wait for it).</summary>
        private static string ReadShared(string path)
        {
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (true)
            {
                try
                {
                    using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                    using var text = new StreamReader(stream, new UTF8Encoding(false));
                    return text.ReadToEnd();
                }
                catch (IOException) when (File.Exists(path) && waited.Elapsed < TimeSpan.FromSeconds(30))
                {
                    System.Threading.Thread.Sleep(5);
                }
            }
        }
    }
}
