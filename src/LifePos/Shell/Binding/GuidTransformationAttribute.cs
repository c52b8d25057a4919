using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;

namespace LifePos.Shell.Binding
{
    /// <summary>
    /// Accepts a GUID as text (e.g. a CSV cell) or a Workplace. Anything else becomes <see cref="Guid.Empty"/>, and the
    /// cmdlet fails that row itself (<see cref="TakeRejection"/>) with a message that names the bad value and shows what a
    /// good one looks like: a binding error would end a bulk run without writing the rows already in flight, and
    /// would not count in its summary.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class GuidTransformationAttribute : ArgumentTransformationAttribute
    {
        public GuidTransformationAttribute(string what)
        {
            What = what;
        }

        // Binding and the ProcessRecord it feeds run on the pipeline thread: the rejection waits there for the cmdlet.
        [ThreadStatic]
        private static string? _rejection;

        // The value that could not be read, as typed: the error's TargetObject.
        [ThreadStatic]
        private static object? _rejected;

        /// <summary>What the id identifies, e.g. <c>workplace</c>.</summary>
        public string What { get; }

        /// <summary>An empty value (an empty CSV cell) means "not given" and becomes null, for optional ids.</summary>
        public bool EmptyIsNull { get; set; }

        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            if (EmptyIsNull && (value is null || (value is string text && text.Trim().Length == 0)))
            {
                return null;
            }

            if (value is string || value is Guid || value is Workplace || !(value is IEnumerable sequence))
            {
                return Convert(value);
            }

            var ids = new List<Guid>();
            foreach (var item in sequence)
            {
                ids.Add(Convert(item is PSObject itemWrapped ? itemWrapped.BaseObject : item));
            }

            return ids.ToArray();
        }

        private Guid Convert(object? value)
        {
            switch (value)
            {
                case Guid guid:
                    return guid;
                case Workplace workplace:
                    return workplace.Id;
                case string text when Guid.TryParse(text.Trim(), out var parsed):
                    return parsed;
                default:
                    var shown = value is null || (value is string empty && empty.Trim().Length == 0) ? "(empty)" : "'" + value + "'";
                    _rejected = value;
                    _rejection = shown + " is not a valid " + What + " id. Give a GUID such as 6f9619ff-8b86-d011-b42d-00cf4fc964ff" +
                                 (What == "workplace" ? " (Get-LifePosWorkplace shows the ids)." : ".");
                    return Guid.Empty;
            }
        }

        /// <summary>The message for an id this thread's last binding could not read, once; null when every id was good.</summary>
        /// <param name="value">The value that could not be read, as it was given.</param>
        public static string? TakeRejection(out object? value)
        {
            var rejection = _rejection;
            value = _rejected;
            _rejection = null;
            _rejected = null;
            return rejection;
        }
    }
}
