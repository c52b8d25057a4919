namespace LifePos.Emulator.Endpoints;

/// <summary>One emulator's endpoint handlers, by resource, over its state; the route table's handlers call into them.</summary>
internal sealed class ApiEndpoints
{
    public ApiEndpoints(EmulatorState state)
    {
        var lists = new ListEndpoint(state);
        Auth = new AuthEndpoints(state);
        Workplaces = new WorkplaceEndpoints(state, lists);
        Employees = new EmployeeEndpoints(state, lists);
        Outlets = new OutletEndpoints(lists);
    }

    public AuthEndpoints Auth { get; }
    public WorkplaceEndpoints Workplaces { get; }
    public EmployeeEndpoints Employees { get; }
    public OutletEndpoints Outlets { get; }
}
