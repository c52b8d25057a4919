# What the benchmark scripts in bench/ share: importing the built module and emulator, starting and connecting
# emulators, a run's result rows and targets, the bulk-create CSV, and the IRM script's pieces. Measure.ps1 holds the
# timing (warm-up, repetitions, processor time, the emulator's counters, the floor, fresh pwsh processes), Report.ps1
# results.json and results.md.
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$FloorProject = Join-Path (Split-Path $PSScriptRoot) 'Floor/Floor.csproj'
$FloorDll = Join-Path (Split-Path $PSScriptRoot) 'Floor/bin/Release/net10.0/Floor.dll'
$PwshDll = Join-Path $PSHOME 'pwsh.dll'
# The run Start-BenchRun began: settings, clock, result rows, targets, and the machine's state at the start.
$Bench = $null
# The built emulator (LifePos.Emulator.dll) that Import-LifePosBuild found.
$EmulatorPath = $null

. (Join-Path $PSScriptRoot 'Measure.ps1')
. (Join-Path $PSScriptRoot 'Report.ps1')
# Invoke-LifePosEmulatorControl, which the Pester helpers share.
. (Join-Path $PSScriptRoot '../../tests/Pester/EmulatorControl.ps1')

function Import-LifePosBuild {
    # Imports the built module into the whole session (the calling script uses its commands too), notes the built
    # emulator for Start-BenchEmulator, and returns the module manifest's path, for fresh pwsh processes.
    param([Parameter(Mandatory)] [string] $BuildOutput)
    $manifest = Join-Path $BuildOutput 'LifePos/LifePos.psd1'
    $emulator = Join-Path $BuildOutput 'LifePos.Emulator/LifePos.Emulator.dll'
    foreach ($path in $manifest, $emulator) {
        if (-not (Test-Path $path)) { throw "'$path' is missing. Build first: dotnet pwsh ./build.ps1 Build" }
    }
    Import-Module $manifest -Global
    $script:EmulatorPath = $emulator
    $manifest
}

function Build-Floor {
    # Builds bench/Floor only when its sources changed since the last build.
    $sources = Get-ChildItem (Split-Path $FloorProject) -File | Where-Object Extension -In '.cs', '.csproj'
    if (-not (Test-Path $FloorDll) -or ($sources | Where-Object { $_.LastWriteTimeUtc -gt (Get-Item $FloorDll).LastWriteTimeUtc })) {
        & dotnet build $FloorProject -c Release --nologo -v quiet | Out-Host
        if ($LASTEXITCODE -ne 0) { throw "Building $FloorProject failed." }
    }
}

function Start-BenchRun {
    # Begins a run: Measure-InProcess takes its defaults from $Settings, Write-BenchReport writes to $OutputPath.
    param(
        [Parameter(Mandatory)] [System.Collections.Specialized.OrderedDictionary] $Settings,
        [Parameter(Mandatory)] [string] $OutputPath,
        [switch] $Quick
    )
    $script:Bench = @{
        Settings = $Settings; OutputPath = $OutputPath; Quick = [bool]$Quick; Started = [DateTime]::UtcNow
        Records = [System.Collections.Generic.List[object]]::new(); Targets = [System.Collections.Generic.List[object]]::new()
        LoadAtStart = Get-LoadAverage; CpuAtStart = Get-CpuSnapshot
    }
}

function Get-Median([double[]] $Values) {
    $sorted = @($Values | Sort-Object)
    if ($sorted.Count -eq 0) { return $null }
    $middle = [Math]::Floor($sorted.Count / 2)
    if ($sorted.Count % 2) { $sorted[$middle] } else { ($sorted[$middle - 1] + $sorted[$middle]) / 2 }
}

function Add-Record {
    # One result row: a contender in a scenario. Samples are wall milliseconds of the measured repetitions.
    param(
        [Parameter(Mandatory)] [int] $Scenario,
        [Parameter(Mandatory)] [string] $ScenarioName,
        [Parameter(Mandatory)] [string] $Contender,
        [Parameter(Mandatory)] [string] $Key,
        [long] $Items,
        [int] $Warmup,
        [double] $WarmupMs = -1,
        [double[]] $Samples = @(),
        [double[]] $CpuMs = @(),
        [double[]] $PeakWorkingSetMB = @(),
        # The managed heap after a full collection at the end of a fresh process, per run.
        [double[]] $RetainedMB = @(),
        [double] $RequestsPerRun = -1,
        [double] $ServerMsPerRequest = -1,
        [string] $FloorKey,
        [string] $LifePosKey,
        [string] $RatioMetric = 'median_ms',
        [string] $Note,
        [string] $ErrorText,
        # Figures of the scenario's own beside the timing (e.g. created = 400), one property each; targets may name them.
        [System.Collections.IDictionary] $Metrics = @{}
    )
    $median = Get-Median $Samples
    $record = [pscustomobject][ordered]@{
        key                    = $Key
        scenario               = $Scenario
        scenario_name          = $ScenarioName
        contender              = $Contender
        items                  = $Items
        warmup                 = $Warmup
        warmup_ms              = if ($WarmupMs -ge 0) { $WarmupMs } else { $null }
        repetitions            = $Samples.Count
        samples_ms             = @($Samples | ForEach-Object { [Math]::Round($_, 2) })
        median_ms              = if ($null -ne $median) { [Math]::Round($median, 2) } else { $null }
        min_ms                 = if ($Samples.Count) { [Math]::Round(($Samples | Measure-Object -Minimum).Minimum, 2) } else { $null }
        max_ms                 = if ($Samples.Count) { [Math]::Round(($Samples | Measure-Object -Maximum).Maximum, 2) } else { $null }
        cpu_median_ms          = if ($CpuMs.Count) { [Math]::Round((Get-Median $CpuMs), 2) } else { $null }
        items_per_second       = if ($Items -gt 0 -and $median -gt 0) { [Math]::Round($Items / ($median / 1000), 0) } else { $null }
        peak_working_set_mb    = if ($PeakWorkingSetMB.Count) { [Math]::Round((Get-Median $PeakWorkingSetMB), 1) } else { $null }
        retained_mb            = if ($RetainedMB.Count) { [Math]::Round((Get-Median $RetainedMB), 2) } else { $null }
        requests_per_run       = if ($RequestsPerRun -ge 0) { [Math]::Round($RequestsPerRun, 1) } else { $null }
        server_ms_per_request  = if ($ServerMsPerRequest -ge 0) { [Math]::Round($ServerMsPerRequest, 3) } else { $null }
        floor_key              = $FloorKey
        lifepos_key            = $LifePosKey
        ratio_metric           = $RatioMetric
        note                   = $Note
        error                  = $ErrorText
    }
    foreach ($name in $Metrics.Keys) { $record | Add-Member -NotePropertyName $name -NotePropertyValue $Metrics[$name] }
    $Bench.Records.Add($record)
    $shown = if ($ErrorText) { "ERROR: $ErrorText" }
    elseif ($RatioMetric -eq 'peak_working_set_mb') { "retained $($record.retained_mb) MB, peak $($record.peak_working_set_mb) MB, median $($record.median_ms) ms" }
    else { "median $($record.median_ms) ms (min $($record.min_ms), max $($record.max_ms))" }
    Write-Host ("  {0,-28} {1} [{2:N1} s]" -f $Key, $shown, ([DateTime]::UtcNow - $Bench.Started).TotalSeconds)
}

function Add-Target {
    # A target compares two records: Subject/Reference ('ratio-at-most'), Reference/Subject ('inverse-ratio-at-least',
    # how many times faster the subject is) or Subject-Reference ('difference-at-most'; in ms unless $Unit says) against
    # a threshold; or one record's metric alone against it ('at-most', 'at-least'; no Reference), shown with $Unit.
    param(
        [Parameter(Mandatory)] [string] $Text,
        [Parameter(Mandatory)] [string] $Subject,
        [string] $Reference,
        [Parameter(Mandatory)] [ValidateSet('ratio-at-most', 'inverse-ratio-at-least', 'difference-at-most', 'at-most', 'at-least')] [string] $Kind,
        [Parameter(Mandatory)] [double] $Threshold,
        [string] $Metric = 'median_ms',
        [string] $Unit = ''
    )
    if (($Kind -in 'at-most', 'at-least') -ne (-not $Reference)) { throw "A '$Kind' target takes $(if ($Reference) { 'no' } else { 'a' }) -Reference." }
    $Bench.Targets.Add([pscustomobject][ordered]@{
            text = $Text; subject = $Subject; reference = $Reference; kind = $Kind; threshold = $Threshold
            metric = $Metric; unit = $Unit; measured = $null; pass = $null
        })
}

function Write-Scenario([string] $Text) {
    Write-Host ("[{0,5:N1} s] {1}" -f ([DateTime]::UtcNow - $Bench.Started).TotalSeconds, $Text)
}

function Start-BenchEmulator([string[]] $ArgumentList) {
    # The module's Start-LifePosEmulator on the built emulator; Stop-LifePosEmulator stops it.
    if (-not $EmulatorPath) { throw 'Call Import-LifePosBuild first: it finds the built emulator.' }
    $emulator = Start-LifePosEmulator -Path $EmulatorPath -ArgumentList $ArgumentList
    # The token in plain text, as the IRM script, the floor and fresh pwsh processes take it; the module's object
    # carries only SecureToken.
    $emulator | Add-Member -NotePropertyName Token -NotePropertyValue ([Net.NetworkCredential]::new('', $emulator.SecureToken).Password)
    Write-Host "  emulator $($emulator.BaseUri) $($ArgumentList -join ' ')"
    $emulator
}

function Connect-BenchEmulator {
    # Connect-LifePos to an emulator, with the emulator's token; -MaxRetries only when given.
    param([Parameter(Mandatory)] $Emulator, [int] $MaxRetries)
    $options = @{}
    if ($PSBoundParameters.ContainsKey('MaxRetries')) { $options.MaxRetries = $MaxRetries }
    Connect-LifePos -BaseUri $Emulator.BaseUri -Token (ConvertTo-SecureString $Emulator.Token -AsPlainText -Force) @options
}

function Assert-Count([long] $Actual, [long] $Expected, [string] $What) {
    if ($Actual -ne $Expected) { throw "$What handled $Actual items, expected $Expected." }
}

function New-BenchCsv([string] $Path, [int] $Rows) {
    # ASCII names without commas or quotes, so Import-Csv and the floor's plain split read the same rows.
    $types = 'Mobile', 'Stationary', 'Automat'
    $lines = [System.Collections.Generic.List[string]]::new()
    $lines.Add('name,workplace_type,meta')
    for ($i = 1; $i -le $Rows; $i++) { $lines.Add(('Bench {0:D5},{1},bench-{2}' -f $i, $types[$i % 3], ($i % 7))) }
    [IO.File]::WriteAllLines($Path, $lines)
    $Path
}

# The IRM script: what an admin writes without the module.

function Get-IrmHeaders($Emulator) {
    @{
        'X-LP-Client-Identifier' = [Guid]::NewGuid().ToString()
        'X-LP-Client-Type'       = 'Service'
        'Accept-Language'        = 'ru-RU'
        'Authorization'          = "Bearer $($Emulator.Token)"
    }
}

# Paging: a while loop on next_page_token, collecting into a List[object]. A fresh pwsh runs the same text (scenario 6).
function Invoke-IrmList {
    param([string] $BaseUri, [Guid] $Organization, [hashtable] $Headers, [int] $PageSize)
    $workplaces = [System.Collections.Generic.List[object]]::new()
    $uri = "$($BaseUri.TrimEnd('/'))/orgs/$Organization/workplaces?items_per_page=$PageSize"
    $pageToken = $null
    while ($true) {
        $pageUri = if ($pageToken) { "$uri&page_token=$([Uri]::EscapeDataString($pageToken))" } else { $uri }
        $page = Invoke-RestMethod -Uri $pageUri -Headers $Headers
        if ($page.items) { $workplaces.AddRange([object[]]$page.items) }
        $pageToken = $page.next_page_token
        if (-not $pageToken) { break }
    }
    , $workplaces
}

Export-ModuleMember -Function Import-LifePosBuild, Build-Floor, Start-BenchRun, Get-Median, Add-Record, Add-Target,
    Measure-Run, Measure-InProcess, Invoke-Contender, Get-StatusCounts, Start-EmulatorWatch, Stop-EmulatorWatch, Invoke-Floor,
    Invoke-FreshPwsh, Write-Scenario, Start-BenchEmulator, Invoke-LifePosEmulatorControl, Connect-BenchEmulator, Assert-Count, New-BenchCsv, Get-IrmHeaders,
    Invoke-IrmList, Write-BenchReport, Get-LoadAverage, Get-CpuSnapshot, Get-OtherCpuSeconds
