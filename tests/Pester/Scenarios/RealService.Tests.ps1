# The service as independent public clients guard against it (shared/lifepos-api.md, "What independent public clients
# do"): compact items unless a GET asks for presentation=full, and only the extensions a request names in
# X-LP-Client-Extensions, shown and writable. The emulator plays it with both answer variants on.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../LifePos.TestHelpers.psm1')
    Import-LifePosUnderTest
    # --seed 10: every 4th workplace has meta 'seeded', every 5th a nadex_soft_pos extension.
    $script:Emulator = Start-TestEmulator -ArgumentList '--seed', '10', '--answers', 'presentation=compact-by-default,extensions=declared-only'
    $script:SecureToken = ConvertTo-SecureString $Emulator.Token -AsPlainText -Force
    $script:Workplaces = "/orgs/$($Emulator.OrganizationId)/workplaces"

    function Get-LoggedRequests {
        @((Invoke-LifePosEmulatorControl $Emulator 'requests').items)
    }

    # A workplace with an extension this module does not know, written by a client that names it.
    function New-WorkplaceWithUnknownExtension([string] $Name) {
        Invoke-LifePosRequest -Method POST -Path $Workplaces -Body (@{
                workplace_type = 'Mobile'; name = $Name; extensions = @{ loyalty_x = @{ level = 7 } }
            } | ConvertTo-Json -Depth 5)
    }

    # What a client naming loyalty_x sees: the service keeps what this module never saw.
    function Get-UnknownExtension([Guid] $Id) {
        $seer = Connect-LifePos -BaseUri $Emulator.BaseUri -Token $SecureToken -ClientExtension loyalty_x -NoDefault -PassThru
        try { (Get-LifePosWorkplace -Id $Id -Connection $seer).Extensions['loyalty_x'] }
        finally { Disconnect-LifePos -Connection $seer }
    }
}
AfterAll {
    Disconnect-LifePos
    Stop-TestEmulator
}

Describe 'What every request asks for, read from the emulator''s request log' {
    BeforeAll {
        Reset-TestEmulator
        Connect-LifePos -BaseUri $Emulator.BaseUri -Token $SecureToken -ClientExtension 'own_ext'
        $created = New-LifePosWorkplace -Name 'Logged' -WorkplaceType Mobile -Extension @{ brand_new_ext = @{ on = $true } }
        $null = Get-LifePosWorkplace -Id $created.Id
        $null = Get-LifePosWorkplace -First 3
        $null = Set-LifePosWorkplace -Id $created.Id -Meta 'logged' -Confirm:$false
        $null = Get-LifePosEmployee -First 1
        $null = Get-LifePosOutlet -First 1
        $null = Invoke-LifePosRequest -Method GET -Path '/orgs'
        $null = Invoke-LifePosRequest -Method GET -Path $Workplaces -Query @{ presentation = 'compact' }
        $script:Logged = Get-LoggedRequests
    }

    It 'sends presentation=full on every GET: lists, items, /orgs, /me (with include_permissions=false)' {
        $gets = @($Logged | Where-Object method -eq 'GET' | Where-Object path -notmatch 'presentation=compact')
        $gets.Count | Should -BeGreaterThan 6
        $gets | ForEach-Object { $_.path | Should -Match '[?&]presentation=full(&|$)' }
        @($gets | Where-Object path -match '/me\?').path | Should -Match 'include_permissions=false'
        @($gets | Where-Object path -match '^/(v6/)?orgs\?').Count | Should -BeGreaterThan 0
    }

    It 'leaves a presentation the caller of Invoke-LifePosRequest chose as it is' {
        $own = @($Logged | Where-Object path -match 'presentation=compact')
        $own.Count | Should -Be 1
        $own[0].path | Should -Not -Match 'presentation=full'
    }

    It 'names the known extensions, -ClientExtension''s and every extension the body writes, on every request' {
        $Logged.Count | Should -BeGreaterThan 8
        foreach ($request in $Logged) {
            $names = $request.extensions -split ','
            foreach ($known in 'nadex_soft_pos', 'smart_pos', 'lifepay_smart_pos', 'pay_quick_payments_dynamic', 'pos_quick_payments', 'retail_app', 'own_ext') {
                $names | Should -Contain $known -Because "$($request.method) $($request.path) names it"
            }
        }
        $create = @($Logged | Where-Object { $_.method -eq 'POST' -and $_.path -match '/workplaces$' })
        $create[0].extensions -split ',' | Should -Contain 'brand_new_ext'
        @($Logged | Where-Object { $_.method -eq 'GET' }).extensions -split ',' | Should -Not -Contain 'brand_new_ext'
    }
}

Describe 'A service that answers compact by default and shows only the named extensions' {
    BeforeAll {
        Reset-TestEmulator
        Connect-LifePos -BaseUri $Emulator.BaseUri -Token $SecureToken
        $script:Seeded5 = Get-LifePosWorkplace -Number 5
    }

    It 'a listing shows extensions and meta' {
        $all = @(Get-LifePosWorkplace)
        ($all | Where-Object Number -eq 5).Extensions['nadex_soft_pos'].turned_on | Should -Not -BeNullOrEmpty
        ($all | Where-Object Number -eq 4).Meta | Should -Be 'seeded'
        ($all | Where-Object Number -eq 4).OrganizationId | Should -Be $Emulator.OrganizationId
    }

    It 'Get -Id shows extensions and meta' {
        $one = Get-LifePosWorkplace -Id $Seeded5.Id
        $one.Extensions.Keys | Should -Contain 'nadex_soft_pos'
        (Get-LifePosWorkplace -Id (Get-LifePosWorkplace -Number 4).Id).Meta | Should -Be 'seeded'
    }

    It 'an Export-Csv backup holds the extensions and meta' {
        $csv = Join-Path $TestDrive 'backup.csv'
        Get-LifePosWorkplace | Export-Csv -LiteralPath $csv -NoTypeInformation -Encoding utf8
        $rows = Import-Csv -LiteralPath $csv
        ($rows | Where-Object Number -eq 5).Extensions | Should -Match 'nadex_soft_pos'
        ($rows | Where-Object Number -eq 4).Meta | Should -Be 'seeded'
    }

    It 'Set -Extension writes an extension' {
        $updated = Set-LifePosWorkplace -Id $Seeded5.Id -Extension @{ smart_pos = @{ version = '2' } } -PassThru -Confirm:$false
        $updated.Extensions['smart_pos'].version | Should -Be '2'
        (Get-LifePosWorkplace -Id $Seeded5.Id).Extensions['smart_pos'].version | Should -Be '2'
    }

    It 'New-LifePosWorkplace creates a workplace with an extension' {
        $new = New-LifePosWorkplace -Name 'With extension' -WorkplaceType Automat -Extension @{ pos_quick_payments = @{ version = '1' } }
        (Get-LifePosWorkplace -Id $new.Id).Extensions['pos_quick_payments'].version | Should -Be '1'
    }

    It 'Sync of the module''s own export finds every row Unchanged and writes nothing' {
        $csv = Join-Path $TestDrive 'own.csv'
        Get-LifePosWorkplace | Export-Csv -LiteralPath $csv -NoTypeInformation -Encoding utf8
        $writes = Get-RequestCount -Changes
        $changes = @(Import-Csv -LiteralPath $csv | Sync-LifePosWorkplace)
        $changes.Count | Should -BeGreaterThan 9
        $changes | ForEach-Object { $_.Action | Should -Be 'Unchanged' }
        Get-RequestCount -Changes | Should -Be $writes
    }
}

Describe 'An extension this module never saw survives' {
    BeforeEach {
        Reset-TestEmulator
        Connect-LifePos -BaseUri $Emulator.BaseUri -Token $SecureToken
        $script:Hidden = New-WorkplaceWithUnknownExtension 'Hidden extension'
        $script:HiddenId = [Guid]$Hidden.guid
    }

    It 'is not shown to this module' {
        (Get-LifePosWorkplace -Id $HiddenId).Extensions.Keys | Should -Not -Contain 'loyalty_x'
        (Get-UnknownExtension $HiddenId).level | Should -Be 7
    }

    It 'survives Set -Extension, Set -Meta and a piped Set' {
        $null = Set-LifePosWorkplace -Id $HiddenId -Extension @{ nadex_soft_pos = @{ turned_on = $true } } -Confirm:$false
        $null = Set-LifePosWorkplace -Id $HiddenId -Meta 'changed' -Confirm:$false
        $null = Get-LifePosWorkplace -Id $HiddenId | Set-LifePosWorkplace -Name 'Hidden renamed' -Confirm:$false
        (Get-UnknownExtension $HiddenId).level | Should -Be 7
        (Get-LifePosWorkplace -Id $HiddenId).Extensions['nadex_soft_pos'].turned_on | Should -BeTrue
    }

    It 'survives a Sync of an export edited in its Extensions and Meta columns' {
        $csv = Join-Path $TestDrive 'hidden.csv'
        Get-LifePosWorkplace -Id $HiddenId | Export-Csv -LiteralPath $csv -NoTypeInformation -Encoding utf8
        $rows = @(Import-Csv -LiteralPath $csv)
        $rows[0].Meta = 'synced'
        $rows[0].Extensions = '{"smart_pos":{"version":"3"}}'
        $changes = @($rows | Sync-LifePosWorkplace)
        $changes.Action | Should -Be 'Updated'
        (Get-UnknownExtension $HiddenId).level | Should -Be 7
        (Get-LifePosWorkplace -Id $HiddenId).Meta | Should -Be 'synced'
    }
}

Describe 'A service whose listings are compact even when asked for presentation=full' {
    BeforeAll {
        $script:CompactLists = Start-TestEmulator -ArgumentList '--seed', '4', '--answers', 'presentation=compact-lists'
        $script:CompactConnection = Connect-LifePos -BaseUri $CompactLists.BaseUri -Token $CompactLists.SecureToken -NoDefault -PassThru
        $null = Get-LifePosWorkplace -Number 1 -Connection $CompactConnection | Set-LifePosWorkplace -Meta 'kept' -Connection $CompactConnection
    }
    AfterAll {
        Disconnect-LifePos -Connection $CompactConnection
        Stop-TestEmulator
    }

    It 'warns once that a listing''s extensions, meta and meta data are unknown, before an Export-Csv backup keeps empty cells' {
        $csv = Join-Path $TestDrive 'compact.csv'
        Get-LifePosWorkplace -Connection $CompactConnection -WarningVariable warned -WarningAction SilentlyContinue |
            Export-Csv -LiteralPath $csv -NoTypeInformation -Encoding utf8
        $warned.Count | Should -Be 1 -Because 'one warning for the listing, not one per workplace'
        "$($warned[0])" | Should -Match 'unknown, not empty'
        "$($warned[0])" | Should -Match 'Export-Csv'
        "$($warned[0])" | Should -Match 'Get-LifePosWorkplace -Id'
        (Import-Csv -LiteralPath $csv | Where-Object Number -eq 1).Meta | Should -BeNullOrEmpty -Because 'this is the empty cell the warning is about'
    }

    It 'gives a workplace read by id in full, with no warning' {
        $one = Get-LifePosWorkplace -Number 1 -Connection $CompactConnection | Get-LifePosWorkplace -Connection $CompactConnection -WarningVariable warned -WarningAction SilentlyContinue
        $one.Meta | Should -Be 'kept'
        $warned | Should -BeNullOrEmpty
    }

    It 'still lets Set and Sync decide from what the service has, not from the compact listing' {
        $listed = @(Get-LifePosWorkplace -Connection $CompactConnection -WarningAction SilentlyContinue)
        @($listed | Set-LifePosWorkplace -Meta 'kept' -Connection $CompactConnection -PassThru).Count | Should -Be $listed.Count
        (Get-LifePosWorkplace -Id $listed[0].Id -Connection $CompactConnection).Meta | Should -Be 'kept'
        $rows = $listed | ForEach-Object { [pscustomobject]@{ Id = $_.Id; Meta = 'kept' } }
        @($rows | Sync-LifePosWorkplace -Connection $CompactConnection).Action | Sort-Object -Unique | Should -Be 'Unchanged'
    }
}
