<#
.SYNOPSIS
    Archives the workplaces that were never activated and are older than a number of days.
.DESCRIPTION
    Lists the alive workplaces of the connected organization and archives (Remove-LifePosWorkplace) each one that
    has never been activated and was created more than -OlderThanDays days ago: tills that were set up and never
    used. Archived workplaces can be brought back with Restore-LifePosWorkplace.

    Run it with -WhatIf first: it prints one line per workplace it would archive and changes nothing. -Confirm asks
    before each one. Writes the archived workplaces.

    Needs a connection: run Connect-LifePos first, or pass -Connection.
.EXAMPLE
    ./Archive-Unused.ps1 -OlderThanDays 90 -WhatIf

    Shows which workplaces would be archived.
.EXAMPLE
    ./Archive-Unused.ps1 -OlderThanDays 90 -Name 'Касса*' | Export-Csv archived.csv -NoTypeInformation -Encoding UTF8

    Archives the unused tills and keeps a record of them (restore with Import-Csv archived.csv | Restore-LifePosWorkplace).
#>
[CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'Medium')]
param(
    # Only workplaces created more than this many days ago.
    [ValidateRange(0, 36500)] [int] $OlderThanDays = 30,

    # Only workplaces whose name matches this wildcard pattern.
    [string] $Name = '*',

    # A connection from Connect-LifePos -PassThru; the session's default connection when omitted.
    [object] $Connection,

    [ValidateRange(1, 64)] [int] $ThrottleLimit = 4
)
# Rows that fail follow the caller's -ErrorAction; anything else stops the script.
$rowErrorAction = $ErrorActionPreference
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
if (-not (Get-Module LifePos)) { Import-Module LifePos }

$connectionParameter = @{}
if ($Connection) { $connectionParameter.Connection = $Connection }
$cutoff = (Get-Date).AddDays(-$OlderThanDays)

# This script asks (-WhatIf, -Confirm) once per workplace, with the facts that matter; the archive itself then runs
# unprompted, streaming, with up to -ThrottleLimit requests in flight.
Get-LifePosWorkplace @connectionParameter |
    Where-Object { -not $_.IsActivated -and $_.CreatedAt -lt $cutoff -and "$($_.Name)" -like $Name } |
    Where-Object {
        $PSCmdlet.ShouldProcess(
            ("workplace #{0} '{1}' ({2}), created {3:yyyy-MM-dd}, never activated" -f $_.Number, $_.Name, $_.WorkplaceType, $_.CreatedAt),
            'Archive')
    } |
    Remove-LifePosWorkplace @connectionParameter -PassThru -ThrottleLimit $ThrottleLimit -Confirm:$false -WhatIf:$false -ErrorAction $rowErrorAction
