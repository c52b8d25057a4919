@{
    RootModule           = 'LifePos.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '4ae05a98-f71b-423e-bbde-f010fff68321'
    Author               = 'LifePos contributors'
    CompanyName          = 'LifePos'
    Copyright            = '(c) LifePos contributors. MIT License.'
    Description          = 'Manage LIFE POS cash-register workplaces through the LIFE POS cloud API (v6): typed, paged, pipeline-friendly cmdlets with a local emulator for rehearsals.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    FormatsToProcess     = @('LifePos.Format.ps1xml')
    # Loaded before LifePos.dll: on Windows PowerShell it stops the import below .NET Framework 4.7.2, saying what to install.
    NestedModules        = @('LifePos.Requirements.psm1')
    CmdletsToExport      = @(
        'Connect-LifePos'
        'Start-LifePosEmulator'
        'Stop-LifePosEmulator'
        'Disconnect-LifePos'
        'Get-LifePosConnection'
        'Get-LifePosWorkplace'
        'New-LifePosWorkplace'
        'Set-LifePosWorkplace'
        'Remove-LifePosWorkplace'
        'Restore-LifePosWorkplace'
        'Disable-LifePosWorkplace'
        'Sync-LifePosWorkplace'
        'Enable-LifePosWorkplace'
        'New-LifePosActivationCode'
        'Get-LifePosEmployee'
        'Get-LifePosOutlet'
        'Invoke-LifePosRequest'
        'Get-LifePosChange'
        'Undo-LifePosChange'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('LifePos', 'POS', 'LIFE-POS', 'cash-register', 'workplaces')
            ProjectUri   = 'https://github.com/lifepos/LifePos'
            LicenseUri   = 'https://github.com/lifepos/LifePos/blob/main/LICENSE'
            ReleaseNotes = '0.1.0: first release. Workplace cmdlets for the LIFE POS API v6 with streaming paging, throttled bulk pipelines from CSV, safe retries, help and example scripts. Full history: https://github.com/lifepos/LifePos/blob/main/CHANGELOG.md'
        }
    }
}
