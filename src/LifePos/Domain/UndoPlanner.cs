using System;
using System.Collections.Generic;
using System.Linq;
using LifePos.Core;
using LifePos.Core.Json;

namespace LifePos.Domain
{
    /// <summary>
    /// Undo-LifePosChange's decisions, pure: what undoing one journal entry takes against the workplace as it is now.
    /// An update's old values go back only while the workplace still holds the entry's new values (else a conflict,
    /// unless forced); a create is archived, an archive restored, a restore archived; a deactivation cannot be undone.
    /// An entry whose outcome is unknown is undone when the workplace shows it happened, and needs nothing when it shows
    /// it did not.
    /// </summary>
    internal static class UndoPlanner
    {
        /// <summary>What the plan says before anything is read: <c>Meta: 'wrong' → 'hall'</c>, new values back to old.</summary>
        public static string Describe(JournalEntry entry)
        {
            var fields = entry.Changes.Count == 0 ? string.Empty : ChangeText.Describe(entry.Changes.Select(change => new FieldChange(change.Field, change.NewValue, change.OldValue)));
            return entry.Operation switch
            {
                "create" => "Undo create: archive it",
                "archive" => "Undo archive: restore it" + (fields.Length == 0 ? string.Empty : ", then " + fields),
                "restore" => "Undo restore: " + (fields.Length == 0 ? string.Empty : fields + ", then ") + "archive it",
                _ => "Undo update: " + fields,
            };
        }

        /// <summary>Refuses what no request can undo: a deactivation (and the activation-code operations); null when it can be.</summary>
        public static UndoRefusedException? CannotUndo(JournalEntry entry)
        {
            var label = Label(entry);
            switch (entry.Operation)
            {
                case "deactivate":
                    return new UndoRefusedException(
                        UndoRefusedException.Cannot,
                        label + " was deactivated; that cannot be undone: the device needs a new activation code (New-LifePosActivationCode, then Enable-LifePosWorkplace on the device).");
                case "create" when entry.WorkplaceId is null:
                    return new UndoRefusedException(
                        UndoRefusedException.Cannot,
                        "The create of '" + entry.Name + "' has no workplace id in the journal (its outcome is " + entry.Outcome + "): look for it with Get-LifePosWorkplace -Name, and archive it with Remove-LifePosWorkplace if it exists.");
                case "create":
                case "update":
                case "archive":
                case "restore":
                    return null;
                default:
                    return new UndoRefusedException(UndoRefusedException.Cannot, label + ": '" + entry.Operation + "' cannot be undone; nothing was sent for it.");
            }
        }

        public static UndoStep Plan(JournalEntry entry, Workplace current, bool force)
        {
            var label = WorkplaceLabel.Of(current);
            switch (entry.Operation)
            {
                case "create":
                    return current.IsArchived ? UndoStep.Nothing(label + " is archived already.") : new UndoStep("archive", new WorkplacePatch(), archive: true);
                case "archive":
                    if (!current.IsArchived && entry.Changes.Count == 0)
                    {
                        return UndoStep.Nothing(label + " is not archived (any more).");
                    }

                    return new UndoStep(current.IsArchived ? "restore" : "update", PatchBack(entry, current, force), restore: current.IsArchived);
                case "restore":
                    if (current.IsArchived)
                    {
                        return UndoStep.Nothing(label + " is archived already.");
                    }

                    return new UndoStep("archive", PatchBack(entry, current, force), archive: true);
                default:
                    if (current.IsArchived)
                    {
                        throw new UndoRefusedException(UndoRefusedException.Conflict, label + " has been archived since; restore it first (Restore-LifePosWorkplace), then undo again.");
                    }

                    var patch = PatchBack(entry, current, force);
                    return patch.IsEmpty ? UndoStep.Nothing(label + " already holds the old values.") : new UndoStep("update", patch);
            }
        }

        /// <summary>The entry's old values, where the workplace holds the new ones; a conflict names every field that holds neither.</summary>
        private static WorkplacePatch PatchBack(JournalEntry entry, Workplace current, bool force)
        {
            var patch = new WorkplacePatch();
            var conflicts = new List<string>();
            foreach (var change in entry.Changes)
            {
                var now = ValueOf(current, change.Field);
                if (Same(now, change.OldValue) && !Same(now, change.NewValue))
                {
                    continue;
                }

                if (!Same(now, change.NewValue) && !force)
                {
                    conflicts.Add(change.Field + " is " + ChangeText.Value(now) + ", the journal's new value is " + ChangeText.Value(change.NewValue));
                    continue;
                }

                Add(patch, change.Field, now, change.OldValue);
            }

            if (conflicts.Count > 0)
            {
                throw new UndoRefusedException(
                    UndoRefusedException.Conflict,
                    WorkplaceLabel.Of(current) + " changed since run " + entry.RunId + ": " + string.Join("; ", conflicts) +
                    ". Nothing was sent for it; -Force puts the old values back anyway.");
            }

            return patch;
        }

        /// <summary>A field's value now, as the journal writes it: text for the type, <c>{}</c> for no extensions.</summary>
        internal static object? ValueOf(Workplace workplace, string field)
        {
            const string Extension = "Extensions.";
            if (field.StartsWith(Extension, StringComparison.Ordinal))
            {
                return workplace.Extensions.TryGetValue(field.Substring(Extension.Length), out var value) ? value : null;
            }

            return field switch
            {
                "Name" => workplace.Name,
                "Meta" => string.IsNullOrEmpty(workplace.Meta) ? null : workplace.Meta,
                "MetaData" => workplace.MetaData,
                "WorkplaceType" => workplace.WorkplaceType.ToString(),
                "Extensions" => workplace.Extensions,
                _ => throw new UndoRefusedException(UndoRefusedException.Cannot, "The journal names a field this module does not know: '" + field + "'."),
            };
        }

        private static void Add(WorkplacePatch patch, string field, object? now, object? old)
        {
            const string Extension = "Extensions.";
            if (field.StartsWith(Extension, StringComparison.Ordinal))
            {
                var path = "/extensions/" + JsonPatchOperation.EscapeSegment(field.Substring(Extension.Length));
                if (old is null)
                {
                    patch.AddRemoval(path);
                }
                else
                {
                    patch.Operations.Add(JsonPatchOperation.Add(path, old));
                }
            }
            else
            {
                var path = field switch
                {
                    "Name" => "/name",
                    "Meta" => "/meta",
                    "MetaData" => "/meta_data",
                    "WorkplaceType" => "/workplace_type",
                    _ => "/extensions",
                };
                patch.Operations.Add(JsonPatchOperation.Replace(path, field == "Extensions" ? old ?? new Dictionary<string, object?>() : old));
            }

            patch.Changes.Add(new FieldChange(field, now, old));
        }

        private static bool Same(object? left, object? right) =>
            PlainJson.DeepEquals(Empty(left), Empty(right));

        /// <summary>No value, an empty text and no extensions are the same "empty".</summary>
        private static object? Empty(object? value) => value switch
        {
            string { Length: 0 } => null,
            IDictionary<string, object?> { Count: 0 } => null,
            _ => value,
        };

        private static string Label(JournalEntry entry) =>
            entry.WorkplaceId is { } id ? WorkplaceLabel.Of(id, entry.Name) : "Workplace '" + entry.Name + "'";
    }
}
