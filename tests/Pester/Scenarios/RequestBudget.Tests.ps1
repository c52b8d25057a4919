# A limited service charges a run its requests: Set-LifePosWorkplace reads what it changes from the service now, by
# id for a few rows and by one listing for more than a page's worth, and never trusts a piped object to skip a write.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../LifePos.TestHelpers.psm1')
    Import-LifePosUnderTest
    $script:Emulator = Start-TestEmulator -ArgumentList '--seed', '250'
    $script:SecureToken = ConvertTo-SecureString $Emulator.Token -AsPlainText -Force

    # Every seeded workplace as an admin exports it, Meta changed in the rows whose index is in $Changed.
    function Get-EditedRows([int[]] $Changed) {
        $index = 0
        Get-LifePosWorkplace | Select-Object Id, Name, Meta | ForEach-Object {
            if ($index++ -in $Changed) { $_.Meta = "edited $index" }
            $_
        }
    }
}
AfterAll {
    Disconnect-LifePos
    Stop-TestEmulator
}

Describe 'Import-Csv | Set-LifePosWorkplace spends requests on work' {
    BeforeEach {
        Reset-TestEmulator
        Connect-LifePos -BaseUri $Emulator.BaseUri -Token $SecureToken
    }

    It 'reads 250 rows with one listing (3 pages), not 250 GETs, and writes only the 10 changed' {
        $csv = Join-Path $TestDrive 'all.csv'
        Get-EditedRows (0..9 | ForEach-Object { $_ * 25 }) | Export-Csv -LiteralPath $csv -NoTypeInformation -Encoding utf8
        $lists = Get-RequestCount 'list'
        $results = @(Import-Csv -LiteralPath $csv | Set-LifePosWorkplace -PassThru -Confirm:$false)
        $results.Count | Should -Be 250
        Get-RequestCount 'get' | Should -Be 0
        (Get-RequestCount 'list') - $lists | Should -Be 3
        Get-RequestCount 'update' | Should -Be 10
        (Get-LifePosWorkplace -Number 26).Meta | Should -Be 'edited 26'
        @($results | Where-Object Id -eq (Get-LifePosWorkplace -Number 26).Id).Count | Should -Be 1 -Because 'every row is answered, in input order'
        $results[25].Number | Should -Be 26
    }

    It 'at -ThrottleLimit 1 holds no row back: a page''s worth read by id, then one listing for the rest' {
        $rows = @(Get-EditedRows (0..9 | ForEach-Object { $_ * 25 }))
        $lists = Get-RequestCount 'list'
        $pairs = @($rows | ForEach-Object -PipelineVariable row { $_ } |
                Set-LifePosWorkplace -PassThru -Confirm:$false -ThrottleLimit 1 |
                ForEach-Object { $row.Id -eq $_.Id })
        $pairs.Count | Should -Be 250
        $pairs | Should -Not -Contain $false -Because 'each row''s result is written before the next row is read'
        Get-RequestCount 'get' | Should -Be 100
        (Get-RequestCount 'list') - $lists | Should -Be 3
        Get-RequestCount 'update' | Should -Be 10
        (Get-LifePosWorkplace -Number 226).Meta | Should -Be 'edited 226'
    }

    It 'reads a few rows by id, without a listing' {
        $rows = @(Get-EditedRows 0, 2 | Select-Object -First 5)
        $lists = Get-RequestCount 'list'
        $null = $rows | Set-LifePosWorkplace -Confirm:$false
        Get-RequestCount 'get' | Should -Be 5
        (Get-RequestCount 'list') - $lists | Should -Be 0
        Get-RequestCount 'update' | Should -Be 2
    }

    It 'never skips a write because a piped object (yesterday''s listing) already shows the value' {
        $stale = Get-LifePosWorkplace -Number 8  # meta 'seeded'
        $null = Set-LifePosWorkplace -Id $stale.Id -Meta 'changed since' -Confirm:$false
        $null = $stale | Set-LifePosWorkplace -Meta $stale.Meta -Confirm:$false
        (Get-LifePosWorkplace -Id $stale.Id).Meta | Should -Be $stale.Meta
    }

    It 'keeps a bad row''s error in its place among rows that wait for the listing' {
        $rows = @(Get-EditedRows 1 | Select-Object -First 120)
        $rows[3] = [pscustomobject]@{ Id = $rows[3].Id; Name = 'x' * 200; Meta = '' }
        $results = @($rows | Set-LifePosWorkplace -PassThru -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue)
        $results.Count | Should -Be 119
        @($failed).Count | Should -Be 1
        "$($failed[0])" | Should -Match '^Row 4'
        Get-RequestCount 'update' | Should -Be 1
    }
}

Describe 'A second organization beside the default one' {
    BeforeAll {
        $script:Second = [Guid]'9d5f1c2a-0000-4000-8000-0000000000b2'
        $script:TwoOrgs = Start-TestEmulator -ArgumentList '--org', "9d5f1c2a-0000-4000-8000-000000000001,$Second"
        $script:TwoOrgsToken = ConvertTo-SecureString $TwoOrgs.Token -AsPlainText -Force
    }
    AfterAll {
        Disconnect-LifePos
        Stop-TestEmulator
    }

    It '-NoDefault -PassThru leaves the default where it was, without a warning' {
        Connect-LifePos -BaseUri $TwoOrgs.BaseUri -Token $TwoOrgsToken -OrganizationId $TwoOrgs.OrganizationId
        $branch = Connect-LifePos -BaseUri $TwoOrgs.BaseUri -Token $TwoOrgsToken -OrganizationId $Second -NoDefault -PassThru -WarningVariable warned
        @($warned).Count | Should -Be 0
        (Get-LifePosConnection).OrganizationId | Should -Be $TwoOrgs.OrganizationId
        $branch.OrganizationId | Should -Be $Second
        $null = New-LifePosWorkplace -Name 'Branch till' -WorkplaceType Mobile -Connection $branch
        @(Get-LifePosWorkplace -Name 'Branch till').Count | Should -Be 0
        @(Get-LifePosWorkplace -Name 'Branch till' -Connection $branch).Count | Should -Be 1
    }

    It 'warns when a connect moves the default to another organization, and not for the same one' {
        Connect-LifePos -BaseUri $TwoOrgs.BaseUri -Token $TwoOrgsToken -OrganizationId $TwoOrgs.OrganizationId
        Connect-LifePos -BaseUri $TwoOrgs.BaseUri -Token $TwoOrgsToken -OrganizationId $TwoOrgs.OrganizationId -WarningVariable same
        @($same).Count | Should -Be 0
        Connect-LifePos -BaseUri $TwoOrgs.BaseUri -Token $TwoOrgsToken -OrganizationId $Second -WarningVariable moved
        "$moved" | Should -Match "$Second.*-NoDefault"
        (Get-LifePosConnection).OrganizationId | Should -Be $Second
    }
}
