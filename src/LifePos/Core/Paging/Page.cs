using System.Collections.Generic;

namespace LifePos.Core.Paging
{
    /// <summary>One page of a list as <see cref="Pageable{T}"/> needs it.</summary>
    internal sealed class Page<T>
    {
        public Page(IReadOnlyList<T> items, string? nextPageToken, int? pagesTotal, long? itemsTotal)
        {
            Items = items;
            NextPageToken = nextPageToken;
            PagesTotal = pagesTotal;
            ItemsTotal = itemsTotal;
        }

        public IReadOnlyList<T> Items { get; }

        public string? NextPageToken { get; }

        public int? PagesTotal { get; }

        public long? ItemsTotal { get; }
    }
}
