using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace LifePos.PowerShell
{
    /// <summary>Completes <c>-Id</c> from workplaces seen recently, matching the id, the number or the name.</summary>
    public sealed class WorkplaceIdCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var typed = (wordToComplete ?? string.Empty).Trim('\'', '"');
            var pattern = new WildcardPattern(typed + "*", WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant);
            foreach (var workplace in RecentWorkplaces.Snapshot())
            {
                var id = workplace.Id.ToString("D");
                var number = "#" + workplace.Number.ToString(CultureInfo.InvariantCulture);
                var name = workplace.Name ?? string.Empty;
                if (pattern.IsMatch(id) || pattern.IsMatch(name) || pattern.IsMatch(number) ||
                    pattern.IsMatch(workplace.Number.ToString(CultureInfo.InvariantCulture)))
                {
                    var label = number + " " + (name.Length == 0 ? "(no name)" : name);
                    var tooltip = label + " — " + workplace.Type + (workplace.IsArchived ? ", archived" : string.Empty) + " — " + id;
                    yield return new CompletionResult(id, label, CompletionResultType.ParameterValue, tooltip);
                }
            }
        }
    }
}
