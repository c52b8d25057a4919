# Scenario 8: a spreadsheet round trip under a rate limit. The organization has BulkUpdateRows workplaces; their
# export comes back with 5 % of the rows changed (Meta), through Import-Csv into Set-LifePosWorkplace and into
# Sync-LifePosWorkplace, against a service that takes 20 requests a second per token. A limited service charges a run
# its requests, so the floor is the listing's pages plus one write per change; reads one by one cost a GET per row.

@{
    Number   = 8
    Settings = [ordered]@{ BulkUpdateRows = 2000; BulkUpdateChangedPct = 5; BulkUpdateRps = 20 }
    Quick    = @{ BulkUpdateRows = 400 }
    Name     = { "Import-Csv of $('{0:N0}' -f $Settings.BulkUpdateRows) rows, $($Settings.BulkUpdateChangedPct) % changed, rate limit $($Settings.BulkUpdateRps)/s" }
    Emulator = { '--seed', "$($Settings.BulkUpdateRows)", '--rate-limit', "$($Settings.BulkUpdateRps)" }
    Targets  = {
        foreach ($cmdlet in 'Set', 'Sync') {
            $floor = Get-BulkUpdateFloor
            Add-Target "requests ≤ 1.05 × (pages + changes) = $([Math]::Floor(1.05 * $floor))" -Subject "8/$cmdlet" -Kind at-most -Threshold (1.05 * $floor) -Metric requests -Unit ' requests'
            Add-Target 'wall ≤ 1.2 × requests ÷ limit' -Subject "8/$cmdlet" -Kind at-most -Threshold 1.2 -Metric wall_per_paced_request -Unit '×'
        }
    }
    Run      = {
        param($Emulator, [string] $Name)
        $row = @{ Scenario = 8; ScenarioName = $Name; Items = $Settings.BulkUpdateRows }
        Add-Record @row -Contender "Floor: $(Get-BulkUpdateFloor) requests (pages + changes) ÷ $($Settings.BulkUpdateRps)/s" -Key '8/Floor' `
            -Samples @(1000.0 * (Get-BulkUpdateFloor) / $Settings.BulkUpdateRps) -Note 'no client sends fewer requests'
        $csv = New-EditedExport $Emulator (Join-Path $OutputPath "export-$($Settings.BulkUpdateRows).csv")
        foreach ($cmdlet in 'Set', 'Sync') {
            Invoke-Contender -Record ($row + @{ Contender = "Import-Csv | $cmdlet-LifePosWorkplace"; Key = "8/$cmdlet"; FloorKey = '8/Floor' }) -Measure {
                Measure-RateLimitedUpdate $Emulator $csv $cmdlet
            }
        }
    }
}

function Get-BulkUpdateFloor {
    $pages = [Math]::Ceiling($Settings.BulkUpdateRows / $PageSize)
    $changes = [Math]::Round($Settings.BulkUpdateRows * $Settings.BulkUpdateChangedPct / 100)
    $pages + $changes
}

function New-EditedExport($Emulator, [string] $Path) {
    # The export an admin edits: every workplace, then Meta changed in every (100 / pct)-th row. Untimed.
    $null = Invoke-LifePosEmulatorControl -Emulator $Emulator -Path 'reset' -Method POST
    Connect-BenchEmulator $Emulator
    $every = [int](100 / $Settings.BulkUpdateChangedPct)
    $index = 0
    Get-LifePosWorkplace | Select-Object Id, Number, Name, WorkplaceType, Meta | ForEach-Object {
        if ($index++ % $every -eq 0) { $_.Meta = "edited $index" }
        $_
    } | Export-Csv -LiteralPath $Path -NoTypeInformation -Encoding utf8
    $Path
}

function Measure-RateLimitedUpdate($Emulator, [string] $Csv, [string] $Cmdlet) {
    # One run on the seeded workplaces: reset (the seed again, no stats, no rate window), connect (a new limiter), then
    # the timed pipeline; the emulator's counts by endpoint and status, minus what connecting cost.
    $null = Invoke-LifePosEmulatorControl -Emulator $Emulator -Path 'reset' -Method POST
    Connect-BenchEmulator $Emulator
    $before = Invoke-LifePosEmulatorControl -Emulator $Emulator -Path 'stats'
    $outcome = @{}
    $measured = Measure-Run {
        $outcome.Output = @(Import-Csv -LiteralPath $Csv | & "$Cmdlet-LifePosWorkplace" -ErrorAction SilentlyContinue -ErrorVariable failed `
                -WarningAction SilentlyContinue -Confirm:$false)
        $outcome.Failed = @($failed).Count
    }
    $after = Invoke-LifePosEmulatorControl -Emulator $Emulator -Path 'stats'
    $kinds = [ordered]@{}
    foreach ($property in $after.requests.PSObject.Properties) {
        $was = $before.requests.PSObject.Properties[$property.Name]
        foreach ($status in $property.Value.by_status.PSObject.Properties) {
            $previous = if ($was -and $was.Value.by_status.PSObject.Properties[$status.Name]) { [long]$was.Value.by_status.($status.Name) } else { 0 }
            $count = [long]$status.Value - $previous
            if ($count) { $kinds["$($property.Name) $($status.Name)"] = $count }
        }
    }
    $requests = [long]($after.requests_total - $before.requests_total)
    $updated = if ($kinds.Contains('update 200')) { $kinds['update 200'] } else { 0 }
    $expected = [Math]::Round($Settings.BulkUpdateRows * $Settings.BulkUpdateChangedPct / 100)
    if ($updated -ne $expected -or $outcome.Failed) { throw "$Cmdlet updated $updated workplaces, expected $expected ($($outcome.Failed) failed)." }
    $paced = 1000.0 * $requests / $Settings.BulkUpdateRps
    @{
        Samples = [double[]]@($measured.WallMs); CpuMs = [double[]]@($measured.CpuMs); Warmup = 0; RequestsPerRun = $requests
        Note    = 'requests by kind: ' + (($kinds.GetEnumerator() | ForEach-Object { "$($_.Key): $($_.Value)" }) -join ', ')
        Metrics = [ordered]@{ requests = $requests; wall_per_paced_request = [Math]::Round($measured.WallMs / $paced, 3); requests_by_kind = $kinds }
    }
}
