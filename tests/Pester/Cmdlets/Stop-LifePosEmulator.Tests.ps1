# Stop-LifePosEmulator: stops as Ctrl+C does, so the data file is written; stopping twice does nothing.
# Run.ps1 runs the tests tagged Variants again on each answer variant of the emulator.
BeforeAll { Import-Module (Join-Path $PSScriptRoot '../LifePos.TestHelpers.psm1'); Import-LifePosUnderTest }

Describe 'Stop-LifePosEmulator' {
    It 'stops the emulator after it wrote its data file, and a second stop does nothing' -Tag 'Variants' {
        $data = Join-Path $TestDrive "data-$([Guid]::NewGuid().ToString('N')).json"
        $started = Start-LifePosEmulator -Seed 2 -DataPath $data
        $connection = Connect-LifePos -BaseUri $started.BaseUri -Token $started.SecureToken -PassThru
        $null = New-LifePosWorkplace -Connection $connection -Name 'Записано при остановке' -WorkplaceType Mobile
        $connection | Disconnect-LifePos

        Stop-LifePosEmulator $started

        $started.HasExited | Should -BeTrue
        (Get-Content -Raw $data | ConvertFrom-Json).organizations[0].workplaces.name | Should -Contain 'Записано при остановке'
        { $started | Stop-LifePosEmulator } | Should -Not -Throw
    }
}
