<#
.SYNOPSIS
    The main job: every operation of the LIFE POS workplace article, run against a local emulator.
.DESCRIPTION
    Starts the emulator on a free loopback port, provisions workplaces from workplaces.csv, lists them, renames one,
    archives and restores one, finds an employee by phone and sends them an activation code, activates with it,
    deactivates, shows the plan to sync the CSV again, and stops the emulator. Run it through the build script, which builds the module first:
        dotnet tool restore && dotnet pwsh ./build.ps1 Demo
#>
[CmdletBinding()]
param(
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/LifePos/LifePos.psd1'),
    # The emulator as build.ps1 Build writes it; the installed lifepos-emulator tool works as well.
    [string] $EmulatorPath = (Join-Path $PSScriptRoot '../out/LifePos.Emulator/LifePos.Emulator.dll'),
    [string] $CsvPath = (Join-Path $PSScriptRoot 'workplaces.csv')
)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath

function Write-Step([string] $Text) { Write-Host "`n>>> $Text" -ForegroundColor Cyan }

$emulator = Start-LifePosEmulator -Path $EmulatorPath -Seed 3
try {
    Write-Step "Connect-LifePos to the emulator at $($emulator.BaseUri)"
    Connect-LifePos -BaseUri $emulator.BaseUri -Token $emulator.SecureToken -PassThru | Format-List | Out-Host

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

    Write-Step 'Get-LifePosEmployee finds the employee by phone; New-LifePosActivationCode sends them a code for the till'
    $employee = Get-LifePosEmployee -Phone '+7 900 123-45-61'
    $employee | Format-Table | Out-Host
    $code = $employee | New-LifePosActivationCode -Workplace $till -SendSms
    $code | Format-Table | Out-Host

    Write-Step 'Enable-LifePosWorkplace with the code, as the app does'

    Enable-LifePosWorkplace -ActivationCode $code.Code | Format-List | Out-Host
    Get-LifePosWorkplace -Id $till.Id | Format-Table | Out-Host

    Write-Step 'Disable-LifePosWorkplace deactivates it'
    $till | Disable-LifePosWorkplace -Confirm:$false -PassThru | Format-Table | Out-Host

    Write-Step 'Sync-LifePosWorkplace -WhatIf: the plan to make the service match the CSV again'
    Import-Csv $CsvPath | Sync-LifePosWorkplace -WhatIf

    Disconnect-LifePos
}
finally {
    $emulator | Stop-LifePosEmulator
}
