# Windows PowerShell 5.1, as far as a machine without Windows can prove it: every piece of code the module ships or
# documents for 5.1 uses nothing 5.1 lacks, the manifest uses only keys 5.1 knows, the import stops with what to install
# below .NET Framework 4.7.2. (A GET with a body, refused alike on both editions, is tested with Invoke-LifePosRequest;
# the .NET Framework reference closure is an xunit test: tests/LifePos.Tests/Module/ReferenceClosureTests.cs.)
BeforeDiscovery {
    $root = (Resolve-Path (Join-Path $PSScriptRoot '../../..')).ProviderPath
    Import-Module (Join-Path $PSScriptRoot 'PowerShell7Only.psm1') -Force
    $script:Documents = @(Get-WindowsPowerShellCode -Root $root | Where-Object { -not (Test-PowerShell7Marked $_.Code) } |
            Group-Object { $_.Document } | ForEach-Object { @{ Document = $_.Name; Pieces = @($_.Group) } })
}

BeforeAll {
    $script:Root = (Resolve-Path (Join-Path $PSScriptRoot '../../..')).ProviderPath
    $script:ModuleFolder = Join-Path $Root 'out/LifePos'
    $script:Manifest = Import-PowerShellDataFile (Join-Path $ModuleFolder 'LifePos.psd1')
    $script:Pwsh = Join-Path $PSHOME 'pwsh.dll'
    Import-Module (Join-Path $PSScriptRoot 'PowerShell7Only.psm1') -Force
}

Describe 'The Windows PowerShell 5.1 check (PowerShell7Only.psm1) on planted snippets' {
    It 'flags <Problem>' -ForEach @(
        @{ Problem = 'the ternary operator'; Code = '$mode = $whatIf ? "plan" : "run"'; Expected = "'?:'" }
        @{ Problem = '??'; Code = '$name = $row.Name ?? "unnamed"'; Expected = "'??'" }
        @{ Problem = '??='; Code = '$name ??= "unnamed"'; Expected = "'??='" }
        @{ Problem = '&&'; Code = 'Import-Module LifePos && Connect-LifePos -FromEnvironment'; Expected = "'&&'" }
        @{ Problem = '||'; Code = 'Test-Path wp.csv || Write-Warning "no file"'; Expected = "'||'" }
        @{ Problem = '?.'; Code = '${row}?.Name'; Expected = "'?.'" }
        @{ Problem = 'ForEach-Object -Parallel'; Code = 'Import-Csv wp.csv | ForEach-Object -Parallel { $_ }'; Expected = 'ForEach-Object -Parallel' }
        @{ Problem = '% -Parallel'; Code = '1..3 | % -Parallel { $_ }'; Expected = 'ForEach-Object -Parallel' }
        @{ Problem = '-Encoding utf8BOM'; Code = 'Get-LifePosWorkplace | Export-Csv wp.csv -Delimiter ";" -Encoding utf8BOM -NoTypeInformation'; Expected = '-Encoding utf8BOM' }
        @{ Problem = '-Encoding:utf8NoBOM'; Code = 'Get-LifePosWorkplace | Out-File wp.txt -Encoding:utf8NoBOM'; Expected = '-Encoding utf8NoBOM' }
        @{ Problem = 'Export-Csv without -Encoding'; Code = '$failed.TargetObject | Export-Csv retry.csv -NoTypeInformation'; Expected = 'Export-Csv without -Encoding' }
        @{ Problem = 'Export-Csv without -NoTypeInformation'; Code = 'Get-LifePosWorkplace | Export-Csv wp.csv -Encoding UTF8'; Expected = 'Export-Csv without -NoTypeInformation' }
        @{ Problem = 'ConvertFrom-Json -AsHashtable'; Code = 'Get-Content changes.jsonl | ConvertFrom-Json -AsHashtable'; Expected = 'ConvertFrom-Json -AsHashtable' }
        @{ Problem = 'ConvertFrom-Json -Depth'; Code = '$text | ConvertFrom-Json -Depth 5'; Expected = 'ConvertFrom-Json -Depth' }
        @{ Problem = 'ConvertFrom-Json -DateKind'; Code = '$text | ConvertFrom-Json -DateKind String'; Expected = 'ConvertFrom-Json -DateKind' }
        @{ Problem = 'ConvertTo-Json -EnumsAsStrings'; Code = 'Get-LifePosWorkplace | ConvertTo-Json -EnumsAsStrings'; Expected = 'ConvertTo-Json -EnumsAsStrings' }
        @{ Problem = 'Export-Csv -UseQuotes'; Code = 'Get-LifePosWorkplace | Export-Csv wp.csv -Encoding UTF8 -NoTypeInformation -UseQuotes AsNeeded'; Expected = 'Export-Csv -UseQuotes' }
        @{ Problem = 'an abbreviated 7-only parameter'; Code = '$text | ConvertFrom-Json -AsHash'; Expected = 'ConvertFrom-Json -AsHashtable' }
        @{ Problem = 'a 7-only cmdlet'; Code = 'Get-Error -Newest 1'; Expected = 'Get-Error is PowerShell 7 only' }
        @{ Problem = '$IsWindows'; Code = 'if ($IsWindows) { $path = "C:\LifePos" }'; Expected = '$IsWindows' }
        @{ Problem = 'the `e escape'; Code = '"`e[1mbold`e[0m"'; Expected = 'escapes' }
        @{ Problem = 'code that does not parse'; Code = 'Get-LifePosWorkplace | Where-Object {'; Expected = 'does not parse' }
    ) {
        $found = @(Find-PowerShell7Only -Code $Code -Source 'planted')
        $found.Count | Should -Be 1 -Because ($found.Problem -join '; ')
        $found[0].Problem | Should -BeLike "*$Expected*"
        $found[0].Source | Should -Be 'planted'
        $found[0].Line | Should -Be 1
    }

    It 'flags nothing in <Title>' -ForEach @(
        @{ Title = 'a CSV for Excel in 5.1'; Code = 'Get-LifePosWorkplace | Export-Csv wp.csv -Delimiter ";" -Encoding UTF8 -NoTypeInformation' }
        @{ Title = 'ConvertTo-Json -Depth, which 5.1 has'; Code = 'Get-LifePosConnection | ConvertTo-Json -Depth 10' }
        @{ Title = 'an encoding in a variable'; Code = '$rows | Export-Csv $path -Encoding $encoding -NoType' }
        @{ Title = 'parameters in a splat'; Code = '$csv = @{ Encoding = "UTF8"; NoTypeInformation = $true }; $rows | Export-Csv $path @csv' }
        @{ Title = 'if and ForEach-Object'; Code = "if (`$row) { 1 } else { 2 }`n1..3 | ForEach-Object { `$_ * 2 }" }
    ) {
        Find-PowerShell7Only -Code $Code | Should -BeNullOrEmpty
    }

    It 'knows code marked for PowerShell 7 by its leading comments, and only by them' {
        Test-PowerShell7Marked "# PowerShell 7: utf8BOM writes the BOM`nExport-Csv wp.csv -Encoding utf8BOM" | Should -BeTrue
        Test-PowerShell7Marked "# needs a real account`n# PowerShell 7 only`n1..3 | % -Parallel { `$_ }" | Should -BeTrue
        Test-PowerShell7Marked 'Export-Csv wp.csv -Encoding utf8BOM   # PowerShell 7' | Should -BeFalse
        Test-PowerShell7Marked "# Windows PowerShell 5.1`nExport-Csv wp.csv -Encoding UTF8" | Should -BeFalse
    }
}

Describe 'What the module ships and documents runs on Windows PowerShell 5.1' {
    It 'finds code in each place it looks: the manifest, the nested module, the format file, every cmdlet''s help, about_LifePos, the examples and the README' {
        $names = @($Documents.Document)
        foreach ($place in 'out/LifePos/LifePos.psd1', 'out/LifePos/LifePos.Requirements.psm1', 'LifePos.Format.ps1xml', 'about_LifePos', 'README.md') {
            $names | Should -Contain $place
        }
        foreach ($cmdlet in $Manifest.CmdletsToExport) { $names | Should -Contain "Get-Help $cmdlet" }
        foreach ($script in Get-ChildItem (Join-Path $Root 'examples') -Filter *.ps1) { $names | Should -Contain "examples/$($script.Name)" }
        @(($Documents | Where-Object Document -EQ 'about_LifePos').Pieces).Count | Should -BeGreaterThan 10
        @(($Documents | Where-Object Document -EQ 'README.md').Pieces).Count | Should -BeGreaterThan 3
    }

    It '<Document>: nothing 5.1 lacks' -ForEach $Documents {
        $found = @(foreach ($piece in $Pieces) { Find-PowerShell7Only -Code $piece.Code -Source $piece.Source })
        $found | ForEach-Object { "$($_.Source), line $($_.Line): $($_.Problem)" } | Should -BeNullOrEmpty
    }

    It 'the manifest uses only keys Windows PowerShell 5.1 knows' {
        $known = 'RootModule', 'ModuleToProcess', 'ModuleVersion', 'CompatiblePSEditions', 'GUID', 'Author', 'CompanyName', 'Copyright',
        'Description', 'PowerShellVersion', 'PowerShellHostName', 'PowerShellHostVersion', 'DotNetFrameworkVersion', 'CLRVersion',
        'ProcessorArchitecture', 'RequiredModules', 'RequiredAssemblies', 'ScriptsToProcess', 'TypesToProcess', 'FormatsToProcess',
        'NestedModules', 'FunctionsToExport', 'CmdletsToExport', 'VariablesToExport', 'AliasesToExport', 'DscResourcesToExport',
        'ModuleList', 'FileList', 'PrivateData', 'HelpInfoURI', 'DefaultCommandPrefix'
        $Manifest.Keys | Where-Object { $_ -notin $known } | Should -BeNullOrEmpty
        $Manifest.PrivateData.PSData.Keys | Where-Object { $_ -notin 'Tags', 'LicenseUri', 'ProjectUri', 'IconUri', 'ReleaseNotes' } |
            Should -BeNullOrEmpty -Because 'PowerShellGet 1.x publishes only these PSData keys'
    }
}

Describe 'Import on .NET Framework older than 4.7.2 (LifePos.Requirements.psm1)' {
    BeforeAll {
        $script:Requirements = Join-Path $ModuleFolder 'LifePos.Requirements.psm1'
    }

    It 'stops at release <Release> (<Found>), naming what to install' -ForEach @(
        @{ Release = 461308; Found = '.NET Framework 4.7.1 (release 461308)' }
        @{ Release = 460798; Found = '.NET Framework 4.7 (release 460798)' }
        @{ Release = 394254; Found = '.NET Framework 4.6.1 (release 394254)' }
        @{ Release = 378389; Found = '.NET Framework 4.5 (release 378389)' }
        @{ Release = $null; Found = 'a .NET Framework older than 4.5' }
    ) {
        { Import-Module $Requirements -ArgumentList 'Desktop', $Release -Force } |
            Should -Throw -ExpectedMessage "LifePos needs .NET Framework 4.7.2 or later, and this Windows PowerShell runs on $Found. Install .NET Framework 4.8 *"
    }

    It 'lets <Edition> with release <Release> through' -ForEach @(
        @{ Edition = 'Desktop'; Release = 461808 }
        @{ Edition = 'Desktop'; Release = 461814 }
        @{ Edition = 'Desktop'; Release = 528040 }
        @{ Edition = 'Desktop'; Release = 533320 }
        @{ Edition = 'Core'; Release = $null }
    ) {
        { Import-Module $Requirements -ArgumentList $Edition, $Release -Force } | Should -Not -Throw
        Remove-Module LifePos.Requirements
    }

    It 'is a nested module of LifePos that exports nothing and leaves nothing in the session' {
        $Manifest.NestedModules | Should -Be 'LifePos.Requirements.psm1'
        $probe = "Import-Module '$ModuleFolder/LifePos.psd1'; (Get-Module).Name -join ','; (Get-Module LifePos).NestedModules.Name; " +
            '@(Get-Command -Module LifePos).Count; @(Get-Variable Required, Older, Found -ErrorAction Ignore).Count'
        $output = @(& dotnet $Pwsh -NoProfile -NonInteractive -Command $probe)
        $LASTEXITCODE | Should -Be 0
        $output | Should -Be 'LifePos', 'LifePos.Requirements', $Manifest.CmdletsToExport.Count, 0
    }

    It 'runs before LifePos.dll: when it stops the import, no cmdlet was loaded' {
        $copy = Join-Path $TestDrive 'LifePos'
        Copy-Item $ModuleFolder $copy -Recurse
        Set-Content -LiteralPath (Join-Path $copy 'LifePos.Requirements.psm1') -Value "throw 'planted: .NET Framework too old'"
        $probe = "try { Import-Module '$copy/LifePos.psd1' } catch { 'stopped: ' + `$_ }; " +
            '[bool](Get-Command Connect-LifePos -ErrorAction Ignore); [bool](Get-Module LifePos)'
        $output = @(& dotnet $Pwsh -NoProfile -NonInteractive -Command $probe)
        $output | Should -Be 'stopped: planted: .NET Framework too old', 'False', 'False'
    }
}
