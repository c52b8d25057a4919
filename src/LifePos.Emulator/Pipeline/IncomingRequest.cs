using Microsoft.AspNetCore.Http;
using LifePos.Emulator.Answers;
using LifePos.Emulator.State;

namespace LifePos.Emulator.Pipeline;

/// <summary>The request as the handlers see it, after headers, token, rate limit and organization were checked.</summary>
internal sealed record IncomingRequest(HttpContext Http, ApiRoute Route, TokenInfo? Token, EmulatedOrganization? Organization, AnswerStyle Style);
