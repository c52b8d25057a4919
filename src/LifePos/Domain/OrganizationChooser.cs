using System;
using System.Collections.Generic;
using System.Linq;

namespace LifePos.Domain
{
    /// <summary>Which organization a connection works in: the one asked for, or the only one the account reaches.</summary>
    internal static class OrganizationChooser
    {
        /// <summary>
        /// The organization to use, or null when <paramref name="requested"/> is not listed (not every account lists
        /// every organization it may use: the caller checks it). Throws when the choice is not the caller's to guess.
        /// </summary>
        public static Organization? Choose(IReadOnlyList<Organization> organizations, Guid requested)
        {
            if (requested != Guid.Empty)
            {
                return organizations.FirstOrDefault(organization => organization.Id == requested);
            }

            if (organizations.Count == 1)
            {
                return organizations[0];
            }

            throw new InvalidInputException(organizations.Count == 0
                ? "This account reaches no LIFE POS organization. Check the account's role, or pass -OrganizationId."
                : "This account reaches " + organizations.Count + " organizations; choose one with -OrganizationId:" + List(organizations));
        }

        /// <summary>One line per organization: its id and name.</summary>
        public static string List(IEnumerable<Organization> organizations) =>
            string.Concat(organizations.Select(organization => Environment.NewLine + "  " + organization.Id.ToString("D") +
                                                               (string.IsNullOrEmpty(organization.Name) ? string.Empty : "  " + organization.Name)));
    }
}
