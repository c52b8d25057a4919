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
    /// An append-only record of every change the module makes: JSON lines, an intent before each request and an outcome
    /// after it (see about_LifePos, "THE JOURNAL"). Appends from several threads, runspaces and processes stay whole
    /// lines: each line is one write to a file opened for appending, under a lock per file in this process. Never a
    /// token, a password or an activation code.
    /// </summary>
    public sealed class ChangeJournal
    {
        /// <summary>The format written today (the <c>v</c> field); lines without it are version 1.</summary>
        public const int FormatVersion = 2;

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

        /// <summary>Appends one line: the intent (<paramref name="intent"/>) or the outcome of <paramref name="entry"/>.</summary>
        public void Append(JournalRecord entry, DateTimeOffset now, bool intent = false)
        {
            var line = Encoding.UTF8.GetBytes(Serialize(entry, now, intent) + "\n");
            lock (Locks.GetOrAdd(Path, _ => new object()))
            {
                using var stream = OpenAlone();
                stream.Seek(0, SeekOrigin.End);
                // A line cut short by a crash has no newline: start on a fresh line so this one reads.
                if (stream.Length > 0 && LastByte(stream) != '\n')
                {
                    stream.WriteByte((byte)'\n');
                }

                stream.Write(line, 0, line.Length);
                stream.Flush(true);
            }
        }

        /// <summary>
        /// The file opened for this process alone (other processes appending wait their turn: a write at the end is not
        /// atomic between processes); a busy file is tried again for up to 30 seconds.
        /// </summary>
        private FileStream OpenAlone()
        {
            var waited = System.Diagnostics.Stopwatch.StartNew();
            var random = new Random();
            while (true)
            {
                try
                {
                    return new FileStream(Path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 4096, FileOptions.WriteThrough);
                }
                catch (IOException) when (waited.Elapsed < TimeSpan.FromSeconds(30) && File.Exists(Path))
                {
                    System.Threading.Thread.Sleep(random.Next(1, 15));
                }
            }
        }

        private static int LastByte(FileStream stream)
        {
            stream.Seek(-1, SeekOrigin.End);
            var last = stream.ReadByte();
            stream.Seek(0, SeekOrigin.End);
            return last;
        }

        internal static string Serialize(JournalRecord entry, DateTimeOffset now, bool intent = false)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, PlainJson.Readable))
            {
                writer.WriteStartObject();
                writer.WriteNumber("v", FormatVersion);
                writer.WriteString("time", now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
                WriteOptional(writer, "run", entry.Run?.Id);
                writer.WriteNumber("seq", entry.Sequence);
                writer.WriteString("line", intent ? "intent" : "outcome");
                WriteOptional(writer, "command", entry.Run?.Command);
                WriteOptional(writer, "host", entry.Run?.Host);
                WriteOptional(writer, "user", entry.Run?.User);
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
                if (!intent)
                {
                    writer.WriteNumber("retries", entry.Retries);
                    WriteOptional(writer, "outcome", entry.Outcome);
                    WriteOptional(writer, "error_code", entry.ErrorCode);
                    WriteOptional(writer, "error", entry.ErrorMessage is null ? null : SecretRedactor.Redact(entry.ErrorMessage));
                    WriteOptional(writer, "request_id", entry.RequestId);
                }

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
