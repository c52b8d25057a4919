using System;
using System.Globalization;
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
    /// Lists workplaces page by page, streaming each page as it arrives (the next page is asked for only when needed),
    /// or gets workplaces by id with several requests in flight.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "LifePosWorkplace", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(Workplace))]
    public sealed class GetLifePosWorkplaceCommand : LifePosApiCmdlet
    {
        public const string ListSet = "List";
        public const string IdSet = "Id";
        public const string LiteralListSet = "LiteralList";

        [Parameter(Mandatory = true, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("guid", "WorkplaceId", "workplace_guid")]
        [GuidTransformation("workplace")]
        [ArgumentCompleter(typeof(WorkplaceIdCompleter))]
        public Guid[] Id { get; set; } = Array.Empty<Guid>();

        /// <summary>Requests in flight at once for -Id (1 = one after the other).</summary>
        [Parameter(ParameterSetName = IdSet)]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 4;

        /// <summary>The name, wildcards allowed (e.g. 'Касса 1*'; 'Касса `[1`]' for brackets in the name); matching ignores case.</summary>
        [Parameter(ParameterSetName = ListSet, Position = 0)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(NameCompleter))]
        public string? Name { get; set; }

        /// <summary>The name exactly as written ('Касса [1]'): no character is a wildcard; matching ignores case.</summary>
        [Parameter(Mandatory = true, ParameterSetName = LiteralListSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(NameCompleter))]
        public string? LiteralName { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [Parameter(ParameterSetName = LiteralListSet)]
        public WorkplaceSelection Selection { get; set; } = WorkplaceSelection.AliveOnly;

        /// <summary>The server's search: number, name, meta and meta data contain this text.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [Parameter(ParameterSetName = LiteralListSet)]
        [ValidateLength(1, 64)]
        public string? Query { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [Parameter(ParameterSetName = LiteralListSet)]
        public WorkplaceOrder? OrderBy { get; set; }

        /// <summary>Only workplaces of these types.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [Parameter(ParameterSetName = LiteralListSet)]
        [Alias("Type")]
        public WorkplaceType[]? WorkplaceType { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [Parameter(ParameterSetName = LiteralListSet)]
        [ValidateRange(1, ListQuery.MaxPageSize)]
        public int PageSize { get; set; } = ListQuery.MaxPageSize;

        /// <summary>Workplace numbers, as people say them ("касса №17"): each costs one search.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [Parameter(ParameterSetName = LiteralListSet)]
        [ValidateRange(1, 99999)]
        public int[]? Number { get; set; }

        /// <summary>
        /// Created at or after this time (the server filters: one listing, not all of them). A DateTime, a workplace's
        /// CreatedAt, or text such as '2026-12-01'; a time without an offset is local time.
        /// </summary>
        [Parameter(ParameterSetName = ListSet)]
        [Parameter(ParameterSetName = LiteralListSet)]
        public DateTimeOffset? CreatedAfter { get; set; }

        /// <summary>Created at or before this time.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [Parameter(ParameterSetName = LiteralListSet)]
        public DateTimeOffset? CreatedBefore { get; set; }

        /// <summary>Changed at or after this time.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [Parameter(ParameterSetName = LiteralListSet)]
        public DateTimeOffset? UpdatedAfter { get; set; }

        /// <summary>Changed at or before this time.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [Parameter(ParameterSetName = LiteralListSet)]
        public DateTimeOffset? UpdatedBefore { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == IdSet)
            {
                GetById();
            }
            else
            {
                List();
            }
        }

        private void GetById()
        {
            var client = Client;
            var organization = ActiveConnection.OrganizationId;
            var bulk = Bulk(ThrottleLimit, "Getting LIFE POS workplaces", "found");
            if (RejectedId(bulk, Id))
            {
                return;
            }

            foreach (var id in Id)
            {
                bulk.Submit(TargetOf(id), async context => new BulkOutcome(await client.GetWorkplaceAsync(organization, id, context).ConfigureAwait(false), "found"));
            }
        }

        private void List()
        {
            var filter = new WorkplaceNameFilter(LiteralName ?? Name, WorkplaceType, literal: LiteralName != null);
            var matched = false;
            var listed = true;
            // Each number is one server search ("17" also finds 170 and names with 17), narrowed to the number here.
            var numbers = Number is { Length: > 0 } given ? given.Select(wanted => (int?)wanted).ToArray() : new int?[] { null };
            foreach (var number in numbers)
            {
                var query = new WorkplaceListQuery
                {
                    Selection = Selection,
                    Query = Query ?? (number is { } wanted ? wanted.ToString(CultureInfo.InvariantCulture) : filter.ServerQuery),
                    OrderBy = OrderBy,
                    PageSize = PageSize,
                    IncludeItemsTotal = PagingParameters.IncludeTotalCount,
                    CreatedAfter = CreatedAfter,
                    CreatedBefore = CreatedBefore,
                    UpdatedAfter = UpdatedAfter,
                    UpdatedBefore = UpdatedBefore,
                };
                var found = ListWriter.Write(
                    this,
                    Client.ListWorkplaces(ActiveConnection.OrganizationId, query, RequestContext),
                    "workplaces",
                    workplace =>
                    {
                        var matches = filter.Matches(workplace) && (number is null || workplace.Number == number);
                        matched |= matches;
                        return matches;
                    },
                    filter.IsClientSide || number != null,
                    WriteWorkplace);
                listed &= found != null;

                // A number names one workplace, as an id does: none is an error, as an unknown -Id is.
                if (number is { } missing && found == 0 && PagingParameters.First > 0)
                {
                    WriteError(LifePosErrors.NumberNotFound(missing, Selection.ToString()));
                }
            }

            if (!matched && listed && PagingParameters.First > 0 && filter.NothingMatchedWarning() is { } warning)
            {
                WriteWarning(warning);
            }
        }
    }
}

