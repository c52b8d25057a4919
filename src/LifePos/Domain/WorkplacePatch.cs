using System.Collections.Generic;

namespace LifePos.Domain
{
    /// <summary>The JSON Patch for an update and the field changes it stands for.</summary>
    internal sealed class WorkplacePatch
    {
        public List<Core.JsonPatchOperation> Operations { get; } = new List<Core.JsonPatchOperation>();

        public FieldChangeList Changes { get; } = new FieldChangeList();

        public bool IsEmpty => Operations.Count == 0;

        /// <summary>
        /// Removes a member whether or not it is there (an <c>add</c> of null, then the <c>remove</c>): a PATCH retried
        /// after an answer that never came, when the first one was carried out, does not fail on a member already gone.
        /// </summary>
        public void AddRemoval(string path)
        {
            Operations.Add(Core.JsonPatchOperation.Add(path, null));
            Operations.Add(Core.JsonPatchOperation.Remove(path));
        }
    }
}
