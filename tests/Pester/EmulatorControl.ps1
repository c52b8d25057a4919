# Invoke-LifePosEmulatorControl, defined once: LifePos.TestHelpers.psm1 and the benchmarks' LifePos.Bench.psm1 both
# dot-source this file, so each exports it as its own.

function Invoke-LifePosEmulatorControl {
    # Calls the emulator's loopback-only control endpoints (its README): stats, reset, faults, revoke-tokens, clock,
    # answers.
    param(
        [Parameter(Mandatory)] $Emulator,
        [Parameter(Mandatory)] [string] $Path,
        [string] $Method = 'GET',
        $Body
    )
    $request = @{ Uri = [Uri]::new($Emulator.BaseUri, "/_emulator/$Path"); Method = $Method }
    if ($PSBoundParameters.ContainsKey('Body')) {
        $request.Body = ($Body | ConvertTo-Json -Depth 10)
        $request.ContentType = 'application/json'
    }
    Invoke-RestMethod @request
}
