using System.Diagnostics;
using System.Management.Automation;

namespace LifePos.PowerShell
{
    /// <summary>Write-Progress for one activity, at most a few updates a second, and none when progress is silenced.</summary>
    internal sealed class ProgressReporter
    {
        private const long MinimumIntervalMilliseconds = 250;
        private static int _nextActivityId = 7100;

        private readonly LifePosCmdlet _cmdlet;
        private readonly ProgressRecord _record;
        private readonly bool _enabled;
        private readonly Stopwatch _sinceLastUpdate = new Stopwatch();
        private bool _shown;

        public ProgressReporter(LifePosCmdlet cmdlet, string activity)
        {
            _cmdlet = cmdlet;
            _enabled = cmdlet.IsProgressWanted();
            _record = new ProgressRecord(System.Threading.Interlocked.Increment(ref _nextActivityId), activity, "Starting");
        }

        /// <summary>Shows the status unless an update was shown less than a quarter of a second ago.</summary>
        public void Update(string status, int percentComplete = -1, bool force = false)
        {
            if (!_enabled || (!force && _sinceLastUpdate.IsRunning && _sinceLastUpdate.ElapsedMilliseconds < MinimumIntervalMilliseconds))
            {
                return;
            }

            _record.StatusDescription = status;
            _record.PercentComplete = percentComplete > 100 ? 100 : percentComplete;
            _record.RecordType = ProgressRecordType.Processing;
            _cmdlet.WriteProgress(_record);
            _shown = true;
            _sinceLastUpdate.Restart();
        }

        public void Complete()
        {
            if (_shown)
            {
                _record.RecordType = ProgressRecordType.Completed;
                _cmdlet.WriteProgress(_record);
                _shown = false;
            }
        }
    }
}
