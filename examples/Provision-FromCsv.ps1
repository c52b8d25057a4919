<#
.SYNOPSIS
    The scheduled bulk job: creates the LIFE POS workplaces listed in a CSV file, logs every step, and keeps the rows
    that failed for the next run.
.DESCRIPTION
    Connects, then sends every row of -CsvPath, and every row that failed last time (-FailedCsvPath, if it exists),
    through New-LifePosWorkplace -SkipExisting. A row whose name an alive workplace already has is not created again,
    so the same CSV can be run every night and a retried row is never created twice.

    Every step goes to -LogPath, one line each, starting with an ISO 8601 timestamp. The rows that fail are written
    to -FailedCsvPath (same columns as the input) and retried by the next run; when every row succeeds that file is
    removed.

    The CSV columns bind by name: name (or Name), workplace_type (or WorkplaceType, Type), meta, meta_data,
    extensions (JSON text). See Get-Help about_LifePos.

    Credentials, in order of preference for unattended runs:
      -TokenVariable NAME   the token is in an environment variable (LIFEPOS_TOKEN by default), set by the scheduler
      -CredentialPath FILE  a PSCredential saved with Export-Clixml (encrypted for the user and machine on Windows;
                            NOT encrypted on Linux or macOS: protect the file, or use the variable)
      -Credential           a PSCredential, for interactive runs

    Exit codes: 0 every row is done (created or already there); 1 some rows failed (see the log and -FailedCsvPath);
    2 could not connect (nothing was sent); 3 the CSV could not be read.
.EXAMPLE
    LIFEPOS_TOKEN=... pwsh -NoProfile -NonInteractive -File ./Provision-FromCsv.ps1 -CsvPath /data/new-workplaces.csv

    From cron: the token comes from the environment, the log and the retry file go beside the CSV.
.EXAMPLE
    Get-Credential | Export-Clixml C:\LifePos\lifepos-login.xml    # once, as the account that runs the task
    pwsh -NoProfile -NonInteractive -File C:\LifePos\Provision-FromCsv.ps1 -CsvPath C:\LifePos\new.csv -CredentialPath C:\LifePos\lifepos-login.xml

    From Windows Task Scheduler, with a credential file.
.EXAMPLE
    ./Provision-FromCsv.ps1 -CsvPath ./workplaces.csv -BaseUri http://127.0.0.1:5080 -TokenVariable LIFEPOS_EMULATOR_TOKEN

    A rehearsal against the emulator (./build.ps1 Emulator).
#>
[CmdletBinding(DefaultParameterSetName = 'TokenVariable')]
param(
    # The CSV file with the workplaces to create.
    [Parameter(Mandatory)] [string] $CsvPath,

    # Production or Test; ignored when -BaseUri is given.
    [ValidateSet('Production', 'Test')] [string] $Environment = 'Production',

    # Another LIFE POS address, e.g. the emulator's.
    [Uri] $BaseUri,

    # The name of the environment variable that holds the token.
    [Parameter(ParameterSetName = 'TokenVariable')] [string] $TokenVariable = 'LIFEPOS_TOKEN',

    # A PSCredential file written by Export-Clixml.
    [Parameter(Mandatory, ParameterSetName = 'CredentialFile')] [string] $CredentialPath,

    # A login and password.
    [Parameter(Mandatory, ParameterSetName = 'Credential')] [pscredential] $Credential,

    # The organization, when the account reaches more than one.
    [Guid] $OrganizationId,

    # The log file; <CSV folder>/Provision-FromCsv.log by default. Lines are appended.
    [string] $LogPath,

    # Where failed rows go for the next run; <CSV name>.failed.csv beside the CSV by default.
    [string] $FailedCsvPath,

    [ValidateRange(1, 64)] [int] $ThrottleLimit = 4,

    # Tries per call when LIFE POS is busy or the network fails.
    [ValidateRange(1, 20)] [int] $MaxRetries = 8
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$csvFolder = Split-Path -Parent $PSCmdlet.GetUnresolvedProviderPathFromPSPath($CsvPath)
if (-not $LogPath) { $LogPath = Join-Path $csvFolder 'Provision-FromCsv.log' }
if (-not $FailedCsvPath) { $FailedCsvPath = Join-Path $csvFolder ([IO.Path]::GetFileNameWithoutExtension($CsvPath) + '.failed.csv') }

function Write-Log([string] $Message, [string] $Level = 'INFO') {
    $line = '{0} {1,-5} {2}' -f [DateTimeOffset]::Now.ToString('yyyy-MM-ddTHH:mm:ss.fffzzz'), $Level, $Message
    Add-Content -LiteralPath $LogPath -Value $line -Encoding utf8
    Write-Information $line    # shown with -InformationAction Continue
}

# A row that failed last time and is still in the CSV fails twice in one run: keep it once in the retry file.
$failedRows = [Collections.Generic.List[object]]::new()
$failedKeys = [Collections.Generic.HashSet[string]]::new()
function Add-FailedRow($Row) {
    $key = ($Row.PSObject.Properties | ForEach-Object { "$($_.Name)=$($_.Value)" }) -join [char]31
    if ($failedKeys.Add($key)) { $failedRows.Add($Row) }
}

function Connect-Job {
    $connect = @{ MaxRetries = $MaxRetries; PassThru = $true }
    if ($BaseUri) { $connect.BaseUri = $BaseUri } else { $connect.Environment = $Environment }
    if ($OrganizationId -and $OrganizationId -ne [Guid]::Empty) { $connect.OrganizationId = $OrganizationId }
    switch ($PSCmdlet.ParameterSetName) {
        'Credential' { $connect.Credential = $Credential }
        'CredentialFile' {
            $saved = Import-Clixml -LiteralPath $CredentialPath
            if ($saved -isnot [pscredential]) { throw "$CredentialPath does not hold a PSCredential (make it with Get-Credential | Export-Clixml)." }
            $connect.Credential = $saved
        }
        default {
            $token = [Environment]::GetEnvironmentVariable($TokenVariable)
            if (-not $token) { throw "The environment variable $TokenVariable holds no token." }
            $connect.Token = ConvertTo-SecureString $token -AsPlainText -Force
        }
    }
    Connect-LifePos @connect
}

Write-Log "Start: $CsvPath (retry file $FailedCsvPath, throttle $ThrottleLimit)"
if (-not (Get-Module LifePos)) { Import-Module LifePos }

try {
    $previousFailures = @(if (Test-Path -LiteralPath $FailedCsvPath) { Import-Csv -LiteralPath $FailedCsvPath })
    $rows = @(Import-Csv -LiteralPath $CsvPath)
}
catch {
    Write-Log "Could not read the input: $($_.Exception.Message)" 'ERROR'
    exit 3
}
Write-Log "$($rows.Count) row(s) in the CSV, $($previousFailures.Count) row(s) left over from the last run"

try {
    $connection = Connect-Job
    Write-Log "Connected: $connection"
}
catch {
    Write-Log "Could not connect: $($_.Exception.Message)" 'ERROR'
    Write-Log 'End: exit 2 (nothing was sent)'
    exit 2
}

try {
    $previousFailures + $rows |
        New-LifePosWorkplace -SkipExisting -ThrottleLimit $ThrottleLimit -ErrorAction Continue 2>&1 3>&1 6>&1 |
        ForEach-Object {
            switch ($_) {
                { $_ -is [Management.Automation.ErrorRecord] } {
                    Write-Log "Row failed: $($_.Exception.Message)" 'ERROR'
                    if ($null -ne $_.TargetObject) { Add-FailedRow $_.TargetObject }
                    break
                }
                { $_ -is [Management.Automation.WarningRecord] } { Write-Log $_.Message 'WARN'; break }
                { $_ -is [Management.Automation.InformationRecord] } { Write-Log "Summary: $($_.MessageData)"; break }
                default { Write-Log "Done: #$($_.Number) '$($_.Name)' $($_.WorkplaceType) $($_.Id)" }
            }
        }
}
catch {
    # The run stopped (the connection broke, the token was refused): retry every row next time; -SkipExisting
    # makes that safe for the rows that were created.
    Write-Log "The run stopped: $($_.Exception.Message)" 'ERROR'
    foreach ($row in $previousFailures + $rows) { Add-FailedRow $row }
}
finally {
    Disconnect-LifePos
}

if ($failedRows.Count -gt 0) {
    $failedRows | Export-Csv -LiteralPath $FailedCsvPath -NoTypeInformation -Encoding utf8
    Write-Log "$($failedRows.Count) row(s) failed; they are in $FailedCsvPath for the next run" 'WARN'
    Write-Log 'End: exit 1'
    exit 1
}
Remove-Item -LiteralPath $FailedCsvPath -ErrorAction SilentlyContinue
Write-Log 'End: exit 0'
exit 0
