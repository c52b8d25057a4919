using System;
using System.Management.Automation;
using System.Threading.Tasks;
using LifePos.Core;
using LifePos.Shell.Cmdlets;

namespace LifePos.Commands
{
    /// <summary>Deactivates workplaces: the device's workplace token is revoked and it needs a new activation code.</summary>
    [Cmdlet(VerbsLifecycle.Disable, "LifePosWorkplace", DefaultParameterSetName = IdSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(Workplace))]
    public sealed class DisableLifePosWorkplaceCommand : WorkplaceActionCmdlet
    {
        internal override string Activity => "Deactivating LIFE POS workplaces";

        internal override string DoneLabel => "deactivated";

        internal override string JournalOperation => "deactivate";

        internal override bool AlreadyDone(Workplace current) => !current.IsActivated;

        internal override string Action => "Deactivate";

        internal override string? Explain(string target) =>
            target + " will be deactivated: the device signs out and needs a new activation code (New-LifePosActivationCode).";

        internal override async Task<Workplace?> InvokeAsync(LifePosClient client, Guid organizationId, Guid workplaceId, RequestContext context) =>
            await client.DeactivateWorkplaceAsync(organizationId, workplaceId, context).ConfigureAwait(false);
    }
}
