using System;
using System.Management.Automation;

namespace LifePos.Shell.Binding
{
    /// <summary>
    /// A connection holds a live HTTP client and the token, so it cannot cross into another process: Start-Job and
    /// Invoke-Command give the job a deserialized copy. Binding would fail with "cannot convert Deserialized...", which
    /// says nothing of what to do; this says to connect inside the job.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ConnectionTransformationAttribute : ArgumentTransformationAttribute
    {
        internal const string Message =
            "A LIFE POS connection cannot be passed to another process (Start-Job, Invoke-Command, Import-Clixml): it holds a live " +
            "HTTP client and the token, and only a lifeless copy arrives. Connect inside the job instead, e.g. " +
            "Start-Job { Import-Module LifePos; Connect-LifePos -FromEnvironment; ... } with LIFEPOS_TOKEN set in the job's environment. " +
            "In the same process (ForEach-Object -Parallel, Start-ThreadJob), $using:conn passes the connection itself.";

        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            if (inputData is PSObject wrapped && !(wrapped.BaseObject is LifePosConnection) && IsDeserializedConnection(wrapped))
            {
                throw new ArgumentTransformationMetadataException(Message);
            }

            return inputData;
        }

        private static bool IsDeserializedConnection(PSObject value)
        {
            foreach (var name in value.TypeNames)
            {
                if (string.Equals(name, "Deserialized." + typeof(LifePosConnection).FullName, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
