using System;
using System.Threading;
using System.Threading.Tasks;
using LifePos.Core;
using LifePos.Core.Journal;
using LifePos.Shell.Cmdlets;

namespace LifePos.Shell.Runs
{
    /// <summary>Completes a journal line with how the change ended (retries, request id, outcome) and appends it.</summary>
    internal static class Journaling
    {
        /// <summary>
        /// A bulk row's work in its own context (the row's cancellation) that, with a journal, appends one line for
        /// what it changed or failed to; a row that needed no change, or was cancelled, writes none.
        /// </summary>
        public static Func<CancellationToken, Task<BulkOutcome>> Wrap(LifePosApiCmdlet cmdlet, Func<RequestContext, Task<BulkOutcome>> work, JournalEntry? journal)
        {
            var file = cmdlet.ActiveConnection.Journal;
            var organization = cmdlet.ActiveConnection.OrganizationId;
            return async token =>
            {
                var context = cmdlet.RowContext(token);
                if (journal is null || file is null)
                {
                    return await work(context).ConfigureAwait(false);
                }

                journal.OrganizationId = organization;
                try
                {
                    var outcome = await work(context).ConfigureAwait(false);
                    if (!outcome.Unchanged)
                    {
                        var subject = outcome.Subject ?? outcome.Output as Workplace;
                        journal.WorkplaceId = subject?.Id ?? journal.WorkplaceId;
                        journal.WorkplaceNumber = subject?.Number ?? journal.WorkplaceNumber;
                        journal.WorkplaceName = subject?.Name ?? journal.WorkplaceName;
                        Append(file, journal, context, null);
                    }

                    return outcome;
                }
                catch (Exception error) when (!(error is OperationCanceledException))
                {
                    Append(file, journal, context, error);
                    throw;
                }
            };
        }

        public static void Append(ChangeJournal file, JournalEntry journal, RequestContext context, Exception? error)
        {
            journal.Retries = context.RetryCount;
            journal.RequestId = (error as LifePosApiException)?.RequestId ?? context.RequestId;
            journal.Outcome = error is null ? "done" : "failed";
            journal.ErrorCode = error is null ? null : (error as LifePosApiException)?.ErrorCode ?? "InvalidInput";
            journal.ErrorMessage = error?.Message;
            file.Append(journal, DateTimeOffset.UtcNow);
        }
    }
}
