using System;

namespace LifePos.Domain
{
    /// <summary>Get-LifePosWorkplace's -Name or -LiteralName (see <see cref="NameFilter"/>) and -WorkplaceType.</summary>
    internal sealed class WorkplaceNameFilter
    {
        private readonly NameFilter _name;
        private readonly WorkplaceType[]? _types;

        public WorkplaceNameFilter(string? name, WorkplaceType[]? types, bool literal = false)
        {
            _name = new NameFilter(name, literal);
            _types = types is { Length: > 0 } ? types : null;
        }

        /// <summary>What to send as <c>query</c>; null when the name has no plain text to search for.</summary>
        public string? ServerQuery => _name.ServerQuery;

        /// <summary>True when some items the server sends may be left out (so its count is only an upper bound).</summary>
        public bool IsClientSide => _name.IsActive || _types != null;

        /// <summary>See <see cref="NameFilter.NothingMatchedWarning"/>.</summary>
        public string? NothingMatchedWarning() => _name.NothingMatchedWarning("workplace");

        public bool Matches(Workplace workplace) =>
            (_types is null || Array.IndexOf(_types, workplace.WorkplaceType) >= 0) && _name.Matches(workplace.Name);
    }
}
