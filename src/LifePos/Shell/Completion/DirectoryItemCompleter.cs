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
    /// What <see cref="EmployeeCompleter"/> and <see cref="OutletCompleter"/> share: the items that match what was typed
    /// (see <see cref="CompletionWord"/>), each completed to its quoted name when that name is unique, else to its id.
    /// </summary>
    /// <typeparam name="T">The item: an employee or an outlet.</typeparam>
    public abstract class DirectoryItemCompleter<T> : IArgumentCompleter
    {
        private readonly Func<IReadOnlyList<T>> _known;
        private readonly Func<CompletionWord, T, bool> _matches;
        private readonly Func<T, string?> _name;
        private readonly Func<T, Guid> _id;
        private readonly Func<T, string> _tooltip;

        // Private protected: the arguments speak of the module's internal types, so only its own completers derive.
        private protected DirectoryItemCompleter(
            Func<IReadOnlyList<T>> known, Func<CompletionWord, T, bool> matches, Func<T, string?> name, Func<T, Guid> id, Func<T, string> tooltip)
        {
            _known = known;
            _matches = matches;
            _name = name;
            _id = id;
            _tooltip = tooltip;
        }

        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var word = new CompletionWord(wordToComplete);
            return CompletionSource.ByName(_known().Where(item => _matches(word, item)), _name, _id, _tooltip);
        }
    }
}
