# The idiom matrix (issue 18 §3): PowerShell's preferences and common parameters, tried on every cmdlet the module
# exports. The list comes from Get-Command -Module LifePos, and a cmdlet without a way to run it here fails the first
# test, so a cmdlet added later cannot skip the matrix. Each cmdlet runs as an admin would run it; what is checked is
# behaviour (what is sent, what renders), not parameter names.
BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot '../LifePos.TestHelpers.psm1')
    Import-LifePosUnderTest
    $script:Exported = @((Get-Command -Module LifePos -CommandType Cmdlet).Name | Sort-Object)
    # Disconnect-LifePos's -Connection names what to close, not what to work through.
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
        'Remove-LifePosWorkplace'   = @{ Sends = 'archive'; Run = { param($Extra) New-LifePosWorkplace -Name "Matrix $(($script:Counter += 1))" -WorkplaceType Mobile -WhatIf:$false | Remove-LifePosWorkplace -Confirm:$false -PassThru @Extra } }
        'Restore-LifePosWorkplace'  = @{ Sends = 'unarchive'; Run = { param($Extra) New-LifePosWorkplace -Name "Matrix $(($script:Counter += 1))" -WorkplaceType Mobile -WhatIf:$false | Remove-LifePosWorkplace -Confirm:$false -WhatIf:$false -PassThru | Restore-LifePosWorkplace -PassThru @Extra } }
        'New-LifePosActivationCode' = @{ Sends = 'generate-activation-code'; Run = { param($Extra) New-LifePosWorkplace -Name "Matrix $(($script:Counter += 1))" -WorkplaceType Mobile -WhatIf:$false | New-LifePosActivationCode -Employee (Get-LifePosEmployee -First 1) @Extra } }
        'Enable-LifePosWorkplace'   = @{ Sends = 'activate'; Run = { param($Extra) $code = New-LifePosWorkplace -Name "Matrix $(($script:Counter += 1))" -WorkplaceType Mobile -WhatIf:$false | New-LifePosActivationCode -Employee (Get-LifePosEmployee -First 1) -WhatIf:$false; Enable-LifePosWorkplace -ActivationCode $code.Code @Extra } }
        'Disable-LifePosWorkplace'  = @{ Sends = 'deactivate'; Run = { param($Extra) $code = New-LifePosWorkplace -Name "Matrix $(($script:Counter += 1))" -WorkplaceType Mobile -WhatIf:$false | New-LifePosActivationCode -Employee (Get-LifePosEmployee -First 1) -WhatIf:$false; $on = Enable-LifePosWorkplace -ActivationCode $code.Code -WhatIf:$false; Get-LifePosWorkplace -Id $on.WorkplaceId | Disable-LifePosWorkplace -Confirm:$false -PassThru @Extra } }
        'Get-LifePosChange'         = @{ Sends = $null; Run = { param($Extra) Get-LifePosChange -JournalPath $Journal -Last 1 @Extra } }
        'Undo-LifePosChange'        = @{ Sends = 'unarchive'; Run = { param($Extra) New-LifePosWorkplace -Name "Matrix $(($script:Counter += 1))" -WorkplaceType Mobile -Connection $Journaled -WhatIf:$false | Remove-LifePosWorkplace -Connection $Journaled -Confirm:$false -WhatIf:$false; Get-LifePosChange -JournalPath $Journal -Last 1 | Undo-LifePosChange @Extra } }
        'Start-LifePosEmulator'     = @{ Sends = $null; Run = { param($Extra) $started = Start-LifePosEmulator -Path $EmulatorDll @Extra; try { $started } finally { $started | Stop-LifePosEmulator } } }
        'Stop-LifePosEmulator'      = @{ Sends = $null; Run = { param($Extra) Start-LifePosEmulator -Path $EmulatorDll | Stop-LifePosEmulator @Extra } }
    }

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
