using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using LifePos.Core;

namespace LifePos.Shell.Completion
{
    /// <summary>Completes <c>-Employee</c> by name or phone: employees seen recently, or the first page of the default connection's.</summary>
    public sealed class EmployeeCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var employees = CompletionSource.Known(RecentItems<Employee>.Employees, (client, organization, context) => client.ListEmployees(organization, new DirectoryListQuery(), context));
            var pattern = CompletionSource.Pattern(wordToComplete);
            return CompletionSource.ByName(employees.Where(employee => pattern.IsMatch(employee.Name ?? string.Empty) || pattern.IsMatch(employee.Phone ?? string.Empty)),
                employee => employee.Name, employee => employee.Id, employee => employee.Name + " — " + (employee.Phone ?? "no phone") + " — " + employee.Role);
        }
    }
}
