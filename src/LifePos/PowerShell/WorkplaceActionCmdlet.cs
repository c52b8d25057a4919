using System;
using System.Management.Automation;
using System.Threading.Tasks;
using LifePos.Core;
using LifePos.Domain;

namespace LifePos.PowerShell
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

        /// <summary>The ShouldProcess action, e.g. "Archive".</summary>
        internal abstract string Action { get; }

        /// <summary>Optional longer ShouldProcess text for a target.</summary>
        internal virtual string? Explain(string target) => null;

        internal abstract Task<Workplace?> InvokeAsync(LifePosClient client, Guid organizationId, Guid workplaceId, RequestContext context);

        protected override void ProcessRecord()
        {
            var id = InputObject?.Id ?? Id;
            var target = TargetOf(InputObject ?? (object)id);
            var bulk = Bulk(ThrottleLimit, Activity, DoneLabel);
            var current = InputObject ?? PipedWorkplace;
            var label = current is null ? WorkplaceLabel.Of(id, null) : WorkplaceLabel.Of(current);
            var explanation = Explain(label);
            var confirmed = explanation is null
                ? ShouldProcess(label, Action)
                : ShouldProcess(explanation, explanation + " Continue?", Action + " workplace");
            if (!confirmed)
            {
                bulk.Declined();
                return;
            }

            var client = Client;
            var organization = ActiveConnection.OrganizationId;
            var passThru = PassThru.IsPresent;
            bulk.Submit(target, async token =>
            {
                var context = RowContext(token);
                var workplace = await InvokeAsync(client, organization, id, context).ConfigureAwait(false);
                if (passThru && workplace is null)
                {
                    // The server may answer an empty body: fetch the workplace so -PassThru still has it.
                    workplace = await client.GetWorkplaceAsync(organization, id, context).ConfigureAwait(false);
                }

                return new BulkOutcome(passThru ? workplace : null, DoneLabel);
            });
        }
    }
}
