using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace LifePos.Core.Paging
{
    /// <summary>
    /// A list the service returns page by page, followed by <c>next_page_token</c>. Enumerating it streams the items
    /// to a synchronous consumer (the pipeline thread): the next page is requested only once the consumer is partway
    /// through the current one (half of the first page, a quarter of later ones), so taking a few items costs one
    /// request, and nothing more is requested once enumeration stops, is disposed, or the context is cancelled.
    /// The end of the list is decided by the token alone; a token the service already gave is an error, not a loop.
    /// Each enumeration starts again from the first page, and yields each id at most once: an item changed while the
    /// list is read moves in the order (renamed under NameAsc, touched under UpdatedAtAsc) and a later page brings it
    /// back, so a listing piped into Set would otherwise update it again and again. Only the ids are remembered.
    /// </summary>
    public sealed class Pageable<T> : IEnumerable<T>
    {
        private readonly Func<string?, CancellationToken, Task<Page<T>>> _fetchPage;
        private readonly CancellationToken _cancellationToken;
        private readonly string _listPath;
        private readonly Func<T, string?> _idOf;

        /// <param name="fetchPage">Gets the page for a token (null: the first page).</param>
        /// <param name="listPath">The first page's path (secrets masked), for error messages.</param>
        /// <param name="idOf">An item's id (null: an item without one, always yielded).</param>
        internal Pageable(Func<string?, CancellationToken, Task<Page<T>>> fetchPage, string listPath, Func<T, string?> idOf, CancellationToken cancellationToken)
        {
            _fetchPage = fetchPage;
            _listPath = listPath;
            _idOf = idOf;
            _cancellationToken = cancellationToken;
        }

        /// <summary>All matching items, when the query asked for the total and the server told it.</summary>
        public long? ItemsTotal { get; private set; }

        /// <summary>Pages in the whole list, as the server last told it.</summary>
        public int? PagesTotal { get; private set; }

        /// <summary>Pages received so far by the current enumeration.</summary>
        public int PagesFetched { get; private set; }

        /// <summary>Called on the consuming thread each time a page is taken into use (before its first item).</summary>
        public Action<Pageable<T>>? PageReceived { get; set; }

        /// <summary>
        /// Called on the consuming thread, as its page is taken into use, for each item that could not be read; the
        /// listing goes on. Without it such an item ends the enumeration with its error: a caller that must see every
        /// item (an index to match rows against) never misses one silently.
        /// </summary>
        public Action<UnreadableItem>? ItemUnreadable { get; set; }

        public IEnumerator<T> GetEnumerator()
        {
            var tokens = new TokenTrail(this);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(_cancellationToken);
            Task<Page<T>>? next = _fetchPage(null, stop.Token);
            try
            {
                while (next != null)
                {
                    var page = WaitFor(next);
                    next = null;
                    var nextToken = tokens.Take(page);
                    ReportUnreadable(page);

                    // Half of the first page, so taking a few items costs one request; a consumer past the first
                    // page has shown it wants more, so later pages start the next request a quarter of the way in.
                    var prefetchAt = PagesFetched == 1 ? (page.Items.Count + 1) / 2 : page.Items.Count / 4;
                    for (var index = 0; index < page.Items.Count; index++)
                    {
                        stop.Token.ThrowIfCancellationRequested();
                        if (nextToken != null && next == null && index >= prefetchAt)
                        {
                            next = _fetchPage(nextToken, stop.Token);
                        }

                        if (tokens.FirstSight(page.Items[index]))
                        {
                            yield return page.Items[index];
                        }
                    }

                    stop.Token.ThrowIfCancellationRequested();
                    if (nextToken != null && next == null)
                    {
                        next = _fetchPage(nextToken, stop.Token);
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

        /// <summary>A GUID as an id to remember; none for the empty GUID (an answer that left the id out).</summary>
        internal static string? IdKey(Guid id) => id == Guid.Empty ? null : id.ToString("N");

        /// <summary>
        /// Blocks the consuming thread until the page is in, without spinning: Task.Wait and GetResult spin first,
        /// which on a small machine takes the processor from the very request being waited for.
        /// </summary>
        private static Page<T> WaitFor(Task<Page<T>> page)
        {
            if (!page.IsCompleted)
            {
                using var done = new ManualResetEventSlim(false, 0);
                page.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(done.Set);
                done.Wait();
            }

            return page.GetAwaiter().GetResult();
        }

        /// <summary>Every item, page after page, without prefetch.</summary>
        internal async Task<List<T>> ToListAsync()
        {
            var items = new List<T>();
            await ForEachAsync(item =>
            {
                items.Add(item);
                return true;
            }).ConfigureAwait(false);
            return items;
        }

        /// <summary>Visits the items in order until <paramref name="visit"/> returns false; asks for no page beyond that.</summary>
        internal async Task ForEachAsync(Func<T, bool> visit)
        {
            var tokens = new TokenTrail(this);
            string? token = null;
            do
            {
                var page = await _fetchPage(token, _cancellationToken).ConfigureAwait(false);
                token = tokens.Take(page);
                ReportUnreadable(page);
                foreach (var item in page.Items)
                {
                    if (tokens.FirstSight(item) && !visit(item))
                    {
                        return;
                    }
                }
            }
            while (token != null);
        }

        private void ReportUnreadable(Page<T> page)
        {
            foreach (var item in page.Unreadable)
            {
                if (ItemUnreadable is null)
                {
                    throw item.Error;
                }

                ItemUnreadable(item);
            }
        }

        private static void ObserveAbandoned(Task task) =>
            task.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

        /// <summary>One enumeration's pages: counts them and decides the next token, refusing one seen before; knows the ids yielded.</summary>
        private sealed class TokenTrail
        {
            private readonly Pageable<T> _owner;
            private readonly HashSet<string> _seen = new HashSet<string>(StringComparer.Ordinal);
            private readonly HashSet<string> _ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

            public TokenTrail(Pageable<T> owner)
            {
                _owner = owner;
                owner.PagesFetched = 0;
            }

            /// <summary>False for an item whose id this enumeration already yielded.</summary>
            public bool FirstSight(T item) => !(_owner._idOf(item) is { } id) || _ids.Add(id);

            /// <summary>Takes a page into use; returns the token of the next page, or null at the end.</summary>
            public string? Take(Page<T> page)
            {
                _owner.PagesFetched++;
                _owner.PagesTotal = page.PagesTotal ?? _owner.PagesTotal;
                _owner.ItemsTotal = page.ItemsTotal ?? _owner.ItemsTotal;
                _owner.PageReceived?.Invoke(_owner);
                var token = page.NextPageToken;
                if (string.IsNullOrEmpty(token))
                {
                    return null;
                }

                if (!_seen.Add(token!))
                {
                    throw new LifePosApiException(
                        "LIFE POS gave the same next_page_token again after page " + _owner.PagesFetched.ToString(CultureInfo.InvariantCulture) +
                        ", so the list would never end; the listing stopped there. The service misbehaved; try again later (GET " + _owner._listPath + ").",
                        null, "InvalidResponse", null, "GET", _owner._listPath);
                }

                return token;
            }
        }
    }
}
