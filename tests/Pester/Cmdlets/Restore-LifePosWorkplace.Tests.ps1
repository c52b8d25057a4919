# Restore-LifePosWorkplace brings archived workplaces back, and sends nothing under -WhatIf.
# Run.ps1 runs the tests tagged Variants again on each answer variant of the emulator.
BeforeAll { Import-Module (Join-Path $PSScriptRoot '../LifePos.TestHelpers.psm1'); $script:Emulator = Enter-TestEmulator }
AfterAll { Exit-TestEmulator }

Describe 'Restore-LifePosWorkplace' {
    It 'archives with Remove and brings back with Get | Restore' -Tag 'Variants' {
        $targets = @(Get-LifePosWorkplace -Name 'Касса 000[1-3]')
        $archived = @($targets | Remove-LifePosWorkplace -Confirm:$false -PassThru)
        $archived.IsArchived | Should -Be $true, $true, $true
        $restored = @(Get-LifePosWorkplace -Selection ArchivedOnly | Restore-LifePosWorkplace -PassThru)
        $restored.Number | Should -Be 1, 2, 3
        $restored.IsArchived | Should -Be $false, $false, $false
    }

    It 'sends nothing with -WhatIf' {
        $some = @(Get-LifePosWorkplace -First 2)
        Get-RequestCount -Changes -During { $some | Restore-LifePosWorkplace -WhatIf } | Should -Be 0
    }
}
