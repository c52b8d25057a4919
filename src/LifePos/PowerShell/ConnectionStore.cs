using System.Management.Automation;

namespace LifePos.PowerShell
{
    /// <summary>
    /// The default connection of a runspace, kept in its global session state (not a static: every runspace has its
    /// own). The variable is hidden from the command line so a user does not stumble over it.
    /// </summary>
    internal static class ConnectionStore
    {
        private const string VariableName = "global:__LifePosDefaultConnection";

        public static LifePosConnection? Get(SessionState sessionState)
        {
            var value = sessionState.PSVariable.GetValue(VariableName);
            return (value is PSObject wrapped ? wrapped.BaseObject : value) as LifePosConnection;
        }

        public static void Set(SessionState sessionState, LifePosConnection connection)
        {
            sessionState.PSVariable.Set(VariableName, connection);
            var variable = sessionState.PSVariable.Get(VariableName);
            if (variable != null)
            {
                variable.Visibility = SessionStateEntryVisibility.Private;
                variable.Description = "The default LIFE POS connection, set by Connect-LifePos.";
            }
        }

        public static void Clear(SessionState sessionState)
        {
            if (sessionState.PSVariable.Get(VariableName) != null)
            {
                sessionState.PSVariable.Remove(VariableName);
            }
        }
    }
}
