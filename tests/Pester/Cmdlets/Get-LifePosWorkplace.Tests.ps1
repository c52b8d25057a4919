# Get-LifePosWorkplace: listing, paging, filters, ids from the pipeline, Ctrl+C, progress, the table view and tab
# completion. Run.ps1 runs the tests tagged Variants again on each answer variant of the emulator.
BeforeAll { Import-Module (Join-Path $PSScriptRoot '../LifePos.TestHelpers.psm1'); $script:Emulator = Enter-TestEmulator }
AfterAll { Exit-TestEmulator }

Describe 'Get-LifePosWorkplace' {
    It 'lists every workplace as LifePos.Workplace, in number order' -Tag 'Variants' {
        $all = @(Get-LifePosWorkplace)
        $all.Count | Should -Be 45
        $all[0] | Should -BeOfType ([LifePos.Workplace])
        $all.Number | Should -Be (1..45)
    }

    It 'costs exactly one list request for Select-Object -First 3' {
        Reset-TestEmulator
        $three = @(Get-LifePosWorkplace -PageSize 20 | Select-Object -First 3)
        $three.Count | Should -Be 3
        Get-RequestCount 'list' | Should -Be 1
    }

    It 'costs exactly one list request for -First 3' {
        Reset-TestEmulator
        @(Get-LifePosWorkplace -First 3).Number | Should -Be 1, 2, 3
        Get-RequestCount 'list' | Should -Be 1
    }

    It 'pages on its own: -PageSize 10 asks for 5 pages' -Tag 'Variants' {
        Reset-TestEmulator
        @(Get-LifePosWorkplace -PageSize 10).Count | Should -Be 45
        Get-RequestCount 'list' | Should -Be 5
    }

    It 'skips, takes, and reports the total count with -Skip -First -IncludeTotalCount' -Tag 'Variants' {
        $result = @(Get-LifePosWorkplace -Skip 40 -First 10 -IncludeTotalCount)
        $result[0] | Should -BeOfType ([UInt64])
        if ((Get-TestAnswerVariant)['page-fields'] -eq 'missing') {
            # The answer has no items_total: the count is unknown, as PowerShell says it, not a made-up 0.
            $result[0].ToString() | Should -Be 'Unknown total count'
        }
        else {
            [UInt64]$result[0] | Should -Be 45
            $result[0].ToString() | Should -Be 'Total count: 45'
        }
        $result.Count | Should -Be 6
        $result[1..5].Number | Should -Be (41..45)
    }

    It 'filters -Name with wildcards, ignoring case' -Tag 'Variants' {
        @(Get-LifePosWorkplace -Name 'касса 001*').Number | Should -Be (10..19)
        @(Get-LifePosWorkplace -Name '*00[012]7').Number | Should -Be 7, 17, 27
    }

    It 'matches a -Name without wildcards exactly' -Tag 'Variants' {
        $one = @(Get-LifePosWorkplace -Name 'Касса 0007')
        $one.Count | Should -Be 1
        $one[0].Number | Should -Be 7
    }

    It 'filters by -WorkplaceType' -Tag 'Variants' {
        $all = @(Get-LifePosWorkplace)
        $mobile = @(Get-LifePosWorkplace -WorkplaceType Mobile)
        $mobile.Count | Should -BeGreaterThan 0
        $mobile.Count | Should -Be @($all | Where-Object WorkplaceType -EQ 'Mobile').Count
        $mobile.WorkplaceType | Sort-Object -Unique | Should -Be 'Mobile'
    }

    It 'passes -Query and -OrderBy to the server' -Tag 'Variants' {
        @(Get-LifePosWorkplace -Query '0033').Number | Should -Be 33
        (Get-LifePosWorkplace -OrderBy NumberDesc -First 1).Number | Should -Be 45
    }

    It 'gets workplaces by -Id from the pipeline, in input order' -Tag 'Variants' {
        $some = @(Get-LifePosWorkplace -First 8)
        $again = @($some | Sort-Object Number -Descending | Get-LifePosWorkplace -ThrottleLimit 8)
        $again.Number | Should -Be (8..1)
    }

    It 'reports an unknown -Id as LifePos.NotFound with the id as TargetObject' -Tag 'Variants' {
        $missing = [Guid]::NewGuid()
        $result = Get-LifePosWorkplace -Id $missing -ErrorVariable notFound -ErrorAction SilentlyContinue
        $result | Should -BeNullOrEmpty
        $notFound.Count | Should -Be 1
        $notFound[0].FullyQualifiedErrorId | Should -BeLike 'LifePos.NotFound,*'
        $notFound[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $notFound[0].TargetObject | Should -Be $missing
        "$($notFound[0])" | Should -Match $missing
    }

    It 'gives nothing, and no error, when nothing matches' -Tag 'Variants' {
        Reset-TestEmulator
        @(Get-LifePosWorkplace -Selection ArchivedOnly -ErrorAction Stop).Count | Should -Be 0
        @(Get-LifePosWorkplace -Query 'no such workplace' -ErrorAction Stop).Count | Should -Be 0
        @(Get-LifePosWorkplace -Name 'No such*' -ErrorAction Stop).Count | Should -Be 0
        $total = @(Get-LifePosWorkplace -Query 'no such workplace' -IncludeTotalCount -ErrorAction Stop)
        $total.Count | Should -Be 1
        $total[0].ToString() | Should -Be $(if ((Get-TestAnswerVariant)['page-fields'] -eq 'missing') { 'Unknown total count' } else { 'Total count: 0' })
    }

    It 'lists archived workplaces with -Selection' -Tag 'Variants' {
        Reset-TestEmulator
        Get-LifePosWorkplace -Name 'Касса 0044' | Remove-LifePosWorkplace -Confirm:$false
        @(Get-LifePosWorkplace -Selection ArchivedOnly).Number | Should -Be 44
        @(Get-LifePosWorkplace).Count | Should -Be 44
        @(Get-LifePosWorkplace -Selection All).Count | Should -Be 45
    }

    It 'stops on Ctrl+C while a page is on its way, quietly' {
        # The next listing hangs: the service takes the request and never answers. With -Timeout 300 only
        # cancellation ends it before the guard gives up.
        Set-TestEmulatorFaults @{ next = @('hang'); next_endpoint = 'list' }
        $run = Start-TestRunspace -ArgumentList (Get-TestPath Module), $Emulator.BaseUri, $Emulator.SecureToken -Script {
            param($Module, $Uri, $Token, $Connected)
            Import-Module $Module
            Connect-LifePos -BaseUri $Uri -Token $Token -Timeout 300
            $Connected.Set()
            Get-LifePosWorkplace
        } -Until { param($stats) $stats.requests.list.by_status.hung }
        try {
            $run.Stats.requests.list.by_status.hung | Should -Be 1 -Because 'the first page is on its way'
            # A hang guard, not a stopwatch: a Stop that waited for the answer would take -Timeout (300 s).
            Stop-TestRunspace $run | Should -BeTrue -Because 'Ctrl+C cancels the request on its way'
            $run.Handle.IsCompleted | Should -BeTrue
            $run.PowerShell.InvocationStateInfo.State | Should -Be 'Stopped'
            $run.PowerShell.Streams.Error.Count | Should -Be 0
        }
        finally {
            $run.PowerShell.Dispose()
            Set-TestEmulatorFaults @{ next = @() }
        }
    }

    It 'shows progress while paging, and none when $ProgressPreference is SilentlyContinue' {
        $module = Get-TestPath Module
        $counts = foreach ($preference in 'Continue', 'SilentlyContinue') {
            $ps = [powershell]::Create()
            try {
                $null = $ps.AddScript({
                        param($Module, $Uri, $Token, $Preference)
                        Import-Module $Module
                        Connect-LifePos -BaseUri $Uri -Token (ConvertTo-SecureString $Token -AsPlainText -Force)
                        $ProgressPreference = $Preference
                        $null = Get-LifePosWorkplace -PageSize 5
                    }).AddArgument($module).AddArgument($Emulator.BaseUri).AddArgument($Emulator.Token).AddArgument($preference)
                $null = $ps.Invoke()
                $ps.Streams.Error.Count | Should -Be 0
                $ps.Streams.Progress.Count
            }
            finally { $ps.Dispose() }
        }
        # How often it updates (a few times a second) is UpdateGate's xunit test; here: shown, or not at all.
        $counts[0] | Should -BeGreaterThan 0
        $counts[1] | Should -Be 0
    }
}

Describe 'Get-LifePosWorkplace with answers that come back out of order' {
    BeforeAll {
        Reset-TestEmulator
        Enable-OutOfOrderAnswers
    }

    It 'gets by id with unknown ids as errors in their place' -Tag 'Variants' {
        $missing = [Guid]::NewGuid()
        $targets = @(Get-LifePosWorkplace -Number 1, 2)
        $ids = @($targets[0].Id, $missing, $targets[1].Id) | ForEach-Object { [pscustomobject]@{ guid = $_ } }
        $found = @($ids | Get-LifePosWorkplace -ThrottleLimit 16 -ErrorVariable failed -ErrorAction SilentlyContinue)
        $found.Id | Should -Be $targets[0].Id, $targets[1].Id
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'LifePos.NotFound,*'
        $failed[0].TargetObject.guid | Should -Be $missing
    }
}

Describe 'Output formatting and tab completion' {
    It 'shows workplaces as a table of Number, Name, Type, Activated, Archived, Id' {
        $table = Get-LifePosWorkplace -First 2 | Format-Table | Out-String
        $table | Should -Match 'Number\s+Name\s+Type\s+Activated\s+Archived\s+Id'
        $list = Get-LifePosWorkplace -First 1 | Format-List | Out-String
        $list | Should -Match 'Extensions'
    }

    It 'completes -Id from workplaces seen recently, showing their names' {
        $seen = Get-LifePosWorkplace -Name 'Касса 0012'
        $line = "Get-LifePosWorkplace -Id $($seen.Id.ToString().Substring(0, 8))"
        $completion = TabExpansion2 -inputScript $line -cursorColumn $line.Length
        $match = @($completion.CompletionMatches)
        $match.Count | Should -Be 1
        $match[0].CompletionText | Should -Be $seen.Id.ToString()
        $match[0].ListItemText | Should -Match 'Касса 0012'
    }
}

Describe 'Finding workplaces the way admins name them' {
    BeforeAll {
        # 250 workplaces, created one minute apart: a full listing takes three pages.
        $script:Many = Start-TestEmulator -ArgumentList '--seed', '250'
        Connect-TestEmulator
    }
    AfterAll { Stop-TestEmulator }

    It 'takes -Number 17, 18' {
        $found = @(Get-LifePosWorkplace -Number 17, 18)
        $found.Number | Should -Be 17, 18
        $found.Name | Should -Be 'Касса 0017', 'Касса 0018'
    }

    It 'sends -CreatedAfter and -CreatedBefore to the server: one filtered listing, not a full one' {
        $newest = @(Get-LifePosWorkplace -OrderBy CreatedAtDesc -First 5)
        $since = $newest[-1].CreatedAt
        $lists = Get-RequestCount 'list'
        $recent = @(Get-LifePosWorkplace -CreatedAfter $since)
        (Get-RequestCount 'list') - $lists | Should -Be 1
        $recent.Count | Should -Be 5
        $recent.Id | Sort-Object | Should -Be ($newest.Id | Sort-Object)

        $third = (Get-LifePosWorkplace -Number 3).CreatedAt
        $lists = Get-RequestCount 'list'
        $old = @(Get-LifePosWorkplace -CreatedBefore $third)
        (Get-RequestCount 'list') - $lists | Should -Be 1
        $old.Number | Should -Be 1, 2, 3
    }

    It 'sorts the most recently archived by ArchivedAt' {
        # Archived in the order 5, 9, 7, a minute apart on the emulator's clock.
        foreach ($number in 5, 9, 7) {
            $null = Invoke-LifePosEmulatorControl $Many 'clock' -Method Post -Body @{ advance_seconds = 60 }
            $null = Remove-LifePosWorkplace -Id (Get-LifePosWorkplace -Number $number).Id -Confirm:$false
        }
        $latest = @(Get-LifePosWorkplace -Selection ArchivedOnly | Sort-Object ArchivedAt -Descending | Select-Object -First 3)
        $latest.Number | Should -Be 7, 9, 5
    }
}
