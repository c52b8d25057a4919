using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LifePos.Core.Paging;

namespace LifePos.Domain
{
    /// <summary>
    /// Sync-LifePosWorkplace's plan: every row matched to the workplace it names (by Id, else Number, else the name
    /// trimmed, ignoring case, composed or not, among alive workplaces), and what that takes. A key that names no one or several is an
    /// error for that row, never a guess; so is a workplace two rows name. Pure: the listing comes in, steps come out.
    /// </summary>
    internal sealed class SyncPlanner
    {
        private readonly Dictionary<Guid, Workplace> _byId = new Dictionary<Guid, Workplace>();
        private readonly Dictionary<Guid, long> _named = new Dictionary<Guid, long>();
        private readonly Dictionary<string, long> _createdNames = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        private readonly List<UnreadableItem> _unreadable;
        private readonly bool _includeArchived;
        private readonly bool _exact;

        /// <param name="workplaces">Every workplace, alive and archived.</param>
        /// <param name="exact">-Exact: each row is the whole truth (see <see cref="ExactRow"/>); archived workplaces are matched.</param>
        /// <param name="unreadable">Workplaces the listing could not read: a row that names one fails, rather than guess past it.</param>
        public SyncPlanner(IEnumerable<Workplace> workplaces, bool includeArchived, bool exact = false, IEnumerable<UnreadableItem>? unreadable = null)
        {
            _unreadable = unreadable?.ToList() ?? new List<UnreadableItem>();
            foreach (var workplace in workplaces)
            {
                _byId[workplace.Id] = workplace;
            }

            _includeArchived = includeArchived || exact;
            _exact = exact;
        }

        /// <summary>The alive workplaces no row named, for -ArchiveUnlisted, by number.</summary>
        public IReadOnlyList<Workplace> Unlisted =>
            _byId.Values.Where(workplace => !workplace.IsArchived && !_named.ContainsKey(workplace.Id)).OrderBy(workplace => workplace.Number).ToList();

        public SyncStep Plan(SyncRow row)
        {
            try
            {
                WorkplacePatchBuilder.Validate(row.Changes);
                if (_exact)
                {
                    ExactRow.Check(row);
                }

                if (UnreadableNamedBy(row) is { } unreadable)
                {
                    return SyncStep.Failure(
                        null,
                        unreadable + " could not be read from LIFE POS, so this row was left alone. Correct the workplace in LIFE POS, then run the row again.");
                }

                var found = Find(row);
                if (found is null)
                {
                    return Create(row);
                }

                if (_named.TryGetValue(found.Id, out var earlier))
                {
                    return SyncStep.Failure(
                        found, "row " + earlier.ToString(CultureInfo.InvariantCulture) + " names the same workplace (" + WorkplaceLabel.Of(found) + "); each workplace may come once.");
                }

                _named[found.Id] = row.RowNumber;

                // A row matched by its name does not rename the workplace for a difference of case or spaces.
                var byName = row.Id is null && row.Number is null;
                var known = found.FieldsUnknown ? row.Changes.WithoutUnknownFields() : row.Changes;
                var changes = byName ? WithoutName(known) : known;
                var patch = WorkplacePatchBuilder.Build(found, _exact ? ExactRow.Whole(changes, found, byName) : changes);
                if (_exact)
                {
                    return ExactRow.Step(found, patch, row.Archived == true);
                }

                if (found.IsArchived && row.Archived == true)
                {
                    // Without -Exact a row marked archived never restores its workplace.
                    return new SyncStep(WorkplaceChangeAction.Unchanged, found, new WorkplacePatch());
                }

                if (found.IsArchived)
                {
                    return _includeArchived
                        ? new SyncStep(WorkplaceChangeAction.Restored, found, patch)
                        : SyncStep.Failure(found, WorkplaceLabel.Of(found) + " is archived; -IncludeArchived restores it.");
                }

                return new SyncStep(patch.IsEmpty ? WorkplaceChangeAction.Unchanged : WorkplaceChangeAction.Updated, found, patch);
            }
            catch (InvalidInputException exception)
            {
                return SyncStep.Failure(null, exception.Message);
            }
        }

        private Workplace? Find(SyncRow row)
        {
            if (row.Id is { } id)
            {
                return _byId.TryGetValue(id, out var byId)
                    ? byId
                    : throw new InvalidInputException("no workplace has the id " + id.ToString("D") + ". Leave the Id cell empty to create a new one.");
            }

            if (row.Number is { } number)
            {
                var numbered = _byId.Values.Where(workplace => workplace.Number == number).OrderBy(workplace => workplace.IsArchived).ToList();
                return numbered.Count > 0
                    ? numbered[0]
                    : throw new InvalidInputException("no workplace has the number " + number.ToString(CultureInfo.InvariantCulture) + ". Leave the Number cell empty to create a new one.");
            }

            var name = row.Name?.Trim();
            if (string.IsNullOrEmpty(name))
            {
                throw new InvalidInputException("nothing names the workplace: give an Id, a Number or a Name.");
            }

            var alive = Named(name!, archived: false);
            if (alive.Count > 1)
            {
                throw Ambiguous(name!, alive, "alive");
            }

            if (_exact && alive.Count + Named(name!, archived: true).Count > 1)
            {
                throw Ambiguous(name!, alive.Concat(Named(name!, archived: true)), "alive or archived");
            }

            if (alive.Count == 1 || !_includeArchived)
            {
                return alive.FirstOrDefault();
            }

            var archived = Named(name!, archived: true);
            return archived.Count > 1 ? throw Ambiguous(name!, archived, "archived") : archived.FirstOrDefault();
        }

        /// <summary>The unreadable workplace the row's key names (its Id, else its Number, else its name), as "workplace 7 (id …)".</summary>
        private string? UnreadableNamedBy(SyncRow row)
        {
            foreach (var item in _unreadable)
            {
                var named = row.Id is { } id ? item.Id == id
                    : row.Number is { } number ? item.Number == number
                    : !string.IsNullOrWhiteSpace(row.Name) && NameText.Same(item.Name, row.Name);
                if (named)
                {
                    return "workplace" + (item.Number is { } known ? " " + known.ToString(CultureInfo.InvariantCulture) : string.Empty) +
                           (item.RawId is null ? string.Empty : " (id " + item.RawId + ")");
                }
            }

            return null;
        }

        private static WorkplaceChanges WithoutName(WorkplaceChanges changes) => new WorkplaceChanges
        {
            WorkplaceType = changes.WorkplaceType,
            Meta = changes.Meta,
            MetaDataGiven = changes.MetaDataGiven,
            MetaData = changes.MetaData,
            Extensions = changes.Extensions,
            RemoveExtensions = changes.RemoveExtensions,
            Clear = changes.Clear,
        };

        private SyncStep Create(SyncRow row)
        {
            var name = row.Name?.Trim();
            var key = name is null ? null : NameText.Key(name);
            if (key != null && _createdNames.TryGetValue(key, out var earlier))
            {
                return SyncStep.Failure(null, "row " + earlier.ToString(CultureInfo.InvariantCulture) + " creates a workplace of this name already; each workplace may come once.");
            }

            if (row.Changes.WorkplaceType is null)
            {
                return SyncStep.Failure(null, "no workplace named '" + name + "' exists, and the row has no WorkplaceType to create it with.");
            }

            if (key != null)
            {
                _createdNames[key] = row.RowNumber;
            }

            return new SyncStep(WorkplaceChangeAction.Created, null, WorkplacePatchBuilder.Build(null, row.Changes), create: row.Changes.ToCreateRequest())
            {
                Marked = _exact && row.Archived == true,
            };
        }

        private List<Workplace> Named(string name, bool archived) =>
            _byId.Values.Where(workplace => workplace.IsArchived == archived && NameText.Same(workplace.Name, name)).ToList();

        private static InvalidInputException Ambiguous(string name, IEnumerable<Workplace> workplaces, string state) =>
            new InvalidInputException(
                "the name '" + name + "' is ambiguous: " + string.Join(", ", workplaces.Select(WorkplaceLabel.Of)) + " are " + state +
                ". Add an Id or Number column to say which.");
    }
}
