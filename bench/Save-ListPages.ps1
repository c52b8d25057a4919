<#
.SYNOPSIS
    Saves the pages of one listing of a seeded emulator (page bodies as sent, 000.json, 001.json, ...) for bench/CoreShares.
.EXAMPLE
    dotnet pwsh -NoProfile ./bench/Save-ListPages.ps1 -Path /tmp/pages -Items 10000
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $Path,
    [int] $Items = 10000,
    [int] $PageSize = 100,
    [string] $BuildOutput = (Join-Path $PSScriptRoot '../out')
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
Import-Module (Join-Path $PSScriptRoot 'LifePos.Bench') -Force
$null = Import-LifePosBuild -BuildOutput $BuildOutput
$null = New-Item -ItemType Directory -Force $Path
$emulator = Start-BenchEmulator '--seed', "$Items"
try {
    $headers = @{
        Authorization = "Bearer $($emulator.Token)"; 'X-LP-Client-Identifier' = [Guid]::NewGuid().ToString()
        'X-LP-Client-Type' = 'Service'; 'Accept-Language' = 'ru-RU'
    }
    $base = "$($emulator.BaseUri.ToString().TrimEnd('/'))/orgs/$($emulator.OrganizationId)/workplaces"
    $token = $null; $page = 0
    do {
        $uri = if ($token) { "$base`?page_token=$([Uri]::EscapeDataString($token))" } else { "$base`?items_per_page=$PageSize" }
        $answer = Invoke-WebRequest -Uri $uri -Headers $headers
        [IO.File]::WriteAllBytes((Join-Path $Path ('{0:D3}.json' -f $page)), $answer.RawContentStream.ToArray())
        $page++
        $token = ($answer.Content | ConvertFrom-Json).next_page_token
    } while ($token)
    "$page pages in $Path"
}
finally {
    $emulator | Stop-LifePosEmulator
}
