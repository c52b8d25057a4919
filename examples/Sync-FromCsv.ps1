<#
.SYNOPSIS
    The nightly reconcile: makes the LIFE POS workplaces match a CSV file, with a journal of every change.
.DESCRIPTION
    Reads -CsvPath (the delimiter comes from the header line, so Excel's ';' files work) and runs it through
    Sync-LifePosWorkplace: a missing workplace is created, one that differs is updated, one that matches is left
    alone. With -ArchiveUnlisted, alive workplaces the file does not name are archived.

    The first run of a new file should be a rehearsal: -WhatIf prints the whole plan, field by field, and sends no
    write. Every change a real run makes is appended to -JournalPath, one JSON line each (see Get-Help about_LifePos).

    Signs in from the environment (Connect-LifePos -FromEnvironment: LIFEPOS_TOKEN, or LIFEPOS_LOGIN and
    LIFEPOS_PASSWORD; LIFEPOS_BASE_URI and LIFEPOS_ORGANIZATION_ID if set), so no secret is in the script.

    Exit codes: 0 the service matches the file; 1 some rows failed (see the log); 2 could not connect; 3 could not read
    the CSV.
.EXAMPLE
    ./Sync-FromCsv.ps1 -CsvPath /data/lifepos/workplaces.csv -JournalPath /var/log/lifepos/changes.jsonl -ArchiveUnlisted -WhatIf

    The first run: the plan, with what would be archived, and nothing sent.
.EXAMPLE
    pwsh -NoProfile -NonInteractive -File ./Sync-FromCsv.ps1 -CsvPath /data/lifepos/workplaces.csv -JournalPath /var/log/lifepos/changes.jsonl -ArchiveUnlisted

    The nightly run from cron once the plan looked right (-ArchiveUnlisted asks nothing in a non-interactive run: it is
    given -Force here, since the job was rehearsed).
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [Parameter(Mandatory)] [string] $CsvPath,

    # The journal of every change; <CSV folder>/changes.jsonl by default.
    [string] $JournalPath,

    # The log file; <CSV folder>/Sync-FromCsv.log by default. Lines are appended.
    [string] $LogPath,

    # Archive the alive workplaces that the file does not name.
    [switch] $ArchiveUnlisted,

    # Rows may name archived workplaces: they are restored.
    [switch] $IncludeArchived,

    # Another LIFE POS address, e.g. the emulator's (LIFEPOS_BASE_URI works too).
    [Uri] $BaseUri,

    [ValidateRange(1, 64)] [int] $ThrottleLimit = 4
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$csvFolder = Split-Path -Parent $PSCmdlet.GetUnresolvedProviderPathFromPSPath($CsvPath)
if (-not $JournalPath) { $JournalPath = Join-Path $csvFolder 'changes.jsonl' }
if (-not $LogPath) { $LogPath = Join-Path $csvFolder 'Sync-FromCsv.log' }

function Write-Log([string] $Message, [string] $Level = 'INFO') {
    $line = '{0} {1,-5} {2}' -f [DateTimeOffset]::Now.ToString('yyyy-MM-ddTHH:mm:ss.fffzzz'), $Level, $Message
    Add-Content -LiteralPath $LogPath -Value $line -Encoding utf8
    Write-Information $line
}

if (-not (Get-Module LifePos)) { Import-Module LifePos }
try {
    $header = Get-Content -LiteralPath $CsvPath -TotalCount 1 -Encoding utf8
    $delimiter = ',', ';', "`t" | Sort-Object { - ($header.Length - $header.Replace([string]$_, '').Length) } | Select-Object -First 1
    $rows = @(Import-Csv -LiteralPath $CsvPath -Delimiter $delimiter -Encoding utf8)
}
catch {
    Write-Log "Could not read the input: $($_.Exception.Message)" 'ERROR'
    exit 3
}

try {
    $connect = @{ FromEnvironment = $true; JournalPath = $JournalPath; PassThru = $true }
    if ($BaseUri) { $connect.BaseUri = $BaseUri }
    $connection = Connect-LifePos @connect
    Write-Log "Connected: $connection; $($rows.Count) row(s) in $CsvPath; journal $JournalPath"
}
catch {
    Write-Log "Could not connect: $($_.Exception.Message)" 'ERROR'
    exit 2
}

$failed = 0
try {
    $sync = @{ ThrottleLimit = $ThrottleLimit; IncludeArchived = $IncludeArchived; ArchiveUnlisted = $ArchiveUnlisted; WhatIf = $WhatIfPreference }
    # A rehearsed nightly run archives without asking; a rehearsal (-WhatIf) shows what it would archive.
    if ($ArchiveUnlisted -and -not $WhatIfPreference) { $sync.Force = $true }
    $rows | Sync-LifePosWorkplace @sync -ErrorAction Continue 2>&1 3>&1 6>&1 | ForEach-Object {
        switch ($_) {
            { $_ -is [Management.Automation.ErrorRecord] } { $failed++; Write-Log "Row failed: $($_.Exception.Message)" 'ERROR'; break }
            { $_ -is [Management.Automation.WarningRecord] } { Write-Log $_.Message 'WARN'; break }
            { $_ -is [Management.Automation.InformationRecord] } { Write-Log "Summary: $($_.MessageData)"; break }
            { $_ -is [LifePos.WorkplaceChange] -and $_.Action -ne 'Unchanged' -and $_.Action -ne 'Failed' } {
                Write-Log "$($_.Action): #$($_.Number) '$($_.Name)' $($_.Changes)"
                break
            }
        }
    }
}
catch {
    Write-Log "The run stopped: $($_.Exception.Message)" 'ERROR'
    $failed++
}
finally {
    Disconnect-LifePos
}

Write-Log "End: exit $([int]($failed -gt 0))"
exit ([int]($failed -gt 0))
