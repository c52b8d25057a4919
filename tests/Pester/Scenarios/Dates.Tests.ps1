# Dates that work with Get-Date (issue 18 §2): CreatedAt, UpdatedAt, ActivatedAt and ArchivedAt are DateTime in local
# time. The checks run in a child pwsh in Moscow time and the ru-RU culture, so a date left in UTC or written in the
# invariant culture shows.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../LifePos.TestHelpers.psm1')
    Import-LifePosUnderTest
    $script:Emulator = Start-TestEmulator -ArgumentList '--seed', '5', '--employees', '2', '--outlets', '2'
    $script:Manifest = Get-TestPath Module

    # Runs the script in a new pwsh at UTC+3 in ru-RU, connected to the emulator; returns what it writes, through JSON.
    function Invoke-InMoscow([string] $Script) {
        $prelude = @"
`$ErrorActionPreference = 'Stop'
[cultureinfo]::CurrentCulture = 'ru-RU'
Import-Module '$Manifest'
Connect-LifePos -BaseUri '$($Emulator.BaseUri)' -Token (ConvertTo-SecureString '$($Emulator.Token)' -AsPlainText -Force)
"@
        $file = Join-Path $TestDrive ('child-{0}.ps1' -f [guid]::NewGuid().ToString('N'))
        Set-Content -LiteralPath $file -Value ($prelude + "`n& {`n" + $Script + "`n} | ConvertTo-Json -Depth 5 -Compress`n") -Encoding utf8
        $saved = $env:TZ
        $env:TZ = 'Europe/Moscow'
        try {
            $output = & dotnet (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive -File $file 2>&1 | Out-String
        }
        finally {
            $env:TZ = $saved
        }
        $LASTEXITCODE | Should -Be 0 -Because "the child script must run: $output"
        $output | ConvertFrom-Json -DateKind String
    }
    # One child process for all the checks: starting pwsh and loading the module is most of the time.
    $script:Result = Invoke-InMoscow @'
[pscustomobject]@{
    Dates = & {
        $w = Get-LifePosWorkplace -Number 1
        $raw = Invoke-LifePosRequest "/orgs/$((Get-LifePosConnection).OrganizationId)/workplaces/$($w.Id)"
        $archived = Get-LifePosWorkplace -Number 2 | Remove-LifePosWorkplace -Confirm:$false -PassThru
        [pscustomobject]@{
            Type         = $w.CreatedAt.GetType().FullName
            Kind         = "$($w.CreatedAt.Kind)"
            Offset       = [TimeZoneInfo]::Local.GetUtcOffset($w.CreatedAt).TotalHours
            SameInstant  = $w.CreatedAt.ToUniversalTime() -eq ([DateTimeOffset]$raw.created_at).UtcDateTime
            Age          = ((Get-Date) - $w.CreatedAt) -is [timespan]
            Between      = ($w.UpdatedAt - $w.CreatedAt) -is [timespan]
            AddDays      = $w.CreatedAt.AddDays(30) -gt $w.CreatedAt
            Cast         = ([datetime]$w.CreatedAt) -eq $w.CreatedAt
            NewTimeSpan  = (New-TimeSpan -Start $w.CreatedAt).TotalSeconds -ge 0
            GetDate      = (Get-Date -Date $w.CreatedAt) -eq $w.CreatedAt
            Recent       = (Get-Date).AddDays(-1) -lt $w.CreatedAt
            ThisYear     = @(Get-LifePosWorkplace | Where-Object { $_.CreatedAt.Year -eq $w.CreatedAt.Year }).Count
            All          = @(Get-LifePosWorkplace).Count
            ActivatedAt  = $null -eq $w.ActivatedAt
            ArchivedType = $archived.ArchivedAt.GetType().FullName
            Archived     = ((Get-Date) - $archived.ArchivedAt).TotalMinutes -lt 5
            Employee     = (Get-LifePosEmployee | Select-Object -First 1).CreatedAt.GetType().FullName
            Outlet       = (Get-LifePosOutlet | Select-Object -First 1).CreatedAt.Kind.ToString()
        }
    }
    Json = & {
        $w = Get-LifePosWorkplace -Number 1
        $json = $w | ConvertTo-Json -Depth 5 | ConvertFrom-Json -DateKind String
        $file = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid().ToString('N') + '.xml')
        $w | Export-Clixml -LiteralPath $file
        $back = Import-Clixml -LiteralPath $file
        Remove-Item -LiteralPath $file
        [pscustomobject]@{ Json = $json.CreatedAt; Expected = $w.CreatedAt.ToString('yyyy-MM-ddTHH:mm:ss'); Clixml = $back.CreatedAt -eq $w.CreatedAt; ClixmlType = $back.CreatedAt.GetType().FullName }
    }
    Csv = & {
        $file = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid().ToString('N') + '.csv')
        Get-LifePosWorkplace -Number 3, 4 | Export-Csv -LiteralPath $file -Delimiter ';' -Encoding utf8BOM
        $rows = @(Import-Csv -LiteralPath $file -Delimiter ';')
        $expected = (Get-LifePosWorkplace -Number 3).CreatedAt.ToString()
        $set = @($rows | ForEach-Object { $_.Meta = 'из Excel'; $_ } | Set-LifePosWorkplace -PassThru)
        $sync = @(Import-Csv -LiteralPath $file -Delimiter ';' | ForEach-Object { $_.Meta = 'снова'; $_ } | Sync-LifePosWorkplace)
        Remove-Item -LiteralPath $file
        [pscustomobject]@{ Cell = $rows[0].CreatedAt; Expected = $expected; Set = $set.Meta; Sync = @($sync.Action | ForEach-Object ToString) }
    }
}
'@
}
AfterAll {
    Stop-TestEmulator
}

Describe 'Get-LifePosWorkplace: dates' {
    It 'are DateTime in local time, and every everyday operation with Get-Date works' {
        $result = $Result.Dates
        $result.Type | Should -Be 'System.DateTime'
        $result.Kind | Should -Be 'Local'
        $result.Offset | Should -Be 3
        $result.SameInstant | Should -BeTrue
        $result.Age, $result.Between, $result.AddDays, $result.Cast, $result.NewTimeSpan, $result.GetDate, $result.Recent |
            Should -Be $true, $true, $true, $true, $true, $true, $true
        $result.ThisYear | Should -Be $result.All
        $result.ActivatedAt | Should -BeTrue
        $result.ArchivedType | Should -Be 'System.DateTime'
        $result.Archived | Should -BeTrue
        $result.Employee | Should -Be 'System.DateTime'
        $result.Outlet | Should -Be 'Local'
    }

    It 'ConvertTo-Json writes ISO 8601 text with the local offset, and Export-Clixml keeps DateTime' {
        $result = $Result.Json
        $result.Json | Should -Match '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?\+03:00$'
        $result.Json | Should -BeLike "$($result.Expected)*"
        $result.Clixml | Should -BeTrue
        $result.ClixmlType | Should -Be 'System.DateTime'
    }
}

Describe 'Export-Csv in ru-RU, then Import-Csv into Set and Sync' {
    It 'writes the dates in the session''s culture, and the file comes back through Set-LifePosWorkplace and Sync-LifePosWorkplace' {
        $result = $Result.Csv
        $result.Cell | Should -Match '^\d\d\.\d\d\.\d{4} \d\d?:\d\d:\d\d$' -Because 'ru-RU writes dd.MM.yyyy H:mm:ss'
        $result.Cell | Should -Be $result.Expected
        $result.Set | Should -Be 'из Excel', 'из Excel'
        $result.Sync | Should -Be 'Updated', 'Updated'
    }
}
