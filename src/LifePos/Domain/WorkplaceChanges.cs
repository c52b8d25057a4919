using System;
using System.Collections.Generic;
using LifePos.Core.Json;

namespace LifePos.Domain
{
    /// <summary>A workplace row as plain values, as WorkplaceRowReader reads it for New, Set and Sync; null means "not given".</summary>
    internal sealed class WorkplaceChanges
    {
        public string? Name { get; set; }

        public WorkplaceType? WorkplaceType { get; set; }

        public string? Meta { get; set; }

        public bool MetaDataGiven { get; set; }

        public object? MetaData { get; set; }

        /// <summary>Extensions to add or replace, by name (the others stay as they are).</summary>
        public IDictionary<string, object?>? Extensions { get; set; }

        public IReadOnlyList<string> RemoveExtensions { get; set; } = Array.Empty<string>();

        /// <summary>Fields to empty: <c>Name</c>, <c>Meta</c>, <c>MetaData</c> or <c>Extensions</c> (every extension).</summary>
        public IReadOnlyCollection<string> Clear { get; set; } = Array.Empty<string>();

        /// <summary>True when nothing at all was given.</summary>
        public bool IsEmpty =>
            Name is null && WorkplaceType is null && Meta is null && !MetaDataGiven && Extensions is null && RemoveExtensions.Count == 0 && Clear.Count == 0;

        /// <summary>The request that creates a workplace with these values; a row that creates one has its type.</summary>
        public Core.WorkplaceCreateRequest ToCreateRequest() => new Core.WorkplaceCreateRequest
        {
            WorkplaceType = WorkplaceType ?? throw new InvalidOperationException("A workplace is created with a type; the row was read without one."),
            Name = Name,
            Meta = Meta,
            MetaData = MetaDataGiven ? MetaData : null,
            Extensions = Extensions,
        };

        /// <summary>
        /// These changes without the values a piped workplace bound for itself (its own Name, Meta, MetaData or
        /// Extensions) in the fields -Clear names: <c>$w | Set-LifePosWorkplace -Clear Meta</c> clears, and is not
        /// refused as "both given". A value that differs from the workplace's is still given, and still refused.
        /// </summary>
        public WorkplaceChanges WithoutValuesClearedFrom(Workplace piped)
        {
            bool Clears(string field) => WorkplacePatchBuilder.ContainsIgnoringCase(Clear, field);
            var result = (WorkplaceChanges)MemberwiseClone();
            if (Clears("Name") && string.Equals(Name, piped.Name, StringComparison.Ordinal))
            {
                result.Name = null;
            }

            if (Clears("Meta") && string.Equals(Meta, piped.Meta, StringComparison.Ordinal))
            {
                result.Meta = null;
            }

            if (Clears("MetaData") && MetaDataGiven && PlainJson.DeepEquals(MetaData, piped.MetaData))
            {
                result.MetaDataGiven = false;
                result.MetaData = null;
            }

            if (Clears("Extensions") && Extensions != null && PlainJson.DeepEquals(Extensions, piped.Extensions))
            {
                result.Extensions = null;
            }

            return result;
        }

        /// <summary>The names -Clear takes.</summary>
        public static readonly IReadOnlyList<string> ClearableFields = new[] { "Name", "Meta", "MetaData", "Extensions" };
    }
}
