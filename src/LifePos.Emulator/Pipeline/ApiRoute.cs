using System;
using System.Collections.Generic;
using System.Text;

namespace LifePos.Emulator.Pipeline;

/// <summary>
/// One row of the route table: the method and path template, the route's name, whether it takes a token and changes
/// state, which roles may call it, and its handler.
/// </summary>
internal sealed record ApiRoute(
    string Method,
    string Template,
    RouteName Name,
    bool NeedsToken,
    bool ChangesState,
    IReadOnlyList<Role> Callers,
    RouteHandler Handler)
{
    private const string OrganizationPart = "{org}";
    private const string IdPart = "{id}";

    private readonly string[] _parts = Template.Split('/');

    /// <summary>The route's name in stats and in next_endpoint: <see cref="Name"/> in kebab case.</summary>
    public string Key { get; } = KebabCase(Name.ToString());

    /// <summary>
    /// Whether a path's segments fit the template: a literal matches itself; {org} and {id} take a whole segment;
    /// {id}:action takes a segment whose text after its first colon is the action. Where the collection has actions
    /// (<paramref name="colonStartsAction"/>), an {id} holds no colon.
    /// </summary>
    public bool Fits(string[] segments, bool colonStartsAction, out string? organization, out string? id)
    {
        organization = null;
        id = null;
        if (segments.Length != _parts.Length) return false;
        for (var i = 0; i < _parts.Length; i++)
        {
            var part = _parts[i];
            var segment = segments[i];
            if (part == OrganizationPart)
            {
                organization = segment;
            }
            else if (part == IdPart)
            {
                if (colonStartsAction && segment.Contains(':', StringComparison.Ordinal)) return false;
                id = segment;
            }
            else if (part.StartsWith(IdPart + ":", StringComparison.Ordinal))
            {
                var colon = segment.IndexOf(':', StringComparison.Ordinal);
                if (colon < 0 || !segment.AsSpan(colon + 1).SequenceEqual(part.AsSpan(IdPart.Length + 1))) return false;
                id = segment[..colon];
            }
            else if (part != segment)
            {
                return false;
            }
        }
        return true;
    }

    private static string KebabCase(string pascalCase)
    {
        var text = new StringBuilder(pascalCase.Length + 4);
        foreach (var c in pascalCase)
        {
            if (char.IsAsciiLetterUpper(c) && text.Length > 0) text.Append('-');
            text.Append(char.ToLowerInvariant(c));
        }
        return text.ToString();
    }
}
