# Get-LifePosChange: the journal read back as typed changes, its filters, only real changes journaled, a cut last
# line, and two processes appending to one journal.
BeforeAll { Import-Module (Join-Path $PSScriptRoot '../LifePos.TestHelpers.psm1'); $script:Emulator = Enter-TestEmulator }
AfterAll { Exit-TestEmulator }

Describe 'Get-LifePosChange' {
    BeforeEach {
        Reset-TestEmulator
        $script:Journal = Join-Path $TestDrive ('journal-{0}.jsonl' -f [guid]::NewGuid())
        Connect-TestEmulator @{ JournalPath = $Journal }
    }

    It 'emits one typed entry per change, with the run, command, host, user, workplace and fields; the run id ends the summary' -Tag 'Variants' {
        $created = @('Change 1', 'Change 2' | ForEach-Object { [pscustomobject]@{ Name = $_; WorkplaceType = 'Mobile'; Meta = 'hall' } } | New-LifePosWorkplace)
        $null = $created[0] | Set-LifePosWorkplace -Meta 'kitchen' -InformationVariable info
        $summary = "$((Get-RunSummary $info)[0].MessageData)"

        $entries = @(Get-LifePosChange)
        $entries.Count | Should -Be 3
        $entries | ForEach-Object { $_.PSObject.TypeNames[0] | Should -Be 'LifePos.JournalEntry' }
        $update = $entries[2]
        $summary | Should -BeLike "*(run $($update.RunId))"
        $update.Command | Should -Be 'Set-LifePosWorkplace'
        $update.Host | Should -Be ([Environment]::MachineName)
        $update.User | Should -Be ([Environment]::UserName)
        $update.WorkplaceId | Should -Be $created[0].Id
        $update.Number | Should -Be $created[0].Number
        $update.Name | Should -Be 'Change 1'
        $update.Operation | Should -Be 'update'
        $update.Outcome | Should -Be 'done'
        $update.Changes.Field | Should -Be 'Meta'
        $update.Changes.OldValue | Should -Be 'hall'
        $update.Changes.NewValue | Should -Be 'kitchen'
        $entries[0].RunId | Should -Be $entries[1].RunId
        $entries[0].RunId | Should -Not -Be $update.RunId
        (Get-LifePosChange | Format-Table | Out-String -Width 200) | Should -Match 'RunId\s+Operation\s+Number\s+Name\s+Outcome\s+Changes'
    }

    It 'filters by -RunId, -WorkplaceId, -Operation, -After/-Before and -Last N runs' {
        $first = New-LifePosWorkplace -Name 'Filter 1' -WorkplaceType Mobile
        $second = New-LifePosWorkplace -Name 'Filter 2' -WorkplaceType Mobile
        $null = $first | Set-LifePosWorkplace -Meta 'x'
        $null = $first, $second | Remove-LifePosWorkplace -Confirm:$false
        $all = @(Get-LifePosChange -JournalPath $Journal)
        $all.Operation | Should -Be create, create, update, archive, archive

        @(Get-LifePosChange -Last 1).Operation | Should -Be archive, archive
        @(Get-LifePosChange -Last 2).Operation | Should -Be update, archive, archive
        @(Get-LifePosChange -RunId $all[2].RunId).Operation | Should -Be update
        @(Get-LifePosChange -WorkplaceId $first.Id).Operation | Should -Be create, update, archive
        @(Get-LifePosChange -Operation create).Name | Should -Be 'Filter 1', 'Filter 2'
        @(Get-LifePosChange -After $all[2].Time.UtcDateTime).Count | Should -Be 3
        @(Get-LifePosChange -Before $all[2].Time.UtcDateTime).Count | Should -Be 2
    }

    It 'journals only real changes: archiving an archived, restoring an alive, deactivating a not activated workplace write nothing' {
        $workplace = New-LifePosWorkplace -Name 'Real changes' -WorkplaceType Mobile
        $null = Remove-LifePosWorkplace -Id $workplace.Id -Confirm:$false
        $lines = @(Get-Content -LiteralPath $Journal).Count
        $null = Remove-LifePosWorkplace -Id $workplace.Id -Confirm:$false
        $null = Restore-LifePosWorkplace -Id $workplace.Id
        $null = Restore-LifePosWorkplace -Id $workplace.Id
        $null = Disable-LifePosWorkplace -Id $workplace.Id -Confirm:$false
        @(Get-LifePosChange).Operation | Should -Be create, archive, restore
        @(Get-Content -LiteralPath $Journal).Count | Should -Be ($lines + 2)
    }

    It 'reads a journal whose last line was cut short, says which line, and the next change starts a line of its own' {
        $null = New-LifePosWorkplace -Name 'Cut 1' -WorkplaceType Mobile
        $whole = Get-Content -LiteralPath $Journal -Raw
        [IO.File]::AppendAllText($Journal, $whole.Substring(0, 40))

        $entries = @(Get-LifePosChange -WarningVariable warnings -WarningAction SilentlyContinue)
        $entries.Name | Should -Be 'Cut 1'
        "$warnings" | Should -BeLike '1 line(s)*line 3*'

        $null = New-LifePosWorkplace -Name 'Cut 2' -WorkplaceType Mobile
        @(Get-LifePosChange -WarningAction SilentlyContinue).Name | Should -Be 'Cut 1', 'Cut 2'
        @(Get-LifePosChange -WarningAction SilentlyContinue).Outcome | Should -Be done, done
    }

    It 'reads what two processes appended to one journal at once: every line whole, each run in its order' {
        $child = Join-Path $TestDrive 'append.ps1'
        Set-Content -LiteralPath $child -Value @'
param($Module, $BaseUri, $Token, $Journal, $Prefix)
Import-Module $Module
Connect-LifePos -BaseUri $BaseUri -Token (ConvertTo-SecureString $Token -AsPlainText -Force) -JournalPath $Journal
$null = 1..30 | ForEach-Object { [pscustomobject]@{ Name = "$Prefix $_"; WorkplaceType = 'Mobile' } } | New-LifePosWorkplace -ThrottleLimit 8
'@
        $processes = foreach ($prefix in 'Left', 'Right') {
            $start = [Diagnostics.ProcessStartInfo]::new('dotnet')
            foreach ($argument in (Join-Path $PSHOME 'pwsh.dll'), '-NoProfile', '-NonInteractive', '-File', $child, (Get-TestPath Module), $Emulator.BaseUri, $Emulator.Token, $Journal, $prefix) {
                $start.ArgumentList.Add([string]$argument)
            }
            [Diagnostics.Process]::Start($start)
        }
        foreach ($process in $processes) {
            $process.WaitForExit()
            $process.ExitCode | Should -Be 0
        }

        $entries = @(Get-LifePosChange -WarningVariable warnings)
        $warnings | Should -BeNullOrEmpty
        $entries.Count | Should -Be 60
        $entries.Outcome | Sort-Object -Unique | Should -Be 'done'
        $runs = @($entries | Group-Object RunId)
        $runs.Count | Should -Be 2
        foreach ($run in $runs) {
            $run.Group.Sequence | Should -Be (1..30)
            $prefix = ($run.Group[0].Name -split ' ')[0]
            $run.Group.Name | Should -Be (1..30 | ForEach-Object { "$prefix $_" })
        }
    }
}
