using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using LifePos.Emulator;

namespace LifePos.Dashboard.Tests.Support;

/// <summary>
/// Runs a script in a child PowerShell (dotnet pwsh, the repository's tool) with the built LifePos module imported
/// and connected to the emulator, as an admin's script would run beside the dashboard.
/// </summary>
internal static class ModuleScript
{
    public sealed record Result(int ExitCode, string Output, string Errors);

    /// <summary>The Connect-LifePos line for this emulator: short retries, and an outage given up on after a second.</summary>
    public static string Connect(EmulatorServer emulator) =>
        $"Connect-LifePos -BaseUri '{emulator.BaseAddress}' -Token (ConvertTo-SecureString '{emulator.Token}' -AsPlainText -Force) -MaxRetryDelay 0.2 -OutageTimeout 00:00:01";

    /// <summary>Runs the script; <paramref name="connect"/> false leaves connecting to the script.</summary>
    public static async Task<Result> RunAsync(EmulatorServer emulator, string script, bool connect = true)
    {
        if (!File.Exists(Repository.Module))
            throw new InvalidOperationException($"The module is not built at {Repository.Module}: run dotnet pwsh ./build.ps1 Build first.");
        var file = Path.Combine(Path.GetTempPath(), "lifepos-dashboard-" + Guid.NewGuid().ToString("N") + ".ps1");
        var text = new StringBuilder()
            .AppendLine("$ErrorActionPreference = 'Stop'")
            .AppendLine($"Import-Module '{Repository.Module}'")
            .AppendLine(connect ? Connect(emulator) : "")
            .AppendLine(script)
            .ToString();
        await File.WriteAllTextAsync(file, text, new UTF8Encoding(true));
        try
        {
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = Repository.Root,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[] { "pwsh", "-NoProfile", "-NonInteractive", "-File", file }) start.ArgumentList.Add(argument);
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return new Result(process.ExitCode, await output, await errors);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
