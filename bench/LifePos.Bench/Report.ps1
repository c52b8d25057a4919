# Part of LifePos.Bench.psm1 (dot-sourced): a run's verdicts, the machine it ran on, results.json and results.md.

function Get-LoadAverage { if (Test-Path /proc/loadavg) { (Get-Content /proc/loadavg -Raw).Trim() } else { $null } }

function Get-CpuSnapshot {
    # Linux: busy CPU ticks of the whole machine and of this process with its finished children (emulators, floor,
    # fresh pwsh processes), so the report can say how much CPU other processes took during the run.
    if (-not (Test-Path /proc/stat)) { return $null }
    $machine = @((Get-Content /proc/stat -TotalCount 1) -split '\s+' | Select-Object -Skip 1 | ForEach-Object { [double]$_ })
    $self = @(((Get-Content /proc/self/stat -Raw) -split '\) ', 2)[1] -split ' ')
    [pscustomobject]@{
        Machine = $machine[0] + $machine[1] + $machine[2] + $machine[5] + $machine[6] + $machine[7]
        Self    = [double]$self[11] + [double]$self[12] + [double]$self[13] + [double]$self[14]
    }
}

function Get-OtherCpuSeconds($Since) {
    # CPU-seconds the machine spent outside this process and its children since the Get-CpuSnapshot $Since; null
    # where /proc is missing. Ticks are 1/100 s on Linux (USER_HZ).
    $now = Get-CpuSnapshot
    if (-not $Since -or -not $now) { return $null }
    [Math]::Max(0, [Math]::Round((($now.Machine - $Since.Machine) - ($now.Self - $Since.Self)) / 100, 1))
}

function Get-Metric($Record, [string] $Metric) {
    if (-not $Record -or $Record.error) { return $null }
    $value = $Record.$Metric
    if ($null -eq $value) { return $null }
    [double]$value
}

function Set-TargetVerdict([hashtable] $ByKey) {
    foreach ($target in $Bench.Targets) {
        $a = Get-Metric $ByKey[$target.subject] $target.metric
        if ($target.kind -in 'at-most', 'at-least') {
            if ($null -eq $a) { continue }
            $target.measured = [Math]::Round($a, 3)
            $target.pass = if ($target.kind -eq 'at-most') { $a -le $target.threshold } else { $a -ge $target.threshold }
            continue
        }
        $b = Get-Metric $ByKey[$target.reference] $target.metric
        if ($null -eq $a -or $null -eq $b -or $b -eq 0 -or $a -eq 0) { continue }
        # Pass or miss is decided on the exact value; the rounded one is shown (so 1.30× can be a miss of ≤ 1.3×).
        $exact = switch ($target.kind) {
            'ratio-at-most' { $a / $b }
            'inverse-ratio-at-least' { $b / $a }
            'difference-at-most' { $a - $b }
        }
        $target.measured = [Math]::Round($exact, $(if ($target.kind -eq 'difference-at-most' -and -not $target.unit) { 0 } elseif ($target.kind -eq 'difference-at-most') { 2 } else { 3 }))
        $target.pass = if ($target.kind -eq 'inverse-ratio-at-least') { $exact -ge $target.threshold } else { $exact -le $target.threshold }
    }
}

function Get-MachineInfo {
    $memoryBytes = [GC]::GetGCMemoryInfo().TotalAvailableMemoryBytes
    $cpuModel = if (Test-Path /proc/cpuinfo) {
        (Select-String -Path /proc/cpuinfo -Pattern '^model name\s*:\s*(.+)$' | Select-Object -First 1).Matches.Groups[1].Value
    }
    $otherCpuSeconds = Get-OtherCpuSeconds $Bench.CpuAtStart
    [ordered]@{
        cores            = [Environment]::ProcessorCount
        memory_gb        = [Math]::Round($memoryBytes / 1GB, 1)
        cpu              = $cpuModel
        os               = [Runtime.InteropServices.RuntimeInformation]::OSDescription
        dotnet           = [Runtime.InteropServices.RuntimeInformation]::FrameworkDescription
        pwsh             = $PSVersionTable.PSVersion.ToString()
        load_at_start    = $Bench.LoadAtStart
        load_at_end      = Get-LoadAverage
        other_cpu_s      = $otherCpuSeconds
    }
}

function Format-Number($Value, [string] $Format = 'N0') {
    if ($null -eq $Value) { return '' }
    ([double]$Value).ToString($Format, [Globalization.CultureInfo]::InvariantCulture)
}

function Format-Ratio($Record, [string] $OtherKey, [hashtable] $ByKey) {
    if ($Record.error -or -not $OtherKey) { return '' }
    if ($OtherKey -eq $Record.key) { return '1.00' }
    $a = Get-Metric $Record $Record.ratio_metric; $b = Get-Metric $ByKey[$OtherKey] $Record.ratio_metric
    if ($null -eq $a -or $null -eq $b -or $b -eq 0) { return '' }
    Format-Number ($a / $b) 'N2'
}

function Get-TargetUnit($Target) {
    switch ($Target.kind) { 'difference-at-most' { if ($Target.unit) { $Target.unit } else { ' ms' } } { $_ -in 'at-most', 'at-least' } { $Target.unit } default { '×' } }
}

function Format-Target($Target) {
    $unit = Get-TargetUnit $Target
    if ($null -eq $Target.pass) { return "$($Target.text): n/a" }
    $verdict = if ($Target.pass) { '**pass**' } else { '**MISS**' }
    $format = switch ($Target.kind) { 'difference-at-most' { if ($Target.unit) { '0.##' } else { 'N0' } } { $_ -in 'at-most', 'at-least' } { '0.###' } default { 'N3' } }
    "$($Target.text): $(Format-Number $Target.measured $format)$unit $verdict"
}

function Format-Cell([string] $Text) { $Text.Replace('|', '\|') }

function Format-ResultHeader($Summary) {
    # The title, the machine, how to reproduce, and what the columns mean.
    $machine = $Summary.machine; $quick = $Summary.quick; $settings = $Summary.settings
    "# LifePos benchmarks$(if ($quick) { ' (quick)' })"
    ''
    "Run $($Summary.generated_at) in $($Summary.duration_s) s on $($machine.cores) cores, $($machine.memory_gb) GB" +
    "$(if ($machine.cpu) { ", $($machine.cpu)" }); $($machine.os); $($machine.dotnet); pwsh $($machine.pwsh). " +
    "Load average at start: $($machine.load_at_start); at end: $($machine.load_at_end)." +
    $(if ($null -ne $machine.other_cpu_s) { " Other processes used $($machine.other_cpu_s) CPU-seconds during the run." }) +
    $(if ($Summary.commit) { " Commit $($Summary.commit)." })
    ''
    "Reproduce: ``$($Summary.command)`` (the same as ``dotnet pwsh ./build.ps1 Build`` then ``dotnet pwsh -NoProfile ./bench/Invoke-Benchmarks.ps1$(if ($quick) { ' -Quick' })``)."
    ''
    if ($quick) {
        "**Quick run**: fewer items, rows and repetitions, and warm-ups capped at $($settings.MaxWarmupSeconds) s. LifePos " +
        'needs ~25 listings of 10,000 (~8 s) in a pwsh process before tiered JIT reaches steady state, so the quick run ' +
        'measures it lukewarm and its CPU-bound ratios (scenarios 1 and 4) run high. Verdicts come from the full run.'
        ''
    }
    'Wall milliseconds, median of the repetitions after a warm-up. ×&nbsp;Floor and ×&nbsp;LifePos divide this row''s median by the ' +
    'reference row''s (for scenario 6 the ratios are of peak working sets; in scenario 5 ' +
    '×&nbsp;LifePos is against the bare pwsh process). Peak WS is the peak working set of a fresh process; Retained is ' +
    'its managed heap after a full collection at its end (scenario 6).'
    ''
}

function Format-ResultTable([hashtable] $ByKey) {
    '| # | Scenario | Contender | Reps | Median ms | Min ms | Max ms | Items/s | Peak WS MB | Retained MB | × Floor | × LifePos | Targets |'
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|'
    foreach ($record in ($Bench.Records | Sort-Object scenario -Stable)) {
        $targetText = @($Bench.Targets | Where-Object { $_.subject -eq $record.key } | ForEach-Object { Format-Target $_ }) -join '<br>'
        if ($record.error) { $targetText = "ERROR: $($record.error)" + $(if ($targetText) { "<br>$targetText" }) }
        $contender = Format-Cell ($record.contender + $(if ($record.note) { " <sub>($($record.note))</sub>" }))
        $targetText = Format-Cell $targetText
        "| $($record.scenario) | $($record.scenario_name) | $contender | $($record.repetitions) | $(Format-Number $record.median_ms 'N1') | " +
        "$(Format-Number $record.min_ms 'N1') | $(Format-Number $record.max_ms 'N1') | $(Format-Number $record.items_per_second) | " +
        "$(Format-Number $record.peak_working_set_mb 'N1') | $(Format-Number $record.retained_mb 'N2') | $(Format-Ratio $record $record.floor_key $ByKey) | $(Format-Ratio $record $record.lifepos_key $ByKey) | $targetText |"
    }
    ''
    '## Targets'
    ''
    '| Scenario | Target | Measured | Result |'
    '|---|---|---|---|'
    foreach ($target in ($Bench.Targets | Sort-Object { $ByKey[$_.subject].scenario } -Stable)) {
        $unit = Get-TargetUnit $target
        $result = if ($null -eq $target.pass) { 'n/a' } elseif ($target.pass) { 'pass' } else { '**MISS**' }
        "| $($ByKey[$target.subject].scenario_name) | $($target.text) | $(if ($null -ne $target.measured) { "$($target.measured)$unit" }) | $result |"
    }
    ''
}

function Format-MethodNotes($Settings) {
    '## Method'
    ''
    '- **LifePos**: the cmdlets in one warm pwsh process, `Measure-Command` around the pipeline, output into ' +
    '`Measure-Object` (lists; the count is checked) or `Out-Null` (creates; the emulator''s alive count is checked).'
    '- **IRM script**: what an admin writes without the module, in the same process: a `while` loop on `next_page_token` ' +
    'with `Invoke-RestMethod` and the same four headers, collecting into a `List[object]`; bulk creation as ' +
    '`Import-Csv | ForEach-Object { Invoke-RestMethod -Method Post ... }` and with `ForEach-Object -Parallel -ThrottleLimit 16`.'
    '- **Floor**: `bench/Floor`, a C# console program (one `HttpClient`, System.Text.Json source generation, no PowerShell) ' +
    'doing the same HTTP work and timing its own runs after a warm-up: the practical limit.'
    "- Every in-process and floor measurement warms up until its times stop improving (at least $($Settings.WarmupSeconds) s, " +
    "$($Settings.ListWarmupSeconds) s for scenario 1, " +
    "at most $($Settings.MaxWarmupSeconds) s; the last 8 runs set no new best by more than 5 %): tiered JIT reaches steady " +
    'state only after ~25 listings of 10,000 in a pwsh process and ~12 in the floor. Then ' +
    "$($Settings.Repetitions) repetitions ($($Settings.ListRepetitions) in scenario 1; median reported); the serial bulk creates " +
    "run $($Settings.SerialRepetitions) time(s); bulk creates warm up on $($Settings.WarmupRows)-row CSVs; first-item latency $($Settings.FirstItemRepetitions) " +
    "repetitions; fresh-process timings $($Settings.ProcessRepetitions), interleaved. The emulator is reset before every " +
    'bulk-create run. Scenarios 5 and 6 start fresh `pwsh -NoProfile -NonInteractive` processes; their peak working set is ' +
    '`Process.PeakWorkingSet64` read by the process itself at the end. Scenario 6 also reads what the process still holds ' +
    'once the listing is over: `GC.Collect()`, `GC.WaitForPendingFinalizers()`, `GC.Collect()`, then `GC.GetTotalMemory($true)` ' +
    '(the floor does the same at its end); its target is on that retained heap, the peak working set is information.'
    "- **Scenario 7** (rate limit): ``Import-Csv | New-LifePosWorkplace -ThrottleLimit N`` for N in $($Settings.RateLimitThrottles -join ', '), " +
    "$($Settings.RateLimitRows) rows, against an emulator started with ``--rate-limit $($Settings.RateLimitRps)`` (a sliding one-second " +
    'window per token; beyond it 429 with `Retry-After: 1`) and no latency. Before every run the emulator is reset (no workplaces, ' +
    'stats or rate window) and Connect-LifePos runs again, so no run profits from what another learned (its two requests count in ' +
    "the window, as they would in life). One untimed warm-up run of $($Settings.RateLimitWarmupRows) rows per limit, then " +
    "$($Settings.RateLimitRepetitions) timed run(s): each takes at least rows ÷ limit seconds, so few are enough, and the targets " +
    'hold for the worst run. Rows created are `workplaces.alive`, 429s and create requests `requests.create.by_status` of ' +
    '`/_emulator/stats`; a thread samples the stats every 100 ms, so results.json shows when the 429s came (`refusals_seen`) and the ' +
    'note counts those within 0.5 s of the first (the first burst). The ideal row is rows ÷ limit; × Floor divides by it.'
    '- In results.json besides: warm-up runs and milliseconds, the processor time of the measuring process per run (`cpu_median_ms`, all threads; steadier than wall time on a busy machine), list requests per run and the emulator''s server milliseconds per request.'
}

function Write-BenchReport {
    # Decides the targets, writes results.json and results.md to the run's output folder, prints the verdicts, and
    # returns what results.json holds.
    $byKey = @{}
    foreach ($record in $Bench.Records) { $byKey[$record.key] = $record }
    Set-TargetVerdict $byKey
    $machine = Get-MachineInfo
    $commit = try { (& git -C $PSScriptRoot rev-parse --short HEAD 2>$null) } catch { $null }
    $summary = [ordered]@{
        generated_at = $Bench.Started.ToString('yyyy-MM-ddTHH:mm:ssZ')
        duration_s   = [Math]::Round(([DateTime]::UtcNow - $Bench.Started).TotalSeconds, 1)
        quick        = $Bench.Quick
        command      = "dotnet tool restore && dotnet pwsh ./build.ps1 Bench$(if ($Bench.Quick) { ' -Quick' })"
        commit       = $commit
        machine      = $machine
        settings     = $Bench.Settings
        records      = $Bench.Records
        targets      = $Bench.Targets
    }
    $summary | ConvertTo-Json -Depth 8 | Set-Content -LiteralPath (Join-Path $Bench.OutputPath 'results.json') -Encoding utf8
    $markdown = @(Format-ResultHeader $summary) + @(Format-ResultTable $byKey) + @(Format-MethodNotes $Bench.Settings)
    $markdown | Set-Content -LiteralPath (Join-Path $Bench.OutputPath 'results.md') -Encoding utf8

    Write-Host ''
    Write-Host "Results: $(Join-Path $Bench.OutputPath 'results.md')"
    $Bench.Targets | ForEach-Object { Write-Host "  $(Format-Target $_)" }
    if ($null -ne $machine.other_cpu_s) { Write-Host "Other processes used $($machine.other_cpu_s) CPU-seconds during the run ($($summary.duration_s) s on $($machine.cores) cores)." }
    $summary
}
