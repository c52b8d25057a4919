# A backup piped back (issue 18 §3): Export-Clixml → Import-Clixml objects, and ConvertFrom-Json objects (nested
# PSCustomObjects), into New, Set, Sync, Remove and Restore. Each run is checked on the service, not on the output.
BeforeDiscovery {
    $script:Forms = @(
        @{ Form = 'Export-Clixml / Import-Clixml' }
        @{ Form = 'ConvertTo-Json / ConvertFrom-Json -DateKind String' }
        # As admins do by habit (and all PowerShell 7 before 7.5 can): timestamps in MetaData come back as DateTime.
        @{ Form = 'ConvertTo-Json / ConvertFrom-Json' }
    )
}
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../LifePos.TestHelpers.psm1')
    Import-LifePosUnderTest
    $script:Emulator = Start-TestEmulator -ArgumentList '--seed', '2'
    Connect-LifePos -BaseUri $Emulator.BaseUri -Token $Emulator.SecureToken

    # Fresh workplaces with every kind of field a backup holds, and a backup of them in the form asked for.
    function New-Backup([string] $Form, [string] $Prefix) {
        $made = foreach ($index in 1..3) {
            New-LifePosWorkplace -Name "$Prefix $index" -WorkplaceType Stationary -Meta "hall $index" `
                -MetaData @{ floor = $index; till = @{ model = 'Атол'; since = '2026-01-05'; checked = '2026-01-05T10:20:30'; serviced = "2026-02-0$($index)T08:00:00.5Z" } } `
                -Extension @{ smart_pos = @{ version = '2.1'; tms_params = @{ ip = "10.0.0.$index"; port = 5555 } } }
        }
        $saved = @(Get-LifePosWorkplace -Id $made.Id)
        $file = Join-Path $TestDrive ("$Prefix.backup" -replace '\s', '-')
        if ($Form -like 'Export-Clixml*') {
            $saved | Export-Clixml -LiteralPath $file
            $backup = Import-Clixml -LiteralPath $file
        }
        else {
            $saved | ConvertTo-Json -Depth 10 | Set-Content -LiteralPath $file -Encoding utf8
            $asWritten = if ($Form -like '*-DateKind String') { @{ DateKind = 'String' } } else { @{} }
            $backup = Get-Content -Raw -LiteralPath $file | ConvertFrom-Json @asWritten
        }
        [pscustomobject]@{ Saved = $saved; Backup = @($backup) }
    }

    # A JSON value with its object keys sorted: the order of keys in a JSON object carries no meaning.
    function ConvertTo-Sorted($Value) {
        if ($Value -is [Collections.IDictionary]) {
            $sorted = [ordered]@{}
            foreach ($key in ($Value.Keys | Sort-Object)) { $sorted[$key] = ConvertTo-Sorted $Value[$key] }
            return $sorted
        }
        if ($Value -is [Collections.IEnumerable] -and $Value -isnot [string]) { return , @($Value | ForEach-Object { ConvertTo-Sorted $_ }) }
        $Value
    }

    # What a workplace holds that a backup must bring back, as one comparable text.
    function Get-Fields($Workplace) {
        [ordered]@{
            Name = $Workplace.Name; Type = "$($Workplace.WorkplaceType)"; Meta = $Workplace.Meta
            MetaData = ConvertTo-Sorted ($Workplace.MetaData | ConvertTo-Json -Depth 10 | ConvertFrom-Json -AsHashtable -DateKind String)
            Extensions = ConvertTo-Sorted ($Workplace.Extensions | ConvertTo-Json -Depth 10 | ConvertFrom-Json -AsHashtable -DateKind String)
        } | ConvertTo-Json -Depth 12 -Compress
    }

    # Changes every field a backup holds, so that putting it back is a real change.
    function Edit-Workplace($Saved) {
        $null = $Saved | Set-LifePosWorkplace -Meta 'edited' -MetaData @{ edited = $true } -Extension @{ smart_pos = @{ version = '9.9' } }
    }
}
AfterAll {
    Disconnect-LifePos
    Stop-TestEmulator
}

Describe 'A backup made with <Form>, piped back' -ForEach $Forms {
    It 'into Set-LifePosWorkplace puts every field back' {
        $set = New-Backup $Form 'Backup set'
        Edit-Workplace $set.Saved
        $null = $set.Backup | Set-LifePosWorkplace
        foreach ($saved in $set.Saved) { Get-Fields (Get-LifePosWorkplace -Id $saved.Id) | Should -Be (Get-Fields $saved) }
    }

    It 'into Sync-LifePosWorkplace updates what changed, then finds nothing to do' {
        $sync = New-Backup $Form 'Backup sync'
        Edit-Workplace $sync.Saved[0]
        $changes = @($sync.Backup | Sync-LifePosWorkplace)
        $changes.Action | Should -Be 'Updated', 'Unchanged', 'Unchanged'
        foreach ($saved in $sync.Saved) { Get-Fields (Get-LifePosWorkplace -Id $saved.Id) | Should -Be (Get-Fields $saved) }
        @($sync.Backup | Sync-LifePosWorkplace).Action | Should -Be 'Unchanged', 'Unchanged', 'Unchanged'
    }

    It 'into Remove-LifePosWorkplace and Restore-LifePosWorkplace archives and restores each' {
        $archive = New-Backup $Form 'Backup archive'
        $null = $archive.Backup | Remove-LifePosWorkplace -Confirm:$false
        foreach ($saved in $archive.Saved) { (Get-LifePosWorkplace -Id $saved.Id).IsArchived | Should -BeTrue }
        $null = $archive.Backup | Restore-LifePosWorkplace
        foreach ($saved in $archive.Saved) { (Get-LifePosWorkplace -Id $saved.Id).IsArchived | Should -BeFalse }
    }

    It 'into New-LifePosWorkplace makes copies with every field' {
        $new = New-Backup $Form 'Backup new'
        $copies = @($new.Backup | ForEach-Object { $_.Name = "$($_.Name) copy"; $_ } | New-LifePosWorkplace)
        $copies.Count | Should -Be 3
        for ($index = 0; $index -lt 3; $index++) {
            $copy = Get-LifePosWorkplace -Id $copies[$index].Id
            $copy.Id | Should -Not -Be $new.Saved[$index].Id
            $expected = $new.Saved[$index] | Select-Object *
            $expected.Name = "$($expected.Name) copy"
            Get-Fields $copy | Should -Be (Get-Fields $expected)
        }
    }
}
