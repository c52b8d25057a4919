using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading;
using LifePos.Core;
using LifePos.Core.Paging;

namespace LifePos.PowerShell
{
    /// <summary>Completes <c>-Id</c> and <c>-Workplace</c> from workplaces seen recently, matching the id, the number or the name.</summary>
    public sealed class WorkplaceIdCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var pattern = Completion.Pattern(wordToComplete);
            foreach (var workplace in RecentItems<Workplace>.Workplaces.Snapshot())
            {
                var id = workplace.Id.ToString("D");
                var number = workplace.Number.ToString(CultureInfo.InvariantCulture);
                var name = workplace.Name ?? string.Empty;
                if (pattern.IsMatch(id) || pattern.IsMatch(name) || pattern.IsMatch("#" + number) || pattern.IsMatch(number))
                {
                    var label = "#" + number + " " + (name.Length == 0 ? "(no name)" : name);
                    var tooltip = label + " — " + workplace.WorkplaceType + (workplace.IsArchived ? ", archived" : string.Empty) + " — " + id;
                    yield return new CompletionResult(id, label, CompletionResultType.ParameterValue, tooltip);
                }
            }
        }
    }

    /// <summary>Completes <c>-Employee</c> by name or phone: employees seen recently, or the first page of the default connection's.</summary>
    public sealed class EmployeeCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var employees = Completion.Known(RecentItems<Employee>.Employees, (client, organization, context) => client.ListEmployees(organization, new DirectoryListQuery(), context));
            var pattern = Completion.Pattern(wordToComplete);
            return Completion.ByName(employees.Where(employee => pattern.IsMatch(employee.Name ?? string.Empty) || pattern.IsMatch(employee.Phone ?? string.Empty)),
                employee => employee.Name, employee => employee.Id, employee => employee.Name + " — " + (employee.Phone ?? "no phone") + " — " + employee.Role);
        }
    }

    /// <summary>Completes <c>-Outlet</c> by name: outlets seen recently, or the first page of the default connection's.</summary>
    public sealed class OutletCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var outlets = Completion.Known(RecentItems<Outlet>.Outlets, (client, organization, context) => client.ListOutlets(organization, new DirectoryListQuery(), context));
            var pattern = Completion.Pattern(wordToComplete);
            return Completion.ByName(outlets.Where(outlet => pattern.IsMatch(outlet.Name ?? string.Empty)),
                outlet => outlet.Name, outlet => outlet.Id, outlet => outlet.Name + " — " + outlet.Address);
        }
    }

    /// <summary>What the completers share.</summary>
    internal static class Completion
    {
        private static readonly TimeSpan LookupTime = TimeSpan.FromSeconds(3);

        /// <summary>The connection a LifePos cmdlet used last in this process: the completers list through it.</summary>
        public static LifePosConnection? LastConnection { get; set; }

        public static WildcardPattern Pattern(string? wordToComplete) =>
            new WildcardPattern("*" + (wordToComplete ?? string.Empty).Trim('\'', '"') + "*", WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant);

        /// <summary>The items seen recently; when there are none, one page listed through the last connection (briefly).</summary>
        public static IReadOnlyList<T> Known<T>(RecentItems<T> recent, Func<LifePosClient, Guid, RequestContext, Pageable<T>> list)
            where T : class
        {
            if (recent.IsEmpty && LastConnection is { IsClosed: false } connection)
            {
                try
                {
                    using var cancellation = new CancellationTokenSource(LookupTime);
                    foreach (var item in list(connection.Client, connection.OrganizationId, new RequestContext(cancellation.Token)).Take(100))
                    {
                        recent.Remember(item);
                    }
                }
                catch (Exception error) when (error is LifePosApiException || error is OperationCanceledException || error is LifePosConfigurationException)
                {
                    // Completion offers what it has; it never fails the prompt.
                }
            }

            return recent.Snapshot();
        }

        /// <summary>Each item completes to its quoted name when that name is unique, else to its id.</summary>
        public static IEnumerable<CompletionResult> ByName<T>(IEnumerable<T> items, Func<T, string?> name, Func<T, Guid> id, Func<T, string> tooltip)
        {
            var list = items.ToList();
            foreach (var item in list)
            {
                var text = name(item);
                var unique = !string.IsNullOrEmpty(text) && list.Count(other => string.Equals(name(other), text, StringComparison.OrdinalIgnoreCase)) == 1;
                var completion = unique ? "'" + text!.Replace("'", "''") + "'" : id(item).ToString("D");
                yield return new CompletionResult(completion, string.IsNullOrEmpty(text) ? id(item).ToString("D") : text, CompletionResultType.ParameterValue, tooltip(item));
            }
        }
    }
}
