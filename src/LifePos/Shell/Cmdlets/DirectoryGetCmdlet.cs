using System;
using System.Management.Automation;
using System.Threading.Tasks;
using LifePos.Core;
using LifePos.Core.Paging;
using LifePos.Domain;
using LifePos.Shell.Completion;
using LifePos.Shell.Runs;

namespace LifePos.Shell.Cmdlets
{
    /// <summary>
    /// What Get-LifePosEmployee and Get-LifePosOutlet share: a list streamed page by page (-Name with wildcards or -LiteralName, -Query,
    /// -Selection, -OrderBy, paging) or items by -Id with several requests in flight.
    /// </summary>
    public abstract class DirectoryGetCmdlet<T> : LifePosApiCmdlet
        where T : class
    {
        public const string ListSet = "List";
        public const string IdSet = "Id";
        public const string LiteralListSet = "LiteralList";

        /// <summary>Requests in flight at once for -Id (1 = one after the other).</summary>
        [Parameter(ParameterSetName = IdSet)]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 4;

        /// <summary>The name, wildcards allowed; matching ignores case.</summary>
        [Parameter(ParameterSetName = ListSet, Position = 0)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(NameCompleter))]
        public string? Name { get; set; }

        /// <summary>The name exactly as written: no character is a wildcard; matching ignores case.</summary>
        [Parameter(Mandatory = true, ParameterSetName = LiteralListSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(NameCompleter))]
        public string? LiteralName { get; set; }

        /// <summary>The server's search in the items' text fields.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [Parameter(ParameterSetName = LiteralListSet)]
        [ValidateLength(1, 64)]
        public string? Query { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [Parameter(ParameterSetName = LiteralListSet)]
        public WorkplaceSelection Selection { get; set; } = WorkplaceSelection.AliveOnly;

        [Parameter(ParameterSetName = ListSet)]
        [Parameter(ParameterSetName = LiteralListSet)]
        public DirectoryOrder? OrderBy { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [Parameter(ParameterSetName = LiteralListSet)]
        [ValidateRange(1, ListQuery.MaxPageSize)]
        public int PageSize { get; set; } = ListQuery.MaxPageSize;

        /// <summary>The ids given (-Id); the derived cmdlet declares the parameter with its own aliases.</summary>
        internal abstract Guid[] Ids { get; }

        /// <summary>For progress and the summary, e.g. "employees".</summary>
        internal abstract string Noun { get; }

        internal abstract Pageable<T> List(LifePosClient client, Guid organizationId, DirectoryListQuery query);

        internal abstract Task<T> GetAsync(LifePosClient client, Guid organizationId, Guid id, RequestContext context);

        internal abstract string? NameOf(T item);

        /// <summary>A filter of the derived cmdlet's own, beside the name; null when it has none.</summary>
        internal virtual Func<T, bool>? ExtraFilter => null;

        internal abstract void Write(T item);

        protected override void ProcessRecord()
        {
            var client = Client;
            var organization = ActiveConnection.OrganizationId;
            if (ParameterSetName == IdSet)
            {
                var bulk = Bulk(ThrottleLimit, "Getting LIFE POS " + Noun, "found");
                if (RejectedId(bulk, Ids))
                {
                    return;
                }

                foreach (var id in Ids)
                {
                    bulk.Submit(TargetOf(id), async context => new BulkOutcome(await GetAsync(client, organization, id, context).ConfigureAwait(false), "found"));
                }

                return;
            }

            var name = new NameFilter(LiteralName ?? Name, literal: LiteralName != null);
            var matched = false;
            var extra = ExtraFilter;
            var query = new DirectoryListQuery
            {
                Selection = Selection,
                Query = Query ?? name.ServerQuery,
                OrderBy = OrderBy,
                PageSize = PageSize,
                IncludeItemsTotal = PagingParameters.IncludeTotalCount,
            };
            bool Matches(T item)
            {
                var matches = name.Matches(NameOf(item)) && (extra is null || extra(item));
                matched |= matches;
                return matches;
            }

            var listed = ListWriter.Write(this, List(client, organization, query), Noun, Matches, name.IsActive || extra != null, Write);
            if (!matched && listed != null && PagingParameters.First > 0 && name.NothingMatchedWarning(Noun.TrimEnd('s')) is { } warning)
            {
                WriteWarning(warning);
            }
        }
    }
}
