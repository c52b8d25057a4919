using System.Collections.Generic;
using System.Linq;

namespace LifePos.Domain
{
    /// <summary>
    /// Sync-LifePosWorkplace -Exact: a row is the whole truth for its workplace. An empty cell clears its field, an
    /// extension the row does not have is removed, and the row's archived state is the workplace's. A row that cannot
    /// say the whole truth (no type, nothing that names its workplace) is refused.
    /// </summary>
    internal static class ExactRow
    {
        public static void Check(SyncRow row)
        {
            if (row.Changes.WorkplaceType is null)
            {
                throw new InvalidInputException("-Exact needs the WorkplaceType of every row (a row is the whole truth for its workplace); this row has none. Export the backup with Get-LifePosWorkplace, which writes it.");
            }

            if (row.Id is null && row.Number is null && string.IsNullOrWhiteSpace(row.Name))
            {
                throw new InvalidInputException("-Exact needs an Id, a Number or a unique Name in every row to know which workplace it is; this row has none.");
            }
        }

        /// <summary>What the row gives, with every field it leaves empty cleared; the name is kept when the row was matched by it.</summary>
        public static WorkplaceChanges Whole(WorkplaceChanges given, Workplace current, bool matchedByName)
        {
            var clear = new List<string>();
            if (given.Name is null && !matchedByName)
            {
                clear.Add("Name");
            }

            if (given.Meta is null)
            {
                clear.Add("Meta");
            }

            if (!given.MetaDataGiven)
            {
                clear.Add("MetaData");
            }

            if (given.Extensions is null)
            {
                clear.Add("Extensions");
            }

            return new WorkplaceChanges
            {
                Name = given.Name,
                WorkplaceType = given.WorkplaceType,
                Meta = given.Meta,
                MetaDataGiven = given.MetaDataGiven,
                MetaData = given.MetaData,
                Extensions = given.Extensions,
                RemoveExtensions = given.Extensions is null ? new List<string>() : current.Extensions.Keys.Where(name => !given.Extensions.ContainsKey(name)).ToList(),
                Clear = clear,
            };
        }

        /// <summary>The step that leaves the workplace as the row says, archived state included.</summary>
        public static SyncStep Step(Workplace found, WorkplacePatch patch, bool archived)
        {
            if (found.IsArchived == archived)
            {
                if (patch.IsEmpty)
                {
                    return new SyncStep(WorkplaceChangeAction.Unchanged, found, patch);
                }

                return archived
                    ? SyncStep.Failure(found, WorkplaceLabel.Of(found) + " is archived, and the row differs from it (" + ChangeText.Describe(patch.Changes) +
                                              "). An archived workplace cannot be changed: restore it (Restore-LifePosWorkplace), then run this again.")
                    : new SyncStep(WorkplaceChangeAction.Updated, found, patch);
            }

            return archived
                ? new SyncStep(WorkplaceChangeAction.Archived, found, patch) { Marked = true }
                : new SyncStep(WorkplaceChangeAction.Restored, found, patch);
        }
    }
}
