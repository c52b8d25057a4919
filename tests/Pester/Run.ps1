# Runs every Pester test below this folder with plain output, then the tests tagged Variants (all in Cmdlets/) once per
# answer variant of the emulator (AnswerVariants.psd1), and writes the counts for build.ps1. One standard emulator
# serves the whole run: each test file that asks for it gets it reset, and each variant switches it with
# PUT /_emulator/answers (LifePos.TestHelpers.psm1).
param(
    [Parameter(Mandatory)] [string] $PesterManifest,
    [Parameter(Mandatory)] [string] $ResultFile
)
# Tests run with the preferences a user has by default, so nothing here may set ErrorActionPreference.
$PSStyle.OutputRendering = 'PlainText'
Import-Module $PesterManifest
Import-Module (Join-Path $PSScriptRoot 'LifePos.TestHelpers.psm1')
Import-LifePosUnderTest

function New-RunConfiguration([string] $Verbosity) {
    $configuration = New-PesterConfiguration
    $configuration.Run.PassThru = $true
    $configuration.Output.Verbosity = $Verbosity
    $configuration.Output.RenderMode = 'Plaintext'
    $configuration
}

$shared = Start-TestEmulator -Shared
try {
    $configuration = New-RunConfiguration 'Detailed'
    $configuration.Run.Path = $PSScriptRoot
    $result = Invoke-Pester -Configuration $configuration
    $passed = $result.PassedCount
    $failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
    # Tests left out by a filter count as not run, so only the first pass adds NotRun to the skipped.
    $skipped = $result.SkippedCount + $result.NotRunCount
    $allPassed = $result.Result -eq 'Passed'

    $variants = Import-PowerShellDataFile (Join-Path $PSScriptRoot 'AnswerVariants.psd1')
    $cmdletTests = @(Get-ChildItem (Join-Path $PSScriptRoot 'Cmdlets') -Filter *.Tests.ps1 | ForEach-Object FullName)
    $summaries = foreach ($answers in @($variants.Variants) + @($variants.Combined)) {
        Write-Host "`n== Answer variant $answers`: the tests tagged Variants in Cmdlets/"
        $stopwatch = [Diagnostics.Stopwatch]::StartNew()
        $variantFailed = 0
        try {
            Set-TestAnswerVariant $answers
            $configuration = New-RunConfiguration 'Normal'
            $configuration.Run.Path = $cmdletTests
            $configuration.Filter.Tag = 'Variants'
            $result = Invoke-Pester -Configuration $configuration
            # The last file reset the shared emulator and then sent to it: had the tests started emulators of their own
            # (a helper module imported again), they would have passed on the default answers, not on this variant.
            if (-not (Get-TestEmulatorStats -Emulator $shared).requests_total) { throw "The tests of $answers sent nothing to the shared emulator." }
            $variantFailed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
            $why = @($result.Failed | ForEach-Object ExpandedPath) + @($result.FailedBlocks | ForEach-Object ExpandedPath) +
                @($result.FailedContainers | ForEach-Object { "$($_.Item)" })
            $counts = $result.PassedCount, $result.SkippedCount
            $allPassed = $allPassed -and $result.Result -eq 'Passed' -and $result.PassedCount -gt 0
        }
        catch {
            # The emulator did not take the variant, or the tests did not run on it: one failure.
            $variantFailed = 1
            $why = @("$_")
            $counts = 0, 0
            $allPassed = $false
        }
        $passed += $counts[0]
        $failed += $variantFailed
        $skipped += $counts[1]
        '{0}: {1} passed, {2} failed, {3} skipped in {4:0.0} s{5}' -f $answers, $counts[0], $variantFailed, $counts[1],
            $stopwatch.Elapsed.TotalSeconds, $(if ($variantFailed) { ' <-- FAILED: ' + ($why -join '; ') })
    }
    # One line per variant at the end, so a failure names its variant however far the output has scrolled.
    Write-Host "`n== Answer variants ($(@($variants.Variants).Count + @($variants.Combined).Count) runs on one emulator)"
    $summaries | ForEach-Object { Write-Host $_ }
    foreach ($value in $variants.LeftOut.Keys | Sort-Object) { Write-Host "$value`: left out: $($variants.LeftOut[$value])" }
}
finally {
    Stop-TestEmulator -Shared
}

[pscustomobject]@{
    Passed  = $passed
    Failed  = $failed
    Skipped = $skipped
} | ConvertTo-Json | Set-Content -LiteralPath $ResultFile
exit ([int](-not $allPassed))
