using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using LifePos.Domain;

namespace LifePos.Shell.Completion
{
    /// <summary>
    /// Completes <c>-Name</c> and <c>-LiteralName</c> of the Get- cmdlets with the names of the workplaces, employees or
    /// outlets seen recently that start with what was typed. For -Name, a wildcard pattern, brackets and other wildcard
    /// characters in a name come escaped ('Касса `[1`]'), so the completed name finds itself; -LiteralName takes it as is.
    /// </summary>
    public sealed class NameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var word = new CompletionWord(wordToComplete);
            var literal = string.Equals(parameterName, "LiteralName", StringComparison.OrdinalIgnoreCase);
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var name in Names(commandName))
            {
                if (string.IsNullOrEmpty(name) || !word.MatchesName(name) || !seen.Add(NameText.Key(name)))
                {
                    continue;
                }

                var text = literal ? name! : Wildcard.Escape(name!);
                yield return new CompletionResult("'" + text.Replace("'", "''") + "'", name, CompletionResultType.ParameterValue, name);
            }
        }

        private static IEnumerable<string?> Names(string commandName)
        {
            if (commandName.EndsWith("LifePosEmployee", StringComparison.OrdinalIgnoreCase))
            {
                return CompletionSource.Employees().Select(employee => employee.Name);
            }

            if (commandName.EndsWith("LifePosOutlet", StringComparison.OrdinalIgnoreCase))
            {
                return CompletionSource.Outlets().Select(outlet => outlet.Name);
            }

            return CompletionSource.Workplaces().Select(workplace => workplace.Name);
        }
    }
}
