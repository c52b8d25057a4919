using System.Management.Automation;
using LifePos.Shell.Binding;
using LifePos.Shell.Cmdlets;

namespace LifePos.Commands
{
    /// <summary>Forgets the session's default connection (or the one given) and closes its HTTP connections.</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "LifePos")]
    public sealed class DisconnectLifePosCommand : LifePosCmdlet
    {
        /// <summary>A connection from Connect-LifePos -PassThru; the default connection when omitted.</summary>
        [Parameter(ValueFromPipeline = true)]
        [ValidateNotNull]
        [ConnectionTransformation]
        public LifePosConnection? Connection { get; set; }

        protected override void ProcessRecord()
        {
            var stored = ConnectionStore.Get(SessionState);
            var connection = Connection ?? stored;
            if (connection is null)
            {
                WriteVerbose("Not connected to LIFE POS: nothing to disconnect.");
                return;
            }

            if (ReferenceEquals(connection, stored))
            {
                ConnectionStore.Clear(SessionState);
            }

            connection.Client.Dispose();
            WriteVerbose("Disconnected: " + connection);
        }
    }
}
