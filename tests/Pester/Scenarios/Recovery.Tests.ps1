# The two worst days, each put right in one command: a wrong -ArchiveUnlisted, and a bulk Set over Meta, MetaData and
# Extensions. Each is recovered by undoing its run from the journal, and by Sync-LifePosWorkplace -Exact from a CSV
# and from a JSON backup; after it every field and the archived state equal the state before the mistake. With and
# without seeded faults, at -ThrottleLimit 1 and 16.
BeforeDiscovery {
    $script:Cases = foreach ($story in 'ArchiveUnlisted', 'BulkSet') {
        foreach ($way in 'Undo', 'ExactCsv', 'ExactJson') {
            foreach ($faults in $false, $true) {
                foreach ($throttle in 1, 16) { @{ Story = $story; Way = $way; Faults = $faults; Throttle = $throttle } }
            }
        }
    }
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../LifePos.TestHelpers.psm1')
    Import-LifePosUnderTest
    $null = Start-TestEmulator -ArgumentList '--seed', '24'

    # Every workplace as one line of text: the fields a mistake can touch, extensions by name, and the archived state.
    function Get-WorkplaceState {
        Get-LifePosWorkplace -Selection All | Sort-Object Number | ForEach-Object {
            $extensions = $_.Extensions
            $named = @($extensions.Keys | Sort-Object | ForEach-Object { $_ + '=' + (ConvertTo-Json $extensions[$_] -Depth 20 -Compress) }) -join ';'
            '{0} #{1} name={2} type={3} meta={4} metadata={5} extensions={6} archived={7}' -f $_.Id, $_.Number, $_.Name, $_.WorkplaceType, [string]$_.Meta,
                (ConvertTo-Json $_.MetaData -Depth 20 -Compress), $named, $_.IsArchived
        }
    }
}
AfterAll {
    Disconnect-LifePos
    Stop-TestEmulator
}

Describe 'Recovering from <Story> by <Way> (faults: <Faults>, -ThrottleLimit <Throttle>)' -ForEach $Cases {
    BeforeAll {
        Reset-TestEmulator
        $script:Journal = Join-Path $TestDrive ('journal-{0}.jsonl' -f [guid]::NewGuid())
        Connect-TestEmulator @{ JournalPath = $Journal }
        # The day before: two workplaces archived, one with meta data, as a real organization has them.
        Get-LifePosWorkplace -Number 5, 6 | Remove-LifePosWorkplace -Confirm:$false
        Get-LifePosWorkplace -Number 7 | Set-LifePosWorkplace -MetaData @{ floor = 2; tags = @('a', 'b') }
        $script:Csv = Join-Path $TestDrive 'backup.csv'
        $script:Json = Join-Path $TestDrive 'backup.json'
        Get-LifePosWorkplace -Selection All | Export-Csv -LiteralPath $Csv -NoTypeInformation -Encoding utf8
        Get-LifePosWorkplace -Selection All | ConvertTo-Json -Depth 20 | Set-Content -LiteralPath $Json -Encoding utf8
        $script:Before = @(Get-WorkplaceState)

        if ($Faults) { Set-TestEmulatorFaults @{ faults = '500=0.06,502=0.03,504=0.03,drop-before=0.03,drop-after=0.03'; fault_seed = 11 } }
        if ($Story -eq 'ArchiveUnlisted') {
            # The wrong file: three rows instead of the whole organization.
            $null = Get-LifePosWorkplace -Number 1, 2, 3 | Select-Object Id, Name, WorkplaceType |
                Sync-LifePosWorkplace -ArchiveUnlisted -Force -ThrottleLimit $Throttle
        }
        else {
            Get-LifePosWorkplace | Set-LifePosWorkplace -Meta 'WRONG' -MetaData @{ wrong = $true } -Extension @{ nadex_soft_pos = @{ broken = 1 }; bad = @{ turned_on = $false } } -ThrottleLimit $Throttle
        }
        Set-TestEmulatorFaults @{ faults = '' }
        $script:Mistake = @(Get-WorkplaceState)
        if ($Faults) { Set-TestEmulatorFaults @{ faults = '500=0.06,502=0.03,504=0.03,drop-before=0.03,drop-after=0.03'; fault_seed = 12 } }

        $script:Errors = @()
        switch ($Way) {
            'Undo' { $null = Get-LifePosChange -Last 1 | Undo-LifePosChange -Confirm:$false -ThrottleLimit $Throttle -ErrorVariable script:Errors }
            'ExactCsv' { $null = Import-Csv -LiteralPath $Csv | Sync-LifePosWorkplace -Exact -Confirm:$false -ThrottleLimit $Throttle -ErrorVariable script:Errors }
            'ExactJson' { $null = Get-Content -LiteralPath $Json -Raw | ConvertFrom-Json | Sync-LifePosWorkplace -Exact -Confirm:$false -ThrottleLimit $Throttle -ErrorVariable script:Errors }
        }
        Set-TestEmulatorFaults @{ faults = '' }
        $script:FaultsSeen = 0
        foreach ($kind in (Get-TestEmulatorStats).faults.PSObject.Properties) { $script:FaultsSeen += [int]$kind.Value }
        $script:After = @(Get-WorkplaceState)
    }

    It 'the mistake really changed workplaces (and the seeded faults really hit requests)' {
        if ($Faults) { $FaultsSeen | Should -BeGreaterThan 0 } else { $FaultsSeen | Should -Be 0 }
        $changed = @(Compare-Object $Before $Mistake -PassThru | Where-Object SideIndicator -eq '=>')
        $changed.Count | Should -BeGreaterThan 10
    }

    It 'puts every field and the archived state back, with no error' {
        $Errors | Should -BeNullOrEmpty
        Compare-Object $Before $After | Should -BeNullOrEmpty
        $After.Count | Should -Be 24
    }
}
