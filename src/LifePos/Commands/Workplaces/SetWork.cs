using System;
using System.Threading.Tasks;
using LifePos.Core;
using LifePos.Core.Journal;
using LifePos.Domain;
using LifePos.Shell.Cmdlets;
using LifePos.Shell.Runs;

namespace LifePos.Commands
{
    /// <summary>
    /// Carries out Set-LifePosWorkplace's update of one workplace (in a worker) and says what it does (for -WhatIf and
    /// -Confirm): the patch of what was given against the workplace as it is, read first when only its id is known.
    /// </summary>
    internal sealed class SetWork
    {
        public const string Updated = "updated";
        private const string Unchanged = "unchanged";

        private readonly LifePosClient _client;
        private readonly Guid _organization;
        private readonly WorkplaceChanges _given;
        private readonly bool _passThru;
        private readonly PipelineMessageQueue _messages;
        private readonly WorkplaceReads _reads;

        public SetWork(LifePosClient client, Guid organization, WorkplaceChanges given, bool passThru, PipelineMessageQueue messages, WorkplaceReads reads)
        {
            _reads = reads;
            _client = client;
            _organization = organization;
            _given = given;
            _passThru = passThru;
            _messages = messages;
        }

        /// <summary>What the row gives, checked before anything is read or sent; <paramref name="piped"/> is the piped workplace, if any.</summary>
        public static WorkplaceChanges Given(Shell.Binding.WorkplaceRowReader reader, Workplace? piped)
        {
            var given = reader.Read(exactName: true);
            // A piped workplace binds its own Name, Meta... by property name: with -Clear those are not values given.
            given = piped is null ? given : given.WithoutValuesClearedFrom(piped);
            WorkplacePatchBuilder.Validate(given);
            if (given.IsEmpty && piped is null)
            {
                // Refuses with "nothing to change" and the parameters that change something.
                WorkplacePatchBuilder.Build(null, given);
            }

            return given;
        }

        /// <summary>The patch for a workplace as it is; null when it is not known yet (the worker reads it).</summary>
        public WorkplacePatch? Patch(Workplace? current) => current is null ? null : WorkplacePatchBuilder.Build(current, _given);

        /// <summary>The ShouldProcess action: the fields that change, or the values given when the workplace is not read yet.</summary>
        public string Describe(WorkplacePatch? patch) =>
            patch is null
                ? "Update what differs of " + ChangeText.Values(WorkplacePatchBuilder.Build(null, _given).Changes)
                : "Update " + ChangeText.Describe(patch.Changes);

        /// <summary>A workplace that already has the values given: nothing is sent.</summary>
        public BulkOutcome AlreadySet(Workplace current) => new BulkOutcome(_passThru ? current : null, Unchanged);

        /// <summary>The journal's entry; without the patch yet, the worker writes its intent once it has read the workplace.</summary>
        public JournalRecord Journal(WorkplaceTarget workplace, Workplace? current, WorkplacePatch? patch) => new JournalRecord("update")
        {
            WorkplaceId = workplace.Id,
            WorkplaceNumber = current?.Number,
            WorkplaceName = current?.Name,
            Changes = patch?.Changes ?? new FieldChangeList(),
            IntentByWork = patch is null,
        };

        /// <summary>
        /// Sends what differs (reading the workplace as it is now when <paramref name="current"/> is null), or nothing.
        /// A workplace read without its extensions (compact) is not diffed in those fields: what was given is sent.
        /// </summary>
        public async Task<BulkOutcome> RunAsync(Guid id, Workplace? current, WorkplacePatch? patch, JournalRecord journal, RequestContext context)
        {
            if (current is null || patch is null)
            {
                current = await _reads.ReadAsync(id, context).ConfigureAwait(false);
                patch = current.FieldsUnknown && !_given.IsEmpty ? WorkplacePatchBuilder.Build(null, _given) : WorkplacePatchBuilder.Build(current, _given);
            }

            if (patch.IsEmpty)
            {
                _messages.Enqueue(PipelineMessageKind.Verbose, WorkplaceLabel.Of(current) + " is unchanged: it already has the values given.");
                return new BulkOutcome(_passThru ? current : null, Unchanged) { Unchanged = true };
            }

            journal.Changes = patch.Changes;
            journal.WorkplaceNumber = current.Number;
            journal.WorkplaceName = current.Name;
            journal.Intend();
            var updated = await _client.UpdateWorkplaceAsync(_organization, id, patch.Operations, context).ConfigureAwait(false);
            return new BulkOutcome(_passThru ? updated : null, Updated) { Subject = updated };
        }
    }
}
