using LifePos.Core.Journal;

namespace LifePos.Domain
{
    /// <summary>
    /// New-LifePosActivationCode's decisions for one row: whether it names a workplace and an employee at all, the code
    /// to ask for once they are found, what -WhatIf and -Confirm say, and what the journal records (never the code).
    /// </summary>
    internal static class ActivationCodePlan
    {
        /// <summary>Refuses a row that names no workplace or no employee, or names the piped employee as its workplace.</summary>
        /// <param name="pipedEmployee">The employee the pipeline handed this row, if it was one.</param>
        public static void Check(WorkplaceReference? workplace, EmployeeReference? employee, Employee? pipedEmployee)
        {
            if (workplace is null || workplace.IsEmpty)
            {
                throw new InvalidInputException("no workplace. Give -Workplace (an object, id, number or exact name), or a Workplace, WorkplaceId or Number column.");
            }

            if (employee is null || employee.IsEmpty)
            {
                throw new InvalidInputException("no employee. Give -Employee (an object, id, phone or exact name), or an Employee, EmployeeId or EmployeePhone column.");
            }

            if (pipedEmployee != null && workplace.Id == pipedEmployee.Id && workplace.Workplace is null)
            {
                throw new InvalidInputException(
                    "the piped employee '" + pipedEmployee.Name + "' is the employee, not the workplace. Give the workplace with -Workplace (an object, id, number or exact name).");
            }
        }

        /// <summary>The code to ask for; each resolved object is null when its reference is an id (or, for the outlet, empty).</summary>
        public static ActivationCode Of(
            WorkplaceReference workplaceReference, Workplace? workplace, EmployeeReference employeeReference, Employee? employee, OutletReference? outletReference, Outlet? outlet, bool sendSms)
        {
            if (sendSms && employee != null && string.IsNullOrWhiteSpace(employee.Phone))
            {
                throw new InvalidInputException("the employee '" + employee.Name + "' has no phone number, so no SMS can reach them. Add one in LIFE POS, or leave out -SendSms.");
            }

            return new ActivationCode
            {
                WorkplaceId = workplace?.Id ?? workplaceReference.Id!.Value,
                WorkplaceName = workplace?.Name,
                WorkplaceNumber = workplace?.Number,
                EmployeeId = employee?.Id ?? employeeReference.Id!.Value,
                EmployeeName = employee?.Name,
                Phone = sendSms ? employee?.Phone : null,
                OutletId = outlet?.Id ?? outletReference?.Id,
                SmsRequested = sendSms,
            };
        }

        /// <summary>The ShouldProcess action: for whom, and where the SMS goes.</summary>
        public static string Action(ActivationCode plan) =>
            "Generate an activation code for " + (plan.EmployeeName ?? "employee " + plan.EmployeeId.ToString("D")) +
            (plan.SmsRequested ? " and send it by SMS" + (plan.Phone is null ? string.Empty : " to " + plan.Phone) : string.Empty);

        /// <summary>Who the code is for and where an SMS went, never the code itself.</summary>
        public static JournalRecord Journal(ActivationCode plan) => new JournalRecord("generate-activation-code")
        {
            WorkplaceId = plan.WorkplaceId,
            WorkplaceNumber = plan.WorkplaceNumber,
            WorkplaceName = plan.WorkplaceName,
            Changes = new FieldChangeList
            {
                new FieldChange("Employee", null, plan.EmployeeName ?? plan.EmployeeId.ToString("D")),
                new FieldChange("Sms", null, plan.SmsRequested ? plan.Phone ?? "sent" : null),
            },
        };
    }
}
