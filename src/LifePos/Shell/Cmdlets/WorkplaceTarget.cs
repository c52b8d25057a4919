using System;

namespace LifePos.Shell.Cmdlets
{
    /// <summary>One workplace a cmdlet acts on: its id, the object when it was piped in, and the error target.</summary>
    internal sealed class WorkplaceTarget
    {
        public WorkplaceTarget(Guid id, Workplace? current, object errorTarget)
        {
            Id = id;
            Current = current;
            ErrorTarget = errorTarget;
        }

        public Guid Id { get; }

        public Workplace? Current { get; }

        public object ErrorTarget { get; }

        public string Label => Current is null ? Domain.WorkplaceLabel.Of(Id, null) : Domain.WorkplaceLabel.Of(Current);
    }
}
