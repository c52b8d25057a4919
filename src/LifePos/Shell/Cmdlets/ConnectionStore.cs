using System.Management.Automation;

namespace LifePos.Shell.Cmdlets
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
            // A private variable may not be changed by name from the command line, so change the variable itself.
            var existing = sessionState.PSVariable.Get(VariableName);
            if (existing != null)
            {
                existing.Value = connection;
                return;
            }

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
            var variable = sessionState.PSVariable.Get(VariableName);
            if (variable != null)
            {
                // Removing a private variable is refused to commands typed at the prompt: make it public first.
                variable.Visibility = SessionStateEntryVisibility.Public;
                sessionState.PSVariable.Remove(variable);
            }
        }
    }
}
