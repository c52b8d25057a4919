using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace LifePos.PowerShell
{
    /// <summary>Completes a text parameter with the names of an enum (text so that a CSV cell binds as is).</summary>
    public abstract class EnumValueCompleter<TEnum> : IArgumentCompleter
        where TEnum : struct, Enum
    {
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var pattern = new WildcardPattern((wordToComplete ?? string.Empty).Trim('\'', '"') + "*", WildcardOptions.IgnoreCase);
            foreach (var name in Enum.GetNames(typeof(TEnum)))
            {
                if (pattern.IsMatch(name))
                {
                    yield return new CompletionResult(name, name, CompletionResultType.ParameterValue, name);
                }
            }
        }
    }

    /// <summary>Completes <c>-WorkplaceType</c>: Unknown, Mobile, Stationary, Automat.</summary>
    public sealed class WorkplaceTypeCompleter : EnumValueCompleter<WorkplaceType>
    {
    }
}
