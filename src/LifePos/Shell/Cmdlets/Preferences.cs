using System;
using System.Management.Automation;

namespace LifePos.Shell.Cmdlets
{
    /// <summary>
    /// What the user asked of a command: a common parameter as bound (-WhatIf, -Confirm, -ErrorAction, -Verbose,
    /// -Debug), else its preference variable.
    /// </summary>
    internal sealed class Preferences
    {
        private readonly PSCmdlet _cmdlet;

        public Preferences(PSCmdlet cmdlet)
        {
            _cmdlet = cmdlet;
        }

        /// <summary>False when $ProgressPreference hides progress.</summary>
        public bool IsProgressWanted()
        {
            var preference = _cmdlet.GetVariableValue("ProgressPreference");
            return !(preference is ActionPreference action && (action == ActionPreference.SilentlyContinue || action == ActionPreference.Ignore));
        }

        /// <summary>
        /// True when ShouldProcess will show the action rather than just allow it (-WhatIf, -Confirm, or a
        /// $ConfirmPreference at or below <paramref name="impact"/>): then the plan is worth reading the current values for.
        /// </summary>
        public bool IsPlanWanted(ConfirmImpact impact)
        {
            if (Preference("WhatIf") is { } whatIf && LanguagePrimitives.IsTrue(whatIf))
            {
                return true;
            }

            if (_cmdlet.MyInvocation.BoundParameters.TryGetValue("Confirm", out var confirm))
            {
                return LanguagePrimitives.IsTrue(confirm);
            }

            return _cmdlet.GetVariableValue("ConfirmPreference") is ConfirmImpact preference && preference != ConfirmImpact.None && impact >= preference;
        }

        /// <summary>True under -Confirm:$false: the user said not to ask.</summary>
        public bool IsConfirmTurnedOff() =>
            _cmdlet.MyInvocation.BoundParameters.TryGetValue("Confirm", out var confirm) && !LanguagePrimitives.IsTrue(confirm);

        /// <summary>True under -ErrorAction Stop or $ErrorActionPreference = 'Stop': the first failed row ends a bulk run.</summary>
        public bool IsErrorActionStop()
        {
            var preference = Preference("ErrorAction");
            return preference is ActionPreference action
                ? action == ActionPreference.Stop
                : string.Equals(preference as string, "Stop", StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>True when -Verbose or -Debug (the one named) is on, by parameter or preference.</summary>
        public bool IsEnabled(string commonParameter)
        {
            if (_cmdlet.MyInvocation.BoundParameters.TryGetValue(commonParameter, out var bound))
            {
                return bound is SwitchParameter flag ? flag.IsPresent : LanguagePrimitives.IsTrue(bound);
            }

            var preference = _cmdlet.GetVariableValue(commonParameter + "Preference");
            return preference is ActionPreference action && action != ActionPreference.SilentlyContinue && action != ActionPreference.Ignore;
        }

        /// <summary>A common parameter as bound, else its preference variable.</summary>
        private object? Preference(string commonParameter)
        {
            var value = _cmdlet.MyInvocation.BoundParameters.TryGetValue(commonParameter, out var bound) ? bound : _cmdlet.GetVariableValue(commonParameter + "Preference");
            return value is PSObject wrapped ? wrapped.BaseObject : value;
        }
    }
}
