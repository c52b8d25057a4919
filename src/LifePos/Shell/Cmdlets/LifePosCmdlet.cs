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

        /// <summary>Cancelled when the user presses Ctrl+C or the pipeline stops.</summary>
        internal CancellationToken CancellationToken => _cancellation?.Token ?? throw new InvalidOperationException("BeginProcessing has not run.");

        internal PipelineMessageQueue Messages => _messages ?? throw new InvalidOperationException("BeginProcessing has not run.");

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
            _messages = new PipelineMessageQueue(IsEnabled("Verbose"), IsEnabled("Debug"));
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
            WriteObject(workplace);
        }

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

        internal bool IsProgressWanted()
        {
            var preference = GetVariableValue("ProgressPreference");
            return !(preference is ActionPreference action && (action == ActionPreference.SilentlyContinue || action == ActionPreference.Ignore));
        }

        /// <summary>
        /// True when ShouldProcess will show the action rather than just allow it (-WhatIf, -Confirm, or a
        /// $ConfirmPreference at or below <paramref name="impact"/>): then the plan is worth reading the current values for.
        /// </summary>
        internal bool IsPlanWanted(ConfirmImpact impact)
        {
            if (Preference("WhatIf") is { } whatIf && LanguagePrimitives.IsTrue(whatIf))
            {
                return true;
            }

            if (MyInvocation.BoundParameters.TryGetValue("Confirm", out var confirm))
            {
                return LanguagePrimitives.IsTrue(confirm);
            }

            return GetVariableValue("ConfirmPreference") is ConfirmImpact preference && preference != ConfirmImpact.None && impact >= preference;
        }

        /// <summary>True under -ErrorAction Stop or $ErrorActionPreference = 'Stop': the first failed row ends a bulk run.</summary>
        internal bool IsErrorActionStop()
        {
            var preference = Preference("ErrorAction");
            return preference is ActionPreference action
                ? action == ActionPreference.Stop
                : string.Equals(preference as string, "Stop", StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>A common parameter as bound, else its preference variable.</summary>
        private object? Preference(string commonParameter)
        {
            var value = MyInvocation.BoundParameters.TryGetValue(commonParameter, out var bound) ? bound : GetVariableValue(commonParameter + "Preference");
            return value is PSObject wrapped ? wrapped.BaseObject : value;
        }

        private bool IsEnabled(string commonParameter)
        {
            if (MyInvocation.BoundParameters.TryGetValue(commonParameter, out var bound))
            {
                return bound is SwitchParameter flag ? flag.IsPresent : LanguagePrimitives.IsTrue(bound);
            }

            var preference = GetVariableValue(commonParameter + "Preference");
            return preference is ActionPreference action && action != ActionPreference.SilentlyContinue && action != ActionPreference.Ignore;
        }
    }
}
