using System.Management.Automation;
using LifePos.Core;
using LifePos.Shell.Binding;
using LifePos.Shell.Completion;
using LifePos.Shell.Runs;

namespace LifePos.Shell.Cmdlets
{
    /// <summary>A cmdlet that talks to LIFE POS: it takes -Connection or uses the one Connect-LifePos stored.</summary>
    public abstract class LifePosApiCmdlet : LifePosCmdlet
    {
        private LifePosConnection? _connection;
        private BulkRunner? _bulk;
        private Core.Journal.JournalRun? _run;

        /// <summary>The connection to use instead of the default one (from Connect-LifePos -PassThru).</summary>
        [Parameter]
        [ValidateNotNull]
        [ConnectionTransformation]
        public LifePosConnection? Connection { get; set; }

        internal LifePosConnection ActiveConnection => _connection ??= OpenConnection(Connection ?? ConnectionStore.Get(SessionState));

        internal LifePosClient Client => ActiveConnection.Client;

        /// <summary>The journal this run's changes go to; the connection's (Connect-LifePos -JournalPath) unless a cmdlet says otherwise.</summary>
        internal virtual Core.Journal.ChangeJournal? JournalFile => ActiveConnection.Journal;

        /// <summary>This invocation as a journaled run (its id in the summary and on output); null without a journal.</summary>
        internal Core.Journal.JournalRun? JournalRun =>
            _run ??= JournalFile is { } file ? new Core.Journal.JournalRun(file, MyInvocation.MyCommand.Name, ActiveConnection.OrganizationId) : null;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            CompletionSource.LastConnection = ActiveConnection;
            Client.BeginCommand();
        }

        /// <summary>Writes what is still running in a bulk run, then its summary.</summary>
        protected override void EndProcessing()
        {
            _bulk?.Finish();
        }

        protected override void DisposeResources()
        {
            _bulk?.Dispose();
        }

        /// <summary>The run's bulk runner, created with the first row.</summary>
        internal BulkRunner Bulk(int throttleLimit, string activity, params string[] labels) =>
            _bulk ??= new BulkRunner(this, throttleLimit, activity, labels);

        /// <summary>A context for one row of a bulk run: the row's cancellation, the run's observer and retry count.</summary>
        internal RequestContext RowContext(System.Threading.CancellationToken cancellationToken) => RequestContext.WithCancellation(cancellationToken);

        /// <summary>
        /// A refused token or a broken configuration cannot be fixed by the next row: the run stops with one error
        /// that says what to do. Anything else is reported for this row and the run goes on.
        /// </summary>
        internal void WriteFailure(System.Exception exception, object target)
        {
            if (BulkRunner.StopsTheRun(exception))
            {
                ThrowTerminatingError(LifePosErrors.FromException(exception, target));
            }

            WriteError(LifePosErrors.FromException(exception, target));
        }

        /// <summary>A row whose id could not be read (see <see cref="GuidTransformationAttribute"/>) fails alone, in its place; true when it did.</summary>
        internal bool RejectedId(BulkRunner bulk, System.Collections.Generic.IEnumerable<System.Guid> ids)
        {
            // A rejection left by a binding whose command never ran is not this row's: only an unread (empty) id is.
            if (GuidTransformationAttribute.TakeRejection(out var value) is not { } rejection || !System.Linq.Enumerable.Contains(ids, System.Guid.Empty))
            {
                return false;
            }

            // A piped row is the target; a value typed on the command line is itself the target, not the message.
            bulk.SubmitInvalid(TargetOf(value ?? string.Empty), rejection);
            return true;
        }

        /// <summary>
        /// Runs a call the whole command depends on (a listing before the first row, a sign-in) on the pipeline thread:
        /// Ctrl+C stops quietly, and a failure ends the command with one error about <paramref name="target"/>.
        /// </summary>
        internal T CallOrStop<T>(System.Func<T> call, object target)
        {
            try
            {
                var result = call();
                FlushMessages();
                return result;
            }
            catch (System.OperationCanceledException) when (CancellationToken.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
            catch (LifePosApiException exception)
            {
                FlushMessages();
                ThrowTerminatingError(LifePosErrors.FromException(exception, target));
                throw;
            }
        }

        /// <summary>ShouldProcess, except that a host that cannot ask stops the run with the module's own error (<see cref="Asking"/>).</summary>
        internal bool Approves(string target, string action) =>
            Asking(() => ShouldProcess(target, action), null);

        /// <summary>ShouldProcess with the text -WhatIf and -Confirm show, under the same rule as <see cref="Approves(string, string)"/>.</summary>
        internal bool Approves(string description, string question, string caption) =>
            Asking(() => ShouldProcess(description, question, caption), null);

        /// <summary>
        /// ShouldContinue: a second yes that the confirm preference does not answer. <paramref name="why"/> says what it
        /// asks before ("-ArchiveUnlisted asks before it archives 3 workplaces"), <paramref name="force"/> how to go
        /// ahead without being asked.
        /// </summary>
        internal bool AnswersYes(string query, string caption, string why, string force) =>
            Asking(() => ShouldContinue(query, caption), new[] { why, force });

        /// <summary>
        /// Asks the user. A host that cannot (pwsh -NonInteractive, a scheduled task, a job) throws PowerShell's bare
        /// "NonInteractive mode"; the run ends instead with LifePos.CannotAsk, saying what asked and how not to be asked,
        /// after what was already sent is written.
        /// </summary>
        private bool Asking(System.Func<bool> ask, string[]? asked)
        {
            try
            {
                return ask();
            }
            catch (System.Exception exception) when (exception is PSInvalidOperationException || exception is System.Management.Automation.Host.HostException)
            {
                var command = MyInvocation.MyCommand.Name;
                var error = asked is null
                    ? LifePosErrors.CannotAsk(
                        command + " asks before each change ($ConfirmPreference is '" + GetVariableValue("ConfirmPreference") + "', or -Confirm was given)",
                        "Add -Confirm:$false to go ahead without being asked, or -WhatIf to see what it would do.")
                    : LifePosErrors.CannotAsk(command + " " + asked[0], asked[1]);
                if (_bulk != null)
                {
                    _bulk.Stop(error);
                }

                ThrowTerminatingError(error);
                throw;
            }
        }

        private LifePosConnection OpenConnection(LifePosConnection? connection)
        {
            if (connection is null)
            {
                ThrowTerminatingError(LifePosErrors.NotConnected());
            }
            else if (connection.IsClosed)
            {
                ThrowTerminatingError(LifePosErrors.ConnectionClosed(connection));
            }

            return connection!;
        }
    }
}
