using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using LifePos.Core.Journal;
using LifePos.Shell.Cmdlets;

namespace LifePos.Commands
{
    /// <summary>
    /// Reads a journal back as changes, one per change (an intent and its outcome together), oldest first:
    /// <c>Get-LifePosChange -Last 1 | Undo-LifePosChange</c>. The connection's -JournalPath is the default file.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "LifePosChange")]
    [OutputType(typeof(JournalEntry))]
    public sealed class GetLifePosChangeCommand : LifePosCmdlet
    {
        /// <summary>The journal; without it, the one Connect-LifePos -JournalPath named.</summary>
        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty]
        public string? JournalPath { get; set; }

        /// <summary>Only these runs (the id in a run's summary line).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? RunId { get; set; }

        [Parameter]
        public Guid[]? WorkplaceId { get; set; }

        /// <summary>create, update, archive, restore, deactivate, generate-activation-code, activate.</summary>
        [Parameter]
        [ValidateSet("create", "update", "archive", "restore", "deactivate", "generate-activation-code", "activate")]
        public string[]? Operation { get; set; }

        /// <summary>Changes at or after this time.</summary>
        [Parameter]
        public DateTime? After { get; set; }

        /// <summary>Changes before this time.</summary>
        [Parameter]
        public DateTime? Before { get; set; }

        /// <summary>The changes of the last N runs (of those the other filters leave).</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int? Last { get; set; }

        protected override void ProcessRecord()
        {
            var path = JournalPath is null ? ConnectionStore.Get(SessionState)?.JournalPath : GetUnresolvedProviderPathFromPSPath(JournalPath);
            if (path is null)
            {
                ThrowTerminatingError(LifePosErrors.Own(
                    "Get-LifePosChange needs a journal: give -JournalPath, or connect with Connect-LifePos -JournalPath.",
                    "LifePos.NoJournal", ErrorCategory.InvalidArgument, null, "Give -JournalPath FILE."));
            }

            if (!System.IO.File.Exists(path))
            {
                ThrowTerminatingError(LifePosErrors.Own(
                    "The journal " + path + " does not exist (nothing was journaled there yet, or the path is wrong).",
                    "LifePos.JournalNotFound", ErrorCategory.ObjectNotFound, path, "Check -JournalPath."));
            }

            var reader = JournalReader.ReadFile(path!);
            if (reader.UnreadableLines > 0)
            {
                WriteWarning(reader.UnreadableLines.ToString(CultureInfo.InvariantCulture) + " line(s) of " + path + " could not be read (the first is line " +
                             reader.FirstUnreadableLine!.Value.ToString(CultureInfo.InvariantCulture) + ", a line cut short when a process stopped?); they are skipped.");
            }

            foreach (var entry in Select(reader.Entries))
            {
                WriteObject(entry);
            }
        }

        private IEnumerable<JournalEntry> Select(IEnumerable<JournalEntry> entries)
        {
            var after = After.HasValue ? new DateTimeOffset(After.Value.ToUniversalTime()) : (DateTimeOffset?)null;
            var before = Before.HasValue ? new DateTimeOffset(Before.Value.ToUniversalTime()) : (DateTimeOffset?)null;
            var chosen = entries.Where(entry =>
                (RunId is null || RunId.Contains(entry.RunId, StringComparer.OrdinalIgnoreCase)) &&
                (WorkplaceId is null || (entry.WorkplaceId is { } id && WorkplaceId.Contains(id))) &&
                (Operation is null || Operation.Contains(entry.Operation, StringComparer.OrdinalIgnoreCase)) &&
                (after is null || entry.Time >= after) &&
                (before is null || entry.Time < before)).ToList();
            if (Last is { } last)
            {
                var runs = new HashSet<string?>(chosen.Select(entry => entry.RunId).Distinct().Reverse().Take(last));
                chosen = chosen.Where(entry => runs.Contains(entry.RunId)).ToList();
            }

            return chosen;
        }
    }
}
