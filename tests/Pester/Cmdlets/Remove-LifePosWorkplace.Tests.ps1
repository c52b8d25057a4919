# Remove-LifePosWorkplace archives: by -InputObject, by id from a CSV, several ids at once, and never under -WhatIf.
# Run.ps1 runs the tests tagged Variants again on each answer variant of the emulator.
BeforeAll { Import-Module (Join-Path $PSScriptRoot '../LifePos.TestHelpers.psm1'); $script:Emulator = Enter-TestEmulator }
AfterAll { Exit-TestEmulator }

Describe 'Remove-LifePosWorkplace' {
    It 'Remove-LifePosWorkplace has ConfirmImpact High' {
        (Get-Command Remove-LifePosWorkplace).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact | Should -Be 'High'
    }

    It 'takes -InputObject in every one of Remove-, Restore- and Disable-LifePosWorkplace' -Tag 'Variants' {
        $workplace = New-LifePosWorkplace -WorkplaceType Mobile -Name 'By InputObject'
        (Remove-LifePosWorkplace -InputObject $workplace -Confirm:$false -PassThru).IsArchived | Should -BeTrue
        (Restore-LifePosWorkplace -InputObject $workplace -PassThru).IsArchived | Should -BeFalse
        (Disable-LifePosWorkplace -InputObject $workplace -Confirm:$false -PassThru).IsActivated | Should -BeFalse
        Remove-LifePosWorkplace -InputObject $workplace -Confirm:$false | Should -BeNullOrEmpty
        (Get-LifePosWorkplace -Id $workplace.Id).IsArchived | Should -BeTrue
    }

    It 'says in the ShouldProcess text that an archived workplace can be restored' {
        $workplace = Get-LifePosWorkplace -First 1
        $text = $workplace | Remove-LifePosWorkplace -Confirm:$false -Verbose 4>&1 | Out-String
        $text | Should -Match 'will be archived'
        $text | Should -Match 'restored with Restore-LifePosWorkplace'
        $workplace | Restore-LifePosWorkplace
    }

    It 'sends nothing with -WhatIf' {
        $some = @(Get-LifePosWorkplace -First 2)
        Get-RequestCount -Changes -During { $some | Remove-LifePosWorkplace -WhatIf } | Should -Be 0
    }
}

Describe 'Bulk changes from CSV ids' {
    BeforeAll { $script:Csv = Join-Path $TestDrive 'ids.csv'; $script:Targets = Initialize-BulkTargets $Csv }

    It 'archives nothing with -WhatIf, then archives and restores from the CSV' -Tag 'Variants' {
        $before = Get-RequestCount 'archive'
        Import-Csv $Csv | Remove-LifePosWorkplace -WhatIf
        Get-RequestCount 'archive' | Should -Be $before
        Import-Csv $Csv | Remove-LifePosWorkplace -Confirm:$false -ThrottleLimit 16
        (Get-RequestCount 'archive') - $before | Should -Be 6
        @(Get-LifePosWorkplace -Name 'Bulk target *').Count | Should -Be 0
        $restored = @(Get-LifePosWorkplace -Name 'Bulk target *' -Selection ArchivedOnly | Restore-LifePosWorkplace -PassThru)
        $restored.Count | Should -Be 6
        @(Get-LifePosWorkplace -Name 'Bulk target *').Count | Should -Be 6
    }
}

Describe 'Remove-LifePosWorkplace with several ids' {
    BeforeEach {
        Reset-TestEmulator
        Connect-TestEmulator
        $script:Samples = 1..4 | ForEach-Object { New-SampleWorkplace "Round trip $_" }
    }

    It 'takes several ids: Remove-LifePosWorkplace -Id $a, $b' {
        $ids = $Samples[0].Id, $Samples[1].Id
        $null = Remove-LifePosWorkplace -Id $ids -Confirm:$false
        foreach ($id in $ids) { (Get-LifePosWorkplace -Id $id).IsArchived | Should -BeTrue }
        (Get-LifePosWorkplace -Id $Samples[2].Id).IsArchived | Should -BeFalse
        $restored = @(Restore-LifePosWorkplace -Id $ids -PassThru)
        $restored.Id | Should -Be $ids
        $restored.IsArchived | Should -Be $false, $false
    }
}
