# Scenario 5: what Import-Module LifePos, and the import with a first call, add to a fresh pwsh process, against a
# bare one and the same first call made with Invoke-RestMethod. On the emulator of scenario 1.

@{
    Number   = 5
    # Rounds of fresh processes: a warm-up round, then the measured ones.
    Settings = [ordered]@{ ProcessWarmup = 1; ProcessRepetitions = 5 }
    Quick    = @{ ProcessWarmup = 0; ProcessRepetitions = 1 }
    Name     = { 'Import cost: fresh pwsh processes' }
    Emulator = $ListEmulator
    Targets  = {
        Add-Target 'Import-Module adds ≤ 150 ms' -Subject '5/Import' -Reference '5/bare pwsh' -Kind difference-at-most -Threshold 150
        Add-Target 'Import + first call adds ≤ 150 ms over the same call by IRM' -Subject '5/Import+call' -Reference '5/IRM call' -Kind difference-at-most -Threshold 150
    }
    Run      = {
        param($Emulator, [string] $Name)
        $variants = Get-ImportCostScript $Emulator
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
                Scenario = 5; ScenarioName = $Name; Contender = $key.Substring(2); Key = $key; Warmup = $Settings.ProcessWarmup
                Samples = $processSamples[$key].ToArray(); PeakWorkingSetMB = $processPeaks[$key].ToArray(); Note = $processNotes[$key]
            }
            if ($key -ne '5/bare pwsh') { $record.LifePosKey = '5/bare pwsh' }
            if ($processErrors.ContainsKey($key)) { $record.ErrorText = $processErrors[$key]; $record.Remove('Samples') }
            Add-Record @record
        }
    }
}

function Get-ImportCostScript($Emulator) {
    # The script of each variant's fresh pwsh, by record key. Only .NET calls besides the command measured: a cmdlet
    # from another module (ConvertTo-Json, ConvertTo-SecureString, Select-Object) would add that module's
    # auto-loading to one variant only.
    $base = $Emulator.BaseUri.ToString()
    $tokenLiteral = $Emulator.Token.Replace("'", "''")
    $print = "[Console]::Out.WriteLine('{`"peak`":' + [Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64 + '}')"
    [ordered]@{
        '5/bare pwsh'   = $print
        '5/Import'      = "Import-Module '$ModuleManifest'; $print"
        '5/Import+call' = "Import-Module '$ModuleManifest'; Connect-LifePos -BaseUri '$base' -Token ([Net.NetworkCredential]::new('', '$tokenLiteral').SecurePassword); " +
        "`$null = Get-LifePosWorkplace -First 1; $print"
        '5/IRM call'    = "`$h = @{ 'X-LP-Client-Identifier' = [Guid]::NewGuid().ToString(); 'X-LP-Client-Type' = 'Service'; 'Accept-Language' = 'ru-RU'; Authorization = 'Bearer $tokenLiteral' }; " +
        "`$null = (Invoke-RestMethod -Uri '$($base.TrimEnd('/'))/orgs/$($Emulator.OrganizationId)/workplaces?items_per_page=$PageSize' -Headers `$h).items[0]; $print"
    }
}
