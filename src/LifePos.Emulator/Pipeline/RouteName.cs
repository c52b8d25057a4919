namespace LifePos.Emulator.Pipeline;

/// <summary>
/// The API routes' names, in the order of the route table. Stats and next_endpoint call a route by its key, the name in
/// kebab case (<see cref="GenerateActivationCode"/> is generate-activation-code; see <see cref="ApiRoute.Key"/>).
/// </summary>
internal enum RouteName
{
    Orgs,
    SignIn,
    SignInByPhone,
    List,
    Create,
    Get,
    Update,
    Archive,
    Unarchive,
    Deactivate,
    GenerateActivationCode,
    Activate,
    Employees,
    Employee,
    CreateEmployee,
    Me,
    Outlets,
    Outlet,
}
