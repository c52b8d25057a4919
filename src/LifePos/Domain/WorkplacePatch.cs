using System.Collections.Generic;

namespace LifePos.Domain
{
    /// <summary>The JSON Patch for an update and the field changes it stands for.</summary>
    internal sealed class WorkplacePatch
    {
        public List<Core.JsonPatchOperation> Operations { get; } = new List<Core.JsonPatchOperation>();

        public FieldChangeList Changes { get; } = new FieldChangeList();

        public bool IsEmpty => Operations.Count == 0;
    }
}
