using LifePos.Core;

namespace LifePos.Tests.Fuzzing;

/// <summary>
/// One public call of <see cref="LifePosClient"/> as the fuzzer makes it: what it sends (for the message check) and how
/// to run it to the end. <paramref name="Login"/> set: the client signs in with it instead of holding a token.
/// </summary>
internal sealed record FuzzOperation(
    string Name, string Method, string Path, bool MayAnswerNothing, Func<LifePosClient, RequestContext, Task<object?>> RunAsync, string? Login = null)
{
    /// <summary>What every error message of this call must name, e.g. <c>GET /orgs/{org}/workplaces</c>.</summary>
    public string Request => Method + " " + Path;
}
