using System;
using System.Globalization;
using System.Threading;

namespace LifePos.Core.Journal
{
    /// <summary>One cmdlet invocation that journals: its id, the command, the host and user, and the next change's number.</summary>
    public sealed class JournalRun
    {
        private int _sequence;

        public JournalRun(ChangeJournal journal, string command, Guid organizationId)
        {
            Journal = journal;
            Command = command;
            OrganizationId = organizationId;
            Id = NewId(DateTimeOffset.UtcNow);
            Host = Environment.MachineName;
            User = Environment.UserName;
        }

        /// <summary>E.g. <c>20261207T172600-3fa2c1d0</c>: sortable by its start, unique by its random part.</summary>
        public string Id { get; }

        public ChangeJournal Journal { get; }

        public string Command { get; }

        public string Host { get; }

        public string User { get; }

        public Guid OrganizationId { get; }

        /// <summary>Makes <paramref name="entry"/> this run's next change.</summary>
        public void Adopt(JournalRecord entry)
        {
            entry.Run = this;
            entry.OrganizationId = OrganizationId;
            entry.Sequence = Interlocked.Increment(ref _sequence);
            entry.IntentWriter = pending => Journal.Append(pending, DateTimeOffset.UtcNow, intent: true);
        }

        internal static string NewId(DateTimeOffset now) =>
            now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N").Substring(0, 8);
    }
}
