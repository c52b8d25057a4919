<#
.SYNOPSIS
    Splits the cost of listing workplaces into emulator, HTTP/JSON (floor), LifePos client and PowerShell pipeline.
.DESCRIPTION
    A profiling aid for scenarios 1 and 2 of Invoke-Benchmarks.ps1, run when a list target is missed. In one warm pwsh
    process against one emulator it times (median of -Repetitions after a warm-up):
      floor          bench/Floor: one HttpClient + System.Text.Json, no PowerShell
      client         the LifePos client's pager counted in C# ([Linq.Enumerable]::Count): no pipeline at all
      cmdlet         Get-LifePosWorkplace | Out-Null, | Measure-Object, and $null = (...)
      pipeline only  the same workplaces, already in memory, written by Write-Output into Out-Null and Measure-Object
    and reads the emulator's own server time per list request from /_emulator/stats.
.EXAMPLE
    dotnet pwsh -NoProfile ./bench/Measure-ListBreakdown.ps1 -Items 10000 -LatencyMs 10
#>
[CmdletBinding()]
param(
    [int] $Items = 10000,
    [int] $PageSize = 100,
    [int] $LatencyMs = 0,
    [int] $Repetitions = 5,
    [double] $WarmupSeconds = 3,
    [string] $BuildOutput = (Join-Path $PSScriptRoot '../out')
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
Import-Module (Join-Path $PSScriptRoot 'LifePos.Bench') -Force
$null = Import-LifePosBuild -BuildOutput $BuildOutput
Build-Floor

function Get-Summary([double[]] $Wall, [double[]] $Cpu) {
    [pscustomobject]@{
        Median = Get-Median $Wall; Min = ($Wall | Measure-Object -Minimum).Minimum
        CpuMedian = Get-Median $Cpu; CpuMin = ($Cpu | Measure-Object -Minimum).Minimum
    }
}

function Measure-Interleaved([System.Collections.Specialized.OrderedDictionary] $Bodies) {
    # Every body warms up for -WarmupSeconds (tiered JIT needs seconds to reach steady state), then runs once per
    # round, round after round, so drift (a busy machine) spreads evenly. Wall time and this process's processor
    # time (all threads) per run, as Measure-Run takes them for the benchmarks.
    foreach ($body in $Bodies.Values) {
        $clock = [Diagnostics.Stopwatch]::StartNew()
        do { $null = & $body } while ($clock.Elapsed.TotalSeconds -lt $WarmupSeconds)
    }
    $wall = @{}; $cpu = @{}
    foreach ($name in $Bodies.Keys) { $wall[$name] = [Collections.Generic.List[double]]::new(); $cpu[$name] = [Collections.Generic.List[double]]::new() }
    foreach ($round in 1..$Repetitions) {
        foreach ($name in $Bodies.Keys) {
            $measured = Measure-Run $Bodies[$name]
            $wall[$name].Add($measured.WallMs); $cpu[$name].Add($measured.CpuMs)
        }
    }
    $summary = [ordered]@{}
    foreach ($name in $Bodies.Keys) { $summary[$name] = Get-Summary $wall[$name] $cpu[$name] }
    $summary
}

$arguments = @('--seed', "$Items")
if ($LatencyMs -gt 0) { $arguments += '--latency-ms', "$LatencyMs" }
$emulator = Start-BenchEmulator $arguments
try {
    Connect-BenchEmulator $emulator
    $connection = Get-LifePosConnection
    $client = $connection.GetType().GetProperty('Client', [Reflection.BindingFlags]'Instance,NonPublic,Public').GetValue($connection)
    $query = [LifePos.Core.WorkplaceListQuery]::new()
    $query.PageSize = $PageSize
    $rows = [ordered]@{}

    $floor = Invoke-Floor -Raw -Emulator $emulator -ArgumentList 'list', '--page-size', $PageSize, '--expect', $Items,
        '--warmup', 1, '--warmup-seconds', $WarmupSeconds, '--repetitions', $Repetitions
    $rows['floor (C#, HttpClient + STJ)'] = Get-Summary $floor.samples_ms $floor.cpu_ms
    $all = @(Get-LifePosWorkplace -PageSize $PageSize)
    if ($all.Count -ne $Items) { throw "Get-LifePosWorkplace gave $($all.Count) items, expected $Items." }
    $bodies = [ordered]@{
        'client pager, counted in C#'                           = {
            $pager = $client.ListWorkplaces($connection.OrganizationId, $query, [LifePos.Core.RequestContext]::new())
            $null = [Linq.Enumerable]::Count([Collections.Generic.IEnumerable[LifePos.Workplace]]$pager)
        }
        'Get-LifePosWorkplace | Out-Null'                       = { Get-LifePosWorkplace -PageSize $PageSize | Out-Null }
        'Get-LifePosWorkplace | Measure-Object'                 = { Get-LifePosWorkplace -PageSize $PageSize | Measure-Object }
        '$null = Get-LifePosWorkplace'                          = { $null = Get-LifePosWorkplace -PageSize $PageSize }
        # A compiled cmdlet writing the same objects one by one: the pipeline's own cost, the cmdlet's floor.
        'Write-Output <in-memory workplaces> | Out-Null'        = { Write-Output $all | Out-Null }
        'Write-Output <in-memory workplaces> | Measure-Object'  = { Write-Output $all | Measure-Object }
    }
    $measured = Measure-Interleaved $bodies
    foreach ($name in $measured.Keys) { $rows[$name] = $measured[$name] }

    $stats = Invoke-LifePosEmulatorControl -Emulator $emulator -Path 'stats'
    $serverMean = $stats.server_time_ms.list.mean
    $pages = [Math]::Ceiling($Items / $PageSize)
    Write-Host "Listing $Items workplaces, page size $PageSize, latency $LatencyMs ms: $pages requests per listing."
    Write-Host ("Emulator server time per list request: {0:N3} ms (x {1} pages = {2:N1} ms per listing), plus {3} ms injected latency." -f
        $serverMean, $pages, ($serverMean * $pages), $LatencyMs)
    Write-Host ('  {0,-58} {1,10} {2,10} {3,10} {4,10}' -f '', 'wall med', 'wall min', 'cpu med', 'cpu min')
    foreach ($name in $rows.Keys) {
        $row = $rows[$name]
        Write-Host ('  {0,-58} {1,10:N1} {2,10:N1} {3,10:N1} {4,10:N1}' -f $name, $row.Median, $row.Min, $row.CpuMedian, $row.CpuMin)
    }
}
finally {
    $emulator | Stop-LifePosEmulator
}
