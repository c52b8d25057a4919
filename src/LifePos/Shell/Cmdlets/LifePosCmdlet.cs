using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using LifePos.Core;
using LifePos.Shell.Binding;
using LifePos.Shell.Completion;
using LifePos.Shell.Runs;

namespace LifePos.Shell.Cmdlets
{
    /// <summary>
    /// What every LifePos cmdlet shares: a cancellation token that Ctrl+C (StopProcessing) cancels, and a bridge that
    /// lets work on other threads report to -Verbose/-Debug while only the pipeline thread writes.
    /// </summary>
    public abstract class LifePosCmdlet : PSCmdlet, IDisposable
    {
        private CancellationTokenSource? _cancellation;
        private PipelineMessageQueue? _messages;
        private RequestContext? _requestContext;
        private Preferences? _preferences;

        /// <summary>Cancelled when the user presses Ctrl+C or the pipeline stops.</summary>
        internal CancellationToken CancellationToken => _cancellation?.Token ?? throw new InvalidOperationException("BeginProcessing has not run.");

        internal PipelineMessageQueue Messages => _messages ?? throw new InvalidOperationException("BeginProcessing has not run.");

        /// <summary>What the user asked through -WhatIf, -Confirm, -ErrorAction... or the preference variables.</summary>
        internal Preferences Preferences => _preferences ??= new Preferences(this);

        /// <summary>One context per run, so its retry count covers the whole run.</summary>
        internal RequestContext RequestContext => _requestContext ?? throw new InvalidOperationException("BeginProcessing has not run.");

        public void Dispose()
        {
            _cancellation?.Cancel();
            DisposeResources();
            _cancellation?.Dispose();
            _messages?.MessageQueued.Dispose();
        }

        /// <summary>Releases what a derived cmdlet holds; called once when the pipeline ends or stops.</summary>
        protected virtual void DisposeResources()
        {
        }

        /// <summary>
        /// Creates the run's cancellation and reads -Verbose/-Debug here, on the pipeline thread: worker threads only
        /// ever see the finished objects.
        /// </summary>
        protected override void BeginProcessing()
        {
            _cancellation = new CancellationTokenSource();
            _messages = new PipelineMessageQueue(Preferences.IsEnabled("Verbose"), Preferences.IsEnabled("Debug"));
            _requestContext = new RequestContext(CancellationToken, _messages);
        }

        /// <summary>Ctrl+C: cancels the requests in flight; nothing new is sent.</summary>
        protected override void StopProcessing() => _cancellation?.Cancel();

        /// <summary>Writes what worker threads queued. Only ever called on the pipeline thread.</summary>
        internal void FlushMessages()
        {
            if (_messages is null)
            {
                return;
            }

            while (_messages.TryDequeue(out var kind, out var text))
            {
                switch (kind)
                {
                    case PipelineMessageKind.Verbose:
                        WriteVerbose(text);
                        break;
                    case PipelineMessageKind.Debug:
                        WriteDebug(text);
                        break;
                    default:
                        WriteWarning(text);
                        break;
                }
            }
        }

        /// <summary>Blocks the pipeline thread until the task ends, writing queued messages meanwhile.</summary>
        internal T Wait<T>(Task<T> task)
        {
            WaitForTask(task);
            try
            {
                return task.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        private void WaitForTask(Task task)
        {
            var handles = new WaitHandle[] { ((IAsyncResult)task).AsyncWaitHandle, Messages.MessageQueued };
            while (!task.IsCompleted)
            {
                WaitHandle.WaitAny(handles, 200);
                FlushMessages();
            }

            FlushMessages();
        }

        /// <summary>
        /// The object the pipeline handed this record (e.g. the row from Import-Csv), so an error's TargetObject is
        /// the original row; null when the values came as arguments.
        /// </summary>
        internal object? CurrentInputObject => PipelineRow.Current(this);

        /// <summary>The workplace the pipeline handed this record, if it was one (e.g. from Get-LifePosWorkplace).</summary>
        internal Workplace? PipedWorkplace => (CurrentInputObject is PSObject row ? row.BaseObject : CurrentInputObject) as Workplace;

        /// <summary>The pipeline row if there is one, else what identifies the item best.</summary>
        internal object TargetOf(object fallback) => CurrentInputObject ?? fallback;

        internal void WriteWorkplace(Workplace workplace)
        {
            RecentItems<Workplace>.Workplaces.Remember(workplace);
            if (workplace.FieldsUnknown && !_warnedFieldsUnknown)
            {
                // Unknown is not empty: an export of such a workplace would hold empty cells that only look like "none".
                _warnedFieldsUnknown = true;
                WriteWarning(
                    Domain.WorkplaceLabel.Of(workplace) + " came back without extensions, meta and meta data (a compact answer), and so may others: " +
                    "those fields are unknown, not empty. Do not keep an Export-Csv or Export-Clixml of them as a backup; read them with Get-LifePosWorkplace -Id.");
            }

            WriteObject(workplace);
        }

        private bool _warnedFieldsUnknown;

        internal void WriteEmployee(Employee employee)
        {
            RecentItems<Employee>.Employees.Remember(employee);
            WriteObject(employee);
        }

        internal void WriteOutlet(Outlet outlet)
        {
            RecentItems<Outlet>.Outlets.Remember(outlet);
            WriteObject(outlet);
        }
    }
}
