# Runs every Pester test in this folder with plain output, then the tests tagged Variants of Workplace.Tests.ps1 and
# Bulk.Tests.ps1 once per answer variant of the emulator (AnswerVariants.psd1), and writes the counts for build.ps1.
param(
    [Parameter(Mandatory)] [string] $PesterManifest,
    [Parameter(Mandatory)] [string] $ResultFile
)
# Tests run with the preferences a user has by default, so nothing here may set ErrorActionPreference.
$PSStyle.OutputRendering = 'PlainText'
Import-Module $PesterManifest

function New-RunConfiguration([string] $Verbosity) {
    $configuration = New-PesterConfiguration
    $configuration.Run.PassThru = $true
    $configuration.Output.Verbosity = $Verbosity
    $configuration.Output.RenderMode = 'Plaintext'
    $configuration
}

$configuration = New-RunConfiguration 'Detailed'
$configuration.Run.Path = $PSScriptRoot
$result = Invoke-Pester -Configuration $configuration
$passed = $result.PassedCount
$failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
# Tests left out by a filter count as not run, so only the first pass adds NotRun to the skipped.
$skipped = $result.SkippedCount + $result.NotRunCount
$allPassed = $result.Result -eq 'Passed'

$variants = Import-PowerShellDataFile (Join-Path $PSScriptRoot 'AnswerVariants.psd1')
$summaries = foreach ($answers in @($variants.Variants) + @($variants.Combined)) {
    Write-Host "`n== Answer variant $answers`: the tests tagged Variants of Workplace.Tests.ps1 and Bulk.Tests.ps1"
    $configuration = New-RunConfiguration 'Normal'
    $configuration.Run.Container = @(foreach ($file in 'Workplace.Tests.ps1', 'Bulk.Tests.ps1') {
            New-PesterContainer -Path (Join-Path $PSScriptRoot $file) -Data @{ Answers = $answers }
        })
    $configuration.Filter.Tag = 'Variants'
    $stopwatch = [Diagnostics.Stopwatch]::StartNew()
    $result = Invoke-Pester -Configuration $configuration
    $variantFailed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
    $passed += $result.PassedCount
    $failed += $variantFailed
    $skipped += $result.SkippedCount
    $allPassed = $allPassed -and $result.Result -eq 'Passed' -and $result.PassedCount -gt 0
    '{0}: {1} passed, {2} failed, {3} skipped in {4:0.0} s{5}' -f $answers, $result.PassedCount, $variantFailed, $result.SkippedCount,
        $stopwatch.Elapsed.TotalSeconds, $(if ($variantFailed) { ' <-- FAILED: ' + (@($result.Failed.ExpandedPath) -join '; ') })
}
# One line per variant at the end, so a failure names its variant however far the output has scrolled.
Write-Host "`n== Answer variants ($(@($variants.Variants).Count + @($variants.Combined).Count) runs)"
$summaries | ForEach-Object { Write-Host $_ }
foreach ($value in $variants.LeftOut.Keys | Sort-Object) { Write-Host "$value`: left out until fixed: $($variants.LeftOut[$value])" }

[pscustomobject]@{
    Passed  = $passed
    Failed  = $failed
    Skipped = $skipped
} | ConvertTo-Json | Set-Content -LiteralPath $ResultFile
exit ([int](-not $allPassed))
