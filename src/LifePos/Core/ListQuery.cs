using System;
using LifePos.Core.Resources;

namespace LifePos.Core
{
    /// <summary>What every list takes: which items, a search, page size, the total, and the published date filters.</summary>
    public abstract class ListQuery
    {
        public const int MaxPageSize = 100;

        private int _pageSize = MaxPageSize;

        public WorkplaceSelection Selection { get; set; } = WorkplaceSelection.AliveOnly;

        /// <summary>The server's search (at most 64 characters).</summary>
        public string? Query { get; set; }

        /// <summary>Items per page, 1..100.</summary>
        public int PageSize
        {
            get => _pageSize;
            set
            {
                if (value < 1 || value > MaxPageSize)
                {
                    throw new ArgumentOutOfRangeException(nameof(value), value, "The page size must be between 1 and 100.");
                }

                _pageSize = value;
            }
        }

        /// <summary>Ask the server to count all matching items (fills <see cref="Paging.Pageable{T}.ItemsTotal"/>).</summary>
        public bool IncludeItemsTotal { get; set; }

        /// <summary>Created at or after (<c>created_from</c>).</summary>
        public DateTimeOffset? CreatedAfter { get; set; }

        /// <summary>Created at or before (<c>created_to</c>).</summary>
        public DateTimeOffset? CreatedBefore { get; set; }

        /// <summary>Changed at or after (<c>updated_from</c>).</summary>
        public DateTimeOffset? UpdatedAfter { get; set; }

        /// <summary>Changed at or before (<c>updated_to</c>).</summary>
        public DateTimeOffset? UpdatedBefore { get; set; }

        /// <summary>The order's API name (<c>created_at_desc</c>), or null for the server's default.</summary>
        internal abstract string? OrderName { get; }

        internal string ToQueryString() => new ListQueryString()
            .Add("items_per_page", PageSize)
            .Add("selection", ListQueryString.SnakeCase(Selection.ToString()))
            .Add("query", Query)
            .Add("order_by", OrderName)
            .AddFlag("include_items_total", IncludeItemsTotal)
            .Add("created_from", CreatedAfter)
            .Add("created_to", CreatedBefore)
            .Add("updated_from", UpdatedAfter)
            .Add("updated_to", UpdatedBefore)
            .ToString();
    }
}
