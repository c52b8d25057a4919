using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using LifePos.Core.Journal;
using LifePos.Domain;
using LifePos.Shell.Cmdlets;

namespace LifePos.Commands
{
    /// <summary>
    /// Undoes journaled changes, newest first, as a run of its own (journaled too, so undoing the undo applies the change
    /// again): an update's old values go back while the workplace still holds the new ones, a create is archived, an
    /// archive restored, a restore archived. A deactivation cannot be undone.
    /// </summary>
    [Cmdlet(VerbsCommon.Undo, "LifePosChange", DefaultParameterSetName = EntrySet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(Workplace))]
    public sealed class UndoLifePosChangeCommand : LifePosApiCmdlet
    {
        private const string EntrySet = "Entry";
        private const string RunSet = "Run";
        private readonly List<JournalEntry> _entries = new List<JournalEntry>();

        /// <summary>Entries from Get-LifePosChange.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = EntrySet)]
        [ValidateNotNull]
        public JournalEntry[] InputObject { get; set; } = Array.Empty<JournalEntry>();

        /// <summary>The journal to read the runs from; without it, the connection's (Connect-LifePos -JournalPath).</summary>
        [Parameter(ParameterSetName = RunSet)]
        [ValidateNotNullOrEmpty]
        public string? JournalPath { get; set; }

        /// <summary>The runs to undo (the id in a run's summary line).</summary>
        [Parameter(Mandatory = true, ParameterSetName = RunSet)]
        [ValidateNotNullOrEmpty]
        public string[] RunId { get; set; } = Array.Empty<string>();

        /// <summary>Puts the old values back even where the workplace changed again since.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Emits each workplace as it is after its undo.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 4;

        /// <summary>The undo goes to the connection's journal, else to the journal its entries came from.</summary>
        internal override ChangeJournal? JournalFile =>
            ActiveConnection.Journal ?? (_entries.Select(entry => entry.JournalPath).FirstOrDefault(path => path != null) is { } path ? new ChangeJournal(path) : null);

        protected override void ProcessRecord()
        {
            if (ParameterSetName == RunSet)
            {
                var path = JournalPath is null ? ActiveConnection.JournalPath : GetUnresolvedProviderPathFromPSPath(JournalPath);
                if (path is null || !System.IO.File.Exists(path))
                {
                    ThrowTerminatingError(LifePosErrors.Own(
                        path is null ? "Undo-LifePosChange -RunId needs a journal: give -JournalPath, or connect with Connect-LifePos -JournalPath." : "The journal " + path + " does not exist.",
                        "LifePos.JournalNotFound", ErrorCategory.ObjectNotFound, path, "Give -JournalPath FILE."));
                }

                _entries.AddRange(JournalReader.ReadFile(path!).Entries.Where(entry => RunId.Contains(entry.RunId, StringComparer.OrdinalIgnoreCase)));
                return;
            }

            _entries.AddRange(InputObject);
        }

        protected override void EndProcessing()
        {
            var bulk = Bulk(ThrottleLimit, "Undoing LIFE POS changes", UndoWork.Undone, UndoWork.Unchanged + "?");
            var work = new UndoWork(Client, ActiveConnection.OrganizationId, Force, PassThru, Messages);
            var previous = new Dictionary<Guid, Task>();
            // Newest first; a failed change changed nothing, and needs no undo.
            foreach (var entry in _entries.Where(entry => entry.Outcome != "failed").OrderByDescending(entry => entry.Time).ThenByDescending(entry => entry.Sequence))
            {
                var label = entry.WorkplaceId is { } id ? WorkplaceLabel.Of(id, entry.Name) : "Workplace '" + entry.Name + "'";
                if (UndoPlanner.CannotUndo(entry) is { } refusal)
                {
                    bulk.Submit(entry, _ => Task.FromException<Shell.Runs.BulkOutcome>(refusal));
                    continue;
                }

                if (!Approves(label, UndoPlanner.Describe(entry) + " (run " + entry.RunId + ")"))
                {
                    bulk.Declined();
                    continue;
                }

                var workplace = entry.WorkplaceId!.Value;
                var before = previous.TryGetValue(workplace, out var newer) ? newer : Task.CompletedTask;
                var done = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                previous[workplace] = done.Task;
                var journal = UndoWork.Journal(entry);
                bulk.Submit(entry, async context =>
                {
                    try
                    {
                        return await work.RunAsync(entry, before, journal, context).ConfigureAwait(false);
                    }
                    finally
                    {
                        done.TrySetResult(true);
                    }
                }, journal);
            }

            base.EndProcessing();
        }
    }
}
