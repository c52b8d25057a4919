using System;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using LifePos.Core;

namespace LifePos.PowerShell
{
    /// <summary>What one row of a bulk run came to: the object to emit, how to count it, and an optional warning.</summary>
    internal sealed class BulkOutcome
    {
        public BulkOutcome(object? output, string label, string? warning = null)
        {
            Output = output;
            Label = label;
            Warning = warning;
        }

        public object? Output { get; }

        /// <summary>How the summary counts it, e.g. <c>created</c> or <c>skipped (existing)</c>.</summary>
        public string Label { get; }

        public string? Warning { get; }
    }

    /// <summary>
    /// Runs the rows of a pipeline through the core <see cref="OrderedThrottle{TResult}"/>: at most ThrottleLimit
    /// requests in flight, results written on the pipeline thread in input order as soon as the head row is done,
    /// one error per failed row (TargetObject = the input row), progress, and one <c>LifePos.Summary</c> line.
    /// </summary>
    internal sealed class BulkRunner : IDisposable
    {
        public const string SummaryTag = "LifePos.Summary";

        private readonly LifePosApiCmdlet _cmdlet;
        private readonly OrderedThrottle<BulkOutcome> _throttle;
        private readonly ProgressReporter _progress;
        private readonly Dictionary<string, int> _counts = new Dictionary<string, int>(StringComparer.Ordinal);
        private readonly List<string> _labels = new List<string>();
        private int _rows;
        private int _done;
        private int _failed;
        private int _declined;
        private Refusal? _refusal;

        public BulkRunner(LifePosApiCmdlet cmdlet, int throttleLimit, string activity, string mainLabel)
        {
            _cmdlet = cmdlet;
            _throttle = new OrderedThrottle<BulkOutcome>(throttleLimit, cmdlet.CancellationToken);
            _progress = new ProgressReporter(cmdlet, activity);
            Count(mainLabel, 0);
        }

        /// <summary>
        /// Queues one row's work, first writing whatever finished at the head (so a refused token stops the run
        /// before the next row is sent); blocks while ThrottleLimit requests are in flight.
        /// </summary>
        public void Submit(object target, Func<CancellationToken, Task<BulkOutcome>> work)
        {
            _rows++;
            var guarded = StopOnRefusal(target, work);
            while (true)
            {
                WriteAll(_throttle.TakeCompletedInOrder());
                if (Guard(() => _throttle.TryStart(target, guarded)))
                {
                    break;
                }

                Guard(() =>
                {
                    _throttle.WaitForProgress();
                    return true;
                });
            }

            ReportProgress();
        }

        /// <summary>A row that cannot be sent: its error keeps its place in the output order.</summary>
        public void SubmitInvalid(object target, string message) =>
            Submit(target, _ => Task.FromException<BulkOutcome>(new InvalidInputException(message)));

        /// <summary>A row answered without a request (e.g. -SkipExisting): kept in order like the others.</summary>
        public void SubmitDone(object target, BulkOutcome outcome) => Submit(target, _ => Task.FromResult(outcome));

        /// <summary>A row the user declined (-WhatIf or No at -Confirm).</summary>
        public void Declined()
        {
            _rows++;
            _declined++;
        }

        /// <summary>Writes everything still running as it finishes, then the progress end and the summary line.</summary>
        public void Finish()
        {
            while (true)
            {
                var ready = Guard(() => _throttle.WaitForCompletedInOrder());
                if (ready.Count == 0)
                {
                    break;
                }

                WriteAll(ready);
                ReportProgress();
            }

            _progress.Complete();
            if (_rows > 0)
            {
                _cmdlet.WriteInformation(SummaryText(), new[] { SummaryTag });
            }
        }

        public void Dispose() => _throttle.Dispose();

        private string SummaryText()
        {
            var parts = new List<string>();
            foreach (var label in _labels)
            {
                parts.Add(_counts[label].ToString(CultureInfo.InvariantCulture) + " " + label);
            }

            if (_declined > 0)
            {
                parts.Add(_declined.ToString(CultureInfo.InvariantCulture) + " not confirmed");
            }

            parts.Add(_failed.ToString(CultureInfo.InvariantCulture) + " failed");
            var retries = _cmdlet.RequestContext.RetryCount;
            parts.Add(retries.ToString(CultureInfo.InvariantCulture) + (retries == 1 ? " retry" : " retries"));
            return _rows.ToString(CultureInfo.InvariantCulture) + (_rows == 1 ? " row: " : " rows: ") + string.Join(", ", parts);
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

        /// <summary>Runs a throttle call; cancellation means Ctrl+C (stop quietly) or a refused token (one terminating error).</summary>
        private T Guard<T>(Func<T> action)
        {
            try
            {
                return action();
            }
            catch (OperationCanceledException) when (_cmdlet.CancellationToken.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
            catch (OperationCanceledException) when (Volatile.Read(ref _refusal) != null)
            {
                ThrowRefusal();
                throw;
            }
        }

        private void ThrowRefusal()
        {
            var refusal = Volatile.Read(ref _refusal)!;
            _cmdlet.WriteFailure(refusal.Exception, refusal.Target);
        }

        private void WriteAll(IReadOnlyList<Completed<BulkOutcome>> completed)
        {
            foreach (var item in completed)
            {
                _cmdlet.FlushMessages();
                Write(item);
            }

            _cmdlet.FlushMessages();
        }

        private void Write(Completed<BulkOutcome> item)
        {
            _done++;
            var target = item.Input ?? string.Empty;
            if (item.Error != null)
            {
                if (item.Error is OperationCanceledException && _cmdlet.CancellationToken.IsCancellationRequested)
                {
                    throw new PipelineStoppedException();
                }

                if (Volatile.Read(ref _refusal) != null)
                {
                    ThrowRefusal();
                }

                _failed++;
                _cmdlet.WriteFailure(item.Error, target);
                return;
            }

            var outcome = item.Result!;
            Count(outcome.Label, 1);
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
                default:
                    _cmdlet.WriteObject(outcome.Output);
                    break;
            }
        }

        private void Count(string label, int add)
        {
            if (!_counts.ContainsKey(label))
            {
                _counts[label] = 0;
                _labels.Add(label);
            }

            _counts[label] += add;
        }

        private void ReportProgress() =>
            _progress.Update(
                _done.ToString(CultureInfo.InvariantCulture) + " done, " + _failed.ToString(CultureInfo.InvariantCulture) + " failed, " +
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
