using System;
using System.Collections.Generic;
using LifePos.Core.Json;

namespace LifePos.Domain
{
    /// <summary>
    /// Builds the patch for what was given against the workplace as it is now (when known): values equal to the
    /// current ones are not sent again, and extensions merge by name (<c>add</c> sets a member whether or not it
    /// exists, so the other extensions stay untouched); an extension given as null, or named in RemoveExtensions, is
    /// removed; fields named in Clear are emptied.
    /// </summary>
    internal static class WorkplacePatchBuilder
    {
        /// <summary>Checks what was given before anything is read or sent: lengths, -Clear names, a field both set and cleared.</summary>
        public static void Validate(WorkplaceChanges given)
        {
            RowValidation.CheckLength(given.Name, RowValidation.MaxNameLength, "the name");
            RowValidation.CheckLength(given.Meta, RowValidation.MaxMetaLength, "-Meta");
            var clear = new HashSet<string>(given.Clear, StringComparer.OrdinalIgnoreCase);
            foreach (var field in clear)
            {
                if (!ContainsIgnoringCase(WorkplaceChanges.ClearableFields, field))
                {
                    throw new InvalidInputException("-Clear '" + field + "' is not a field that can be emptied. Use " + string.Join(", ", WorkplaceChanges.ClearableFields) + ".");
                }
            }

            CheckNotBoth(clear, "Name", given.Name != null);
            CheckNotBoth(clear, "Meta", given.Meta != null);
            CheckNotBoth(clear, "MetaData", given.MetaDataGiven);
            CheckNotBoth(clear, "Extensions", given.Extensions != null);
        }

        /// <param name="current">The workplace as it is (piped in), or null when only its id is known.</param>
        /// <param name="given">The values and the -Clear names asked for.</param>
        public static WorkplacePatch Build(Workplace? current, WorkplaceChanges given)
        {
            Validate(given);
            var clear = new HashSet<string>(given.Clear, StringComparer.OrdinalIgnoreCase);
            var patch = new WorkplacePatch();
            if (clear.Contains("Name") && !(current != null && current.Name is null))
            {
                Replace(patch, "/name", "Name", current?.Name, null);
            }

            if (clear.Contains("Meta") && !(current != null && string.IsNullOrEmpty(current.Meta)))
            {
                Replace(patch, "/meta", "Meta", current?.Meta, null);
            }

            if (clear.Contains("MetaData") && !(current != null && current.MetaData is null))
            {
                Replace(patch, "/meta_data", "MetaData", current?.MetaData, null);
            }

            if (clear.Contains("Extensions") && !(current != null && current.Extensions.Count == 0))
            {
                Replace(patch, "/extensions", "Extensions", current?.Extensions, new Dictionary<string, object?>());
            }

            // A name composed differently (NFC "Café" for an NFD one) is the same text on screen: no rename; case is a rename.
            if (given.Name != null && !(current?.Name != null && string.Equals(NameText.Compose(current.Name), NameText.Compose(given.Name), StringComparison.Ordinal)))
            {
                Replace(patch, "/name", "Name", current?.Name, given.Name);
            }

            if (given.WorkplaceType is { } type && (current is null || current.WorkplaceType != type))
            {
                Replace(patch, "/workplace_type", "WorkplaceType", current?.WorkplaceType.ToString(), type.ToString());
            }

            if (given.Meta != null && !(current != null && string.Equals(current.Meta, given.Meta, StringComparison.Ordinal)))
            {
                Replace(patch, "/meta", "Meta", current?.Meta, given.Meta);
            }

            if (given.MetaDataGiven && !(current != null && PlainJson.DeepEquals(current.MetaData, given.MetaData)))
            {
                Replace(patch, "/meta_data", "MetaData", current?.MetaData, given.MetaData);
            }

            var remove = new List<string>(given.RemoveExtensions);
            foreach (var extension in given.Extensions ?? new Dictionary<string, object?>())
            {
                if (extension.Value is null)
                {
                    remove.Add(extension.Key);
                    continue;
                }

                object? old = null;
                if (current != null && current.Extensions.TryGetValue(extension.Key, out old) && PlainJson.DeepEquals(old, extension.Value))
                {
                    continue;
                }

                patch.Operations.Add(Core.JsonPatchOperation.Add("/extensions/" + Core.JsonPatchOperation.EscapeSegment(extension.Key), extension.Value));
                patch.Changes.Add(new FieldChange("Extensions." + extension.Key, old, extension.Value));
            }

            foreach (var name in remove)
            {
                object? old = null;
                if (current != null && !current.Extensions.TryGetValue(name, out old))
                {
                    continue;
                }

                patch.AddRemoval("/extensions/" + Core.JsonPatchOperation.EscapeSegment(name));
                patch.Changes.Add(new FieldChange("Extensions." + name, old, null));
            }

            if (patch.IsEmpty && current is null)
            {
                throw new InvalidInputException("nothing to change. Give -Name, -WorkplaceType, -Meta, -MetaData, -Extension, -RemoveExtension or -Clear.");
            }

            return patch;
        }

        private static void CheckNotBoth(HashSet<string> clear, string field, bool given)
        {
            if (given && clear.Contains(field))
            {
                throw new InvalidInputException("-" + field + " and -Clear " + field + " were both given: set the field, or empty it, not both.");
            }
        }

        internal static bool ContainsIgnoringCase(IEnumerable<string> names, string name)
        {
            foreach (var candidate in names)
            {
                if (string.Equals(candidate, name, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        private static void Replace(WorkplacePatch patch, string path, string field, object? oldValue, object? newValue)
        {
            patch.Operations.Add(Core.JsonPatchOperation.Replace(path, newValue));
            patch.Changes.Add(new FieldChange(field, oldValue, newValue));
        }
    }
}
