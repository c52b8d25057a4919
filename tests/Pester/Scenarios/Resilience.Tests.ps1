# A bulk run at night, with nobody watching, on a flaky network and a rate-limited API: nothing may be lost or duplicated.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../LifePos.TestHelpers.psm1')
    Import-LifePosUnderTest
    $script:Faults = '500=0.1,503=0.05,429=0.05,drop-before=0.02,drop-after=0.02'
    # Ten tries make a row that fails every try (0.24^10) practically impossible, so the counts are exact.
    $script:TenTries = @{ MaxRetries = 10; MaxRetryDelay = [TimeSpan]::FromMilliseconds(200) }

    function New-TestCsv([string] $Path, [int] $Count, [string] $Prefix) {
        1..$Count | ForEach-Object {
            [pscustomobject]@{ name = '{0} {1:D4}' -f $Prefix, $_; workplace_type = ('Mobile', 'Stationary', 'Automat')[$_ % 3] }
        } | Export-Csv -Path $Path -NoTypeInformation -Encoding utf8
    }

    function Get-AliveNamesLike([string] $Prefix) {
        Get-LifePosWorkplace -Query $Prefix | Where-Object Name -like "$Prefix *" | ForEach-Object Name
    }
}

Describe 'Import-Csv | New-LifePosWorkplace -ThrottleLimit 16 on a faulty network' {
    BeforeAll {
        $script:Emulator = Start-TestEmulator -ArgumentList '--latency-ms', '5', '--faults', $Faults, '--fault-seed', '20261129'
        Connect-TestEmulator $TenTries
        $script:Csv = Join-Path $TestDrive 'stores.csv'
        New-TestCsv -Path $Csv -Count 1000 -Prefix 'Store'
        $script:Created = @(Import-Csv $Csv | New-LifePosWorkplace -ThrottleLimit 16 -ErrorVariable failedRows `
                -ErrorAction SilentlyContinue -InformationVariable summary)
        $script:Failed = @($failedRows)
        $script:Summary = @($summary | Where-Object { $_.Tags -contains 'LifePos.Summary' })
        $script:Stats = Get-TestEmulatorStats
        # Check the server's state without faults, so the check itself cannot be what goes wrong.
        Set-TestEmulatorFaults @{ faults = '' }
    }
    AfterAll { Disconnect-LifePos; Stop-TestEmulator }

    It 'injected every kind of fault' {
        foreach ($kind in '500', '503', '429', 'drop-before', 'drop-after') {
            $Stats.faults.$kind | Should -BeGreaterThan 0 -Because "the run must have met $kind faults"
        }
    }

    It 'accounts for every row: created + errors = 1000' {
        ($Created.Count + $Failed.Count) | Should -Be 1000
    }

    It 'leaves exactly 1000 alive workplaces with those names, none twice' {
        $names = @(Get-AliveNamesLike 'Store')
        $names.Count | Should -Be 1000
        @($names | Sort-Object -Unique).Count | Should -Be 1000
    }

    It 'emits the created workplaces in input order' {
        $expected = @(Import-Csv $Csv | ForEach-Object name | Where-Object { $_ -in $Created.Name })
        $Created.Name | Should -Be $expected
    }

    It 'writes one summary line with the retries it needed' {
        $Summary.Count | Should -Be 1
        "$($Summary[0].MessageData)" | Should -Match '^1000 rows: \d+ created'
        "$($Summary[0].MessageData)" | Should -Match '[1-9]\d* retries'
    }

    It 'creates nothing when the same CSV runs again with -SkipExisting' {
        $before = (Get-TestEmulatorStats).requests.create.total
        $again = @(Import-Csv $Csv | New-LifePosWorkplace -SkipExisting -ThrottleLimit 16 -WarningAction SilentlyContinue)
        $after = (Get-TestEmulatorStats).requests.create.total
        $after | Should -Be $before
        $again.Count | Should -Be 1000
        @(Get-AliveNamesLike 'Store').Count | Should -Be 1000
    }
}

Describe 'Get-LifePosWorkplace paging through 5000 workplaces on a faulty network' {
    BeforeAll {
        $script:Emulator = Start-TestEmulator -ArgumentList '--seed', '5000', '--faults', $Faults, '--fault-seed', '5'
        Connect-TestEmulator $TenTries
    }
    AfterAll { Disconnect-LifePos; Stop-TestEmulator }

    It 'yields each workplace exactly once' {
        $ids = @(Get-LifePosWorkplace -PageSize 100 | ForEach-Object Id)
        $ids.Count | Should -Be 5000
        @($ids | Sort-Object -Unique).Count | Should -Be 5000
        (Get-TestEmulatorStats).faults.'500' | Should -BeGreaterThan 0
    }
}

Describe 'A bulk run stopped halfway, then run again with -SkipExisting' {
    BeforeAll {
        $script:Emulator = Start-TestEmulator -ArgumentList @()
        $script:Csv = Join-Path $TestDrive 'interrupted.csv'
        New-TestCsv -Path $Csv -Count 300 -Prefix 'Halfway'
    }
    AfterAll { Stop-TestEmulator }

    It 'stops on Ctrl+C with four requests on their way, sends nothing after, and ends with exactly the CSV''s workplaces after the re-run' {
        # After 50 answers the service hangs: the four requests in flight at -ThrottleLimit 4 never get an answer.
        # -Timeout 300 means only cancellation can end them before the guard below gives up.
        Set-TestEmulatorFaults @{ outage_after = 50; outage_mode = 'hang' }
        $run = Start-TestRunspace -ArgumentList (Get-TestPath Module), $Emulator.BaseUri, $Emulator.SecureToken, $Csv -Script {
            param($Module, $Uri, $Token, $Csv, $Connected)
            Import-Module $Module
            Connect-LifePos -BaseUri $Uri -Token $Token -Timeout 300 -OutageTimeout 600
            $Connected.Set()
            Import-Csv $Csv | New-LifePosWorkplace -ThrottleLimit 4
        } -Until { param($stats) $stats.requests.create.by_status.hung -ge 4 }
        try {
            $run.Stats.requests.create.by_status.hung | Should -Be 4 -Because 'four creates are on their way, and no fifth can start while they are'
            # Ctrl+C: a hang guard, not a stopwatch (a Stop that waited for the answers would take -Timeout, 300 s).
            Stop-TestRunspace $run | Should -BeTrue -Because 'Ctrl+C cancels the requests on their way'
            $run.Handle.IsCompleted | Should -BeTrue
            $run.PowerShell.InvocationStateInfo.State | Should -Be 'Stopped'
        }
        finally {
            $run.PowerShell.Dispose()
            Set-TestEmulatorFaults @{ outage_after = $null }
        }

        # Nothing was sent after the stop: the four that hung were the last; the hung ones created nothing.
        $stats = Get-TestEmulatorStats
        $stats.requests.create.total | Should -Be ($stats.workplaces.alive + 4)
        $stats.workplaces.alive | Should -BeLessThan 50 -Because 'Connect-LifePos used two of the 50 answers'

        Connect-TestEmulator $TenTries
        $null = Import-Csv $Csv | New-LifePosWorkplace -SkipExisting -ThrottleLimit 16 -WarningAction SilentlyContinue
        $names = @(Get-AliveNamesLike 'Halfway')
        $names.Count | Should -Be 300
        @($names | Sort-Object -Unique).Count | Should -Be 300
        Disconnect-LifePos
    }
}

Describe 'Bad rows and bad answers' {
    BeforeAll {
        $script:Emulator = Start-TestEmulator -ArgumentList @()
        Connect-TestEmulator $TenTries
    }
    AfterAll { Disconnect-LifePos; Stop-TestEmulator }

    It 'gives one clear error per bad row and creates every good row' {
        $csv = Join-Path $TestDrive 'bad.csv'
        @(
            [pscustomobject]@{ Name = 'Good 1'; WorkplaceType = 'Mobile'; Extension = '' }
            [pscustomobject]@{ Name = 'Unknown type'; WorkplaceType = 'Spaceship'; Extension = '' }
            [pscustomobject]@{ Name = 'Empty type'; WorkplaceType = ''; Extension = '' }
            [pscustomobject]@{ Name = 'Broken JSON'; WorkplaceType = 'Mobile'; Extension = '{"smart_pos": {' }
            [pscustomobject]@{ Name = 'x' * 129; WorkplaceType = 'Mobile'; Extension = '' }
            [pscustomobject]@{ Name = 'Good 2'; WorkplaceType = 'Stationary'; Extension = '{"smart_pos":{"version":"1"}}' }
        ) | Export-Csv $csv -NoTypeInformation
        $created = @(Import-Csv $csv | New-LifePosWorkplace -ErrorVariable rowErrors -ErrorAction SilentlyContinue)
        $created.Name | Should -Be 'Good 1', 'Good 2'
        $rowErrors.Count | Should -Be 4
        foreach ($rowError in $rowErrors) {
            $rowError.ToString() | Should -Not -Match '   at |Exception:'
        }
        ($rowErrors | Where-Object { "$_" -match 'Spaceship' }) | Should -Not -BeNullOrEmpty
        ($rowErrors | Where-Object { "$_" -match '128' }) | Should -Not -BeNullOrEmpty
        ($rowErrors | Where-Object { "$_" -match 'JSON' }) | Should -Not -BeNullOrEmpty
    }

    It 'reports a bad GUID in a row and goes on with the next row' {
        $good = New-LifePosWorkplace -WorkplaceType Mobile -Name 'Rename me'
        $rows = @(
            [pscustomobject]@{ Id = 'not-a-guid'; Name = 'Never' }
            [pscustomobject]@{ Id = $good.Id.ToString(); Name = 'Renamed' }
        )
        $renamed = @($rows | Set-LifePosWorkplace -PassThru -Confirm:$false -ErrorVariable rowErrors -ErrorAction SilentlyContinue)
        $rowErrors.Count | Should -Be 1
        "$($rowErrors[0])" | Should -Match 'not-a-guid'
        $renamed.Name | Should -Be 'Renamed'
    }

    It 'turns a <Kind> answer into a clear error, not a crash' -TestCases @(
        @{ Kind = 'html' }, @{ Kind = 'empty' }, @{ Kind = 'truncated' }, @{ Kind = 'bad-shape' }
    ) {
        $workplace = New-LifePosWorkplace -WorkplaceType Mobile -Name "Answer $Kind"
        Set-TestEmulatorFaults @{ next = @($Kind); next_endpoint = 'get' }
        $result = Get-LifePosWorkplace -Id $workplace.Id -ErrorVariable answerErrors -ErrorAction SilentlyContinue
        $result | Should -BeNullOrEmpty
        $answerErrors.Count | Should -Be 1
        $answerErrors[0].FullyQualifiedErrorId | Should -Match '^LifePos\.'
        "$($answerErrors[0])" | Should -Not -Match '<html|   at '
    }
}
