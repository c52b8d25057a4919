# Get-Help is the manual users read: every cmdlet has one, every parameter is explained, and every example runs.
BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot '../LifePos.TestHelpers.psm1')
    Import-LifePosUnderTest
    $moduleManifest = Get-TestPath Module
    $script:CmdletNames = @((Import-PowerShellDataFile $moduleManifest).CmdletsToExport)
    $script:Examples = foreach ($name in $CmdletNames) {
        $number = 0
        foreach ($example in @((Get-Help $name -Full).examples.example)) {
            $number++
            @{
                Command = $name
                Title   = ($example.title -replace '^-+\s*|\s*-+$', '')
                Code    = [string]$example.code
                Number  = $number
            }
        }
    }
    # Cmdlets that bind Import-Csv rows by property name must show that in an example.
    $script:RowCmdlets = @($CmdletNames | Where-Object {
            @((Get-Command $_).Parameters.Values | Where-Object { $_.ParameterSets.Values | Where-Object ValueFromPipelineByPropertyName }).Count -gt 0
        })
    $script:RunnableExamples = @($Examples | Where-Object { $_.Code -notmatch '#\s*needs a real account' })
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../LifePos.TestHelpers.psm1')
    Import-LifePosUnderTest
    $script:ModuleManifest = Get-TestPath Module
    $script:CommonParameters = [System.Management.Automation.PSCmdlet]::CommonParameters
}

Describe 'Get-Help <_>' -ForEach $CmdletNames {
    BeforeAll {
        $script:Help = Get-Help $_ -Full
        $script:Command = Get-Command $_
    }

    It 'comes from the module''s MAML file' {
        $Help.GetType().Name | Should -Not -Be 'String'
        $Command.HelpFile | Should -BeLike '*LifePos.dll-Help.xml'
        Test-Path (Join-Path (Split-Path $Command.Module.Path) "en-US/$(Split-Path -Leaf $Command.HelpFile)") | Should -BeTrue
    }

    It 'has a synopsis' {
        $Help.Synopsis | Should -Not -BeNullOrEmpty
        $Help.Synopsis | Should -Not -BeLike "*$_ *[<]CommonParameters[>]*" -Because 'an auto-generated synopsis is just the syntax'
    }

    It 'has a description' {
        ($Help.description.Text -join '').Trim() | Should -Not -BeNullOrEmpty
    }

    It 'describes every parameter, and only parameters that exist' {
        $documented = @($Help.parameters.parameter | Where-Object { $_ } | ForEach-Object name)
        $actual = @($Command.Parameters.Keys | Where-Object { $_ -notin $CommonParameters })
        $documented | Sort-Object | Should -Be ($actual | Sort-Object)
        foreach ($parameter in @($Help.parameters.parameter | Where-Object { $_ })) {
            ($parameter.description.Text -join '').Trim() | Should -Not -BeNullOrEmpty -Because "-$($parameter.name) needs a description"
        }
    }

    It 'shows pipeline binding and aliases as the cmdlet has them' {
        foreach ($parameter in @($Help.parameters.parameter | Where-Object { $_ })) {
            $metadata = $Command.Parameters[$parameter.name]
            $byName = @($metadata.ParameterSets.Values | Where-Object ValueFromPipelineByPropertyName).Count -gt 0
            ($parameter.pipelineInput -like '*ByPropertyName*') | Should -Be $byName -Because "-$($parameter.name)"
            foreach ($alias in $metadata.Aliases) { $parameter.aliases | Should -Match ([regex]::Escape($alias)) }
        }
    }

    It 'has at least two examples that run without a real account' {
        $examples = @($Help.examples.example)
        $examples.Count | Should -BeGreaterOrEqual 2
        @($examples | Where-Object { [string]$_.code -notmatch '#\s*needs a real account' }).Count | Should -BeGreaterOrEqual 2
    }
}

Describe 'Get-Help <_> shows Import-Csv rows binding to it' -ForEach $RowCmdlets {
    It 'has a runnable example that pipes Import-Csv into it' {
        $pattern = "Import-Csv [^|]+\|\s*$([regex]::Escape($_))\b"
        $csvExamples = @((Get-Help $_ -Full).examples.example | Where-Object { [string]$_.code -match $pattern -and [string]$_.code -notmatch 'needs a real account' })
        $csvExamples.Count | Should -BeGreaterOrEqual 1
    }
}

Describe 'Get-Help about_LifePos' {
    It 'covers connecting, CSV columns, paging, throttling, retries, errors, -WhatIf, the emulator and scheduled runs' {
        $topic = Get-Help about_LifePos | Out-String
        foreach ($heading in 'CONNECTING', 'CSV COLUMNS THAT BIND', 'PAGING', 'THROTTLELIMIT', 'RETRIES',
            'ERRORS AND RE-RUNNING FAILED ROWS', 'WHATIF AND CONFIRM', 'USING THE EMULATOR', 'SCHEDULED RUNS') {
            $topic | Should -Match "(?m)^$heading\s*$"
        }
        $topic | Should -Match ([regex]::Escape('$failed.TargetObject | Export-Csv retry.csv'))
    }
}

Describe 'The help examples, run against the emulator' {
    BeforeAll {
        # The same organization and token as './build.ps1 Emulator', which the examples are written for.
        $script:Emulator = Start-TestEmulator -ArgumentList '--seed', '45' `
            -OrganizationId '9d5f1c2a-0000-4000-8000-000000000001' -Token 'emulator-token-000000000000000000000000000000'
        $script:Address = $Emulator.BaseUri.GetLeftPart([UriPartial]::Authority)
        $script:Csv = Get-TestPath Examples 'workplaces.csv'
        # An example sets it, as a scheduler would; the tests after this file must not inherit it.
        $script:SavedTokenVariable = $env:LIFEPOS_TOKEN
    }
    AfterAll {
        Disconnect-LifePos
        Stop-TestEmulator
        $env:LIFEPOS_TOKEN = $SavedTokenVariable
    }

    It '<Command> example <Number>: <Title>' -ForEach $RunnableExamples {
        $ErrorActionPreference = 'Stop'
        Connect-LifePos -BaseUri $Address -Token (ConvertTo-SecureString $Emulator.Token -AsPlainText -Force)
        $folder = New-Item -ItemType Directory (Join-Path $TestDrive "$Command-$Number")
        Copy-Item $Csv $folder
        $example = [scriptblock]::Create($Code.Replace('http://127.0.0.1:5080', $Address))
        Push-Location $folder
        try {
            $null = & $example *>&1 | Out-String
        }
        finally {
            Pop-Location
        }
    }
}

Describe 'Build-Help.ps1 keeps the help and the cmdlets in step' {
    BeforeAll {
        $script:Source = Join-Path $TestDrive 'help-source'
        Copy-Item (Get-TestPath Root 'docs/help') $Source -Recurse
        $script:ModuleFolder = Split-Path $ModuleManifest
        $script:BuildHelp = Join-Path $Source 'Build-Help.ps1'
    }

    It 'writes MAML that Get-Help reads' {
        $output = Join-Path $TestDrive 'help-ok'
        & $BuildHelp -ModulePath $ModuleFolder -SourcePath $Source -OutputPath $output 6>$null
        [xml]$maml = Get-Content -Raw (Join-Path $output 'LifePos.dll-Help.xml')
        $maml.helpItems.command.details.name | Sort-Object | Should -Be ($CmdletNames | Sort-Object)
        Test-Path (Join-Path $output 'about_LifePos.help.txt') | Should -BeTrue
    }

    It 'fails when a described parameter does not exist, a parameter lacks a description, a file is missing or OUTPUTS drifts' {
        $file = Join-Path $Source 'Remove-LifePosWorkplace.md'
        $text = (Get-Content -Raw $file) -replace '(?s)### -PassThru\r?\n.*?(?=\r?\n### )', "### -PassThru`n" -replace '## INPUTS', "### -Force`nNot a parameter.`n`n## INPUTS"
        Set-Content -LiteralPath $file -Value $text
        Remove-Item (Join-Path $Source 'Get-LifePosConnection.md')
        $restore = Join-Path $Source 'Restore-LifePosWorkplace.md'
        (Get-Content -Raw $restore) -replace '(?m)^### LifePos.Workplace\r?\nWith -PassThru', "### System.String`nWith -PassThru" | Set-Content -LiteralPath $restore
        $failure = { & $BuildHelp -ModulePath $ModuleFolder -SourcePath $Source -OutputPath (Join-Path $TestDrive 'help-bad') 6>$null } |
            Should -Throw -PassThru
        $failure.Exception.Message | Should -Match 'Remove-LifePosWorkplace.md: describes -Force'
        $failure.Exception.Message | Should -Match 'Remove-LifePosWorkplace.md: -PassThru has no description'
        $failure.Exception.Message | Should -Match 'Get-LifePosConnection.md is missing'
        $failure.Exception.Message | Should -Match 'Restore-LifePosWorkplace.md: the cmdlet declares \[OutputType\(LifePos.Workplace\)\]'
        Test-Path (Join-Path $TestDrive 'help-bad') | Should -BeFalse
    }
}
