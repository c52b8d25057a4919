using System.Threading.Tasks;

namespace LifePos.Emulator.Pipeline;

/// <summary>What a route does once its request passed the <see cref="RequestGate"/>: one call into the endpoints.</summary>
internal delegate ValueTask<ApiResult> RouteHandler(ApiEndpoints endpoints, IncomingRequest request);
