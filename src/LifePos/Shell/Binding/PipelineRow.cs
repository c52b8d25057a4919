using System.Management.Automation;
using System.Reflection;

namespace LifePos.Shell.Binding
{
    /// <summary>
    /// The object PowerShell is processing for a cmdlet right now. PowerShell has no public way to get it in a compiled
    /// cmdlet (a ValueFromPipeline parameter would take the row away from by-property-name binding), so it is read
    /// from the non-public <c>InternalCommand.CurrentPipelineObject</c>, here and nowhere else. Pester's
    /// "keeps the CSV row as the error's TargetObject" fails loudly if a PowerShell version drops the member.
    /// </summary>
    internal static class PipelineRow
    {
        private static readonly PropertyInfo? CurrentPipelineObject = typeof(PSCmdlet).BaseType?.BaseType?
            .GetProperty("CurrentPipelineObject", BindingFlags.Instance | BindingFlags.NonPublic);

        /// <summary>True when this PowerShell has the member; false means every error loses its input row.</summary>
        public static bool IsAvailable => CurrentPipelineObject != null;

        /// <summary>The pipeline object of the record being processed; null when the values came as arguments.</summary>
        public static object? Current(Cmdlet cmdlet)
        {
            var value = CurrentPipelineObject?.GetValue(cmdlet);
            if (value is PSObject wrapped && (wrapped.BaseObject is null || ReferenceEquals(wrapped, System.Management.Automation.Internal.AutomationNull.Value)))
            {
                return null;
            }

            return value;
        }
    }
}
