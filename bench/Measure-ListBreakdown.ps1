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
    [string] $BuildOutput = (Join-Path $PSScriptRoot '../out')
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
Import-Module (Join-Path $BuildOutput 'LifePos.Emulator/LifePos.EmulatorProcess.psm1') -Force
Import-Module (Join-Path $BuildOutput 'LifePos/LifePos.psd1')
$floorDll = Join-Path $PSScriptRoot 'Floor/bin/Release/net10.0/Floor.dll'
if (-not (Test-Path $floorDll)) {
    & dotnet build (Join-Path $PSScriptRoot 'Floor/Floor.csproj') -c Release --nologo -v quiet | Out-Host
}

function Measure-Median([scriptblock] $Body) {
    $null = & $Body
    $samples = foreach ($index in 1..$Repetitions) {
        [GC]::Collect()
        (Measure-Command $Body).TotalMilliseconds
    }
    $sorted = @($samples | Sort-Object)
    [Math]::Round($sorted[[Math]::Floor($sorted.Count / 2)], 1)
}

$arguments = @('--seed', "$Items")
if ($LatencyMs -gt 0) { $arguments += '--latency-ms', "$LatencyMs" }
$emulator = Start-LifePosEmulator -ArgumentList $arguments
try {
    Connect-LifePos -BaseUri $emulator.BaseUri -Token (ConvertTo-SecureString $emulator.Token -AsPlainText -Force)
    $connection = Get-LifePosConnection
    $client = $connection.GetType().GetProperty('Client', [Reflection.BindingFlags]'Instance,NonPublic,Public').GetValue($connection)
    $query = [LifePos.Core.WorkplaceListQuery]::new()
    $query.PageSize = $PageSize
    $rows = [ordered]@{}

    $floor = & dotnet $floorDll list --base-uri $emulator.BaseUri --org $emulator.OrganizationId --token $emulator.Token `
        --page-size $PageSize --expect $Items --warmup 1 --repetitions $Repetitions | ConvertFrom-Json
    $rows['floor (C#, HttpClient + STJ)'] = [Math]::Round(@($floor.samples_ms | Sort-Object)[[Math]::Floor($Repetitions / 2)], 1)
    $rows['client pager, counted in C#'] = Measure-Median {
        $pager = $client.ListWorkplaces($connection.OrganizationId, $query, [LifePos.Core.RequestContext]::new())
        $script:Count = [Linq.Enumerable]::Count([Collections.Generic.IEnumerable[LifePos.Workplace]]$pager)
    }
    if ($script:Count -ne $Items) { throw "The pager gave $script:Count items, expected $Items." }
    $rows['Get-LifePosWorkplace | Out-Null'] = Measure-Median { Get-LifePosWorkplace -PageSize $PageSize | Out-Null }
    $rows['Get-LifePosWorkplace | Measure-Object'] = Measure-Median { Get-LifePosWorkplace -PageSize $PageSize | Measure-Object }
    $rows['$null = Get-LifePosWorkplace'] = Measure-Median { $null = Get-LifePosWorkplace -PageSize $PageSize }
    $all = @(Get-LifePosWorkplace -PageSize $PageSize)
    # A compiled cmdlet writing the same objects one by one: the pipeline's own cost, the cmdlet's floor.
    $rows['Write-Output <in-memory workplaces> | Out-Null'] = Measure-Median { Write-Output $all | Out-Null }
    $rows['Write-Output <in-memory workplaces> | Measure-Object'] = Measure-Median { Write-Output $all | Measure-Object }

    $stats = Invoke-LifePosEmulatorControl -Emulator $emulator -Path 'stats'
    $serverMean = $stats.server_time_ms.list.mean
    $pages = [Math]::Ceiling($Items / $PageSize)
    Write-Host "Listing $Items workplaces, page size $PageSize, latency $LatencyMs ms: $pages requests per listing."
    Write-Host ("Emulator server time per list request: {0:N3} ms (x {1} pages = {2:N1} ms per listing), plus {3} ms injected latency." -f
        $serverMean, $pages, ($serverMean * $pages), $LatencyMs)
    foreach ($name in $rows.Keys) { Write-Host ('  {0,-58} {1,9:N1} ms' -f $name, $rows[$name]) }
}
finally {
    $emulator | Stop-LifePosEmulator
}
