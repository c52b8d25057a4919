using System.Collections.Generic;

namespace LifePos.Emulator;

/// <summary>
/// What the emulator prints once it listens, ready to paste: the first line (which Start-LifePosEmulator and scripts
/// read) names the address, organization and token; then the dashboard, a Connect-LifePos line, and what an import
/// brought in.
/// </summary>
internal static class StartupText
{
    public static IEnumerable<string> Lines(EmulatorServer server)
    {
        var baseUri = server.BaseAddress.ToString().TrimEnd('/');
        yield return $"LIFE POS emulator listening on {baseUri} organization {server.OrganizationId:D} token {server.Token}";
        yield return $"Dashboard: {server.DashboardAddress}";
        // The emulator's own test token, not a secret: it opens only this emulator.
        yield return $"Connect:   Connect-LifePos -BaseUri {baseUri} -Token (ConvertTo-SecureString '{server.Token}' -AsPlainText -Force)";
        if (server.Imported is { } copy)
        {
            yield return $"Imported:  {copy.Workplaces.Count} workplaces, {copy.Employees.Count} employees, {copy.Outlets.Count} outlets of organization {server.OrganizationId:D}";
            if (copy.MaskedSecrets > 0)
                yield return $"Masked:    {copy.MaskedSecrets} secrets were masked (***) in the export and stay masked: the copy holds no api_key.";
        }
        yield return "Ctrl+C stops it.";
    }
}
