# What admins type into Sync-LifePosWorkplace (issue 18 §4): numbers out of range get one message, whatever their size.
# And its second yes (-ArchiveUnlisted, -Exact) where nobody can answer (§3): the module's own error, naming -Force.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../LifePos.TestHelpers.psm1')
    Import-LifePosUnderTest
    $script:Emulator = Start-TestEmulator -ArgumentList '--seed', '3'
    Connect-LifePos -BaseUri $Emulator.BaseUri -Token $Emulator.SecureToken

    # Runs the script in a new pwsh -NonInteractive connected to the emulator, as a scheduled task would; returns
    # what it writes, through JSON.
    function Invoke-NonInteractive([string] $Script) {
        $token = [Net.NetworkCredential]::new('', $Emulator.SecureToken).Password
        $file = Join-Path $TestDrive ('child-{0}.ps1' -f [guid]::NewGuid().ToString('N'))
        Set-Content -LiteralPath $file -Encoding utf8 -Value @"
Import-Module '$(Get-TestPath Module)'
Connect-LifePos -BaseUri '$($Emulator.BaseUri)' -Token (ConvertTo-SecureString '$token' -AsPlainText -Force)
& {
$Script
} | ConvertTo-Json -Depth 4 -Compress
"@
        $output = & dotnet (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive -File $file 2>&1
        ($output | Where-Object { $_ -is [string] -and $_.StartsWith('{') } | Select-Object -Last 1) | ConvertFrom-Json
    }
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

Describe 'Sync-LifePosWorkplace in a -NonInteractive pwsh' {
    It '-ArchiveUnlisted without -Force ends in LifePos.CannotAsk naming -Force, after the rows are written, and archives nothing' {
        $aliveBefore = @(Get-LifePosWorkplace).Count
        $result = Invoke-NonInteractive @'
$changes = [System.Collections.Generic.List[object]]::new()
try { [pscustomobject]@{ Number = 1; Meta = 'asked' }, [pscustomobject]@{ Number = 2 } | Sync-LifePosWorkplace -ArchiveUnlisted | ForEach-Object { $changes.Add($_) } }
catch { $caught = $_ }
[pscustomobject]@{ Actions = @($changes.Action | ForEach-Object ToString); ErrorId = $caught.FullyQualifiedErrorId; Message = $caught.Exception.Message; Recommended = $caught.ErrorDetails.RecommendedAction }
'@
        $result.ErrorId | Should -Match '^LifePos\.CannotAsk,'
        $result.Message | Should -Match '-ArchiveUnlisted asks before it archives the \d+ workplaces no row names'
        $result.Message | Should -Match 'cannot ask'
        $result.Recommended | Should -Match '-Force'
        $result.Actions | Should -Be 'Updated', 'Unchanged' -Because 'the rows were carried out and written before the question'
        (Get-LifePosWorkplace -Number 1).Meta | Should -Be 'asked'
        @(Get-LifePosWorkplace).Count | Should -Be $aliveBefore -Because 'nothing is archived without the answer'
    }

    It '-ArchiveUnlisted -Force archives without asking' {
        $keep = @(Get-LifePosWorkplace -First 2)
        $result = Invoke-NonInteractive @"
`$changes = @('$($keep[0].Id)', '$($keep[1].Id)' | ForEach-Object { [pscustomobject]@{ Id = `$_ } } | Sync-LifePosWorkplace -ArchiveUnlisted -Force)
[pscustomobject]@{ Archived = @(`$changes | Where-Object Action -eq 'Archived').Count }
"@
        $result.Archived | Should -BeGreaterThan 0
        @(Get-LifePosWorkplace).Id | Should -Be $keep.Id
    }

    It '-Exact without -Force ends in LifePos.CannotAsk naming -Force, and sends nothing' {
        $before = (Get-LifePosWorkplace -Number 1).Meta
        $result = Invoke-NonInteractive @'
try { [pscustomobject]@{ Number = 1; Name = 'Exact'; Meta = 'exact' } | Sync-LifePosWorkplace -Exact } catch { $caught = $_ }
[pscustomobject]@{ ErrorId = $caught.FullyQualifiedErrorId; Message = $caught.Exception.Message }
'@
        $result.ErrorId | Should -Match '^LifePos\.CannotAsk,'
        $result.Message | Should -Match '-Exact asks before it starts.*Add -Force'
        (Get-LifePosWorkplace -Number 1).Meta | Should -Be $before
    }
}

Describe 'Sync-LifePosWorkplace: accents composed or decomposed, Ё and Е' {
    It 'a CSV row typed composed updates the workplace saved decomposed, never creates a look-alike, and does not rename it' {
        $decomposed = 'Cafe' + [char]0x301 + ' Арбат'
        $saved = New-LifePosWorkplace -Name $decomposed -WorkplaceType Mobile -Meta 'old'
        $csv = Join-Path $TestDrive 'arbat.csv'
        "Name,WorkplaceType,Meta`nCaf$([char]0xE9) Арбат,Mobile,new" | Set-Content -LiteralPath $csv -Encoding utf8
        $before = @(Get-LifePosWorkplace -Selection All).Count

        $first = @(Import-Csv $csv | Sync-LifePosWorkplace)
        $second = @(Import-Csv $csv | Sync-LifePosWorkplace)

        $first.Action | Should -Be 'Updated'
        $first.Id | Should -Be $saved.Id
        $second.Action | Should -Be 'Unchanged'
        @(Get-LifePosWorkplace -Selection All).Count | Should -Be $before
        $now = Get-LifePosWorkplace -Id $saved.Id
        $now.Meta | Should -Be 'new'
        [string]::Equals($now.Name, $decomposed, [StringComparison]::Ordinal) | Should -BeTrue
    }

    It 'Ё and Е stay different: a row Елка creates it beside Ёлка, and a row Ёлка written decomposed is Ёлка' {
        $yo = New-LifePosWorkplace -Name 'Ёлка' -WorkplaceType Mobile -Meta 'x'
        $rows = @(
            [pscustomobject]@{ Name = 'Елка'; WorkplaceType = 'Mobile'; Meta = 'x' }
            [pscustomobject]@{ Name = 'Е' + [char]0x308 + 'лка'; WorkplaceType = 'Mobile'; Meta = 'x' }
        )

        $changes = @($rows | Sync-LifePosWorkplace)

        $changes.Action | Should -Be 'Created', 'Unchanged'
        $changes[0].Id | Should -Not -Be $yo.Id
        $changes[1].Id | Should -Be $yo.Id
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
