using System;
using System.Globalization;

namespace LifePos
{
    /// <summary>
    /// A point in time from LIFE POS. It compares, sorts and converts like a DateTimeOffset
    /// (<c>$wp.CreatedAt -gt (Get-Date).AddDays(-1)</c>), and its text is ISO 8601 in round-trip form
    /// (<c>2026-11-29T18:00:00.1230000+00:00</c>), whatever the culture: a CSV cell that Excel and Import-Csv give back unchanged.
    /// </summary>
    public readonly struct Timestamp : IComparable, IComparable<Timestamp>, IEquatable<Timestamp>, IFormattable
    {
        public Timestamp(DateTimeOffset value)
        {
            Value = value;
        }

        public DateTimeOffset Value { get; }

        public DateTime UtcDateTime => Value.UtcDateTime;

        public DateTime LocalDateTime => Value.LocalDateTime;

        public static implicit operator DateTimeOffset(Timestamp timestamp) => timestamp.Value;

        public static implicit operator Timestamp(DateTimeOffset value) => new Timestamp(value);

        public static implicit operator Timestamp(DateTime value) => new Timestamp(new DateTimeOffset(value));

        public static bool operator ==(Timestamp left, Timestamp right) => left.Equals(right);

        public static bool operator !=(Timestamp left, Timestamp right) => !left.Equals(right);

        public static bool operator <(Timestamp left, Timestamp right) => left.Value < right.Value;

        public static bool operator >(Timestamp left, Timestamp right) => left.Value > right.Value;

        public static bool operator <=(Timestamp left, Timestamp right) => left.Value <= right.Value;

        public static bool operator >=(Timestamp left, Timestamp right) => left.Value >= right.Value;

        /// <summary>Reads ISO 8601 (and what DateTimeOffset reads in the invariant culture).</summary>
        public static Timestamp Parse(string text) =>
            new Timestamp(DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal));

        public int CompareTo(Timestamp other) => Value.CompareTo(other.Value);

        public int CompareTo(object? other) => other switch
        {
            null => 1,
            Timestamp timestamp => CompareTo(timestamp),
            DateTimeOffset offset => Value.CompareTo(offset),
            DateTime dateTime => Value.CompareTo(new DateTimeOffset(dateTime)),
            string text => CompareTo(Parse(text)),
            _ => throw new ArgumentException("A Timestamp compares with a date, not with " + other.GetType().Name + ".", nameof(other)),
        };

        public bool Equals(Timestamp other) => Value.Equals(other.Value);

        public override bool Equals(object? obj) => obj is Timestamp other && Equals(other);

        public override int GetHashCode() => Value.GetHashCode();

        public override string ToString() => Value.ToString("o", CultureInfo.InvariantCulture);

        public string ToString(string? format, IFormatProvider? formatProvider) =>
            Value.ToString(string.IsNullOrEmpty(format) ? "o" : format, formatProvider ?? CultureInfo.InvariantCulture);

        public string ToString(string format) => ToString(format, CultureInfo.CurrentCulture);
    }
}
