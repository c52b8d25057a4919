<#
.SYNOPSIS
    The nightly bulk run under the faults of the resilience test, at -ThrottleLimit 1, 4 and 16: rows, faults injected
    by kind, retries, wall time, and whether exactly the CSV's workplaces exist afterwards.
.EXAMPLE
    dotnet pwsh ./build.ps1 Build; dotnet pwsh ./bench/Measure-FaultyBulkRun.ps1
#>
[CmdletBinding()]
param(
    [int] $Rows = 1000,
    [int[]] $ThrottleLimit = @(1, 4, 16),
    [string] $Faults = '500=0.1,503=0.05,429=0.05,drop-before=0.02,drop-after=0.02',
    [int] $FaultSeed = 20261129,
    [int] $LatencyMs = 5,
    # Where Build put LifePos/ and LifePos.Emulator/.
    [string] $BuildOutput = (Join-Path $PSScriptRoot '../out')
)
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot 'LifePos.Bench') -Force
$null = Import-LifePosBuild -BuildOutput $BuildOutput

$csv = Join-Path ([IO.Path]::GetTempPath()) "lifepos-faulty-$PID.csv"
1..$Rows | ForEach-Object { [pscustomobject]@{ name = 'Store {0:D5}' -f $_; workplace_type = 'Mobile' } } |
    Export-Csv $csv -NoTypeInformation
try {
    foreach ($limit in $ThrottleLimit) {
        $emulator = Start-BenchEmulator '--latency-ms', $LatencyMs, '--faults', $Faults, '--fault-seed', $FaultSeed
        try {
            Connect-BenchEmulator $emulator -MaxRetries 10
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $created = @(Import-Csv $csv | New-LifePosWorkplace -ThrottleLimit $limit -ErrorVariable failed `
                    -ErrorAction SilentlyContinue -InformationVariable info)
            $watch.Stop()
            $stats = Invoke-LifePosEmulatorControl $emulator 'stats'
            $null = Invoke-LifePosEmulatorControl $emulator 'faults' -Method Put -Body @{ faults = '' }
            $names = @(Get-LifePosWorkplace -Query 'Store' | ForEach-Object Name)
            [pscustomobject]@{
                ThrottleLimit = $limit
                Rows          = $Rows
                Created       = $created.Count
                Failed        = @($failed).Count
                Alive         = $names.Count
                Distinct      = @($names | Sort-Object -Unique).Count
                Faults        = ($stats.faults.PSObject.Properties | ForEach-Object { "$($_.Name)=$($_.Value)" }) -join ' '
                Summary       = "$(@($info | Where-Object Tags -contains 'LifePos.Summary')[0].MessageData)"
                WallSeconds   = [math]::Round($watch.Elapsed.TotalSeconds, 2)
            }
            Disconnect-LifePos
        }
        finally { $emulator | Stop-LifePosEmulator }
    }
}
finally { Remove-Item $csv -ErrorAction SilentlyContinue }
