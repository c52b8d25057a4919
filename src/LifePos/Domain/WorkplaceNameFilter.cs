using System;

namespace LifePos.Domain
{
    /// <summary>
    /// Get-LifePosWorkplace's -Name (wildcards allowed) and -WorkplaceType as a server search plus a client filter:
    /// the server's <c>query</c> matches a superset (it also searches the number and meta), the filter narrows it.
    /// </summary>
    internal sealed class WorkplaceNameFilter
    {
        private const int MaxServerQuery = 64;
        private readonly string? _exactName;
        private readonly Wildcard? _namePattern;
        private readonly WorkplaceType[]? _types;

        public WorkplaceNameFilter(string? name, WorkplaceType[]? types)
        {
            _types = types is { Length: > 0 } ? types : null;
            if (name is null)
            {
                return;
            }

            string literal;
            if (Wildcard.HasWildcards(name))
            {
                _namePattern = new Wildcard(name);
                literal = Wildcard.LongestLiteral(name);
            }
            else
            {
                _exactName = Wildcard.Unescape(name);
                literal = _exactName;
            }

            if (literal.Trim().Length > 0)
            {
                ServerQuery = literal.Length > MaxServerQuery ? literal.Substring(0, MaxServerQuery) : literal;
            }
        }

        /// <summary>What to send as <c>query</c>; null when the name has no plain text to search for.</summary>
        public string? ServerQuery { get; }

        /// <summary>True when some items the server sends may be left out (so its count is only an upper bound).</summary>
        public bool IsClientSide => _exactName != null || _namePattern != null || _types != null;

        public bool Matches(Workplace workplace)
        {
            if (_types != null && Array.IndexOf(_types, workplace.WorkplaceType) < 0)
            {
                return false;
            }

            if (_exactName != null)
            {
                return string.Equals(workplace.Name, _exactName, StringComparison.OrdinalIgnoreCase);
            }

            return _namePattern is null || _namePattern.IsMatch(workplace.Name);
        }
    }
}
