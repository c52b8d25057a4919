# Modifying what you list (issue 18 §1): a listing ordered by a field the pipeline changes gives each workplace once.
# The emulator pages by keyset over the current values, as a real service does, so a changed workplace moves in the
# order and a later page brings it back; the first test shows that, so the others test something real.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../LifePos.TestHelpers.psm1')
    Import-LifePosUnderTest
    # More than 100 workplaces, so even the default page size has a second page for a changed item to move into.
    $script:Emulator = Start-TestEmulator -ArgumentList '--seed', '120', '--employees', '0', '--outlets', '0'
    Connect-LifePos -BaseUri $Emulator.BaseUri -Token $Emulator.SecureToken
    $script:Org = $Emulator.OrganizationId
}
AfterAll {
    Disconnect-LifePos
    Stop-TestEmulator
}
Describe 'Get-LifePosWorkplace: a listing modified while it is read' {
    BeforeEach { $null = Invoke-LifePosEmulatorControl $Emulator 'reset' -Method POST }

    It 'the emulator brings a renamed workplace back on a later page (the moving-item effect)' {
        $query = @{ order_by = 'name_asc'; items_per_page = 2 }
        $first = Invoke-LifePosRequest "/orgs/$Org/workplaces" -Query $query
        $moved = $first.items[0]
        $null = Invoke-LifePosRequest "/orgs/$Org/workplaces/$($moved.guid)" -Method PATCH -Body @(
            @{ op = 'replace'; path = '/name'; value = 'Я ' + $moved.name })
        $token = $first.next_page_token
        $later = while ($token) {
            $page = Invoke-LifePosRequest "/orgs/$Org/workplaces" -Query @{ page_token = $token }
            $page.items
            $token = $page.next_page_token
        }
        @($later | Where-Object guid -EQ $moved.guid).Count | Should -Be 1 -Because 'keyset paging follows the new name'
    }

    It 'renames each workplace once, ordered by name, at page size <PageSize>' -ForEach @(@{ PageSize = 2 }, @{ PageSize = 100 }) {
        $before = @(Get-LifePosWorkplace)
        $updates = (Invoke-LifePosEmulatorControl $Emulator 'stats').requests.update.total

        $renamed = @(Get-LifePosWorkplace -OrderBy NameAsc -PageSize $PageSize | Set-LifePosWorkplace -Name { 'Я ' + $_.Name } -PassThru)

        (Invoke-LifePosEmulatorControl $Emulator 'stats').requests.update.total - $updates | Should -Be $before.Count
        @($renamed.Id | Sort-Object -Unique).Count | Should -Be $before.Count
        @(Get-LifePosWorkplace | Where-Object Name -Like 'Я Я *').Count | Should -Be 0
    }

    It 'sets Meta on each workplace once, ordered by UpdatedAt, at page size <PageSize>' -ForEach @(@{ PageSize = 2 }, @{ PageSize = 100 }) {
        $count = @(Get-LifePosWorkplace).Count
        $updates = (Invoke-LifePosEmulatorControl $Emulator 'stats').requests.update.total

        $changed = @(Get-LifePosWorkplace -OrderBy UpdatedAtAsc -PageSize $PageSize | Set-LifePosWorkplace -Meta "run $PageSize" -PassThru)

        (Invoke-LifePosEmulatorControl $Emulator 'stats').requests.update.total - $updates | Should -Be $count
        @($changed.Id | Sort-Object -Unique).Count | Should -Be $count
    }
}

Describe 'Invoke-LifePosRequest -All: each id once' {
    It 'Invoke-LifePosRequest -All yields a renamed workplace once' {
        $seen = [Collections.Generic.List[string]]::new()
        Invoke-LifePosRequest "/orgs/$Org/workplaces" -Query @{ order_by = 'name_asc'; items_per_page = 2 } -All | ForEach-Object {
            $seen.Add($_.guid)
            if ($seen.Count -le 20) {
                $null = Invoke-LifePosRequest "/orgs/$Org/workplaces/$($_.guid)" -Method PATCH -Body @(
                    @{ op = 'replace'; path = '/name'; value = 'Я ' + $_.name })
            }
        }
        $seen.Count | Should -Be 120
        @($seen | Sort-Object -Unique).Count | Should -Be 120
    }
}

Describe 'Get-LifePosWorkplace: ids and numbers as admins type them' {
    It 'a bad -Id typed on the command line has the value as its TargetObject, not the message' {
        $null = Get-LifePosWorkplace -Id 'not-a-guid' -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed.Count | Should -Be 1
        $failed[0].TargetObject | Should -Be 'not-a-guid'
        $failed[0].Exception.Message | Should -Match "'not-a-guid' is not a valid workplace id"
    }

    It '-Number that matches nothing is an error, as an unknown -Id is' {
        $found = @(Get-LifePosWorkplace -Number 1, 99999, 2 -ErrorAction SilentlyContinue -ErrorVariable failed)
        $found.Number | Should -Be 1, 2
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'LifePos.NotFound,*'
        $failed[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failed[0].TargetObject | Should -Be 99999
        $null = Get-LifePosWorkplace -Id ([guid]::NewGuid()) -ErrorAction SilentlyContinue -ErrorVariable unknownId
        $unknownId[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }
}

Describe 'Get-LifePosWorkplace: deep meta_data, and an item it cannot read' {
    BeforeEach { $null = Invoke-LifePosEmulatorControl $Emulator 'reset' -Method POST }

    It 'reads back inside the list a meta_data nested as deep as New-LifePosWorkplace accepts (64 levels); one level more is refused on write' {
        $deep = 'leaf'
        foreach ($level in 1..64) { $deep = @{ a = $deep } }
        $created = New-LifePosWorkplace -Name 'Deep 64' -WorkplaceType Mobile -MetaData $deep

        $listed = @(Get-LifePosWorkplace -ErrorVariable failed)
        $raw = @(Invoke-LifePosRequest "/orgs/$Org/workplaces" -All -ErrorVariable +failed)

        $failed.Count | Should -Be 0
        $raw.Count | Should -Be $listed.Count
        $value = ($listed | Where-Object Id -EQ $created.Id).MetaData
        foreach ($level in 1..64) { $value = $value.a }
        $value | Should -Be 'leaf'
        $null = New-LifePosWorkplace -Name 'Deep 65' -WorkplaceType Mobile -MetaData @{ a = $deep } -ErrorAction SilentlyContinue -ErrorVariable refused
        $refused.Count | Should -Be 1
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'LifePos.InvalidInput,*'
        "$($refused[0])" | Should -Match 'nested more than 64 levels'
    }

    It 'an item the service sends nested too deep fails alone: one error names its number and id, every other workplace is listed' {
        $before = @(Get-LifePosWorkplace)
        Set-TestEmulatorFaults @{ next = @('deep-item'); next_endpoint = 'list' }

        $listed = @(Get-LifePosWorkplace -ErrorAction SilentlyContinue -ErrorVariable failed)

        $listed.Id | Should -Be @($before | Select-Object -Skip 1).Id
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'LifePos.UnreadableItem,*'
        $failed[0].TargetObject | Should -Be $before[0].Id
        "$($failed[0])" | Should -Match "^Workplace $($before[0].Number) \(id $($before[0].Id)\) could not be read from LIFE POS: .*nested more than 64 levels"
        "$($failed[0])" | Should -Not -Match 'BaseUri|address|connection|Connect-LifePos'
    }

    It 'an item whose guid is no GUID fails alone, named by its number and the id as sent' {
        $before = @(Get-LifePosWorkplace)
        Set-TestEmulatorFaults @{ next = @('bad-item'); next_endpoint = 'list' }

        $listed = @(Get-LifePosWorkplace -ErrorAction SilentlyContinue -ErrorVariable failed)

        $listed.Id | Should -Be @($before | Select-Object -Skip 1).Id
        $failed.Count | Should -Be 1
        $failed[0].TargetObject | Should -Be 'not-a-guid'
        "$($failed[0])" | Should -Match "^Workplace $($before[0].Number) \(id not-a-guid\) could not be read"
    }
}
