using System;

namespace LifePos
{
    /// <summary>A one-time code an employee enters in the LIFE POS app to activate a workplace.</summary>
    public sealed class ActivationCode
    {
        public Guid WorkplaceId { get; internal set; }

        public int? WorkplaceNumber { get; internal set; }

        public string? WorkplaceName { get; internal set; }

        public string Code { get; internal set; } = string.Empty;

        public Guid EmployeeId { get; internal set; }

        public string? EmployeeName { get; internal set; }

        /// <summary>The phone the SMS went to; null without -SendSms.</summary>
        public string? Phone { get; internal set; }

        public Guid? OutletId { get; internal set; }

        public bool SmsRequested { get; internal set; }

        public override string ToString() => Code;
    }
}
