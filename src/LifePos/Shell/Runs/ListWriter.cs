using System;
using System.Globalization;
using System.Management.Automation;
using LifePos.Core;
using LifePos.Shell.Cmdlets;
using LifePos.Core.Paging;

namespace LifePos.Shell.Runs
{
    /// <summary>
    /// Writes a list as it streams in, for any Get- cmdlet with SupportsPaging: the client-side filter, -Skip, -First
    /// (which stops asking for pages at once), -IncludeTotalCount, progress by page, and an error for each item that
    /// could not be read (the listing goes on).
    /// </summary>
    internal static class ListWriter
    {
        /// <param name="noun">What is listed, for progress, e.g. "workplaces".</param>
        /// <param name="matches">The client-side filter.</param>
        /// <param name="clientSideFilter">True when the filter may leave items out (the server's count is then an upper bound).</param>
        /// <returns>How many items were written; null when the listing failed (its error is written).</returns>
        public static ulong? Write<T>(LifePosApiCmdlet cmdlet, Pageable<T> pages, string noun, Func<T, bool> matches, bool clientSideFilter, Action<T> write)
        {
            var paging = cmdlet.PagingParameters;
            if (paging.First == 0)
            {
                return 0;
            }

            var progress = new ProgressReporter(cmdlet, "Listing LIFE POS " + noun);
            long seen = 0;
            pages.PageReceived = _ => ShowProgress(progress, pages, seen, noun);
            pages.ItemUnreadable = item =>
            {
                cmdlet.FlushMessages();
                cmdlet.WriteError(LifePosErrors.FromException(item.Error, item.Target));
            };
            ulong skipped = 0;
            ulong emitted = 0;
            var totalWritten = !paging.IncludeTotalCount;
            using (var items = pages.GetEnumerator())
            {
                while (true)
                {
                    bool more;
                    try
                    {
                        more = items.MoveNext();
                    }
                    catch (OperationCanceledException) when (cmdlet.CancellationToken.IsCancellationRequested)
                    {
                        throw new PipelineStoppedException();
                    }
                    catch (LifePosApiException exception)
                    {
                        cmdlet.FlushMessages();
                        cmdlet.WriteFailure(exception, cmdlet.ActiveConnection);
                        progress.Complete();
                        return null;
                    }

                    cmdlet.FlushMessages();
                    if (!totalWritten)
                    {
                        totalWritten = true;
                        // With a client-side filter the server's count is an upper bound, so it is marked as an estimate.
                        cmdlet.WriteObject(pages.ItemsTotal is { } total
                            ? paging.NewTotalCount((ulong)total, clientSideFilter ? 0.5 : 1.0)
                            : paging.NewTotalCount(0, 0.0));
                    }

                    if (!more)
                    {
                        break;
                    }

                    seen++;
                    ShowProgress(progress, pages, seen, noun);
                    if (!matches(items.Current))
                    {
                        continue;
                    }

                    if (skipped < paging.Skip)
                    {
                        skipped++;
                        continue;
                    }

                    write(items.Current);
                    if (++emitted >= paging.First)
                    {
                        break;
                    }
                }
            }

            progress.Complete();
            return emitted;
        }

        private static void ShowProgress<T>(ProgressReporter progress, Pageable<T> pages, long seen, string noun)
        {
            // Called for every item: the text is built only for the few updates a second that are shown.
            if (pages.PagesTotal is not { } pagesTotal || pagesTotal <= 1 || !progress.IsDue)
            {
                return;
            }

            var status = "Page " + pages.PagesFetched.ToString(CultureInfo.InvariantCulture) + " of " +
                         pagesTotal.ToString(CultureInfo.InvariantCulture) + ", " + seen.ToString(CultureInfo.InvariantCulture) +
                         (pages.ItemsTotal is { } total ? " of " + total.ToString(CultureInfo.InvariantCulture) : string.Empty) + " " + noun;
            var percent = pages.ItemsTotal is { } known && known > 0
                ? (int)(seen * 100 / known)
                : (pages.PagesFetched - 1) * 100 / pagesTotal;
            progress.Update(status, percent);
        }
    }
}
