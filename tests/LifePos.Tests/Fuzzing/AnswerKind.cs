namespace LifePos.Tests.Fuzzing;

/// <summary>What a request to the API asks for, as far as the answer's shape goes.</summary>
internal enum AnswerKind
{
    SignIn,
    Activation,
    ActivationCode,
    OrganizationList,
    Workplace,
    WorkplaceList,
    Employee,
    EmployeeList,
    Outlet,
    OutletList,
    Unknown,
}
