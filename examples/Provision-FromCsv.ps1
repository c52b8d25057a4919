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
    extensions (JSON text). See Get-Help about_LifePos. The delimiter is read from the header line, so a file Excel
    saved in a Russian locale (';'-separated, with a BOM) works as it is.

    Credentials, in order of preference for unattended runs:
      (default)             the environment, as Connect-LifePos -FromEnvironment reads it: LIFEPOS_TOKEN, or
                            LIFEPOS_LOGIN and LIFEPOS_PASSWORD, set by the scheduler (LIFEPOS_BASE_URI and
                            LIFEPOS_ORGANIZATION_ID too, if set)
      -CredentialPath FILE  a PSCredential saved with Export-Clixml (encrypted for the user and machine on Windows;
                            NOT encrypted on Linux or macOS: protect the file, or use the environment)
      -Credential           a PSCredential, for interactive runs (or from SecretManagement: -Credential (Get-Secret LifePosLogin))

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
    $env:LIFEPOS_TOKEN = 'emulator-token-000000000000000000000000000000'
    ./Provision-FromCsv.ps1 -CsvPath ./workplaces.csv -BaseUri http://127.0.0.1:5080 -JournalPath ./changes.jsonl

    A rehearsal against the emulator (./build.ps1 Emulator), with a journal of every change.
#>
[CmdletBinding(DefaultParameterSetName = 'Environment')]
param(
    # The CSV file with the workplaces to create.
    [Parameter(Mandatory)] [string] $CsvPath,

    # Production or Test; ignored when -BaseUri is given.
    [ValidateSet('Production', 'Test')] [string] $Environment = 'Production',

    # Another LIFE POS address, e.g. the emulator's.
    [Uri] $BaseUri,

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

    # A journal of every change, one JSON line each (see Get-Help about_LifePos); none by default.
    [string] $JournalPath,

    [ValidateRange(1, 64)] [int] $ThrottleLimit = 4,

    # Tries per call when LIFE POS is busy or the network fails.
    [ValidateRange(1, 20)] [int] $MaxRetries = 8
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$environmentGiven = $PSBoundParameters.ContainsKey('Environment')

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
    if ($BaseUri) { $connect.BaseUri = $BaseUri } elseif ($environmentGiven -or $PSCmdlet.ParameterSetName -ne 'Environment') { $connect.Environment = $Environment }
    if ($OrganizationId -and $OrganizationId -ne [Guid]::Empty) { $connect.OrganizationId = $OrganizationId }
    if ($JournalPath) { $connect.JournalPath = $JournalPath }
    switch ($PSCmdlet.ParameterSetName) {
        'Credential' { $connect.Credential = $Credential }
        'CredentialFile' {
            $saved = Import-Clixml -LiteralPath $CredentialPath
            if ($saved -isnot [pscredential]) { throw "$CredentialPath does not hold a PSCredential (make it with Get-Credential | Export-Clixml)." }
            $connect.Credential = $saved
        }
        default { $connect.FromEnvironment = $true }
    }
    Connect-LifePos @connect
}

# Excel in a Russian locale saves ';'-separated files; the header line tells which delimiter a file uses.
function Import-Rows([string] $Path) {
    $header = Get-Content -LiteralPath $Path -TotalCount 1 -Encoding utf8
    $delimiter = ',', ';', "`t" | Sort-Object { - ($header.Length - $header.Replace([string]$_, '').Length) } | Select-Object -First 1
    Import-Csv -LiteralPath $Path -Delimiter $delimiter -Encoding utf8
}

Write-Log "Start: $CsvPath (retry file $FailedCsvPath, throttle $ThrottleLimit)"
if (-not (Get-Module LifePos)) { Import-Module LifePos }

try {
    $previousFailures = @(if (Test-Path -LiteralPath $FailedCsvPath) { Import-Rows $FailedCsvPath })
    $rows = @(Import-Rows $CsvPath)
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
    # Tonight's rows first: once a fixed row has created its workplace, a stale copy of it in the retry file is
    # skipped (-SkipExisting skips before it checks the row), so it does not fail the job night after night.
    $rows + $previousFailures |
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
    foreach ($row in $rows + $previousFailures) { Add-FailedRow $row }
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
