# Sync-LifePosWorkplace makes the service match a file: each row created, updated, restored, left alone or failed, in
# input order, a plan under -WhatIf, -ArchiveUnlisted, and nothing sent on a second run. Run.ps1 runs the tests tagged
# Variants again on each answer variant of the emulator.
BeforeAll { Import-Module (Join-Path $PSScriptRoot '../LifePos.TestHelpers.psm1'); $script:Emulator = Enter-TestEmulator }
AfterAll { Exit-TestEmulator }

Describe 'Import-Csv | Sync-LifePosWorkplace' {
    BeforeAll {
        Reset-TestEmulator
        Enable-OutOfOrderAnswers
    }

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
        "$((Get-RunSummary $info)[0].MessageData)" | Should -Match '^4 rows: 1 created, 1 updated, 1 restored, 1 unchanged, 0 failed'
        (Get-LifePosWorkplace -Id $differs.Id).Meta | Should -Be 'kitchen'
        (Get-LifePosWorkplace -Id $archived.Id).IsArchived | Should -BeFalse

        $writes = Get-RequestCount -Changes
        $again = @(Import-Csv $csv | Sync-LifePosWorkplace -IncludeArchived)
        $again.Action | Should -Be Unchanged, Unchanged, Unchanged, Unchanged
        Get-RequestCount -Changes | Should -Be $writes
    }
}

Describe 'Sync-LifePosWorkplace makes the service match a file' {
    BeforeAll {
        # Three seeded workplaces, which -ArchiveUnlisted counts on.
        $Emulator = Start-TestEmulator -ArgumentList '--seed', '3'
    }
    AfterAll { Stop-TestEmulator }
    BeforeEach {
        Reset-TestEmulator
        Connect-TestEmulator
        $script:Same = New-LifePosWorkplace -Name 'Sync same' -WorkplaceType Mobile -Meta 'hall'
        $script:Differs = New-LifePosWorkplace -Name 'Sync differs' -WorkplaceType Mobile -Meta 'hall'
        $script:Archived = New-LifePosWorkplace -Name 'Sync archived' -WorkplaceType Mobile
        $null = Remove-LifePosWorkplace -Id $Archived.Id -Confirm:$false
        $null = New-LifePosWorkplace -Name 'Sync twin' -WorkplaceType Mobile
        $null = New-LifePosWorkplace -Name 'sync TWIN ' -WorkplaceType Stationary
        $script:Rows = @(
            [pscustomobject]@{ Id = ''; Number = ''; Name = 'Sync new'; WorkplaceType = 'Automat'; Meta = 'door' }
            [pscustomobject]@{ Id = ''; Number = $Differs.Number; Name = ''; WorkplaceType = ''; Meta = 'kitchen' }
            [pscustomobject]@{ Id = $Archived.Id; Number = ''; Name = ''; WorkplaceType = ''; Meta = '' }
            [pscustomobject]@{ Id = ''; Number = ''; Name = ' SYNC SAME'; WorkplaceType = 'Mobile'; Meta = 'hall' }
            [pscustomobject]@{ Id = ''; Number = ''; Name = 'Sync twin'; WorkplaceType = 'Mobile'; Meta = '' }
        )
    }

    It 'gives each row one of the five actions, in input order, with its changes field by field' {
        $changes = @($Rows | Sync-LifePosWorkplace -IncludeArchived -ErrorVariable failed -ErrorAction SilentlyContinue -InformationVariable info)

        $changes | ForEach-Object { $_ | Should -BeOfType LifePos.WorkplaceChange }
        $changes.Action | Should -Be Created, Updated, Restored, Unchanged, Failed
        [object]::ReferenceEquals($changes[1].InputObject, $Rows[1]) | Should -BeTrue
        $changes[0].Workplace.Name | Should -Be 'Sync new'
        $changes[1].Changes.Field | Should -Be 'Meta'
        $changes[1].Changes.OldValue | Should -Be 'hall'
        $changes[1].Changes.NewValue | Should -Be 'kitchen'
        $changes[2].Workplace.IsArchived | Should -BeFalse
        $changes[3].Id | Should -Be $Same.Id
        $changes[4].Error | Should -Match 'ambiguous|more than one|2 workplaces'
        @($failed).Count | Should -Be 1
        "$($failed[0])" | Should -Match '^Row 5'
        "$(Get-RunSummary $info)" | Should -Match '5 rows: 1 created, 1 updated, 1 restored, 1 unchanged, 1 failed'

        (Get-LifePosWorkplace -Id $Differs.Id).Meta | Should -Be 'kitchen'
        @(Get-LifePosWorkplace -Name 'Sync new').Count | Should -Be 1
    }

    It 'without -IncludeArchived, an archived workplace is not restored: its row fails, saying how to include it' {
        $changes = @($Rows[2] | Sync-LifePosWorkplace -ErrorVariable failed -ErrorAction SilentlyContinue)
        $changes.Action | Should -Be Failed
        "$($failed[0])" | Should -Match 'IncludeArchived'
        (Get-LifePosWorkplace -Id $Archived.Id).IsArchived | Should -BeTrue
    }

    It 'prints the whole plan under -WhatIf, field by field, and sends no write' {
        $writes = Get-RequestCount -Changes
        $text = Get-HostText { $Rows | Sync-LifePosWorkplace -IncludeArchived -WhatIf -ErrorAction SilentlyContinue } $TestDrive
        Get-RequestCount -Changes | Should -Be $writes
        $text | Should -Match 'What if: .*Sync new.*WorkplaceType.*Automat'
        $text | Should -Match ([regex]::Escape("Meta: 'hall' → 'kitchen'"))
        $text | Should -Match 'What if: .*Sync archived'
        $text | Should -Not -Match 'What if: .*Sync same'
    }

    It 'a second run of the same file sends no write request' {
        $csv = Join-Path $TestDrive 'sync.csv'
        $Rows[0..3] | Export-Csv -LiteralPath $csv -NoTypeInformation -Delimiter ';' -Encoding utf8BOM
        $first = @(Import-Csv -LiteralPath $csv -Delimiter ';' | Sync-LifePosWorkplace -IncludeArchived)
        $first.Action | Should -Be Created, Updated, Restored, Unchanged

        $writes = Get-RequestCount -Changes
        $second = @(Import-Csv -LiteralPath $csv -Delimiter ';' | Sync-LifePosWorkplace -IncludeArchived -InformationVariable info)
        Get-RequestCount -Changes | Should -Be $writes
        $second.Action | Should -Be Unchanged, Unchanged, Unchanged, Unchanged
        "$(Get-RunSummary $info)" | Should -Match '4 rows: 0 created, 0 updated, 4 unchanged, 0 failed'
    }

    It 'archives with -ArchiveUnlisted each alive workplace no row names, each with its own Archived result' {
        $rows = $Rows[0, 1, 3]
        $changes = @($rows | Sync-LifePosWorkplace -ArchiveUnlisted -Force)
        $archived = @($changes | Where-Object Action -eq Archived)
        # The two twins and the three seeded workplaces; the archived one stays archived.
        $archived.Count | Should -Be 5
        $archived.Name | Should -Contain 'Sync twin'
        foreach ($change in $archived) { (Get-LifePosWorkplace -Id $change.Id).IsArchived | Should -BeTrue }
        @(Get-LifePosWorkplace).Name | Sort-Object | Should -Be 'Sync differs', 'Sync new', 'Sync same'
    }

    It 'refuses -ArchiveUnlisted on an empty input, and archives nothing' {
        $csv = Join-Path $TestDrive 'empty.csv'
        Set-Content -LiteralPath $csv -Value 'Name,WorkplaceType' -Encoding utf8
        $alive = @(Get-LifePosWorkplace).Count
        { Import-Csv -LiteralPath $csv | Sync-LifePosWorkplace -ArchiveUnlisted -Force -ErrorAction Stop } |
            Should -Throw -ExpectedMessage '*got no rows*refuses*' -ErrorId 'LifePos.EmptyInput*'
        @(Get-LifePosWorkplace).Count | Should -Be $alive
        Get-RequestCount 'archive' | Should -Be 1
    }

    It 'plans -ArchiveUnlisted under -WhatIf without archiving' {
        $archives = Get-RequestCount 'archive'
        $text = Get-HostText { $Rows[0, 1, 3] | Sync-LifePosWorkplace -ArchiveUnlisted -WhatIf } $TestDrive
        $text | Should -Match 'What if: .*Sync twin'
        Get-RequestCount 'archive' | Should -Be $archives
    }

    It 'writes change objects that export cleanly to CSV' {
        $csv = Join-Path $TestDrive 'changes.csv'
        $Rows | Sync-LifePosWorkplace -IncludeArchived -ErrorAction SilentlyContinue | Export-Csv -LiteralPath $csv -NoTypeInformation
        $text = Get-Content -LiteralPath $csv -Raw
        $text | Should -Not -Match 'System\.|LifePos\.'
        $exported = @(Import-Csv -LiteralPath $csv)
        $exported.Action | Should -Be Created, Updated, Restored, Unchanged, Failed
        $exported[1].Changes | Should -Match ([regex]::Escape("Meta: 'hall' → 'kitchen'"))
        $exported[1].Name | Should -Be 'Sync differs'
    }

    It 'keeps input order and every guarantee at -ThrottleLimit 16, and follows -ErrorAction Stop' {
        $many = 1..40 | ForEach-Object { [pscustomobject]@{ Name = ('Sync bulk {0:D2}' -f $_); WorkplaceType = 'Mobile' } }
        $changes = @($many | Sync-LifePosWorkplace -ThrottleLimit 16)
        $changes.Name | Should -Be $many.Name
        $changes.Action | Sort-Object -Unique | Should -Be Created

        $stopping = @($many[0..4]) + @($Rows[4]) + @([pscustomobject]@{ Name = 'Sync after stop'; WorkplaceType = 'Mobile' })
        { $stopping | Sync-LifePosWorkplace -ErrorAction Stop } | Should -Throw -ExpectedMessage '*Row 6*-ErrorAction Stop*'
        @(Get-LifePosWorkplace -Name 'Sync after stop').Count | Should -Be 0
    }
}
