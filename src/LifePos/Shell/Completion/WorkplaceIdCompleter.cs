using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace LifePos.Shell.Completion
{
    /// <summary>Completes <c>-Id</c> and <c>-Workplace</c> from workplaces seen recently, matching the id, the number or the name.</summary>
    public sealed class WorkplaceIdCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var pattern = CompletionSource.Pattern(wordToComplete);
            foreach (var workplace in RecentItems<Workplace>.Workplaces.Snapshot())
            {
                var id = workplace.Id.ToString("D");
                var number = workplace.Number.ToString(CultureInfo.InvariantCulture);
                var name = workplace.Name ?? string.Empty;
                if (pattern.IsMatch(id) || pattern.IsMatch(name) || pattern.IsMatch("#" + number) || pattern.IsMatch(number))
                {
                    var label = "#" + number + " " + (name.Length == 0 ? "(no name)" : name);
                    var tooltip = label + " — " + workplace.WorkplaceType + (workplace.IsArchived ? ", archived" : string.Empty) + " — " + id;
                    yield return new CompletionResult(id, label, CompletionResultType.ParameterValue, tooltip);
                }
            }
        }
    }
}
