using System;
using System.Security;

namespace LifePos
{
    /// <summary>The result of activating a workplace with an activation code.</summary>
    public sealed class WorkplaceActivation
    {
        internal WorkplaceActivation(Guid workplaceId, Guid organizationId, Guid? outletId, Guid? employeeId, SecureString token)
        {
            WorkplaceId = workplaceId;
            OrganizationId = organizationId;
            OutletId = outletId;
            EmployeeId = employeeId;
            if (!token.IsReadOnly())
            {
                token.MakeReadOnly();
            }

            Token = token;
        }

        public Guid WorkplaceId { get; }

        public Guid OrganizationId { get; }

        public Guid? OutletId { get; }

        public Guid? EmployeeId { get; }

        /// <summary>The workplace token; a read-only <see cref="SecureString"/>, never shown by <see cref="ToString"/>.</summary>
        public SecureString Token { get; }

        public override string ToString() => "Workplace " + WorkplaceId.ToString("D") + " activated";
    }
}
