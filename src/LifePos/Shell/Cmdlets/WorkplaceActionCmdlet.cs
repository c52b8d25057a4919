using System;
using System.Threading.Tasks;
using LifePos.Core;
using LifePos.Shell.Runs;

namespace LifePos.Shell.Cmdlets
{
    /// <summary>
    /// Shared shape of Remove-, Restore- and Disable-LifePosWorkplace: one call for each workplace given.
    /// </summary>
    public abstract class WorkplaceActionCmdlet : WorkplaceTargetCmdlet
    {
        /// <summary>For progress, e.g. "Archiving LIFE POS workplaces".</summary>
        internal abstract string Activity { get; }

        /// <summary>For the summary, e.g. "archived".</summary>
        internal abstract string DoneLabel { get; }

        /// <summary>The journal's name for the operation, e.g. "archive".</summary>
        internal abstract string JournalOperation { get; }

        /// <summary>The ShouldProcess action, e.g. "Archive".</summary>
        internal abstract string Action { get; }

        /// <summary>Optional longer ShouldProcess text for a target.</summary>
        internal virtual string? Explain(string target) => null;

        internal abstract Task<Workplace?> InvokeAsync(LifePosClient client, Guid organizationId, Guid workplaceId, RequestContext context);

        protected override void ProcessRecord()
        {
            var bulk = Bulk(ThrottleLimit, Activity, DoneLabel);
            if (RejectedId(bulk, Id))
            {
                return;
            }

            foreach (var workplace in Targets())
            {
                var explanation = Explain(workplace.Label);
                var confirmed = explanation is null
                    ? Approves(workplace.Label, Action)
                    : Approves(explanation, explanation + " Continue?", Action + " workplace");
                if (!confirmed)
                {
                    bulk.Declined();
                    continue;
                }

                Submit(bulk, workplace);
            }
        }

        /// <summary>True when the workplace already is as the action leaves it (archived, alive, not activated): no change to journal.</summary>
        internal abstract bool AlreadyDone(Workplace current);

        private void Submit(BulkRunner bulk, WorkplaceTarget target)
        {
            var client = Client;
            var organization = ActiveConnection.OrganizationId;
            var passThru = PassThru.IsPresent;
            var id = target.Id;
            var journaled = JournalRun != null;
            var journal = new Core.Journal.JournalRecord(JournalOperation) { WorkplaceId = id, IntentByWork = true };
            bulk.Submit(target.ErrorTarget, async context =>
            {
                // Only a real change is journaled (an undo must not restore what was archived before), so a journaled
                // run reads the workplace first when it was not piped in.
                var before = target.Current;
                if (before is null && journaled)
                {
                    before = await client.GetWorkplaceAsync(organization, id, context).ConfigureAwait(false);
                }

                if (before is null || !AlreadyDone(before))
                {
                    journal.WorkplaceNumber = before?.Number;
                    journal.WorkplaceName = before?.Name;
                    journal.Intend();
                }

                var workplace = await InvokeAsync(client, organization, id, context).ConfigureAwait(false);
                if (passThru && workplace is null)
                {
                    // The answer may carry no workplace (an empty 200, a 204, {}): fetch it so -PassThru still has it.
                    workplace = await client.GetWorkplaceAsync(organization, id, context).ConfigureAwait(false);
                }

                return new BulkOutcome(passThru ? workplace : null, DoneLabel) { Subject = workplace };
            }, journal);
        }
    }
}
