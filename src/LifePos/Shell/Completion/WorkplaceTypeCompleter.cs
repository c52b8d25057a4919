using System;
using System.Collections.Generic;

namespace LifePos.Shell.Completion
{
    /// <summary>Completes <c>-WorkplaceType</c>: Unknown, Mobile, Stationary, Automat.</summary>
    public sealed class WorkplaceTypeCompleter : ValueListCompleter
    {
        protected override IEnumerable<string> Values => Enum.GetNames(typeof(WorkplaceType));
    }
}
