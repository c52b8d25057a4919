# Get-LifePosEmployee: by phone written any way, by name, -Query, paging and -Id; never a PIN code hash.
# Run.ps1 runs the tests tagged Variants again on each answer variant of the emulator.
BeforeAll { Import-Module (Join-Path $PSScriptRoot '../LifePos.TestHelpers.psm1'); $script:Emulator = Enter-TestEmulator }
AfterAll { Exit-TestEmulator }

Describe 'Get-LifePosEmployee' {
    It 'shows employees in a table by default' {
        $table = Get-LifePosEmployee -First 3 | Out-String
        $table | Should -Match 'Name'
        $table | Should -Match 'Phone'
        $table | Should -Match 'Role'
    }

    It 'finds an employee by a phone written any way, by name and by id' -Tag 'Variants' {
        $all = @(Get-LifePosEmployee)
        $all.Count | Should -BeGreaterThan 6
        $all[0] | Should -BeOfType ([LifePos.Employee])
        $byPhone = @(Get-LifePosEmployee -Phone '8 (900) 123-45-61')
        $byPhone.Count | Should -Be 1
        $byPhone[0].Name | Should -Be 'Иванов Иван Петрович'
        $byPhone[0].Phone | Should -Be '+7 900 123-45-61'
        @(Get-LifePosEmployee -Name 'иванов*').Id | Should -Be $byPhone[0].Id
        (Get-LifePosEmployee -Id $byPhone[0].Id).Name | Should -Be 'Иванов Иван Петрович'
        @(Get-LifePosEmployee -First 2).Count | Should -Be 2
        @(Get-LifePosEmployee -Name 'Nobody*' -ErrorAction Stop).Count | Should -Be 0
    }

    It 'lists typed employees, by name with wildcards, by -Query, -First and -Skip, and by -Id' {
        $all = @(Get-LifePosEmployee)
        $all.Count | Should -BeGreaterOrEqual 8
        $all | ForEach-Object { $_ | Should -BeOfType ([LifePos.Employee]) }
        @(Get-LifePosEmployee -Name 'иванов*').Name | Should -Be 'Иванов Иван Петрович'
        @(Get-LifePosEmployee -Query '9001234562').Phone | Should -Be '+7 900 123-45-62'
        @(Get-LifePosEmployee -First 2 -Skip 1).Id | Should -Be $all[1].Id, $all[2].Id
        @(Get-LifePosEmployee -Id $all[3].Id, $all[4].Id).Id | Should -Be $all[3].Id, $all[4].Id
        ($all | Where-Object Role -eq 'Manager') | Should -Not -BeNullOrEmpty
    }

    It 'never holds a PIN code hash: not in the object, a JSON copy or a listing' {
        $employees = @(Get-LifePosEmployee)
        ($employees | Where-Object HasPinCode) | Should -Not -BeNullOrEmpty -Because 'the seed gives even employees a pin_code_hash'
        $text = ($employees | ConvertTo-Json -Depth 10) + ($employees | Format-List * | Out-String) + ($employees | ConvertTo-Csv | Out-String)
        $text | Should -Not -Match 'pin_code_hash'
        $text | Should -Not -Match '[0-9a-f]{32}'
    }
}
