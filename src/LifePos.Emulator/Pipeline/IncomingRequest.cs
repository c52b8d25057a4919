using Microsoft.AspNetCore.Http;

namespace LifePos.Emulator.Pipeline;

/// <summary>The request as the handlers see it, after the <see cref="RequestGate"/> admitted it.</summary>
internal sealed record IncomingRequest(HttpContext Http, RouteMatch Route, TokenInfo? Token, EmulatedOrganization? Organization, AnswerStyle Style)
{
    /// <summary>How much of an item this request sees (the presentation and extensions choices).</summary>
    public ItemView View { get; } = ItemView.Of(Http, Style, Route.Row.Name is RouteName.List or RouteName.Employees or RouteName.Outlets);
}
