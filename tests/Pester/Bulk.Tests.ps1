# Bulk runs from CSV files: every parameter binds from PascalCase or snake_case headers, rows run several at a time,
# output keeps the input order, each failed row is one error carrying the row, and one summary line closes the run.
# Run.ps1 runs the tests tagged Variants again once per answer variant of the emulator (its --answers).
param([string] $Answers = '')
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/LifePos/LifePos.psd1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../out/LifePos.Emulator/LifePos.EmulatorProcess.psm1') -Force
    # Jitter makes requests finish out of order, so in-order output is really tested.
    $script:Emulator = Start-LifePosEmulator -ArgumentList (@('--seed', '10', '--latency-ms', '2', '--jitter-ms', '15') +
        @(if ($Answers) { '--answers', $Answers }))
    Connect-LifePos -BaseUri $Emulator.BaseUri -Token (ConvertTo-SecureString $Emulator.Token -AsPlainText -Force) `
        -MaxRetryDelay ([TimeSpan]::FromMilliseconds(50))

    function Get-RequestCount([string] $Endpoint) {
        $requests = (Invoke-LifePosEmulatorControl $Emulator 'stats').requests
        if ($requests.PSObject.Properties[$Endpoint]) { $requests.$Endpoint.total } else { 0 }
    }

    function Get-Summary($InformationRecords) {
        @($InformationRecords | Where-Object { $_.Tags -contains 'LifePos.Summary' })
    }
}
AfterAll {
    Disconnect-LifePos
    $Emulator | Stop-LifePosEmulator
}

Describe 'Import-Csv | New-LifePosWorkplace' {
    It 'binds snake_case headers, JSON cells and empty cells' -Tag 'Variants' {
        $csv = Join-Path $TestDrive 'snake.csv'
        @(
            'name,workplace_type,meta,extensions,meta_data'
            'Snake 1,Mobile,north,"{""smart_pos"":{""version"":""2.1""}}","{""region"":""N""}"'
            'Snake 2,stationary,,,'
            ',Automat,no name,,'
        ) | Set-Content -LiteralPath $csv -Encoding utf8
        $created = @(Import-Csv $csv | New-LifePosWorkplace)
        $created.Count | Should -Be 3
        $created[0].Name | Should -Be 'Snake 1'
        $created[0].Extensions.smart_pos.version | Should -Be '2.1'
        $created[0].MetaData.region | Should -Be 'N'
        $created[0].Meta | Should -Be 'north'
        $created[1].WorkplaceType | Should -Be 'Stationary'
        $created[1].Meta | Should -BeNullOrEmpty -Because 'an empty cell is not given'
        $created[1].Extensions.Count | Should -Be 0
        $created[2].Name | Should -BeNullOrEmpty
        $created[2].Meta | Should -Be 'no name'
    }

    It 'binds PascalCase headers' -Tag 'Variants' {
        $csv = Join-Path $TestDrive 'pascal.csv'
        @(
            [pscustomobject]@{ Name = 'Pascal 1'; WorkplaceType = 'Automat'; Meta = 'm1'; Extension = '{"pos_quick_payments":{"version":"1"}}'; MetaData = '' }
            [pscustomobject]@{ Name = 'Pascal 2'; WorkplaceType = 'Unknown'; Meta = ''; Extension = ''; MetaData = '{"n":2}' }
        ) | Export-Csv -LiteralPath $csv -NoTypeInformation
        $created = @(Import-Csv $csv | New-LifePosWorkplace)
        $created.Name | Should -Be 'Pascal 1', 'Pascal 2'
        $created[0].Extensions.pos_quick_payments.version | Should -Be '1'
        $created[1].MetaData.n | Should -Be 2
    }

    It 'keeps the input order with -ThrottleLimit 16 and writes one summary line' -Tag 'Variants' {
        $rows = 1..60 | ForEach-Object { [pscustomobject]@{ Name = 'Order {0:D3}' -f $_; Type = 'Mobile' } }
        $created = @($rows | New-LifePosWorkplace -ThrottleLimit 16 -InformationVariable info)
        $created.Name | Should -Be $rows.Name
        $summary = Get-Summary $info
        $summary.Count | Should -Be 1
        "$($summary[0].MessageData)" | Should -Be '60 rows: 60 created, 0 failed, 0 retries'
    }

    It 'streams results while rows are still coming in' {
        $firstSeenAfter = $null
        $fed = 0
        1..30 | ForEach-Object { $script:fed = $_; [pscustomobject]@{ Name = "Stream $_"; WorkplaceType = 'Mobile' } } |
            New-LifePosWorkplace -ThrottleLimit 2 |
            ForEach-Object { if ($null -eq $firstSeenAfter) { $firstSeenAfter = $script:fed } }
        $firstSeenAfter | Should -BeLessThan 30 -Because 'finished rows are written during ProcessRecord, not only at the end'
    }

    It 'shows bulk progress as done, failed and in flight' {
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript({
                    param($Module, $Uri, $Token)
                    Import-Module $Module
                    Connect-LifePos -BaseUri $Uri -Token (ConvertTo-SecureString $Token -AsPlainText -Force)
                    $ProgressPreference = 'Continue'
                    1..20 | ForEach-Object { [pscustomobject]@{ Name = "Progress $_"; WorkplaceType = 'Mobile' } } | New-LifePosWorkplace
                }).AddArgument((Join-Path $PSScriptRoot '../../out/LifePos/LifePos.psd1')).AddArgument($Emulator.BaseUri).AddArgument($Emulator.Token)
            @($ps.Invoke()).Count | Should -Be 20
            $statuses = @($ps.Streams.Progress | Where-Object RecordType -EQ 'Processing' | ForEach-Object StatusDescription)
            $statuses.Count | Should -BeGreaterThan 0
            $statuses[0] | Should -Match '^\d+ done, \d+ failed, \d+ in flight$'
            ($ps.Streams.Progress | Select-Object -Last 1).RecordType | Should -Be 'Completed'
        }
        finally { $ps.Dispose() }
    }

    It 'gives each bad row one error whose TargetObject is the CSV row, and goes on' {
        $csv = Join-Path $TestDrive 'bad.csv'
        @(
            [pscustomobject]@{ Name = 'Fine A'; WorkplaceType = 'Mobile'; Extension = '' }
            [pscustomobject]@{ Name = 'Bad type'; WorkplaceType = 'Tractor'; Extension = '' }
            [pscustomobject]@{ Name = 'Bad JSON'; WorkplaceType = 'Mobile'; Extension = '{"smart_pos":' }
            [pscustomobject]@{ Name = 'Not objects'; WorkplaceType = 'Mobile'; Extension = '{"smart_pos":1}' }
            [pscustomobject]@{ Name = 'L' * 129; WorkplaceType = 'Mobile'; Extension = '' }
            [pscustomobject]@{ Name = 'Fine B'; WorkplaceType = 'Stationary'; Extension = '' }
        ) | Export-Csv -LiteralPath $csv -NoTypeInformation
        $rows = @(Import-Csv $csv)
        $created = @($rows | New-LifePosWorkplace -ThrottleLimit 4 -ErrorVariable failed -ErrorAction SilentlyContinue -InformationVariable info)
        $created.Name | Should -Be 'Fine A', 'Fine B'
        $failed.Count | Should -Be 4
        $failed.FullyQualifiedErrorId | ForEach-Object { $_ | Should -BeLike 'LifePos.InvalidInput,*' }
        $failed.CategoryInfo.Category | Sort-Object -Unique | Should -Be 'InvalidData'
        [object]::ReferenceEquals($failed[0].TargetObject, $rows[1]) | Should -BeTrue
        "$($failed[0])" | Should -Match "^Row 2 \('Bad type'\): unknown workplace type 'Tractor'"
        "$($failed[1])" | Should -Match 'Row 3.*not valid JSON'
        "$($failed[2])" | Should -Match "Row 4.*'smart_pos' must be an object"
        "$($failed[3])" | Should -Match 'Row 5.*129 characters.*at most 128'
        "$((Get-Summary $info)[0].MessageData)" | Should -Be '6 rows: 2 created, 4 failed, 0 retries'

        $retry = Join-Path $TestDrive 'retry.csv'
        $failed.TargetObject | Export-Csv -LiteralPath $retry -NoTypeInformation
        $again = @(Import-Csv $retry)
        $again.Name | Should -Be 'Bad type', 'Bad JSON', 'Not objects', ('L' * 129)
        ($again[0].PSObject.Properties.Name -join ',') | Should -Be 'Name,WorkplaceType,Extension'
    }

    It 'skips names that exist with -SkipExisting, emitting the existing workplace with a warning' -Tag 'Variants' {
        $rows = @(
            [pscustomobject]@{ name = 'Касса 0003'; workplace_type = 'Mobile' }
            [pscustomobject]@{ name = 'Skip new'; workplace_type = 'Mobile' }
            [pscustomobject]@{ name = 'Skip new'; workplace_type = 'Mobile' }
        )
        $before = Get-RequestCount 'create'
        $result = @($rows | New-LifePosWorkplace -SkipExisting -WarningVariable warned -WarningAction SilentlyContinue -InformationVariable info)
        (Get-RequestCount 'create') - $before | Should -Be 1
        $result.Count | Should -Be 3
        $result[0].Number | Should -Be 3
        $result[2].Id | Should -Be $result[1].Id
        $warned.Count | Should -Be 2
        "$($warned[0])" | Should -Match 'Касса 0003.*already exists'
        "$((Get-Summary $info)[0].MessageData)" | Should -Be '3 rows: 1 created, 2 skipped (existing), 0 failed, 0 retries'
    }

    It 'counts retries in the summary and warns once when asked to slow down' -Tag 'Variants' {
        $null = Invoke-LifePosEmulatorControl $Emulator 'faults' -Method Put -Body @{ next = @('503', '429'); next_endpoint = 'create' }
        $created = @([pscustomobject]@{ Name = 'Retried'; WorkplaceType = 'Mobile' } |
                New-LifePosWorkplace -InformationVariable info -WarningVariable slowDown -WarningAction SilentlyContinue)
        $created.Name | Should -Be 'Retried'
        "$((Get-Summary $info)[0].MessageData)" | Should -Be '1 row: 1 created, 0 failed, 2 retries'
        $slowDown.Count | Should -Be 1
        "$($slowDown[0])" | Should -Match '429.*lower -ThrottleLimit'
    }

    It 'reports a server error for one row with its ErrorId and category, and creates the rest' {
        $null = Invoke-LifePosEmulatorControl $Emulator 'faults' -Method Put -Body @{ next = @('bad-shape'); next_endpoint = 'create' }
        $rows = 1..3 | ForEach-Object { [pscustomobject]@{ Name = "Answer $_"; WorkplaceType = 'Mobile' } }
        $created = @($rows | New-LifePosWorkplace -ThrottleLimit 1 -ErrorVariable failed -ErrorAction SilentlyContinue)
        $created.Name | Should -Be 'Answer 2', 'Answer 3'
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'LifePos.InvalidResponse,*'
        $failed[0].CategoryInfo.Category | Should -Be 'InvalidResult'
        [object]::ReferenceEquals($failed[0].TargetObject, $rows[0]) | Should -BeTrue
    }
}

Describe 'Bulk changes from CSV ids' {
    BeforeAll {
        $script:Csv = Join-Path $TestDrive 'ids.csv'
        $script:Targets = @(1..6 | ForEach-Object { [pscustomobject]@{ Name = "Bulk target $_"; WorkplaceType = 'Mobile' } } | New-LifePosWorkplace)
        $employees = @(Get-LifePosEmployee)
        $index = 0
        $Targets | ForEach-Object { [pscustomobject]@{ workplace_guid = $_.Id; name = $_.Name + ' renamed'; employee_guid = $employees[$index++ % $employees.Count].Id; outlet_guid = '' } } |
            Export-Csv -LiteralPath $Csv -NoTypeInformation
    }

    It 'renames from a CSV with Set-LifePosWorkplace, in order' -Tag 'Variants' {
        $renamed = @(Import-Csv $Csv | Set-LifePosWorkplace -ThrottleLimit 16 -PassThru -InformationVariable info)
        $renamed.Name | Should -Be ($Targets.Name | ForEach-Object { "$_ renamed" })
        "$((Get-Summary $info)[0].MessageData)" | Should -Be '6 rows: 6 updated, 0 failed, 0 retries'
    }

    It 'generates activation codes from a CSV' -Tag 'Variants' {
        $codes = @(Import-Csv $Csv | New-LifePosActivationCode -ThrottleLimit 8)
        $codes.WorkplaceId | Should -Be $Targets.Id
        $codes.Code | ForEach-Object { $_ | Should -Match '^\d{8}$' }
    }

    It 'archives nothing with -WhatIf, then archives and restores from the CSV' -Tag 'Variants' {
        $before = Get-RequestCount 'archive'
        Import-Csv $Csv | Remove-LifePosWorkplace -WhatIf
        Get-RequestCount 'archive' | Should -Be $before
        Import-Csv $Csv | Remove-LifePosWorkplace -Confirm:$false -ThrottleLimit 16
        (Get-RequestCount 'archive') - $before | Should -Be 6
        @(Get-LifePosWorkplace -Name 'Bulk target *').Count | Should -Be 0
        $restored = @(Get-LifePosWorkplace -Name 'Bulk target *' -Selection ArchivedOnly | Restore-LifePosWorkplace -PassThru)
        $restored.Count | Should -Be 6
        @(Get-LifePosWorkplace -Name 'Bulk target *').Count | Should -Be 6
    }

    It 'deactivates from the CSV' -Tag 'Variants' {
        $deactivated = @(Import-Csv $Csv | Disable-LifePosWorkplace -Confirm:$false -PassThru -ThrottleLimit 1)
        $deactivated.Id | Should -Be $Targets.Id
        $deactivated.IsActivated | Should -Not -Contain $true
    }

    It 'reports a bad GUID in a row, naming it, and goes on' {
        $rows = @(
            [pscustomobject]@{ Id = 'not-a-guid'; Name = 'Never' }
            [pscustomobject]@{ Id = $Targets[0].Id.ToString(); Name = 'Renamed again' }
        )
        $renamed = @($rows | Set-LifePosWorkplace -PassThru -ErrorVariable failed -ErrorAction SilentlyContinue)
        $renamed.Name | Should -Be 'Renamed again'
        $failed.Count | Should -Be 1
        "$($failed[0])" | Should -Match "'not-a-guid' is not a valid workplace id"
        [object]::ReferenceEquals($failed[0].TargetObject, $rows[0]) | Should -BeTrue
    }

    It 'gets by id with unknown ids as errors in their place' -Tag 'Variants' {
        $missing = [Guid]::NewGuid()
        $ids = @($Targets[0].Id, $missing, $Targets[1].Id) | ForEach-Object { [pscustomobject]@{ guid = $_ } }
        $found = @($ids | Get-LifePosWorkplace -ThrottleLimit 16 -ErrorVariable failed -ErrorAction SilentlyContinue)
        $found.Id | Should -Be $Targets[0].Id, $Targets[1].Id
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'LifePos.NotFound,*'
        $failed[0].TargetObject.guid | Should -Be $missing
    }
}

Describe 'Import-Csv | Sync-LifePosWorkplace' {
    It 'creates, updates, restores and leaves alone, one change per row in order; a second run writes nothing' -Tag 'Variants' {
        $differs = New-LifePosWorkplace -Name 'Sync differs' -WorkplaceType Mobile -Meta 'hall'
        $archived = New-LifePosWorkplace -Name 'Sync archived' -WorkplaceType Stationary
        $null = Remove-LifePosWorkplace -Id $archived.Id -Confirm:$false
        $csv = Join-Path $TestDrive 'sync.csv'
        @(
            [pscustomobject]@{ Id = ''; Number = ''; Name = 'Sync created'; WorkplaceType = 'Automat'; Meta = 'door' }
            [pscustomobject]@{ Id = ''; Number = $differs.Number; Name = ''; WorkplaceType = ''; Meta = 'kitchen' }
            [pscustomobject]@{ Id = $archived.Id; Number = ''; Name = ''; WorkplaceType = ''; Meta = '' }
            [pscustomobject]@{ Id = ''; Number = ''; Name = 'касса 0004'; WorkplaceType = ''; Meta = '' }
        ) | Export-Csv -LiteralPath $csv -NoTypeInformation

        $changes = @(Import-Csv $csv | Sync-LifePosWorkplace -IncludeArchived -ThrottleLimit 4 -InformationVariable info)
        $changes.Action | Should -Be Created, Updated, Restored, Unchanged
        $changes[0].Workplace.Name | Should -Be 'Sync created'
        $changes[0].Workplace.WorkplaceType | Should -Be 'Automat'
        $changes[1].Changes.Field | Should -Be 'Meta'
        $changes[1].Changes.OldValue | Should -Be 'hall'
        $changes[1].Changes.NewValue | Should -Be 'kitchen'
        $changes[2].Workplace.Id | Should -Be $archived.Id
        $changes[2].Workplace.IsArchived | Should -BeFalse
        $changes[3].Workplace.Number | Should -Be 4
        "$((Get-Summary $info)[0].MessageData)" | Should -Match '^4 rows: 1 created, 1 updated, 1 restored, 1 unchanged, 0 failed'
        (Get-LifePosWorkplace -Id $differs.Id).Meta | Should -Be 'kitchen'
        (Get-LifePosWorkplace -Id $archived.Id).IsArchived | Should -BeFalse

        $writes = foreach ($endpoint in 'create', 'update', 'archive', 'unarchive') { Get-RequestCount $endpoint }
        $again = @(Import-Csv $csv | Sync-LifePosWorkplace -IncludeArchived)
        $again.Action | Should -Be Unchanged, Unchanged, Unchanged, Unchanged
        $writesAfter = foreach ($endpoint in 'create', 'update', 'archive', 'unarchive') { Get-RequestCount $endpoint }
        $writesAfter | Should -Be $writes
    }
}
