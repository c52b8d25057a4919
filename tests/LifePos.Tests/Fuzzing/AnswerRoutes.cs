namespace LifePos.Tests.Fuzzing;

/// <summary>Finds the answer kind of a request from its method and path, the way the API routes it.</summary>
internal static class AnswerRoutes
{
    public static AnswerKind Of(string method, string path)
    {
        var segments = path.Trim('/').Split('/');
        if (segments.Length > 0 && segments[0] == "v6")
        {
            segments = segments[1..];
        }

        if (segments.Length == 2 && segments[0] == "auth")
        {
            return segments[1] switch
            {
                "sign-in" or "sign-in-by-phone" => AnswerKind.SignIn,
                "activate-workplace" => AnswerKind.Activation,
                _ => AnswerKind.Unknown,
            };
        }

        if (segments.Length == 0 || segments[0] != "orgs")
        {
            return AnswerKind.Unknown;
        }

        if (segments.Length == 1)
        {
            return AnswerKind.OrganizationList;
        }

        var list = segments.Length == 3 && method == "GET";
        return segments.Length < 3 ? AnswerKind.Unknown : segments[2] switch
        {
            "me" => AnswerKind.Employee,
            "workplaces" when segments.Length == 4 && segments[3].EndsWith(":generate-activation-code", StringComparison.Ordinal) => AnswerKind.ActivationCode,
            "workplaces" => list ? AnswerKind.WorkplaceList : AnswerKind.Workplace,
            "employees" => list ? AnswerKind.EmployeeList : AnswerKind.Employee,
            "outlets" => list ? AnswerKind.OutletList : AnswerKind.Outlet,
            _ => AnswerKind.Unknown,
        };
    }
}
