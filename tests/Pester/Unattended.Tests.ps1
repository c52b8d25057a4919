# Unattended runs a scheduler can trust: -ErrorAction Stop stops, an outage ends the run with one error, a hung
# server costs a timeout, a rate limit costs time and no rows, and the connection refuses what cannot work.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/LifePos/LifePos.psd1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../out/LifePos.Emulator/LifePos.EmulatorProcess.psm1') -Force
    $script:Emulator = Start-LifePosEmulator -ArgumentList '--seed', '6'

    function Connect-TestEmulator([hashtable] $With = @{}) {
        Connect-LifePos -BaseUri $Emulator.BaseUri -Token $Emulator.SecureToken -MaxRetryDelay 0.05 @With
    }
    function Reset-Emulator { $null = Invoke-LifePosEmulatorControl $Emulator 'reset' -Method Post }
    function Set-Faults([hashtable] $Body) { $null = Invoke-LifePosEmulatorControl $Emulator 'faults' -Method Put -Body $Body }
    function Get-Requests([string] $Endpoint) {
        $entry = (Invoke-LifePosEmulatorControl $Emulator 'stats').requests.PSObject.Properties[$Endpoint]
        if ($entry) { [int]$entry.Value.total } else { 0 }
    }
    function Get-AliveNames([string] $Like) { @(Get-LifePosWorkplace -Name $Like | ForEach-Object Name) }

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
    $Emulator | Stop-LifePosEmulator
}

Describe '-ErrorAction Stop stops a bulk run' {
    BeforeEach {
        Reset-Emulator
        Connect-TestEmulator
    }

    It 'New-LifePosWorkplace: a row the module refuses (row 2, type Nope) ends the run before row 3 is read, at -ThrottleLimit <Limit>' -TestCases @(
        @{ Limit = 1 }, @{ Limit = 16 }
    ) {
        $rows = 1..4 | ForEach-Object { [pscustomobject]@{ Name = "Stop client $_"; WorkplaceType = $(if ($_ -eq 2) { 'Nope' } else { 'Mobile' }) } }
        $result = Invoke-Stopping { $rows | New-LifePosWorkplace -ThrottleLimit $Limit -ErrorAction Stop }

        "$($result.Error)" | Should -Match '^Row 2 .*unknown workplace type ''Nope''.*-ErrorAction Stop.*nothing after it was sent'
        $result.Error.FullyQualifiedErrorId | Should -BeLike 'LifePos.InvalidInput*'
        Get-AliveNames 'Stop client*' | Should -Be 'Stop client 1'
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
        $created = Get-AliveNames 'Stop server*'
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
        $before = (Invoke-LifePosEmulatorControl $Emulator 'stats').requests_total
        $result = Invoke-Stopping { $rows | & $Command -ThrottleLimit $Limit -ErrorAction Stop @Extra }

        "$($result.Error)" | Should -Match "^'not-a-guid' is not a valid workplace id"
        [object]::ReferenceEquals($result.Error.TargetObject, $rows[1]) | Should -BeTrue
        @($result.Written).Count | Should -Be 1
        $result.Written[0].Id | Should -Be $ids[0]
        # Row 1's request (and, for Set, its read) went out; nothing for rows 3 and 4.
        $sent = (Invoke-LifePosEmulatorControl $Emulator 'stats').requests_total - $before
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
        $before = Get-Requests 'generate-activation-code'
        $result = Invoke-Stopping { $rows | New-LifePosActivationCode -SendSms -ThrottleLimit $Limit -ErrorAction Stop }

        "$($result.Error)" | Should -Match '^Row 2: the employee .* has no phone number'
        @($result.Written).Count | Should -Be 1
        (Get-Requests 'generate-activation-code') - $before | Should -Be 1
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
        Get-AliveNames 'Preference*' | Should -Be 'Preference 1'
    }

    It 'without -ErrorAction Stop, the bad row fails alone and the run goes on' {
        $rows = 1..3 | ForEach-Object { [pscustomobject]@{ Name = "Goes on $_"; WorkplaceType = $(if ($_ -eq 2) { 'Nope' } else { 'Mobile' }) } }
        $created = @($rows | New-LifePosWorkplace -ErrorVariable failed -ErrorAction SilentlyContinue)

        $created.Name | Should -Be 'Goes on 1', 'Goes on 3'
        $failed.Count | Should -Be 1
    }
}

Describe 'An outage ends the run quickly, with one clear error' {
    BeforeEach { Reset-Emulator }
    AfterEach { Set-Faults @{ outage_after = $null } }

    It 'stops the run once nothing has been answered for -OutageTimeout, says what was done, and sends no more rows' {
        Connect-TestEmulator @{ OutageTimeout = 2 }
        $rows = 1..300 | ForEach-Object { [pscustomobject]@{ Name = ('Outage {0:D3}' -f $_); WorkplaceType = 'Mobile' } }
        Set-Faults @{ outage_after = 100; outage_mode = 'reset' }
        $result = Invoke-Stopping { $rows | New-LifePosWorkplace -ThrottleLimit 8 -ErrorAction SilentlyContinue -ErrorVariable +rowErrors }

        $result.Error.FullyQualifiedErrorId | Should -BeLike 'LifePos.ServiceUnreachable*'
        "$($result.Error)" | Should -Match 'has not been reachable for \d+ s'
        "$($result.Error)" | Should -Match 'The run stopped: \d+ rows done, \d+ rows? failed'
        "$($result.Error)" | Should -Match '-SkipExisting'
        $requestsAtTheEnd = Get-Requests 'create'
        Set-Faults @{ outage_after = $null }
        # Every workplace the service created before the outage was written.
        $alive = @(Get-LifePosWorkplace -Name 'Outage*' | ForEach-Object Name)
        foreach ($name in $result.Written.Name) { $alive | Should -Contain $name }
        $alive.Count | Should -BeLessOrEqual 100
        Get-Requests 'create' | Should -Be $requestsAtTheEnd -Because 'rows not sent are not tried after the run stopped'

        # The re-run with -SkipExisting finishes the job: exactly the 300 rows, none twice.
        $null = $rows | New-LifePosWorkplace -SkipExisting -ThrottleLimit 16 -WarningAction SilentlyContinue
        $names = @(Get-LifePosWorkplace -Name 'Outage*' | ForEach-Object Name)
        $names.Count | Should -Be 300
        @($names | Sort-Object -Unique).Count | Should -Be 300
    }

    It 'a single dropped connection never trips it' {
        Connect-TestEmulator @{ OutageTimeout = 2 }
        Set-Faults @{ next = @('drop-before'); next_endpoint = 'create' }
        $created = @(1..10 | ForEach-Object { [pscustomobject]@{ Name = "One drop $_"; WorkplaceType = 'Mobile' } } | New-LifePosWorkplace -ThrottleLimit 4)

        $created.Count | Should -Be 10
    }
}

Describe 'Timeouts that a person would choose' {
    BeforeEach { Reset-Emulator }

    It 'a hung answer costs one -Timeout and is retried' {
        Connect-TestEmulator @{ Timeout = 1 }
        Set-Faults @{ next = @('hang'); next_endpoint = 'list' }

        @(Get-LifePosWorkplace).Count | Should -Be 6
        (Invoke-LifePosEmulatorControl $Emulator 'stats').requests.list.by_status.hung | Should -Be 1
    }

    It 'a server that accepts and never answers feeds the outage breaker, and the error names the timeout and its setting' {
        Connect-TestEmulator @{ Timeout = 1; OutageTimeout = 2 }
        Set-Faults @{ next = @(1..10 | ForEach-Object { 'hang' }); next_endpoint = 'list' }

        { Get-LifePosWorkplace -ErrorAction Stop } | Should -Throw -ErrorId 'LifePos.ServiceUnreachable*' -ExpectedMessage '*no answer within 1 s*-Timeout*'
        Set-Faults @{ next = @() }
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
        $script:Limited = Start-LifePosEmulator -ArgumentList '--rate-limit', '20'
    }
    AfterAll { $Limited | Stop-LifePosEmulator }

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

Describe 'The connection refuses what cannot work' {
    BeforeEach { Reset-Emulator }

    It 'takes a base address with a path as a prefix of every call, without doubling /v6' {
        $base = [Uri]::new($Emulator.BaseUri, '/v6/')
        Connect-LifePos -BaseUri $base -Token $Emulator.SecureToken
        $workplace = Get-LifePosWorkplace -First 1
        $code = $workplace | New-LifePosActivationCode -Employee (Get-LifePosEmployee -First 1)

        $code.Code | Should -Match '^\d{8}$'
        Get-LifePosWorkplace -Id ([guid]::NewGuid()) -ErrorVariable missing -ErrorAction SilentlyContinue
        "$($missing[0])" | Should -Match '\(GET /v6/orgs/'
    }

    It 'gives its own error for a connection used after Disconnect-LifePos' {
        $connection = Connect-TestEmulator @{ PassThru = $true }
        Disconnect-LifePos

        { Get-LifePosWorkplace -Connection $connection -ErrorAction Stop } | Should -Throw -ErrorId 'LifePos.ConnectionClosed*' -ExpectedMessage '*Connect-LifePos*'
        $connection.IsClosed | Should -BeTrue
    }

    It 'Invoke-LifePosRequest gives a token in any answer as a SecureString, never as text' {
        Connect-TestEmulator
        $answer = Invoke-LifePosRequest -Method POST -Path '/auth/sign-in-by-phone' -Body @{ phone = '+79990000000'; password = 'password1' } -Confirm:$false

        $answer.token | Should -BeOfType ([securestring])
        ($answer | ConvertTo-Json -Depth 5) | Should -Not -Match '"token":\s*"[^"]{20,}"'
        $outlet = Invoke-LifePosRequest -Path '/orgs/{org}/outlets' -All | Where-Object { $_.extensions.lifepay_cloud_fiscalization } | Select-Object -First 1
        $outlet.extensions.lifepay_cloud_fiscalization.api_key | Should -BeOfType ([securestring])
    }
}

Describe 'Errors tell the admin what to do, without the module''s insides' {
    BeforeAll {
        Reset-Emulator
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
