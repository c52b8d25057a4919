using System;
using System.Globalization;
using System.Threading.Tasks;

namespace LifePos.Core.Http
{
    /// <summary>
    /// Notices an outage: once no request has reached the service (refused, reset, unknown host, no answer in time)
    /// for <c>OutageTimeout</c>, and none got an answer in that span, it opens, and every request fails at once with
    /// <see cref="LifePosServiceUnreachableException"/> instead of being retried row after row. One answer of any
    /// status closes it. After the span has passed again, one request may probe whether the service is back.
    /// </summary>
    internal sealed class CircuitBreaker
    {
        private readonly TimeSpan _span;
        private readonly IClock _clock;
        private readonly string _host;
        private readonly object _gate = new object();
        private TimeSpan? _unreachableSince;
        private TimeSpan? _openedAt;
        private string _lastFailure = string.Empty;
        private bool _probeNext;
        private TaskCompletionSource<bool> _opened = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);

        public CircuitBreaker(TimeSpan span, IClock clock, string host)
        {
            _span = span;
            _clock = clock;
            _host = host;
        }

        /// <summary>True while requests fail to reach the service but the span has not passed: a retry may still help.</summary>
        public bool IsSuspecting
        {
            get
            {
                lock (_gate)
                {
                    return _unreachableSince != null && _openedAt is null;
                }
            }
        }

        /// <summary>Completes when the breaker opens: a request waiting to retry need not wait any longer.</summary>
        public Task WhenOpen
        {
            get
            {
                lock (_gate)
                {
                    return _opened.Task;
                }
            }
        }

        /// <summary>Before an attempt: fails at once while the breaker is open (one probe per span gets through).</summary>
        public void ThrowIfOpen(ApiRequest request)
        {
            lock (_gate)
            {
                if (_openedAt is not { } opened)
                {
                    return;
                }

                var now = _clock.Now;
                if (now - opened < _span && !_probeNext)
                {
                    throw Unreachable(request, now);
                }

                // Half open: let this request find out whether the service is back.
                _probeNext = false;
                _openedAt = now;
            }
        }

        /// <summary>
        /// A new command began: someone ran it again after the outage, so its first request finds out at once whether
        /// the service is back rather than failing for the rest of the span.
        /// </summary>
        public void NewCommand()
        {
            lock (_gate)
            {
                _probeNext = _openedAt != null;
            }
        }

        /// <summary>The service answered (any status): it is reachable.</summary>
        public void Answered()
        {
            lock (_gate)
            {
                _unreachableSince = null;
                _probeNext = false;
                if (_openedAt != null)
                {
                    _openedAt = null;
                    _opened = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                }
            }
        }

        /// <summary>An attempt that started at <paramref name="started"/> got no answer; true when that opens the breaker.</summary>
        public bool Unreachable(TimeSpan started, string failure)
        {
            lock (_gate)
            {
                _lastFailure = failure;
                if (_unreachableSince is null || started < _unreachableSince)
                {
                    _unreachableSince = started;
                }

                var now = _clock.Now;
                if (_openedAt is null && now - _unreachableSince.Value >= _span)
                {
                    _openedAt = now;
                    _opened.TrySetResult(true);
                }

                return _openedAt != null;
            }
        }

        private LifePosServiceUnreachableException Unreachable(ApiRequest request, TimeSpan now)
        {
            var seconds = (now - (_unreachableSince ?? now)).TotalSeconds.ToString("0", CultureInfo.InvariantCulture);
            return new LifePosServiceUnreachableException(
                "LIFE POS at " + _host + " has not been reachable for " + seconds + " s (" + _lastFailure + "), so nothing more is sent. " +
                "Check the network, the proxy and the service; then run the command again (New-LifePosWorkplace -SkipExisting creates only " +
                "what is missing). -OutageTimeout of Connect-LifePos sets how long an outage is waited out" +
                (_lastFailure.StartsWith("no answer", StringComparison.Ordinal) ? ", and -Timeout how long one try waits for an answer" : string.Empty) +
                ". (" + request.Method.Method + " " +
                request.LoggedPath + ")",
                request.Method.Method,
                request.LoggedPath);
        }
    }
}
