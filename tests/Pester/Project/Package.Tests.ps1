# The module as a user gets it: packaged, published to a repository, installed by name into a clean profile, and run.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../LifePos.TestHelpers.psm1')
    $script:Root = Get-TestPath Root
    $script:ModuleFolder = Get-TestPath ModuleFolder
    $script:Manifest = Import-PowerShellDataFile (Join-Path $ModuleFolder 'LifePos.psd1')
    $script:PackageOut = Join-Path $TestDrive 'package'
    $script:Repository = Join-Path $PackageOut 'repository'
    $script:UserRepositoryFile = Join-Path ([Environment]::GetFolderPath('LocalApplicationData')) 'PSResourceGet/PSResourceRepository.xml'
    function Get-FileState([string] $Path) {
        if (Test-Path -LiteralPath $Path) { (Get-FileHash -LiteralPath $Path).Hash } else { 'absent' }
    }
    $script:UserRepositoryBefore = Get-FileState $UserRepositoryFile

    & (Join-Path $Root 'src/Packaging/Publish-LocalPackage.ps1') -ModulePath $ModuleFolder -OutputPath $PackageOut 6>$null
}

Describe 'src/Packaging/Publish-LocalPackage.ps1 (./build.ps1 Package)' {
    It 'writes a versioned module folder with the help, the licence and the dependencies' {
        $versioned = Join-Path $PackageOut "LifePos/$($Manifest.ModuleVersion)"
        foreach ($file in 'LifePos.psd1', 'LifePos.dll', 'LifePos.Format.ps1xml', 'LifePos.Requirements.psm1', 'en-US/LifePos.dll-Help.xml',
            'en-US/about_LifePos.help.txt', 'LICENSE', 'CHANGELOG.md', 'System.Text.Json.dll') {
            Join-Path $versioned $file | Should -Exist
        }
    }

    It 'publishes LifePos.(version).nupkg to the local repository' {
        Join-Path $Repository "LifePos.$($Manifest.ModuleVersion).nupkg" | Should -Exist
    }

    It 'writes LifePos-(version).zip: the versioned folder, which imports by name once unpacked into a PSModulePath folder' {
        $version = $Manifest.ModuleVersion
        $zip = Join-Path $PackageOut "LifePos-$version.zip"
        $zip | Should -Exist
        $versioned = Join-Path $PackageOut "LifePos/$version"
        $expected = @(Get-ChildItem -LiteralPath $versioned -File -Recurse | ForEach-Object {
                "LifePos/$version/" + [IO.Path]::GetRelativePath($versioned, $_.FullName).Replace('\', '/')
            })
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $archive = [IO.Compression.ZipFile]::OpenRead($zip)
        try { $entries = @($archive.Entries.FullName) } finally { $archive.Dispose() }
        $entries | Sort-Object | Should -Be ($expected | Sort-Object)

        $modules = Join-Path $TestDrive 'unpacked'
        Expand-Archive -LiteralPath $zip -DestinationPath $modules
        $probe = "`$env:PSModulePath = '$modules' + [IO.Path]::PathSeparator + `$env:PSModulePath; Import-Module LifePos; " +
            "(Get-Module LifePos).ModuleBase; @(Get-Command -Module LifePos).Count"
        $output = @(& dotnet (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive -Command $probe)
        $LASTEXITCODE | Should -Be 0
        $output[0] | Should -Be (Join-Path $modules "LifePos$([IO.Path]::DirectorySeparatorChar)$version")
        $output[1] | Should -Be $Manifest.CmdletsToExport.Count
    }

    It 'never touches the user''s PSResourceGet repositories' {
        Get-FileState $UserRepositoryFile | Should -Be $UserRepositoryBefore
    }
}

Describe 'Install-PSResource LifePos in a fresh pwsh with a clean profile' {
    BeforeAll {
        $script:ProfileRoot = Join-Path $TestDrive 'home'
        $null = New-Item -ItemType Directory $ProfileRoot
        $script:ResultFile = Join-Path $TestDrive 'install-result.json'
        $script:Csv = Join-Path $TestDrive 'workplaces.csv'
        Copy-Item (Join-Path $Root 'examples/workplaces.csv') $Csv
        $child = Join-Path $TestDrive 'install-and-run.ps1'
        Set-Content -LiteralPath $child -Encoding utf8 -Value @'
param($Repository, $Provision, $EmulatorLauncher, $Csv, $ResultFile)
$ErrorActionPreference = 'Stop'
$result = [ordered]@{}
Register-PSResourceRepository -Name LifePosLocal -Uri $Repository -Trusted
Install-PSResource -Name LifePos -Repository LifePosLocal -Scope CurrentUser -TrustRepository
# PSResourceGet's CurrentUser folder ($HOME/.local/share/powershell/Modules) is not on pwsh's own path when
# XDG_DATA_HOME is set: put the installed location first, as a profile would.
$installed = (Get-InstalledPSResource -Name LifePos).InstalledLocation
$env:PSModulePath = $installed + [IO.Path]::PathSeparator + $env:PSModulePath
Import-Module LifePos
$result.ModuleBase = (Get-Module LifePos).ModuleBase
$result.Commands = @(Get-Command -Module LifePos | ForEach-Object Name)
$result.Examples = @((Get-Help New-LifePosWorkplace -Examples).examples.example).Count
$result.ExamplesText = Get-Help New-LifePosWorkplace -Examples | Out-String

Import-Module $EmulatorLauncher
$emulator = Start-LifePosEmulator
try {
    Connect-LifePos -BaseUri $emulator.BaseUri -Token (ConvertTo-SecureString $emulator.Token -AsPlainText -Force)
    $result.Connection = "$(Get-LifePosConnection)"
    $env:LIFEPOS_TOKEN = $emulator.Token
    & $Provision -CsvPath $Csv -BaseUri $emulator.BaseUri
    $result.ProvisionExitCode = $LASTEXITCODE
    Connect-LifePos -BaseUri $emulator.BaseUri -Token (ConvertTo-SecureString $emulator.Token -AsPlainText -Force)
    $result.Alive = @(Get-LifePosWorkplace | ForEach-Object Name)
}
finally {
    $emulator | Stop-LifePosEmulator
}
$result | ConvertTo-Json -Depth 3 | Set-Content -LiteralPath $ResultFile -Encoding utf8
'@
        $saved = @{}
        $variables = 'HOME', 'XDG_DATA_HOME', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME', 'LOCALAPPDATA', 'APPDATA', 'USERPROFILE'
        try {
            foreach ($name in $variables) {
                $saved[$name] = [Environment]::GetEnvironmentVariable($name)
                [Environment]::SetEnvironmentVariable($name, $ProfileRoot)
            }
            & dotnet (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive -File $child -Repository $Repository `
                -Provision (Join-Path $Root 'examples/Provision-FromCsv.ps1') `
                -EmulatorLauncher (Get-TestPath Launcher) `
                -Csv $Csv -ResultFile $ResultFile | Out-Host
            $script:ExitCode = $LASTEXITCODE
        }
        finally {
            foreach ($name in $variables) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
        }
        $script:Result = if (Test-Path $ResultFile) { Get-Content -Raw $ResultFile | ConvertFrom-Json }
    }

    It 'installs from the local repository into the temporary profile' {
        $ExitCode | Should -Be 0
        $Result.ModuleBase | Should -BeLike "$ProfileRoot*"
        $Result.ModuleBase | Should -Match ([regex]::Escape("LifePos$([IO.Path]::DirectorySeparatorChar)$($Manifest.ModuleVersion)") + '$')
    }

    It 'imports by name and exports exactly the cmdlets of the manifest' {
        $Result.Commands | Sort-Object | Should -Be ($Manifest.CmdletsToExport | Sort-Object)
    }

    It 'has help: Get-Help New-LifePosWorkplace -Examples shows the examples' {
        $Result.Examples | Should -BeGreaterOrEqual 2
        $Result.ExamplesText | Should -Match 'Import-Csv workplaces.csv \| New-LifePosWorkplace'
    }

    It 'connects to the emulator and runs examples/Provision-FromCsv.ps1 end to end' {
        $Result.Connection | Should -Match 'organization'
        $Result.ProvisionExitCode | Should -Be 0
        foreach ($name in Import-Csv $Csv | ForEach-Object name) { $Result.Alive | Should -Contain $name }
    }

    It 'never touches the user''s PSResourceGet repositories' {
        Get-FileState $UserRepositoryFile | Should -Be $UserRepositoryBefore
    }
}

Describe 'Ready for Windows PowerShell 5.1' {
    BeforeAll {
        Import-LifePosUnderTest
        $script:Assembly = [LifePos.ModuleInfo].Assembly
        $script:Resolver = $Assembly.GetType('LifePos.Module.DependencyResolver', $true)
        $script:Static = [Reflection.BindingFlags]'NonPublic, Static'
    }

    It 'declares both editions and PowerShell 5.1' {
        $Manifest.CompatiblePSEditions | Sort-Object | Should -Be 'Core', 'Desktop'
        $Manifest.PowerShellVersion | Should -Be '5.1'
        foreach ($key in 'Tags', 'ProjectUri', 'LicenseUri', 'ReleaseNotes') { $Manifest.PrivateData.PSData[$key] | Should -Not -BeNullOrEmpty }
        $Manifest.PrivateData.PSData.Tags | Should -Contain 'cash-register'
    }

    It 'is a .NET Standard 2.0 assembly that references only netstandard, PowerShell and the dependencies it ships' {
        $framework = $Assembly.GetCustomAttributes([Runtime.Versioning.TargetFrameworkAttribute], $false)[0].FrameworkName
        $framework | Should -Be '.NETStandard,Version=v2.0'
        $shipped = @($Resolver.GetProperty('DependencyNames', $Static).GetValue($null))
        foreach ($reference in $Assembly.GetReferencedAssemblies()) {
            $reference.Name | Should -BeIn (@('netstandard', 'System.Management.Automation') + $shipped)
        }
    }

    It 'ships every dependency the .NET Framework resolver may load' {
        foreach ($name in $Resolver.GetProperty('DependencyNames', $Static).GetValue($null)) {
            Join-Path $ModuleFolder "$name.dll" | Should -Exist
        }
    }

    It 'does nothing on PowerShell 7: no AssemblyResolve handler' {
        $Resolver.GetProperty('IsNetFramework', $Static).GetValue($null) | Should -BeFalse
        $Resolver.GetProperty('IsRegistered', $Static).GetValue($null) | Should -BeFalse
    }

    It 'answers only for its own dependencies, preferring a loaded copy at least as new' {
        $resolve = $Resolver.GetMethod('Resolve', $Static)
        $json = $resolve.Invoke($null, @([Reflection.AssemblyName]'System.Text.Json, Version=8.0.0.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51', [string]$ModuleFolder))
        $json.GetName().Version | Should -BeGreaterOrEqual ([version]'8.0.0.0')
        $json.GetName().Name | Should -Be 'System.Text.Json'
        $resolve.Invoke($null, @([Reflection.AssemblyName]'Newtonsoft.Json, Version=13.0.0.0', [string]$ModuleFolder)) | Should -BeNullOrEmpty
        # System.Memory asks for an older Unsafe than System.Text.Json ships with: any copy at least as new will do.
        $unsafe = $resolve.Invoke($null, @([Reflection.AssemblyName]'System.Runtime.CompilerServices.Unsafe, Version=4.0.4.1', [string]$ModuleFolder))
        $unsafe.GetName().Version | Should -BeGreaterOrEqual ([version]'4.0.4.1')
        # A version newer than anything loaded or shipped is left to the runtime (and fails there, loudly).
        $resolve.Invoke($null, @([Reflection.AssemblyName]'System.Buffers, Version=99.0.0.0', [string]$ModuleFolder)) | Should -BeNullOrEmpty
    }
}
