using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using LifePos.Core.Http;
using LifePos.Core.Json;

namespace LifePos.Core.Journal
{
    /// <summary>
    /// An append-only record of every change the module makes: one JSON line per change (see about_LifePos, "THE
    /// JOURNAL"). Appends from several threads, runspaces and processes stay whole lines: each line is one write to a
    /// file opened for appending, under a lock per file in this process. Never a token, a password or an activation code.
    /// </summary>
    public sealed class ChangeJournal
    {
        private static readonly ConcurrentDictionary<string, object> Locks = new ConcurrentDictionary<string, object>(StringComparer.Ordinal);

        public ChangeJournal(string path)
        {
            if (string.IsNullOrWhiteSpace(path))
            {
                throw new LifePosConfigurationException("The journal path is empty.");
            }

            Path = System.IO.Path.GetFullPath(path);
            var folder = System.IO.Path.GetDirectoryName(Path);
            if (!string.IsNullOrEmpty(folder) && !Directory.Exists(folder))
            {
                throw new LifePosConfigurationException("The journal's folder " + folder + " does not exist; create it, or choose another -JournalPath.");
            }
        }

        public string Path { get; }

        public void Append(JournalEntry entry, DateTimeOffset now)
        {
            var line = Encoding.UTF8.GetBytes(Serialize(entry, now) + "\n");
            lock (Locks.GetOrAdd(Path, _ => new object()))
            {
                using var stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, 4096, FileOptions.WriteThrough);
                stream.Write(line, 0, line.Length);
            }
        }

        internal static string Serialize(JournalEntry entry, DateTimeOffset now)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, PlainJson.Readable))
            {
                writer.WriteStartObject();
                writer.WriteString("time", now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
                writer.WriteString("organization", entry.OrganizationId.ToString("D"));
                writer.WriteString("operation", entry.Operation);
                writer.WriteStartObject("workplace");
                WriteOptional(writer, "id", entry.WorkplaceId?.ToString("D"));
                if (entry.WorkplaceNumber is { } number)
                {
                    writer.WriteNumber("number", number);
                }
                else
                {
                    writer.WriteNull("number");
                }

                WriteOptional(writer, "name", entry.WorkplaceName);
                writer.WriteEndObject();
                writer.WriteStartArray("changes");
                foreach (var change in entry.Changes)
                {
                    writer.WriteStartObject();
                    writer.WriteString("field", change.Field);
                    writer.WritePropertyName("old");
                    PlainJson.Write(writer, change.OldValue);
                    writer.WritePropertyName("new");
                    PlainJson.Write(writer, change.NewValue);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteNumber("retries", entry.Retries);
                writer.WriteString("outcome", entry.Outcome);
                WriteOptional(writer, "error_code", entry.ErrorCode);
                WriteOptional(writer, "error", entry.ErrorMessage is null ? null : SecretRedactor.Redact(entry.ErrorMessage));
                WriteOptional(writer, "request_id", entry.RequestId);
                writer.WriteEndObject();
            }

            return Encoding.UTF8.GetString(buffer.ToArray());
        }

        private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
        {
            if (value is null)
            {
                writer.WriteNull(name);
            }
            else
            {
                writer.WriteString(name, value);
            }
        }
    }
}
