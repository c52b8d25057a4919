using System;
using System.Management.Automation;
using System.Threading.Tasks;
using LifePos.Core;
using LifePos.Shell.Cmdlets;

namespace LifePos.Commands
{
    /// <summary>Archives workplaces. LIFE POS never deletes a workplace: Restore-LifePosWorkplace brings it back.</summary>
    [Cmdlet(VerbsCommon.Remove, "LifePosWorkplace", DefaultParameterSetName = IdSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(Workplace))]
    public sealed class RemoveLifePosWorkplaceCommand : WorkplaceActionCmdlet
    {
        internal override string Activity => "Archiving LIFE POS workplaces";

        internal override string DoneLabel => "archived";

        internal override string JournalOperation => "archive";

        internal override bool AlreadyDone(Workplace current) => current.IsArchived;

        internal override string Action => "Archive";

        internal override string? Explain(string target) =>
            target + " will be archived. It can be restored with Restore-LifePosWorkplace.";

        internal override Task<Workplace?> InvokeAsync(LifePosClient client, Guid organizationId, Guid workplaceId, RequestContext context) =>
            client.ArchiveWorkplaceAsync(organizationId, workplaceId, context);
    }
}
