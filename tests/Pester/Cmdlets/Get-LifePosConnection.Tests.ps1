# Get-LifePosConnection shows the stored connection: who signed in, and the role. Connect-LifePos.Tests.ps1 has how
# it is stored.
BeforeAll { Import-Module (Join-Path $PSScriptRoot '../LifePos.TestHelpers.psm1'); $script:Emulator = Enter-TestEmulator }
AfterAll { Exit-TestEmulator }

Describe 'Get-LifePosConnection' {
    It 'shows who signed in and the role' {
        $connection = Get-LifePosConnection
        $connection.EmployeeName | Should -Be 'Владелец Эмулятора'
        $connection.Role | Should -Be 'Owner'
        Get-LifePosConnection | Format-List | Out-String | Should -Match 'Владелец Эмулятора'
    }
}
