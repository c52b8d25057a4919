# New-LifePosWorkplace: one workplace from parameters, and many from CSV rows: every parameter binds from PascalCase
# or snake_case headers, rows run several at a time, output keeps the input order, each failed row is one error
# carrying the row, one summary line closes the run, and -SkipExisting skips what exists. Run.ps1 runs the tests
# tagged Variants again on each answer variant of the emulator.
BeforeAll { Import-Module (Join-Path $PSScriptRoot '../LifePos.TestHelpers.psm1'); $script:Emulator = Enter-TestEmulator }
AfterAll { Exit-TestEmulator }

Describe 'New-LifePosWorkplace' {
    It 'creates a workplace with extensions from JSON text and meta data from a hashtable' -Tag 'Variants' {
        $workplace = New-LifePosWorkplace 'Касса у окна' -WorkplaceType Stationary -Meta 'window' `
            -Extension '{"smart_pos":{"version":"2.1","tms_params":{"port":5555}}}' -MetaData @{ region = 'north'; floor = 2 }
        $workplace | Should -BeOfType ([LifePos.Workplace])
        $workplace.Name | Should -Be 'Касса у окна'
        $workplace.WorkplaceType | Should -Be 'Stationary'
        $workplace.Meta | Should -Be 'window'
        $workplace.Extensions.smart_pos.version | Should -Be '2.1'
        $workplace.Extensions.smart_pos.tms_params.port | Should -Be 5555
        $workplace.MetaData.region | Should -Be 'north'
        (Get-LifePosWorkplace -Id $workplace.Id).Extensions.smart_pos.version | Should -Be '2.1'
    }

    It 'reads the times of creation and of the last change as the server clock has them' -Tag 'Variants' {
        # The emulator's clock is this machine's (a reset sets it back); a second either way allows for the variants
        # that drop the milliseconds, and still catches a time read in the wrong zone or format.
        $before = [DateTime]::Now.AddSeconds(-1)
        $created = New-LifePosWorkplace -WorkplaceType Mobile -Name 'Clock check'
        $between = [DateTime]::Now.AddSeconds(1)
        $changed = $created | Set-LifePosWorkplace -Meta 'changed' -PassThru
        $after = [DateTime]::Now.AddSeconds(1)
        $created.CreatedAt | Should -BeOfType ([datetime])
        $created.CreatedAt.Kind | Should -Be 'Local'
        $created.CreatedAt | Should -BeGreaterOrEqual $before
        $created.CreatedAt | Should -BeLessOrEqual $between
        $changed.CreatedAt | Should -Be $created.CreatedAt
        $changed.UpdatedAt | Should -BeGreaterOrEqual $created.UpdatedAt
        $changed.UpdatedAt | Should -BeLessOrEqual $after
        $listed = Get-LifePosWorkplace -Name 'Clock check'
        $listed.CreatedAt | Should -Be $created.CreatedAt
        $listed.UpdatedAt | Should -Be $changed.UpdatedAt
    }

    It 'takes -Extension as a PSCustomObject' -Tag 'Variants' {
        $extension = [pscustomobject]@{ nadex_soft_pos = [pscustomobject]@{ turned_on = $true; version = '1.0' } }
        $workplace = New-LifePosWorkplace -WorkplaceType Mobile -Name 'Курьер' -Extension $extension
        $workplace.Extensions.nadex_soft_pos.turned_on | Should -BeTrue
    }

    It 'refuses an unknown type with a clear error and sends nothing' {
        $before = Get-RequestCount 'create'
        New-LifePosWorkplace -WorkplaceType Spaceship -Name 'Nope' -ErrorVariable bad -ErrorAction SilentlyContinue
        $bad.Count | Should -Be 1
        $bad[0].FullyQualifiedErrorId | Should -BeLike 'LifePos.InvalidInput,*'
        "$($bad[0])" | Should -Match "Spaceship.*Unknown, Mobile, Stationary or Automat"
        Get-RequestCount 'create' | Should -Be $before
    }

    It 'sends nothing with -WhatIf' {
        $before = Get-RequestCount -Changes
        New-LifePosWorkplace -WorkplaceType Mobile -Name 'What if' -WhatIf | Should -BeNullOrEmpty
        Get-RequestCount -Changes | Should -Be $before
    }

    It 'completes -WorkplaceType values' {
        $line = 'New-LifePosWorkplace -WorkplaceType Sta'
        $completion = TabExpansion2 -inputScript $line -cursorColumn $line.Length
        $completion.CompletionMatches.CompletionText | Should -Be 'Stationary'
    }
}

Describe 'Import-Csv | New-LifePosWorkplace' {
    BeforeAll {
        Reset-TestEmulator
        Enable-OutOfOrderAnswers
    }

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
        $summary = Get-RunSummary $info
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
                }).AddArgument((Get-TestPath Module)).AddArgument($Emulator.BaseUri).AddArgument($Emulator.Token)
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
        "$((Get-RunSummary $info)[0].MessageData)" | Should -Be '6 rows: 2 created, 4 failed, 0 retries'

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
        "$((Get-RunSummary $info)[0].MessageData)" | Should -Be '3 rows: 1 created, 2 skipped (existing), 0 failed, 0 retries'
    }

    It 'counts retries in the summary and warns once when asked to slow down' -Tag 'Variants' {
        Set-TestEmulatorFaults @{ next = @('503', '429'); next_endpoint = 'create' }
        $created = @([pscustomobject]@{ Name = 'Retried'; WorkplaceType = 'Mobile' } |
                New-LifePosWorkplace -InformationVariable info -WarningVariable slowDown -WarningAction SilentlyContinue)
        $created.Name | Should -Be 'Retried'
        "$((Get-RunSummary $info)[0].MessageData)" | Should -Be '1 row: 1 created, 0 failed, 2 retries'
        $slowDown.Count | Should -Be 1
        "$($slowDown[0])" | Should -Match '429.*lower -ThrottleLimit'
    }

    It 'reports a server error for one row with its ErrorId and category, and creates the rest' {
        Set-TestEmulatorFaults @{ next = @('bad-shape'); next_endpoint = 'create' }
        $rows = 1..3 | ForEach-Object { [pscustomobject]@{ Name = "Answer $_"; WorkplaceType = 'Mobile' } }
        $created = @($rows | New-LifePosWorkplace -ThrottleLimit 1 -ErrorVariable failed -ErrorAction SilentlyContinue)
        $created.Name | Should -Be 'Answer 2', 'Answer 3'
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'LifePos.InvalidResponse,*'
        $failed[0].CategoryInfo.Category | Should -Be 'InvalidResult'
        [object]::ReferenceEquals($failed[0].TargetObject, $rows[0]) | Should -BeTrue
    }
}

Describe 'New-LifePosWorkplace -SkipExisting from a spreadsheet' {
    BeforeEach {
        Reset-TestEmulator
        Connect-TestEmulator
    }

    It 'skips an existing name before validating the row, matching trimmed and ignoring case' {
        $existing = New-LifePosWorkplace -Name 'Склад 1' -WorkplaceType Mobile
        # A re-fed export: the type cell is unreadable, the name has spaces and another case. It exists: no error.
        $rows = [pscustomobject]@{ Name = '  склад 1 '; WorkplaceType = 'Mobile phone' }
        $result = @($rows | New-LifePosWorkplace -SkipExisting -ErrorVariable failed -WarningAction SilentlyContinue)
        @($failed).Count | Should -Be 0
        $result.Id | Should -Be $existing.Id
    }

    It 'warns which fields differ when the existing workplace is not what the row asks for' {
        $null = New-LifePosWorkplace -Name 'Склад 2' -WorkplaceType Stationary -Meta 'hall'
        $result = @([pscustomobject]@{ Name = 'Склад 2'; WorkplaceType = 'Mobile'; Meta = 'hall' } |
            New-LifePosWorkplace -SkipExisting -WarningVariable warned -WarningAction SilentlyContinue)
        $result.WorkplaceType | Should -Be 'Stationary'
        "$warned" | Should -Match 'WorkplaceType'
        "$warned" | Should -Match 'Stationary'
        "$warned" | Should -Match 'Mobile'
        "$warned" | Should -Not -Match 'Meta'
        Get-RequestCount 'create' | Should -Be 1
    }

    It 'a missing or misnamed type column fails each row with the row number, the accepted column names and the summary' -TestCases @(
        @{ Header = 'Workplace Type' }, @{ Header = $null }
    ) {
        $csv = Join-Path $TestDrive 'types.csv'
        1..3 | ForEach-Object {
            $row = [ordered]@{ Name = "No type $_" }
            if ($Header) { $row[$Header] = 'Mobile' }
            [pscustomobject]$row
        } | Export-Csv -LiteralPath $csv -NoTypeInformation
        $null = Import-Csv -LiteralPath $csv | New-LifePosWorkplace -ErrorVariable failed -ErrorAction SilentlyContinue -InformationVariable info
        @($failed).Count | Should -Be 3
        $failed.FullyQualifiedErrorId | Should -Not -Match 'InputObjectMissingMandatory'
        "$($failed[1])" | Should -Match '^Row 2'
        "$($failed[1])" | Should -Match 'WorkplaceType'
        "$($failed[1])" | Should -Match 'workplace_type'
        "$($info | Where-Object Tags -Contains 'LifePos.Summary')" | Should -Match '3 rows: 0 created, 3 failed'
        Get-RequestCount 'create' | Should -Be 0
    }
}
