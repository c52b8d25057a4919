using System;

namespace LifePos.Domain
{
    /// <summary>
    /// A -Name parameter (wildcards allowed) as a server search plus a client filter: the server's <c>query</c>
    /// matches a superset (it also searches other fields), the filter narrows it to the name, ignoring case.
    /// </summary>
    internal sealed class NameFilter
    {
        private const int MaxServerQuery = 64;
        private readonly string? _exactName;
        private readonly Wildcard? _namePattern;

        public NameFilter(string? name)
        {
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

        /// <summary>True when a name was given (so the server's answer is narrowed on this side).</summary>
        public bool IsActive => _exactName != null || _namePattern != null;

        public bool Matches(string? name)
        {
            if (_exactName != null)
            {
                return string.Equals(name?.Trim(), _exactName.Trim(), StringComparison.OrdinalIgnoreCase);
            }

            return _namePattern is null || _namePattern.IsMatch(name);
        }
    }
}
