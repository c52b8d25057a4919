<#
.SYNOPSIS
    Lists the same workplaces with several builds of the module side by side: each build in a warm pwsh of its own,
    the runs interleaved round after round, with wall and processor time per listing.
.DESCRIPTION
    A loaded binary module cannot be unloaded and two builds of LifePos.dll cannot share a process, so every build
    gets a long-lived pwsh that imports it, connects to one shared emulator and warms up (tiered JIT needs ~25
    listings of 10,000). Then, -Rounds times, each process in turn runs -RunsPerRound listings of
    `Get-LifePosWorkplace -PageSize 100 | Measure-Object` (a full collection before each, as Measure-Run does) while
    the others wait idle; the order of the builds rotates every round, so drift in the machine's load spreads evenly.
    With -Floor, bench/Floor runs once per round too. Prints the median wall and CPU milliseconds per listing of
    every build, and each build against the first.
.EXAMPLE
    dotnet pwsh -NoProfile ./bench/Compare-Builds.ps1 -Module before=/tmp/lp-before/LifePos/LifePos.psd1, after=./out/LifePos/LifePos.psd1 -Floor
#>
[CmdletBinding()]
param(
    # name=path of a module manifest (LifePos.psd1), two or more; the first is the reference. "a=x,b=y" works through pwsh -File too.
    [Parameter(Mandatory)] [string[]] $Module,
    [int] $Items = 10000,
    [int] $Rounds = 6,
    [int] $RunsPerRound = 5,
    [double] $WarmupSeconds = 15,
    [switch] $Floor,
    [string] $BuildOutput = (Join-Path $PSScriptRoot '../out')
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$Module = @($Module | ForEach-Object { $_ -split ',' } | Where-Object { $_ })
Import-Module (Join-Path $PSScriptRoot 'LifePos.Bench') -Force
# The build in -BuildOutput starts the shared emulator; the builds compared run in processes of their own.
$null = Import-LifePosBuild -BuildOutput $BuildOutput
if ($Floor) { Build-Floor }

# The child's loop: a line "N" runs N listings and answers one JSON line; "quit" ends it.
$child = @'
param([string] $Manifest, [string] $BaseUri, [string] $Token, [long] $Items, [double] $WarmupSeconds)
$ErrorActionPreference = 'Stop'
Import-Module $Manifest
$null = Connect-LifePos -BaseUri $BaseUri -Token ([Net.NetworkCredential]::new('', $Token).SecurePassword)
$self = [Diagnostics.Process]::GetCurrentProcess()
$clock = [Diagnostics.Stopwatch]::StartNew()
while ($clock.Elapsed.TotalSeconds -lt $WarmupSeconds) { $null = (Get-LifePosWorkplace -PageSize 100 | Measure-Object).Count }
[Console]::Out.WriteLine('{"ready":true}')
while (($line = [Console]::In.ReadLine()) -and $line -ne 'quit') {
    $wall = [Collections.Generic.List[double]]::new(); $cpu = [Collections.Generic.List[double]]::new()
    for ($run = 0; $run -lt [int]$line; $run++) {
        [GC]::Collect(); [GC]::WaitForPendingFinalizers()
        $self.Refresh(); $cpuBefore = $self.TotalProcessorTime
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $count = (Get-LifePosWorkplace -PageSize 100 | Measure-Object).Count
        $watch.Stop(); $self.Refresh()
        if ($count -ne $Items) { throw "Listed $count workplaces, expected $Items." }
        $wall.Add($watch.Elapsed.TotalMilliseconds); $cpu.Add(($self.TotalProcessorTime - $cpuBefore).TotalMilliseconds)
    }
    [Console]::Out.WriteLine((@{ wall = $wall; cpu = $cpu } | ConvertTo-Json -Compress))
}
'@
$childPath = Join-Path ([IO.Path]::GetTempPath()) "lifepos-compare-$PID.ps1"
Set-Content -LiteralPath $childPath -Value $child

function Read-Answer([Diagnostics.Process] $Process, [string] $Name) {
    while ($true) {
        $line = $Process.StandardOutput.ReadLine()
        if ($null -eq $line) { throw "The pwsh of '$Name' ended: $($Process.StandardError.ReadToEnd())" }
        if ($line.StartsWith('{')) { return $line | ConvertFrom-Json }
    }
}

$emulator = Start-BenchEmulator '--seed', "$Items"
$builds = [ordered]@{}
try {
    foreach ($entry in $Module) {
        $name, $path = $entry -split '=', 2
        if (-not $path -or -not (Test-Path $path)) { throw "-Module takes name=path-to-LifePos.psd1; '$entry' is not one." }
        $start = [Diagnostics.ProcessStartInfo]::new('dotnet')
        foreach ($argument in @((Join-Path $PSHOME 'pwsh.dll'), '-NoProfile', '-NonInteractive', '-File', $childPath, '-Manifest', (Resolve-Path $path).Path,
                '-BaseUri', $emulator.BaseUri.ToString(), '-Token', $emulator.Token, '-Items', $Items, '-WarmupSeconds', $WarmupSeconds)) {
            $start.ArgumentList.Add([string]$argument)
        }
        $start.RedirectStandardInput = $true; $start.RedirectStandardOutput = $true; $start.RedirectStandardError = $true; $start.UseShellExecute = $false
        $process = [Diagnostics.Process]::Start($start)
        # Warm up one at a time, so no build's warm-up competes with another's.
        $null = Read-Answer $process $name
        $builds[$name] = @{ Process = $process; Wall = [Collections.Generic.List[double]]::new(); Cpu = [Collections.Generic.List[double]]::new() }
        Write-Host "  $name warm: $path"
    }
    $floorWall = [Collections.Generic.List[double]]::new(); $floorCpu = [Collections.Generic.List[double]]::new()
    $names = @($builds.Keys)
    for ($round = 0; $round -lt $Rounds; $round++) {
        $order = @($names[($round % $names.Count)..($names.Count - 1)]) + @(if ($round % $names.Count) { $names[0..(($round % $names.Count) - 1)] })
        foreach ($name in $order) {
            $build = $builds[$name]
            $build.Process.StandardInput.WriteLine("$RunsPerRound")
            $answer = Read-Answer $build.Process $name
            $build.Wall.AddRange([double[]]$answer.wall); $build.Cpu.AddRange([double[]]$answer.cpu)
        }
        if ($Floor) {
            $result = Invoke-Floor -Raw -Emulator $emulator -ArgumentList 'list', '--page-size', 100, '--expect', $Items, '--warmup', 1,
                '--warmup-seconds', 5, '--max-warmup-seconds', 10, '--repetitions', $RunsPerRound
            $floorWall.AddRange([double[]]$result.samples_ms); $floorCpu.AddRange([double[]]$result.cpu_ms)
        }
        Write-Host ("  round {0}: {1}" -f ($round + 1), (($names | ForEach-Object { '{0} {1:N1} ms' -f $_, (Get-Median $builds[$_].Wall) }) -join ', '))
    }
    $reference = $builds[$names[0]]
    $rows = foreach ($name in $names) {
        $build = $builds[$name]
        [pscustomobject][ordered]@{
            Build          = $name
            Listings       = $build.Wall.Count
            'Wall ms'      = [Math]::Round((Get-Median $build.Wall), 1)
            'Wall min'     = [Math]::Round(($build.Wall | Measure-Object -Minimum).Minimum, 1)
            'CPU ms'       = [Math]::Round((Get-Median $build.Cpu), 1)
            'Wall × first' = [Math]::Round((Get-Median $build.Wall) / (Get-Median $reference.Wall), 3)
            'CPU × first'  = [Math]::Round((Get-Median $build.Cpu) / (Get-Median $reference.Cpu), 3)
            '× Floor'      = if ($Floor) { [Math]::Round((Get-Median $build.Wall) / (Get-Median $floorWall), 3) } else { $null }
        }
    }
    if ($Floor) {
        $rows = @($rows) + [pscustomobject][ordered]@{
            Build = 'Floor'; Listings = $floorWall.Count; 'Wall ms' = [Math]::Round((Get-Median $floorWall), 1)
            'Wall min' = [Math]::Round(($floorWall | Measure-Object -Minimum).Minimum, 1); 'CPU ms' = [Math]::Round((Get-Median $floorCpu), 1)
            'Wall × first' = $null; 'CPU × first' = $null; '× Floor' = 1
        }
    }
    $rows | Format-Table -AutoSize | Out-String -Width 200
}
finally {
    foreach ($build in $builds.Values) {
        try { $build.Process.StandardInput.WriteLine('quit'); if (-not $build.Process.WaitForExit(10000)) { $build.Process.Kill() } } catch { }
    }
    $emulator | Stop-LifePosEmulator
    Remove-Item -LiteralPath $childPath -ErrorAction SilentlyContinue
}
