# What admins meet with Invoke-LifePosRequest -All (issue 18 §4): an item the service sends that no client reads fails
# alone, and the rest of the list comes as raw objects.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../LifePos.TestHelpers.psm1')
    Import-LifePosUnderTest
    $script:Emulator = Start-TestEmulator -ArgumentList '--seed', '5'
    Connect-LifePos -BaseUri $Emulator.BaseUri -Token $Emulator.SecureToken
    $script:Org = $Emulator.OrganizationId
}
AfterAll {
    Disconnect-LifePos
    Stop-TestEmulator
}

Describe 'Invoke-LifePosRequest -All: an item it cannot read' {
    It 'writes one error naming its number and id, and every other item as a raw object' {
        $before = @(Invoke-LifePosRequest "/orgs/$Org/workplaces" -All)
        Set-TestEmulatorFaults @{ next = @('deep-item'); next_endpoint = 'list' }

        $items = @(Invoke-LifePosRequest "/orgs/$Org/workplaces" -All -ErrorAction SilentlyContinue -ErrorVariable failed)

        $items.guid | Should -Be @($before | Select-Object -Skip 1).guid
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'LifePos.UnreadableItem,*'
        $failed[0].TargetObject | Should -Be ([guid]$before[0].guid)
        "$($failed[0])" | Should -Match "^Item $($before[0].number) \(id $($before[0].guid)\) could not be read from LIFE POS"
        "$($failed[0])" | Should -Not -Match 'BaseUri|address|connection'
    }
}
