using System.Collections.Generic;

namespace LifePos.Shell.Completion
{
    /// <summary>Completes <c>-Clear</c>: the fields that can be emptied.</summary>
    public sealed class ClearableFieldCompleter : ValueListCompleter
    {
        protected override IEnumerable<string> Values => Domain.WorkplaceChanges.ClearableFields;
    }
}
