namespace LifePos.Domain
{
    /// <summary>
    /// A -Name parameter (wildcards allowed) or -LiteralName (taken as written) as a server search plus a client filter:
    /// the server's <c>query</c> matches a superset (it also searches other fields), the filter narrows it to the name,
    /// ignoring case and composed as <see cref="NameText"/> compares names.
    /// </summary>
    internal sealed class NameFilter
    {
        private const int MaxServerQuery = 64;
        private readonly string? _given;
        private readonly string? _exactName;
        private readonly Wildcard? _namePattern;

        /// <param name="literal">-LiteralName: no character of the name is a wildcard.</param>
        public NameFilter(string? name, bool literal = false)
        {
            if (name is null)
            {
                return;
            }

            _given = name;
            var composed = NameText.Compose(name);
            string plain;
            if (!literal && Wildcard.HasWildcards(composed))
            {
                _namePattern = new Wildcard(composed);
                plain = Wildcard.LongestLiteral(composed);
                ReadAsBrackets = Wildcard.HasBracketSet(composed);
            }
            else
            {
                _exactName = literal ? composed : Wildcard.Unescape(composed);
                plain = _exactName;
            }

            // The server may keep a name decomposed and compare code points: search only what reads the same either way.
            var searchable = NameText.Searchable(plain);
            if (searchable.Trim().Length > 0)
            {
                ServerQuery = searchable.Length > MaxServerQuery ? searchable.Substring(0, MaxServerQuery) : searchable;
            }
        }

        /// <summary>What to send as <c>query</c>; null when the name has no plain text to search for.</summary>
        public string? ServerQuery { get; }

        /// <summary>True when a name was given (so the server's answer is narrowed on this side).</summary>
        public bool IsActive => _exactName != null || _namePattern != null;

        /// <summary>True when -Name holds a <c>[...]</c> set, which an admin may have meant as part of the name.</summary>
        public bool ReadAsBrackets { get; }

        public bool Matches(string? name)
        {
            if (_exactName != null)
            {
                return NameText.Same(name, _exactName);
            }

            return _namePattern is null || _namePattern.IsMatch(NameText.Compose(name));
        }

        /// <summary>
        /// When a -Name with a <c>[...]</c> set matched nothing: the warning that says the brackets were a wildcard and
        /// how to ask for the name as written; otherwise null.
        /// </summary>
        public string? NothingMatchedWarning(string noun)
        {
            if (!ReadAsBrackets || _given is null)
            {
                return null;
            }

            var escaped = "-Name '" + EscapeBrackets(_given).Replace("'", "''") + "'";
            var literal = _given.IndexOf('*') < 0 && _given.IndexOf('?') < 0 && _given.IndexOf('`') < 0
                ? "use -LiteralName '" + _given.Replace("'", "''") + "', or escape the brackets: " + escaped
                : "escape the brackets: " + escaped;
            return "No " + noun + " matched -Name '" + _given + "': -Name is a wildcard pattern, and [ ] in it match one of the characters " +
                   "between them, not the brackets. For the brackets as written, " + literal + ".";
        }

        /// <summary>Each unescaped bracket escaped, other wildcards left as they are ('Касса [1]*' → 'Касса `[1`]*').</summary>
        private static string EscapeBrackets(string pattern)
        {
            var escaped = new System.Text.StringBuilder(pattern.Length + 4);
            for (var index = 0; index < pattern.Length; index++)
            {
                if (pattern[index] == '`' && index + 1 < pattern.Length)
                {
                    escaped.Append(pattern[index]).Append(pattern[++index]);
                    continue;
                }

                if (pattern[index] == '[' || pattern[index] == ']')
                {
                    escaped.Append('`');
                }

                escaped.Append(pattern[index]);
            }

            return escaped.ToString();
        }
    }
}
