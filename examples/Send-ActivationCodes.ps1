<#
.SYNOPSIS
    Sends activation codes by SMS to the employees who will activate new workplaces.
.DESCRIPTION
    Reads a CSV file that says which employee activates which workplace:

        workplace,employee,outlet
        Касса 1 — Тверская,+7 900 123-45-61,
        17,+7 900 123-45-62,Магазин на Тверской

    The workplace is its exact name, its number or its id; the employee a phone in any format, an id or an exact name;
    the outlet (optional) an id or an exact name. PascalCase headers (Workplace, Employee, Outlet) and the older
    workplace_name, employee_id, outlet_id work too. Rows for workplaces that are already activated are skipped with
    a warning; every other row asks LIFE POS for a code and to send it by SMS to the employee's phone.

    A row that names no workplace or employee, or one that several match, is an error for that row (TargetObject =
    the row); the other rows go on. Writes one LifePos.ActivationCode per code sent: the employee and the phone it
    went to.

    Needs a connection: run Connect-LifePos first, or pass -Connection.
.EXAMPLE
    ./Send-ActivationCodes.ps1 -CsvPath ./assignments.csv -WhatIf

    Shows which workplaces would get a code, and who would get the SMS.
.EXAMPLE
    ./Send-ActivationCodes.ps1 -CsvPath ./assignments.csv -ErrorVariable failed
    $failed.TargetObject | Export-Csv assignments-retry.csv -NoTypeInformation -Encoding UTF8
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    # The CSV file: workplace, employee and optionally outlet; UTF-8, with or without a byte order mark.
    [Parameter(Mandatory)] [string] $CsvPath,

    # Generate the codes but do not send SMS (the codes are in the output).
    [switch] $NoSms,

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

function Get-Column($Row, [string[]] $Names) {
    foreach ($name in $Names) {
        $property = $Row.PSObject.Properties[$name]
        if ($property -and "$($property.Value)".Trim()) { return "$($property.Value)".Trim() }
    }
    $null
}

# The activated workplaces, by id, number and name, from one listing: their rows are skipped.
$activated = [Collections.Generic.HashSet[string]]::new([StringComparer]::OrdinalIgnoreCase)
foreach ($workplace in Get-LifePosWorkplace @connectionParameter | Where-Object IsActivated) {
    $null = $activated.Add("$($workplace.Id)"); $null = $activated.Add("$($workplace.Number)"); $null = $activated.Add("#$($workplace.Number)")
    if ($workplace.Name) { $null = $activated.Add($workplace.Name.Trim()) }
}

# The CSV's columns bind to New-LifePosActivationCode by name (workplace, employee, outlet and the older headers), so
# each row goes as it is and an error's TargetObject is that row.
$rows = foreach ($row in Import-Csv -LiteralPath $CsvPath -Encoding UTF8) {
    $workplace = Get-Column $row 'workplace', 'workplace_name', 'WorkplaceId', 'Number'
    if ($workplace -and $activated.Contains($workplace)) {
        Write-Warning "Workplace '$workplace' is already activated; no code sent."
        continue
    }
    $row
}

if ($rows) {
    $rows | New-LifePosActivationCode @connectionParameter -SendSms:(-not $NoSms) -ThrottleLimit $ThrottleLimit -ErrorAction $rowErrorAction
}
