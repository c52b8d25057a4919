# The emulator every test talks to: its launcher.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../LifePos.TestHelpers.psm1')
    Import-LifePosUnderTest
}

Describe 'The emulator launcher' {
    It 'starts the emulator on a free loopback port and stops it' {
        $emulator = Start-LifePosEmulator
        try {
            $emulator.BaseUri.Host | Should -Be '127.0.0.1'
            $emulator.BaseUri.Port | Should -BeGreaterThan 0
            $emulator.Process.HasExited | Should -BeFalse
        }
        finally { $emulator | Stop-LifePosEmulator }
        $emulator.Process.HasExited | Should -BeTrue
    }
}
