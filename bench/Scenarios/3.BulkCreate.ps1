# Scenario 3: bulk-create workplaces from a CSV with 20 ms latency per request: LifePos at several throttle limits,
# the IRM script serial and with ForEach-Object -Parallel, and the floor with 16 requests at a time.

@{
    Number   = 3
    # The serial bulk creates (about 45 s each at 20 ms per request) run SerialRepetitions times; -ThrottleLimit 4,
    # without a target, InfoRepetitions. Creates wait on latency, not on the JIT: a fixed warm-up time is enough.
    Settings = [ordered]@{ CreateRows = 2000; WarmupRows = 48; CreateWarmupSeconds = 2; InfoRepetitions = 3; SerialRepetitions = 1 }
    Quick    = @{ CreateRows = 48; WarmupRows = 16; CreateWarmupSeconds = 0 }
    Name     = { "Bulk-create $('{0:N0}' -f $Settings.CreateRows) from CSV, 20 ms latency" }
    Emulator = { '--latency-ms', '20' }
    Targets  = {
        Add-Target '≥ 12× faster than serial IRM' -Subject '3/LifePos@16' -Reference '3/IRM-Serial' -Kind inverse-ratio-at-least -Threshold 12
        Add-Target '≥ 1.5× faster than IRM -Parallel 16' -Subject '3/LifePos@16' -Reference '3/IRM-Parallel@16' -Kind inverse-ratio-at-least -Threshold 1.5
        Add-Target '≤ 1.2× Floor (16 concurrent)' -Subject '3/LifePos@16' -Reference '3/Floor@16' -Kind ratio-at-most -Threshold 1.2
    }
    Run      = {
        param($Emulator, [string] $Name)
        $headers = Get-IrmHeaders $Emulator
        $createUri = "$($Emulator.BaseUri.ToString().TrimEnd('/'))/orgs/$($Emulator.OrganizationId)/workplaces"
        $reps = $Settings.Repetitions
        $rows = $Settings.CreateRows
        $warmupRows = $Settings.WarmupRows
        $csv = New-BenchCsv (Join-Path $OutputPath "workplaces-$rows.csv") $rows
        $warmupCsv = New-BenchCsv (Join-Path $OutputPath "workplaces-$warmupRows.csv") $warmupRows
        function Measure-Create([scriptblock] $Run, [int] $Repetitions = $reps) {
            # Every run starts from an empty emulator and must leave exactly its CSV's rows alive; $Run reads the CSV
            # path from $script:CsvPath. The warm-up (JIT, connections, runspaces) creates $warmupRows rows per run:
            # full-size warm-up runs would add minutes to the serial contenders and nothing to the others.
            $reset = { $null = Invoke-LifePosEmulatorControl -Emulator $Emulator -Path 'reset' -Method POST }
            $check = {
                $alive = (Invoke-LifePosEmulatorControl -Emulator $Emulator -Path 'stats').workplaces.alive
                Assert-Count $alive $script:CreateExpected 'The bulk create'
            }
            $script:CsvPath = $warmupCsv; $script:CreateExpected = $warmupRows
            $warm = Measure-InProcess -Run $Run -Repetitions 0 -Before $reset -Check $check `
                -WarmupSeconds $Settings.CreateWarmupSeconds -MaxWarmupSeconds $Settings.CreateWarmupSeconds
            $script:CsvPath = $csv; $script:CreateExpected = $rows
            $measured = Measure-InProcess -Run $Run -Warmup 0 -Repetitions $Repetitions -Before $reset -Check $check
            @{ Samples = $measured.Samples; CpuMs = $measured.CpuMs; Warmup = $warm.Warmup; WarmupMs = $warm.WarmupMs }
        }
        $row = @{ Scenario = 3; ScenarioName = $Name; Items = $rows; Warmup = 1; FloorKey = '3/Floor@16'; LifePosKey = '3/LifePos@16' }

        $lifePosCreate = { Import-Csv $script:CsvPath | New-LifePosWorkplace -ThrottleLimit $script:Throttle | Out-Null }
        foreach ($throttle in 16, 4) {
            # -ThrottleLimit 4 has no target: fewer repetitions keep the full run within a few minutes.
            $script:Throttle = $throttle
            $repetitions = if ($throttle -eq 16) { $reps } else { $Settings.InfoRepetitions }
            Invoke-Contender -Record ($row + @{
                    Contender = "LifePos -ThrottleLimit $throttle"; Key = "3/LifePos@$throttle"; Note = $(if ($throttle -ne 16) { "no target, $repetitions runs" })
                }) -Measure { Measure-Create -Run $lifePosCreate -Repetitions $repetitions }
        }
        $uri = $createUri; $h = $headers
        Invoke-Contender -Record ($row + @{ Contender = 'IRM ForEach-Object -Parallel -ThrottleLimit 16'; Key = '3/IRM-Parallel@16' }) -Measure {
            Measure-Create -Run {
                Import-Csv $script:CsvPath | ForEach-Object -ThrottleLimit 16 -Parallel {
                    $body = @{ name = $_.name; workplace_type = $_.workplace_type; meta = $_.meta } | ConvertTo-Json -Compress
                    Invoke-RestMethod -Method Post -Uri $using:uri -Headers $using:h -Body $body -ContentType 'application/json; charset=utf-8'
                } | Out-Null
            }
        }
        Invoke-Contender -Record ($row + @{ Contender = 'Floor, 16 concurrent'; Key = '3/Floor@16' }) -Measure {
            Invoke-Floor -Emulator $Emulator -ArgumentList 'create', '--csv', $csv, '--warmup-csv', $warmupCsv, '--concurrency', 16,
                '--expect', $rows, '--warmup', 1, '--warmup-seconds', $Settings.CreateWarmupSeconds, '--max-warmup-seconds', $Settings.CreateWarmupSeconds, '--repetitions', $reps
        }
        $serialNote = "$($Settings.SerialRepetitions) run(s): a serial run is slow"
        $script:Throttle = 1
        Invoke-Contender -Record ($row + @{ Contender = 'LifePos -ThrottleLimit 1'; Key = '3/LifePos@1'; Note = $serialNote }) -Measure {
            Measure-Create -Run $lifePosCreate -Repetitions $Settings.SerialRepetitions
        }
        Invoke-Contender -Record ($row + @{ Contender = 'IRM ForEach-Object (serial)'; Key = '3/IRM-Serial'; Note = $serialNote }) -Measure {
            Measure-Create -Repetitions $Settings.SerialRepetitions -Run {
                Import-Csv $script:CsvPath | ForEach-Object {
                    $body = @{ name = $_.name; workplace_type = $_.workplace_type; meta = $_.meta } | ConvertTo-Json -Compress
                    Invoke-RestMethod -Method Post -Uri $createUri -Headers $headers -Body $body -ContentType 'application/json; charset=utf-8'
                } | Out-Null
            }
        }
    }
}
