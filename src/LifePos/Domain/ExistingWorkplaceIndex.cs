using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace LifePos.Domain
{
    /// <summary>
    /// New-LifePosWorkplace -SkipExisting: the alive workplaces by name (listed once), and the names this run is
    /// creating, so a row whose name exists already, or comes twice in one run, is not created again. Names match
    /// as people type them: trimmed, ignoring case, composed or not (see <see cref="NameText"/>).
    /// </summary>
    internal sealed class ExistingWorkplaceIndex
    {
        private readonly Dictionary<string, Workplace> _existing = new Dictionary<string, Workplace>(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, Task<Workplace>> _creating = new Dictionary<string, Task<Workplace>>(StringComparer.OrdinalIgnoreCase);

        /// <param name="alive">The alive workplaces; the first of several namesakes is the one passed on.</param>
        public ExistingWorkplaceIndex(IEnumerable<Workplace> alive)
        {
            foreach (var workplace in alive)
            {
                if (!string.IsNullOrWhiteSpace(workplace.Name) && !_existing.ContainsKey(Key(workplace.Name!)))
                {
                    _existing.Add(Key(workplace.Name!), workplace);
                }
            }
        }

        /// <summary>The workplace a row of this name stands for: existing (done) or being created by an earlier row of this run.</summary>
        public Task<Workplace>? Find(string name)
        {
            if (_creating.TryGetValue(Key(name), out var creation))
            {
                return creation;
            }

            return _existing.TryGetValue(Key(name), out var existing) ? Task.FromResult(existing) : null;
        }

        /// <summary>
        /// This run creates a workplace of this name: later rows of the name wait for <paramref name="create"/> and pass its
        /// workplace on. Call it on the thread that calls <see cref="Find"/>; the returned work may run anywhere.
        /// </summary>
        public Func<TArgument, Task<Workplace>> Track<TArgument>(string name, Func<TArgument, Task<Workplace>> create)
        {
            var creation = new TaskCompletionSource<Workplace>(TaskCreationOptions.RunContinuationsAsynchronously);
            _creating[Key(name)] = creation.Task;
            return async argument =>
            {
                try
                {
                    var workplace = await create(argument).ConfigureAwait(false);
                    creation.TrySetResult(workplace);
                    return workplace;
                }
                catch (Exception exception)
                {
                    creation.TrySetException(exception);
                    throw;
                }
            };
        }

        /// <summary>
        /// The warning for a skipped row: which workplace exists, and where it differs from what the row asks for
        /// (the fields of <paramref name="asked"/> the row gives).
        /// </summary>
        public static string SkipWarning(Workplace existing, WorkplaceChanges asked)
        {
            var text = "Workplace '" + existing.Name + "' already exists (#" + existing.Number + ", " + existing.Id.ToString("D") +
                       "); it was not created again (-SkipExisting).";
            var differences = WorkplacePatchBuilder.Build(existing, asked).Changes;
            return differences.Count == 0 ? text : text + " It differs from the row: " + ChangeText.Differences(differences) + ".";
        }

        private static string Key(string name) => NameText.Key(name);
    }
}
