using System;
using System.Collections.Generic;
using LifePos.Core.Json;

namespace LifePos
{
    /// <summary>
    /// A JSON object as plain .NET values: navigable at the prompt (<c>$wp.Extensions.smart_pos.version</c>) and, as
    /// text, its compact JSON, so Export-Csv writes a cell that Import-Csv and the LifePos cmdlets read back.
    /// </summary>
    public sealed class JsonMap : Dictionary<string, object?>
    {
        public JsonMap()
            : base(StringComparer.Ordinal)
        {
        }

        public JsonMap(int capacity)
            : base(capacity, StringComparer.Ordinal)
        {
        }

        public override string ToString() => PlainJson.Serialize(this);
    }
}
