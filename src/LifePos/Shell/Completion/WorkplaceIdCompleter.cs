using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Language;
using LifePos.Domain;

namespace LifePos.Shell.Completion
{
    /// <summary>
    /// Completes <c>-Id</c> and <c>-Workplace</c> from workplaces seen recently: what was typed starts the number, the name
    /// or the id (see <see cref="CompletionWord"/>).
    /// </summary>
    public sealed class WorkplaceIdCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var word = new CompletionWord(wordToComplete);
            foreach (var workplace in RecentItems<Workplace>.Workplaces.Snapshot())
            {
                if (word.MatchesNumber(workplace.Number) || word.MatchesName(workplace.Name) || word.MatchesId(workplace.Id))
                {
                    var id = workplace.Id.ToString("D");
                    var name = workplace.Name ?? string.Empty;
                    var label = "#" + workplace.Number.ToString(CultureInfo.InvariantCulture) + " " + (name.Length == 0 ? "(no name)" : name);
                    var tooltip = label + " — " + workplace.WorkplaceType + (workplace.IsArchived ? ", archived" : string.Empty) + " — " + id;
                    yield return new CompletionResult(id, label, CompletionResultType.ParameterValue, tooltip);
                }
            }
        }
    }
}
