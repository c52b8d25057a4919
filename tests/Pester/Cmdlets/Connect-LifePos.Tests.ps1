# Connect-LifePos: a token or a login (phone or user name), choosing the organization, the stored connection and
# Get-LifePosConnection, a refused token mid-run, the LIFEPOS_* variables and a proxy. Run.ps1 runs the tests tagged
# Variants again on each answer variant of the emulator.
BeforeAll { Import-Module (Join-Path $PSScriptRoot '../LifePos.TestHelpers.psm1'); $script:Emulator = Enter-TestEmulator }
AfterAll { Exit-TestEmulator }

Describe 'Connect-LifePos, Get-LifePosConnection and Disconnect-LifePos' {
    AfterAll { Connect-LifePos -BaseUri $Emulator.BaseUri -Token $Emulator.SecureToken }

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
        Connect-LifePos -BaseUri $Emulator.BaseUri -Token $Emulator.SecureToken
        $shown = Get-LifePosConnection
        $shown.OrganizationId | Should -Be $Emulator.OrganizationId
        $shown.AuthenticationMethod | Should -Be 'Token'
        $shown.Role | Should -Be 'Owner'
        @(Get-LifePosWorkplace -First 3).Count | Should -Be 3
    }
}

Describe 'The connection refuses what cannot work' {
    BeforeEach { Reset-TestEmulator }

    It 'takes a base address with a path as a prefix of every call, without doubling /v6' {
        $base = [Uri]::new($Emulator.BaseUri, '/v6/')
        Connect-LifePos -BaseUri $base -Token $Emulator.SecureToken
        $workplace = Get-LifePosWorkplace -First 1
        $code = $workplace | New-LifePosActivationCode -Employee (Get-LifePosEmployee -First 1)

        $code.Code | Should -Match '^\d{8}$'
        Get-LifePosWorkplace -Id ([guid]::NewGuid()) -ErrorVariable missing -ErrorAction SilentlyContinue
        "$($missing[0])" | Should -Match '\(GET /v6/orgs/'
    }
}

Describe 'Connect-LifePos -Proxy' {
    BeforeAll {
        Reset-TestEmulator
        if (-not ('LifePosTests.LoopbackProxy' -as [type])) { Add-Type -Path (Join-Path $PSScriptRoot '../LoopbackProxy.cs') }
        $script:ProxyPassword = 'proxy-' + [guid]::NewGuid().ToString('N')
        $script:OpenProxy = [LifePosTests.LoopbackProxy]::new($null, $null)
        $script:GuardedProxy = [LifePosTests.LoopbackProxy]::new('proxyuser', $ProxyPassword)
    }
    AfterAll {
        $OpenProxy.Dispose()
        $GuardedProxy.Dispose()
    }

    It 'sends every request through -Proxy' {
        $before = $OpenProxy.Forwarded
        $connection = Connect-TestEmulator @{ Proxy = $OpenProxy.Address; PassThru = $true }
        @(Get-LifePosWorkplace -First 3 -Connection $connection).Count | Should -Be 3
        $OpenProxy.Forwarded - $before | Should -BeGreaterOrEqual 3 -Because 'the organization, /me and the listing all went through it'
        $connection.Proxy | Should -Be $OpenProxy.Address
        $connection | Disconnect-LifePos
    }

    It 'answers the proxy''s 407 with -ProxyCredential, and the password shows nowhere' {
        $output = & {
            $connection = Connect-TestEmulator @{ Proxy = $GuardedProxy.Address; ProxyCredential = (New-TestCredential 'proxyuser' $ProxyPassword); PassThru = $true; Verbose = $true }
            Get-LifePosWorkplace -First 2 -Connection $connection -Verbose
            $connection | Format-List * | Out-String
        } *>&1 | Out-String
        $output | Should -Match 'Касса 0002'
        $output | Should -Not -Match ([regex]::Escape($ProxyPassword))
        $GuardedProxy.Challenged | Should -BeGreaterOrEqual 1
        $GuardedProxy.Forwarded | Should -BeGreaterOrEqual 3
    }

    It 'without the credential, the proxy''s refusal is a clear error' {
        { Connect-TestEmulator @{ Proxy = $GuardedProxy.Address; ErrorAction = 'Stop' } } | Should -Throw -ExpectedMessage '*proxy refused*407*-ProxyCredential*'
    }

    It 'goes straight to the service with -NoProxy' {
        $before = $OpenProxy.Forwarded + $GuardedProxy.Forwarded
        $connection = Connect-TestEmulator @{ NoProxy = $true; PassThru = $true }
        @(Get-LifePosWorkplace -First 1 -Connection $connection).Count | Should -Be 1
        $OpenProxy.Forwarded + $GuardedProxy.Forwarded | Should -Be $before
    }
}

Describe 'Connect-LifePos to a service with two organizations' {
    BeforeAll {
        # Seen only inside this block: its own emulator, with two organizations and three accounts; not connected yet.
        Disconnect-LifePos
        $SecondOrg = [Guid]::NewGuid()
        $Password = 'pass-' + [Guid]::NewGuid().ToString('N').Substring(0, 10)
        $Emulator = Start-TestEmulator -ArgumentList '--org', $SecondOrg, '--seed', '5',
            '--account', "+79990000000:$Password", '--account', "admin@example.com:$Password", '--account', "manager@example.com:$($Password):Manager"
        $FirstOrg = $Emulator.OrganizationId
    }
    AfterAll { Stop-TestEmulator }

    Describe 'Connect-LifePos with a token' {
        AfterEach { Disconnect-LifePos }

        It 'refuses to guess when the token reaches several organizations, and lists them' {
            { Connect-LifePos -BaseUri $Emulator.BaseUri -Token $Emulator.SecureToken } |
                Should -Throw -ErrorId 'LifePos.OrganizationNotChosen,*' -ExpectedMessage "*$FirstOrg*"
            try { Connect-LifePos -BaseUri $Emulator.BaseUri -Token $Emulator.SecureToken } catch { "$_" | Should -Match $SecondOrg }
            Get-LifePosConnection | Should -BeNullOrEmpty
        }

        It 'connects to the organization given, checks the connection, and stores it' {
            $connection = Connect-LifePos -BaseUri $Emulator.BaseUri -Token $Emulator.SecureToken -OrganizationId $FirstOrg -PassThru
            $connection | Should -BeOfType ([LifePos.LifePosConnection])
            $stored = Get-LifePosConnection
            $stored.OrganizationId | Should -Be $FirstOrg
            $stored.AuthenticationMethod | Should -Be 'Token'
            $stored.Environment | Should -Be 'Custom'
            $stored.BaseUri | Should -Be $Emulator.BaseUri
            $stored.Account | Should -BeNullOrEmpty
            $stored.ConnectedAt | Should -BeGreaterThan ([DateTimeOffset]::Now.AddMinutes(-1))
            @(Get-LifePosWorkplace).Count | Should -Be 5
        }

        It 'passes -Language, -MaxRetries and -MaxRetryDelay to the connection' {
            Connect-LifePos -BaseUri $Emulator.BaseUri -Token $Emulator.SecureToken -OrganizationId $FirstOrg -Language en-US -MaxRetries 2 `
                -MaxRetryDelay ([TimeSpan]::FromSeconds(3))
            $connection = Get-LifePosConnection
            $connection.Language | Should -Be 'en-US'
            $connection.MaxRetries | Should -Be 2
            $connection.MaxRetryDelay | Should -Be ([TimeSpan]::FromSeconds(3))
        }

        It 'refuses plain http to a host that is not loopback, before sending anything' {
            { Connect-LifePos -BaseUri 'http://api.example.com' -Token $Emulator.SecureToken } |
                Should -Throw -ErrorId 'LifePos.InvalidConfiguration,*' -ExpectedMessage '*https*'
        }

        It 'offers -Environment Production and Test, or -BaseUri, each with -Token or -Credential, or -FromEnvironment' {
            $command = Get-Command Connect-LifePos
            $command.Parameters.Environment.Attributes.ValidValues | Should -Be 'Production', 'Test'
            $command.ParameterSets.Name | Sort-Object | Should -Be 'BaseUriCredential', 'BaseUriToken', 'EnvironmentCredential', 'EnvironmentToken', 'FromEnvironment'
            $command.DefaultParameterSet | Should -Be 'EnvironmentToken'
        }

        It 'fails with a clear error for a refused token' {
            $wrong = ConvertTo-SecureString 'not-the-token' -AsPlainText -Force
            { Connect-LifePos -BaseUri $Emulator.BaseUri -Token $wrong -OrganizationId $FirstOrg } |
                Should -Throw -ErrorId 'LifePos.Unauthorized,*' -ExpectedMessage '*Connect-LifePos*'
        }
    }

    Describe 'Connect-LifePos with a credential' {
        AfterEach { Disconnect-LifePos }

        It 'signs in by phone when the user name looks like a phone number' {
            $before = Get-RequestCount 'sign-in-by-phone'
            Connect-LifePos -BaseUri $Emulator.BaseUri -Credential (New-TestCredential '+7 999 000-00-00' $Password) -OrganizationId $SecondOrg
            Get-RequestCount 'sign-in-by-phone' | Should -Be ($before + 1)
            $connection = Get-LifePosConnection
            $connection.AuthenticationMethod | Should -Be 'Credential'
            $connection.Account | Should -Be '+7 999 000-00-00'
            $connection.OrganizationId | Should -Be $SecondOrg
        }

        It 'signs in by full user name otherwise' {
            $before = Get-RequestCount 'sign-in'
            Connect-LifePos -BaseUri $Emulator.BaseUri -Credential (New-TestCredential 'admin@example.com' $Password) -OrganizationId $FirstOrg
            Get-RequestCount 'sign-in' | Should -Be ($before + 1)
            (Get-LifePosConnection).Account | Should -Be 'admin@example.com'
            @(Get-LifePosWorkplace).Count | Should -Be 5
        }

        It 'fails with a clear error for a wrong password and keeps no connection' {
            { Connect-LifePos -BaseUri $Emulator.BaseUri -Credential (New-TestCredential 'admin@example.com' 'wrong-password') } |
                Should -Throw -ExpectedMessage '*Check the login and the password*'
            Get-LifePosConnection | Should -BeNullOrEmpty
        }

        It 'maps a Manager''s 403 to LifePos.NoPermissions / PermissionDenied' {
            Connect-LifePos -BaseUri $Emulator.BaseUri -Credential (New-TestCredential 'manager@example.com' $Password) -OrganizationId $FirstOrg
            New-LifePosWorkplace -WorkplaceType Mobile -Name 'Not allowed' -ErrorVariable denied -ErrorAction SilentlyContinue
            $denied.Count | Should -Be 1
            $denied[0].FullyQualifiedErrorId | Should -BeLike 'LifePos.NoPermissions,*'
            $denied[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
        }

        It 'a Manager account is warned at Connect that it cannot change workplaces, and a change fails with 403 saying why' {
            $warnings = @()
            $connection = Connect-LifePos -BaseUri $Emulator.BaseUri -Credential (New-TestCredential 'manager@example.com' $Password) -OrganizationId $FirstOrg -PassThru -WarningVariable warnings -WarningAction SilentlyContinue
            $connection.Role | Should -Be 'Manager'
            "$warnings" | Should -Match 'role is Manager'
            "$warnings" | Should -Match '403'

            @(Get-LifePosWorkplace -Connection $connection -First 3).Count | Should -Be 3
            New-LifePosWorkplace -Connection $connection -Name 'Manager made' -WorkplaceType Mobile -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            $failed[0].FullyQualifiedErrorId | Should -BeLike 'LifePos.NoPermissions*'
            "$($failed[0])" | Should -Match 'Owner or Administrator'
            $connection | Disconnect-LifePos
        }
    }

    Describe 'The stored connection' {
        It 'is used by default, and -Connection overrides it for one command' {
            $first = Connect-LifePos -BaseUri $Emulator.BaseUri -Token $Emulator.SecureToken -OrganizationId $FirstOrg -PassThru
            Connect-LifePos -BaseUri $Emulator.BaseUri -Token $Emulator.SecureToken -OrganizationId $SecondOrg
            @(Get-LifePosWorkplace).Count | Should -Be 0
            @(Get-LifePosWorkplace -Connection $first).Count | Should -Be 5
            (Get-LifePosConnection).OrganizationId | Should -Be $SecondOrg
            Disconnect-LifePos -Connection $first
            Disconnect-LifePos
        }

        It 'belongs to one runspace: another runspace is not connected' {
            Connect-LifePos -BaseUri $Emulator.BaseUri -Token $Emulator.SecureToken -OrganizationId $FirstOrg
            $ps = [powershell]::Create()
            try {
                $null = $ps.AddScript({
                        param($Module)
                        Import-Module $Module
                        Get-LifePosConnection
                    }).AddArgument((Get-TestPath Module))
                $ps.Invoke() | Should -BeNullOrEmpty
            }
            finally { $ps.Dispose() }
            Get-LifePosConnection | Should -Not -BeNullOrEmpty
            Disconnect-LifePos
        }

        It 'is visible from functions and script blocks' {
            Connect-LifePos -BaseUri $Emulator.BaseUri -Token $Emulator.SecureToken -OrganizationId $FirstOrg
            function Get-Count { @(Get-LifePosWorkplace).Count }
            Get-Count | Should -Be 5
            & { & { (Get-LifePosConnection).OrganizationId } } | Should -Be $FirstOrg
            Disconnect-LifePos
        }

        It 'can be replaced and removed by commands typed at the prompt (pwsh -Command), not only by scripts' {
            $module = Get-TestPath Module
            $commands = "Import-Module '$module'; `$t = ConvertTo-SecureString '$($Emulator.Token)' -AsPlainText -Force; " +
                "Connect-LifePos -BaseUri '$($Emulator.BaseUri)' -Token `$t -OrganizationId $FirstOrg; " +
                "Connect-LifePos -BaseUri '$($Emulator.BaseUri)' -Token `$t -OrganizationId $SecondOrg; " +
                "(Get-LifePosConnection).OrganizationId; Disconnect-LifePos; 'connected after disconnect: ' + [bool](Get-LifePosConnection)"
            $output = & dotnet (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive -Command $commands 2>&1 | Out-String
            $LASTEXITCODE | Should -Be 0
            $output | Should -Not -Match 'private variable'
            $output | Should -Match "$SecondOrg"
            $output | Should -Match 'connected after disconnect: False'
        }
    }

    Describe 'A refused token in the middle of a run' {
        AfterAll {
            Disconnect-LifePos
            Reset-TestEmulator
        }

        It 'stops a token connection with one terminating error that says to run Connect-LifePos' {
            Connect-LifePos -BaseUri $Emulator.BaseUri -Token $Emulator.SecureToken -OrganizationId $FirstOrg
            $null = Invoke-LifePosEmulatorControl $Emulator 'revoke-tokens' -Method Post
            $before = Get-RequestCount 'create'
            $rows = 1..10 | ForEach-Object { [pscustomobject]@{ Name = "After revoke $_"; WorkplaceType = 'Mobile' } }
            $caught = $null
            try { $rows | New-LifePosWorkplace -ThrottleLimit 1 -ErrorAction SilentlyContinue } catch { $caught = $_ }
            $caught | Should -Not -BeNullOrEmpty
            $caught.FullyQualifiedErrorId | Should -BeLike 'LifePos.Unauthorized,*'
            $caught.CategoryInfo.Category | Should -Be 'AuthenticationError'
            "$caught" | Should -Match 'Connect-LifePos'
            (Get-RequestCount 'create') - $before | Should -Be 1 -Because 'the run stops at the first refusal'
        }

        It 'keeps a credential connection working: it signs in again by itself' {
            Connect-LifePos -BaseUri $Emulator.BaseUri -Credential (New-TestCredential 'admin@example.com' $Password) -OrganizationId $FirstOrg
            $null = Invoke-LifePosEmulatorControl $Emulator 'revoke-tokens' -Method Post
            @(Get-LifePosWorkplace -Selection All).Count | Should -BeGreaterOrEqual 5
        }
    }
}

Describe 'Connect-LifePos -FromEnvironment' {
    BeforeAll {
        # Seen only inside this block: its own emulator, whose Owner signs in with a password of its own.
        $OwnerPassword = 'owner-' + [guid]::NewGuid().ToString('N')
        $Emulator = Start-TestEmulator -ArgumentList '--seed', '3', '--account', "admin@example.com:$($OwnerPassword):Owner"
        $script:Variables = 'LIFEPOS_TOKEN', 'LIFEPOS_LOGIN', 'LIFEPOS_PASSWORD', 'LIFEPOS_BASE_URI', 'LIFEPOS_ENVIRONMENT', 'LIFEPOS_ORGANIZATION_ID'
        $script:Saved = @{}
        foreach ($name in $Variables) { $Saved[$name] = [Environment]::GetEnvironmentVariable($name) }
    }
    AfterAll { Stop-TestEmulator }
    AfterEach {
        foreach ($name in $Variables) { [Environment]::SetEnvironmentVariable($name, $Saved[$name]) }
    }

    It 'connects with LIFEPOS_TOKEN and LIFEPOS_BASE_URI, and no value shows in any stream' {
        $env:LIFEPOS_TOKEN = $Emulator.Token
        $env:LIFEPOS_BASE_URI = "$($Emulator.BaseUri)"
        $env:LIFEPOS_ORGANIZATION_ID = "$($Emulator.OrganizationId)"
        $output = & {
            $DebugPreference = 'Continue'
            $connection = Connect-LifePos -FromEnvironment -PassThru -Verbose
            $connection | Format-List * | Out-String
            Get-LifePosWorkplace -First 1 -Connection $connection -Verbose
        } *>&1 | Out-String
        $output | Should -Match 'Касса 0001'
        $output | Should -Not -Match ([regex]::Escape($Emulator.Token))
        (Get-LifePosConnection).OrganizationId | Should -Be $Emulator.OrganizationId
    }

    It 'signs in with LIFEPOS_LOGIN and LIFEPOS_PASSWORD, and the password shows nowhere' {
        $env:LIFEPOS_LOGIN = 'admin@example.com'
        $env:LIFEPOS_PASSWORD = $OwnerPassword
        $env:LIFEPOS_BASE_URI = "$($Emulator.BaseUri)"
        $output = & {
            $DebugPreference = 'Continue'
            Connect-LifePos -FromEnvironment -PassThru -Verbose | Format-List * | Out-String
        } *>&1 | Out-String
        $output | Should -Not -Match ([regex]::Escape($OwnerPassword))
        (Get-LifePosConnection).Role | Should -Be 'Owner'
        (Get-LifePosConnection).EmployeeName | Should -Match 'admin@example.com'
    }

    It 'names the missing variable: <Case>' -TestCases @(
        @{ Case = 'nothing set'; Set = @{}; Names = 'LIFEPOS_TOKEN', 'LIFEPOS_LOGIN' }
        @{ Case = 'a login without a password'; Set = @{ LIFEPOS_LOGIN = 'admin@example.com' }; Names = @('LIFEPOS_PASSWORD') }
        @{ Case = 'a malformed organization id'; Set = @{ LIFEPOS_TOKEN = 'x'; LIFEPOS_ORGANIZATION_ID = 'not-an-id-3141592' }; Names = @('LIFEPOS_ORGANIZATION_ID') }
        @{ Case = 'an unknown environment'; Set = @{ LIFEPOS_TOKEN = 'x'; LIFEPOS_ENVIRONMENT = 'Staging-2718' }; Names = @('LIFEPOS_ENVIRONMENT') }
    ) {
        foreach ($name in $Variables) { [Environment]::SetEnvironmentVariable($name, $null) }
        foreach ($pair in $Set.GetEnumerator()) { [Environment]::SetEnvironmentVariable($pair.Key, $pair.Value) }
        { Connect-LifePos -FromEnvironment -ErrorAction Stop } | Should -Throw
        $message = "$($Error[0])"
        foreach ($name in $Names) { $message | Should -Match $name }
        $message | Should -Not -Match '3141592|2718'
        # No frame of the module; this file's own name (Connect-LifePos.Tests.ps1) is no frame of it.
        $Error[0].ScriptStackTrace + $Error[0].Exception.StackTrace | Should -Not -Match 'LifePos\.(?!Tests\.ps1)'
    }
}
