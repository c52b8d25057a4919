# What admins live through with Set-LifePosWorkplace (issue 18 §4): an outage in the middle of a bulk run names every
# row it failed.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../LifePos.TestHelpers.psm1')
    Import-LifePosUnderTest
    $script:Emulator = Start-TestEmulator -ArgumentList '--seed', '6'
}
AfterAll {
    Disconnect-LifePos
    Stop-TestEmulator
}

Describe 'Set-LifePosWorkplace: an outage stops the run' {
    BeforeEach {
        Reset-TestEmulator
        Connect-TestEmulator @{ OutageTimeout = 1 }
    }
    AfterEach { Set-TestEmulatorFaults @{ outage_after = $null } }

    It 'writes each failed row in flight with its own error (the row as TargetObject) before the error that stops the run, and the counts agree' {
        $rows = @(Get-LifePosWorkplace -First 4)
        Set-TestEmulatorFaults @{ outage_after = 0; outage_mode = 'reset' }

        $stopping = $null
        try { $null = $rows | Set-LifePosWorkplace -Meta 'during the outage' -ThrottleLimit 4 -ErrorAction SilentlyContinue -ErrorVariable errors }
        catch { $stopping = $_ }

        $stopping.FullyQualifiedErrorId | Should -BeLike 'LifePos.ServiceUnreachable,*'
        "$stopping" | Should -Match 'The run stopped: 0 rows done, 4 rows failed'
        # -ErrorVariable holds the records in the order they were written: the four rows', then the run's (as the
        # exception that ended the command).
        $errors.Count | Should -Be 5
        $errors[4].ErrorRecord.Exception.Message | Should -Be $stopping.Exception.Message
        $records = $errors[0..3]
        $records.FullyQualifiedErrorId | ForEach-Object { $_ | Should -BeLike 'LifePos.ServiceUnreachable,*' }
        $records.TargetObject.Id | Should -Be $rows.Id
        Set-TestEmulatorFaults @{ outage_after = $null }
        @(Get-LifePosWorkplace | Where-Object Meta -EQ 'during the outage').Count | Should -Be 0
    }
}
