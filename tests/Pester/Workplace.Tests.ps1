# The everyday work with workplaces, one cmdlet at a time, against an emulator seeded with 45 workplaces.
# Run.ps1 runs the tests tagged Variants again once per answer variant of the emulator (its --answers).
param([string] $Answers = '')
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/LifePos/LifePos.psd1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../out/LifePos.Emulator/LifePos.EmulatorProcess.psm1') -Force
    $script:Emulator = Start-LifePosEmulator -ArgumentList (@('--seed', '45') + @(if ($Answers) { '--answers', $Answers }))
    $script:SecureToken = ConvertTo-SecureString $Emulator.Token -AsPlainText -Force
    # The variant's choices (only those given), for the few observables a variant changes by design.
    $script:Variant = @{}
    foreach ($pair in $Answers -split ',' | Where-Object { $_ }) {
        $choice, $value = $pair -split '=', 2
        $Variant[$choice.Trim()] = $value.Trim()
    }
    # Under errors=text and errors=html the answer carries no code: the module can only name the status.
    $script:ErrorsWithoutCode = $Variant['errors'] -in 'text', 'html'

    function Reset-Emulator {
        $null = Invoke-LifePosEmulatorControl $Emulator 'reset' -Method Post
    }

    function Get-RequestCount([string] $Endpoint) {
        $requests = (Invoke-LifePosEmulatorControl $Emulator 'stats').requests
        if ($requests.PSObject.Properties[$Endpoint]) { $requests.$Endpoint.total } else { 0 }
    }

    function Get-ChangeRequestCount {
        $total = 0
        foreach ($endpoint in 'create', 'update', 'archive', 'unarchive', 'deactivate', 'generate-activation-code', 'activate') {
            $total += Get-RequestCount $endpoint
        }
        $total
    }

    Connect-LifePos -BaseUri $Emulator.BaseUri -Token $SecureToken
}
AfterAll {
    Disconnect-LifePos
    $Emulator | Stop-LifePosEmulator
}

Describe 'Get-LifePosWorkplace' {
    BeforeAll { Reset-Emulator }

    It 'lists every workplace as LifePos.Workplace, in number order' -Tag 'Variants' {
        $all = @(Get-LifePosWorkplace)
        $all.Count | Should -Be 45
        $all[0] | Should -BeOfType ([LifePos.Workplace])
        $all.Number | Should -Be (1..45)
    }

    It 'costs exactly one list request for Select-Object -First 3' {
        Reset-Emulator
        $three = @(Get-LifePosWorkplace -PageSize 20 | Select-Object -First 3)
        $three.Count | Should -Be 3
        Get-RequestCount 'list' | Should -Be 1
    }

    It 'costs exactly one list request for -First 3' {
        Reset-Emulator
        @(Get-LifePosWorkplace -First 3).Number | Should -Be 1, 2, 3
        Get-RequestCount 'list' | Should -Be 1
    }

    It 'pages on its own: -PageSize 10 asks for 5 pages' -Tag 'Variants' {
        Reset-Emulator
        @(Get-LifePosWorkplace -PageSize 10).Count | Should -Be 45
        Get-RequestCount 'list' | Should -Be 5
    }

    It 'skips, takes, and reports the total count with -Skip -First -IncludeTotalCount' -Tag 'Variants' {
        $result = @(Get-LifePosWorkplace -Skip 40 -First 10 -IncludeTotalCount)
        $result[0] | Should -BeOfType ([UInt64])
        if ($Variant['page-fields'] -eq 'missing') {
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
        Reset-Emulator
        @(Get-LifePosWorkplace -Selection ArchivedOnly -ErrorAction Stop).Count | Should -Be 0
        @(Get-LifePosWorkplace -Query 'no such workplace' -ErrorAction Stop).Count | Should -Be 0
        @(Get-LifePosWorkplace -Name 'No such*' -ErrorAction Stop).Count | Should -Be 0
        $total = @(Get-LifePosWorkplace -Query 'no such workplace' -IncludeTotalCount -ErrorAction Stop)
        $total.Count | Should -Be 1
        $total[0].ToString() | Should -Be $(if ($Variant['page-fields'] -eq 'missing') { 'Unknown total count' } else { 'Total count: 0' })
    }

    It 'lists archived workplaces with -Selection' -Tag 'Variants' {
        Reset-Emulator
        Get-LifePosWorkplace -Name 'Касса 0044' | Remove-LifePosWorkplace -Confirm:$false
        @(Get-LifePosWorkplace -Selection ArchivedOnly).Number | Should -Be 44
        @(Get-LifePosWorkplace).Count | Should -Be 44
        @(Get-LifePosWorkplace -Selection All).Count | Should -Be 45
    }

    It 'stops on Ctrl+C while a page is on its way, quietly' {
        $ps = [powershell]::Create()
        try {
            # The next listing hangs: the service takes the request and never answers. With -Timeout 300 only
            # cancellation ends it before the guard below gives up.
            $null = Invoke-LifePosEmulatorControl $Emulator 'faults' -Method Put -Body @{ next = @('hang'); next_endpoint = 'list' }
            $null = $ps.AddScript({
                    param($Module, $Uri, $Token)
                    Import-Module $Module
                    Connect-LifePos -BaseUri $Uri -Token $Token -Timeout 300
                    Get-LifePosWorkplace
                }).AddArgument((Join-Path $PSScriptRoot '../../out/LifePos/LifePos.psd1')).AddArgument($Emulator.BaseUri).AddArgument($SecureToken)
            $handle = $ps.BeginInvoke()
            $deadline = [DateTime]::UtcNow.AddSeconds(60)
            do {
                Start-Sleep -Milliseconds 20
                $hung = (Invoke-LifePosEmulatorControl $Emulator 'stats').requests.list.by_status.hung
            } while (-not $hung -and -not $handle.IsCompleted -and [DateTime]::UtcNow -lt $deadline)
            $hung | Should -Be 1 -Because 'the first page is on its way'

            # A hang guard, not a stopwatch: a Stop that waited for the answer would take -Timeout (300 s).
            $stopping = $ps.BeginStop($null, $null)
            $stopping.AsyncWaitHandle.WaitOne([TimeSpan]::FromSeconds(60)) | Should -BeTrue -Because 'Ctrl+C cancels the request on its way'
            $ps.EndStop($stopping)
            $handle.IsCompleted | Should -BeTrue
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
            $ps.Streams.Error.Count | Should -Be 0
        }
        finally {
            $ps.Dispose()
            $null = Invoke-LifePosEmulatorControl $Emulator 'faults' -Method Put -Body @{ next = @() }
        }
    }

    It 'shows progress while paging, and none when $ProgressPreference is SilentlyContinue' {
        $module = Join-Path $PSScriptRoot '../../out/LifePos/LifePos.psd1'
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

Describe 'New-LifePosWorkplace' {
    BeforeAll { Reset-Emulator }

    It 'creates a workplace with extensions from JSON text and meta data from a hashtable' -Tag 'Variants' {
        $workplace = New-LifePosWorkplace 'Касса у окна' -WorkplaceType Stationary -Meta 'window' `
            -Extension '{"smart_pos":{"version":"2.1","tms_params":{"port":5555}}}' -MetaData @{ region = 'north'; floor = 2 }
        $workplace | Should -BeOfType ([LifePos.Workplace])
        $workplace.Name | Should -Be 'Касса у окна'
        $workplace.WorkplaceType | Should -Be 'Stationary'
        $workplace.Meta | Should -Be 'window'
        $workplace.Extensions.smart_pos.version | Should -Be '2.1'
        $workplace.Extensions.smart_pos.tms_params.port | Should -Be 5555
        $workplace.MetaData.region | Should -Be 'north'
        (Get-LifePosWorkplace -Id $workplace.Id).Extensions.smart_pos.version | Should -Be '2.1'
    }

    It 'reads the times of creation and of the last change as the server clock has them' -Tag 'Variants' {
        # The emulator's clock is this machine's (a reset sets it back); a second either way allows for the variants
        # that drop the milliseconds, and still catches a time read in the wrong zone or format.
        $before = [DateTime]::Now.AddSeconds(-1)
        $created = New-LifePosWorkplace -WorkplaceType Mobile -Name 'Clock check'
        $between = [DateTime]::Now.AddSeconds(1)
        $changed = $created | Set-LifePosWorkplace -Meta 'changed' -PassThru
        $after = [DateTime]::Now.AddSeconds(1)
        $created.CreatedAt | Should -BeOfType ([datetime])
        $created.CreatedAt.Kind | Should -Be 'Local'
        $created.CreatedAt | Should -BeGreaterOrEqual $before
        $created.CreatedAt | Should -BeLessOrEqual $between
        $changed.CreatedAt | Should -Be $created.CreatedAt
        $changed.UpdatedAt | Should -BeGreaterOrEqual $created.UpdatedAt
        $changed.UpdatedAt | Should -BeLessOrEqual $after
        $listed = Get-LifePosWorkplace -Name 'Clock check'
        $listed.CreatedAt | Should -Be $created.CreatedAt
        $listed.UpdatedAt | Should -Be $changed.UpdatedAt
    }

    It 'takes -Extension as a PSCustomObject' -Tag 'Variants' {
        $extension = [pscustomobject]@{ nadex_soft_pos = [pscustomobject]@{ turned_on = $true; version = '1.0' } }
        $workplace = New-LifePosWorkplace -WorkplaceType Mobile -Name 'Курьер' -Extension $extension
        $workplace.Extensions.nadex_soft_pos.turned_on | Should -BeTrue
    }

    It 'refuses an unknown type with a clear error and sends nothing' {
        $before = Get-RequestCount 'create'
        New-LifePosWorkplace -WorkplaceType Spaceship -Name 'Nope' -ErrorVariable bad -ErrorAction SilentlyContinue
        $bad.Count | Should -Be 1
        $bad[0].FullyQualifiedErrorId | Should -BeLike 'LifePos.InvalidInput,*'
        "$($bad[0])" | Should -Match "Spaceship.*Unknown, Mobile, Stationary or Automat"
        Get-RequestCount 'create' | Should -Be $before
    }

    It 'sends nothing with -WhatIf' {
        $before = Get-ChangeRequestCount
        New-LifePosWorkplace -WorkplaceType Mobile -Name 'What if' -WhatIf | Should -BeNullOrEmpty
        Get-ChangeRequestCount | Should -Be $before
    }
}

Describe 'Set-LifePosWorkplace' {
    BeforeEach {
        $script:Workplace = New-LifePosWorkplace -WorkplaceType Mobile -Name "Set $([Guid]::NewGuid().ToString('N').Substring(0, 6))" `
            -Extension @{ smart_pos = @{ version = '1' }; unknown_ext = @{ keep = 'me' } }
    }

    It 'changes only what was given and emits nothing without -PassThru' -Tag 'Variants' {
        Set-LifePosWorkplace -Id $Workplace.Id -Meta 'changed' | Should -BeNullOrEmpty
        $after = Get-LifePosWorkplace -Id $Workplace.Id
        $after.Meta | Should -Be 'changed'
        $after.Name | Should -Be $Workplace.Name
        $after.Extensions.Keys | Sort-Object | Should -Be 'smart_pos', 'unknown_ext'
    }

    It 'merges -Extension by name and removes with -RemoveExtension' -Tag 'Variants' {
        $after = $Workplace | Set-LifePosWorkplace -Extension @{ nadex_soft_pos = @{ turned_on = $true } } -RemoveExtension smart_pos -PassThru
        $after.Extensions.Keys | Sort-Object | Should -Be 'nadex_soft_pos', 'unknown_ext'
        $after.Extensions.unknown_ext.keep | Should -Be 'me'
    }

    It 'renames and retypes by -InputObject' -Tag 'Variants' {
        $after = Set-LifePosWorkplace -InputObject $Workplace -Name 'Renamed' -WorkplaceType Automat -MetaData '{"a":1}' -PassThru
        $after.Name | Should -Be 'Renamed'
        $after.WorkplaceType | Should -Be 'Automat'
        $after.MetaData.a | Should -Be 1
    }

    It 'sends nothing with -WhatIf' {
        $before = Get-ChangeRequestCount
        $Workplace | Set-LifePosWorkplace -Name 'What if' -WhatIf
        Get-ChangeRequestCount | Should -Be $before
        (Get-LifePosWorkplace -Id $Workplace.Id).Name | Should -Be $Workplace.Name
    }

    It 'reports a server refusal as a non-terminating error for the row' -Tag 'Variants' {
        $Workplace | Remove-LifePosWorkplace -Confirm:$false
        $Workplace | Set-LifePosWorkplace -Name 'Archived now' -ErrorVariable refused -ErrorAction SilentlyContinue
        $refused.Count | Should -Be 1
        if ($ErrorsWithoutCode) {
            $refused[0].FullyQualifiedErrorId | Should -BeLike 'LifePos.RequestIsNotValid,*'
            "$($refused[0])" | Should -Match $(if ($Variant['errors'] -eq 'text') { 'is archived' } else { "HTML page titled '422 Unprocessable Entity'" })
        }
        else {
            $refused[0].FullyQualifiedErrorId | Should -BeLike 'LifePos.NotAllowedForArchived,*'
            "$($refused[0])" | Should -Match 'is archived.*Restore-LifePosWorkplace'
        }
        $refused[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $refused[0].TargetObject.Id | Should -Be $Workplace.Id
    }
}

Describe 'Remove-, Restore-, Disable-LifePosWorkplace' {
    BeforeAll { Reset-Emulator }

    It 'archives with Remove and brings back with Get | Restore' -Tag 'Variants' {
        $targets = @(Get-LifePosWorkplace -Name 'Касса 000[1-3]')
        $archived = @($targets | Remove-LifePosWorkplace -Confirm:$false -PassThru)
        $archived.IsArchived | Should -Be $true, $true, $true
        $restored = @(Get-LifePosWorkplace -Selection ArchivedOnly | Restore-LifePosWorkplace -PassThru)
        $restored.Number | Should -Be 1, 2, 3
        $restored.IsArchived | Should -Be $false, $false, $false
    }

    It 'deactivates with Disable' -Tag 'Variants' {
        $active = Get-LifePosWorkplace | Where-Object IsActivated | Select-Object -First 1
        $active | Should -Not -BeNullOrEmpty
        $after = Disable-LifePosWorkplace -Id $active.Id -Confirm:$false -PassThru
        $after.IsActivated | Should -BeFalse
    }

    It 'takes -InputObject in every one of them' -Tag 'Variants' {
        $workplace = New-LifePosWorkplace -WorkplaceType Mobile -Name 'By InputObject'
        (Remove-LifePosWorkplace -InputObject $workplace -Confirm:$false -PassThru).IsArchived | Should -BeTrue
        (Restore-LifePosWorkplace -InputObject $workplace -PassThru).IsArchived | Should -BeFalse
        (Disable-LifePosWorkplace -InputObject $workplace -Confirm:$false -PassThru).IsActivated | Should -BeFalse
        Remove-LifePosWorkplace -InputObject $workplace -Confirm:$false | Should -BeNullOrEmpty
        (Get-LifePosWorkplace -Id $workplace.Id).IsArchived | Should -BeTrue
    }

    It 'says in the ShouldProcess text that an archived workplace can be restored' {
        $workplace = Get-LifePosWorkplace -First 1
        $text = $workplace | Remove-LifePosWorkplace -Confirm:$false -Verbose 4>&1 | Out-String
        $text | Should -Match 'will be archived'
        $text | Should -Match 'restored with Restore-LifePosWorkplace'
        $workplace | Restore-LifePosWorkplace
    }

    It 'sends nothing with -WhatIf' {
        $before = Get-ChangeRequestCount
        $some = @(Get-LifePosWorkplace -First 2)
        $some | Remove-LifePosWorkplace -WhatIf
        $some | Restore-LifePosWorkplace -WhatIf
        $some | Disable-LifePosWorkplace -WhatIf
        $some | New-LifePosActivationCode -EmployeeId ([Guid]::NewGuid()) -WhatIf
        Invoke-LifePosRequest -Method POST -Path '/orgs/{org}/workplaces' -Body @{ workplace_type = 'Mobile' } -WhatIf
        Get-ChangeRequestCount | Should -Be $before
    }

    It '<Command> has ConfirmImpact <Impact>' -TestCases @(
        @{ Command = 'Remove-LifePosWorkplace'; Impact = 'High' }
        @{ Command = 'Disable-LifePosWorkplace'; Impact = 'High' }
        @{ Command = 'Set-LifePosWorkplace'; Impact = 'Medium' }
    ) {
        (Get-Command $Command).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact | Should -Be $Impact
    }
}

Describe 'New-LifePosActivationCode and Enable-LifePosWorkplace' {
    BeforeAll { Reset-Emulator }

    It 'generates a code for a piped workplace and activates with it' -Tag 'Variants' {
        $workplace = Get-LifePosWorkplace -Name 'Касса 0001'
        $workplace.IsActivated | Should -BeFalse
        $employee = (Get-LifePosEmployee -First 1).Id
        # -EmployeeId is the parameter's old name: scripts written for it keep working.
        $code = $workplace | New-LifePosActivationCode -EmployeeId $employee
        $code | Should -BeOfType ([LifePos.ActivationCode])
        $code.Code | Should -Match '^\d{8}$'
        $code.WorkplaceId | Should -Be $workplace.Id
        $code.WorkplaceName | Should -Be 'Касса 0001'
        $code.EmployeeId | Should -Be $employee

        $activation = $code | Enable-LifePosWorkplace
        $activation | Should -BeOfType ([LifePos.WorkplaceActivation])
        $activation.WorkplaceId | Should -Be $workplace.Id
        $activation.OrganizationId | Should -Be $Emulator.OrganizationId
        $activation.EmployeeId | Should -Be $employee
        if ($Variant['activation'] -eq 'no-token') {
            $activation.Token | Should -BeNullOrEmpty
            $activation.Note | Should -Match 'sent no workplace token'
        }
        else {
            $activation.Token | Should -BeOfType ([securestring])
            $activation.Token.Length | Should -BeGreaterThan 0
            $activation.Note | Should -BeNullOrEmpty
        }
        (Get-LifePosWorkplace -Id $workplace.Id).IsActivated | Should -BeTrue
    }

    It 'records an SMS with -SendSms and takes -OutletId' -Tag 'Variants' {
        $workplace = Get-LifePosWorkplace -Name 'Касса 0002'
        $outlet = (Get-LifePosOutlet -First 1).Id
        $employee = Get-LifePosEmployee | Where-Object Phone | Select-Object -First 1
        $code = New-LifePosActivationCode -WorkplaceId $workplace.Id -EmployeeId $employee.Id -OutletId $outlet -SendSms
        $code.SmsRequested | Should -BeTrue
        $code.OutletId | Should -Be $outlet
        $sms = @((Invoke-LifePosEmulatorControl $Emulator 'stats').sms) | Where-Object activation_code -eq $code.Code
        $sms.phone | Should -Be $employee.Phone
        $sms.outlet | Should -Be "$outlet"
    }

    It 'asks again after a lost answer when no SMS is sent, but not when one is' {
        $workplace = Get-LifePosWorkplace -Name 'Касса 0004'
        $before = Get-RequestCount 'generate-activation-code'
        $null = Invoke-LifePosEmulatorControl $Emulator 'faults' -Method Put -Body @{ next = @('500'); next_endpoint = 'generate-activation-code' }
        $employee = Get-LifePosEmployee | Where-Object Phone | Select-Object -First 1
        $code = $workplace | New-LifePosActivationCode -Employee $employee
        $code.Code | Should -Match '^\d{8}$'
        (Get-RequestCount 'generate-activation-code') - $before | Should -Be 2

        $null = Invoke-LifePosEmulatorControl $Emulator 'faults' -Method Put -Body @{ next = @('500'); next_endpoint = 'generate-activation-code' }
        $workplace | New-LifePosActivationCode -Employee $employee -SendSms -ErrorVariable lost -ErrorAction SilentlyContinue |
            Should -BeNullOrEmpty
        (Get-RequestCount 'generate-activation-code') - $before | Should -Be 3
        "$($lost[0])" | Should -Match 'may have been generated and sent by SMS'
    }

    It 'reports a wrong code as LifePos.WrongActivationCode' -Tag 'Variants' {
        Enable-LifePosWorkplace -ActivationCode '00000000' -ErrorVariable wrong -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $wrong.Count | Should -Be 1
        if ($ErrorsWithoutCode) {
            $wrong[0].FullyQualifiedErrorId | Should -BeLike 'LifePos.Unauthorized,*'
            # Activation takes no token: a 401 without a code must not be read as a refused token.
            "$($wrong[0])" | Should -Not -Match 'refused the token|Connect-LifePos'
        }
        else {
            $wrong[0].FullyQualifiedErrorId | Should -BeLike 'LifePos.WrongActivationCode,*'
            "$($wrong[0])" | Should -Match 'New-LifePosActivationCode'
        }
        $wrong[0].CategoryInfo.Category | Should -Be 'AuthenticationError'
        if ($Variant['errors'] -ne 'html') { "$($wrong[0])" | Should -Match 'activation code is wrong' }
    }
}

Describe 'Invoke-LifePosRequest' {
    BeforeAll { Reset-Emulator }

    It 'returns JSON answers as PSCustomObjects' -Tag 'Variants' {
        $orgs = Invoke-LifePosRequest -Path '/orgs'
        $orgs | Should -BeOfType ([pscustomobject])
        $orgs.items[0].guid | Should -Be $Emulator.OrganizationId.ToString()
    }

    It 'sends -Query and replaces {org}' -Tag 'Variants' {
        $page = Invoke-LifePosRequest -Path '/orgs/{org}/workplaces' -Query @{ items_per_page = 2; include_items_total = $true }
        $page.items.Count | Should -Be 2
        # The answer as it came: under page-fields=missing it has no counters, under numbers=string they are text.
        if ($Variant['page-fields'] -eq 'missing') { $page.PSObject.Properties['items_total'] | Should -BeNullOrEmpty }
        else { "$($page.items_total)" | Should -Be '45' }
    }

    It 'follows -All through an empty list to nothing' -Tag 'Variants' {
        @(Invoke-LifePosRequest -Path '/orgs/{org}/workplaces' -Query @{ selection = 'archived_only' } -All -ErrorAction Stop).Count | Should -Be 0
    }

    It 'writes an answer that is no list as one item under -All' -Tag 'Variants' {
        $one = Get-LifePosWorkplace -First 1
        $items = @(Invoke-LifePosRequest -Path "/orgs/{org}/workplaces/$($one.Id)" -All -ErrorAction Stop)
        $items.Count | Should -Be 1
        $items[0].guid | Should -Be $one.Id.ToString()
    }

    It 'follows every page with -All' -Tag 'Variants' {
        $items = @(Invoke-LifePosRequest -Path '/orgs/{org}/workplaces' -Query @{ items_per_page = 10 } -All)
        $items.Count | Should -Be 45
        $items[44].number | Should -Be 45
    }

    It 'sends a -Body given as JSON text' -Tag 'Variants' {
        $created = Invoke-LifePosRequest -Method POST -Path '/orgs/{org}/workplaces' -Body '{"workplace_type":"Mobile","name":"Raw"}'
        $created.name | Should -Be 'Raw'
        (Get-LifePosWorkplace -Id $created.guid).Name | Should -Be 'Raw'
    }

    It 'maps server errors like the other cmdlets' -Tag 'Variants' {
        Invoke-LifePosRequest -Path "/orgs/{org}/workplaces/$([Guid]::NewGuid())" -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'LifePos.NotFound,*'
    }
}

Describe 'Get-LifePosEmployee and Get-LifePosOutlet' {
    BeforeAll { Reset-Emulator }

    It 'finds an employee by a phone written any way, by name and by id' -Tag 'Variants' {
        $all = @(Get-LifePosEmployee)
        $all.Count | Should -BeGreaterThan 6
        $all[0] | Should -BeOfType ([LifePos.Employee])
        $byPhone = @(Get-LifePosEmployee -Phone '8 (900) 123-45-61')
        $byPhone.Count | Should -Be 1
        $byPhone[0].Name | Should -Be 'Иванов Иван Петрович'
        $byPhone[0].Phone | Should -Be '+7 900 123-45-61'
        @(Get-LifePosEmployee -Name 'иванов*').Id | Should -Be $byPhone[0].Id
        (Get-LifePosEmployee -Id $byPhone[0].Id).Name | Should -Be 'Иванов Иван Петрович'
        @(Get-LifePosEmployee -First 2).Count | Should -Be 2
        @(Get-LifePosEmployee -Name 'Nobody*' -ErrorAction Stop).Count | Should -Be 0
    }

    It 'lists the outlets, by name and by id' -Tag 'Variants' {
        $outlets = @(Get-LifePosOutlet)
        $outlets.Count | Should -Be 2
        $outlets[0] | Should -BeOfType ([LifePos.Outlet])
        $outlets.Name | Should -Be 'Магазин на Тверской', 'Кофейня на Невском'
        (Get-LifePosOutlet -Id $outlets[1].Id).Name | Should -Be 'Кофейня на Невском'
        @(Get-LifePosOutlet -Name 'Магазин*').Id | Should -Be $outlets[0].Id
        @(Get-LifePosOutlet -Name 'Nothing*' -ErrorAction Stop).Count | Should -Be 0
    }
}

Describe 'Connect-LifePos, Get-LifePosConnection and Disconnect-LifePos' {
    AfterAll { Connect-LifePos -BaseUri $Emulator.BaseUri -Token $SecureToken }

    It 'signs in with a login, shows who signed in, and forgets the connection on Disconnect' -Tag 'Variants' {
        # The emulator's default account (its README): an Owner.
        $credential = [pscredential]::new('admin@example.com', (ConvertTo-SecureString 'password1' -AsPlainText -Force))
        $connection = Connect-LifePos -BaseUri $Emulator.BaseUri -Credential $credential -PassThru
        $connection | Should -BeOfType ([LifePos.LifePosConnection])
        $shown = Get-LifePosConnection
        $shown.OrganizationId | Should -Be $Emulator.OrganizationId
        $shown.AuthenticationMethod | Should -Be 'Credential'
        $shown.Account | Should -Be 'admin@example.com'
        $shown.Role | Should -Be 'Owner'
        @(Get-LifePosWorkplace -First 3).Count | Should -Be 3
        Disconnect-LifePos
        Get-LifePosConnection | Should -BeNullOrEmpty
        { Get-LifePosWorkplace -First 1 } | Should -Throw -ErrorId 'LifePos.NotConnected,*'
    }

    It 'connects with a token to the only organization it reaches' -Tag 'Variants' {
        Connect-LifePos -BaseUri $Emulator.BaseUri -Token $SecureToken
        $shown = Get-LifePosConnection
        $shown.OrganizationId | Should -Be $Emulator.OrganizationId
        $shown.AuthenticationMethod | Should -Be 'Token'
        $shown.Role | Should -Be 'Owner'
        @(Get-LifePosWorkplace -First 3).Count | Should -Be 3
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

    It 'completes -WorkplaceType values' {
        $line = 'New-LifePosWorkplace -WorkplaceType Sta'
        $completion = TabExpansion2 -inputScript $line -cursorColumn $line.Length
        $completion.CompletionMatches.CompletionText | Should -Be 'Stationary'
    }
}

Describe 'The tests that run on every answer variant' {
    It 'use every cmdlet of the module' {
        $used = foreach ($file in 'Workplace.Tests.ps1', 'Bulk.Tests.ps1') {
            $script = [Management.Automation.Language.Parser]::ParseFile((Join-Path $PSScriptRoot $file), [ref]$null, [ref]$null)
            $tagged = $script.FindAll({
                    param($node)
                    $node -is [Management.Automation.Language.CommandAst] -and $node.GetCommandName() -eq 'It' -and
                    @($node.CommandElements | Where-Object { $_ -is [Management.Automation.Language.StringConstantExpressionAst] -and $_.Value -eq 'Variants' }).Count -gt 0
                }, $true)
            foreach ($test in $tagged) {
                $test.FindAll({ param($node) $node -is [Management.Automation.Language.CommandAst] }, $true) | ForEach-Object { $_.GetCommandName() }
            }
        }
        $cmdlets = (Get-Command -Module LifePos).Name
        $cmdlets.Count | Should -Be 15
        $cmdlets | Where-Object { $_ -notin $used } | Should -BeNullOrEmpty
    }

    It 'run on every value but the default of every choice the emulator has, or say which bug keeps a value out' {
        $source = Get-Content -Raw -LiteralPath (Join-Path $PSScriptRoot '../../src/LifePos.Emulator/Answers/AnswerStyle.cs')
        $choices = [regex]::Matches($source, '\("(?<name>[a-z-]+)", \[(?<values>[^\]]*)\]\)')
        $choices.Count | Should -Be 11
        $expected = foreach ($choice in $choices) {
            [regex]::Matches($choice.Groups['values'].Value, '"([^"]+)"') | Select-Object -Skip 1 |
                ForEach-Object { $choice.Groups['name'].Value + '=' + $_.Groups[1].Value }
        }
        $variants = Import-PowerShellDataFile (Join-Path $PSScriptRoot 'AnswerVariants.psd1')
        @($variants.Variants) + @($variants.LeftOut.Keys) | Sort-Object | Should -Be ($expected | Sort-Object)
        $variants.Variants | Where-Object { $variants.LeftOut.ContainsKey($_) } | Should -BeNullOrEmpty
        $variants.LeftOut.Values | ForEach-Object { $_ | Should -Not -BeNullOrEmpty }
    }
}
