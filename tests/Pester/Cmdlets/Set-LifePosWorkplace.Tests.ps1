# Set-LifePosWorkplace: changes only what is given, merges and removes extensions, -Clear, several ids, rows from a
# spreadsheet and from CSV ids, -WhatIf. Run.ps1 runs the tests tagged Variants again on each answer variant.
BeforeAll { Import-Module (Join-Path $PSScriptRoot '../LifePos.TestHelpers.psm1'); $script:Emulator = Enter-TestEmulator }
AfterAll { Exit-TestEmulator }

Describe 'Set-LifePosWorkplace' {
    BeforeEach {
        $script:Workplace = New-LifePosWorkplace -WorkplaceType Mobile -Name "Set $([Guid]::NewGuid().ToString('N').Substring(0, 6))" `
            -Extension @{ smart_pos = @{ version = '1' }; unknown_ext = @{ keep = 'me' } }
    }

    It 'Set-LifePosWorkplace has ConfirmImpact Medium' {
        (Get-Command Set-LifePosWorkplace).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact | Should -Be 'Medium'
    }

    It 'changes only what was given and emits nothing without -PassThru' -Tag 'Variants' {
        Set-LifePosWorkplace -Id $Workplace.Id -Meta 'changed' | Should -BeNullOrEmpty
        $after = Get-LifePosWorkplace -Id $Workplace.Id
        $after.Meta | Should -Be 'changed'
        $after.Name | Should -Be $Workplace.Name
        $after.Extensions.Keys | Sort-Object | Should -Be 'smart_pos', 'unknown_ext'
    }

    It 'merges -Extension by name and removes with -RemoveExtension' -Tag 'Variants' {
        $after = $Workplace | Set-LifePosWorkplace -Extension @{ nadex_soft_pos = @{ turned_on = $true } } -RemoveExtension smart_pos -PassThru
        $after.Extensions.Keys | Sort-Object | Should -Be 'nadex_soft_pos', 'unknown_ext'
        $after.Extensions.unknown_ext.keep | Should -Be 'me'
    }

    It 'renames and retypes by -InputObject' -Tag 'Variants' {
        $after = Set-LifePosWorkplace -InputObject $Workplace -Name 'Renamed' -WorkplaceType Automat -MetaData '{"a":1}' -PassThru
        $after.Name | Should -Be 'Renamed'
        $after.WorkplaceType | Should -Be 'Automat'
        $after.MetaData.a | Should -Be 1
    }

    It 'sends nothing with -WhatIf' {
        $before = Get-RequestCount -Changes
        $Workplace | Set-LifePosWorkplace -Name 'What if' -WhatIf
        Get-RequestCount -Changes | Should -Be $before
        (Get-LifePosWorkplace -Id $Workplace.Id).Name | Should -Be $Workplace.Name
    }

    It 'reports a server refusal as a non-terminating error for the row' -Tag 'Variants' {
        $Workplace | Remove-LifePosWorkplace -Confirm:$false
        $Workplace | Set-LifePosWorkplace -Name 'Archived now' -ErrorVariable refused -ErrorAction SilentlyContinue
        $refused.Count | Should -Be 1
        if (Test-AnswerWithoutErrorCode) {
            $refused[0].FullyQualifiedErrorId | Should -BeLike 'LifePos.RequestIsNotValid,*'
            "$($refused[0])" | Should -Match $(if ((Get-TestAnswerVariant)['errors'] -eq 'text') { 'is archived' } else { "HTML page titled '422 Unprocessable Entity'" })
        }
        else {
            $refused[0].FullyQualifiedErrorId | Should -BeLike 'LifePos.NotAllowedForArchived,*'
            "$($refused[0])" | Should -Match 'is archived.*Restore-LifePosWorkplace'
        }
        $refused[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $refused[0].TargetObject.Id | Should -Be $Workplace.Id
    }
}

Describe 'Bulk changes from CSV ids' {
    BeforeAll { $script:Csv = Join-Path $TestDrive 'ids.csv'; $script:Targets = Initialize-BulkTargets $Csv }

    It 'renames from a CSV with Set-LifePosWorkplace, in order' -Tag 'Variants' {
        $renamed = @(Import-Csv $Csv | Set-LifePosWorkplace -ThrottleLimit 16 -PassThru -InformationVariable info)
        $renamed.Name | Should -Be ($Targets.Name | ForEach-Object { "$_ renamed" })
        "$((Get-RunSummary $info)[0].MessageData)" | Should -Be '6 rows: 6 updated, 0 failed, 0 retries'
    }

    It 'reports a bad GUID in a row, naming it, and goes on' {
        $rows = @(
            [pscustomobject]@{ Id = 'not-a-guid'; Name = 'Never' }
            [pscustomobject]@{ Id = $Targets[0].Id.ToString(); Name = 'Renamed again' }
        )
        $renamed = @($rows | Set-LifePosWorkplace -PassThru -ErrorVariable failed -ErrorAction SilentlyContinue)
        $renamed.Name | Should -Be 'Renamed again'
        $failed.Count | Should -Be 1
        "$($failed[0])" | Should -Match "'not-a-guid' is not a valid workplace id"
        [object]::ReferenceEquals($failed[0].TargetObject, $rows[0]) | Should -BeTrue
    }
}

Describe 'Set-LifePosWorkplace from spreadsheet rows' {
    BeforeEach {
        Reset-TestEmulator
        Connect-TestEmulator
        $script:Samples = 1..4 | ForEach-Object { New-SampleWorkplace "Round trip $_" }
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

    It 'takes several ids: Set-LifePosWorkplace -Id $a, $b' {
        $ids = $Samples[0].Id, $Samples[1].Id
        $null = Set-LifePosWorkplace -Id $ids -Meta 'both'
        foreach ($id in $ids) { (Get-LifePosWorkplace -Id $id).Meta | Should -Be 'both' }
        (Get-LifePosWorkplace -Id $Samples[2].Id).IsArchived | Should -BeFalse
    }

    It 'shows old → new for Set-LifePosWorkplace -WhatIf, and sends nothing' {
        $updatesBefore = Get-RequestCount 'update'
        $text = Get-HostText { Set-LifePosWorkplace -Id $Samples[0].Id -Meta 'terrace' -Name 'Round trip 1b' -WhatIf } $TestDrive
        $text | Should -Match ([regex]::Escape("Meta: 'hall' → 'terrace'"))
        $text | Should -Match ([regex]::Escape("Name: 'Round trip 1' → 'Round trip 1b'"))
        Get-RequestCount 'update' | Should -Be $updatesBefore
    }
}
