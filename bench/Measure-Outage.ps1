<#
.SYNOPSIS
    How soon a bulk create gives up when LIFE POS goes away mid-run: 300 rows at -ThrottleLimit 8, default
    Connect-LifePos settings (MaxRetries 5, OutageTimeout 10 s), the service gone after ~100 creates.
.DESCRIPTION
    Two ways for the service to go away, each on its own emulator and a fresh connection:
      kill   the emulator's process is killed once /_emulator/stats shows -OutageAfter workplaces alive (a watch
             thread polls every -PollMs): connections are refused from then on.
      reset  PUT /_emulator/faults {outage_after: -OutageAfter, outage_mode: reset} just before the run: the service
             resets every connection from the next request on (deterministic).
    The outage moment is when the watch killed the process, or the first sample that counts the outage; errors and
    output are timestamped as New-LifePosWorkplace writes them (2>&1 into the pipeline). Per variant: the seconds from the
    outage to the first LifePos.ServiceUnreachable error, to the terminating error (when there is one) and to the
    cmdlet's return; rows created (output objects), failed (error records, the terminating one too) and not sent
    (the rest); the summary line; and what the emulator saw (workplaces alive and requests by endpoint and status: its
    last stats when killed, its stats after the run for reset).
    The target: the run gives up (terminating error, or returns) within -TargetSeconds of the outage.
.EXAMPLE
    dotnet pwsh ./build.ps1 Build; dotnet pwsh -NoProfile ./bench/Measure-Outage.ps1 | Format-List
#>
[CmdletBinding()]
param(
    # Where Build put LifePos/ and LifePos.Emulator/.
    [string] $BuildOutput = (Join-Path $PSScriptRoot '../out'),
    [int] $Rows = 300,
    [int] $ThrottleLimit = 8,
    [int] $OutageAfter = 100,
    [ValidateSet('kill', 'reset')] [string[]] $Variant = @('kill', 'reset'),
    # Per request, so ~100 creates take a measurable while (8 in flight at 20 ms: ~400 a second).
    [int] $LatencyMs = 20,
    [int] $PollMs = 10,
    [double] $TargetSeconds = 20,
    # Runs of each variant, one after the other (an emulator and a connection each).
    [int] $Repetitions = 1
)
$ErrorActionPreference = 'Stop'

function Get-Seconds([long] $From, [long] $To) { [Math]::Round(($To - $From) / [Diagnostics.Stopwatch]::Frequency, 2) }

function Get-OutageMoment([object[]] $Samples) {
    # The first sample at or after the outage: the kill, or the first request the emulator took away.
    $killed = $Samples | Where-Object Killed | Select-Object -First 1
    if ($killed) { return $killed }
    $Samples | Where-Object { $_.Stats.faults.PSObject.Properties['outage'] } | Select-Object -First 1
}

Import-Module (Join-Path $PSScriptRoot 'LifePos.Bench') -Force
$null = Import-LifePosBuild -BuildOutput $BuildOutput
$csv = New-BenchCsv (Join-Path ([IO.Path]::GetTempPath()) "lifepos-outage-$PID.csv") $Rows
# The machine is shared: say how busy the rest of it was.
$cpuAtStart = Get-CpuSnapshot
$loadAtStart = Get-LoadAverage
$clock = [Diagnostics.Stopwatch]::StartNew()
try {
    foreach ($kind in @($Variant | ForEach-Object { @($_) * $Repetitions })) {
        $emulator = Start-BenchEmulator '--latency-ms', $LatencyMs
        try {
            Connect-BenchEmulator $emulator
            if ($kind -eq 'reset') {
                $null = Invoke-LifePosEmulatorControl $emulator 'faults' -Method Put -Body @{ outage_after = $OutageAfter; outage_mode = 'reset' }
            }
            $watch = Start-EmulatorWatch $emulator -IntervalMs $PollMs -KillAtAlive $(if ($kind -eq 'kill') { $OutageAfter } else { 0 })
            $events = [System.Collections.Generic.List[object]]::new()
            $terminating = $null
            $started = [Diagnostics.Stopwatch]::GetTimestamp()
            try {
                Import-Csv $csv | New-LifePosWorkplace -ThrottleLimit $ThrottleLimit -ErrorAction Continue -WarningAction SilentlyContinue `
                    -InformationVariable info 2>&1 | ForEach-Object { $events.Add([pscustomobject]@{ At = [Diagnostics.Stopwatch]::GetTimestamp(); Record = $_ }) }
            }
            catch { $terminating = [pscustomobject]@{ At = [Diagnostics.Stopwatch]::GetTimestamp(); Record = $_ } }
            $returned = [Diagnostics.Stopwatch]::GetTimestamp()
            $samples = Stop-EmulatorWatch $watch
            $outage = Get-OutageMoment $samples
            $errors = @($events | Where-Object { $_.Record -is [Management.Automation.ErrorRecord] })
            $created = @($events).Count - $errors.Count
            # Error ids without the command's name: LifePos.ServiceUnreachable, LifePos.MayHaveSucceeded, ...
            $failed = @(@($errors) + @($terminating) | Where-Object { $_ } |
                    ForEach-Object { $_ | Add-Member -NotePropertyName Id -NotePropertyValue ("$($_.Record.FullyQualifiedErrorId)" -split ',')[0] -PassThru })
            $unreachable = $failed | Where-Object Id -EQ 'LifePos.ServiceUnreachable' | Sort-Object At | Select-Object -First 1
            # What the emulator saw: when killed, its last stats; otherwise its stats after the run.
            $final = if ($kind -eq 'kill') { $outage.Stats } else { Invoke-LifePosEmulatorControl $emulator 'stats' }
            $alive = "$($final.workplaces.alive) $(if ($kind -eq 'kill') { 'when killed' } else { 'after the run' })"
            $requests = ($final.requests.PSObject.Properties | ForEach-Object {
                    $counts = Get-StatusCounts $final $_.Name
                    "$($_.Name): " + (($counts.Keys | Where-Object { $_ -ne 'Total' } | Sort-Object | ForEach-Object { "$_=$($counts[$_])" }) -join ' ')
                }) -join '; '
            $gaveUp = if ($terminating) { $terminating.At } else { $returned }
            [pscustomobject][ordered]@{
                Variant             = $kind
                OutageAtSeconds     = if ($outage) { Get-Seconds $started $outage.At } else { $null }
                FirstUnreachableS   = if ($outage -and $unreachable) { Get-Seconds $outage.At $unreachable.At } else { $null }
                GiveUpSeconds       = if ($outage) { Get-Seconds $outage.At $gaveUp } else { $null }
                ReturnedSeconds     = if ($outage) { Get-Seconds $outage.At $returned } else { $null }
                Target              = if (-not $outage) { 'n/a: no outage seen' } elseif ((Get-Seconds $outage.At $gaveUp) -le $TargetSeconds) { "pass (≤ $TargetSeconds s)" } else { "MISS (> $TargetSeconds s)" }
                Terminating         = if ($terminating) { $terminating.Id } else { 'none' }
                Created             = $created
                Failed              = $failed.Count
                NotSent             = $Rows - $created - $failed.Count
                FailedBy            = ($failed | Group-Object Id | Sort-Object Count -Descending | ForEach-Object { "$($_.Count) $($_.Name)" }) -join ', '
                EmulatorWorkplaces  = $alive
                EmulatorRequests    = $requests
                Summary             = "$(@($info | Where-Object Tags -contains 'LifePos.Summary') | Select-Object -Last 1 -ExpandProperty MessageData)"
                Message             = if ($terminating) { "$($terminating.Record.Exception.Message)" } elseif ($unreachable) { "$($unreachable.Record.Exception.Message)" } else { $null }
            }
            Disconnect-LifePos
        }
        finally { $emulator | Stop-LifePosEmulator }
    }
}
finally {
    Remove-Item $csv -ErrorAction SilentlyContinue
    Write-Host ("Other processes used {0} CPU-seconds during the {1:N0} s on {2} cores; load average at start: {3}; at end: {4}." -f
        (Get-OtherCpuSeconds $cpuAtStart), $clock.Elapsed.TotalSeconds, [Environment]::ProcessorCount, $loadAtStart, (Get-LoadAverage))
}
