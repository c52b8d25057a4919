# Names as admins type them into Get-LifePosEmployee and Get-LifePosOutlet (issue 18 §4): brackets taken literally on
# request, a warning when -Name's brackets were read as a wildcard, accents composed or decomposed alike.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../LifePos.TestHelpers.psm1')
    Import-LifePosUnderTest
    $script:Emulator = Start-TestEmulator -ArgumentList '--seed', '3'
    Connect-LifePos -BaseUri $Emulator.BaseUri -Token $Emulator.SecureToken
    $script:Bracketed = New-TestEmployee 'Смена [2] Петров' 'petrov2' '+7 900 555-00-02'
    $script:Decomposed = New-TestEmployee ('Andre' + [char]0x301 + ' Дюпон') 'dupont' '+7 900 555-00-03'
}
AfterAll {
    Disconnect-LifePos
    Stop-TestEmulator
}

Describe 'Get-LifePosEmployee: names with brackets and accents' {
    It '-LiteralName and the escaped -Name find the name with brackets; -Name with brackets finds nothing and warns' {
        @(Get-LifePosEmployee -LiteralName 'Смена [2] Петров').Id | Should -Be $Bracketed.guid
        @(Get-LifePosEmployee -LiteralName 'Смена [2] Петров' -Phone '89005550002').Id | Should -Be $Bracketed.guid
        @(Get-LifePosEmployee -Name 'Смена `[2`]*').Id | Should -Be $Bracketed.guid

        $found = @(Get-LifePosEmployee -Name 'Смена [2] Петров' -WarningVariable warned -WarningAction SilentlyContinue)

        $found.Count | Should -Be 0
        $warned.Count | Should -Be 1
        $warned[0].Message | Should -BeLike "No employee matched -Name 'Смена ``[2``] Петров': *wildcard*-LiteralName*"
    }

    It 'a name typed composed finds the employee saved decomposed: ''<Given>''' -ForEach @(
        @{ Given = 'Andr' + [char]0xE9 + ' Дюпон' }, @{ Given = 'andr' + [char]0xE9 + '*' }
    ) {
        @(Get-LifePosEmployee -Name $Given).Id | Should -Be $Decomposed.guid
    }
}

Describe 'Get-LifePosOutlet: names with brackets' {
    It '-LiteralName finds an outlet as written; -Name with brackets that matches nothing warns' {
        @(Get-LifePosOutlet -LiteralName 'магазин на тверской').Name | Should -Be 'Магазин на Тверской'
        $found = @(Get-LifePosOutlet -Name 'Магазин [1]' -WarningVariable warned -WarningAction SilentlyContinue)
        $found.Count | Should -Be 0
        $warned[0].Message | Should -BeLike "No outlet matched -Name 'Магазин ``[1``]': *-LiteralName 'Магазин ``[1``]'*"
    }
}
