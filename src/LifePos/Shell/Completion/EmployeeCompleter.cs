using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using LifePos.Core;
using LifePos.Domain;

namespace LifePos.Shell.Completion
{
    /// <summary>
    /// Completes <c>-Employee</c>: employees seen recently, or the first page of the default connection's, whose name,
    /// phone or id starts with what was typed (see <see cref="CompletionWord"/>).
    /// </summary>
    public sealed class EmployeeCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var employees = CompletionSource.Known(RecentItems<Employee>.Employees, (client, organization, context) => client.ListEmployees(organization, new DirectoryListQuery(), context));
            var word = new CompletionWord(wordToComplete);
            return CompletionSource.ByName(employees.Where(employee => word.MatchesName(employee.Name) || word.MatchesPhone(employee.Phone) || word.MatchesId(employee.Id)),
                employee => employee.Name, employee => employee.Id, employee => employee.Name + " — " + (employee.Phone ?? "no phone") + " — " + employee.Role);
        }
    }
}
