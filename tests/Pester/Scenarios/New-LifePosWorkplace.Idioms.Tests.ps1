# JSON backups (issue 18 §4): the help's restore example keeps date-like text in MetaData as it was written.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../LifePos.TestHelpers.psm1')
    Import-LifePosUnderTest
    $script:Emulator = Start-TestEmulator -ArgumentList '--seed', '3'
    Connect-LifePos -BaseUri $Emulator.BaseUri -Token $Emulator.SecureToken
}
AfterAll {
    Disconnect-LifePos
    Stop-TestEmulator
}

Describe 'New-LifePosWorkplace: a JSON backup restored' {
    It 'with ConvertFrom-Json -DateKind String (7.5+), date-like text in MetaData comes back as written' {
        $original = New-LifePosWorkplace -Name 'Backup source' -WorkplaceType Mobile -MetaData '{"since":"2026-01-05","at":"2026-01-05T10:00:00Z"}'
        $json = $original | ConvertTo-Json -Depth 5
        $copy = $json | ConvertFrom-Json -DateKind String | ForEach-Object { $_.Name = 'Backup copy'; $_ } | New-LifePosWorkplace
        $copy.MetaData.since | Should -Be '2026-01-05'
        $copy.MetaData.at | Should -Be '2026-01-05T10:00:00Z'
        $copy.WorkplaceType | Should -Be 'Mobile'
    }

    It 'the help says why, and that -DateKind needs 7.5' {
        $example = (Get-Help New-LifePosWorkplace -Examples).examples.example | Where-Object { [string]$_.code -match 'DateKind' }
        $example | Should -Not -BeNullOrEmpty
        ($example.remarks.Text -join ' ') | Should -Match '7\.5'
    }
}

Describe 'New-LifePosWorkplace -SkipExisting: a row without a name' {
    It 'is refused, saying why, so running the file twice creates nothing twice; the other rows go on' {
        $csv = Join-Path $TestDrive 'nameless.csv'
        "name,workplace_type,meta`n,Mobile,nameless`nNamed once,Mobile,named" | Set-Content -LiteralPath $csv -Encoding utf8
        $before = @(Get-LifePosWorkplace -Selection All).Count
        foreach ($run in 1, 2) {
            $null = Import-Csv $csv | New-LifePosWorkplace -SkipExisting -ErrorAction SilentlyContinue -ErrorVariable failed
            $failed.Count | Should -Be 1
            $failed[0].FullyQualifiedErrorId | Should -BeLike 'LifePos.InvalidInput,*'
            $failed[0].Exception.Message | Should -Match 'row 1.*no name.*-SkipExisting'
        }
        @(Get-LifePosWorkplace -Selection All).Count | Should -Be ($before + 1)
    }
}

Describe 'New-LifePosWorkplace -SkipExisting: accents composed or decomposed, Ё and Е' {
    It 'a CSV row typed composed finds the workplace saved decomposed: nothing is created, and nothing said to differ' {
        $saved = New-LifePosWorkplace -Name ('Cafe' + [char]0x301 + ' у вокзала') -WorkplaceType Mobile
        $csv = Join-Path $TestDrive 'cafe.csv'
        "name,workplace_type`nCaf$([char]0xE9) у вокзала,Mobile" | Set-Content -LiteralPath $csv -Encoding utf8
        $before = @(Get-LifePosWorkplace -Selection All).Count

        $written = @(Import-Csv $csv | New-LifePosWorkplace -SkipExisting -WarningVariable warned -WarningAction SilentlyContinue)

        $written.Id | Should -Be $saved.Id
        @(Get-LifePosWorkplace -Selection All).Count | Should -Be $before
        $warned.Count | Should -Be 1
        $warned[0].Message | Should -Match 'already exists'
        $warned[0].Message | Should -Not -Match 'differs'
    }

    It 'Ё and Е stay different: a row Елка is created beside Ёлка, and a row ёлка is skipped' {
        $yo = New-LifePosWorkplace -Name 'Ёлка' -WorkplaceType Mobile
        $rows = [pscustomobject]@{ Name = 'Елка'; WorkplaceType = 'Mobile' }, [pscustomobject]@{ Name = 'ёлка'; WorkplaceType = 'Mobile' }

        $written = @($rows | New-LifePosWorkplace -SkipExisting -ThrottleLimit 1 -WarningAction SilentlyContinue)

        $written[0].Id | Should -Not -Be $yo.Id
        [string]::Equals($written[0].Name, 'Елка', [StringComparison]::Ordinal) | Should -BeTrue
        $written[1].Id | Should -Be $yo.Id
    }
}
