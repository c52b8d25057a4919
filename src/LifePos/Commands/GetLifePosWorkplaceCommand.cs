using System;
using System.Globalization;
using System.Management.Automation;
using LifePos.Core;
using LifePos.PowerShell;

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

        [Parameter(Mandatory = true, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("guid", "WorkplaceId", "workplace_guid")]
        [GuidTransformation("workplace")]
        [ArgumentCompleter(typeof(WorkplaceIdCompleter))]
        public Guid[] Id { get; set; } = Array.Empty<Guid>();

        /// <summary>Requests in flight at once for -Id (1 = one after the other).</summary>
        [Parameter(ParameterSetName = IdSet)]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 4;

        /// <summary>The name, wildcards allowed (e.g. 'Касса 1*'); matching ignores case.</summary>
        [Parameter(ParameterSetName = ListSet, Position = 0)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        public WorkplaceSelection Selection { get; set; } = WorkplaceSelection.AliveOnly;

        /// <summary>The server's search: number, name, meta and meta data contain this text.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateLength(1, 64)]
        public string? Query { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        public WorkplaceOrder? OrderBy { get; set; }

        /// <summary>Only workplaces of these types.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [Alias("Type")]
        public WorkplaceType[]? WorkplaceType { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        [ValidateRange(1, WorkplaceListQuery.MaxPageSize)]
        public int PageSize { get; set; } = WorkplaceListQuery.MaxPageSize;

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
            foreach (var id in Id)
            {
                bulk.Submit(TargetOf(id), async token =>
                    new BulkOutcome(await client.GetWorkplaceAsync(organization, id, RowContext(token)).ConfigureAwait(false), "found"));
            }
        }

        private void List()
        {
            var filter = new WorkplaceFilter(Name, WorkplaceType);
            var query = new WorkplaceListQuery
            {
                Selection = Selection,
                Query = Query ?? filter.ServerQuery,
                OrderBy = OrderBy,
                PageSize = PageSize,
                IncludeItemsTotal = PagingParameters.IncludeTotalCount,
            };
            var skip = PagingParameters.Skip;
            var first = PagingParameters.First;
            if (first == 0)
            {
                return;
            }

            var pager = Client.ListWorkplaces(ActiveConnection.OrganizationId, query, RequestContext);
            var progress = new ProgressReporter(this, "Listing LIFE POS workplaces");
            long seen = 0;
            pager.PageReceived = _ => ShowProgress(progress, pager, seen);

            ulong skipped = 0;
            ulong emitted = 0;
            var totalWritten = !PagingParameters.IncludeTotalCount;
            using (var workplaces = pager.GetEnumerator())
            {
                while (true)
                {
                    bool more;
                    try
                    {
                        more = workplaces.MoveNext();
                    }
                    catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
                    {
                        throw new PipelineStoppedException();
                    }
                    catch (LifePosApiException exception)
                    {
                        FlushMessages();
                        WriteFailure(exception, ActiveConnection);
                        break;
                    }

                    FlushMessages();
                    if (!totalWritten)
                    {
                        totalWritten = true;
                        WriteTotalCount(pager.ItemsTotal, filter.IsClientSide);
                    }

                    if (!more)
                    {
                        break;
                    }

                    seen++;
                    var workplace = workplaces.Current;
                    ShowProgress(progress, pager, seen);
                    if (!filter.Matches(workplace))
                    {
                        continue;
                    }

                    if (skipped < skip)
                    {
                        skipped++;
                        continue;
                    }

                    WriteWorkplace(workplace);
                    if (++emitted >= first)
                    {
                        break;
                    }
                }
            }

            progress.Complete();
        }

        private void WriteTotalCount(long? itemsTotal, bool clientSideFilter)
        {
            if (itemsTotal is null)
            {
                WriteObject(PagingParameters.NewTotalCount(0, 0.0));
            }
            else
            {
                // With a client-side filter the server's count is an upper bound, so it is marked as an estimate.
                WriteObject(PagingParameters.NewTotalCount((ulong)itemsTotal.Value, clientSideFilter ? 0.5 : 1.0));
            }
        }

        private static void ShowProgress(ProgressReporter progress, WorkplacePager pager, long seen)
        {
            if (pager.PagesTotal is null || pager.PagesTotal <= 1)
            {
                return;
            }

            var pagesTotal = pager.PagesTotal.Value;
            var status = "Page " + pager.PagesFetched.ToString(CultureInfo.InvariantCulture) + " of " +
                         pagesTotal.ToString(CultureInfo.InvariantCulture) + ", " + seen.ToString(CultureInfo.InvariantCulture) +
                         (pager.ItemsTotal is long total ? " of " + total.ToString(CultureInfo.InvariantCulture) : string.Empty) + " workplaces";
            var percent = pager.ItemsTotal is long known && known > 0
                ? (int)(seen * 100 / known)
                : (pager.PagesFetched - 1) * 100 / pagesTotal;
            progress.Update(status, percent);
        }

        /// <summary>The client-side part of the filter: -Name (wildcards) and -WorkplaceType.</summary>
        private sealed class WorkplaceFilter
        {
            private const int MaxServerQuery = 64;
            private readonly string? _exactName;
            private readonly WildcardPattern? _namePattern;
            private readonly WorkplaceType[]? _types;

            public WorkplaceFilter(string? name, WorkplaceType[]? types)
            {
                _types = types is { Length: > 0 } ? types : null;
                if (name is null)
                {
                    return;
                }

                string literal;
                if (WildcardPattern.ContainsWildcardCharacters(name))
                {
                    _namePattern = new WildcardPattern(name, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant);
                    literal = LongestLiteral(name);
                }
                else
                {
                    _exactName = WildcardPattern.Unescape(name);
                    literal = _exactName;
                }

                // The server's search matches a superset (it also searches number and meta); the filter narrows it.
                if (literal.Trim().Length > 0)
                {
                    ServerQuery = literal.Length > MaxServerQuery ? literal.Substring(0, MaxServerQuery) : literal;
                }
            }

            public string? ServerQuery { get; }

            public bool IsClientSide => _exactName != null || _namePattern != null || _types != null;

            public bool Matches(Workplace workplace)
            {
                if (_types != null && Array.IndexOf(_types, workplace.WorkplaceType) < 0)
                {
                    return false;
                }

                if (_exactName != null)
                {
                    return string.Equals(workplace.Name, _exactName, StringComparison.OrdinalIgnoreCase);
                }

                return _namePattern is null || _namePattern.IsMatch(workplace.Name ?? string.Empty);
            }

            /// <summary>The longest run of plain characters in a wildcard pattern ('Касса 1*' → 'Касса 1').</summary>
            private static string LongestLiteral(string pattern)
            {
                var longest = string.Empty;
                var current = new System.Text.StringBuilder();
                var inBrackets = false;
                for (var index = 0; index < pattern.Length; index++)
                {
                    var character = pattern[index];
                    if (character == '`' && index + 1 < pattern.Length && !inBrackets)
                    {
                        current.Append(pattern[++index]);
                        continue;
                    }

                    if (inBrackets)
                    {
                        inBrackets = character != ']';
                        continue;
                    }

                    if (character == '*' || character == '?' || character == '[')
                    {
                        inBrackets = character == '[';
                        if (current.Length > longest.Length)
                        {
                            longest = current.ToString();
                        }

                        current.Clear();
                        continue;
                    }

                    current.Append(character);
                }

                return current.Length > longest.Length ? current.ToString() : longest;
            }
        }
    }
}
