# The admin's spreadsheet workflow: export → edit in Excel → import. Exported cells are flat and read back, and Set
# sends only the rows and the fields an admin changed, in the commas of UTF-8 or the semicolons of a Russian Excel.
BeforeAll { Import-Module (Join-Path $PSScriptRoot '../LifePos.TestHelpers.psm1'); $script:Emulator = Enter-TestEmulator }
AfterAll { Exit-TestEmulator }

Describe 'Exported cells are flat and read back' {
    BeforeAll {
        Reset-TestEmulator
        $script:Sample = New-SampleWorkplace 'Export 1' -Type Stationary
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
        Reset-TestEmulator
        Connect-TestEmulator
        $script:Samples = 1..4 | ForEach-Object { New-SampleWorkplace "Round trip $_" }
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

        $updatesBefore = Get-RequestCount 'update'
        $result = @(Import-Csv -LiteralPath $csv @Import | Set-LifePosWorkplace -PassThru -Verbose -InformationVariable info 4>&1)
        $verbose = @($result | Where-Object { $_ -is [Management.Automation.VerboseRecord] }) -join "`n"
        $written = @($result | Where-Object { $_ -is [LifePos.Workplace] })

        (Get-RequestCount 'update') - $updatesBefore | Should -Be 3
        $verbose | Should -Match ([regex]::Escape("'Round trip 4'") + '.* is unchanged')
        $written.Count | Should -Be 4
        "$(Get-RunSummary $info)" | Should -Match '4 rows: 3 updated, 1 unchanged, 0 failed'

        $after = Get-LifePosWorkplace -Name 'Round trip*' | Sort-Object Name
        $after[0].Meta | Should -Be 'kitchen'
        $after[1].MetaData.floor | Should -Be 3
        $after[2].Extensions.smart_pos.version | Should -Be '2.2'
        $after[3].Meta | Should -Be 'hall'
        # Nothing else moved: the untouched fields came back as they were.
        $after[0].MetaData.floor | Should -Be 2
        $after[0].Extensions.smart_pos.version | Should -Be '2.1'

        # The same file again sends nothing.
        $updatesBefore = Get-RequestCount 'update'
        $null = Import-Csv -LiteralPath $csv @Import | Set-LifePosWorkplace
        Get-RequestCount 'update' | Should -Be $updatesBefore
    }
}
