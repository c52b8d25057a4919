# Start-LifePosEmulator: the built emulator (LIFEPOS_EMULATOR_PATH, set by the helpers) on a free port, a copy of an
# organization from its export, and the error that says how to install the tool. The installed tool: Package.Tests.ps1.
# Run.ps1 runs the tests tagged Variants again on each answer variant of the emulator.
BeforeAll { Import-Module (Join-Path $PSScriptRoot '../LifePos.TestHelpers.psm1'); $script:Emulator = Enter-TestEmulator }
AfterAll { Exit-TestEmulator }

Describe 'Start-LifePosEmulator' {
    It 'starts an emulator that answers in the variant asked for, and the module works on it' -Tag 'Variants' {
        $answers = (Invoke-LifePosEmulatorControl $Emulator 'answers').answers
        $started = Start-LifePosEmulator -Seed 3 -ArgumentList '--answers', $answers
        try {
            $started | Should -BeOfType ([LifePos.LifePosEmulator])
            $started.BaseUri.Host | Should -Be '127.0.0.1'
            $started.DashboardUri | Should -Be $started.BaseUri
            $connection = Connect-LifePos -BaseUri $started.BaseUri -Token $started.SecureToken -PassThru
            @(Get-LifePosWorkplace -Connection $connection).Name | Should -Be 'Касса 0001', 'Касса 0002', 'Касса 0003'
            $connection | Disconnect-LifePos
        }
        finally { $started | Stop-LifePosEmulator }
        $started.HasExited | Should -BeTrue
    }

    It 'makes a token for each run, or takes the --token and --org given, and the object reports what the emulator uses' {
        $own = Start-LifePosEmulator
        $other = Start-LifePosEmulator
        try {
            $ownToken = [Net.NetworkCredential]::new('', $own.SecureToken).Password
            $ownToken | Should -Not -BeExactly ([Net.NetworkCredential]::new('', $other.SecureToken).Password)
            { Connect-LifePos -BaseUri $other.BaseUri -Token $own.SecureToken -NoDefault -PassThru } | Should -Throw -ErrorId 'LifePos.Unauthorized,*'
        }
        finally { $own, $other | Stop-LifePosEmulator }
        $organization = [Guid]::NewGuid()
        $chosen = Start-LifePosEmulator -ArgumentList '--org', $organization, '--token', $ownToken
        try {
            $chosen.OrganizationId | Should -Be $organization
            [Net.NetworkCredential]::new('', $chosen.SecureToken).Password | Should -BeExactly $ownToken
            (Connect-LifePos -BaseUri $chosen.BaseUri -Token $chosen.SecureToken -NoDefault -PassThru).OrganizationId | Should -Be $organization
        }
        finally { $chosen | Stop-LifePosEmulator }
    }

    It 'starts a copy of an exported organization, and writes its workplaces on stop' {
        Connect-TestEmulator
        $export = Join-Path $TestDrive 'organization.csv'
        $after = Join-Path $TestDrive 'after.csv'
        Get-LifePosWorkplace -Selection All | Export-Csv $export -NoTypeInformation -Encoding utf8
        $copy = Start-LifePosEmulator -Import $export -Export $after
        try {
            $copy.OrganizationId | Should -Be $Emulator.OrganizationId
            $connection = Connect-LifePos -BaseUri $copy.BaseUri -Token $copy.SecureToken -PassThru
            Get-LifePosWorkplace -Connection $connection -Number 7 | Remove-LifePosWorkplace -Connection $connection -Confirm:$false
            $connection | Disconnect-LifePos
        }
        finally { $copy | Stop-LifePosEmulator }
        $source = @(Import-Csv $export)
        $rows = @(Import-Csv $after)
        $rows.Id | Should -Be $source.Id
        ($rows | Where-Object Number -eq 7).IsArchived | Should -Be 'True'
        @($rows | Where-Object IsArchived -eq 'True').Count | Should -Be (@($source | Where-Object IsArchived -eq 'True').Count + 1)
    }

    It 'says how to install the tool when there is no emulator where it looks' {
        { Start-LifePosEmulator -Path (Join-Path $TestDrive 'nowhere/lifepos-emulator') } |
            Should -Throw -ErrorId 'LifePos.EmulatorNotFound,LifePos.Commands.StartLifePosEmulatorCommand' -ExpectedMessage '*dotnet tool install --global LifePos.Emulator*'
    }

    It 'reports the emulator''s own message when it cannot start' {
        { Start-LifePosEmulator -ArgumentList '--faults', 'teapot=1' } |
            Should -Throw -ErrorId 'LifePos.EmulatorDidNotStart,LifePos.Commands.StartLifePosEmulatorCommand' -ExpectedMessage '*teapot*'
    }
}
