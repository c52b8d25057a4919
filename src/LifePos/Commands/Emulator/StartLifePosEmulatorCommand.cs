using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using LifePos.Shell.Cmdlets;
using LifePos.Shell.Emulator;

namespace LifePos.Commands
{
    /// <summary>Starts the local LIFE POS emulator (the lifepos-emulator tool) on a free port and returns where it listens.</summary>
    [Cmdlet(VerbsLifecycle.Start, "LifePosEmulator")]
    [OutputType(typeof(LifePosEmulator))]
    public sealed class StartLifePosEmulatorCommand : LifePosCmdlet
    {
        /// <summary>The lifepos-emulator executable, or the emulator's LifePos.Emulator.dll; when omitted $env:LIFEPOS_EMULATOR_PATH, else the tool on PATH.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Path { get; set; }

        /// <summary>Workplaces to pre-create (with six employees and two outlets).</summary>
        [Parameter]
        [ValidateRange(0, 99999)]
        public int Seed { get; set; }

        /// <summary>Exports of Get-LifePosWorkplace -Selection All, Get-LifePosEmployee, Get-LifePosOutlet (CSV or JSON): the emulator starts as a copy of that organization.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Import { get; set; }

        /// <summary>Where the emulator writes its workplaces when it stops, in the export's format (.csv or .json).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Export { get; set; }

        /// <summary>A data file that keeps the workplaces across restarts.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? DataPath { get; set; }

        /// <summary>The port; 0 (the default) takes a free one.</summary>
        [Parameter]
        [ValidateRange(0, 65535)]
        public int Port { get; set; }

        /// <summary>Further emulator options, such as '--latency-ms', '20' or '--rate-limit', '5'; a '--token' or '--org' given here is the one the emulator uses and the object reports.</summary>
        [Parameter]
        public string[] ArgumentList { get; set; } = Array.Empty<string>();

        /// <summary>How long to wait for the emulator to listen.</summary>
        [Parameter]
        public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(30);

        protected override void EndProcessing()
        {
            var path = Path is null ? EmulatorLauncher.FindOnPath() : GetUnresolvedProviderPathFromPSPath(Path);
            if (path is null || !File.Exists(path))
            {
                var what = path is null ? "The lifepos-emulator tool was not found on PATH." : $"There is no emulator at {path}.";
                ThrowTerminatingError(LifePosErrors.Own(what + " " + EmulatorLauncher.InstallAdvice, "LifePos.EmulatorNotFound",
                    ErrorCategory.ObjectNotFound, Path, EmulatorLauncher.InstallAdvice));
            }

            var arguments = new List<string> { "--urls", "http://127.0.0.1:" + Port.ToString(CultureInfo.InvariantCulture) };
            if (Seed > 0) arguments.AddRange(new[] { "--seed", Seed.ToString(CultureInfo.InvariantCulture) });
            foreach (var file in Import ?? Array.Empty<string>()) arguments.AddRange(new[] { "--import", GetUnresolvedProviderPathFromPSPath(file) });
            if (Export is not null) arguments.AddRange(new[] { "--export", GetUnresolvedProviderPathFromPSPath(Export) });
            if (DataPath is not null) arguments.AddRange(new[] { "--data", GetUnresolvedProviderPathFromPSPath(DataPath) });
            arguments.AddRange(ArgumentList);

            try
            {
                var emulator = EmulatorLauncher.Start(path!, arguments, StartTimeout, CancellationToken);
                WriteVerbose($"The LIFE POS emulator listens on {emulator.BaseUri} (process {emulator.ProcessId}); dashboard {emulator.DashboardUri}");
                WriteObject(emulator);
            }
            catch (InvalidOperationException e)
            {
                ThrowTerminatingError(LifePosErrors.Own(e.Message, "LifePos.EmulatorDidNotStart", ErrorCategory.OpenError, path,
                    "Read the emulator's message above; run it by hand to see its whole output: " + path + " --help"));
            }
        }
    }
}
