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

    bench/LifePos.Bench holds what the scenarios share: timing and warm-up, emulators, the floor, fresh processes,
    result rows, targets and the report.
.EXAMPLE
    dotnet pwsh ./build.ps1 Bench -Quick
#>
[CmdletBinding()]
param(
    # A reduced run (fewer items, rows and repetitions) that finishes in under a minute, with the same columns.
    [switch] $Quick,
    [string] $OutputPath = (Join-Path $PSScriptRoot '../out/bench'),
    # Where Build put LifePos/ and LifePos.Emulator/.
    [string] $BuildOutput = (Join-Path $PSScriptRoot '../out'),
    # Only these scenarios (1..6), e.g. -Scenario 1,4 while profiling; "1,4" works through pwsh -File too.
    [string[]] $Scenario = @('1', '2', '3', '4', '5', '6')
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$Scenario = @($Scenario -split ',' | ForEach-Object { [int]$_.Trim() })
if ($Scenario | Where-Object { $_ -lt 1 -or $_ -gt 6 }) { throw "-Scenario takes numbers from 1 to 6, not $($Scenario -join ',')." }
Import-Module (Join-Path $PSScriptRoot 'LifePos.Bench') -Force
$ModuleManifest = Import-LifePosBuild -BuildOutput $BuildOutput
$null = New-Item -ItemType Directory -Force $OutputPath
$OutputPath = (Resolve-Path $OutputPath).Path

# Sizes and repetitions: the full run, and what -Quick changes. Warm-ups run until the times stop improving (at least
# WarmupSeconds, at most MaxWarmupSeconds); then Repetitions measured runs. The serial bulk creates (about 45 s
# each at 20 ms per request) run SerialRepetitions times; -ThrottleLimit 4, without a target, InfoRepetitions.
$Settings = [ordered]@{
    ListItems            = 10000  # scenarios 1, 4, 5
    LatencyListItems     = 10000  # scenario 2
    CreateRows           = 2000   # scenario 3
    WarmupRows           = 48     # scenario 3 warm-ups
    CreateWarmupSeconds  = 2
    Repetitions          = 5
    InfoRepetitions      = 3
    SerialRepetitions    = 1
    WarmupSeconds        = 2
    ListWarmupSeconds    = 10     # scenario 1: LifePos plateaus for a while before its last JIT step (~25 listings)
    MaxWarmupSeconds     = 20
    FirstItemRepetitions = 20     # scenario 4
    ProcessWarmup        = 1      # scenario 5: warm-up rounds of fresh processes
    ProcessRepetitions   = 5
    MemorySmallItems     = 10000  # scenario 6
    MemoryItems          = 99999  # the most one organization holds: workplace numbers are 1..99999
    MemoryWarmup         = 1
    MemoryRepetitions    = 5
    MemoryContext        = $true  # the IRM script's memory, for contrast
    MemoryFloor          = $true
}
if ($Quick) {
    $quickSettings = @{
        ListItems = 5000; LatencyListItems = 1000; CreateRows = 48; WarmupRows = 16; CreateWarmupSeconds = 0; Repetitions = 3
        WarmupSeconds = 1; ListWarmupSeconds = 1.5; MaxWarmupSeconds = 1.5; FirstItemRepetitions = 10; ProcessWarmup = 0; ProcessRepetitions = 1
        MemoryItems = 20000; MemoryWarmup = 0; MemoryRepetitions = 1; MemoryContext = $false; MemoryFloor = $false
    }
    foreach ($name in $quickSettings.Keys) { $Settings[$name] = $quickSettings[$name] }
}
$PageSize = 100
$WarmupRows = $Settings.WarmupRows

Start-BenchRun -Settings $Settings -OutputPath $OutputPath -Quick:$Quick

#region Helpers of this script

function Test-Scenario([int[]] $Number) { @($Number | Where-Object { $Scenario -contains $_ }).Count -gt 0 }

function New-BenchCsv([string] $Path, [int] $Rows) {
    # ASCII names without commas or quotes, so Import-Csv and the floor's plain split read the same rows.
    $types = 'Mobile', 'Stationary', 'Automat'
    $lines = [System.Collections.Generic.List[string]]::new()
    $lines.Add('name,workplace_type,meta')
    for ($i = 1; $i -le $Rows; $i++) { $lines.Add(('Bench {0:D5},{1},bench-{2}' -f $i, $types[$i % 3], ($i % 7))) }
    [IO.File]::WriteAllLines($Path, $lines)
    $Path
}

#endregion

Write-Host "LifePos benchmarks ($(if ($Quick) { 'quick' } else { 'full' })): $OutputPath"

Build-Floor

$listItems = $Settings.ListItems
$listPages = [Math]::Ceiling($listItems / $PageSize)
$reps = $Settings.Repetitions

#region Scenarios 1, 4 and 5: one emulator seeded with $listItems, no latency

if (Test-Scenario 1, 4, 5) {
    $listEmulator = Start-BenchEmulator '--seed', "$listItems"
    try {
        Connect-BenchEmulator $listEmulator
        $headers = Get-IrmHeaders $listEmulator
        $base = $listEmulator.BaseUri.ToString()
        $org = $listEmulator.OrganizationId

        if (Test-Scenario 1) {
            $name = "List $('{0:N0}' -f $listItems), page size $PageSize, no latency"
            Write-Scenario "1. $name"
            Invoke-Contender -Emulator $listEmulator -Endpoint 'list' -Record @{
                Scenario = 1; ScenarioName = $name; Contender = 'LifePos'; Key = '1/LifePos'; Items = $listItems; Warmup = 1
                FloorKey = '1/Floor'; LifePosKey = '1/LifePos'
            } -Measure {
                Measure-InProcess -WarmupSeconds $Settings.ListWarmupSeconds -Run { $script:Count = (Get-LifePosWorkplace -PageSize $PageSize | Measure-Object).Count } `
                    -Check { Assert-Count $script:Count $listItems 'Get-LifePosWorkplace' }
            }
            Invoke-Contender -Emulator $listEmulator -Endpoint 'list' -Record @{
                Scenario = 1; ScenarioName = $name; Contender = 'IRM script'; Key = '1/IRM'; Items = $listItems; Warmup = 1
                FloorKey = '1/Floor'; LifePosKey = '1/LifePos'
            } -Measure {
                Measure-InProcess -WarmupSeconds $Settings.ListWarmupSeconds -Run { $script:Count = (Invoke-IrmList $base $org $headers $PageSize).Count } `
                    -Check { Assert-Count $script:Count $listItems 'The IRM loop' }
            }
            Invoke-Contender -Emulator $listEmulator -Endpoint 'list' -Record @{
                Scenario = 1; ScenarioName = $name; Contender = 'Floor'; Key = '1/Floor'; Items = $listItems; Warmup = 1
                FloorKey = '1/Floor'; LifePosKey = '1/LifePos'
            } -Measure {
                Invoke-Floor -Emulator $listEmulator -ArgumentList 'list', '--page-size', $PageSize, '--expect', $listItems,
                    '--warmup', 1, '--warmup-seconds', $Settings.ListWarmupSeconds, '--max-warmup-seconds', $Settings.MaxWarmupSeconds, '--repetitions', $reps
            }
            Add-Target '≤ 1.5× Floor' -Subject '1/LifePos' -Reference '1/Floor' -Kind ratio-at-most -Threshold 1.5
            Add-Target 'IRM ≥ 2× LifePos' -Subject '1/LifePos' -Reference '1/IRM' -Kind inverse-ratio-at-least -Threshold 2
        }

        if (Test-Scenario 4) {
            $name = "First item of $('{0:N0}' -f $listItems) (Select-Object -First 1)"
            Write-Scenario "4. $name"
            $firstReps = $Settings.FirstItemRepetitions
            Invoke-Contender -Emulator $listEmulator -Endpoint 'list' -Record @{
                Scenario = 4; ScenarioName = $name; Contender = 'LifePos'; Key = '4/LifePos'; Items = 1; Warmup = 3
                FloorKey = '4/Floor'; LifePosKey = '4/LifePos'; Note = 'Get-LifePosWorkplace | Select-Object -First 1'
            } -Measure {
                Measure-InProcess -Warmup 3 -Repetitions $firstReps -Run { $script:First = Get-LifePosWorkplace | Select-Object -First 1 } `
                    -Check { if ($null -eq $script:First) { throw 'Get-LifePosWorkplace | Select-Object -First 1 returned nothing.' } }
            }
            Invoke-Contender -Emulator $listEmulator -Endpoint 'list' -Record @{
                Scenario = 4; ScenarioName = $name; Contender = 'IRM script'; Key = '4/IRM'; Items = 1; Warmup = 3
                FloorKey = '4/Floor'; LifePosKey = '4/LifePos'; Note = "one Invoke-RestMethod of the first page ($PageSize items)"
            } -Measure {
                Measure-InProcess -Warmup 3 -Repetitions $firstReps -Run {
                    $script:First = (Invoke-RestMethod -Uri "$($base.TrimEnd('/'))/orgs/$org/workplaces?items_per_page=$PageSize" -Headers $headers).items[0]
                } -Check { if ($null -eq $script:First) { throw 'The first page was empty.' } }
            }
            Invoke-Contender -Emulator $listEmulator -Endpoint 'list' -Record @{
                Scenario = 4; ScenarioName = $name; Contender = 'Floor'; Key = '4/Floor'; Items = 1; Warmup = 3
                FloorKey = '4/Floor'; LifePosKey = '4/LifePos'; Note = "one request: the first page ($PageSize items), deserialized"
            } -Measure {
                Invoke-Floor -Emulator $listEmulator -ArgumentList 'first', '--page-size', $PageSize, '--expect', $PageSize,
                    '--warmup', 3, '--warmup-seconds', $Settings.WarmupSeconds, '--max-warmup-seconds', $Settings.MaxWarmupSeconds, '--repetitions', $firstReps
            }
            Add-Target '≤ 2× one request (Floor)' -Subject '4/LifePos' -Reference '4/Floor' -Kind ratio-at-most -Threshold 2
        }

        if (Test-Scenario 5) {
            $name = 'Import cost: fresh pwsh processes'
            Write-Scenario "5. $name"
            $tokenLiteral = $listEmulator.Token.Replace("'", "''")
            # Only .NET calls besides the command measured: a cmdlet from another module (ConvertTo-Json,
            # ConvertTo-SecureString, Select-Object) would add that module's auto-loading to one variant only.
            $print = "[Console]::Out.WriteLine('{`"peak`":' + [Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64 + '}')"
            $variants = [ordered]@{
                '5/bare pwsh'   = $print
                '5/Import'      = "Import-Module '$ModuleManifest'; $print"
                '5/Import+call' = "Import-Module '$ModuleManifest'; Connect-LifePos -BaseUri '$base' -Token ([Net.NetworkCredential]::new('', '$tokenLiteral').SecurePassword); " +
                "`$null = Get-LifePosWorkplace -First 1; $print"
                '5/IRM call'    = "`$h = @{ 'X-LP-Client-Identifier' = [Guid]::NewGuid().ToString(); 'X-LP-Client-Type' = 'Service'; 'Accept-Language' = 'ru-RU'; Authorization = 'Bearer $tokenLiteral' }; " +
                "`$null = (Invoke-RestMethod -Uri '$($base.TrimEnd('/'))/orgs/$org/workplaces?items_per_page=$PageSize' -Headers `$h).items[0]; $print"
            }
            $processSamples = @{}; $processPeaks = @{}; $processErrors = @{}
            foreach ($key in $variants.Keys) { $processSamples[$key] = [System.Collections.Generic.List[double]]::new(); $processPeaks[$key] = [System.Collections.Generic.List[double]]::new() }
            # Interleaved, so drift in machine load spreads evenly over the variants, and each round starts with the
            # next variant, so none always runs first (right after a process ended); the first round is the warm-up.
            $keys = @($variants.Keys)
            for ($iteration = -$Settings.ProcessWarmup; $iteration -lt $Settings.ProcessRepetitions; $iteration++) {
                $shift = ($iteration + $Settings.ProcessWarmup) % $keys.Count
                foreach ($key in ($keys[$shift..($keys.Count - 1)] + $keys[0..$shift] | Select-Object -First $keys.Count)) {
                    if ($processErrors.ContainsKey($key)) { continue }
                    try {
                        $result = Invoke-FreshPwsh $variants[$key]
                        if ($iteration -ge 0) { $processSamples[$key].Add($result.WallMs); $processPeaks[$key].Add($result.peak / 1MB) }
                    }
                    catch { $processErrors[$key] = ($_.Exception.Message -split "`n")[0] }
                }
            }
            $processNotes = @{
                '5/bare pwsh'   = 'pwsh -NoProfile -NonInteractive, prints one line'
                '5/Import'      = 'the same + Import-Module LifePos'
                '5/Import+call' = 'the same + Connect-LifePos + Get-LifePosWorkplace -First 1'
                '5/IRM call'    = 'bare + one Invoke-RestMethod of the first page (no module)'
            }
            foreach ($key in $variants.Keys) {
                $record = @{
                    Scenario = 5; ScenarioName = $name; Contender = $key.Substring(2); Key = $key; Warmup = $Settings.ProcessWarmup
                    Samples = $processSamples[$key].ToArray(); PeakWorkingSetMB = $processPeaks[$key].ToArray(); Note = $processNotes[$key]
                }
                if ($key -ne '5/bare pwsh') { $record.LifePosKey = '5/bare pwsh' }
                if ($processErrors.ContainsKey($key)) { $record.ErrorText = $processErrors[$key]; $record.Remove('Samples') }
                Add-Record @record
            }
            Add-Target 'Import-Module adds ≤ 150 ms' -Subject '5/Import' -Reference '5/bare pwsh' -Kind difference-at-most -Threshold 150
            Add-Target 'Import + first call adds ≤ 150 ms over the same call by IRM' -Subject '5/Import+call' -Reference '5/IRM call' -Kind difference-at-most -Threshold 150
        }

    }
    finally {
        $listEmulator | Stop-LifePosEmulator
    }
}

#endregion

#region Scenario 6: peak working set of a fresh process listing many workplaces against one listing fewer

$memoryScript = {
    # The text of a fresh pwsh's script: list every workplace, print the count and the process's peak working set.
    param($Emulator, [string] $Contender)
    $b = $Emulator.BaseUri.ToString().TrimEnd('/'); $t = $Emulator.Token.Replace("'", "''")
    $count = if ($Contender -eq 'LifePos') {
        "Import-Module '$ModuleManifest'; Connect-LifePos -BaseUri '$b' -Token ([Net.NetworkCredential]::new('', '$t').SecurePassword); " +
        "`$count = (Get-LifePosWorkplace -PageSize $PageSize | Measure-Object).Count; "
    }
    else {
        "`$list = & { $((Get-Command Invoke-IrmList).ScriptBlock) } '$b' '$($Emulator.OrganizationId)' @{ 'X-LP-Client-Identifier' = [Guid]::NewGuid().ToString(); 'X-LP-Client-Type' = 'Service'; 'Accept-Language' = 'ru-RU'; Authorization = 'Bearer $t' } $PageSize; " +
        "`$count = `$list.Count; "
    }
    "$count [Console]::Out.WriteLine('{`"count`":' + `$count + ',`"peak`":' + [Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64 + '}')"
}

function Measure-Memory($Emulator, [long] $Items, [string] $Contender, [int] $Repetitions, [int] $Warmup) {
    $samples = [System.Collections.Generic.List[double]]::new(); $peaks = [System.Collections.Generic.List[double]]::new()
    for ($iteration = -$Warmup; $iteration -lt $Repetitions; $iteration++) {
        if ($Contender -eq 'Floor') {
            $result = Invoke-Floor -Raw -Emulator $Emulator -ArgumentList 'list', '--page-size', $PageSize, '--expect', $Items, '--warmup', 0, '--repetitions', 1
            $wall = $result.samples_ms[0]; $peak = $result.peak_working_set_bytes
        }
        else {
            $result = Invoke-FreshPwsh (& $memoryScript $Emulator $Contender)
            Assert-Count $result.count $Items "$Contender in a fresh pwsh"
            $wall = $result.WallMs; $peak = $result.peak
        }
        if ($iteration -ge 0) { $samples.Add($wall); $peaks.Add($peak / 1MB) }
    }
    @{ Samples = $samples.ToArray(); PeakWorkingSetMB = $peaks.ToArray() }
}

if (Test-Scenario 6) {
    $smallItems = $Settings.MemorySmallItems
    $largeItems = $Settings.MemoryItems
    $memoryName = "Memory: fresh process listing $('{0:N0}' -f $largeItems) vs $('{0:N0}' -f $smallItems)"
    $small = "$([Math]::Round($smallItems / 1000))k"
    $large = "$([Math]::Round($largeItems / 1000))k"
    # The IRM script keeps every item (List[object]): shown once per size for contrast, without a target.
    $memoryContenders = @('LifePos') + @(if ($Settings.MemoryContext) { 'IRM script' }) + @(if ($Settings.MemoryFloor) { 'Floor' })
    $memoryNotes = @{
        LifePos      = 'fresh pwsh: Get-LifePosWorkplace | Measure-Object'
        'IRM script' = 'fresh pwsh: the IRM loop into a List[object]'
        Floor        = 'the floor process, one run'
    }
    foreach ($half in @{ Items = $smallItems; Label = $small; Warmup = $Settings.MemoryWarmup }, @{ Items = $largeItems; Label = $large; Warmup = 0 }) {
        $memoryEmulator = Start-BenchEmulator '--seed', "$($half.Items)"
        try {
            Write-Scenario "6. $memoryName ($($half.Label))"
            foreach ($contender in $memoryContenders) {
                $short = if ($contender -eq 'IRM script') { 'IRM' } else { $contender }
                $lifePos = $contender -eq 'LifePos'
                $repetitions = if ($lifePos) { $Settings.MemoryRepetitions } else { 1 }
                $warmup = if ($lifePos) { $half.Warmup } else { 0 }
                Invoke-Contender -Record @{
                    Scenario = 6; ScenarioName = $memoryName; Contender = "$contender, $($half.Label)"; Key = "6/$short@$($half.Label)"
                    Items = $half.Items; Warmup = $warmup; RatioMetric = 'peak_working_set_mb'
                    FloorKey = "6/Floor@$($half.Label)"; LifePosKey = "6/LifePos@$($half.Label)"; Note = $memoryNotes[$contender]
                } -Measure { Measure-Memory $memoryEmulator $half.Items $contender $repetitions $warmup }
            }
        }
        finally {
            $memoryEmulator | Stop-LifePosEmulator
        }
    }
    Add-Target "peak WS $large ≤ 1.3× $small" -Subject "6/LifePos@$large" -Reference "6/LifePos@$small" -Kind ratio-at-most -Threshold 1.3 -Metric peak_working_set_mb
}

#endregion

#region Scenario 2: the same list with 10 ms latency per request

if (Test-Scenario 2) {
    $latencyItems = $Settings.LatencyListItems
    $latencyEmulator = Start-BenchEmulator '--seed', "$latencyItems", '--latency-ms', '10'
    try {
        Connect-BenchEmulator $latencyEmulator
        $headers = Get-IrmHeaders $latencyEmulator
        $base = $latencyEmulator.BaseUri.ToString()
        $org = $latencyEmulator.OrganizationId
        $name = "List $('{0:N0}' -f $latencyItems), page size $PageSize, 10 ms latency"
        Write-Scenario "2. $name"
        Invoke-Contender -Emulator $latencyEmulator -Endpoint 'list' -Record @{
            Scenario = 2; ScenarioName = $name; Contender = 'LifePos'; Key = '2/LifePos'; Items = $latencyItems; Warmup = 1
            FloorKey = '2/Floor'; LifePosKey = '2/LifePos'
        } -Measure {
            Measure-InProcess -Run { $script:Count = (Get-LifePosWorkplace -PageSize $PageSize | Measure-Object).Count } `
                -Check { Assert-Count $script:Count $latencyItems 'Get-LifePosWorkplace' }
        }
        Invoke-Contender -Emulator $latencyEmulator -Endpoint 'list' -Record @{
            Scenario = 2; ScenarioName = $name; Contender = 'IRM script'; Key = '2/IRM'; Items = $latencyItems; Warmup = 1
            FloorKey = '2/Floor'; LifePosKey = '2/LifePos'
        } -Measure {
            Measure-InProcess -Run { $script:Count = (Invoke-IrmList $base $org $headers $PageSize).Count } `
                -Check { Assert-Count $script:Count $latencyItems 'The IRM loop' }
        }
        Invoke-Contender -Emulator $latencyEmulator -Endpoint 'list' -Record @{
            Scenario = 2; ScenarioName = $name; Contender = 'Floor'; Key = '2/Floor'; Items = $latencyItems; Warmup = 1
            FloorKey = '2/Floor'; LifePosKey = '2/LifePos'
        } -Measure {
            Invoke-Floor -Emulator $latencyEmulator -ArgumentList 'list', '--page-size', $PageSize, '--expect', $latencyItems,
                '--warmup', 1, '--warmup-seconds', $Settings.WarmupSeconds, '--max-warmup-seconds', $Settings.MaxWarmupSeconds, '--repetitions', $reps
        }
        Add-Target '≤ 1.1× Floor' -Subject '2/LifePos' -Reference '2/Floor' -Kind ratio-at-most -Threshold 1.1
    }
    finally {
        $latencyEmulator | Stop-LifePosEmulator
    }
}

#endregion

#region Scenario 3: bulk create from a CSV with 20 ms latency

if (Test-Scenario 3) {
    $createEmulator = Start-BenchEmulator '--latency-ms', '20'
    try {
        Connect-BenchEmulator $createEmulator
        $headers = Get-IrmHeaders $createEmulator
        $createUri = "$($createEmulator.BaseUri.ToString().TrimEnd('/'))/orgs/$($createEmulator.OrganizationId)/workplaces"
        $rows = $Settings.CreateRows
        $csv = New-BenchCsv (Join-Path $OutputPath "workplaces-$rows.csv") $rows
        $warmupCsv = New-BenchCsv (Join-Path $OutputPath "workplaces-$WarmupRows.csv") $WarmupRows
        $name = "Bulk-create $('{0:N0}' -f $rows) from CSV, 20 ms latency"
        Write-Scenario "3. $name"
        function Measure-Create([scriptblock] $Run, [int] $Repetitions = $reps) {
            # Every run starts from an empty emulator and must leave exactly its CSV's rows alive; $Run reads the CSV
            # path from $script:CsvPath. The warm-up (JIT, connections, runspaces) creates $WarmupRows rows per run:
            # full-size warm-up runs would add minutes to the serial contenders and nothing to the others.
            $reset = { $null = Invoke-LifePosEmulatorControl -Emulator $createEmulator -Path 'reset' -Method POST }
            $check = {
                $alive = (Invoke-LifePosEmulatorControl -Emulator $createEmulator -Path 'stats').workplaces.alive
                Assert-Count $alive $script:CreateExpected 'The bulk create'
            }
            $script:CsvPath = $warmupCsv; $script:CreateExpected = $WarmupRows
            # Creates wait on latency, not on the JIT: a fixed warm-up time is enough.
        $warm = Measure-InProcess -Run $Run -Repetitions 0 -Before $reset -Check $check `
            -WarmupSeconds $Settings.CreateWarmupSeconds -MaxWarmupSeconds $Settings.CreateWarmupSeconds
            $script:CsvPath = $csv; $script:CreateExpected = $rows
            $measured = Measure-InProcess -Run $Run -Warmup 0 -Repetitions $Repetitions -Before $reset -Check $check
            @{ Samples = $measured.Samples; CpuMs = $measured.CpuMs; Warmup = $warm.Warmup; WarmupMs = $warm.WarmupMs }
        }

        $lifePosCreate = { Import-Csv $script:CsvPath | New-LifePosWorkplace -ThrottleLimit $script:Throttle | Out-Null }
        foreach ($throttle in 16, 4) {
            # -ThrottleLimit 4 has no target: fewer repetitions keep the full run within a few minutes.
            $script:Throttle = $throttle
            $repetitions = if ($throttle -eq 16) { $reps } else { $Settings.InfoRepetitions }
            Invoke-Contender -Record @{
                Scenario = 3; ScenarioName = $name; Contender = "LifePos -ThrottleLimit $throttle"; Key = "3/LifePos@$throttle"; Items = $rows
                Warmup = 1; FloorKey = '3/Floor@16'; LifePosKey = '3/LifePos@16'
                Note = $(if ($throttle -ne 16) { "no target, $repetitions runs" })
            } -Measure { Measure-Create -Run $lifePosCreate -Repetitions $repetitions }
        }
        $uri = $createUri; $h = $headers
        Invoke-Contender -Record @{
            Scenario = 3; ScenarioName = $name; Contender = 'IRM ForEach-Object -Parallel -ThrottleLimit 16'; Key = '3/IRM-Parallel@16'; Items = $rows
            Warmup = 1; FloorKey = '3/Floor@16'; LifePosKey = '3/LifePos@16'
        } -Measure {
            Measure-Create -Run {
                Import-Csv $script:CsvPath | ForEach-Object -ThrottleLimit 16 -Parallel {
                    $body = @{ name = $_.name; workplace_type = $_.workplace_type; meta = $_.meta } | ConvertTo-Json -Compress
                    Invoke-RestMethod -Method Post -Uri $using:uri -Headers $using:h -Body $body -ContentType 'application/json; charset=utf-8'
                } | Out-Null
            }
        }
        Invoke-Contender -Record @{
            Scenario = 3; ScenarioName = $name; Contender = 'Floor, 16 concurrent'; Key = '3/Floor@16'; Items = $rows
            Warmup = 1; FloorKey = '3/Floor@16'; LifePosKey = '3/LifePos@16'
        } -Measure {
            Invoke-Floor -Emulator $createEmulator -ArgumentList 'create', '--csv', $csv, '--warmup-csv', $warmupCsv, '--concurrency', 16,
                '--expect', $rows, '--warmup', 1, '--warmup-seconds', $Settings.CreateWarmupSeconds, '--max-warmup-seconds', $Settings.CreateWarmupSeconds, '--repetitions', $reps
        }
        $serialNote = "$($Settings.SerialRepetitions) run(s): a serial run is slow"
        $script:Throttle = 1
        Invoke-Contender -Record @{
            Scenario = 3; ScenarioName = $name; Contender = 'LifePos -ThrottleLimit 1'; Key = '3/LifePos@1'; Items = $rows
            Warmup = 1; FloorKey = '3/Floor@16'; LifePosKey = '3/LifePos@16'; Note = $serialNote
        } -Measure { Measure-Create -Run $lifePosCreate -Repetitions $Settings.SerialRepetitions }
        Invoke-Contender -Record @{
            Scenario = 3; ScenarioName = $name; Contender = 'IRM ForEach-Object (serial)'; Key = '3/IRM-Serial'; Items = $rows
            Warmup = 1; FloorKey = '3/Floor@16'; LifePosKey = '3/LifePos@16'; Note = $serialNote
        } -Measure {
            Measure-Create -Repetitions $Settings.SerialRepetitions -Run {
                Import-Csv $script:CsvPath | ForEach-Object {
                    $body = @{ name = $_.name; workplace_type = $_.workplace_type; meta = $_.meta } | ConvertTo-Json -Compress
                    Invoke-RestMethod -Method Post -Uri $createUri -Headers $headers -Body $body -ContentType 'application/json; charset=utf-8'
                } | Out-Null
            }
        }
        Add-Target '≥ 12× faster than serial IRM' -Subject '3/LifePos@16' -Reference '3/IRM-Serial' -Kind inverse-ratio-at-least -Threshold 12
        Add-Target '≥ 1.5× faster than IRM -Parallel 16' -Subject '3/LifePos@16' -Reference '3/IRM-Parallel@16' -Kind inverse-ratio-at-least -Threshold 1.5
        Add-Target '≤ 1.2× Floor (16 concurrent)' -Subject '3/LifePos@16' -Reference '3/Floor@16' -Kind ratio-at-most -Threshold 1.2
    }
    finally {
        $createEmulator | Stop-LifePosEmulator
    }
}

#endregion

$summary = Write-BenchReport
if ($summary.records | Where-Object error) { exit 1 }
