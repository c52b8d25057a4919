# Names as admins type them into New-LifePosActivationCode (issue 18 §4): an exact name is never a wildcard, accents
# match composed or decomposed, Ё and Е stay apart, and Tab completes employees by what their name or phone starts with.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../LifePos.TestHelpers.psm1')
    Import-LifePosUnderTest
    $script:Emulator = Start-TestEmulator -ArgumentList '--seed', '3'
    Connect-LifePos -BaseUri $Emulator.BaseUri -Token $Emulator.SecureToken
    $script:Decomposed = New-TestEmployee ('Rene' + [char]0x301 + 'e Ёлкина') 'yolkina' '+7 900 555-00-04'
    $script:Ye = New-TestEmployee 'Renee Елкина' 'elkina' '+7 900 555-00-05'
    $script:Till = New-LifePosWorkplace -Name 'Касса [1]' -WorkplaceType Mobile
    $null = New-LifePosWorkplace -Name 'Касса 1' -WorkplaceType Mobile
}
AfterAll {
    Disconnect-LifePos
    Stop-TestEmulator
}

Describe 'New-LifePosActivationCode: names' {
    It 'an exact workplace name with brackets is that name, and a composed employee name finds the decomposed one' {
        $code = New-LifePosActivationCode -Workplace 'Касса [1]' -Employee ('Ren' + [char]0xE9 + 'e Ёлкина')
        $code.WorkplaceId | Should -Be $Till.Id
        $code.EmployeeId | Should -Be $Decomposed.guid
    }

    It 'Ё and Е stay different: Елкина is not Ёлкина' {
        $code = New-LifePosActivationCode -Workplace 'Касса [1]' -Employee 'RENEE елкина'
        $code.EmployeeId | Should -Be $Ye.guid
    }

    It 'Tab completes -Employee by the start of a name or phone, not by text inside them' {
        $null = Get-LifePosEmployee
        function Get-EmployeeCompletion([string] $Word) {
            $line = "New-LifePosActivationCode -Workplace 1 -Employee $Word"
            @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches | ForEach-Object ToolTip)
        }
        (Get-EmployeeCompletion ('Ren' + [char]0xE9)) -join ' | ' | Should -BeLike '*Ёлкина*'
        (Get-EmployeeCompletion ('Ren' + [char]0xE9)) -join ' | ' | Should -Not -BeLike '*Елкина*'
        (Get-EmployeeCompletion 'rene') -join ' | ' | Should -BeLike '*Елкина*'
        @(Get-EmployeeCompletion 'Ёлкина').Count | Should -Be 0
        @(Get-EmployeeCompletion "'+7 900 555-00-04") -join ' | ' | Should -BeLike '*Ёлкина*'
        @(Get-EmployeeCompletion '555').Count | Should -Be 0
    }
}
