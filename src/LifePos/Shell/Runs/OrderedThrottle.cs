using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace LifePos.Shell.Runs
{
    /// <summary>
    /// Runs at most <see cref="Limit"/> pieces of work at once and hands results back in start order, holding at most
    /// <see cref="Capacity"/> started-but-not-taken items (bounded memory). It knows nothing of what the work does
    /// or when a run should stop: the owner decides that from the results it takes. Only the owning (pipeline)
    /// thread calls it; every wait wakes as soon as the head-of-line item finishes, so the owner can write it before
    /// it starts anything more.
    /// <code>
    /// // per input:  while ((done = throttle.WaitForRoom()).Count > 0) Write(done);  throttle.Start(input, work);
    /// // at the end: while ((done = throttle.WaitForNext()).Count > 0) Write(done);
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

        public int InFlight
        {
            get { lock (_gate) { return _inFlight; } }
        }

        /// <summary>Started items not yet taken (running, or finished and waiting for their turn).</summary>
        public int Pending
        {
            get { lock (_gate) { return _pending.Count; } }
        }

        /// <summary>
        /// Blocks (cancellably) until there is room to start one more piece of work or the head-of-line item has
        /// finished. Returns the finished head-of-line results in order; an empty list means there is room now.
        /// </summary>
        public IReadOnlyList<Completed<TResult>> WaitForRoom()
        {
            lock (_gate)
            {
                while (!HeadFinished && !HasRoom)
                {
                    _cancellation.Token.ThrowIfCancellationRequested();
                    Monitor.Wait(_gate);
                }

                _cancellation.Token.ThrowIfCancellationRequested();
                return TakeFinishedHead();
            }
        }

        /// <summary>Starts the work; call it only after <see cref="WaitForRoom"/> returned an empty list.</summary>
        public void Start(object? input, Func<CancellationToken, Task<TResult>> work)
        {
            if (work is null)
            {
                throw new ArgumentNullException(nameof(work));
            }

            Entry entry;
            lock (_gate)
            {
                _cancellation.Token.ThrowIfCancellationRequested();
                if (!HasRoom)
                {
                    throw new InvalidOperationException("The throttle is full: wait for room before starting more work.");
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
        }

        /// <summary>
        /// Blocks (cancellably) until the head-of-line item has finished, then returns every finished head-of-line
        /// result in order; returns an empty list at once when nothing is pending.
        /// </summary>
        public IReadOnlyList<Completed<TResult>> WaitForNext()
        {
            lock (_gate)
            {
                while (_pending.Count > 0 && !HeadFinished)
                {
                    _cancellation.Token.ThrowIfCancellationRequested();
                    Monitor.Wait(_gate);
                }

                _cancellation.Token.ThrowIfCancellationRequested();
                return TakeFinishedHead();
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

        private bool HeadFinished => _pending.Count > 0 && _pending.Peek().Outcome != null;

        private bool HasRoom => _inFlight < Limit && _pending.Count < Capacity;

        private List<Completed<TResult>> TakeFinishedHead()
        {
            var ready = new List<Completed<TResult>>();
            while (HeadFinished)
            {
                ready.Add(_pending.Dequeue().Outcome!);
            }

            return ready;
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

            lock (_gate)
            {
                entry.Outcome = new Completed<TResult>(entry.Sequence, entry.Input, result, error);
                _inFlight--;
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
