using System;

namespace LifePos.Shell.Runs
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
}
