using System;

namespace LifePos.Core
{
    /// <summary>Filter, order and page size of a workplace list.</summary>
    public sealed class WorkplaceListQuery
    {
        public const int MaxPageSize = 100;

        private int _pageSize = MaxPageSize;

        public WorkplaceSelection Selection { get; set; } = WorkplaceSelection.AliveOnly;

        /// <summary>Case-insensitive search in number, name, meta and meta data (at most 64 characters).</summary>
        public string? Query { get; set; }

        /// <summary>Null keeps the server's default order (number ascending).</summary>
        public WorkplaceOrder? OrderBy { get; set; }

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

        /// <summary>Ask the server to count all matching items (fills <see cref="WorkplacePager.ItemsTotal"/>).</summary>
        public bool IncludeItemsTotal { get; set; }
    }
}
