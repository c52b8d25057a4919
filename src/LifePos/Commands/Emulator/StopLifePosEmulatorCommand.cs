using System;
using System.Management.Automation;
using LifePos.Shell.Cmdlets;
using LifePos.Shell.Emulator;

namespace LifePos.Commands
{
    /// <summary>Stops an emulator that Start-LifePosEmulator started, as Ctrl+C would: it writes its -DataPath and -Export first.</summary>
    [Cmdlet(VerbsLifecycle.Stop, "LifePosEmulator")]
    public sealed class StopLifePosEmulatorCommand : LifePosCmdlet
    {
        /// <summary>The emulator from Start-LifePosEmulator.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ValidateNotNull]
        public LifePosEmulator? InputObject { get; set; }

        /// <summary>How long it may take to stop before it is killed.</summary>
        [Parameter]
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

        protected override void ProcessRecord()
        {
            EmulatorLauncher.Stop(InputObject!, Timeout);
            WriteVerbose($"The LIFE POS emulator at {InputObject!.BaseUri} stopped.");
        }
    }
}
