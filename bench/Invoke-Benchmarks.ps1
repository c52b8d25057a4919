<#
.SYNOPSIS
    Side-by-side benchmarks: the LifePos cmdlets against a hand-written Invoke-RestMethod script and a C# floor.
.DESCRIPTION
    Starts the LIFE POS emulator, runs every scenario (a warm-up first, then the repetitions; the median is reported)
    and writes results.json and results.md to -OutputPath. Contenders:
      LifePos  the cmdlets in this warm pwsh process, Measure-Command around the pipeline.
      IRM      what an admin writes without the module, in this same process (Invoke-RestMethod loops).
      Floor    bench/Floor, a small C# program with one HttpClient and System.Text.Json: the practical limit.
    Scenarios 5 (import cost) and 6 (memory) start fresh pwsh processes. Assumes out/LifePos and
    out/LifePos.Emulator are built (dotnet pwsh ./build.ps1 Build); builds bench/Floor itself when needed.
    The exit code is 1 when a contender failed to run, not when a target was missed: misses are results.

    Each scenario is declared in a file of bench/Scenarios; bench/LifePos.Bench holds what they share (timing
    and warm-up, emulators, the floor, fresh processes, result rows, targets, the report).
.NOTES
    Adding a scenario is adding a file, bench/Scenarios/<number>.<Name>.ps1 (4.FirstItem.ps1 is a short one to start
    from), that returns a hashtable per scenario:
      Number    the # column, the prefix of the scenario's record keys ('7/LifePos'), what -Scenario selects.
      Settings  [ordered] its own settings for the full run (results.json lists every scenario's, run or not).
      Quick     those of its settings that -Quick changes.
      Name      { the scenario's name in the tables }.
      Emulator  { the arguments of the emulator it runs on }, or $null when it starts its own. Scenarios in a row
                with the same arguments share one emulator ($ListEmulator); this script connects LifePos to it.
      Targets   { an Add-Target per target }, added after Run.
      Run       { param($Emulator, [string] $Name) measures the contenders: an Invoke-Contender (or Add-Record) per
                row of the table }.
    The file is dot-sourced here, so the functions it defines serve its blocks, and the blocks see this script's
    $Settings (full or quick), $PageSize, $ModuleManifest and $OutputPath. Scenarios run in $RunOrder, new ones
    after it by number. A method note for results.md goes in Format-MethodNotes (LifePos.Bench/Report.ps1).
.EXAMPLE
    dotnet pwsh ./build.ps1 Bench -Quick
.EXAMPLE
    dotnet pwsh -NoProfile ./bench/Invoke-Benchmarks.ps1 -Scenario 1
#>
[CmdletBinding()]
param(
    # A reduced run (fewer items, rows and repetitions) that finishes in under a minute, with the same columns.
    [switch] $Quick,
    [string] $OutputPath = (Join-Path $PSScriptRoot '../out/bench'),
    # Where Build put LifePos/ and LifePos.Emulator/.
    [string] $BuildOutput = (Join-Path $PSScriptRoot '../out'),
    # Only these scenarios (all by default), e.g. -Scenario 1,4 while profiling; "1,4" works through pwsh -File too.
    [string[]] $Scenario
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
Import-Module (Join-Path $PSScriptRoot 'LifePos.Bench') -Force

# The settings every scenario uses, for the full run and what -Quick changes; each scenario adds its own. Warm-ups
# run until the times stop improving (at least WarmupSeconds, at most MaxWarmupSeconds); then Repetitions runs.
$Settings = [ordered]@{
    ListItems        = 10000  # $ListEmulator's workplaces
    Repetitions      = 5
    WarmupSeconds    = 2
    MaxWarmupSeconds = 20
}
$QuickSettings = @{ ListItems = 5000; Repetitions = 3; WarmupSeconds = 1; MaxWarmupSeconds = 1.5 }
$PageSize = 100
# The emulator that scenarios 1, 4 and 5 share.
$ListEmulator = { '--seed', "$($Settings.ListItems)" }
# The order of the runs before scenarios had files of their own, so results stay comparable.
$RunOrder = 1, 4, 5, 6, 2, 3

$Definitions = @(foreach ($file in Get-ChildItem (Join-Path $PSScriptRoot 'Scenarios') -Filter '*.ps1') { . $file.FullName })
$Numbers = @($Definitions | ForEach-Object { $_.Number } | Sort-Object)
if (@($Numbers | Select-Object -Unique).Count -ne $Numbers.Count) { throw "Two scenario files declare the same number: $($Numbers -join ', ')." }
$Selected = @(if ($Scenario) { $Scenario -split ',' | ForEach-Object { [int]$_.Trim() } } else { $Numbers })
if ($Selected | Where-Object { $_ -notin $Numbers }) { throw "-Scenario takes the numbers $($Numbers -join ', '), not $($Selected -join ',')." }
# Every scenario's settings, run or not: results.json and the method notes show them all.
foreach ($definition in $Definitions) {
    foreach ($setting in $definition.Settings.Keys) {
        if ($Settings.Contains($setting)) { throw "Scenario $($definition.Number) declares the setting $setting a second time." }
        $Settings[$setting] = $definition.Settings[$setting]
    }
    foreach ($setting in $definition.Quick.Keys) {
        if (-not $definition.Settings.Contains($setting)) { throw "Scenario $($definition.Number) changes $setting for -Quick, not one of its settings." }
        $QuickSettings[$setting] = $definition.Quick[$setting]
    }
}
if ($Quick) { foreach ($setting in $QuickSettings.Keys) { $Settings[$setting] = $QuickSettings[$setting] } }

$ModuleManifest = Import-LifePosBuild -BuildOutput $BuildOutput
$null = New-Item -ItemType Directory -Force $OutputPath
$OutputPath = (Resolve-Path $OutputPath).Path
Start-BenchRun -Settings $Settings -OutputPath $OutputPath -Quick:$Quick
Write-Host "LifePos benchmarks ($(if ($Quick) { 'quick' } else { 'full' })): $OutputPath"
Build-Floor

$emulator = $null
$emulatorArguments = ''
try {
    $toRun = $Definitions | Where-Object { $_.Number -in $Selected } |
        Sort-Object { if ($_.Number -in $RunOrder) { [array]::IndexOf($RunOrder, $_.Number) } else { $RunOrder.Count + $_.Number } }
    foreach ($definition in $toRun) {
        $arguments = @(if ($definition.Emulator) { & $definition.Emulator })
        if ("$arguments" -ne $emulatorArguments) {
            if ($emulator) { $emulator | Stop-LifePosEmulator; $emulator = $null }
            $emulatorArguments = "$arguments"
            if ($arguments) {
                $emulator = Start-BenchEmulator $arguments
                # A failure here shows again, as an error row, in every LifePos measurement that follows.
                try { Connect-BenchEmulator $emulator } catch { Write-Warning "Connect-LifePos failed: $($_.Exception.Message)" }
            }
        }
        $name = & $definition.Name
        Write-Scenario "$($definition.Number). $name"
        & $definition.Run $emulator $name
        & $definition.Targets
    }
}
finally {
    if ($emulator) { $emulator | Stop-LifePosEmulator }
}

$summary = Write-BenchReport
if ($summary.records | Where-Object error) { exit 1 }
