using System.Collections.Generic;
using LifePos.Core.Json;

namespace LifePos
{
    /// <summary>A JSON array as plain .NET values; as text, its compact JSON.</summary>
    public sealed class JsonList : List<object?>
    {
        public JsonList()
        {
        }

        public JsonList(int capacity)
            : base(capacity)
        {
        }

        public override string ToString() => PlainJson.Serialize(this);
    }
}
