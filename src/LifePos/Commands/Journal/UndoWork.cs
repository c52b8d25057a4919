using System;
using System.Threading.Tasks;
using LifePos.Core;
using LifePos.Core.Journal;
using LifePos.Domain;
using LifePos.Shell.Runs;

namespace LifePos.Commands
{
    /// <summary>
    /// Undoes one journal entry in a worker: reads the workplace as it is now, asks <see cref="UndoPlanner"/> what that
    /// takes, journals the intent, and restores, patches and archives as planned.
    /// </summary>
    internal sealed class UndoWork
    {
        public const string Undone = "undone";
        public const string Unchanged = "unchanged";

        private readonly LifePosClient _client;
        private readonly Guid _organization;
        private readonly bool _force;
        private readonly bool _passThru;
        private readonly PipelineMessageQueue _messages;

        public UndoWork(LifePosClient client, Guid organization, bool force, bool passThru, PipelineMessageQueue messages)
        {
            _client = client;
            _organization = organization;
            _force = force;
            _passThru = passThru;
            _messages = messages;
        }

        /// <summary>The journal's record of the undo: its intent is written once the plan is known.</summary>
        public static JournalRecord Journal(JournalEntry entry) =>
            new JournalRecord("update") { WorkplaceId = entry.WorkplaceId, WorkplaceNumber = entry.Number, WorkplaceName = entry.Name, IntentByWork = true };

        /// <param name="before">The undo of a newer entry of the same workplace: this one starts when that one has ended.</param>
        public async Task<BulkOutcome> RunAsync(JournalEntry entry, Task before, JournalRecord journal, RequestContext context)
        {
            await before.ConfigureAwait(false);
            var id = entry.WorkplaceId!.Value;
            var current = await _client.GetWorkplaceAsync(_organization, id, context).ConfigureAwait(false);
            var step = UndoPlanner.Plan(entry, current, _force);
            if (step.IsNothing)
            {
                _messages.Enqueue(PipelineMessageKind.Verbose, "Nothing to undo for the " + entry.Operation + " of run " + entry.RunId + ": " + step.Note);
                return new BulkOutcome(_passThru ? current : null, Unchanged) { Unchanged = true };
            }

            journal.Changes = step.Patch.Changes;
            journal.WorkplaceNumber = current.Number;
            journal.WorkplaceName = current.Name;
            journal.Operation = step.Operation;
            journal.Intend();
            if (step.Restore)
            {
                current = await _client.UnarchiveWorkplaceAsync(_organization, id, context).ConfigureAwait(false) ?? current;
            }

            if (!step.Patch.IsEmpty)
            {
                current = await _client.UpdateWorkplaceAsync(_organization, id, step.Patch.Operations, context).ConfigureAwait(false);
            }

            if (step.Archive)
            {
                current = await _client.ArchiveWorkplaceAsync(_organization, id, context).ConfigureAwait(false) ?? current;
            }

            if (_passThru && (step.Restore || step.Archive))
            {
                // An answer may carry no workplace (204, {}): -PassThru shows it as it is now.
                current = await _client.GetWorkplaceAsync(_organization, id, context).ConfigureAwait(false);
            }

            return new BulkOutcome(_passThru ? current : null, Undone) { Subject = current };
        }
    }
}
