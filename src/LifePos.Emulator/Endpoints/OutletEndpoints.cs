using System;

namespace LifePos.Emulator.Endpoints;

/// <summary>Outlets: get one (published) and the list (a documented guess: the route follows the pattern).</summary>
internal sealed class OutletEndpoints(ListEndpoint lists)
{
    public static readonly ListResource Resource = ListResource.Of(ListKind.Outlets, "OutletList");

    public ApiResult List(IncomingRequest request) => lists.List(request, Resource, request.Organization!.Outlets);

    public static ApiResult Get(IncomingRequest request)
    {
        var organization = request.Organization!;
        var id = Guid.TryParse(request.Route.Id, out var guid) ? guid : throw ApiException.NotFound($"Outlet {request.Route.Id} was not found.");
        OutletItem? outlet;
        lock (organization.Lock) outlet = organization.Outlets.Find(id);
        return ApiResult.Item(outlet ?? throw ApiException.NotFound($"Outlet {id} was not found."), request);
    }
}
