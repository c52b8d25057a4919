using System;
using System.Collections.Generic;

namespace LifePos.Core.Paging
{
    /// <summary>One page of a list as <see cref="Pageable{T}"/> needs it.</summary>
    internal sealed class Page<T>
    {
        public Page(IReadOnlyList<T> items, string? nextPageToken, int? pagesTotal, long? itemsTotal, IReadOnlyList<UnreadableItem>? unreadable = null)
        {
            Items = items;
            NextPageToken = nextPageToken;
            PagesTotal = pagesTotal;
            ItemsTotal = itemsTotal;
            Unreadable = unreadable ?? Array.Empty<UnreadableItem>();
        }

        public IReadOnlyList<T> Items { get; }

        public string? NextPageToken { get; }

        public int? PagesTotal { get; }

        public long? ItemsTotal { get; }

        /// <summary>The page's items that could not be read, left out of <see cref="Items"/>.</summary>
        public IReadOnlyList<UnreadableItem> Unreadable { get; }
    }
}
