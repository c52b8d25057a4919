using System;

namespace LifePos.Core
{
    /// <summary>A setting is wrong (address, retry limits, missing credentials); nothing was sent.</summary>
    public sealed class LifePosConfigurationException : Exception
    {
        public LifePosConfigurationException(string message)
            : base(message)
        {
        }

        internal LifePosConfigurationException(string message, bool connectionClosed)
            : base(message)
        {
            IsConnectionClosed = connectionClosed;
        }

        /// <summary>The connection was closed (Disconnect-LifePos), perhaps while this request waited in another runspace.</summary>
        public bool IsConnectionClosed { get; }
    }
}
