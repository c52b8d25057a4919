using System.Globalization;
using System.Text;

namespace LifePos.Shell.Runs
{
    /// <summary>What a bulk run's stopping error adds to its message: what was done, what was not, and how to finish.</summary>
    internal static class StopNotes
    {
        /// <summary>-ErrorAction Stop ended the run at a failed row; rows already sent finished after it.</summary>
        public static string ErrorActionStop(int doneBefore, int doneAfter, int failedAfter)
        {
            var note = new StringBuilder(" The run stopped here (-ErrorAction Stop): ").Append(Rows(doneBefore)).Append(" finished before it");
            if (doneAfter + failedAfter > 0)
            {
                note.Append("; ").Append(Rows(doneAfter + failedAfter)).Append(" already sent finished after it (")
                    .Append(doneAfter.ToString(CultureInfo.InvariantCulture)).Append(" done, written above, ")
                    .Append(failedAfter.ToString(CultureInfo.InvariantCulture)).Append(" failed)");
            }

            return note.Append("; nothing after it was sent. Fix the row and run the rest again.").ToString();
        }

        /// <summary>What an outage left behind, and how to finish the job safely.</summary>
        public static string Outage(int done, int failed, int readNotFinished) =>
            " The run stopped: " + Rows(done) + " done, " + Rows(failed) + " failed, and the rest (" +
            Rows(readNotFinished) + " read so far, and any not yet read) not sent. When LIFE POS answers again, " +
            "run the same input again with -SkipExisting (New-LifePosWorkplace) or through Sync-LifePosWorkplace: what was done is not done twice.";

        private static string Rows(int count) => count.ToString(CultureInfo.InvariantCulture) + (count == 1 ? " row" : " rows");
    }
}
