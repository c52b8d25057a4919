<#
.SYNOPSIS
    Packages the built module: a versioned module folder and a .nupkg in a local PSResourceGet file repository.
.DESCRIPTION
    Writes, under -OutputPath (out/package/ from build.ps1):
        LifePos/<version>/                   the module folder as Install-PSResource lays it out, with LICENSE and
                                             CHANGELOG.md; put out/package on PSModulePath to Import-Module LifePos
        repository/LifePos.<version>.nupkg   published with Publish-PSResource
        LifePos-<version>.zip                the versioned folder as LifePos/<version>/, for a machine with no
                                             repository at all: unpack it into a folder on PSModulePath
    out/LifePos/ stays the flat Build output that scripts and tests import by path.

    PSResourceGet keeps registered repositories in a file under the user's LocalApplicationData
    (PSResourceRepository.xml). The publish therefore runs in a child pwsh whose HOME, XDG_* and LOCALAPPDATA point to
    a temporary folder: the user's repositories are never read or changed, and the temporary one is gone afterwards.
.EXAMPLE
    dotnet pwsh ./src/Packaging/Publish-LocalPackage.ps1 -ModulePath ./out/LifePos -OutputPath ./out/package
#>
[CmdletBinding()]
param(
    # The built module folder (out/LifePos).
    [Parameter(Mandatory)] [string] $ModulePath,
    # Where the versioned folder and the repository go (out/package).
    [Parameter(Mandatory)] [string] $OutputPath,
    # Files from the repository root that ship in the package.
    [string[]] $IncludeFile = @(
        (Join-Path $PSScriptRoot '../../LICENSE')
        (Join-Path $PSScriptRoot '../../CHANGELOG.md')
    )
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$ModulePath = (Resolve-Path -LiteralPath $ModulePath).ProviderPath
$OutputPath = [IO.Path]::GetFullPath($OutputPath)
$manifestPath = Join-Path $ModulePath 'LifePos.psd1'
if (-not (Test-Path $manifestPath)) { throw "No built module at $ModulePath. Run: dotnet pwsh ./build.ps1 Build" }
if (-not (Test-Path (Join-Path $ModulePath 'en-US/LifePos.dll-Help.xml'))) { throw "The module at $ModulePath has no help. Run: dotnet pwsh ./build.ps1 Build" }
$version = (Import-PowerShellDataFile $manifestPath).ModuleVersion

$moduleFolder = Join-Path $OutputPath "LifePos/$version"
Remove-Item -LiteralPath $moduleFolder -Recurse -Force -ErrorAction SilentlyContinue
$null = New-Item -ItemType Directory -Force $moduleFolder
# Debug symbols are for development; the package carries what runs.
Get-ChildItem -LiteralPath $ModulePath -Exclude '*.pdb' | Copy-Item -Destination $moduleFolder -Recurse
foreach ($file in $IncludeFile) { Copy-Item -LiteralPath $file -Destination $moduleFolder }

$repository = Join-Path $OutputPath 'repository'
$null = New-Item -ItemType Directory -Force $repository
Remove-Item -LiteralPath (Join-Path $repository "LifePos.$version.nupkg") -ErrorAction SilentlyContinue

$isolated = Join-Path ([IO.Path]::GetTempPath()) ('lifepos-psresource-' + [Guid]::NewGuid().ToString('N'))
$null = New-Item -ItemType Directory $isolated
$publish = Join-Path $isolated 'publish.ps1'
Set-Content -LiteralPath $publish -Encoding utf8 -Value @'
param([string] $Repository, [string] $Manifest)
$ErrorActionPreference = 'Stop'
Register-PSResourceRepository -Name LifePosLocal -Uri $Repository -Trusted
Publish-PSResource -Path $Manifest -Repository LifePosLocal
'@
$saved = @{}
$variables = 'HOME', 'XDG_DATA_HOME', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME', 'LOCALAPPDATA', 'APPDATA', 'USERPROFILE'
try {
    foreach ($name in $variables) {
        $saved[$name] = [Environment]::GetEnvironmentVariable($name)
        [Environment]::SetEnvironmentVariable($name, $isolated)
    }
    & dotnet (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive -File $publish -Repository $repository -Manifest (Join-Path $moduleFolder 'LifePos.psd1')
    if ($LASTEXITCODE -ne 0) { throw "Publish-PSResource failed with exit code $LASTEXITCODE." }
}
finally {
    foreach ($name in $variables) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
    Remove-Item -LiteralPath $isolated -Recurse -Force -ErrorAction SilentlyContinue
}

$package = Join-Path $repository "LifePos.$version.nupkg"
if (-not (Test-Path $package)) { throw "Publish-PSResource reported success but $package is missing." }

# Entries named with '/' whatever the OS, under LifePos/<version>/: the layout Install-Module makes, so unpacking the
# zip into a folder on PSModulePath is an install.
Add-Type -AssemblyName System.IO.Compression, System.IO.Compression.FileSystem
$zipPath = Join-Path $OutputPath "LifePos-$version.zip"
Remove-Item -LiteralPath $zipPath -ErrorAction SilentlyContinue
$zip = [IO.Compression.ZipFile]::Open($zipPath, [IO.Compression.ZipArchiveMode]::Create)
try {
    foreach ($file in Get-ChildItem -LiteralPath $moduleFolder -File -Recurse) {
        $entry = "LifePos/$version/" + [IO.Path]::GetRelativePath($moduleFolder, $file.FullName).Replace('\', '/')
        $null = [IO.Compression.ZipFileExtensions]::CreateEntryFromFile($zip, $file.FullName, $entry, [IO.Compression.CompressionLevel]::Optimal)
    }
}
finally {
    $zip.Dispose()
}
Write-Host "Package:  $moduleFolder"
Write-Host "NuGet:    $package (local repository $repository)"
Write-Host "Zip:      $zipPath"
