using System.Management.Automation;
using LifePos.PowerShell;

namespace LifePos.Commands
{
    /// <summary>
    /// Activates a workplace with an activation code, as the LIFE POS app does, and emits the result; its workplace
    /// token is a SecureString.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Enable, "LifePosWorkplace", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(WorkplaceActivation))]
    public sealed class EnableLifePosWorkplaceCommand : LifePosApiCmdlet
    {
        /// <summary>The code from New-LifePosActivationCode (digits, at most 8).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Code", "activation_code")]
        [ValidatePattern("^[0-9]{1,8}$")]
        public string ActivationCode { get; set; } = string.Empty;

        protected override void ProcessRecord()
        {
            if (!ShouldProcess("Activation code " + new string('*', ActivationCode.Length), "Activate the workplace"))
            {
                return;
            }

            var target = TargetOf(ActivationCode);
            try
            {
                WriteObject(Wait(Client.ActivateWorkplaceAsync(ActivationCode, RequestContext)));
            }
            catch (Core.LifePosApiException exception)
            {
                WriteFailure(exception, target);
            }
        }
    }
}
