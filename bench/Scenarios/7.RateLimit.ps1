# Scenario 7: bulk-create from a CSV against a service that takes 20 requests a second per token (the emulator's
# --rate-limit: a sliding one-second window, 429 with Retry-After beyond it). LifePos at several throttle limits, each
# run on a fresh connection (its rate limiter starts knowing nothing) and an empty emulator. A rate limit should cost
# waiting, not rows: every row created, the wall time close to rows ÷ limit, and few requests answered 429.

@{
    Number   = 7
    # A run takes at least rows ÷ limit seconds (20 s in full), so only RateLimitRepetitions runs per throttle limit; the
    # targets hold for the worst of them. A warm-up run of RateLimitWarmupRows rows (JIT, runspaces) is not timed.
    Settings = [ordered]@{ RateLimitRows = 400; RateLimitRps = 20; RateLimitThrottles = @(4, 16, 64); RateLimitRepetitions = 2; RateLimitWarmupRows = 20 }
    Quick    = @{ RateLimitRows = 100; RateLimitRepetitions = 1 }
    Name     = { "Bulk-create $('{0:N0}' -f $Settings.RateLimitRows) from CSV, rate limit $($Settings.RateLimitRps)/s" }
    Emulator = { '--rate-limit', "$($Settings.RateLimitRps)" }
    Targets  = {
        foreach ($throttle in $Settings.RateLimitThrottles) {
            $key = "7/LifePos@$throttle"
            Add-Target 'every row created' -Subject $key -Kind at-least -Threshold $Settings.RateLimitRows -Metric created_min -Unit ' rows'
            Add-Target '≤ 1.15× ideal (worst run)' -Subject $key -Reference '7/Ideal' -Kind ratio-at-most -Threshold 1.15 -Metric max_ms
            Add-Target '429s ≤ 5 % of creates (worst run)' -Subject $key -Kind at-most -Threshold 5 -Metric refused_pct_max -Unit ' %'
        }
    }
    Run      = {
        param($Emulator, [string] $Name)
        $rows = $Settings.RateLimitRows
        $rps = $Settings.RateLimitRps
        $csv = New-BenchCsv (Join-Path $OutputPath "workplaces-$rows.csv") $rows
        $warmupCsv = New-BenchCsv (Join-Path $OutputPath "workplaces-$($Settings.RateLimitWarmupRows).csv") $Settings.RateLimitWarmupRows
        $row = @{ Scenario = 7; ScenarioName = $Name; Items = $rows; FloorKey = '7/Ideal' }
        Add-Record @row -Contender "Ideal: $rows rows ÷ $rps/s" -Key '7/Ideal' -Samples @(1000.0 * $rows / $rps) `
            -Note 'the floor here: no client is faster'
        foreach ($throttle in $Settings.RateLimitThrottles) {
            Invoke-Contender -Record ($row + @{ Contender = "LifePos -ThrottleLimit $throttle"; Key = "7/LifePos@$throttle"; Warmup = 1 }) -Measure {
                Measure-RateLimitedCreate $Emulator $csv $warmupCsv $throttle $Settings.RateLimitRepetitions
            }
        }
    }
}

function Measure-RateLimitedCreate($Emulator, [string] $Csv, [string] $WarmupCsv, [int] $Throttle, [int] $Repetitions) {
    # Every run, the untimed warm-up first: reset the emulator (no workplaces, no stats, no rate window), Connect-LifePos
    # again (a new connection, so a new limiter; its own request counts in the window on both sides, as it would in
    # life), then the timed Import-Csv | New-LifePosWorkplace while a watch samples the emulator's stats, then the
    # emulator's counts. (Reset after connecting, the emulator forgets a request the limiter remembers: it then learns
    # 20.9/s for a limit of 20 and pays a 1 s pause for every 20 rows.)
    $runs = foreach ($path in @($WarmupCsv) + @(@($Csv) * $Repetitions)) {
        $null = Invoke-LifePosEmulatorControl -Emulator $Emulator -Path 'reset' -Method POST
        Connect-BenchEmulator $Emulator
        $watch = Start-EmulatorWatch $Emulator -IntervalMs 100
        $outcome = @{}
        $started = [Diagnostics.Stopwatch]::GetTimestamp()
        try {
            $measured = Measure-Run {
                Import-Csv $path | New-LifePosWorkplace -ThrottleLimit $Throttle -ErrorAction SilentlyContinue -ErrorVariable failed `
                    -WarningAction SilentlyContinue | Out-Null
                $outcome.Failed = @($failed).Count
            }
        }
        finally { $samples = Stop-EmulatorWatch $watch }
        $stats = Invoke-LifePosEmulatorControl -Emulator $Emulator -Path 'stats'
        $creates = Get-StatusCounts $stats 'create'
        $refused = [long]$creates['429']
        $timeline = @(Get-RefusalTimeline $samples $started)
        [pscustomobject]@{
            WallMs = $measured.WallMs; CpuMs = $measured.CpuMs; Created = [long]$stats.workplaces.alive; Failed = $outcome.Failed
            Requests = $creates.Total; Refused = $refused; RefusedPct = if ($creates.Total) { 100.0 * $refused / $creates.Total } else { 0 }
            FirstBurst = Get-FirstBurst $timeline; Timeline = $timeline; Others = ($stats.requests_total - $creates.Total)
        }
    }
    $measuredRuns = @($runs | Select-Object -Skip 1)
    $perRun = ($measuredRuns | ForEach-Object {
            "$($_.Refused)/$($_.Requests) ($($_.FirstBurst) in the first burst), $($_.Created) created" + $(if ($_.Failed) { ", $($_.Failed) failed" })
        }) -join '; '
    @{
        Samples = [double[]]@($measuredRuns.WallMs); CpuMs = [double[]]@($measuredRuns.CpuMs); Warmup = 1; WarmupMs = [Math]::Round($runs[0].WallMs)
        RequestsPerRun = ($measuredRuns.Requests | Measure-Object -Average).Average
        Note = "$($measuredRuns.Count) run(s): 429s/creates $perRun"
        Metrics = [ordered]@{
            created_min = ($measuredRuns.Created | Measure-Object -Minimum).Minimum
            refused_pct_max = [Math]::Round(($measuredRuns.RefusedPct | Measure-Object -Maximum).Maximum, 2)
            runs = @($measuredRuns | ForEach-Object {
                    [ordered]@{ wall_ms = [Math]::Round($_.WallMs, 1); created = $_.Created; failed = $_.Failed; create_requests = $_.Requests
                        refused_429 = $_.Refused; refused_first_burst = $_.FirstBurst; other_requests = $_.Others; refusals_seen = $_.Timeline }
                })
        }
    }
}

function Get-RefusalTimeline([object[]] $Samples, [long] $Started) {
    # When the watch saw the count of create 429s change: seconds since the run started, creates done, 429s so far.
    $refused = 0L
    foreach ($sample in $Samples) {
        $counts = Get-StatusCounts $sample.Stats 'create'
        if ([long]$counts['429'] -eq $refused) { continue }
        $refused = [long]$counts['429']
        [ordered]@{ s = [Math]::Round(($sample.At - $Started) / [Diagnostics.Stopwatch]::Frequency, 2); created = [long]$counts['200']; refused = $refused }
    }
}

function Get-FirstBurst([object[]] $Timeline) {
    # The 429s of the first burst: those seen within half a second of the first. The limiter then holds every request
    # for the Retry-After (1 s), so 429s after that are the paced requests' (the limit probed again, or strays).
    if (-not $Timeline) { return 0 }
    @($Timeline | Where-Object { $_.s -le $Timeline[0].s + 0.5 })[-1].refused
}
