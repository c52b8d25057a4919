using System;
using System.Security;

namespace LifePos
{
    /// <summary>The result of activating a workplace with an activation code.</summary>
    public sealed class WorkplaceActivation
    {
        internal WorkplaceActivation(Guid workplaceId, Guid organizationId, Guid? outletId, Guid? employeeId, SecureString? token)
        {
            WorkplaceId = workplaceId;
            OrganizationId = organizationId;
            OutletId = outletId;
            EmployeeId = employeeId;
            if (token != null && !token.IsReadOnly())
            {
                token.MakeReadOnly();
            }

            Token = token;
            Note = token is null
                ? "LIFE POS activated the workplace and sent no workplace token with its answer (the v6 API's answer has none); there is nothing to keep."
                : null;
        }

        public Guid WorkplaceId { get; }

        public Guid OrganizationId { get; }

        public Guid? OutletId { get; }

        public Guid? EmployeeId { get; }

        /// <summary>
        /// The workplace token; a read-only <see cref="SecureString"/>, never shown by <see cref="ToString"/>. Null when the
        /// service's answer carried none (see <see cref="Note"/>).
        /// </summary>
        public SecureString? Token { get; }

        /// <summary>Why <see cref="Token"/> is null; null when there is a token.</summary>
        public string? Note { get; }

        public override string ToString() => "Workplace " + WorkplaceId.ToString("D") + " activated";
    }
}
