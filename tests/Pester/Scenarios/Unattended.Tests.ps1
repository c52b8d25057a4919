# Unattended runs a scheduler can trust: -ErrorAction Stop stops, an outage ends the run with one error, a hung
# server costs a timeout, a rate limit costs time and no rows, errors say what to do, and a journal records every
# change.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../LifePos.TestHelpers.psm1')
    Import-LifePosUnderTest
    # Six workplaces, which the tests count on.
    $script:Emulator = Start-TestEmulator -ArgumentList '--seed', '6'

    # Runs a bulk pipeline under -ErrorAction Stop; returns what it wrote before the terminating error, and the error.
    function Invoke-Stopping([scriptblock] $Run) {
        $written = [Collections.Generic.List[object]]::new()
        $caught = $null
        try { & $Run | ForEach-Object { $written.Add($_) } }
        catch { $caught = $_ }
        [pscustomobject]@{ Written = $written; Error = $caught }
    }
}
AfterAll {
    Disconnect-LifePos
    Stop-TestEmulator
}

Describe '-ErrorAction Stop stops a bulk run' {
    BeforeEach {
        Reset-TestEmulator
        Connect-TestEmulator
    }

    It 'New-LifePosWorkplace: a row the module refuses (row 2, type Nope) ends the run before row 3 is read, at -ThrottleLimit <Limit>' -TestCases @(
        @{ Limit = 1 }, @{ Limit = 16 }
    ) {
        $rows = 1..4 | ForEach-Object { [pscustomobject]@{ Name = "Stop client $_"; WorkplaceType = $(if ($_ -eq 2) { 'Nope' } else { 'Mobile' }) } }
        $result = Invoke-Stopping { $rows | New-LifePosWorkplace -ThrottleLimit $Limit -ErrorAction Stop }

        "$($result.Error)" | Should -Match '^Row 2 .*unknown workplace type ''Nope''.*-ErrorAction Stop.*nothing after it was sent'
        $result.Error.FullyQualifiedErrorId | Should -BeLike 'LifePos.InvalidInput*'
        Get-AliveWorkplaceName 'Stop client*' | Should -Be 'Stop client 1'
        $result.Written.Name | Should -Be 'Stop client 1'
    }

    It 'New-LifePosWorkplace: a row the server refuses ends the run; every row the server carried out is written first, at -ThrottleLimit <Limit>' -TestCases @(
        @{ Limit = 1 }, @{ Limit = 16 }
    ) {
        # meta_data must be an object: the emulator refuses text with 422.
        $rows = 1..6 | ForEach-Object { [pscustomobject]@{ Name = "Stop server $_"; WorkplaceType = 'Mobile'; MetaData = $(if ($_ -eq 2) { 'not an object' }) } }
        $result = Invoke-Stopping { $rows | New-LifePosWorkplace -ThrottleLimit $Limit -ErrorAction Stop }

        "$($result.Error)" | Should -Match 'LIFE POS answered 422'
        "$($result.Error)" | Should -Match 'The run stopped here \(-ErrorAction Stop\)'
        $created = Get-AliveWorkplaceName 'Stop server*'
        foreach ($name in $created) { $result.Written.Name | Should -Contain $name }
        $created | Should -Not -Contain 'Stop server 2'
        if ($Limit -eq 1) { $created | Should -Be 'Stop server 1' }
    }

    It '<Command>: a bad id (row 2) ends the run before row 3; the rows already sent are written first, at -ThrottleLimit <Limit>' -TestCases @(
        @{ Command = 'Set-LifePosWorkplace'; Extra = @{ Meta = 'changed' }; Limit = 1 }
        @{ Command = 'Set-LifePosWorkplace'; Extra = @{ Meta = 'changed' }; Limit = 16 }
        @{ Command = 'Remove-LifePosWorkplace'; Extra = @{ Confirm = $false }; Limit = 1 }
        @{ Command = 'Remove-LifePosWorkplace'; Extra = @{ Confirm = $false }; Limit = 16 }
        @{ Command = 'Disable-LifePosWorkplace'; Extra = @{ Confirm = $false }; Limit = 16 }
        @{ Command = 'Restore-LifePosWorkplace'; Extra = @{}; Limit = 16 }
        @{ Command = 'Get-LifePosWorkplace'; Extra = @{}; Limit = 16 }
    ) {
        if ($Command -ne 'Get-LifePosWorkplace') { $Extra = $Extra + @{ PassThru = $true } }
        $ids = @(Get-LifePosWorkplace -First 4).Id
        $rows = @([pscustomobject]@{ Id = $ids[0] }, [pscustomobject]@{ Id = 'not-a-guid' }, [pscustomobject]@{ Id = $ids[2] }, [pscustomobject]@{ Id = $ids[3] })
        $before = (Get-TestEmulatorStats).requests_total
        $result = Invoke-Stopping { $rows | & $Command -ThrottleLimit $Limit -ErrorAction Stop @Extra }

        "$($result.Error)" | Should -Match "^'not-a-guid' is not a valid workplace id"
        [object]::ReferenceEquals($result.Error.TargetObject, $rows[1]) | Should -BeTrue
        $sent = (Get-TestEmulatorStats).requests_total - $before
        if ($Command -eq 'Set-LifePosWorkplace' -and $Limit -gt 1) {
            # Above -ThrottleLimit 1, Set holds its first 100 rows until it knows whether one listing reads them cheaper
            # than a GET each: the stop at row 2 comes before row 1 was read or sent, so nothing was done or written.
            # At 1 nothing waits: row 1 is read, sent and written as with the others.
            @($result.Written).Count | Should -Be 0
            $sent | Should -Be 0
            (Get-LifePosWorkplace -Id $ids[0]).Meta | Should -Not -Be 'changed'
            return
        }
        @($result.Written).Count | Should -Be 1
        $result.Written[0].Id | Should -Be $ids[0]
        # Row 1's requests went out (Set: its read and its update); nothing for rows 3 and 4.
        $sent | Should -BeLessOrEqual $(if ($Command -eq 'Set-LifePosWorkplace') { 2 } else { 1 })
    }

    It '<Command>: a workplace the server does not know (row 2) ends the run, at -ThrottleLimit <Limit>' -TestCases @(
        @{ Command = 'Set-LifePosWorkplace'; Extra = @{ Meta = 'changed' }; Limit = 1 }
        @{ Command = 'Remove-LifePosWorkplace'; Extra = @{ Confirm = $false }; Limit = 16 }
        @{ Command = 'Restore-LifePosWorkplace'; Extra = @{}; Limit = 1 }
        @{ Command = 'Disable-LifePosWorkplace'; Extra = @{ Confirm = $false }; Limit = 16 }
        @{ Command = 'Get-LifePosWorkplace'; Extra = @{}; Limit = 1 }
    ) {
        if ($Command -ne 'Get-LifePosWorkplace') { $Extra = $Extra + @{ PassThru = $true } }
        $ids = @(Get-LifePosWorkplace -First 4).Id
        $rows = @($ids[0], [guid]::NewGuid(), $ids[2], $ids[3]) | ForEach-Object { [pscustomobject]@{ Id = $_ } }
        $result = Invoke-Stopping { $rows | & $Command -ThrottleLimit $Limit -ErrorAction Stop @Extra }

        $result.Error.FullyQualifiedErrorId | Should -BeLike 'LifePos.NotFound*'
        "$($result.Error)" | Should -Match '-ErrorAction Stop'
        $result.Written[0].Id | Should -Be $ids[0]
        if ($Limit -eq 1) { @($result.Written).Count | Should -Be 1 }
    }

    It 'New-LifePosActivationCode: an employee without a phone for -SendSms (row 2) ends the run, at -ThrottleLimit <Limit>' -TestCases @(
        @{ Limit = 1 }, @{ Limit = 16 }
    ) {
        $withPhone = Get-LifePosEmployee | Where-Object Phone | Select-Object -First 1
        $without = Get-LifePosEmployee | Where-Object { -not $_.Phone } | Select-Object -First 1
        $rows = @(
            [pscustomobject]@{ Workplace = 1; Employee = $withPhone.Id }
            [pscustomobject]@{ Workplace = 2; Employee = $without.Name }
            [pscustomobject]@{ Workplace = 3; Employee = $withPhone.Id }
        )
        $before = Get-RequestCount 'generate-activation-code'
        $result = Invoke-Stopping { $rows | New-LifePosActivationCode -SendSms -ThrottleLimit $Limit -ErrorAction Stop }

        "$($result.Error)" | Should -Match '^Row 2: the employee .* has no phone number'
        @($result.Written).Count | Should -Be 1
        (Get-RequestCount 'generate-activation-code') - $before | Should -Be 1
    }

    It 'New-LifePosActivationCode: an employee the server does not know (row 2) ends the run with ReferenceNotFound' {
        $employee = Get-LifePosEmployee -First 1
        $rows = @(1, 2, 3) | ForEach-Object { [pscustomobject]@{ Workplace = $_; Employee = $(if ($_ -eq 2) { [guid]::NewGuid() } else { $employee.Id }) } }
        $result = Invoke-Stopping { $rows | New-LifePosActivationCode -ThrottleLimit 1 -ErrorAction Stop }

        $result.Error.FullyQualifiedErrorId | Should -BeLike 'LifePos.ReferenceNotFound*'
        @($result.Written).Count | Should -Be 1
    }

    It 'follows $ErrorActionPreference = ''Stop'' as -ErrorAction Stop' {
        $rows = 1..3 | ForEach-Object { [pscustomobject]@{ Name = "Preference $_"; WorkplaceType = $(if ($_ -eq 2) { '' } else { 'Mobile' }) } }
        $result = Invoke-Stopping { $ErrorActionPreference = 'Stop'; $rows | New-LifePosWorkplace -ThrottleLimit 1 }

        "$($result.Error)" | Should -Match '^Row 2'
        Get-AliveWorkplaceName 'Preference*' | Should -Be 'Preference 1'
    }

    It 'without -ErrorAction Stop, the bad row fails alone and the run goes on' {
        $rows = 1..3 | ForEach-Object { [pscustomobject]@{ Name = "Goes on $_"; WorkplaceType = $(if ($_ -eq 2) { 'Nope' } else { 'Mobile' }) } }
        $created = @($rows | New-LifePosWorkplace -ErrorVariable failed -ErrorAction SilentlyContinue)

        $created.Name | Should -Be 'Goes on 1', 'Goes on 3'
        $failed.Count | Should -Be 1
    }
}

Describe 'An outage ends the run quickly, with one clear error' {
    BeforeEach { Reset-TestEmulator }
    AfterEach { Set-TestEmulatorFaults @{ outage_after = $null } }

    It 'stops the run once nothing has been answered for -OutageTimeout, says what was done, and sends no more rows' {
        Connect-TestEmulator @{ OutageTimeout = 2 }
        $rows = 1..300 | ForEach-Object { [pscustomobject]@{ Name = ('Outage {0:D3}' -f $_); WorkplaceType = 'Mobile' } }
        Set-TestEmulatorFaults @{ outage_after = 100; outage_mode = 'reset' }
        $result = Invoke-Stopping { $rows | New-LifePosWorkplace -ThrottleLimit 8 -ErrorAction SilentlyContinue -ErrorVariable +rowErrors }

        $result.Error.FullyQualifiedErrorId | Should -BeLike 'LifePos.ServiceUnreachable*'
        "$($result.Error)" | Should -Match 'has not been reachable for \d+ s'
        "$($result.Error)" | Should -Match 'The run stopped: \d+ rows done, \d+ rows? failed'
        "$($result.Error)" | Should -Match '-SkipExisting'
        $requestsAtTheEnd = Get-RequestCount 'create'
        Set-TestEmulatorFaults @{ outage_after = $null }
        # Every workplace the service created before the outage was written.
        $alive = @(Get-LifePosWorkplace -Name 'Outage*' | ForEach-Object Name)
        foreach ($name in $result.Written.Name) { $alive | Should -Contain $name }
        $alive.Count | Should -BeLessOrEqual 100
        Get-RequestCount 'create' | Should -Be $requestsAtTheEnd -Because 'rows not sent are not tried after the run stopped'

        # The re-run with -SkipExisting finishes the job: exactly the 300 rows, none twice.
        $null = $rows | New-LifePosWorkplace -SkipExisting -ThrottleLimit 16 -WarningAction SilentlyContinue
        $names = @(Get-LifePosWorkplace -Name 'Outage*' | ForEach-Object Name)
        $names.Count | Should -Be 300
        @($names | Sort-Object -Unique).Count | Should -Be 300
    }

    It 'a single dropped connection never trips it' {
        Connect-TestEmulator @{ OutageTimeout = 2 }
        Set-TestEmulatorFaults @{ next = @('drop-before'); next_endpoint = 'create' }
        $created = @(1..10 | ForEach-Object { [pscustomobject]@{ Name = "One drop $_"; WorkplaceType = 'Mobile' } } | New-LifePosWorkplace -ThrottleLimit 4)

        $created.Count | Should -Be 10
    }
}

Describe 'Timeouts that a person would choose' {
    BeforeEach { Reset-TestEmulator }

    It 'a hung answer costs one -Timeout and is retried' {
        Connect-TestEmulator @{ Timeout = 1 }
        Set-TestEmulatorFaults @{ next = @('hang'); next_endpoint = 'list' }

        @(Get-LifePosWorkplace).Count | Should -Be 6
        (Get-TestEmulatorStats).requests.list.by_status.hung | Should -Be 1
    }

    It 'a server that accepts and never answers feeds the outage breaker, and the error names the timeout and its setting' {
        Connect-TestEmulator @{ Timeout = 1; OutageTimeout = 2 }
        Set-TestEmulatorFaults @{ next = @(1..10 | ForEach-Object { 'hang' }); next_endpoint = 'list' }

        { Get-LifePosWorkplace -ErrorAction Stop } | Should -Throw -ErrorId 'LifePos.ServiceUnreachable*' -ExpectedMessage '*no answer within 1 s*-Timeout*'
        Set-TestEmulatorFaults @{ next = @() }
    }

    It 'takes -Timeout, -OperationTimeout and -OutageTimeout as seconds or TimeSpans, and shows them' {
        $connection = Connect-TestEmulator @{ Timeout = 12; OperationTimeout = '00:02:00'; OutageTimeout = [TimeSpan]::FromSeconds(7); PassThru = $true }

        $connection.Timeout | Should -Be ([TimeSpan]::FromSeconds(12))
        $connection.OperationTimeout | Should -Be ([TimeSpan]::FromMinutes(2))
        $connection.OutageTimeout | Should -Be ([TimeSpan]::FromSeconds(7))
        { Connect-TestEmulator @{ Timeout = 'soon' } } | Should -Throw -ExpectedMessage '*is not a duration*'
    }
}

Describe 'Rate limits slow the run down; they never lose rows' {
    BeforeAll {
        $script:Limited = Start-TestEmulator -ArgumentList '--rate-limit', '20'
    }
    AfterAll { Stop-TestEmulator }

    It 'creates every row at -ThrottleLimit 32 against 20 requests a second, each 429 a wait, not a failed try' {
        Connect-LifePos -BaseUri $Limited.BaseUri -Token $Limited.SecureToken -MaxRetries 2
        $rows = 1..60 | ForEach-Object { [pscustomobject]@{ Name = ('Limited {0:D2}' -f $_); WorkplaceType = 'Mobile' } }
        $created = @($rows | New-LifePosWorkplace -ThrottleLimit 32 -ErrorVariable failed -InformationVariable info)

        $failed.Count | Should -Be 0
        $created.Name | Should -Be $rows.Name
        $stats = Invoke-LifePosEmulatorControl $Limited 'stats'
        $stats.workplaces.alive | Should -Be 60
        $refused = $stats.requests.create.by_status.PSObject.Properties['429']
        if ($refused) { "$(@($info)[-1].MessageData)" | Should -Match "(\d+) retr" }
    }
}

Describe 'Errors tell the admin what to do, without the module''s insides' {
    BeforeAll {
        Reset-TestEmulator
        Connect-TestEmulator
    }

    It '<Case>: ErrorDetails has the message and a RecommendedAction, and Get-Error shows no frame of the module' -TestCases @(
        @{ Case = 'a bad CSV row'; Run = { [pscustomobject]@{ Name = 'Bad row'; WorkplaceType = 'Nope' } | New-LifePosWorkplace -ErrorAction SilentlyContinue -ErrorVariable +caught } }
        @{ Case = 'a workplace the server does not know'; Run = { Get-LifePosWorkplace -Id ([guid]::NewGuid()) -ErrorAction SilentlyContinue -ErrorVariable +caught } }
        @{ Case = 'a refusal under -ErrorAction Stop'; Run = { try { Set-LifePosWorkplace -Id ([guid]::NewGuid()) -Meta x -ErrorAction Stop } catch { $caught.Add($_) } } }
        @{ Case = 'a bad id'; Run = { [pscustomobject]@{ Id = 'nope' } | Remove-LifePosWorkplace -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable +caught } }
        @{ Case = 'an unreachable service'; Run = { try { Connect-LifePos -BaseUri 'http://127.0.0.1:9' -Token $Emulator.SecureToken -OutageTimeout 1 -MaxRetryDelay 0.05 -PassThru -ErrorAction Stop } catch { $caught.Add($_) } } }
    ) {
        $caught = [Collections.ArrayList]::new()
        $null = & $Run
        $caught.Count | Should -Be 1
        $record = $caught[0]
        $record.FullyQualifiedErrorId | Should -BeLike 'LifePos.*'
        $record.ErrorDetails.Message | Should -Not -BeNullOrEmpty
        $record.ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
        $shown = $record | Get-Error | Out-String -Width 400
        # Frames only: the exception's type name (LifePos.Core.LifePosApiException) is fine to show.
        $shown | Should -Not -Match 'at LifePos\.|\.cs:line|LifePos\.dll|BulkRunner\.'
        $shown | Should -Not -Match ([regex]::Escape($Emulator.Token))
    }
}

Describe 'The journal records every change' {
    BeforeEach {
        Reset-TestEmulator
        $script:Journal = Join-Path $TestDrive ("journal-{0}.jsonl" -f [guid]::NewGuid())
        Connect-TestEmulator @{ JournalPath = $Journal }
    }

    It 'writes one JSON line per change, with the fields changed, the outcome and the request id, and no secrets' {
        $created = New-LifePosWorkplace -Name 'Journal 1' -WorkplaceType Mobile -Meta 'hall'
        $null = Set-LifePosWorkplace -Id $created.Id -Meta 'kitchen'
        $null = Set-LifePosWorkplace -Id $created.Id -Meta 'kitchen'   # unchanged: no line
        $null = Remove-LifePosWorkplace -Id $created.Id -Confirm:$false
        $null = Set-LifePosWorkplace -Id ([guid]::NewGuid()) -Meta 'x' -ErrorAction SilentlyContinue
        $null = Set-LifePosWorkplace -Id $created.Id -Meta 'y' -WhatIf

        # An intent before each request and its outcome after; the Set of an id that does not exist failed on its
        # read, before any change was sent: one outcome line.
        $lines = @(Get-Content -LiteralPath $Journal -Encoding utf8)
        $lines.Count | Should -Be 7
        $lines[1] | Should -Match '"time":"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z"'
        $all = $lines | ForEach-Object { $_ | ConvertFrom-Json }
        $all.line | Should -Be intent, outcome, intent, outcome, intent, outcome, outcome
        $all.v | Sort-Object -Unique | Should -Be 2
        $entries = $all | Where-Object line -EQ 'outcome'
        $entries.operation | Should -Be create, update, archive, update
        $entries.outcome | Should -Be done, done, done, failed

        $update = $entries[1]
        $update.organization | Should -Be (Get-LifePosConnection).OrganizationId
        $update.workplace.id | Should -Be $created.Id
        $update.workplace.number | Should -Be $created.Number
        $update.workplace.name | Should -Be 'Journal 1'
        $update.changes.field | Should -Be 'Meta'
        $update.changes.old | Should -Be 'hall'
        $update.changes.new | Should -Be 'kitchen'
        $update.retries | Should -Be 0
        $update.request_id | Should -Not -BeNullOrEmpty
        $entries[3].error_code | Should -Be 'NotFound'

        $text = Get-Content -LiteralPath $Journal -Raw
        $text | Should -Not -Match ([regex]::Escape($Emulator.Token))
        $text | Should -Not -Match 'Bearer|password'
    }

    It 'records what Sync changed, and nothing for unchanged rows' {
        $null = New-LifePosWorkplace -Name 'Journal sync' -WorkplaceType Mobile -Meta 'hall'
        $rows = [pscustomobject]@{ Name = 'Journal sync'; Meta = 'bar' }, [pscustomobject]@{ Name = 'Journal other'; WorkplaceType = 'Mobile' }
        $null = $rows | Sync-LifePosWorkplace
        $null = $rows | Sync-LifePosWorkplace
        # The journal reads back in input order: each change is numbered when its row is read, on the pipeline
        # thread, so the order the rows happened to finish in does not matter.
        $entries = @(Get-LifePosChange -JournalPath $Journal)
        $entries.Operation | Should -Be create, update, create
        $entries[1].Changes.NewValue | Should -Be 'bar'
        $entries[1].RunId | Should -Be $entries[2].RunId
        $entries[1].Sequence, $entries[2].Sequence | Should -Be 1, 2
    }

    It 'keeps every line whole when several runspaces write at once' {
        $module = (Get-Module LifePos).Path
        $baseUri = $Emulator.BaseUri
        $token = $Emulator.SecureToken
        $journal = $Journal
        1..4 | ForEach-Object -ThrottleLimit 4 -Parallel {
            Import-Module $using:module
            Connect-LifePos -BaseUri $using:baseUri -Token $using:token -JournalPath $using:journal
            $runspace = $_
            $null = 1..25 | ForEach-Object { [pscustomobject]@{ Name = "Journal parallel $runspace-$_"; WorkplaceType = 'Mobile' } } |
                New-LifePosWorkplace -ThrottleLimit 8
        }
        $lines = @(Get-Content -LiteralPath $Journal -Encoding utf8)
        $lines.Count | Should -Be 200
        $entries = @(Get-LifePosChange -JournalPath $Journal -WarningVariable unreadable)
        $unreadable | Should -BeNullOrEmpty
        $entries.Count | Should -Be 100
        $entries.Outcome | Sort-Object -Unique | Should -Be 'done'
        @($entries.RunId | Sort-Object -Unique).Count | Should -Be 4
        @($entries.Name | Sort-Object -Unique).Count | Should -Be 100
    }
}
