using System.Management.Automation;
using LifePos.Shell.Cmdlets;
using LifePos.Shell.Runs;

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
            if (!Approves("Activation code " + new string('*', ActivationCode.Length), "Activate the workplace"))
            {
                return;
            }

            var target = TargetOf(new string('*', ActivationCode.Length));
            var context = RowContext(CancellationToken);
            var journal = JournalRun is null ? null : new Core.Journal.JournalRecord("activate");
            JournalRun?.Adopt(journal!);
            try
            {
                var activation = Wait(Client.ActivateWorkplaceAsync(ActivationCode, context));
                if (journal != null)
                {
                    journal.WorkplaceId = activation.WorkplaceId;
                    Journaling.Append(ActiveConnection.Journal!, journal, context, null);
                }

                WriteObject(activation);
            }
            catch (Core.LifePosApiException exception)
            {
                if (journal != null)
                {
                    Journaling.Append(ActiveConnection.Journal!, journal, context, exception);
                }

                WriteFailure(exception, target);
            }
        }
    }
}
