<#
.SYNOPSIS
    Generates activation codes for new workplaces and sends them by SMS to the employees who will activate them.
.DESCRIPTION
    Reads a CSV file that maps workplace names to employees:

        workplace_name,employee_id,outlet_id
        Касса 1 — Тверская,2f6d3c1e-8a4b-4c5d-9e7f-0a1b2c3d4e5f,
        Курьер — Север,8b1e4a7c-3d2f-4e6a-9c5b-1f0e2d3c4b5a,

    (PascalCase headers WorkplaceName, EmployeeId, OutletId work too; outlet_id may be empty.) For each row it finds
    the alive workplace with exactly that name and, if the workplace has not been activated yet, asks LIFE POS for an
    activation code and to send it by SMS to the employee (the employee needs a phone number in LIFE POS).

    A name with no alive workplace, or with several, is an error for that row (TargetObject = the row); a workplace that
    is already activated is skipped with a warning. Writes one LifePos.ActivationCode per code sent.

    Needs a connection: run Connect-LifePos first, or pass -Connection.
.EXAMPLE
    ./Send-ActivationCodes.ps1 -CsvPath ./assignments.csv -WhatIf

    Shows which workplaces would get a code, and for whom.
.EXAMPLE
    ./Send-ActivationCodes.ps1 -CsvPath ./assignments.csv -ErrorVariable failed
    $failed.TargetObject | Export-Csv assignments-retry.csv -NoTypeInformation
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    # The CSV file: workplace_name, employee_id and optionally outlet_id.
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

$assignments = @(Import-Csv -LiteralPath $CsvPath)

# One listing of the alive workplaces answers every row (names are matched exactly, as the CSV spells them).
$byName = [Collections.Generic.Dictionary[string, Collections.Generic.List[object]]]::new([StringComparer]::Ordinal)
foreach ($workplace in Get-LifePosWorkplace @connectionParameter) {
    if (-not $workplace.Name) { continue }
    if (-not $byName.ContainsKey($workplace.Name)) { $byName[$workplace.Name] = [Collections.Generic.List[object]]::new() }
    $byName[$workplace.Name].Add($workplace)
}

$requests = foreach ($row in $assignments) {
    $workplaceName = Get-Column $row 'workplace_name', 'WorkplaceName', 'Workplace', 'Name'
    $employeeId = Get-Column $row 'employee_id', 'EmployeeId', 'employee_guid', 'Employee'
    $outletId = Get-Column $row 'outlet_id', 'OutletId', 'outlet_guid', 'Outlet'
    if (-not $workplaceName -or -not $employeeId) {
        Write-Error -TargetObject $row -Category InvalidData -ErrorId 'AssignmentIncomplete' -ErrorAction $rowErrorAction `
            -Message "A row needs a workplace_name and an employee_id: $($row | ConvertTo-Csv -NoTypeInformation | Select-Object -Last 1)"
        continue
    }
    $found = @(if ($byName.ContainsKey($workplaceName)) { $byName[$workplaceName] })
    if ($found.Count -ne 1) {
        $problem = if ($found.Count -eq 0) { 'no alive workplace is' } else { "$($found.Count) alive workplaces are" }
        Write-Error -TargetObject $row -Category ObjectNotFound -ErrorId 'WorkplaceNotFound' -ErrorAction $rowErrorAction `
            -Message "Workplace '$workplaceName': $problem named so. Check the name (Get-LifePosWorkplace -Name '$workplaceName')."
        continue
    }
    $workplace = $found[0]
    if ($workplace.IsActivated) {
        Write-Warning "Workplace '$workplaceName' (#$($workplace.Number)) is already activated; no code sent."
        continue
    }
    $request = [ordered]@{ WorkplaceId = $workplace.Id; EmployeeId = $employeeId }
    if ($outletId) { $request.OutletId = $outletId }
    [pscustomobject]$request
}

if ($requests) {
    $requests | New-LifePosActivationCode @connectionParameter -SendSms:(-not $NoSms) -ThrottleLimit $ThrottleLimit -ErrorAction $rowErrorAction
}
