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
