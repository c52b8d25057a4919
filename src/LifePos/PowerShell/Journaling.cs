using System;
using LifePos.Core;
using LifePos.Core.Journal;

namespace LifePos.PowerShell
{
    /// <summary>Completes a journal line with how the change ended (retries, request id, outcome) and appends it.</summary>
    internal static class Journaling
    {
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
