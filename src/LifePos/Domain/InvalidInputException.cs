using System;

namespace LifePos.Domain
{
    /// <summary>A row or argument the module cannot send; the message names the problem and the fix.</summary>
    internal sealed class InvalidInputException : Exception
    {
        public InvalidInputException(string message)
            : base(message)
        {
        }
    }
}
