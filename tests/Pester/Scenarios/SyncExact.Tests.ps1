# Sync-LifePosWorkplace -Exact: each row is the whole truth for its workplace; the rows it refuses; the plan of what it
# clears; and, without -Exact, a row marked archived never restores its workplace.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../LifePos.TestHelpers.psm1')
    Import-LifePosUnderTest
    $script:Emulator = Start-TestEmulator -ArgumentList '--seed', '6'
}
AfterAll {
    Disconnect-LifePos
    Stop-TestEmulator
}

Describe 'Sync-LifePosWorkplace -Exact' {
    BeforeEach {
        Reset-TestEmulator
        Connect-TestEmulator
        $script:Till = New-SampleWorkplace 'Exact till'
    }

    It 'clears what a row leaves empty, removes extensions not in it, and archives or restores by IsArchived' {
        $row = [pscustomobject]@{ Id = $Till.Id; Name = 'Exact till'; WorkplaceType = 'Mobile'; Meta = ''; MetaData = ''; Extensions = '{"other":{"turned_on":true}}'; IsArchived = 'True' }
        $change = $row | Sync-LifePosWorkplace -Exact -Confirm:$false
        $change.Action | Should -Be 'Archived'
        $change.InputObject | Should -Be $row
        $now = Get-LifePosWorkplace -Id $Till.Id
        $now.Meta | Should -BeNullOrEmpty
        $now.MetaData | Should -BeNullOrEmpty
        $now.Extensions.Keys | Should -Be 'other'
        $now.IsArchived | Should -BeTrue

        $row.IsArchived = 'False'
        ($row | Sync-LifePosWorkplace -Exact -Confirm:$false).Action | Should -Be 'Restored'
        (Get-LifePosWorkplace -Id $Till.Id).IsArchived | Should -BeFalse
    }

    It 'shows every field it would clear in the plan, and sends nothing' {
        $row = [pscustomobject]@{ Id = $Till.Id; Name = 'Exact till'; WorkplaceType = 'Mobile' }
        $writes = Get-RequestCount -Changes -During { $script:Text = Get-HostText { $row | Sync-LifePosWorkplace -Exact -WhatIf } -Folder $TestDrive }
        $writes | Should -Be 0
        $Text | Should -Match "Meta: 'hall' → \(none\)"
        $Text | Should -Match 'MetaData: \{.*\} → \(none\)'
        $Text | Should -Match 'Extensions: \{"smart_pos".*\} → \{\}'
    }

    It 'refuses a row without a type, and a row without an id or a unique name, sending nothing' {
        $null = New-LifePosWorkplace -Name 'Twin' -WorkplaceType Mobile
        $twin = New-LifePosWorkplace -Name 'Twin' -WorkplaceType Mobile
        $null = $twin | Remove-LifePosWorkplace -Confirm:$false
        $rows = [pscustomobject]@{ Id = $Till.Id; Name = 'Exact till'; WorkplaceType = '' },
                [pscustomobject]@{ Id = ''; Name = 'Twin'; WorkplaceType = 'Mobile' },
                [pscustomobject]@{ Id = ''; Name = ''; WorkplaceType = 'Mobile' }
        $writes = Get-RequestCount -Changes -During { $null = $rows | Sync-LifePosWorkplace -Exact -Confirm:$false -ErrorVariable script:failures -ErrorAction SilentlyContinue }
        $writes | Should -Be 0
        $failures.Count | Should -Be 3
        $failures[0].Exception.Message | Should -BeLike '*-Exact needs the WorkplaceType*'
        $failures[1].Exception.Message | Should -BeLike "*'Twin' is ambiguous*alive or archived*"
        $failures[2].Exception.Message | Should -BeLike '*-Exact needs an Id, a Number or a unique Name*'
    }

    It 'asks before it starts (ConfirmImpact High): a host that cannot ask stops it before any write; -Confirm:$false does not ask' {
        $ps = [powershell]::Create()
        $null = $ps.AddScript({
                param($Module, $BaseUri, $Token, $Id)
                Import-Module $Module
                Connect-LifePos -BaseUri $BaseUri -Token $Token
                [pscustomobject]@{ Id = $Id; Name = 'Exact till'; WorkplaceType = 'Mobile' } | Sync-LifePosWorkplace -Exact
            }).AddArgument((Get-TestPath Module)).AddArgument($Emulator.BaseUri).AddArgument($Emulator.SecureToken).AddArgument($Till.Id)
        try {
            $writes = Get-RequestCount -Changes -During { $null = $ps.Invoke() }
            # The module's own error, naming -Force, not PowerShell's bare "prompts the user" (issue 18 §3).
            $ps.Streams.Error[0].FullyQualifiedErrorId | Should -BeLike 'LifePos.CannotAsk,*'
            "$($ps.Streams.Error)" | Should -BeLike '*-Exact asks before it starts*cannot ask*Add -Force*'
        }
        finally { $ps.Dispose() }
        $writes | Should -Be 0
        (Get-LifePosWorkplace -Id $Till.Id).Meta | Should -Be 'hall'

        $row = [pscustomobject]@{ Id = $Till.Id; Name = 'Exact till'; WorkplaceType = 'Mobile' }
        ($row | Sync-LifePosWorkplace -Exact -Confirm:$false).Action | Should -Be 'Updated'
        (Get-LifePosWorkplace -Id $Till.Id).Meta | Should -BeNullOrEmpty
    }
}

Describe 'Sync-LifePosWorkplace without -Exact' {
    BeforeAll {
        Reset-TestEmulator
        Connect-TestEmulator
    }

    It 'never restores a workplace its row marks archived, even with -IncludeArchived' {
        $archived = New-LifePosWorkplace -Name 'Stays archived' -WorkplaceType Mobile
        $null = $archived | Remove-LifePosWorkplace -Confirm:$false
        $rows = Get-LifePosWorkplace -Selection ArchivedOnly -Name 'Stays archived' | Select-Object Id, Name, WorkplaceType, IsArchived, ArchivedAt
        $writes = Get-RequestCount -Changes -During { $script:Change = $rows | Sync-LifePosWorkplace -IncludeArchived }
        $writes | Should -Be 0
        $Change.Action | Should -Be 'Unchanged'
        (Get-LifePosWorkplace -Id $archived.Id).IsArchived | Should -BeTrue
    }
}
