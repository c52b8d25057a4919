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

Describe 'Sync-LifePosWorkplace: deep meta_data, and a workplace its listing cannot read' {
    BeforeEach { Reset-TestEmulator }

    It 'syncs a row naming a workplace whose meta_data is as deep as the module writes (64 levels)' {
        $deep = 'leaf'
        foreach ($level in 1..64) { $deep = @{ a = $deep } }
        $created = New-LifePosWorkplace -Name 'Deep 64' -WorkplaceType Mobile -MetaData $deep

        $changes = @([pscustomobject]@{ Id = $created.Id; Meta = 'synced' } | Sync-LifePosWorkplace -ErrorVariable failed)

        $failed.Count | Should -Be 0
        $changes.Action | Should -Be 'Updated'
    }

    It 'writes the listing''s error for it, fails the row that names it, and the other rows go on' {
        $before = @(Get-LifePosWorkplace)
        Set-TestEmulatorFaults @{ next = @('deep-item'); next_endpoint = 'list' }
        $rows = @(
            [pscustomobject]@{ Number = $before[0].Number; Meta = 'not sent' }
            [pscustomobject]@{ Number = $before[1].Number; Meta = 'synced' }
        )

        $changes = @($rows | Sync-LifePosWorkplace -ErrorAction SilentlyContinue -ErrorVariable failed)

        $failed.Count | Should -Be 2
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'LifePos.UnreadableItem,*'
        $failed[0].TargetObject | Should -Be $before[0].Id
        "$($failed[0])" | Should -Not -Match 'BaseUri|address|connection'
        $failed[1].TargetObject | Should -Be $rows[0]
        "$($failed[1])" | Should -Match "^Row 1: workplace $($before[0].Number) \(id $($before[0].Id)\) could not be read from LIFE POS, so this row was left alone"
        $changes.Action | Should -Be 'Failed', 'Updated'
        (Get-LifePosWorkplace -Id $before[1].Id).Meta | Should -Be 'synced'
        (Get-LifePosWorkplace -Id $before[0].Id).Meta | Should -Be $before[0].Meta
    }
}
