using System;
using System.Management.Automation;
using LifePos.Core.Http;
using LifePos.Shell.Cmdlets;

namespace LifePos.Shell.Runs
{
    /// <summary>Write-Progress for one activity, at most a few updates a second, and none when progress is silenced.</summary>
    internal sealed class ProgressReporter
    {
        private static readonly TimeSpan MinimumInterval = TimeSpan.FromMilliseconds(250);
        private static int _nextActivityId = 7100;

        private readonly LifePosCmdlet _cmdlet;
        private readonly int _activityId;
        private readonly string _activity;
        private readonly bool _enabled;
        private readonly UpdateGate _gate = new UpdateGate(MinimumInterval);
        private bool _shown;

        public ProgressReporter(LifePosCmdlet cmdlet, string activity)
        {
            _cmdlet = cmdlet;
            _enabled = cmdlet.Preferences.IsProgressWanted();
            _activityId = System.Threading.Interlocked.Increment(ref _nextActivityId);
            _activity = activity;
        }

        /// <summary>True when <see cref="Update"/> would show a status now: callers build the text only then.</summary>
        public bool IsDue => _enabled && _gate.IsOpen(SystemClock.Instance.Now);

        /// <summary>Shows the status unless an update was shown less than a quarter of a second ago.</summary>
        public void Update(string status, int percentComplete = -1)
        {
            if (!_enabled || !_gate.TryPass(SystemClock.Instance.Now))
            {
                return;
            }

            // A new record each time: hosts and Streams.Progress keep the records they were given.
            _cmdlet.WriteProgress(new ProgressRecord(_activityId, _activity, status)
            {
                PercentComplete = percentComplete > 100 ? 100 : percentComplete,
            });
            _shown = true;
        }

        public void Complete()
        {
            if (_shown)
            {
                _cmdlet.WriteProgress(new ProgressRecord(_activityId, _activity, "Done") { RecordType = ProgressRecordType.Completed });
                _shown = false;
            }
        }
    }
}
