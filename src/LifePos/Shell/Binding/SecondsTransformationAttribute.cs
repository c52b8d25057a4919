using System;
using System.Globalization;
using System.Management.Automation;

namespace LifePos.Shell.Binding
{
    /// <summary>
    /// Lets a TimeSpan parameter take a number of seconds (<c>-Timeout 30</c>, as Invoke-RestMethod's -TimeoutSec does),
    /// or a TimeSpan or its text (<c>'00:01:30'</c>); PowerShell's own conversion would read 30 as 30 ticks.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class SecondsTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            switch (value)
            {
                case TimeSpan span:
                    return span;
                case int or long or short or byte or double or float or decimal:
                    return TimeSpan.FromSeconds(Convert.ToDouble(value, CultureInfo.InvariantCulture));
                case string text when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds):
                    return TimeSpan.FromSeconds(seconds);
                case string text when TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var parsed):
                    return parsed;
                default:
                    throw new ArgumentTransformationMetadataException(
                        "'" + value + "' is not a duration. Give a number of seconds (30) or a TimeSpan such as '00:01:30'.");
            }
        }
    }
}
