# The README is the newcomer's first page: every code block in it runs, or says why it cannot run here.
BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot '../LifePos.TestHelpers.psm1')
    $readme = Get-Content -Raw (Get-TestPath Root 'README.md')
    $script:Blocks = @([regex]::Matches($readme, '(?ms)^```(?<language>\w+)\r?\n(?<code>.*?)^```') | ForEach-Object -Begin { $index = 0 } {
            $index++
            $code = $_.Groups['code'].Value
            @{
                Index    = $index
                Language = $_.Groups['language'].Value
                Code     = $code
                Needs    = $code -match '^\s*# needs '
                Title    = ($code -split "`n" | Where-Object { $_.Trim() } | Select-Object -First 1).Trim()
            }
        })
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../LifePos.TestHelpers.psm1')
    $script:Root = Get-TestPath Root
    $script:Pwsh = Join-Path $PSHOME 'pwsh.dll'
}

Describe 'README.md' {
    It 'has code blocks to check' {
        $Blocks.Count | Should -BeGreaterThan 4
    }

    It 'says in block <Index> why it cannot run here: <Title>' -ForEach @($Blocks | Where-Object Needs) {
        $Title | Should -Match '^# needs (a real account|your own profile)'
    }

    It 'runs PowerShell block <Index>: <Title>' -ForEach @($Blocks | Where-Object { -not $_.Needs -and $_.Language -eq 'powershell' }) {
        $script = Join-Path $TestDrive "readme-block-$Index.ps1"
        Set-Content -LiteralPath $script -Encoding utf8 -Value ("`$ErrorActionPreference = 'Stop'`n" + $Code)
        Push-Location $Root
        try { $output = & dotnet $Pwsh -NoProfile -NonInteractive -File $script 2>&1 | Out-String }
        finally { Pop-Location }
        $LASTEXITCODE | Should -Be 0 -Because $output
        $output | Should -Not -Match 'Exception|error'
    }

    It 'gives in block <Index> exactly the two commands, the test one being what CI runs' -ForEach @($Blocks | Where-Object { -not $_.Needs -and $_.Language -eq 'sh' }) {
        $commands = @($Code -split "`n" | Where-Object { $_.Trim() } | ForEach-Object { ($_ -replace '#.*$', '').Trim() })
        $commands | Should -Be 'dotnet tool restore && dotnet pwsh ./build.ps1 Demo', 'dotnet tool restore && dotnet pwsh ./build.ps1 Test'
        Get-Content -Raw (Join-Path $Root '.ci/run') | Should -Match ([regex]::Escape($commands[1]))
    }
}

Describe 'The main job (build.ps1 Demo runs examples/Demo.ps1)' {
    It 'does every operation of the workplace article against the emulator and stops it' {
        $output = & dotnet $Pwsh -NoProfile -NonInteractive -File (Join-Path $Root 'examples/Demo.ps1') 2>&1 | Out-String
        $LASTEXITCODE | Should -Be 0 -Because $output
        foreach ($step in 'Connect-LifePos', 'New-LifePosWorkplace', 'Set-LifePosWorkplace', 'Restore-LifePosWorkplace',
            'Enable-LifePosWorkplace', 'Disable-LifePosWorkplace') {
            $output | Should -Match $step
        }
        $output | Should -Match 'Касса 2 — Тверская \(зал\)'
        $output | Should -Not -Match 'Exception'
    }
}
