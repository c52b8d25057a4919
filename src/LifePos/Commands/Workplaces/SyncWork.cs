using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using LifePos.Core;
using LifePos.Core.Journal;
using LifePos.Domain;
using LifePos.Shell.Runs;

namespace LifePos.Commands
{
    /// <summary>Carries out one step of Sync-LifePosWorkplace (in a worker) and says what it does (for -WhatIf and -Confirm).</summary>
    internal sealed class SyncWork
    {
        private readonly LifePosClient _client;
        private readonly Guid _organization;
        private readonly object _row;
        private readonly string? _runId;

        public SyncWork(LifePosClient client, Guid organization, object row, string? runId)
        {
            _client = client;
            _organization = organization;
            _row = row;
            _runId = runId;
        }

        /// <summary>The question before -Exact starts.</summary>
        public const string ExactQuestion =
            "With -Exact each row is the whole truth for its workplace: empty cells clear their fields, extensions not in a row are removed, " +
            "and IsArchived archives or restores. Go on?";

        public string Label(SyncStep step) =>
            step.Current is { } current ? WorkplaceLabel.Of(current) : "Workplace '" + (step.Patch.Changes.Find(change => change.Field == "Name")?.NewValue ?? "(no name)") + "'";

        /// <summary>The plan for one step, field by field: <c>Update: Name: 'A' → 'B'</c>.</summary>
        public string Describe(SyncStep step)
        {
            var fields = step.Patch.Changes.Count == 0 ? string.Empty : ": " + ChangeText.Describe(step.Patch.Changes);
            return step.Action switch
            {
                WorkplaceChangeAction.Created => "Create: " + ChangeText.Values(step.Patch.Changes) + (step.Marked ? ", then archive (the row marks it archived)" : string.Empty),
                WorkplaceChangeAction.Restored => "Restore from the archive" + (fields.Length == 0 ? string.Empty : ", then update" + fields),
                WorkplaceChangeAction.Archived => step.Marked ? (fields.Length == 0 ? string.Empty : "Update" + fields + ", then ") + "Archive (the row marks it archived)" : "Archive (no row names it)",
                _ => "Update" + fields,
            };
        }

        /// <param name="marked">An archive the row asked for (-Exact), not of an unlisted workplace: the row stays its input.</param>
        public BulkOutcome Outcome(WorkplaceChangeAction action, Workplace? workplace, WorkplacePatch patch, bool marked = false) =>
            new BulkOutcome(new WorkplaceChange(action, workplace, action == WorkplaceChangeAction.Archived && !marked ? null : _row, patch.Changes) { RunId = _runId }, Label(action))
            {
                Subject = workplace,
                Unchanged = action == WorkplaceChangeAction.Unchanged,
            };

        /// <summary>The question before -ArchiveUnlisted archives: how many, and the first twenty of them.</summary>
        public static string ArchiveQuestion(IReadOnlyList<Workplace> unlisted) =>
            "Archive the " + unlisted.Count.ToString(CultureInfo.InvariantCulture) + " workplace(s) no row names?" +
            string.Concat(unlisted.Take(20).Select(workplace => Environment.NewLine + "  " + WorkplaceLabel.Of(workplace))) +
            (unlisted.Count > 20 ? Environment.NewLine + "  …" : string.Empty);

        /// <summary>The change a failed row comes out as, before its error.</summary>
        public static object FailedChange(object row, Exception error) =>
            new WorkplaceChange(WorkplaceChangeAction.Failed, null, row, new FieldChangeList(), error.Message);

        /// <summary>What the journal records for the step.</summary>
        public JournalRecord Journal(SyncStep step) => new JournalRecord(step.Action switch
        {
            WorkplaceChangeAction.Created => "create",
            WorkplaceChangeAction.Restored => "restore",
            WorkplaceChangeAction.Archived => "archive",
            _ => "update",
        })
        {
            WorkplaceId = step.Current?.Id,
            WorkplaceNumber = step.Current?.Number,
            WorkplaceName = step.Current?.Name,
            Changes = step.Patch.Changes,
        };

        public async Task<BulkOutcome> RunAsync(SyncStep step, RequestContext context)
        {
            Workplace? workplace = step.Current;
            switch (step.Action)
            {
                case WorkplaceChangeAction.Created:
                    workplace = await _client.CreateWorkplaceAsync(_organization, step.Create!, context).ConfigureAwait(false);
                    if (step.Marked)
                    {
                        workplace = await _client.ArchiveWorkplaceAsync(_organization, workplace.Id, context).ConfigureAwait(false) ??
                                    await _client.GetWorkplaceAsync(_organization, workplace.Id, context).ConfigureAwait(false);
                    }

                    break;
                case WorkplaceChangeAction.Restored:
                    workplace = await _client.UnarchiveWorkplaceAsync(_organization, step.Current!.Id, context).ConfigureAwait(false);
                    if (!step.Patch.IsEmpty)
                    {
                        workplace = await _client.UpdateWorkplaceAsync(_organization, step.Current.Id, step.Patch.Operations, context).ConfigureAwait(false);
                    }
                    else if (workplace is null)
                    {
                        // An answer without the workplace (204, an empty 200, {}): the change shows it as it is now.
                        workplace = await _client.GetWorkplaceAsync(_organization, step.Current.Id, context).ConfigureAwait(false);
                    }

                    break;
                case WorkplaceChangeAction.Updated:
                    workplace = await _client.UpdateWorkplaceAsync(_organization, step.Current!.Id, step.Patch.Operations, context).ConfigureAwait(false);
                    break;
                case WorkplaceChangeAction.Archived:
                    if (!step.Patch.IsEmpty)
                    {
                        await _client.UpdateWorkplaceAsync(_organization, step.Current!.Id, step.Patch.Operations, context).ConfigureAwait(false);
                    }

                    workplace = await _client.ArchiveWorkplaceAsync(_organization, step.Current!.Id, context).ConfigureAwait(false) ??
                                await _client.GetWorkplaceAsync(_organization, step.Current.Id, context).ConfigureAwait(false);
                    break;
            }

            return Outcome(step.Action, workplace, step.Patch, step.Marked);
        }

        private static string Label(WorkplaceChangeAction action) => action.ToString().ToLowerInvariant();
    }
}
