# Scenario 6: what a fresh process listing many workplaces still holds at its end (the managed heap after a full
# collection) against one listing fewer, with the peak working set beside it as information. Each size has an emulator
# of its own; the IRM script (it keeps every item) and the floor are shown once per size, for contrast.

@{
    Number   = 6
    Settings = [ordered]@{
        MemorySmallItems  = 10000
        MemoryItems       = 99999  # the most one organization holds: workplace numbers are 1..99999
        MemoryWarmup      = 1
        MemoryRepetitions = 5
        MemoryContext     = $true  # the IRM script's memory, for contrast
        MemoryFloor       = $true
    }
    Quick    = @{ MemoryItems = 20000; MemoryWarmup = 0; MemoryRepetitions = 1; MemoryContext = $false; MemoryFloor = $false }
    Name     = { "Memory: fresh process listing $('{0:N0}' -f $Settings.MemoryItems) vs $('{0:N0}' -f $Settings.MemorySmallItems)" }
    Emulator = $null
    Targets  = {
        $small = Get-MemorySizeLabel $Settings.MemorySmallItems
        $large = Get-MemorySizeLabel $Settings.MemoryItems
        # Streaming holds nothing per item: what is left at the end must not grow with the items listed. The peak
        # working set measures the GC's gen0 budget rather than the module (docs/benchmarks.md), so it is shown, not judged.
        Add-Target "retained $large ≤ $small + 2 MB" -Subject "6/LifePos@$large" -Reference "6/LifePos@$small" -Kind difference-at-most -Threshold 2 -Metric retained_mb -Unit ' MB'
    }
    Run      = {
        param($Emulator, [string] $Name)
        $contenders = @('LifePos') + @(if ($Settings.MemoryContext) { 'IRM script' }) + @(if ($Settings.MemoryFloor) { 'Floor' })
        $notes = @{
            LifePos      = 'fresh pwsh: Get-LifePosWorkplace | Measure-Object'
            'IRM script' = 'fresh pwsh: the IRM loop into a List[object]'
            Floor        = 'the floor process, one run'
        }
        foreach ($half in @{ Items = $Settings.MemorySmallItems; Warmup = $Settings.MemoryWarmup }, @{ Items = $Settings.MemoryItems; Warmup = 0 }) {
            $label = Get-MemorySizeLabel $half.Items
            $memoryEmulator = Start-BenchEmulator '--seed', "$($half.Items)"
            try {
                foreach ($contender in $contenders) {
                    $short = if ($contender -eq 'IRM script') { 'IRM' } else { $contender }
                    $lifePos = $contender -eq 'LifePos'
                    $repetitions = if ($lifePos) { $Settings.MemoryRepetitions } else { 1 }
                    $warmup = if ($lifePos) { $half.Warmup } else { 0 }
                    Invoke-Contender -Record @{
                        Scenario = 6; ScenarioName = $Name; Contender = "$contender, $label"; Key = "6/$short@$label"
                        Items = $half.Items; Warmup = $warmup; RatioMetric = 'peak_working_set_mb'
                        FloorKey = "6/Floor@$label"; LifePosKey = "6/LifePos@$label"; Note = $notes[$contender]
                    } -Measure { Measure-Memory $memoryEmulator $half.Items $contender $repetitions $warmup }
                }
            }
            finally {
                $memoryEmulator | Stop-LifePosEmulator
            }
        }
    }
}

function Get-MemorySizeLabel([long] $Items) { "$([Math]::Round($Items / 1000))k" }

function Get-MemoryScript($Emulator, [string] $Contender) {
    # The text of a fresh pwsh's script: list every workplace, print the count, the process's peak working set and the
    # managed heap after a full collection (what the process still holds once the listing is over).
    $b = $Emulator.BaseUri.ToString().TrimEnd('/'); $t = $Emulator.Token.Replace("'", "''")
    $count = if ($Contender -eq 'LifePos') {
        "Import-Module '$ModuleManifest'; Connect-LifePos -BaseUri '$b' -Token ([Net.NetworkCredential]::new('', '$t').SecurePassword); " +
        "`$count = (Get-LifePosWorkplace -PageSize $PageSize | Measure-Object).Count; "
    }
    else {
        $irmList = (Get-Command Invoke-IrmList).ScriptBlock
        "`$list = & { $irmList } '$b' '$($Emulator.OrganizationId)' @{ 'X-LP-Client-Identifier' = [Guid]::NewGuid().ToString(); 'X-LP-Client-Type' = 'Service'; 'Accept-Language' = 'ru-RU'; Authorization = 'Bearer $t' } $PageSize; " +
        "`$count = `$list.Count; "
    }
    "$count [GC]::Collect(); [GC]::WaitForPendingFinalizers(); [GC]::Collect(); `$retained = [GC]::GetTotalMemory(`$true); " +
    "[Console]::Out.WriteLine('{`"count`":' + `$count + ',`"peak`":' + [Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64 + ',`"retained`":' + `$retained + '}')"
}

function Measure-Memory($Emulator, [long] $Items, [string] $Contender, [int] $Repetitions, [int] $Warmup) {
    $samples = [System.Collections.Generic.List[double]]::new(); $peaks = [System.Collections.Generic.List[double]]::new()
    $retained = [System.Collections.Generic.List[double]]::new()
    for ($iteration = -$Warmup; $iteration -lt $Repetitions; $iteration++) {
        if ($Contender -eq 'Floor') {
            $result = Invoke-Floor -Raw -Emulator $Emulator -ArgumentList 'list', '--page-size', $PageSize, '--expect', $Items, '--warmup', 0, '--repetitions', 1
            $wall = $result.samples_ms[0]; $peak = $result.peak_working_set_bytes; $held = $result.retained_bytes
        }
        else {
            $result = Invoke-FreshPwsh (Get-MemoryScript $Emulator $Contender)
            Assert-Count $result.count $Items "$Contender in a fresh pwsh"
            $wall = $result.WallMs; $peak = $result.peak; $held = $result.retained
        }
        if ($iteration -ge 0) { $samples.Add($wall); $peaks.Add($peak / 1MB); $retained.Add($held / 1MB) }
    }
    @{ Samples = $samples.ToArray(); PeakWorkingSetMB = $peaks.ToArray(); RetainedMB = $retained.ToArray() }
}
