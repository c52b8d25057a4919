using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace LifePos.Core.Http
{
    /// <summary>
    /// One per connection, shared by every request of every cmdlet that uses it, so the service's per-second limit
    /// costs waiting, not rows. A 429 (or a 503 with Retry-After) pauses every new request until the Retry-After has
    /// passed. The first burst of 429s (two in a row with no answer between them: a lone one may be a stray) sets the allowed rate just under
    /// what the service accepted in the second before, and from then on requests are paced; a later 429 lowers the
    /// rate to what it clearly accepts when that is much less (another client shares the limit), and a step (5 %) for
    /// every later burst at the paced rate (a rate learned a little too high), so a stray 429 costs a pause, not speed,
    /// and no rate stays above the limit. Until the connection has shown
    /// it can take more, only a few requests are in flight (doubling with every success streak), so the first burst
    /// against a limited service costs few 429s.
    /// </summary>
    internal sealed class RateLimiter
    {
        private const int InitialInFlight = 8;
        private const int MostInFlight = 1024;
        private const int LeastAnswersToLearn = 20;
        private const double Headroom = 0.95;
        private const double ClearlyLess = 0.9;
        private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);
        private static readonly TimeSpan ShortestWindow = TimeSpan.FromMilliseconds(500);
        private static readonly TimeSpan DefaultPause = TimeSpan.FromSeconds(1);

        private readonly IClock _clock;
        private readonly TimeSpan _longestPause;
        private readonly object _gate = new object();
        private readonly Queue<TimeSpan> _recentAnswers = new Queue<TimeSpan>();
        private TaskCompletionSource<bool> _released = NewSignal();
        private double? _rate;
        private long _answers;
        private TimeSpan _nextSlot;
        private TimeSpan _pausedUntil;
        private int _inFlightLimit = InitialInFlight;
        private int _inFlight;
        private int _answersAtThisLimit;
        private int _refusalsInARow;

        /// <param name="longestPause">The longest Retry-After honoured (MaxRetryDelay).</param>
        public RateLimiter(IClock clock, TimeSpan longestPause)
        {
            _clock = clock;
            _longestPause = longestPause;
        }

        /// <summary>Requests per second allowed; null until the service first said 429.</summary>
        public double? Rate
        {
            get { lock (_gate) { return _rate; } }
        }

        /// <summary>Waits until this request may be sent; dispose the lease when its attempt has ended.</summary>
        public async Task<IDisposable> AcquireAsync(CancellationToken cancellationToken)
        {
            while (true)
            {
                TimeSpan wait;
                Task? released = null;
                lock (_gate)
                {
                    var now = _clock.Now;
                    if (now < _pausedUntil)
                    {
                        wait = _pausedUntil - now;
                    }
                    else if (_inFlight >= _inFlightLimit)
                    {
                        wait = TimeSpan.Zero;
                        released = _released.Task;
                    }
                    else if (_rate != null && _nextSlot > now)
                    {
                        wait = _nextSlot - now;
                    }
                    else
                    {
                        if (_rate is { } rate)
                        {
                            _nextSlot = (_nextSlot > now ? _nextSlot : now) + TimeSpan.FromSeconds(1 / rate);
                        }

                        _inFlight++;
                        return new Lease(this);
                    }
                }

                if (released != null)
                {
                    await WaitAsync(released, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await _clock.Delay(wait, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        /// <summary>The service answered, with anything but a rate limit.</summary>
        public void Answered()
        {
            lock (_gate)
            {
                var now = _clock.Now;
                _answers++;
                _refusalsInARow = 0;
                _recentAnswers.Enqueue(now);
                Trim(now);
                if (++_answersAtThisLimit >= 2 * _inFlightLimit && _inFlightLimit < MostInFlight)
                {
                    _inFlightLimit *= 2;
                    _answersAtThisLimit = 0;
                }
            }
        }

        /// <summary>
        /// A 429 (<paramref name="learn"/>) or a 503 with Retry-After: every new request waits until the pause has
        /// passed. Returns how long that is from now.
        /// </summary>
        public TimeSpan Pause(TimeSpan? retryAfter, bool learn)
        {
            lock (_gate)
            {
                var now = _clock.Now;
                var pause = retryAfter ?? DefaultPause;
                pause = pause > _longestPause ? _longestPause : pause < TimeSpan.Zero ? TimeSpan.Zero : pause;
                var resumed = _pausedUntil;
                if (now + pause > _pausedUntil)
                {
                    _pausedUntil = now + pause;
                }

                if (learn)
                {
                    Learn(now, resumed);
                }

                return _pausedUntil - now;
            }
        }

        private void Learn(TimeSpan now, TimeSpan resumed)
        {
            _refusalsInARow++;
            Trim(now);
            if (_rate is null)
            {
                if (_refusalsInARow < 2)
                {
                    return;
                }

                if (_answers >= LeastAnswersToLearn)
                {
                    // What the service accepted in the second before it refused is its limit.
                    _rate = Math.Max(1, _recentAnswers.Count * Headroom);
                }
                else
                {
                    // Too little seen to learn a rate: send fewer at once instead.
                    _inFlightLimit = Math.Max(1, _inFlightLimit / 2);
                    _answersAtThisLimit = 0;
                }
            }
            else if (now - resumed >= ShortestWindow)
            {
                // Measured only over time that was not paused; a clearly lower acceptance means the limit is shared.
                var window = now - resumed < Window ? now - resumed : Window;
                var accepted = _recentAnswers.Count / window.TotalSeconds;
                if (accepted < _rate.Value * ClearlyLess)
                {
                    _rate = Math.Max(1, accepted * Headroom);
                }
            }
            else if (_refusalsInARow == 2)
            {
                // A burst of 429s while paced at the learned rate: the service counts a little more than was seen
                // (a request it counted, a window it measures differently), so the rate comes down a step each burst.
                _rate = Math.Max(1, _rate.Value * Headroom);
            }

            _nextSlot = _pausedUntil;
        }

        private static TaskCompletionSource<bool> NewSignal() => new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);

        private static async Task WaitAsync(Task released, CancellationToken cancellationToken)
        {
            var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            using (cancellationToken.Register(() => cancelled.TrySetCanceled(cancellationToken)))
            {
                await Task.WhenAny(released, cancelled.Task).ConfigureAwait(false);
            }

            cancellationToken.ThrowIfCancellationRequested();
        }

        private void Trim(TimeSpan now)
        {
            while (_recentAnswers.Count > 0 && now - _recentAnswers.Peek() > Window)
            {
                _recentAnswers.Dequeue();
            }
        }

        private void Release()
        {
            TaskCompletionSource<bool> released;
            lock (_gate)
            {
                _inFlight--;
                released = _released;
                _released = NewSignal();
            }

            released.TrySetResult(true);
        }

        private sealed class Lease : IDisposable
        {
            private RateLimiter? _owner;

            public Lease(RateLimiter owner) => _owner = owner;

            public void Dispose() => Interlocked.Exchange(ref _owner, null)?.Release();
        }
    }
}
