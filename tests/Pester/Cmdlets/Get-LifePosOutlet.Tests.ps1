# Get-LifePosOutlet: by name and by id, in a table, and never with an api_key.
# Run.ps1 runs the tests tagged Variants again on each answer variant of the emulator.
BeforeAll { Import-Module (Join-Path $PSScriptRoot '../LifePos.TestHelpers.psm1'); $script:Emulator = Enter-TestEmulator }
AfterAll { Exit-TestEmulator }

Describe 'Get-LifePosOutlet' {
    It 'shows outlets in a table by default' {
        Get-LifePosOutlet | Out-String | Should -Match 'Магазин на Тверской'
    }

    It 'lists the outlets, by name and by id' -Tag 'Variants' {
        $outlets = @(Get-LifePosOutlet)
        $outlets.Count | Should -Be 2
        $outlets[0] | Should -BeOfType ([LifePos.Outlet])
        $outlets.Name | Should -Be 'Магазин на Тверской', 'Кофейня на Невском'
        (Get-LifePosOutlet -Id $outlets[1].Id).Name | Should -Be 'Кофейня на Невском'
        @(Get-LifePosOutlet -Name 'Магазин*').Id | Should -Be $outlets[0].Id
        @(Get-LifePosOutlet -Name 'Nothing*' -ErrorAction Stop).Count | Should -Be 0
    }

    It 'lists outlets, and never shows an api_key' {
        $outlets = @(Get-LifePosOutlet)
        $outlets.Count | Should -Be 2
        $outlets[0] | Should -BeOfType ([LifePos.Outlet])
        $secretHolder = $outlets | Where-Object { $_.Extensions.ContainsKey('lifepay_cloud_fiscalization') }
        $secretHolder.Extensions['lifepay_cloud_fiscalization']['api_key'] | Should -Be '***'
        $text = ($outlets | ConvertTo-Json -Depth 10) + ($outlets | Format-List * | Out-String) + ($outlets | ConvertTo-Csv | Out-String)
        $text | Should -Not -Match '[0-9a-f]{32}'
        (Get-LifePosOutlet -Id $secretHolder.Id).Extensions['lifepay_cloud_fiscalization']['api_key'] | Should -Be '***'
        (Get-LifePosOutlet -Name 'Кофейня*').Name | Should -Be 'Кофейня на Невском'
    }
}
