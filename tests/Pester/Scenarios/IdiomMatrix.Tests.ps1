# The idiom matrix (issue 18 §3): PowerShell's preferences and common parameters, tried on every cmdlet the module
# exports. The list comes from Get-Command -Module LifePos, and a cmdlet without a way to run it here fails the first
# test, so a cmdlet added later cannot skip the matrix. Each cmdlet runs as an admin would run it; what is checked is
# behaviour (what is sent, what renders), not parameter names.
BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot '../LifePos.TestHelpers.psm1')
    Import-LifePosUnderTest
    $script:Exported = @((Get-Command -Module LifePos -CommandType Cmdlet).Name | Sort-Object)
    # Disconnect-LifePos's -Connection names what to close, not what to work through.
    $script:ConfirmCases = (Import-PowerShellDataFile (Join-Path $PSScriptRoot 'ConfirmCases.psd1')).Cases
    # The cmdlets that run rows through a throttle: -PipelineVariable is tried on each.
    $script:Throttled = @($Exported | Where-Object { (Get-Command $_).Parameters.ContainsKey('ThrottleLimit') })
    $script:WithConnection = @($Exported | Where-Object { (Get-Command $_).Parameters.ContainsKey('Connection') -and $_ -ne 'Disconnect-LifePos' })
}
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../LifePos.TestHelpers.psm1')
    Import-LifePosUnderTest
    $script:Emulator = Start-TestEmulator -ArgumentList '--seed', '30', '--employees', '3', '--outlets', '2'
    $script:Org = $Emulator.OrganizationId
    $script:Counter = 0
    # A journaled connection beside the default, for the journal's cmdlets; and the built emulator, for its cmdlets.
    $script:Journal = Join-Path ([IO.Path]::GetTempPath()) "matrix-$([Guid]::NewGuid().ToString('N')).journal"
    $script:Journaled = Connect-LifePos -BaseUri $Emulator.BaseUri -Token $Emulator.SecureToken -JournalPath $Journal -NoDefault -PassThru
    # Get-LifePosChange reads a journal that exists: one change made through the journaled connection.
    $null = New-LifePosWorkplace -Name 'Matrix journaled' -WorkplaceType Mobile -Connection $Journaled
    $script:EmulatorDll = Get-TestPath Root 'out/LifePos.Emulator/LifePos.Emulator.dll'

    # How an admin runs each cmdlet. $Extra is splatted onto the cmdlet under test only (preparation steps say
    # -WhatIf:$false themselves); Sends names the emulator route of the change it makes, $null for a read.
    $script:Matrix = @{
        'Connect-LifePos'           = @{ Sends = $null; Run = { param($Extra) Connect-LifePos -BaseUri $Emulator.BaseUri -Token $Emulator.SecureToken -PassThru @Extra } }
        'Disconnect-LifePos'        = @{ Sends = $null; Run = { param($Extra) Disconnect-LifePos -Connection (Connect-LifePos -BaseUri $Emulator.BaseUri -Token $Emulator.SecureToken -PassThru) @Extra } }
        'Get-LifePosConnection'     = @{ Sends = $null; Run = { param($Extra) Get-LifePosConnection @Extra } }
        'Get-LifePosWorkplace'      = @{ Sends = $null; Run = { param($Extra) Get-LifePosWorkplace -First 3 @Extra } }
        'Get-LifePosEmployee'       = @{ Sends = $null; Run = { param($Extra) Get-LifePosEmployee -First 3 @Extra } }
        'Get-LifePosOutlet'         = @{ Sends = $null; Run = { param($Extra) Get-LifePosOutlet -First 2 @Extra } }
        'Invoke-LifePosRequest'     = @{ Sends = 'update'; Run = { param($Extra) Invoke-LifePosRequest "/orgs/$Org/workplaces/$((Get-LifePosWorkplace -Number 3).Id)" -Method PATCH -Body @(@{ op = 'replace'; path = '/meta'; value = "matrix $(($script:Counter += 1))" }) @Extra } }
        'New-LifePosWorkplace'      = @{ Sends = 'create'; Run = { param($Extra) New-LifePosWorkplace -Name "Matrix $(($script:Counter += 1))" -WorkplaceType Mobile @Extra } }
        'Set-LifePosWorkplace'      = @{ Sends = 'update'; Run = { param($Extra) Get-LifePosWorkplace -Number 1 | Set-LifePosWorkplace -Meta "matrix $(($script:Counter += 1))" -PassThru @Extra } }
        'Sync-LifePosWorkplace'     = @{ Sends = 'update'; Run = { param($Extra) [pscustomobject]@{ Number = 2; Meta = "matrix $(($script:Counter += 1))" } | Sync-LifePosWorkplace @Extra } }
        'Remove-LifePosWorkplace'   = @{ Sends = 'archive'; Run = { param($Extra) New-LifePosWorkplace -Name "Matrix $(($script:Counter += 1))" -WorkplaceType Mobile -WhatIf:$false -Confirm:$false | Remove-LifePosWorkplace -PassThru @Extra } }
        'Restore-LifePosWorkplace'  = @{ Sends = 'unarchive'; Run = { param($Extra) New-LifePosWorkplace -Name "Matrix $(($script:Counter += 1))" -WorkplaceType Mobile -WhatIf:$false -Confirm:$false | Remove-LifePosWorkplace -Confirm:$false -WhatIf:$false -PassThru | Restore-LifePosWorkplace -PassThru @Extra } }
        'New-LifePosActivationCode' = @{ Sends = 'generate-activation-code'; Run = { param($Extra) New-LifePosWorkplace -Name "Matrix $(($script:Counter += 1))" -WorkplaceType Mobile -WhatIf:$false -Confirm:$false | New-LifePosActivationCode -Employee (Get-LifePosEmployee -First 1) @Extra } }
        'Enable-LifePosWorkplace'   = @{ Sends = 'activate'; Run = { param($Extra) $code = New-LifePosWorkplace -Name "Matrix $(($script:Counter += 1))" -WorkplaceType Mobile -WhatIf:$false -Confirm:$false | New-LifePosActivationCode -Employee (Get-LifePosEmployee -First 1) -WhatIf:$false -Confirm:$false; Enable-LifePosWorkplace -ActivationCode $code.Code @Extra } }
        'Disable-LifePosWorkplace'  = @{ Sends = 'deactivate'; Run = { param($Extra) $code = New-LifePosWorkplace -Name "Matrix $(($script:Counter += 1))" -WorkplaceType Mobile -WhatIf:$false -Confirm:$false | New-LifePosActivationCode -Employee (Get-LifePosEmployee -First 1) -WhatIf:$false -Confirm:$false; $on = Enable-LifePosWorkplace -ActivationCode $code.Code -WhatIf:$false -Confirm:$false; Get-LifePosWorkplace -Id $on.WorkplaceId | Disable-LifePosWorkplace -PassThru @Extra } }
        'Get-LifePosChange'         = @{ Sends = $null; Run = { param($Extra) Get-LifePosChange -JournalPath $Journal -Last 1 @Extra } }
        'Undo-LifePosChange'        = @{ Sends = 'unarchive'; Run = { param($Extra) New-LifePosWorkplace -Name "Matrix $(($script:Counter += 1))" -WorkplaceType Mobile -Connection $Journaled -WhatIf:$false -Confirm:$false | Remove-LifePosWorkplace -Connection $Journaled -Confirm:$false -WhatIf:$false; Get-LifePosChange -JournalPath $Journal -Last 1 | Undo-LifePosChange @Extra } }
        'Start-LifePosEmulator'     = @{ Sends = $null; Run = { param($Extra) $started = Start-LifePosEmulator -Path $EmulatorDll @Extra; try { $started } finally { $started | Stop-LifePosEmulator } } }
        'Stop-LifePosEmulator'      = @{ Sends = $null; Run = { param($Extra) Start-LifePosEmulator -Path $EmulatorDll | Stop-LifePosEmulator @Extra } }
    }

    # Workplaces made for one -PipelineVariable run: fresh, archived, or activated (so they can be deactivated).
    function New-PreparedWorkplace([string] $Prefix, [switch] $Archived, [switch] $Active) {
        $made = foreach ($index in 1..3) { New-LifePosWorkplace -Name "$Prefix $index" -WorkplaceType Mobile -WhatIf:$false -Confirm:$false }
        if ($Archived) { $made = $made | Remove-LifePosWorkplace -PassThru -WhatIf:$false -Confirm:$false }
        if ($Active) {
            $employee = Get-LifePosEmployee -First 1
            $made = foreach ($workplace in $made) {
                $code = $workplace | New-LifePosActivationCode -Employee $employee -WhatIf:$false -Confirm:$false
                $on = Enable-LifePosWorkplace -ActivationCode $code.Code -WhatIf:$false -Confirm:$false
                Get-LifePosWorkplace -Id $on.WorkplaceId
            }
        }
        $made
    }

    # Each throttled cmdlet fed by a command with -PipelineVariable pv; each result is paired with what pv held
    # when the result came out (In) and the row it belongs to by its own id or name (Out).
    $script:Piped = @{
        'Get-LifePosWorkplace'      = { param($Extra) Get-LifePosWorkplace -First 4 -PipelineVariable pv | Get-LifePosWorkplace @Extra | ForEach-Object { [pscustomobject]@{ In = $pv.Id; Out = $_.Id } } }
        'Get-LifePosEmployee'       = { param($Extra) Get-LifePosEmployee -First 3 -PipelineVariable pv | Get-LifePosEmployee @Extra | ForEach-Object { [pscustomobject]@{ In = $pv.Id; Out = $_.Id } } }
        'Get-LifePosOutlet'         = { param($Extra) Get-LifePosOutlet -First 2 -PipelineVariable pv | Get-LifePosOutlet @Extra | ForEach-Object { [pscustomobject]@{ In = $pv.Id; Out = $_.Id } } }
        'New-LifePosWorkplace'      = { param($Extra) $run = ($script:Counter += 1); 1..3 | ForEach-Object -PipelineVariable pv { [pscustomobject]@{ Name = "PV new $run $_"; WorkplaceType = 'Mobile' } } | New-LifePosWorkplace @Extra | ForEach-Object { [pscustomobject]@{ In = $pv.Name; Out = $_.Name } } }
        'Set-LifePosWorkplace'      = { param($Extra) Get-LifePosWorkplace -First 4 -PipelineVariable pv | Set-LifePosWorkplace -Meta "pv $(($script:Counter += 1))" -PassThru @Extra | ForEach-Object { [pscustomobject]@{ In = $pv.Id; Out = $_.Id } } }
        'Sync-LifePosWorkplace'     = { param($Extra) Get-LifePosWorkplace -First 4 -PipelineVariable pv | Sync-LifePosWorkplace @Extra | ForEach-Object { [pscustomobject]@{ In = $pv.Id; Out = $_.Workplace.Id } } }
        'Remove-LifePosWorkplace'   = { param($Extra) New-PreparedWorkplace "PV remove $(($script:Counter += 1))" | ForEach-Object -PipelineVariable pv { $_ } | Remove-LifePosWorkplace -PassThru @Extra | ForEach-Object { [pscustomobject]@{ In = $pv.Id; Out = $_.Id } } }
        'Restore-LifePosWorkplace'  = { param($Extra) New-PreparedWorkplace "PV restore $(($script:Counter += 1))" -Archived | ForEach-Object -PipelineVariable pv { $_ } | Restore-LifePosWorkplace -PassThru @Extra | ForEach-Object { [pscustomobject]@{ In = $pv.Id; Out = $_.Id } } }
        'Disable-LifePosWorkplace'  = { param($Extra) New-PreparedWorkplace "PV disable $(($script:Counter += 1))" -Active | ForEach-Object -PipelineVariable pv { $_ } | Disable-LifePosWorkplace -PassThru @Extra | ForEach-Object { [pscustomobject]@{ In = $pv.Id; Out = $_.Id } } }
        'New-LifePosActivationCode' = { param($Extra) $employee = Get-LifePosEmployee -First 1; New-PreparedWorkplace "PV code $(($script:Counter += 1))" | ForEach-Object -PipelineVariable pv { $_ } | New-LifePosActivationCode -Employee $employee @Extra | ForEach-Object { [pscustomobject]@{ In = $pv.Id; Out = $_.WorkplaceId } } }
    }
    # Throttled cmdlets that must read all their input first, and why; their help says so.
    $script:ReadsAllFirst = @{
        'Undo-LifePosChange' = 'it undoes the newest change first'
    }

    # The confirm preferences, tried in a pwsh started with -NonInteractive (as a scheduled task runs it), each cmdlet
    # run by the same text as above. Expected: a cmdlet asks exactly when PowerShell's rules say so (-Confirm, or a
    # $ConfirmPreference at or below its ConfirmImpact); asking where nobody can answer ends with the module's
    # LifePos.CannotAsk, naming -Confirm:$false, and sends nothing; -Confirm:$false and 'None' never ask.
    $script:ConfirmCases = (Import-PowerShellDataFile (Join-Path $PSScriptRoot 'ConfirmCases.psd1')).Cases
    $child = Join-Path $TestDrive 'confirm-matrix.ps1'
    $resultFile = Join-Path $TestDrive 'confirm-matrix.json'
    $plainToken = [Net.NetworkCredential]::new('', $Emulator.SecureToken).Password
    # (The loop variables are not $name or $case: the tests below read $Name and $Case of their own.)
    $runs = foreach ($cmdletName in ($Matrix.Keys | Sort-Object)) {
        $asks = (Get-Command $cmdletName).Parameters.ContainsKey('WhatIf')
        foreach ($confirmCase in $ConfirmCases) {
            # A cmdlet that changes nothing has no -Confirm; it runs under each preference alone.
            if (-not $asks -and $confirmCase.Extra.Count -gt 0) { continue }
            @{ Name = $cmdletName; Case = $confirmCase.Case; Preference = $confirmCase.Preference; Extra = $confirmCase.Extra; Run = $Matrix[$cmdletName].Run.ToString(); Sends = $Matrix[$cmdletName].Sends }
        }
    }
    $runs | ConvertTo-Json -Depth 5 | Set-Content -LiteralPath (Join-Path $TestDrive 'confirm-runs.json') -Encoding utf8
    Set-Content -LiteralPath $child -Encoding utf8 -Value @"
Import-Module '$(Get-TestPath Module)'
`$Emulator = [pscustomobject]@{ BaseUri = [Uri]'$($Emulator.BaseUri)'; SecureToken = (ConvertTo-SecureString '$plainToken' -AsPlainText -Force) }
`$Org = '$Org'
`$script:Counter = 5000
`$Journal = '$Journal'
`$EmulatorDll = '$EmulatorDll'
`$Journaled = Connect-LifePos -BaseUri `$Emulator.BaseUri -Token `$Emulator.SecureToken -JournalPath `$Journal -NoDefault -PassThru
function Get-Sent([string] `$Route) {
    if (-not `$Route) { return 0 }
    `$entry = (Invoke-RestMethod ([Uri]::new(`$Emulator.BaseUri, '/_emulator/stats'))).requests.PSObject.Properties[`$Route]
    if (`$entry) { [int]`$entry.Value.total } else { 0 }
}
`$results = foreach (`$run in (Get-Content -Raw -LiteralPath '$(Join-Path $TestDrive 'confirm-runs.json')' | ConvertFrom-Json)) {
    Connect-LifePos -BaseUri `$Emulator.BaseUri -Token `$Emulator.SecureToken
    `$extra = @{}
    foreach (`$property in `$run.Extra.PSObject.Properties) { `$extra[`$property.Name] = `$property.Value }
    `$before = Get-Sent `$run.Sends
    `$errorId = `$null
    `$message = `$null
    `$ConfirmPreference = `$run.Preference
    try { `$null = & ([scriptblock]::Create(`$run.Run)) `$extra 2>&1 6>&1 }
    catch { `$errorId = `$_.FullyQualifiedErrorId; `$message = `$_.Exception.Message }
    finally { `$ConfirmPreference = 'High' }
    [pscustomobject]@{ Name = `$run.Name; Case = `$run.Case; Sent = (Get-Sent `$run.Sends) - `$before; ErrorId = `$errorId; Message = `$message }
}
`$results | ConvertTo-Json -Depth 3 | Set-Content -LiteralPath '$resultFile' -Encoding utf8
"@
    $pwsh = Join-Path $PSHOME 'pwsh.dll'
    & dotnet $pwsh -NoProfile -NonInteractive -File $child *> (Join-Path $TestDrive 'confirm-matrix.log')
    $script:ConfirmResults = @(Get-Content -Raw -LiteralPath $resultFile | ConvertFrom-Json)

    function Get-Sent([string] $Route) {
        $entry = (Invoke-LifePosEmulatorControl $Emulator 'stats').requests.PSObject.Properties[$Route]
        if ($entry) { [int]$entry.Value.total } else { 0 }
    }

    Connect-LifePos -BaseUri $Emulator.BaseUri -Token $Emulator.SecureToken
}
AfterAll {
    Disconnect-LifePos
    Disconnect-LifePos -Connection $Journaled
    Remove-Item -LiteralPath $Journal -ErrorAction Ignore
    Stop-TestEmulator
}

Describe 'The idiom matrix covers every exported cmdlet' {
    It 'has a way to run each of Get-Command -Module LifePos' {
        $missing = @($Exported | Where-Object { -not $Matrix.ContainsKey($_) })
        $missing | Should -BeNullOrEmpty -Because 'a cmdlet added to the module must be added to the matrix'
    }
}

Describe '<_>' -ForEach $Exported {
    BeforeAll {
        $script:Name = $_
        $script:Entry = $Matrix[$_]
        $script:ChangesThings = (Get-Command $_).Parameters.ContainsKey('WhatIf')
    }
    BeforeEach {
        # Disconnect-LifePos's own runs leave the session without a default connection.
        Connect-LifePos -BaseUri $Emulator.BaseUri -Token $Emulator.SecureToken
    }

    It '$WhatIfPreference = $true sends no change; -WhatIf:$false sends it' {
        if (-not $ChangesThings) {
            $WhatIfPreference = $true
            { & $Entry.Run @{} | Out-Null } | Should -Not -Throw -Because 'a cmdlet that changes nothing runs as usual'
            return
        }
        $before = Get-Sent $Entry.Sends
        $WhatIfPreference = $true
        $null = & $Entry.Run @{} 6>$null
        Get-Sent $Entry.Sends | Should -Be $before -Because "$Name under `$WhatIfPreference"
        $null = & $Entry.Run @{ WhatIf = $false; Confirm = $false }
        $WhatIfPreference = $false
        Get-Sent $Entry.Sends | Should -BeGreaterThan $before -Because "$Name -WhatIf:`$false overrides the preference"
    }

    It 'every default view renders under Set-StrictMode -Version Latest' {
        $extra = if ($ChangesThings) { @{ Confirm = $false } } else { @{} }
        $output = @(& $Entry.Run $extra | Where-Object { $null -ne $_ })
        Set-StrictMode -Version Latest
        try {
            foreach ($item in $output) {
                { $item | Out-String -Width 200 } | Should -Not -Throw
                { $item | Format-List | Out-String -Width 200 } | Should -Not -Throw
            }
        }
        finally {
            Set-StrictMode -Off
        }
    }

    It 'in a -NonInteractive pwsh, <Case> asks exactly when PowerShell says to, and asking ends in LifePos.CannotAsk with nothing sent' -ForEach $ConfirmCases {
        $result = @($ConfirmResults | Where-Object { $_.Name -eq $Name -and $_.Case -eq $Case })
        if (-not $ChangesThings -and $Extra.Count -gt 0) {
            $result | Should -BeNullOrEmpty -Because 'a cmdlet that changes nothing has no -Confirm'
            return
        }
        $result.Count | Should -Be 1 -Because "the child pwsh ran $Name under $Case"
        $impact = if ($ChangesThings) { (Get-Command $Name).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $true)[0].ConfirmImpact } else { 'None' }
        $asks = $ChangesThings -and -not ($Extra.ContainsKey('Confirm') -and -not $Extra.Confirm) -and
            (($Extra.ContainsKey('Confirm') -and $Extra.Confirm) -or ($Preference -ne 'None' -and [int][System.Management.Automation.ConfirmImpact]$impact -ge [int][System.Management.Automation.ConfirmImpact]$Preference))
        if ($asks) {
            $result[0].ErrorId | Should -Match '^LifePos\.CannotAsk' -Because "$Name (ConfirmImpact $impact) asks under $Case, and nobody can answer"
            $result[0].Message | Should -Match 'Confirm:\$false'
            $result[0].Sent | Should -Be 0
        }
        else {
            $result[0].ErrorId | Should -BeNullOrEmpty -Because "$Name (ConfirmImpact $impact) does not ask under $Case"
            if ($Entry.Sends) { $result[0].Sent | Should -BeGreaterThan 0 }
        }
    }

    It 'runs as usual under a global $ErrorActionPreference = ''Stop''' {
        $extra = if ($ChangesThings) { @{ Confirm = $false } } else { @{} }
        $before = if ($Entry.Sends) { Get-Sent $Entry.Sends } else { 0 }
        $saved = $global:ErrorActionPreference
        $global:ErrorActionPreference = 'Stop'
        try {
            { & $Entry.Run $extra | Out-Null } | Should -Not -Throw
        }
        finally {
            $global:ErrorActionPreference = $saved
        }
        if ($Entry.Sends) { Get-Sent $Entry.Sends | Should -BeGreaterThan $before }
    }

    It '-OutVariable and Tee-Object hold what the pipeline got' {
        $extra = if ($ChangesThings) { @{ Confirm = $false; OutVariable = 'captured' } } else { @{ OutVariable = 'captured' } }
        # Dot-sourced, so -OutVariable sets the variable in this scope, as it does at the prompt.
        $written = @(. $Entry.Run $extra)
        @($captured).Count | Should -Be $written.Count
        for ($index = 0; $index -lt $written.Count; $index++) {
            [object]::ReferenceEquals(@($captured)[$index], $written[$index]) | Should -BeTrue
        }
        $extra.Remove('OutVariable')
        $teed = @(& $Entry.Run $extra | Tee-Object -Variable tee)
        @($tee | Where-Object { $null -ne $_ }).Count | Should -Be $teed.Count
    }
}

Describe '<_> with $PSDefaultParameterValues' -ForEach $WithConnection {
    It 'takes its connection from $PSDefaultParameterValues[''*-LifePos*:Connection'']' {
        $connection = Connect-LifePos -BaseUri $Emulator.BaseUri -Token $Emulator.SecureToken -PassThru
        # A second connection becomes the default and is closed, so only the one in the preference can work.
        Connect-LifePos -BaseUri $Emulator.BaseUri -Token $Emulator.SecureToken
        Disconnect-LifePos
        $PSDefaultParameterValues['*-LifePos*:Connection'] = $connection
        try {
            $extra = if ((Get-Command $_).Parameters.ContainsKey('WhatIf')) { @{ Confirm = $false } } else { @{} }
            $run = $Matrix[$_].Run
            { & $run $extra | Out-Null } | Should -Not -Throw
        }
        finally {
            $PSDefaultParameterValues.Remove('*-LifePos*:Connection')
            Disconnect-LifePos -Connection $connection
        }
    }
}

Describe '<_> after a command with -PipelineVariable' -ForEach $Throttled {
    BeforeAll {
        $script:Name = $_
        Connect-LifePos -BaseUri $Emulator.BaseUri -Token $Emulator.SecureToken
    }

    It 'is tried here, or says why it reads all its input first' {
        ($Piped.ContainsKey($Name) -or $ReadsAllFirst.ContainsKey($Name)) | Should -BeTrue -Because 'a throttled cmdlet added to the module must be added to the -PipelineVariable matrix'
    }

    It 'at -ThrottleLimit 1 writes each row''s result before it reads the next row' {
        if (-not $Piped.ContainsKey($Name)) { return }
        $extra = @{ ThrottleLimit = 1 }
        if ((Get-Command $Name).Parameters.ContainsKey('WhatIf')) { $extra.Confirm = $false }
        $pairs = @(& $Piped[$Name] $extra)
        $pairs.Count | Should -BeGreaterThan 1
        @($pairs.Out | Sort-Object -Unique).Count | Should -Be $pairs.Count -Because 'each row gives one result'
        foreach ($pair in $pairs) { $pair.In | Should -Be $pair.Out -Because 'the pipeline variable still holds the row the result came from' }
    }

    It 'says in its help what -PipelineVariable holds, at 1 and above' {
        $text = (Get-Help $Name -Parameter ThrottleLimit).description.Text -join ' '
        $text | Should -Match 'PipelineVariable'
        if ($ReadsAllFirst.ContainsKey($Name)) {
            $text | Should -Match 'reads every entry before'
        }
        else {
            $text | Should -Match 'At 1, each row''s result is written before the next row is read'
            $text | Should -Match 'own Id'
        }
    }
}

Describe 'A bulk run under a global $ErrorActionPreference = ''Stop''' {
    BeforeAll {
        Connect-LifePos -BaseUri $Emulator.BaseUri -Token $Emulator.SecureToken
    }

    It 'stops at the first bad row, sends nothing after it, and says what was done' {
        $good = Get-LifePosWorkplace -Number 4
        $rows = @(
            [pscustomobject]@{ Id = $good.Id; Meta = "before the bad row $(($script:Counter += 1))" }
            [pscustomobject]@{ Id = [Guid]::NewGuid(); Meta = 'no such workplace' }
            [pscustomobject]@{ Id = (Get-LifePosWorkplace -Number 5).Id; Meta = 'after the bad row' }
        )
        $before = Get-Sent 'update'
        $saved = $global:ErrorActionPreference
        $global:ErrorActionPreference = 'Stop'
        try {
            $caught = $null
            try { $null = $rows | Set-LifePosWorkplace -ThrottleLimit 1 } catch { $caught = $_ }
        }
        finally {
            $global:ErrorActionPreference = $saved
        }
        $caught | Should -Not -BeNullOrEmpty -Because 'the global preference makes the first failed row end the run'
        $caught.Exception.Message | Should -Match 'nothing after it was sent'
        (Get-Sent 'update') - $before | Should -Be 1 -Because 'only the row before the bad one was sent'
        (Get-LifePosWorkplace -Number 5).Meta | Should -Not -Be 'after the bad row'
    }
}
