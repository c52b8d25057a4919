using System;
using System.Threading;
using System.Threading.Tasks;
using LifePos.Core;
using LifePos.Core.Journal;
using LifePos.Shell.Cmdlets;

namespace LifePos.Shell.Runs
{
    /// <summary>Journals a change ahead of its request (the intent) and after it (the outcome: done, failed or unknown).</summary>
    internal static class Journaling
    {
        /// <summary>
        /// A bulk row's work in its own context (the row's cancellation) that, with a journal, writes the intent before
        /// the request (the work writes it itself when it reads the workplace first) and the outcome after it. A row that
        /// turned out to need no change writes nothing; a row cancelled before its intent writes nothing either.
        /// </summary>
        public static Func<CancellationToken, Task<BulkOutcome>> Wrap(LifePosApiCmdlet cmdlet, Func<RequestContext, Task<BulkOutcome>> work, JournalRecord? journal)
        {
            var run = journal is null ? null : cmdlet.JournalRun;
            // Numbered here, on the pipeline thread, in input order: the journal reads back in that order, whatever
            // order the rows finish in.
            run?.Adopt(journal!);
            return async token =>
            {
                var context = cmdlet.RowContext(token);
                if (journal is null || run is null)
                {
                    return await work(context).ConfigureAwait(false);
                }

                if (!journal.IntentByWork)
                {
                    journal.Intend();
                }

                try
                {
                    var outcome = await work(context).ConfigureAwait(false);
                    if (journal.IntentWritten)
                    {
                        var subject = outcome.Subject ?? outcome.Output as Workplace;
                        journal.WorkplaceId = subject?.Id ?? journal.WorkplaceId;
                        journal.WorkplaceNumber = subject?.Number ?? journal.WorkplaceNumber;
                        journal.WorkplaceName = subject?.Name ?? journal.WorkplaceName;
                        Append(run.Journal, journal, context, null);
                    }

                    return outcome;
                }
                catch (Exception error) when (journal.IntentWritten || !(error is OperationCanceledException))
                {
                    Append(run.Journal, journal, context, error);
                    throw;
                }
            };
        }

        /// <summary>The outcome line: done; failed when LIFE POS refused it (or it was never sent); unknown when it may have happened.</summary>
        public static void Append(ChangeJournal file, JournalRecord journal, RequestContext context, Exception? error)
        {
            var api = error as LifePosApiException;
            journal.Retries = context.RetryCount;
            journal.RequestId = api?.RequestId ?? context.RequestId;
            journal.Outcome = error switch
            {
                null => "done",
                OperationCanceledException _ => "unknown",
                LifePosApiException { MayHaveSucceeded: true } => journal.IntentWritten ? "unknown" : "failed",
                _ => "failed",
            };
            journal.ErrorCode = error is null ? null : api?.ErrorCode ?? (error is OperationCanceledException ? "Cancelled" : "InvalidInput");
            journal.ErrorMessage = error?.Message;
            file.Append(journal, DateTimeOffset.UtcNow);
        }
    }
}
