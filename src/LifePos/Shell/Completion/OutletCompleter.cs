using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using LifePos.Core;

namespace LifePos.Shell.Completion
{
    /// <summary>Completes <c>-Outlet</c> by name: outlets seen recently, or the first page of the default connection's.</summary>
    public sealed class OutletCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var outlets = CompletionSource.Known(RecentItems<Outlet>.Outlets, (client, organization, context) => client.ListOutlets(organization, new DirectoryListQuery(), context));
            var pattern = CompletionSource.Pattern(wordToComplete);
            return CompletionSource.ByName(outlets.Where(outlet => pattern.IsMatch(outlet.Name ?? string.Empty)),
                outlet => outlet.Name, outlet => outlet.Id, outlet => outlet.Name + " — " + outlet.Address);
        }
    }
}
