using System;
using System.Management.Automation;
using System.Threading.Tasks;
using LifePos.Core;
using LifePos.Shell.Cmdlets;

namespace LifePos.Commands
{
    /// <summary>Takes archived workplaces out of the archive: <c>Get-LifePosWorkplace -Selection ArchivedOnly | Restore-LifePosWorkplace</c>.</summary>
    [Cmdlet(VerbsData.Restore, "LifePosWorkplace", DefaultParameterSetName = IdSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(Workplace))]
    public sealed class RestoreLifePosWorkplaceCommand : WorkplaceActionCmdlet
    {
        internal override string Activity => "Restoring LIFE POS workplaces";

        internal override string DoneLabel => "restored";

        internal override string JournalOperation => "restore";

        internal override bool AlreadyDone(Workplace current) => !current.IsArchived;

        internal override string Action => "Restore from the archive";

        internal override async Task<Workplace?> InvokeAsync(LifePosClient client, Guid organizationId, Guid workplaceId, RequestContext context) =>
            await client.UnarchiveWorkplaceAsync(organizationId, workplaceId, context).ConfigureAwait(false);
    }
}
