# Part of LifePos.Bench.psm1 (dot-sourced): timing. A warm-up until the times stop improving, then repetitions with
# this process's processor time; the emulator's counters, and a watch that samples them during a run (or ends the
# emulator mid-run); the floor and fresh pwsh processes, which time themselves or are timed whole.

function Test-Steady([System.Collections.Generic.List[double]] $Times) {
    # Steady once the last 8 runs set no new best (none more than 5 % under the best before them). Tiered JIT
    # improves in steps: in a pwsh process LifePos needs ~25 listings of 10,000 (call counting waits while
    # PowerShell keeps compiling), the floor ~12; "three runs agree" stopped on a plateau.
    $window = 8
    if ($Times.Count -le $window) { return $false }
    $bestBefore = ($Times.GetRange(0, $Times.Count - $window) | Measure-Object -Minimum).Minimum
    $bestRecent = ($Times.GetRange($Times.Count - $window, $window) | Measure-Object -Minimum).Minimum
    $bestRecent -ge 0.95 * $bestBefore
}

function Measure-Run {
    # One timed run after a full collection: its wall milliseconds and this process's processor milliseconds (all
    # threads; steadier than wall time on a busy machine).
    param([Parameter(Mandatory)] [scriptblock] $Run)
    $self = [Diagnostics.Process]::GetCurrentProcess()
    [GC]::Collect()
    [GC]::WaitForPendingFinalizers()
    $self.Refresh(); $cpuBefore = $self.TotalProcessorTime
    $wallMs = (Measure-Command $Run).TotalMilliseconds
    $self.Refresh()
    [pscustomobject]@{ WallMs = $wallMs; CpuMs = ($self.TotalProcessorTime - $cpuBefore).TotalMilliseconds }
}

function Measure-InProcess {
    # Warms up until tiered JIT reaches steady state (at least $Warmup runs and $WarmupSeconds, then until
    # Test-Steady, for at most $MaxWarmupSeconds), then runs $Repetitions times inside Measure-Command. $Before runs
    # untimed before every run, $Check untimed after it (throws when the run did not do the whole job).
    param(
        [Parameter(Mandatory)] [scriptblock] $Run,
        [int] $Warmup = 1,
        [int] $Repetitions = $Bench.Settings.Repetitions,
        [scriptblock] $Before,
        [scriptblock] $Check,
        [double] $WarmupSeconds = $Bench.Settings.WarmupSeconds,
        [double] $MaxWarmupSeconds = $Bench.Settings.MaxWarmupSeconds
    )
    $warmupClock = [Diagnostics.Stopwatch]::StartNew()
    $warmupTimes = [System.Collections.Generic.List[double]]::new()
    while ($Warmup -gt 0) {
        $elapsed = $warmupClock.Elapsed.TotalSeconds
        if ($warmupTimes.Count -ge $Warmup -and $elapsed -ge $WarmupSeconds -and
            ((Test-Steady $warmupTimes) -or $elapsed -ge $MaxWarmupSeconds)) { break }
        if ($Before) { & $Before }
        $warmupTimes.Add((Measure-Command $Run).TotalMilliseconds)
        if ($Check) { & $Check }
    }
    $samples = [System.Collections.Generic.List[double]]::new()
    $cpu = [System.Collections.Generic.List[double]]::new()
    for ($iteration = 0; $iteration -lt $Repetitions; $iteration++) {
        if ($Before) { & $Before }
        $measured = Measure-Run $Run
        $samples.Add($measured.WallMs); $cpu.Add($measured.CpuMs)
        if ($Check) { & $Check }
    }
    @{ Samples = $samples.ToArray(); CpuMs = $cpu.ToArray(); Warmup = $warmupTimes.Count; WarmupMs = [Math]::Round(($warmupTimes | Measure-Object -Sum).Sum) }
}

function Invoke-Contender {
    # Measures one contender and records it; a failure becomes an error row instead of stopping the benchmark.
    # $Measure returns Measure-InProcess's or Invoke-Floor's hashtable, or the samples.
    param(
        [Parameter(Mandatory)] [hashtable] $Record,
        [Parameter(Mandatory)] [scriptblock] $Measure,
        $Emulator,
        [string] $Endpoint
    )
    try {
        if ($Emulator -and $Endpoint) { $before = Get-EmulatorCounters $Emulator $Endpoint }
        $result = & $Measure
        if ($result -is [hashtable]) { foreach ($name in $result.Keys) { $Record[$name] = $result[$name] } }
        else { $Record.Samples = $result }
        if ($Emulator -and $Endpoint -and $Record.ContainsKey('Samples') -and -not $Record.ContainsKey('RequestsPerRun')) {
            $after = Get-EmulatorCounters $Emulator $Endpoint
            $runs = $Record.Samples.Count + $Record.Warmup
            if ($after.Requests -ge $before.Requests -and $runs -gt 0) {
                $Record.RequestsPerRun = ($after.Requests - $before.Requests) / $runs
                $Record.ServerMsPerRequest = $after.ServerMs
            }
        }
    }
    catch {
        $Record.ErrorText = ($_.Exception.Message -split "`n")[0]
        $Record.Remove('Samples')
    }
    Add-Record @Record
}

function Get-EmulatorCounters($Emulator, [string] $Endpoint) {
    # Request count and mean server time for one endpoint; the counters survive until the next reset.
    try {
        $stats = Invoke-LifePosEmulatorControl -Emulator $Emulator -Path 'stats'
        $requests = $stats.requests.PSObject.Properties[$Endpoint]
        $timing = $stats.server_time_ms.PSObject.Properties[$Endpoint]
        [pscustomobject]@{
            Requests = if ($requests) { [long]$requests.Value.total } else { 0 }
            ServerMs = if ($timing) { [double]$timing.Value.mean } else { -1 }
        }
    }
    catch { [pscustomobject]@{ Requests = -1; ServerMs = -1 } }
}

function Get-StatusCounts($Stats, [string] $Endpoint) {
    # An endpoint's requests by status ('200', '429', 'dropped', ...) and their total, from /_emulator/stats.
    $counts = @{ Total = 0L }
    $entry = $Stats.requests.PSObject.Properties[$Endpoint]
    if ($entry) {
        $counts.Total = [long]$entry.Value.total
        foreach ($status in $entry.Value.by_status.PSObject.Properties) { $counts[$status.Name] = [long]$status.Value }
    }
    $counts
}

function Start-EmulatorWatch {
    # Samples the emulator's stats every $IntervalMs on a thread of its own while the measured pipeline runs on this
    # one: each sample is a Stopwatch timestamp (At) and the stats. With $KillAtAlive it kills the emulator's process as
    # soon as that many workplaces are alive (a sample with Killed = $true marks the moment) and stops sampling.
    param([Parameter(Mandatory)] $Emulator, [int] $IntervalMs = 100, [long] $KillAtAlive = 0)
    $watch = [pscustomobject]@{
        Samples = [System.Collections.Concurrent.ConcurrentQueue[object]]::new()
        Stop    = [System.Threading.ManualResetEventSlim]::new($false)
        Job     = $null
    }
    $watch.Job = Start-ThreadJob -ArgumentList ([Uri]::new($Emulator.BaseUri, '/_emulator/stats')), $Emulator.ProcessId, $watch.Samples, $watch.Stop, $IntervalMs, $KillAtAlive -ScriptBlock {
        param([Uri] $Uri, [int] $ProcessId, $Samples, $Stop, [int] $Interval, [long] $KillAt)
        while (-not $Stop.IsSet) {
            try { $stats = Invoke-RestMethod $Uri -TimeoutSec 5 } catch { break }
            $Samples.Enqueue([pscustomobject]@{ At = [Diagnostics.Stopwatch]::GetTimestamp(); Stats = $stats; Killed = $false })
            if ($KillAt -gt 0 -and $stats.workplaces.alive -ge $KillAt) {
                [Diagnostics.Process]::GetProcessById($ProcessId).Kill()
                $Samples.Enqueue([pscustomobject]@{ At = [Diagnostics.Stopwatch]::GetTimestamp(); Stats = $stats; Killed = $true })
                break
            }
            $null = $Stop.Wait($Interval)
        }
    }
    # The thread's first request is slow (a new runspace): the measured run starts once it has a sample.
    $deadline = [DateTime]::UtcNow.AddSeconds(20)
    while ($watch.Samples.IsEmpty -and $watch.Job.State -in 'NotStarted', 'Running' -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 10 }
    if ($watch.Samples.IsEmpty) { Stop-EmulatorWatch $watch | Out-Null; throw 'The emulator watch got no stats.' }
    $watch
}

function Stop-EmulatorWatch($Watch) {
    # Ends the sampling and returns the samples, oldest first.
    $Watch.Stop.Set()
    $null = $Watch.Job | Wait-Job
    $Watch.Job | Remove-Job
    , $Watch.Samples.ToArray()
}

function Invoke-Floor {
    # Runs the C# floor; it warms up like Measure-InProcess, times its own repetitions and prints one JSON line.
    param([Parameter(Mandatory)] [string[]] $ArgumentList, $Emulator, [switch] $Raw)
    $common = @('--base-uri', $Emulator.BaseUri.ToString(), '--org', $Emulator.OrganizationId.ToString(), '--token', $Emulator.Token)
    $output = & dotnet $FloorDll @ArgumentList @common 2>&1
    if ($LASTEXITCODE -ne 0) { throw "Floor failed: $($output -join ' ')" }
    $result = $output | Where-Object { "$_".StartsWith('{') } | Select-Object -Last 1 | ConvertFrom-Json
    if ($Raw) { return $result }
    @{ Samples = [double[]]$result.samples_ms; CpuMs = [double[]]$result.cpu_ms; Warmup = [int]$result.warmup_runs; WarmupMs = [Math]::Round([double]$result.warmup_ms) }
}

function Invoke-FreshPwsh {
    # Runs a script in a new pwsh process and returns its wall time and the JSON object it printed last.
    param([Parameter(Mandatory)] [string] $Script)
    $encoded = [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($Script))
    $stopwatch = [Diagnostics.Stopwatch]::StartNew()
    $output = & dotnet $PwshDll -NoProfile -NonInteractive -EncodedCommand $encoded 2>&1
    $stopwatch.Stop()
    if ($LASTEXITCODE -ne 0) { throw "The pwsh process failed ($LASTEXITCODE): $(($output | Select-Object -Last 3) -join ' ')" }
    $json = $output | Where-Object { "$_".StartsWith('{') } | Select-Object -Last 1
    if (-not $json) { throw "The pwsh process printed no result: $(($output | Select-Object -Last 3) -join ' ')" }
    $result = $json | ConvertFrom-Json
    $result | Add-Member -NotePropertyName WallMs -NotePropertyValue $stopwatch.Elapsed.TotalMilliseconds -PassThru
}
