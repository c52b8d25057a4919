# Disable-LifePosWorkplace deactivates: by id, by id from a CSV, and never under -WhatIf.
# Run.ps1 runs the tests tagged Variants again on each answer variant of the emulator.
BeforeAll { Import-Module (Join-Path $PSScriptRoot '../LifePos.TestHelpers.psm1'); $script:Emulator = Enter-TestEmulator }
AfterAll { Exit-TestEmulator }

Describe 'Disable-LifePosWorkplace' {
    It 'Disable-LifePosWorkplace has ConfirmImpact High' {
        (Get-Command Disable-LifePosWorkplace).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact | Should -Be 'High'
    }

    It 'sends nothing with -WhatIf' {
        $some = @(Get-LifePosWorkplace -First 2)
        Get-RequestCount -Changes -During { $some | Disable-LifePosWorkplace -WhatIf } | Should -Be 0
    }

    It 'deactivates with Disable' -Tag 'Variants' {
        $active = Get-LifePosWorkplace | Where-Object IsActivated | Select-Object -First 1
        $active | Should -Not -BeNullOrEmpty
        $after = Disable-LifePosWorkplace -Id $active.Id -Confirm:$false -PassThru
        $after.IsActivated | Should -BeFalse
    }
}

Describe 'Bulk changes from CSV ids' {
    BeforeAll { $script:Csv = Join-Path $TestDrive 'ids.csv'; $script:Targets = Initialize-BulkTargets $Csv }

    It 'deactivates from the CSV' -Tag 'Variants' {
        $deactivated = @(Import-Csv $Csv | Disable-LifePosWorkplace -Confirm:$false -PassThru -ThrottleLimit 1)
        $deactivated.Id | Should -Be $Targets.Id
        $deactivated.IsActivated | Should -Not -Contain $true
    }
}
