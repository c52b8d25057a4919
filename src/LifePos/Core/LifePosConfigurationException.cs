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
    }
}
