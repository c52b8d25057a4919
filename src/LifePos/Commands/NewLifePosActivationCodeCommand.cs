using System;
using System.Management.Automation;
using LifePos.Core;
using LifePos.PowerShell;

namespace LifePos.Commands
{
    /// <summary>
    /// Generates a one-time activation code for a workplace (optionally sent to the employee by SMS). The employee
    /// enters it in the LIFE POS app; Enable-LifePosWorkplace does the same from PowerShell.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "LifePosActivationCode", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(ActivationCode))]
    public sealed class NewLifePosActivationCodeCommand : LifePosApiCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "guid", "workplace_guid")]
        [GuidTransformation("workplace")]
        [ArgumentCompleter(typeof(WorkplaceIdCompleter))]
        public Guid WorkplaceId { get; set; }

        /// <summary>The employee who activates the workplace.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("employee_guid")]
        [GuidTransformation("employee")]
        public Guid EmployeeId { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("outlet_guid")]
        [AllowNull]
        [GuidTransformation("outlet", EmptyIsNull = true)]
        public Guid? OutletId { get; set; }

        /// <summary>Also sends the code by SMS to the employee's phone (the employee needs one).</summary>
        [Parameter]
        public SwitchParameter SendSms { get; set; }

        /// <summary>Requests in flight at once (1 = one after the other).</summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 4;

        protected override void ProcessRecord()
        {
            var workplaceId = WorkplaceId;
            var employeeId = EmployeeId;
            var outletId = OutletId == Guid.Empty ? null : OutletId;
            var sendSms = SendSms.IsPresent;
            var workplaceName = PipedWorkplace?.Name;
            var bulk = Bulk(ThrottleLimit, "Generating LIFE POS activation codes", "generated");
            var label = "Workplace " + (workplaceName is null ? string.Empty : "'" + workplaceName + "' ") + "(" + workplaceId.ToString("D") + ")";
            if (!ShouldProcess(label, "Generate an activation code for employee " + employeeId.ToString("D") + (sendSms ? " and send it by SMS" : string.Empty)))
            {
                bulk.Declined();
                return;
            }

            var client = Client;
            var organization = ActiveConnection.OrganizationId;
            bulk.Submit(TargetOf(workplaceId), async token =>
            {
                var code = await client.GenerateActivationCodeAsync(organization, workplaceId, employeeId, outletId, sendSms, RowContext(token))
                    .ConfigureAwait(false);
                var activationCode = new ActivationCode
                {
                    WorkplaceId = workplaceId,
                    WorkplaceName = workplaceName,
                    Code = code,
                    EmployeeId = employeeId,
                    OutletId = outletId,
                    SmsRequested = sendSms,
                };
                return new BulkOutcome(activationCode, "generated");
            });
        }
    }
}
