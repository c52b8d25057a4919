# The emulator every test talks to: the helpers that start it, and the answer variants the tests tagged Variants run on.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../LifePos.TestHelpers.psm1')
    Import-LifePosUnderTest
}

Describe 'The test emulators' {
    It 'start on a free loopback port with the organization and token given, and stop' {
        $organization = [Guid]::NewGuid()
        $token = 'test-' + [Guid]::NewGuid().ToString('N')
        $emulator = Start-TestEmulator -ArgumentList '--seed', '2' -OrganizationId $organization -Token $token
        try {
            $emulator.BaseUri.Host | Should -Be '127.0.0.1'
            $emulator.BaseUri.Port | Should -BeGreaterThan 0
            $emulator.OrganizationId | Should -Be $organization
            $emulator.Token | Should -BeExactly $token
            [Net.NetworkCredential]::new('', $emulator.SecureToken).Password | Should -BeExactly $token
            $connection = Connect-LifePos -BaseUri $emulator.BaseUri -Token $emulator.SecureToken -PassThru
            @(Get-LifePosWorkplace -Connection $connection).Count | Should -Be 2
            $connection | Disconnect-LifePos
            $emulator.HasExited | Should -BeFalse
        }
        finally { Stop-TestEmulator }
        $emulator.HasExited | Should -BeTrue
    }
}

Describe 'The tests that run on every answer variant' {
    BeforeAll {
        # Run.ps1 runs the tests tagged Variants of the files in Cmdlets/ once per variant.
        $script:CmdletTests = @(Get-ChildItem (Join-Path $PSScriptRoot '../Cmdlets') -Filter *.Tests.ps1)
        function Find-VariantTest([string] $Path) {
            $script = [Management.Automation.Language.Parser]::ParseFile($Path, [ref]$null, [ref]$null)
            $script.FindAll({
                    param($node)
                    $node -is [Management.Automation.Language.CommandAst] -and $node.GetCommandName() -eq 'It' -and
                    @($node.CommandElements | Where-Object { $_ -is [Management.Automation.Language.StringConstantExpressionAst] -and $_.Value -eq 'Variants' }).Count -gt 0
                }, $true)
        }
    }

    It 'use every cmdlet of the module' {
        $used = foreach ($file in $CmdletTests) {
            foreach ($test in Find-VariantTest $file.FullName) {
                $test.FindAll({ param($node) $node -is [Management.Automation.Language.CommandAst] }, $true) | ForEach-Object { $_.GetCommandName() }
            }
        }
        $cmdlets = (Get-Command -Module LifePos).Name
        $cmdlets.Count | Should -Be 19
        $cmdlets | Where-Object { $_ -notin $used } | Should -BeNullOrEmpty
    }

    It 'are all in Cmdlets/, one file per cmdlet, where Run.ps1 looks for them' {
        $CmdletTests.Name -replace '\.Tests\.ps1$' | Sort-Object | Should -Be ((Get-Command -Module LifePos).Name | Sort-Object)
        $elsewhere = Get-ChildItem (Join-Path $PSScriptRoot '..') -Filter *.Tests.ps1 -Recurse |
            Where-Object { $_.FullName -notin $CmdletTests.FullName -and @(Find-VariantTest $_.FullName).Count -gt 0 }
        $elsewhere | Should -BeNullOrEmpty
    }

    It 'run on every value but the default of every choice the emulator has, or say which bug keeps a value out' {
        # The choices, each with its values (the default first), as the emulator's source declares them.
        $declaring = @(Get-ChildItem (Get-TestPath Root 'src/LifePos.Emulator') -Filter *.cs -Recurse |
                Where-Object { (Get-Content -Raw -LiteralPath $_.FullName) -match '\("errors", \[' })
        $declaring.Count | Should -Be 1
        $source = Get-Content -Raw -LiteralPath $declaring[0].FullName
        $choices = [regex]::Matches($source, '\("(?<name>[a-z-]+)", \[(?<values>[^\]]*)\]\)')
        $choices.Count | Should -Be 13
        # The same choices, by name, as the running emulator reads them.
        $emulator = Start-TestEmulator
        try { $running = (Invoke-LifePosEmulatorControl $emulator 'answers').choices.PSObject.Properties.Name }
        finally { Stop-TestEmulator }
        $running | Sort-Object | Should -Be ($choices | ForEach-Object { $_.Groups['name'].Value } | Sort-Object)
        $expected = foreach ($choice in $choices) {
            [regex]::Matches($choice.Groups['values'].Value, '"([^"]+)"') | Select-Object -Skip 1 |
                ForEach-Object { $choice.Groups['name'].Value + '=' + $_.Groups[1].Value }
        }
        $variants = Import-PowerShellDataFile (Join-Path $PSScriptRoot '../AnswerVariants.psd1')
        @($variants.Variants) + @($variants.LeftOut.Keys) | Sort-Object | Should -Be ($expected | Sort-Object)
        $variants.Variants | Where-Object { $variants.LeftOut.ContainsKey($_) } | Should -BeNullOrEmpty
        $variants.LeftOut.Values | ForEach-Object { $_ | Should -Not -BeNullOrEmpty }
    }
}
