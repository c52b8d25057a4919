using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using LifePos.Core;
using LifePos.Domain;

namespace LifePos.Shell.Completion
{
    /// <summary>
    /// Completes <c>-Outlet</c>: outlets seen recently, or the first page of the default connection's, whose name or id
    /// starts with what was typed (see <see cref="CompletionWord"/>).
    /// </summary>
    public sealed class OutletCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var outlets = CompletionSource.Known(RecentItems<Outlet>.Outlets, (client, organization, context) => client.ListOutlets(organization, new DirectoryListQuery(), context));
            var word = new CompletionWord(wordToComplete);
            return CompletionSource.ByName(outlets.Where(outlet => word.MatchesName(outlet.Name) || word.MatchesId(outlet.Id)),
                outlet => outlet.Name, outlet => outlet.Id, outlet => outlet.Name + " — " + outlet.Address);
        }
    }
}
