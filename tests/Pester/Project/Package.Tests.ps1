# The module and the emulator as a user gets them: packaged, published to a repository, installed by name (the module
# into a clean profile, the lifepos-emulator tool into a temporary --tool-path), and run: a Sync rehearsed against an
# --import-ed copy of an organization plans what it plans against that organization.
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
    # As build.ps1 Package does: the tool beside the module, same version.
    & dotnet pack (Join-Path $Root 'src/LifePos.Emulator/LifePos.Emulator.csproj') -c Release -o $Repository "-p:Version=$($Manifest.ModuleVersion)" --nologo -v quiet | Out-Host
    $script:PackExitCode = $LASTEXITCODE
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

    It 'packs the emulator as the .NET tool LifePos.Emulator.(version).nupkg beside it' {
        $PackExitCode | Should -Be 0
        Join-Path $Repository "LifePos.Emulator.$($Manifest.ModuleVersion).nupkg" | Should -Exist
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
        # The tool by name from the local repository only, through a NuGet cache of its own (never a stale copy).
        $script:ToolPath = Join-Path $TestDrive 'tools'
        $savedPackages = $env:NUGET_PACKAGES
        $env:NUGET_PACKAGES = Join-Path $TestDrive 'nuget-packages'
        try {
            & dotnet tool install LifePos.Emulator --tool-path $ToolPath --source $Repository --version $Manifest.ModuleVersion | Out-Host
            $script:ToolExitCode = $LASTEXITCODE
        }
        finally {
            $env:NUGET_PACKAGES = $savedPackages
        }
        $script:ResultFile = Join-Path $TestDrive 'install-result.json'
        $script:Csv = Join-Path $TestDrive 'workplaces.csv'
        Copy-Item (Join-Path $Root 'examples/workplaces.csv') $Csv
        $child = Join-Path $TestDrive 'install-and-run.ps1'
        Set-Content -LiteralPath $child -Encoding utf8 -Value @'
param($Repository, $Provision, $ToolPath, $Csv, $ResultFile)
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

# A user's machine: nothing names a build of the emulator.
$env:LIFEPOS_EMULATOR_PATH = $null
try { $null = Start-LifePosEmulator } catch { $result.MissingTool = "$($_.FullyQualifiedErrorId): $_" }
# The installed tool, found on PATH as after dotnet tool install --global.
$env:PATH = $ToolPath + [IO.Path]::PathSeparator + $env:PATH
$emulator = Start-LifePosEmulator -Seed 12
try {
    $result.Dashboard = (Invoke-WebRequest $emulator.DashboardUri).Content -match '<title>LIFE POS emulator</title>'
    Connect-LifePos -BaseUri $emulator.BaseUri -Token $emulator.SecureToken
    $result.Connection = "$(Get-LifePosConnection)"
    # The source organization: one archived workplace; exported with a semicolon and a BOM, as Excel likes it.
    Get-LifePosWorkplace -Number 4 | Remove-LifePosWorkplace -Confirm:$false
    $export = Join-Path (Split-Path $Csv) 'organization.csv'
    Get-LifePosWorkplace -Selection All | Export-Csv $export -Delimiter ';' -Encoding utf8BOM -NoTypeInformation
    $rows = Join-Path (Split-Path $Csv) 'sync.csv'
    @(
        [pscustomobject]@{ Name = 'Касса 0002'; WorkplaceType = ''; Meta = 'kitchen' }
        [pscustomobject]@{ Name = 'Касса 0003'; WorkplaceType = ''; Meta = '' }
        [pscustomobject]@{ Name = 'Касса 0004'; WorkplaceType = ''; Meta = 'back again' }
        [pscustomobject]@{ Name = 'Новая касса'; WorkplaceType = 'Mobile'; Meta = 'new' }
    ) | Export-Csv $rows -NoTypeInformation -Encoding utf8
    function Get-Plan { @(Import-Csv $rows | Sync-LifePosWorkplace -IncludeArchived -ArchiveUnlisted -Force | ForEach-Object { "$($_.Action) #$($_.Number) $($_.Name): $($_.Changes | ConvertTo-Json -Compress -Depth 4)" }) }

    $copy = Start-LifePosEmulator -Import $export -Export (Join-Path (Split-Path $Csv) 'after.csv')
    try {
        $result.CopyOrganization = $copy.OrganizationId -eq $emulator.OrganizationId
        Connect-LifePos -BaseUri $copy.BaseUri -Token $copy.SecureToken
        $result.CopyPlan = Get-Plan
    }
    finally {
        $copy | Stop-LifePosEmulator
    }
    $result.AfterCopy = @(Import-Csv (Join-Path (Split-Path $Csv) 'after.csv') | ForEach-Object { "$($_.Number) $($_.Name) $($_.Meta) $($_.IsArchived)" })
    Connect-LifePos -BaseUri $emulator.BaseUri -Token $emulator.SecureToken
    $result.SourcePlan = Get-Plan
    $result.AfterSource = @(Get-LifePosWorkplace -Selection All | ForEach-Object { "$($_.Number) $($_.Name) $($_.Meta) $($_.IsArchived)" })

    $token = [Net.NetworkCredential]::new('', $emulator.SecureToken).Password
    $env:LIFEPOS_TOKEN = $token
    & $Provision -CsvPath $Csv -BaseUri $emulator.BaseUri
    $result.ProvisionExitCode = $LASTEXITCODE
    Connect-LifePos -BaseUri $emulator.BaseUri -Token $emulator.SecureToken
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
                -Provision (Join-Path $Root 'examples/Provision-FromCsv.ps1') -ToolPath $ToolPath `
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

    It 'installs the lifepos-emulator tool by name into a --tool-path' {
        $ToolExitCode | Should -Be 0
        Get-ChildItem $ToolPath -Filter 'lifepos-emulator*' | Should -Not -BeNullOrEmpty
    }

    It 'says how to install the tool when it is not on PATH' {
        $Result.MissingTool | Should -BeLike 'LifePos.EmulatorNotFound*dotnet tool install --global LifePos.Emulator*'
    }

    It 'starts the installed tool with Start-LifePosEmulator, serves the dashboard, and connects with the installed module' {
        $Result.Dashboard | Should -BeTrue
        $Result.Connection | Should -Match 'organization'
    }

    It 'rehearses a Sync on an --import-ed copy: the same organization, and the plan equals the plan against the source' {
        $Result.CopyOrganization | Should -BeTrue
        $Result.CopyPlan.Count | Should -BeGreaterThan 4
        $Result.CopyPlan -join "`n" | Should -Match '(?m)^Restored #4 '
        $Result.CopyPlan -join "`n" | Should -Match '(?m)^Created #13 Новая касса'
        $Result.CopyPlan -join "`n" | Should -Match '(?m)^Archived #1 '
        $Result.CopyPlan | Should -Be $Result.SourcePlan
        $Result.AfterCopy | Should -Be $Result.AfterSource
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
