using System;
using System.Collections;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace LifePos.Core
{
    /// <summary>
    /// Streams a workplace list page by page to a synchronous consumer (the pipeline thread). The next page is
    /// requested only once the consumer is partway through the current one (half of the first page, a quarter of
    /// later ones), so taking a few items costs one request;
    /// nothing more is requested once enumeration stops, is disposed, or the context is cancelled.
    /// Each enumeration starts again from the first page.
    /// </summary>
    public sealed class WorkplacePager : IEnumerable<Workplace>
    {
        private readonly Func<string?, CancellationToken, Task<WorkplacePage>> _fetchPage;
        private readonly CancellationToken _cancellationToken;

        internal WorkplacePager(Func<string?, CancellationToken, Task<WorkplacePage>> fetchPage, CancellationToken cancellationToken)
        {
            _fetchPage = fetchPage;
            _cancellationToken = cancellationToken;
        }

        /// <summary>All matching items, when the query asked for the total and the server told it.</summary>
        public long? ItemsTotal { get; private set; }

        /// <summary>Pages in the whole list, as the server last told it.</summary>
        public int? PagesTotal { get; private set; }

        /// <summary>Pages received so far by the current enumeration.</summary>
        public int PagesFetched { get; private set; }

        /// <summary>Called on the consuming thread each time a page is taken into use (before its first item).</summary>
        public Action<WorkplacePager>? PageReceived { get; set; }

        public IEnumerator<Workplace> GetEnumerator()
        {
            PagesFetched = 0;
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(_cancellationToken);
            Task<WorkplacePage>? next = _fetchPage(null, stop.Token);
            try
            {
                while (next != null)
                {
                    var page = next.GetAwaiter().GetResult();
                    next = null;
                    PagesFetched++;
                    PagesTotal = page.PagesTotal ?? PagesTotal;
                    ItemsTotal = page.ItemsTotal ?? ItemsTotal;
                    PageReceived?.Invoke(this);

                    var hasNext = !string.IsNullOrEmpty(page.NextPageToken) && page.Items.Count > 0;
                    // Half of the first page, so taking a few items costs one request; a consumer past the first
                    // page has shown it wants more, so later pages start the next request a quarter of the way in.
                    var prefetchAt = PagesFetched == 1 ? (page.Items.Count + 1) / 2 : page.Items.Count / 4;
                    for (var index = 0; index < page.Items.Count; index++)
                    {
                        stop.Token.ThrowIfCancellationRequested();
                        if (hasNext && next == null && index >= prefetchAt)
                        {
                            next = _fetchPage(page.NextPageToken, stop.Token);
                        }

                        yield return page.Items[index];
                    }

                    stop.Token.ThrowIfCancellationRequested();
                    if (hasNext && next == null)
                    {
                        next = _fetchPage(page.NextPageToken, stop.Token);
                    }
                }
            }
            finally
            {
                if (next != null)
                {
                    stop.Cancel();
                    ObserveAbandoned(next);
                }
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        private static void ObserveAbandoned(Task task) =>
            task.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>One page of a list as the pager needs it.</summary>
    internal sealed class WorkplacePage
    {
        public WorkplacePage(IReadOnlyList<Workplace> items, string? nextPageToken, int? pagesTotal, long? itemsTotal)
        {
            Items = items;
            NextPageToken = nextPageToken;
            PagesTotal = pagesTotal;
            ItemsTotal = itemsTotal;
        }

        public IReadOnlyList<Workplace> Items { get; }

        public string? NextPageToken { get; }

        public int? PagesTotal { get; }

        public long? ItemsTotal { get; }
    }
}
