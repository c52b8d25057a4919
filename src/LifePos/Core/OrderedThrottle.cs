using System;
using System.Collections.Generic;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;

namespace LifePos.Core
{
    /// <summary>One finished piece of work: its input and either its result or its error.</summary>
    public sealed class Completed<TResult>
    {
        internal Completed(long sequence, object? input, TResult? result, Exception? error)
        {
            Sequence = sequence;
            Input = input;
            Result = result;
            Error = error;
        }

        /// <summary>Position in start order, from 0.</summary>
        public long Sequence { get; }

        public object? Input { get; }

        public TResult? Result { get; }

        /// <summary>The failure (unwrapped from <see cref="AggregateException"/>), or null on success.</summary>
        public Exception? Error { get; }

        public bool Succeeded => Error is null;
    }

    /// <summary>
    /// Runs at most <see cref="Limit"/> pieces of work at once and hands results back in input order, holding at most
    /// <see cref="Capacity"/> started-but-not-taken items (bounded memory). Only the owning (pipeline) thread calls
    /// the start/take/wait methods; waits wake as soon as the head-of-line item finishes so the caller can write it.
    /// <para>
    /// An error that <see cref="StopsTheRun"/> (by default a refused token or a configuration error) stops starting:
    /// nothing more is started once such an error is known, results are still handed back in order up to and
    /// including it, and after that <see cref="Start"/> and <see cref="TryStart"/> throw that error.
    /// </para>
    /// <code>
    /// // ProcessRecord:  foreach (var done in throttle.Start(input, ct => client.CreateWorkplaceAsync(...))) Write(done);
    /// // EndProcessing:  foreach (var done in throttle.DrainAll()) Write(done);
    /// </code>
    /// </summary>
    public sealed class OrderedThrottle<TResult> : IDisposable
    {
        private readonly object _gate = new object();
        private readonly Queue<Entry> _pending = new Queue<Entry>();
        private readonly CancellationTokenSource _cancellation;
        private readonly CancellationTokenRegistration _wakeOnCancel;
        private long _nextSequence;
        private int _inFlight;
        private int _succeeded;
        private int _failed;
        private Entry? _stoppedBy;
        private bool _stopDelivered;

        /// <param name="limit">Most pieces of work running at once (1 or more).</param>
        /// <param name="cancellationToken">Cancels running work and every wait.</param>
        /// <param name="capacity">Most started items not yet taken; defaults to four times the limit (at least 16).</param>
        public OrderedThrottle(int limit, CancellationToken cancellationToken = default, int? capacity = null)
        {
            if (limit < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(limit), limit, "The limit must be 1 or more.");
            }

            Limit = limit;
            Capacity = Math.Max(limit, capacity ?? Math.Max(16, limit * 4));
            _cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            _wakeOnCancel = _cancellation.Token.Register(WakeWaiters);
        }

        public int Limit { get; }

        public int Capacity { get; }

        /// <summary>Which errors stop the run; by default a refused token or a configuration error.</summary>
        public Func<Exception, bool> StopsTheRun { get; set; } =
            error => error is LifePosAuthenticationException || error is LifePosConfigurationException;

        /// <summary>True once an error that stops the run is known: nothing more will start.</summary>
        public bool IsStopped
        {
            get { lock (_gate) { return _stoppedBy != null; } }
        }

        public int InFlight
        {
            get { lock (_gate) { return _inFlight; } }
        }

        public int Succeeded
        {
            get { lock (_gate) { return _succeeded; } }
        }

        public int Failed
        {
            get { lock (_gate) { return _failed; } }
        }

        /// <summary>Started items not yet taken (running or finished and waiting for their turn).</summary>
        public int Pending
        {
            get { lock (_gate) { return _pending.Count; } }
        }

        /// <summary>
        /// Starts the work if fewer than <see cref="Limit"/> run, the buffer has room and the run is not stopped;
        /// otherwise false. Throws the stopping error once it has been handed back.
        /// </summary>
        public bool TryStart(object? input, Func<CancellationToken, Task<TResult>> work)
        {
            if (work is null)
            {
                throw new ArgumentNullException(nameof(work));
            }

            Entry entry;
            lock (_gate)
            {
                _cancellation.Token.ThrowIfCancellationRequested();
                if (_stoppedBy != null)
                {
                    if (_stopDelivered)
                    {
                        ExceptionDispatchInfo.Capture(_stoppedBy.Outcome!.Error!).Throw();
                    }

                    return false;
                }

                if (_inFlight >= Limit || _pending.Count >= Capacity)
                {
                    return false;
                }

                entry = new Entry(_nextSequence++, input);
                _pending.Enqueue(entry);
                _inFlight++;
            }

            var token = _cancellation.Token;
            Task.Run(() => work(token), token).ContinueWith(
                finished => OnFinished(entry, finished),
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
            return true;
        }

        /// <summary>
        /// Starts the work, blocking (cancellably) while the throttle is full; returns the head-of-line results that
        /// finished meanwhile, in order, for the caller to write. When the run has stopped, it starts nothing and
        /// returns the results up to the stopping one (write them: the last is the error to report), or throws the
        /// stopping error if that was handed back before.
        /// </summary>
        public IReadOnlyList<Completed<TResult>> Start(object? input, Func<CancellationToken, Task<TResult>> work)
        {
            var ready = new List<Completed<TResult>>();
            while (true)
            {
                ready.AddRange(TakeCompletedInOrder());
                if (ready.Count > 0 && IsStopped && StopDelivered)
                {
                    return ready;
                }

                if (TryStart(input, work))
                {
                    return ready;
                }

                WaitForProgress();
            }
        }

        /// <summary>Finished head-of-line results, in order, without blocking (possibly none).</summary>
        public IReadOnlyList<Completed<TResult>> TakeCompletedInOrder()
        {
            var ready = new List<Completed<TResult>>();
            lock (_gate)
            {
                while (_pending.Count > 0 && _pending.Peek().Outcome != null)
                {
                    var entry = _pending.Dequeue();
                    ready.Add(entry.Outcome!);
                    if (ReferenceEquals(entry, _stoppedBy))
                    {
                        _stopDelivered = true;
                    }
                }
            }

            return ready;
        }

        /// <summary>
        /// Blocks (cancellably) until the head-of-line item has finished, then returns every finished head-of-line
        /// result in order; returns an empty list at once when nothing is pending.
        /// </summary>
        public IReadOnlyList<Completed<TResult>> WaitForCompletedInOrder()
        {
            lock (_gate)
            {
                while (_pending.Count > 0 && _pending.Peek().Outcome == null)
                {
                    _cancellation.Token.ThrowIfCancellationRequested();
                    Monitor.Wait(_gate);
                }
            }

            _cancellation.Token.ThrowIfCancellationRequested();
            return TakeCompletedInOrder();
        }

        /// <summary>
        /// Blocks (cancellably) until a new item could start or the head-of-line item has finished; returns at once
        /// when nothing is pending.
        /// </summary>
        public void WaitForProgress()
        {
            lock (_gate)
            {
                while (_pending.Count > 0 && _pending.Peek().Outcome == null &&
                       (_stoppedBy != null || _inFlight >= Limit || _pending.Count >= Capacity))
                {
                    _cancellation.Token.ThrowIfCancellationRequested();
                    Monitor.Wait(_gate);
                }
            }

            _cancellation.Token.ThrowIfCancellationRequested();
        }

        /// <summary>Yields every remaining result in order, blocking (cancellably) for each; for EndProcessing.</summary>
        public IEnumerable<Completed<TResult>> DrainAll()
        {
            while (true)
            {
                var ready = WaitForCompletedInOrder();
                if (ready.Count == 0)
                {
                    yield break;
                }

                foreach (var item in ready)
                {
                    yield return item;
                }
            }
        }

        /// <summary>Cancels running work and wakes every wait.</summary>
        public void Cancel() => _cancellation.Cancel();

        public void Dispose()
        {
            _cancellation.Cancel();
            _wakeOnCancel.Dispose();
            _cancellation.Dispose();
        }

        private bool StopDelivered
        {
            get { lock (_gate) { return _stopDelivered; } }
        }

        private void OnFinished(Entry entry, Task<TResult> finished)
        {
            Exception? error = null;
            TResult? result = default;
            if (finished.IsFaulted)
            {
                var aggregate = finished.Exception!.Flatten();
                error = aggregate.InnerExceptions.Count == 1 ? aggregate.InnerExceptions[0] : aggregate;
            }
            else if (finished.IsCanceled)
            {
                error = new OperationCanceledException("The operation was cancelled.");
            }
            else
            {
                result = finished.Result;
            }

            var stops = error != null && StopsTheRun(error);
            lock (_gate)
            {
                entry.Outcome = new Completed<TResult>(entry.Sequence, entry.Input, result, error);
                _inFlight--;
                if (error is null)
                {
                    _succeeded++;
                }
                else
                {
                    _failed++;
                }

                // The earliest stopping item in input order is the one reported.
                if (stops && (_stoppedBy is null || (!_stopDelivered && entry.Sequence < _stoppedBy.Sequence)))
                {
                    _stoppedBy = entry;
                }

                Monitor.PulseAll(_gate);
            }
        }

        private void WakeWaiters()
        {
            lock (_gate)
            {
                Monitor.PulseAll(_gate);
            }
        }

        private sealed class Entry
        {
            public Entry(long sequence, object? input)
            {
                Sequence = sequence;
                Input = input;
            }

            public long Sequence { get; }

            public object? Input { get; }

            public Completed<TResult>? Outcome { get; set; }
        }
    }
}
