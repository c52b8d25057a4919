using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace LifePos.Domain
{
    /// <summary>
    /// Turns what an admin wrote (a number, a name, a phone) into the one workplace, employee or outlet it names, from
    /// lists read once; none or several is an error for that row, never a guess.
    /// </summary>
    internal static class ReferenceResolver
    {
        public static Workplace? Resolve(WorkplaceReference reference, Func<IReadOnlyList<Workplace>> alive)
        {
            if (reference.Workplace != null || reference.Id != null)
            {
                return reference.Workplace;
            }

            return reference.Number is { } number
                ? Single(alive(), item => item.Number == number, "workplace number " + number.ToString(CultureInfo.InvariantCulture), Describe, WorkplaceLookup)
                : Single(alive(), item => Same(item.Name, reference.Name), "workplace named '" + reference.Name + "'", Describe, WorkplaceLookup);
        }

        public static Employee? Resolve(EmployeeReference reference, Func<IReadOnlyList<Employee>> employees)
        {
            if (reference.Employee != null || reference.Id != null)
            {
                return reference.Employee;
            }

            return reference.Phone is { } phone
                ? Single(employees(), item => PhoneNumber.Same(item.Phone, phone), "employee with the phone " + phone, Describe, EmployeeLookup)
                : Single(employees(), item => Same(item.Name, reference.Name), "employee named '" + reference.Name + "'", Describe, EmployeeLookup);
        }

        public static Outlet? Resolve(OutletReference reference, Func<IReadOnlyList<Outlet>> outlets) =>
            reference.Outlet != null || reference.Id != null
                ? reference.Outlet
                : Single(outlets(), item => Same(item.Name, reference.Name), "outlet named '" + reference.Name + "'", item => "'" + item.Name + "' (" + item.Id.ToString("D") + ")",
                    "Get-LifePosOutlet lists the outlets");

        private const string WorkplaceLookup = "Get-LifePosWorkplace lists the alive workplaces (-Name 'Касса*', -Number 17)";

        private const string EmployeeLookup = "Get-LifePosEmployee lists the employees (-Name 'Иван*', -Phone '+7 900 123-45-67')";

        private static T Single<T>(IEnumerable<T> items, Func<T, bool> matches, string what, Func<T, string> describe, string lookup)
        {
            var found = items.Where(matches).Take(6).ToList();
            if (found.Count == 0)
            {
                throw new InvalidInputException("there is no " + what + ". Check the value, or give the id; " + lookup + ".");
            }

            if (found.Count > 1)
            {
                throw new InvalidInputException(
                    "more than one " + what + " (" + string.Join(", ", found.Take(5).Select(describe)) + (found.Count > 5 ? ", …" : string.Empty) +
                    "): give the id instead.");
            }

            return found[0];
        }

        private static bool Same(string? left, string? right) => NameText.Same(left, right);

        private static string Describe(Workplace workplace) => "#" + workplace.Number.ToString(CultureInfo.InvariantCulture) + " '" + workplace.Name + "'";

        private static string Describe(Employee employee) => "'" + employee.Name + "' " + (employee.Phone ?? "(no phone)") + " (" + employee.Id.ToString("D") + ")";
    }
}
