using System;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using LifePos.Core;
using LifePos.Core.Journal;
using LifePos.Domain;
using LifePos.Shell.Cmdlets;

namespace LifePos.Shell.Runs
{
    /// <summary>
    /// Runs the rows of a pipeline through an <see cref="OrderedThrottle{TResult}"/>: at most ThrottleLimit requests in
    /// flight, results written on the pipeline thread in input order as soon as the head row is done (at ThrottleLimit 1,
    /// before the next row is read), one error per failed row (TargetObject = the input row), progress, and one
    /// <c>LifePos.Summary</c> line.
    /// <para>
    /// It alone decides when a run stops: a refused token or a broken configuration (the next row would fail the same
    /// way) cancels what is in flight and ends the run with one error; under <c>-ErrorAction Stop</c> the first failed
    /// row ends it, nothing after it is sent, and what was in flight is written first.
    /// </para>
    /// </summary>
    internal sealed class BulkRunner : IDisposable
    {
        public const string SummaryTag = "LifePos.Summary";

        private readonly LifePosApiCmdlet _cmdlet;
        private readonly OrderedThrottle<BulkOutcome> _throttle;
        private readonly ProgressReporter _progress;
        private readonly RunSummary _summary;
        private readonly bool _stopOnError;

        // Results handed back by the throttle and not yet written: a row that stops the run must not lose the ones
        // that finished with it.
        private readonly Queue<Completed<BulkOutcome>> _ready = new Queue<Completed<BulkOutcome>>();
        private Refusal? _refusal;

        /// <param name="labels">How the summary counts done rows, in its order: the first always shows, the others once used.</param>
        public BulkRunner(LifePosApiCmdlet cmdlet, int throttleLimit, string activity, params string[] labels)
        {
            _cmdlet = cmdlet;
            _throttle = new OrderedThrottle<BulkOutcome>(throttleLimit, cmdlet.CancellationToken);
            _progress = new ProgressReporter(cmdlet, activity);
            _summary = new RunSummary(labels);
            _stopOnError = cmdlet.Preferences.IsErrorActionStop();
        }

        /// <summary>An object to write for a failed row before its error (Sync-LifePosWorkplace's Failed change); null writes none.</summary>
        public Func<object, Exception, object?>? FailedOutput { get; set; }

        /// <summary>A failure no later row can escape (refused token, broken configuration): the run stops at once.</summary>
        public static bool StopsTheRun(Exception exception) =>
            exception is LifePosAuthenticationException || exception is LifePosConfigurationException || exception is LifePosServiceUnreachableException;

        /// <summary>
        /// Queues one row's work, first writing whatever finished at the head (so a failure that stops the run stops
        /// it before this row is sent); blocks while ThrottleLimit requests are in flight.
        /// </summary>
        /// <param name="work">The row's work, with its own context: the row's cancellation, retries and request id.</param>
        /// <param name="journal">What the journal records when the row changes something; null for a read.</param>
        /// <param name="countsAsRow">False for work that is not an input row (an unlisted workplace Sync archives).</param>
        public void Submit(object target, Func<RequestContext, Task<BulkOutcome>> work, JournalRecord? journal = null, bool countsAsRow = true)
        {
            if (countsAsRow)
            {
                _summary.RowRead();
            }

            WriteUntilRoom();
            _throttle.Start(target, StopOnRefusal(target, Journaling.Wrap(_cmdlet, work, journal)));
            ReportProgress();
            if (_throttle.Limit == 1)
            {
                // One at a time: this row's result is written before the next row is read, so -PipelineVariable and
                // an upstream cmdlet's current object still belong to it.
                WriteAll(() => _throttle.WaitForNext());
            }
        }

        /// <summary>
        /// A row that cannot be sent: its error keeps its place in the output order. Under -ErrorAction Stop the run
        /// ends here, before anything after this row is read.
        /// </summary>
        public void SubmitInvalid(object target, string message)
        {
            var error = new InvalidInputException(message);
            if (!_stopOnError)
            {
                Submit(target, _ => Task.FromException<BulkOutcome>(error));
                return;
            }

            _summary.RowRead();
            WriteAll(() => _throttle.WaitForNext());
            _summary.RowFailed();
            WriteFailedOutput(target, error);
            StopAt(target, error);
        }

        /// <summary>A row answered without a request (e.g. -SkipExisting): kept in order like the others.</summary>
        public void SubmitDone(object target, BulkOutcome outcome) => Submit(target, _ => Task.FromResult(outcome));

        /// <summary>A row the user declined (-WhatIf or No at -Confirm).</summary>
        public void Declined() => _summary.RowDeclined();

        /// <summary>Writes everything still running as it finishes, then the progress end and the summary line.</summary>
        public void Finish()
        {
            WriteAll(() => _throttle.WaitForNext());
            _progress.Complete();
            WriteSummary();
        }

        /// <summary>Ends the run with <paramref name="error"/>, once what was already sent has finished and is written.</summary>
        public void Stop(ErrorRecord error)
        {
            WriteAll(() => _throttle.WaitForNext());
            _progress.Complete();
            WriteSummary();
            _cmdlet.ThrowTerminatingError(error);
        }

        public void Dispose() => _throttle.Dispose();

        private void WriteUntilRoom() => WriteAll(() => _throttle.WaitForRoom());

        /// <summary>Writes the results <paramref name="take"/> hands back until it hands back none.</summary>
        private void WriteAll(Func<IReadOnlyList<Completed<BulkOutcome>>> take)
        {
            while (true)
            {
                if (!Take(take))
                {
                    return;
                }

                while (_ready.Count > 0)
                {
                    _cmdlet.FlushMessages();
                    Write(_ready.Dequeue());
                }

                _cmdlet.FlushMessages();
                ReportProgress();
            }
        }

        private void Write(Completed<BulkOutcome> item)
        {
            var target = item.Input ?? string.Empty;
            if (item.Error is null)
            {
                Emit(item.Result!);
                return;
            }

            if (item.Error is OperationCanceledException && _cmdlet.CancellationToken.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }

            if (Volatile.Read(ref _refusal) is { } refusal)
            {
                _summary.RowFailed();
                WriteReadyDone();
                StopWith(refusal.Exception, refusal.Target);
            }

            _summary.RowFailed();
            if (StopsTheRun(item.Error))
            {
                var outage = item.Error is LifePosServiceUnreachableException;
                if (outage)
                {
                    // Once the breaker is open the rows still in flight end at once: each is written (done, or failed with
                    // its own error) before the run's error, so the count it gives names rows.
                    WriteFailedRow(target, item.Error);
                    while (Take(() => _throttle.WaitForNext()))
                    {
                    }
                }

                _throttle.Cancel();
                WriteReadyDone(outage);
                StopWith(item.Error, target, outage ? StopNotes.Outage(_summary.Finished - _summary.Failed, _summary.Failed, _summary.Rows - _summary.Finished) : null);
            }

            WriteFailedOutput(target, item.Error);
            if (_stopOnError)
            {
                StopAt(target, item.Error);
            }

            _cmdlet.WriteError(LifePosErrors.FromException(item.Error, target));
        }

        /// <summary>
        /// Before a run-stopping error: writes the rows that finished with the failed one. The failed ones count; after
        /// an outage (<paramref name="recordFailed"/>) each also gets its error, so the stopping error's count names rows.
        /// </summary>
        private void WriteReadyDone(bool recordFailed = false)
        {
            while (_ready.Count > 0)
            {
                var item = _ready.Dequeue();
                if (item.Error is null)
                {
                    Emit(item.Result!);
                    continue;
                }

                _summary.RowFailed();
                if (recordFailed)
                {
                    WriteFailedRow(item.Input ?? string.Empty, item.Error);
                }
            }
        }

        /// <summary>A failed row's error before the run stops; under -ErrorAction Stop the stopping error alone is written.</summary>
        private void WriteFailedRow(object target, Exception error)
        {
            if (_stopOnError)
            {
                return;
            }

            WriteFailedOutput(target, error);
            _cmdlet.WriteError(LifePosErrors.FromException(error, target));
        }

        private void WriteFailedOutput(object target, Exception error)
        {
            if (FailedOutput?.Invoke(target, error) is { } output)
            {
                _cmdlet.WriteObject(output);
            }
        }

        private void Emit(BulkOutcome outcome)
        {
            _summary.RowDone(outcome.Label);
            if (outcome.Warning != null)
            {
                _cmdlet.WriteWarning(outcome.Warning);
            }

            switch (outcome.Output)
            {
                case null:
                    break;
                case Workplace workplace:
                    _cmdlet.WriteWorkplace(workplace);
                    break;
                case Employee employee:
                    _cmdlet.WriteEmployee(employee);
                    break;
                case Outlet outlet:
                    _cmdlet.WriteOutlet(outlet);
                    break;
                default:
                    _cmdlet.WriteObject(outcome.Output);
                    break;
            }
        }

        /// <summary>
        /// -ErrorAction Stop: nothing more is started. Rows already in flight finish and their results are written
        /// first, so the caller sees every row the server carried out; then the row's error ends the run, saying so.
        /// </summary>
        private void StopAt(object target, Exception error)
        {
            var doneBefore = _summary.Finished - 1;
            var doneAfter = 0;
            var failedAfter = 0;
            while (_ready.Count > 0 || Take(() => _throttle.WaitForNext()))
            {
                while (_ready.Count > 0)
                {
                    var item = _ready.Dequeue();
                    _cmdlet.FlushMessages();
                    if (item.Error is null)
                    {
                        doneAfter++;
                        Emit(item.Result!);
                    }
                    else
                    {
                        failedAfter++;
                        _summary.RowFailed();
                    }
                }
            }

            StopWith(error, target, StopNotes.ErrorActionStop(doneBefore, doneAfter, failedAfter));
        }

        private void StopWith(Exception error, object target, string? note = null)
        {
            _progress.Complete();
            WriteSummary();
            _cmdlet.ThrowTerminatingError(LifePosErrors.FromException(error, target, note));
        }

        private void WriteSummary()
        {
            if (_summary.Rows > 0)
            {
                var run = _cmdlet.JournalRun is { } journaled ? " (run " + journaled.Id + ")" : string.Empty;
                _cmdlet.WriteInformation(_summary.Text(_cmdlet.RequestContext.RetryCount) + run, new[] { SummaryTag });
            }
        }

        /// <summary>
        /// A refused token fails every later row the same way: the first refusal cancels what is in flight and
        /// keeps rows not yet begun from sending anything.
        /// </summary>
        private Func<CancellationToken, Task<BulkOutcome>> StopOnRefusal(object target, Func<CancellationToken, Task<BulkOutcome>> work) =>
            async token =>
            {
                if (Volatile.Read(ref _refusal) != null)
                {
                    throw new OperationCanceledException(token);
                }

                try
                {
                    return await work(token).ConfigureAwait(false);
                }
                catch (LifePosAuthenticationException exception)
                {
                    Interlocked.CompareExchange(ref _refusal, new Refusal(exception, target), null);
                    _throttle.Cancel();
                    throw;
                }
            };

        /// <summary>Queues what <paramref name="take"/> hands back; false when it hands back nothing.</summary>
        private bool Take(Func<IReadOnlyList<Completed<BulkOutcome>>> take)
        {
            var ready = Guard(take);
            foreach (var item in ready)
            {
                _ready.Enqueue(item);
            }

            return ready.Count > 0;
        }

        /// <summary>Runs a throttle wait; cancellation means Ctrl+C (stop quietly) or a refused token (one terminating error).</summary>
        private T Guard<T>(Func<T> wait)
        {
            try
            {
                return wait();
            }
            catch (OperationCanceledException) when (_cmdlet.CancellationToken.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
            catch (OperationCanceledException) when (Volatile.Read(ref _refusal) != null)
            {
                var refusal = Volatile.Read(ref _refusal)!;
                StopWith(refusal.Exception, refusal.Target);
                throw;
            }
        }

        private void ReportProgress() =>
            _progress.Update(
                _summary.Finished.ToString(CultureInfo.InvariantCulture) + " done, " + _summary.Failed.ToString(CultureInfo.InvariantCulture) + " failed, " +
                _throttle.InFlight.ToString(CultureInfo.InvariantCulture) + " in flight");

        private sealed class Refusal
        {
            public Refusal(LifePosAuthenticationException exception, object target)
            {
                Exception = exception;
                Target = target;
            }

            public LifePosAuthenticationException Exception { get; }

            public object Target { get; }
        }
    }
}
