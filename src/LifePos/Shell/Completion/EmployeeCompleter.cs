namespace LifePos.Shell.Completion
{
    /// <summary>
    /// Completes <c>-Employee</c>: employees seen recently, or the first page of the default connection's, whose name,
    /// phone or id starts with what was typed.
    /// </summary>
    public sealed class EmployeeCompleter : DirectoryItemCompleter<Employee>
    {
        public EmployeeCompleter()
            : base(
                CompletionSource.Employees,
                (word, employee) => word.MatchesName(employee.Name) || word.MatchesPhone(employee.Phone) || word.MatchesId(employee.Id),
                employee => employee.Name,
                employee => employee.Id,
                employee => employee.Name + " — " + (employee.Phone ?? "no phone") + " — " + employee.Role)
        {
        }
    }
}
