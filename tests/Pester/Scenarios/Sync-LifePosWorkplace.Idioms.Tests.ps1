# What admins type into Sync-LifePosWorkplace (issue 18 §4): numbers out of range get one message, whatever their size.
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

Describe 'Sync-LifePosWorkplace: numbers' {
    It 'gives -1, 0 and 99999999 one message, and the rest of the run goes on' {
        $rows = @(
            [pscustomobject]@{ Number = '-1'; Name = 'A'; Meta = 'x' }
            [pscustomobject]@{ Number = '99999999'; Name = 'B'; Meta = 'x' }
            [pscustomobject]@{ Number = '0'; Name = 'C'; Meta = 'x' }
            [pscustomobject]@{ Number = '№2'; Name = 'Касса 0002'; Meta = 'synced' }
        )
        $changes = @($rows | Sync-LifePosWorkplace -ErrorAction SilentlyContinue -ErrorVariable failed)
        $failed.Count | Should -Be 3
        $messages = $failed | ForEach-Object { $_.Exception.Message -replace "'[^']*'", "'N'" -replace 'row \d+', 'row R' -replace "\(?'?[ABC]'?\)?", '' }
        @($messages | Sort-Object -Unique).Count | Should -Be 1 -Because "one message for every impossible number: $($messages -join ' | ')"
        $failed[0].Exception.Message | Should -Match "'-1' is not a workplace number \(1 to 99999\)"
        $failed[1].Exception.Message | Should -Match "'99999999' is not a workplace number \(1 to 99999\)"
        $changes.Action | Should -Be 'Failed', 'Failed', 'Failed', 'Updated' -Because 'Sync writes each row''s change, a failed one too'
    }
}

Describe 'Sync-LifePosWorkplace: accents composed or decomposed, Ё and Е' {
    It 'a CSV row typed composed updates the workplace saved decomposed, never creates a look-alike, and does not rename it' {
        $decomposed = 'Cafe' + [char]0x301 + ' Арбат'
        $saved = New-LifePosWorkplace -Name $decomposed -WorkplaceType Mobile -Meta 'old'
        $csv = Join-Path $TestDrive 'arbat.csv'
        "Name,WorkplaceType,Meta`nCaf$([char]0xE9) Арбат,Mobile,new" | Set-Content -LiteralPath $csv -Encoding utf8
        $before = @(Get-LifePosWorkplace -Selection All).Count

        $first = @(Import-Csv $csv | Sync-LifePosWorkplace)
        $second = @(Import-Csv $csv | Sync-LifePosWorkplace)

        $first.Action | Should -Be 'Updated'
        $first.Id | Should -Be $saved.Id
        $second.Action | Should -Be 'Unchanged'
        @(Get-LifePosWorkplace -Selection All).Count | Should -Be $before
        $now = Get-LifePosWorkplace -Id $saved.Id
        $now.Meta | Should -Be 'new'
        [string]::Equals($now.Name, $decomposed, [StringComparison]::Ordinal) | Should -BeTrue
    }

    It 'Ё and Е stay different: a row Елка creates it beside Ёлка, and a row Ёлка written decomposed is Ёлка' {
        $yo = New-LifePosWorkplace -Name 'Ёлка' -WorkplaceType Mobile -Meta 'x'
        $rows = @(
            [pscustomobject]@{ Name = 'Елка'; WorkplaceType = 'Mobile'; Meta = 'x' }
            [pscustomobject]@{ Name = 'Е' + [char]0x308 + 'лка'; WorkplaceType = 'Mobile'; Meta = 'x' }
        )

        $changes = @($rows | Sync-LifePosWorkplace)

        $changes.Action | Should -Be 'Created', 'Unchanged'
        $changes[0].Id | Should -Not -Be $yo.Id
        $changes[1].Id | Should -Be $yo.Id
    }
}
