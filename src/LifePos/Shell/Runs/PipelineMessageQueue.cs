using System.Collections.Concurrent;
using System.Threading;
using LifePos.Core;

namespace LifePos.Shell.Runs
{
    /// <summary>
    /// Collects what the client reports from worker threads; the pipeline thread writes it out (a cmdlet may write
    /// only from the thread that runs it). <see cref="MessageQueued"/> wakes a pipeline thread that is waiting.
    /// </summary>
    internal sealed class PipelineMessageQueue : IRequestObserver
    {
        private readonly ConcurrentQueue<(PipelineMessageKind Kind, string Text)> _messages = new ConcurrentQueue<(PipelineMessageKind, string)>();
        private readonly bool _verbose;
        private int _slowDownWarned;

        public PipelineMessageQueue(bool verbose, bool debug)
        {
            _verbose = verbose;
            IsDebugEnabled = debug;
        }

        public bool IsDebugEnabled { get; }

        /// <summary>Set whenever a message is queued.</summary>
        public AutoResetEvent MessageQueued { get; } = new AutoResetEvent(false);

        public void OnRequestCompleted(RequestLog log)
        {
            if (_verbose)
            {
                Enqueue(PipelineMessageKind.Verbose, log.ToString());
            }
        }

        public void OnDebug(string text)
        {
            if (IsDebugEnabled)
            {
                Enqueue(PipelineMessageKind.Debug, text);
            }
        }

        public void OnRetry(RetryInfo info)
        {
            if (info.Reason.StartsWith("429", System.StringComparison.Ordinal) && Interlocked.Exchange(ref _slowDownWarned, 1) == 0)
            {
                Enqueue(
                    PipelineMessageKind.Warning,
                    "LIFE POS asked to slow down (" + info.Reason + "); requests wait and are retried. If this keeps happening, lower -ThrottleLimit.");
            }

            if (_verbose)
            {
                Enqueue(PipelineMessageKind.Verbose, info.ToString());
            }
        }

        public void Enqueue(PipelineMessageKind kind, string text)
        {
            _messages.Enqueue((kind, text));
            MessageQueued.Set();
        }

        public bool TryDequeue(out PipelineMessageKind kind, out string text)
        {
            if (_messages.TryDequeue(out var message))
            {
                kind = message.Kind;
                text = message.Text;
                return true;
            }

            kind = default;
            text = string.Empty;
            return false;
        }
    }
}
