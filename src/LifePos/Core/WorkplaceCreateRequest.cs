using System.Collections.Generic;

namespace LifePos.Core
{
    /// <summary>
    /// A new workplace. <see cref="Extensions"/> and <see cref="MetaData"/> take plain .NET values: dictionaries
    /// (any <see cref="System.Collections.IDictionary"/>), lists, strings, numbers, booleans, Guid, dates, null or a
    /// <see cref="System.Text.Json.JsonElement"/>. PowerShell wrappers (PSObject) must be unwrapped by the caller.
    /// </summary>
    public sealed class WorkplaceCreateRequest
    {
        public WorkplaceType WorkplaceType { get; set; } = WorkplaceType.Stationary;

        public string? Name { get; set; }

        public IDictionary<string, object?>? Extensions { get; set; }

        public string? Meta { get; set; }

        public object? MetaData { get; set; }
    }
}
