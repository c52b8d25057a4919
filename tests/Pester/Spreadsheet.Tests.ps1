# The admin's spreadsheet workflows: export → edit in Excel → import, Set that sends only what changed, -Clear,
# -SkipExisting before validation, several ids, Sync-LifePosWorkplace with its plan, and the journal of every change.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/LifePos/LifePos.psd1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../out/LifePos.Emulator/LifePos.EmulatorProcess.psm1') -Force
    $script:Emulator = Start-LifePosEmulator -ArgumentList '--seed', '3'

    function Connect-TestEmulator([hashtable] $With = @{}) {
        Connect-LifePos -BaseUri $Emulator.BaseUri -Token $Emulator.SecureToken -MaxRetryDelay 0.05 @With
    }
    function Reset-Emulator { $null = Invoke-LifePosEmulatorControl $Emulator 'reset' -Method Post }
    # Requests per endpoint so far: create, update, archive, unarchive, list, get...
    function Get-Requests([string] $Endpoint) {
        $entry = (Invoke-LifePosEmulatorControl $Emulator 'stats').requests.PSObject.Properties[$Endpoint]
        if ($entry) { [int]$entry.Value.total } else { 0 }
    }
    function Get-Writes { (Get-Requests 'create') + (Get-Requests 'update') + (Get-Requests 'archive') + (Get-Requests 'unarchive') }

    # Host output (-WhatIf lines) as text, through a transcript.
    function Get-HostText([scriptblock] $Run) {
        $path = Join-Path $TestDrive ("host-{0}.txt" -f [guid]::NewGuid())
        $null = Start-Transcript -LiteralPath $path
        try { $null = & $Run } finally { $null = Stop-Transcript }
        Get-Content -LiteralPath $path -Raw -Encoding utf8
    }

    function New-Sample([string] $Name, [string] $Type = 'Mobile') {
        New-LifePosWorkplace -Name $Name -WorkplaceType $Type -Meta 'hall' -MetaData @{ floor = 2; tags = @('a', 'b') } `
            -Extension @{ smart_pos = @{ version = '2.1'; turned_on = $true } }
    }
}
AfterAll {
    Disconnect-LifePos
    $Emulator | Stop-LifePosEmulator
}

Describe 'Exported cells are flat and read back' {
    BeforeAll {
        Reset-Emulator
        Connect-TestEmulator
        $script:Sample = New-Sample 'Export 1' -Type Stationary
    }

    It 'writes Extensions and MetaData as compact JSON, dates in the session''s culture, the type by name, and no type names' {
        $csv = Join-Path $TestDrive 'export.csv'
        Get-LifePosWorkplace -Id $Sample.Id | Export-Csv -LiteralPath $csv -NoTypeInformation -Encoding utf8
        $text = Get-Content -LiteralPath $csv -Raw
        $text | Should -Not -Match 'System\.|Dictionary|LifePos\.'
        $row = Import-Csv -LiteralPath $csv

        # Compact JSON that reads back to the same values (the key order is the server's).
        $row.Extensions | Should -Not -Match '\s'
        ($row.Extensions | ConvertFrom-Json).smart_pos.version | Should -Be '2.1'
        ($row.Extensions | ConvertFrom-Json).smart_pos.turned_on | Should -BeTrue
        $row.MetaData | Should -Not -Match '\s'
        ($row.MetaData | ConvertFrom-Json).tags | Should -Be 'a', 'b'
        $row.WorkplaceType | Should -Be 'Stationary'
        $row.IsArchived | Should -Be 'False'
        # As Export-Csv writes any DateTime, and Excel reads: the culture's date and time, to the second.
        $row.CreatedAt | Should -Be $Sample.CreatedAt.ToString([Globalization.CultureInfo]::CurrentCulture)
    }

    It 'keeps the objects navigable at the prompt, and readable in Format-Table' {
        $workplace = Get-LifePosWorkplace -Id $Sample.Id
        $workplace.Extensions.smart_pos.version | Should -Be '2.1'
        $workplace.MetaData.tags[1] | Should -Be 'b'
        $list = $workplace | Format-List | Out-String -Width 300
        $list | Should -Match ('MetaData\s+: ' + [regex]::Escape($workplace.MetaData.ToString()))
        $list | Should -Match 'Extensions\s+: smart_pos \{'
        $table = $workplace | Format-Table Name, Extensions, MetaData -AutoSize | Out-String -Width 300
        $table | Should -Match 'smart_pos'
        $table | Should -Not -Match 'System\.'
        "$($workplace.MetaData)" | Should -Be $workplace.MetaData.ToString()
        $workplace.CreatedAt | Should -BeOfType ([datetime])
        $workplace.CreatedAt.Kind | Should -Be 'Local'
    }

    It 'reads the same through ConvertTo-Json (a backup) and back with New-LifePosWorkplace' {
        $json = Get-LifePosWorkplace -Id $Sample.Id | Select-Object Name, WorkplaceType, Meta, MetaData, Extensions | ConvertTo-Json -Depth 5
        $json | Should -Not -Match 'System\.'
        $copy = $json | ConvertFrom-Json | ForEach-Object { $_.Name = 'Export copy'; $_ } | New-LifePosWorkplace
        $copy.WorkplaceType | Should -Be 'Stationary'
        $copy.MetaData.floor | Should -Be 2
        $copy.Extensions.smart_pos.turned_on | Should -BeTrue
    }
}

Describe 'Export-Csv → edit → Import-Csv → Set-LifePosWorkplace' {
    BeforeEach {
        Reset-Emulator
        Connect-TestEmulator
        $script:Samples = 1..4 | ForEach-Object { New-Sample "Round trip $_" }
    }

    It 'sends only the rows that changed, each only its changed fields, with <Name>' -TestCases @(
        @{ Name = 'commas and UTF-8'; Export = @{ Encoding = 'utf8' }; Import = @{} }
        @{ Name = 'Excel in a Russian locale: ; and a BOM'; Export = @{ Delimiter = ';'; Encoding = 'utf8BOM' }; Import = @{ Delimiter = ';' } }
    ) {
        $csv = Join-Path $TestDrive 'workplaces.csv'
        Get-LifePosWorkplace -Name 'Round trip*' | Export-Csv -LiteralPath $csv -NoTypeInformation @Export
        if ($Export.Encoding -eq 'utf8BOM') { [IO.File]::ReadAllBytes($csv)[0..2] | Should -Be 0xEF, 0xBB, 0xBF }

        # What an admin does in Excel: change a Meta cell, a MetaData cell and an Extensions cell.
        $rows = @(Import-Csv -LiteralPath $csv @Import)
        $rows.Count | Should -Be 4
        ($rows | Where-Object Name -eq 'Round trip 1').Meta = 'kitchen'
        ($rows | Where-Object Name -eq 'Round trip 2').MetaData = '{"floor":3,"tags":["a","b"]}'
        ($rows | Where-Object Name -eq 'Round trip 3').Extensions = '{"smart_pos":{"version":"2.2","turned_on":true}}'
        $rows | Export-Csv -LiteralPath $csv -NoTypeInformation @Export

        $updatesBefore = Get-Requests 'update'
        $result = @(Import-Csv -LiteralPath $csv @Import | Set-LifePosWorkplace -PassThru -Verbose -InformationVariable info 4>&1)
        $verbose = @($result | Where-Object { $_ -is [Management.Automation.VerboseRecord] }) -join "`n"
        $written = @($result | Where-Object { $_ -is [LifePos.Workplace] })

        (Get-Requests 'update') - $updatesBefore | Should -Be 3
        $verbose | Should -Match ([regex]::Escape("'Round trip 4'") + '.* is unchanged')
        $written.Count | Should -Be 4
        "$($info | Where-Object Tags -Contains 'LifePos.Summary')" | Should -Match '4 rows: 3 updated, 1 unchanged, 0 failed'

        $after = Get-LifePosWorkplace -Name 'Round trip*' | Sort-Object Name
        $after[0].Meta | Should -Be 'kitchen'
        $after[1].MetaData.floor | Should -Be 3
        $after[2].Extensions.smart_pos.version | Should -Be '2.2'
        $after[3].Meta | Should -Be 'hall'
        # Nothing else moved: the untouched fields came back as they were.
        $after[0].MetaData.floor | Should -Be 2
        $after[0].Extensions.smart_pos.version | Should -Be '2.1'

        # The same file again sends nothing.
        $updatesBefore = Get-Requests 'update'
        $null = Import-Csv -LiteralPath $csv @Import | Set-LifePosWorkplace
        Get-Requests 'update' | Should -Be $updatesBefore
    }

    It 'reads a Clear column, and a piped workplace clears what -Clear names' {
        $csv = Join-Path $TestDrive 'clear.csv'
        [pscustomobject]@{ Id = $Samples[0].Id; Clear = 'Meta;MetaData' } | Export-Csv -LiteralPath $csv -NoTypeInformation
        $null = Import-Csv -LiteralPath $csv | Set-LifePosWorkplace
        $cleared = Get-LifePosWorkplace -Id $Samples[0].Id
        $cleared.Meta | Should -BeNullOrEmpty
        $cleared.MetaData | Should -BeNullOrEmpty
        $cleared.Extensions.smart_pos | Should -Not -BeNullOrEmpty

        $piped = Get-LifePosWorkplace -Id $Samples[1].Id | Set-LifePosWorkplace -Clear Meta, Extensions -PassThru
        $piped.Meta | Should -BeNullOrEmpty
        $piped.Extensions.Count | Should -Be 0
        $piped.MetaData.floor | Should -Be 2
    }

    It 'removes one extension given as null, and keeps the others' {
        $null = Set-LifePosWorkplace -Id $Samples[2].Id -Extension @{ nadex_soft_pos = @{ terminal = 'T1' } }
        $null = Set-LifePosWorkplace -Id $Samples[2].Id -Extension '{"smart_pos":null}'
        $after = Get-LifePosWorkplace -Id $Samples[2].Id
        @($after.Extensions.Keys) | Should -Be 'nadex_soft_pos'
    }

    It 'empties Meta and MetaData with empty values only when asked: an empty cell leaves them alone' {
        $null = [pscustomobject]@{ Id = $Samples[3].Id; Meta = ''; MetaData = ''; Name = 'Round trip 4' } | Set-LifePosWorkplace
        (Get-LifePosWorkplace -Id $Samples[3].Id).Meta | Should -Be 'hall'
        $null = Set-LifePosWorkplace -Id $Samples[3].Id -MetaData '{}'
        @((Get-LifePosWorkplace -Id $Samples[3].Id).MetaData.Keys).Count | Should -Be 0
    }

    It 'refuses a row that sets a field and clears it, naming the row' {
        $rows = [pscustomobject]@{ Id = $Samples[0].Id; Meta = 'new'; Clear = 'Meta' }, [pscustomobject]@{ Id = $Samples[1].Id; Meta = 'fine' }
        $null = $rows | Set-LifePosWorkplace -ErrorVariable failed -ErrorAction SilentlyContinue
        @($failed).Count | Should -Be 1
        "$($failed[0])" | Should -Match '^Row 1.*Meta'
        [object]::ReferenceEquals($failed[0].TargetObject, $rows[0]) | Should -BeTrue
        (Get-LifePosWorkplace -Id $Samples[1].Id).Meta | Should -Be 'fine'
    }

    It 'takes several ids: <Command> -Id $a, $b' -TestCases @(
        @{ Command = 'Set-LifePosWorkplace'; Extra = @{ Meta = 'both' }; Check = { param($w) $w.Meta | Should -Be 'both' } }
        @{ Command = 'Remove-LifePosWorkplace'; Extra = @{ Confirm = $false }; Check = { param($w) $w.IsArchived | Should -BeTrue } }
    ) {
        $ids = $Samples[0].Id, $Samples[1].Id
        $null = & $Command -Id $ids @Extra
        foreach ($id in $ids) { & $Check (Get-LifePosWorkplace -Id $id) }
        (Get-LifePosWorkplace -Id $Samples[2].Id).IsArchived | Should -BeFalse
        if ($Command -eq 'Remove-LifePosWorkplace') {
            $restored = @(Restore-LifePosWorkplace -Id $ids -PassThru)
            $restored.Id | Should -Be $ids
            $restored.IsArchived | Should -Be $false, $false
        }
    }

    It 'shows old → new for Set-LifePosWorkplace -WhatIf, and sends nothing' {
        $updatesBefore = Get-Requests 'update'
        $text = Get-HostText { Set-LifePosWorkplace -Id $Samples[0].Id -Meta 'terrace' -Name 'Round trip 1b' -WhatIf }
        $text | Should -Match ([regex]::Escape("Meta: 'hall' → 'terrace'"))
        $text | Should -Match ([regex]::Escape("Name: 'Round trip 1' → 'Round trip 1b'"))
        Get-Requests 'update' | Should -Be $updatesBefore
    }
}

Describe 'New-LifePosWorkplace -SkipExisting from a spreadsheet' {
    BeforeEach {
        Reset-Emulator
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
        Get-Requests 'create' | Should -Be 1
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
        Get-Requests 'create' | Should -Be 0
    }
}

Describe 'Sync-LifePosWorkplace makes the service match a file' {
    BeforeEach {
        Reset-Emulator
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
        "$($info | Where-Object Tags -Contains 'LifePos.Summary')" | Should -Match '5 rows: 1 created, 1 updated, 1 restored, 1 unchanged, 1 failed'

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
        $writes = Get-Writes
        $text = Get-HostText { $Rows | Sync-LifePosWorkplace -IncludeArchived -WhatIf -ErrorAction SilentlyContinue }
        Get-Writes | Should -Be $writes
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

        $writes = Get-Writes
        $second = @(Import-Csv -LiteralPath $csv -Delimiter ';' | Sync-LifePosWorkplace -IncludeArchived -InformationVariable info)
        Get-Writes | Should -Be $writes
        $second.Action | Should -Be Unchanged, Unchanged, Unchanged, Unchanged
        "$($info | Where-Object Tags -Contains 'LifePos.Summary')" | Should -Match '4 rows: 0 created, 0 updated, 4 unchanged, 0 failed'
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
        Get-Requests 'archive' | Should -Be 1
    }

    It 'plans -ArchiveUnlisted under -WhatIf without archiving' {
        $archives = Get-Requests 'archive'
        $text = Get-HostText { $Rows[0, 1, 3] | Sync-LifePosWorkplace -ArchiveUnlisted -WhatIf }
        $text | Should -Match 'What if: .*Sync twin'
        Get-Requests 'archive' | Should -Be $archives
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

Describe 'The journal records every change' {
    BeforeEach {
        Reset-Emulator
        $script:Journal = Join-Path $TestDrive ("journal-{0}.jsonl" -f [guid]::NewGuid())
        Connect-TestEmulator @{ JournalPath = $Journal }
    }

    It 'writes one JSON line per change, with the fields changed, the outcome and the request id, and no secrets' {
        $created = New-LifePosWorkplace -Name 'Journal 1' -WorkplaceType Mobile -Meta 'hall'
        $null = Set-LifePosWorkplace -Id $created.Id -Meta 'kitchen'
        $null = Set-LifePosWorkplace -Id $created.Id -Meta 'kitchen'   # unchanged: no line
        $null = Remove-LifePosWorkplace -Id $created.Id -Confirm:$false
        $null = Set-LifePosWorkplace -Id ([guid]::NewGuid()) -Meta 'x' -ErrorAction SilentlyContinue
        $null = Set-LifePosWorkplace -Id $created.Id -Meta 'y' -WhatIf

        $lines = @(Get-Content -LiteralPath $Journal -Encoding utf8)
        $lines.Count | Should -Be 4
        $lines[1] | Should -Match '"time":"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z"'
        $entries = $lines | ForEach-Object { $_ | ConvertFrom-Json }
        $entries.operation | Should -Be create, update, archive, update
        $entries.outcome | Should -Be done, done, done, failed

        $update = $entries[1]
        $update.organization | Should -Be (Get-LifePosConnection).OrganizationId
        $update.workplace.id | Should -Be $created.Id
        $update.workplace.number | Should -Be $created.Number
        $update.workplace.name | Should -Be 'Journal 1'
        $update.changes.field | Should -Be 'Meta'
        $update.changes.old | Should -Be 'hall'
        $update.changes.new | Should -Be 'kitchen'
        $update.retries | Should -Be 0
        $update.request_id | Should -Not -BeNullOrEmpty
        $entries[3].error_code | Should -Be 'NotFound'

        $text = Get-Content -LiteralPath $Journal -Raw
        $text | Should -Not -Match ([regex]::Escape($Emulator.Token))
        $text | Should -Not -Match 'Bearer|password'
    }

    It 'records what Sync changed, and nothing for unchanged rows' {
        $null = New-LifePosWorkplace -Name 'Journal sync' -WorkplaceType Mobile -Meta 'hall'
        $rows = [pscustomobject]@{ Name = 'Journal sync'; Meta = 'bar' }, [pscustomobject]@{ Name = 'Journal other'; WorkplaceType = 'Mobile' }
        $null = $rows | Sync-LifePosWorkplace
        $null = $rows | Sync-LifePosWorkplace
        $entries = @(Get-Content -LiteralPath $Journal -Encoding utf8 | ConvertFrom-Json)
        $entries.operation | Should -Be create, update, create
        $entries[1].changes.new | Should -Be 'bar'
    }

    It 'keeps every line whole when several runspaces write at once' {
        $module = (Get-Module LifePos).Path
        $baseUri = $Emulator.BaseUri
        $token = $Emulator.SecureToken
        $journal = $Journal
        1..4 | ForEach-Object -ThrottleLimit 4 -Parallel {
            Import-Module $using:module
            Connect-LifePos -BaseUri $using:baseUri -Token $using:token -JournalPath $using:journal
            $runspace = $_
            $null = 1..25 | ForEach-Object { [pscustomobject]@{ Name = "Journal parallel $runspace-$_"; WorkplaceType = 'Mobile' } } |
                New-LifePosWorkplace -ThrottleLimit 8
        }
        $lines = @(Get-Content -LiteralPath $Journal -Encoding utf8)
        $lines.Count | Should -Be 100
        $names = $lines | ForEach-Object { ($_ | ConvertFrom-Json).workplace.name }
        @($names | Sort-Object -Unique).Count | Should -Be 100
    }
}
