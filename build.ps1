<#
.SYNOPSIS
    Builds, tests and demonstrates the LifePos module. Each task runs alone: ./build.ps1 Test
.DESCRIPTION
    Build     publishes the module to out/LifePos/ (with its help, generated from docs/help/) and the emulator to
              out/LifePos.Emulator/.
    Test      runs every xunit and Pester test and prints one closing line: N passed, N failed, N skipped. The Pester
              tests tagged Variants run again on each answer variant of the emulator (tests/Pester/AnswerVariants.psd1).
    Demo      builds, starts the emulator on a free port, runs the examples against it, and stops it.
    Package   builds, then writes the versioned module folder out/package/LifePos/<version>/, a .nupkg in the
              local PSResourceGet repository out/package/repository/, and out/package/LifePos-<version>.zip of the
              versioned folder (see src/Packaging/Publish-LocalPackage.ps1), and beside the module's .nupkg
              LifePos.Emulator.<version>.nupkg, the emulator as a .NET tool (command lifepos-emulator).
    Bench     builds, then runs the side-by-side benchmarks (bench/Invoke-Benchmarks.ps1) and writes out/bench/results.json
              and out/bench/results.md; -Quick runs a reduced version in under a minute.
    Emulator  starts the emulator in the foreground (Ctrl+C stops it).
    Clean     removes out/ and every bin/ and obj/ folder.
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0)]
    [ValidateSet('Build', 'Test', 'Demo', 'Bench', 'Emulator', 'Clean', 'Package')]
    [string[]] $Task = 'Build',

    # For Bench: the reduced run.
    [switch] $Quick,

    # Port for the Emulator task.
    [int] $Port = 5080
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$Root = $PSScriptRoot
$Out = Join-Path $Root 'out'
$ModuleOut = Join-Path $Out 'LifePos'
$EmulatorOut = Join-Path $Out 'LifePos.Emulator'
$TestResults = Join-Path $Out 'test-results'
$PackageOut = Join-Path $Out 'package'
$PesterVersion = '5.7.1'

function Invoke-Dotnet {
    & dotnet @args
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args -join ' ') failed with exit code $LASTEXITCODE." }
}

# A fresh pwsh, the same version as this one, for Pester and benchmarks: a loaded binary module cannot be unloaded.
function Get-PwshCommand { @('dotnet', (Join-Path $PSHOME 'pwsh.dll'), '-NoProfile', '-NonInteractive') }

function Invoke-BuildTask {
    Invoke-Dotnet publish (Join-Path $Root 'src/LifePos/LifePos.csproj') -c Release -o $ModuleOut --nologo -v quiet
    Invoke-Dotnet publish (Join-Path $Root 'src/LifePos.Emulator/LifePos.Emulator.csproj') -c Release -o $EmulatorOut --nologo -v quiet
    Write-Host "Module:   $ModuleOut"
    Write-Host "Emulator: $(Join-Path $EmulatorOut 'LifePos.Emulator.dll')"
    Invoke-HelpGeneration
}

# en-US/LifePos.dll-Help.xml and about_LifePos.help.txt from docs/help/, with parameter metadata read from the built
# cmdlets; fails when the help and the cmdlets disagree. A fresh pwsh, so this process never loads the module.
function Invoke-HelpGeneration {
    $pwsh = Get-PwshCommand
    & $pwsh[0] $pwsh[1..($pwsh.Count - 1)] -File (Join-Path $Root 'docs/help/Build-Help.ps1') -ModulePath $ModuleOut
    if ($LASTEXITCODE -ne 0) { throw "The help does not match the cmdlets (docs/help/Build-Help.ps1 exit code $LASTEXITCODE)." }
}

function Get-PesterManifest {
    Invoke-Dotnet restore (Join-Path $Root 'tests/PesterPackage/PesterPackage.csproj') --nologo -v quiet
    $packages = (& dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', ''
    $manifest = Join-Path $packages.Trim() "pester/$PesterVersion/tools/Pester.psd1"
    if (-not (Test-Path $manifest)) { throw "Pester $PesterVersion was not found at $manifest after restore." }
    $manifest
}

function Invoke-XunitTests {
    $trxFolder = Join-Path $TestResults 'xunit'
    Remove-Item $trxFolder -Recurse -Force -ErrorAction SilentlyContinue
    & dotnet test (Join-Path $Root 'LifePos.sln') -c Release --nologo --logger 'trx' --logger 'console;verbosity=normal' --results-directory $trxFolder | Out-Host
    $exitCode = $LASTEXITCODE
    $counts = [ordered]@{ Passed = 0; Failed = 0; Skipped = 0 }
    foreach ($trx in Get-ChildItem $trxFolder -Filter *.trx -ErrorAction SilentlyContinue) {
        $counters = ([xml](Get-Content -Raw -LiteralPath $trx.FullName)).TestRun.ResultSummary.Counters
        $counts.Passed += [int]$counters.passed
        $counts.Failed += [int]$counters.failed + [int]$counters.error + [int]$counters.timeout + [int]$counters.aborted
        $counts.Skipped += [int]$counters.notExecuted
    }
    # A build failure or a crashed test host shows only in the exit code: count it as a failure.
    if ($exitCode -ne 0 -and $counts.Failed -eq 0) { $counts.Failed = 1 }
    $counts
}

function Invoke-PesterTests {
    $resultFile = Join-Path $TestResults 'pester.json'
    Remove-Item $resultFile -ErrorAction SilentlyContinue
    $pester = Get-PesterManifest
    $pwsh = Get-PwshCommand
    & $pwsh[0] $pwsh[1..($pwsh.Count - 1)] -File (Join-Path $Root 'tests/Pester/Run.ps1') -PesterManifest $pester -ResultFile $resultFile | Out-Host
    $counts = [ordered]@{ Passed = 0; Failed = 0; Skipped = 0 }
    if (Test-Path $resultFile) {
        $result = Get-Content -Raw $resultFile | ConvertFrom-Json
        $counts.Passed = $result.Passed; $counts.Failed = $result.Failed; $counts.Skipped = $result.Skipped
    }
    if ($LASTEXITCODE -ne 0 -and $counts.Failed -eq 0) { $counts.Failed = 1 }
    $counts
}

# The dashboard's browser tests drive Debian's Chromium (no browser download is possible). As root with apt-get, as
# in CI, a missing one is installed; otherwise the tests fail and say how to install it.
function Install-Chromium {
    $chromium = '/usr/bin/chromium'
    if ($IsWindows -or (Test-Path $chromium)) { return }
    $aptGet = Get-Command apt-get -ErrorAction SilentlyContinue
    if (-not $aptGet -or (& id -u) -ne '0') {
        Write-Warning "Chromium is missing at $chromium, so the dashboard's browser tests will fail. Install it: sudo apt-get install chromium"
        return
    }
    Write-Host "Installing chromium for the dashboard's browser tests (apt-get)."
    $env:DEBIAN_FRONTEND = 'noninteractive'
    & apt-get update -qq | Out-Null
    & apt-get install -y -qq chromium | Out-Null
    if ($LASTEXITCODE -ne 0 -or -not (Test-Path $chromium)) { Write-Warning "apt-get could not install chromium (exit code $LASTEXITCODE); the browser tests will fail." }
}

function Invoke-TestTask {
    Invoke-BuildTask
    Install-Chromium
    $null = New-Item -ItemType Directory -Force $TestResults
    $xunit = Invoke-XunitTests
    # Pester runs even when xunit failed, so one run shows every failure.
    $pester = Invoke-PesterTests
    Write-Host "xunit:  $($xunit.Passed) passed, $($xunit.Failed) failed, $($xunit.Skipped) skipped"
    Write-Host "Pester: $($pester.Passed) passed, $($pester.Failed) failed, $($pester.Skipped) skipped"
    $passed = $xunit.Passed + $pester.Passed
    $failed = $xunit.Failed + $pester.Failed
    Write-Host "$passed passed, $failed failed, $($xunit.Skipped + $pester.Skipped) skipped"
    if ($failed -gt 0 -or $passed -eq 0) { exit 1 }
}

function Invoke-BenchTask {
    Invoke-BuildTask
    $pwsh = Get-PwshCommand
    $quickArgument = @(if ($Quick) { '-Quick' })
    & $pwsh[0] $pwsh[1..($pwsh.Count - 1)] -File (Join-Path $Root 'bench/Invoke-Benchmarks.ps1') @quickArgument -OutputPath (Join-Path $Out 'bench')
    if ($LASTEXITCODE -ne 0) { throw "The benchmarks failed with exit code $LASTEXITCODE." }
}

function Invoke-EmulatorTask {
    Invoke-BuildTask
    Write-Host 'Starting the LIFE POS emulator with 45 workplaces; Ctrl+C stops it.'
    Invoke-Dotnet (Join-Path $EmulatorOut 'LifePos.Emulator.dll') --urls "http://127.0.0.1:$Port" --seed 45
}

function Invoke-DemoTask {
    Invoke-BuildTask
    $pwsh = Get-PwshCommand
    & $pwsh[0] $pwsh[1..($pwsh.Count - 1)] -File (Join-Path $Root 'examples/Demo.ps1')
    if ($LASTEXITCODE -ne 0) { throw "The demo failed with exit code $LASTEXITCODE." }
}

# A versioned folder under out/package/ rather than out/LifePos/<version>/: out/LifePos/ is the flat Build output that
# everyone imports by path, and a nested copy would make it ambiguous on PSModulePath.
function Invoke-PackageTask {
    Invoke-BuildTask
    & (Join-Path $Root 'src/Packaging/Publish-LocalPackage.ps1') -ModulePath $ModuleOut -OutputPath $PackageOut
    $version = (Import-PowerShellDataFile (Join-Path $ModuleOut 'LifePos.psd1')).ModuleVersion
    $repository = Join-Path $PackageOut 'repository'
    Invoke-Dotnet pack (Join-Path $Root 'src/LifePos.Emulator/LifePos.Emulator.csproj') -c Release -o $repository "-p:Version=$version" --nologo -v quiet
    Write-Host "Tool:     $(Join-Path $repository "LifePos.Emulator.$version.nupkg") (dotnet tool install LifePos.Emulator --add-source $repository)"
}

function Invoke-CleanTask {
    Remove-Item $Out -Recurse -Force -ErrorAction SilentlyContinue
    Get-ChildItem $Root -Directory -Recurse -Include bin, obj | Remove-Item -Recurse -Force
}

foreach ($name in $Task) {
    Write-Host "== $name" -ForegroundColor Cyan
    & "Invoke-${name}Task"
}
