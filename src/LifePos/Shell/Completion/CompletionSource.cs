using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using LifePos.Core;
using LifePos.Core.Paging;
using LifePos.Domain;

namespace LifePos.Shell.Completion
{
    /// <summary>What the completers share.</summary>
    internal static class CompletionSource
    {
        private static readonly TimeSpan LookupTime = TimeSpan.FromSeconds(3);

        /// <summary>The connection a LifePos cmdlet used last in this process: the completers list through it.</summary>
        public static LifePosConnection? LastConnection { get; set; }

        /// <summary>The employees seen recently, or the first page of the last connection's.</summary>
        public static IReadOnlyList<Employee> Employees() =>
            Known(RecentItems<Employee>.Employees, (client, organization, context) => client.ListEmployees(organization, new DirectoryListQuery(), context));

        /// <summary>The outlets seen recently, or the first page of the last connection's.</summary>
        public static IReadOnlyList<Outlet> Outlets() =>
            Known(RecentItems<Outlet>.Outlets, (client, organization, context) => client.ListOutlets(organization, new DirectoryListQuery(), context));

        /// <summary>The workplaces seen recently, or the first page of the last connection's.</summary>
        public static IReadOnlyList<Workplace> Workplaces() =>
            Known(RecentItems<Workplace>.Workplaces, (client, organization, context) => client.ListWorkplaces(organization, new WorkplaceListQuery(), context));

        /// <summary>The items seen recently; when there are none, one page listed through the last connection (briefly).</summary>
        private static IReadOnlyList<T> Known<T>(RecentItems<T> recent, Func<LifePosClient, Guid, RequestContext, Pageable<T>> list)
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
                var unique = !string.IsNullOrEmpty(text) && list.Count(other => NameText.Same(name(other), text)) == 1;
                var completion = unique ? "'" + text!.Replace("'", "''") + "'" : id(item).ToString("D");
                yield return new CompletionResult(completion, string.IsNullOrEmpty(text) ? id(item).ToString("D") : text, CompletionResultType.ParameterValue, tooltip(item));
            }
        }
    }
}
