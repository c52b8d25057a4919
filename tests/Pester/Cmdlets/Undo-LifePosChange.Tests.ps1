# Undo-LifePosChange: a conflict, a deactivation, undoing an undo, the plan, -PassThru, -ErrorAction Stop, and an intent
# without an outcome (a process killed while its request hangs).
BeforeAll { Import-Module (Join-Path $PSScriptRoot '../LifePos.TestHelpers.psm1'); $script:Emulator = Enter-TestEmulator }
AfterAll { Exit-TestEmulator }

Describe 'Undo-LifePosChange' {
    BeforeEach {
        Reset-TestEmulator
        $script:Journal = Join-Path $TestDrive ('journal-{0}.jsonl' -f [guid]::NewGuid())
        Connect-TestEmulator @{ JournalPath = $Journal }
        $script:Till = New-LifePosWorkplace -Name 'Undo till' -WorkplaceType Mobile -Meta 'hall' -Extension @{ smart_pos = @{ version = '2.1' } }
    }

    It 'refuses an update the workplace has moved on from (LifePos.UndoConflict, both values named), and -Force puts it back' {
        $null = $Till | Set-LifePosWorkplace -Meta 'WRONG'
        $mistake = @(Get-LifePosChange -Last 1)
        $null = Set-LifePosWorkplace -Id $Till.Id -Meta 'later'

        $writes = Get-RequestCount -Changes -During { $mistake | Undo-LifePosChange -Confirm:$false -ErrorVariable script:failures -ErrorAction SilentlyContinue }
        $writes | Should -Be 0
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'LifePos.UndoConflict*'
        $failures[0].Exception.Message | Should -BeLike "*Undo till*Meta is 'later', the journal's new value is 'WRONG'*-Force*"
        (Get-LifePosWorkplace -Id $Till.Id).Meta | Should -Be 'later'

        $mistake | Undo-LifePosChange -Confirm:$false -Force
        (Get-LifePosWorkplace -Id $Till.Id).Meta | Should -Be 'hall'
    }

    It 'cannot undo a deactivation, says so naming the workplace, and lists it in the plan too' {
        $activated = Get-LifePosWorkplace | Where-Object IsActivated | Select-Object -First 1
        $null = $activated | Disable-LifePosWorkplace -Confirm:$false
        $entry = Get-LifePosChange -Last 1
        $entry.Operation | Should -Be 'deactivate'

        $null = $entry | Undo-LifePosChange -WhatIf -ErrorVariable planned -ErrorAction SilentlyContinue
        $planned[0].FullyQualifiedErrorId | Should -BeLike 'LifePos.CannotUndo*'
        $null = $entry | Undo-LifePosChange -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'LifePos.CannotUndo*'
        $failures[0].Exception.Message | Should -BeLike "*$($activated.Name)*new activation code*"
    }

    It 'undoes the undo: the undo is a run of its own, and undoing it applies the change again' -Tag 'Variants' {
        # An extension the module knows, so every answer variant shows it (extensions=declared-only shows only named ones).
        $null = $Till | Set-LifePosWorkplace -Meta 'WRONG' -Extension @{ smart_pos = $null; nadex_soft_pos = @{ turned_on = $true } }
        Get-LifePosChange -Last 1 | Undo-LifePosChange -Confirm:$false -InformationVariable info
        $undone = Get-LifePosWorkplace -Id $Till.Id
        $undone.Meta | Should -Be 'hall'
        $undone.Extensions.Keys | Should -Be 'smart_pos'
        $undo = Get-LifePosChange -Last 1
        $undo.Command | Should -Be 'Undo-LifePosChange'
        "$((Get-RunSummary $info)[0].MessageData)" | Should -Be "1 row: 1 undone, 0 failed, 0 retries (run $($undo.RunId))"

        Get-LifePosChange -Last 1 | Undo-LifePosChange -Confirm:$false
        $again = Get-LifePosWorkplace -Id $Till.Id
        $again.Meta | Should -Be 'WRONG'
        $again.Extensions.Keys | Should -Be 'nadex_soft_pos'
        @(Get-LifePosChange | Group-Object RunId).Count | Should -Be 4
    }

    It 'undoes a run by -RunId: a create is archived, an archive restored, a restore archived, newest first' {
        $null = $Till | Remove-LifePosWorkplace -Confirm:$false
        $archive = (Get-LifePosChange -Last 1).RunId
        Undo-LifePosChange -RunId $archive -Confirm:$false
        (Get-LifePosWorkplace -Id $Till.Id).IsArchived | Should -BeFalse
        Get-LifePosChange -Last 1 | Undo-LifePosChange -Confirm:$false
        (Get-LifePosWorkplace -Id $Till.Id).IsArchived | Should -BeTrue

        $create = @(Get-LifePosChange -Operation create)[0].RunId
        $null = Restore-LifePosWorkplace -Id $Till.Id
        Undo-LifePosChange -RunId $create -Confirm:$false -PassThru | ForEach-Object IsArchived | Should -BeTrue
    }

    It '-WhatIf prints the plan field by field and sends nothing' {
        $null = $Till | Set-LifePosWorkplace -Meta 'WRONG'
        $writes = Get-RequestCount -Changes -During {
            $script:Text = Get-HostText { Get-LifePosChange -Last 1 | Undo-LifePosChange -WhatIf } -Folder $TestDrive
        }
        $writes | Should -Be 0
        $Text | Should -Match "Undo update: Meta: 'WRONG' → 'hall'"
        (Get-LifePosWorkplace -Id $Till.Id).Meta | Should -Be 'WRONG'
    }

    It 'checks an intent without an outcome (the process was killed while its request hung) against the workplace now' {
        $child = Join-Path $TestDrive 'hang.ps1'
        Set-Content -LiteralPath $child -Value @'
param($Module, $BaseUri, $Token, $Journal, $Id)
Import-Module $Module
Connect-LifePos -BaseUri $BaseUri -Token (ConvertTo-SecureString $Token -AsPlainText -Force) -JournalPath $Journal -Timeout 600
Set-LifePosWorkplace -Id $Id -Meta 'killed'
'@
        Set-TestEmulatorFaults @{ next = @('hang'); next_endpoint = 'update' }
        $hungBefore = [int](Get-TestEmulatorStats).faults.hang
        $start = [Diagnostics.ProcessStartInfo]::new('dotnet')
        foreach ($argument in (Join-Path $PSHOME 'pwsh.dll'), '-NoProfile', '-NonInteractive', '-File', $child, (Get-TestPath Module), $Emulator.BaseUri, $Emulator.Token, $Journal, $Till.Id) {
            $start.ArgumentList.Add([string]$argument)
        }
        $process = [Diagnostics.Process]::Start($start)
        try {
            # The emulator counts a hang when the request arrives: ask its stats until it has, not a clock.
            do { $stats = Get-TestEmulatorStats } until ([int]$stats.faults.hang -gt $hungBefore -or $process.HasExited)
            $process.HasExited | Should -BeFalse
            [int]$stats.faults.hang | Should -Be ($hungBefore + 1)
        }
        finally {
            $process.Kill($true)
            $process.WaitForExit()
        }

        $entry = Get-LifePosChange -Last 1
        $entry.Outcome | Should -Be 'unknown'
        $entry.Changes.NewValue | Should -Be 'killed'

        # The hung request was never carried out: the workplace shows it, so there is nothing to undo.
        $writes = Get-RequestCount -Changes -During { $entry | Undo-LifePosChange -Confirm:$false -InformationVariable script:info }
        $writes | Should -Be 0
        "$((Get-RunSummary $info)[0].MessageData)" | Should -BeLike '1 row: 0 undone, 1 unchanged, 0 failed*'
        (Get-LifePosWorkplace -Id $Till.Id).Meta | Should -Be 'hall'
    }

    It 'under -ErrorAction Stop the first refused entry ends the run' {
        $null = $Till | Set-LifePosWorkplace -Meta 'WRONG'
        $null = Set-LifePosWorkplace -Id $Till.Id -Meta 'later'
        { Get-LifePosChange -Operation update | Select-Object -First 1 | Undo-LifePosChange -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ExpectedMessage '*changed since*-ErrorAction Stop*'
        (Get-LifePosWorkplace -Id $Till.Id).Meta | Should -Be 'later'
    }
}
