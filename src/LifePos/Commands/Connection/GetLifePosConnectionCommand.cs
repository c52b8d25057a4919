using System.Management.Automation;
using LifePos.Shell.Cmdlets;

namespace LifePos.Commands
{
    /// <summary>Shows the session's default connection: environment, address, organization, account; never the token.</summary>
    [Cmdlet(VerbsCommon.Get, "LifePosConnection")]
    [OutputType(typeof(LifePosConnection))]
    public sealed class GetLifePosConnectionCommand : LifePosCmdlet
    {
        protected override void EndProcessing()
        {
            var connection = ConnectionStore.Get(SessionState);
            if (connection != null)
            {
                WriteObject(connection);
            }
        }
    }
}
