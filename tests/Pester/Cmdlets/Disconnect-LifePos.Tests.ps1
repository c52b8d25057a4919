# Disconnect-LifePos forgets the stored connection and closes a connection object: what uses either then says to
# connect.
BeforeAll { Import-Module (Join-Path $PSScriptRoot '../LifePos.TestHelpers.psm1'); $script:Emulator = Enter-TestEmulator }
AfterAll { Exit-TestEmulator }

Describe 'Disconnect-LifePos' {
    It 'is gone after Disconnect-LifePos: cmdlets then stop with one error that says to connect' {
        Connect-TestEmulator
        Disconnect-LifePos
        Get-LifePosConnection | Should -BeNullOrEmpty
        { Get-LifePosWorkplace } | Should -Throw -ErrorId 'LifePos.NotConnected,LifePos.Commands.GetLifePosWorkplaceCommand' -ExpectedMessage '*Connect-LifePos*'
        { New-LifePosWorkplace -WorkplaceType Mobile } | Should -Throw -ErrorId 'LifePos.NotConnected*'
    }

    It 'gives its own error for a connection used after Disconnect-LifePos' {
        $connection = Connect-TestEmulator @{ PassThru = $true }
        Disconnect-LifePos

        { Get-LifePosWorkplace -Connection $connection -ErrorAction Stop } | Should -Throw -ErrorId 'LifePos.ConnectionClosed*' -ExpectedMessage '*Connect-LifePos*'
        $connection.IsClosed | Should -BeTrue
    }
}
