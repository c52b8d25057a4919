using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using LifePos.Core;
using LifePos.Domain;
using LifePos.Shell.Binding;
using LifePos.Shell.Cmdlets;
using LifePos.Shell.Completion;
using LifePos.Shell.Runs;

namespace LifePos.Commands
{
    /// <summary>
    /// Generates a one-time activation code for a workplace and an employee (optionally sent to the employee's phone by
    /// SMS). The workplace may be piped, or given by object, id, number or exact name; the employee by object, id, phone
    /// or exact name. A piped employee is always the employee, never the workplace.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "LifePosActivationCode", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(ActivationCode))]
    public sealed class NewLifePosActivationCodeCommand : LifePosApiCmdlet
    {
        private IReadOnlyList<Workplace>? _workplaces;
        private IReadOnlyList<Employee>? _employees;
        private IReadOnlyList<Outlet>? _outlets;
        private long _rowNumber;

        /// <summary>A workplace object, id, number ("17", "#17") or exact name.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("WorkplaceId", "Id", "guid", "workplace_guid", "WorkplaceNumber", "workplace_number", "Number", "WorkplaceName", "workplace_name")]
        [ArgumentCompleter(typeof(WorkplaceIdCompleter))]
        public WorkplaceReference? Workplace { get; set; }

        /// <summary>The employee who activates it: an employee object, id, phone (any format) or exact name.</summary>
        /// <remarks>
        /// No "Phone" alias: a piped employee without a phone would bind its empty Phone here before the employee
        /// itself, and fail the row. A CSV names the column EmployeePhone or employee_phone.
        /// </remarks>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("EmployeeId", "employee_id", "employee_guid", "EmployeePhone", "employee_phone")]
        [ArgumentCompleter(typeof(EmployeeCompleter))]
        public EmployeeReference? Employee { get; set; }

        /// <summary>An outlet object, id or exact name.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("OutletId", "outlet_id", "outlet_guid")]
        [AllowNull]
        [ArgumentCompleter(typeof(OutletCompleter))]
        public OutletReference? Outlet { get; set; }

        /// <summary>Also sends the code by SMS to the employee's phone (the employee needs one).</summary>
        [Parameter]
        public SwitchParameter SendSms { get; set; }

        /// <summary>Requests in flight at once (1 = one after the other).</summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 4;

        protected override void ProcessRecord()
        {
            _rowNumber++;
            var bulk = Bulk(ThrottleLimit, "Generating LIFE POS activation codes", "generated");
            var target = TargetOf(Workplace?.ToString() ?? string.Empty);
            ActivationCode plan;
            try
            {
                plan = Resolve();
            }
            catch (InvalidInputException exception)
            {
                bulk.SubmitInvalid(target, RowValidation.Describe(_rowNumber, null) + ": " + exception.Message);
                return;
            }

            if (!Approves(WorkplaceLabel.Of(plan.WorkplaceId, plan.WorkplaceName), ActivationCodePlan.Action(plan)))
            {
                bulk.Declined();
                return;
            }

            var client = Client;
            var organization = ActiveConnection.OrganizationId;
            bulk.Submit(target, async context =>
            {
                plan.Code = await client.GenerateActivationCodeAsync(organization, plan.WorkplaceId, plan.EmployeeId, plan.OutletId, plan.SmsRequested, context)
                    .ConfigureAwait(false);
                return new BulkOutcome(plan, "generated");
            }, ActivationCodePlan.Journal(plan));
        }

        /// <summary>The workplace, employee and outlet this row names, read from lists at most once per run.</summary>
        private ActivationCode Resolve()
        {
            ActivationCodePlan.Check(Workplace, Employee, (PipelineRow.Current(this) as PSObject)?.BaseObject as LifePos.Employee);
            var organization = ActiveConnection.OrganizationId;
            var workplace = ReferenceResolver.Resolve(Workplace!, () => _workplaces ??= Listed(() => Client.ListWorkplaces(organization, new WorkplaceListQuery(), RequestContext), "-Workplace"));
            var employee = ReferenceResolver.Resolve(Employee!, () => _employees ??= Listed(() => Client.ListEmployees(organization, new DirectoryListQuery(), RequestContext), "-Employee"));
            var outlet = Outlet is null || Outlet.IsEmpty
                ? null
                : ReferenceResolver.Resolve(Outlet, () => _outlets ??= Listed(() => Client.ListOutlets(organization, new DirectoryListQuery(), RequestContext), "-Outlet"));
            return ActivationCodePlan.Of(Workplace!, workplace, Employee!, employee, Outlet, outlet, SendSms.IsPresent);
        }

        private IReadOnlyList<T> Listed<T>(Func<IEnumerable<T>> list, string what) => CallOrStop(() => list().ToList(), what);
    }
}
