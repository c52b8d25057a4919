<#
.SYNOPSIS
    The main job: every operation of the LIFE POS workplace article, run against a local emulator.
.DESCRIPTION
    Starts the emulator on a free loopback port, provisions workplaces from workplaces.csv, lists them, renames one,
    archives and restores one, generates an activation code and activates with it, deactivates, and stops the
    emulator. Run it through the build script, which builds the module first:
        dotnet tool restore && dotnet pwsh ./build.ps1 Demo
#>
[CmdletBinding()]
param(
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/LifePos/LifePos.psd1'),
    [string] $EmulatorLauncher = (Join-Path $PSScriptRoot '../out/LifePos.Emulator/LifePos.EmulatorProcess.psm1'),
    [string] $CsvPath = (Join-Path $PSScriptRoot 'workplaces.csv')
)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath
Import-Module $EmulatorLauncher

function Write-Step([string] $Text) { Write-Host "`n>>> $Text" -ForegroundColor Cyan }

$emulator = Start-LifePosEmulator -ArgumentList '--seed', '3'
try {
    Write-Step "Connect-LifePos to the emulator at $($emulator.BaseUri)"
    $token = ConvertTo-SecureString $emulator.Token -AsPlainText -Force
    Connect-LifePos -BaseUri $emulator.BaseUri -Token $token -PassThru | Format-List | Out-Host

    Write-Step 'Import-Csv workplaces.csv | New-LifePosWorkplace'
    $created = Import-Csv $CsvPath | New-LifePosWorkplace
    $created | Format-Table | Out-Host

    Write-Step 'Get-LifePosWorkplace (every page, streamed)'
    Get-LifePosWorkplace -IncludeTotalCount | Format-Table | Out-Host

    Write-Step 'Set-LifePosWorkplace: rename a till and turn on an extension'
    $till = $created | Where-Object Name -like 'Касса 2*'
    $till | Set-LifePosWorkplace -Name 'Касса 2 — Тверская (зал)' -Extension @{ nadex_soft_pos = @{ turned_on = $true; version = '1.0' } } -PassThru |
        Format-List | Out-Host

    Write-Step 'Remove-LifePosWorkplace archives (it can be restored), Restore-LifePosWorkplace brings it back'
    $kiosk = $created | Where-Object WorkplaceType -eq 'Automat'
    $kiosk | Remove-LifePosWorkplace -Confirm:$false
    Get-LifePosWorkplace -Selection ArchivedOnly | Format-Table | Out-Host
    $kiosk | Restore-LifePosWorkplace -PassThru | Format-Table | Out-Host

    Write-Step 'New-LifePosActivationCode, then Enable-LifePosWorkplace with the code'
    $code = $till | New-LifePosActivationCode -EmployeeId ([Guid]::NewGuid())
    $code | Format-Table | Out-Host
    Enable-LifePosWorkplace -ActivationCode $code.Code | Format-List | Out-Host
    Get-LifePosWorkplace -Id $till.Id | Format-Table | Out-Host

    Write-Step 'Disable-LifePosWorkplace deactivates it'
    $till | Disable-LifePosWorkplace -Confirm:$false -PassThru | Format-Table | Out-Host

    Disconnect-LifePos
}
finally {
    $emulator | Stop-LifePosEmulator
}
