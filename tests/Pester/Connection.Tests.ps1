# Connecting: token or login (phone or user name), choosing the organization, the stored connection, and secrets.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/LifePos/LifePos.psd1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../out/LifePos.Emulator/LifePos.EmulatorProcess.psm1') -Force
    $script:SecondOrg = [Guid]::NewGuid()
    $script:Password = 'pass-' + [Guid]::NewGuid().ToString('N').Substring(0, 10)
    $script:Emulator = Start-LifePosEmulator -ArgumentList '--org', $SecondOrg, '--seed', '5',
        '--account', "+79990000000:$Password", '--account', "admin@example.com:$Password", '--account', "manager@example.com:$($Password):Manager"
    $script:SecureToken = ConvertTo-SecureString $Emulator.Token -AsPlainText -Force
    $script:FirstOrg = $Emulator.OrganizationId

    function New-TestCredential([string] $Login, [string] $Secret = $Password) {
        [pscredential]::new($Login, (ConvertTo-SecureString $Secret -AsPlainText -Force))
    }

    function Get-RequestCount([string] $Endpoint) {
        $requests = (Invoke-LifePosEmulatorControl $Emulator 'stats').requests
        if ($requests.PSObject.Properties[$Endpoint]) { $requests.$Endpoint.total } else { 0 }
    }
}
AfterAll {
    Disconnect-LifePos
    $Emulator | Stop-LifePosEmulator
}

Describe 'Connect-LifePos with a token' {
    AfterEach { Disconnect-LifePos }

    It 'refuses to guess when the token reaches several organizations, and lists them' {
        { Connect-LifePos -BaseUri $Emulator.BaseUri -Token $SecureToken } |
            Should -Throw -ErrorId 'LifePos.OrganizationNotChosen,*' -ExpectedMessage "*$FirstOrg*"
        try { Connect-LifePos -BaseUri $Emulator.BaseUri -Token $SecureToken } catch { "$_" | Should -Match $SecondOrg }
        Get-LifePosConnection | Should -BeNullOrEmpty
    }

    It 'connects to the organization given, checks the connection, and stores it' {
        $connection = Connect-LifePos -BaseUri $Emulator.BaseUri -Token $SecureToken -OrganizationId $FirstOrg -PassThru
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
        Connect-LifePos -BaseUri $Emulator.BaseUri -Token $SecureToken -OrganizationId $FirstOrg -Language en-US -MaxRetries 2 `
            -MaxRetryDelay ([TimeSpan]::FromSeconds(3))
        $connection = Get-LifePosConnection
        $connection.Language | Should -Be 'en-US'
        $connection.MaxRetries | Should -Be 2
        $connection.MaxRetryDelay | Should -Be ([TimeSpan]::FromSeconds(3))
    }

    It 'refuses plain http to a host that is not loopback, before sending anything' {
        { Connect-LifePos -BaseUri 'http://api.example.com' -Token $SecureToken } |
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
        Connect-LifePos -BaseUri $Emulator.BaseUri -Credential (New-TestCredential '+7 999 000-00-00') -OrganizationId $SecondOrg
        Get-RequestCount 'sign-in-by-phone' | Should -Be ($before + 1)
        $connection = Get-LifePosConnection
        $connection.AuthenticationMethod | Should -Be 'Credential'
        $connection.Account | Should -Be '+7 999 000-00-00'
        $connection.OrganizationId | Should -Be $SecondOrg
    }

    It 'signs in by full user name otherwise' {
        $before = Get-RequestCount 'sign-in'
        Connect-LifePos -BaseUri $Emulator.BaseUri -Credential (New-TestCredential 'admin@example.com') -OrganizationId $FirstOrg
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
        Connect-LifePos -BaseUri $Emulator.BaseUri -Credential (New-TestCredential 'manager@example.com') -OrganizationId $FirstOrg
        New-LifePosWorkplace -WorkplaceType Mobile -Name 'Not allowed' -ErrorVariable denied -ErrorAction SilentlyContinue
        $denied.Count | Should -Be 1
        $denied[0].FullyQualifiedErrorId | Should -BeLike 'LifePos.NoPermissions,*'
        $denied[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
    }
}

Describe 'The stored connection' {
    It 'is used by default, and -Connection overrides it for one command' {
        $first = Connect-LifePos -BaseUri $Emulator.BaseUri -Token $SecureToken -OrganizationId $FirstOrg -PassThru
        Connect-LifePos -BaseUri $Emulator.BaseUri -Token $SecureToken -OrganizationId $SecondOrg
        @(Get-LifePosWorkplace).Count | Should -Be 0
        @(Get-LifePosWorkplace -Connection $first).Count | Should -Be 5
        (Get-LifePosConnection).OrganizationId | Should -Be $SecondOrg
        Disconnect-LifePos -Connection $first
        Disconnect-LifePos
    }

    It 'belongs to one runspace: another runspace is not connected' {
        Connect-LifePos -BaseUri $Emulator.BaseUri -Token $SecureToken -OrganizationId $FirstOrg
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript({
                    param($Module)
                    Import-Module $Module
                    Get-LifePosConnection
                }).AddArgument((Join-Path $PSScriptRoot '../../out/LifePos/LifePos.psd1'))
            $ps.Invoke() | Should -BeNullOrEmpty
        }
        finally { $ps.Dispose() }
        Get-LifePosConnection | Should -Not -BeNullOrEmpty
        Disconnect-LifePos
    }

    It 'is visible from functions and script blocks' {
        Connect-LifePos -BaseUri $Emulator.BaseUri -Token $SecureToken -OrganizationId $FirstOrg
        function Get-Count { @(Get-LifePosWorkplace).Count }
        Get-Count | Should -Be 5
        & { & { (Get-LifePosConnection).OrganizationId } } | Should -Be $FirstOrg
        Disconnect-LifePos
    }

    It 'can be replaced and removed by commands typed at the prompt (pwsh -Command), not only by scripts' {
        $module = Join-Path $PSScriptRoot '../../out/LifePos/LifePos.psd1'
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

    It 'is gone after Disconnect-LifePos: cmdlets then stop with one error that says to connect' {
        Connect-LifePos -BaseUri $Emulator.BaseUri -Token $SecureToken -OrganizationId $FirstOrg
        Disconnect-LifePos
        Get-LifePosConnection | Should -BeNullOrEmpty
        { Get-LifePosWorkplace } | Should -Throw -ErrorId 'LifePos.NotConnected,LifePos.Commands.GetLifePosWorkplaceCommand' -ExpectedMessage '*Connect-LifePos*'
        { New-LifePosWorkplace -WorkplaceType Mobile } | Should -Throw -ErrorId 'LifePos.NotConnected*'
    }
}

Describe 'A refused token in the middle of a run' {
    AfterAll {
        Disconnect-LifePos
        $null = Invoke-LifePosEmulatorControl $Emulator 'reset' -Method Post
    }

    It 'stops a token connection with one terminating error that says to run Connect-LifePos' {
        Connect-LifePos -BaseUri $Emulator.BaseUri -Token $SecureToken -OrganizationId $FirstOrg
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
        Connect-LifePos -BaseUri $Emulator.BaseUri -Credential (New-TestCredential 'admin@example.com') -OrganizationId $FirstOrg
        $null = Invoke-LifePosEmulatorControl $Emulator 'revoke-tokens' -Method Post
        @(Get-LifePosWorkplace -Selection All).Count | Should -BeGreaterOrEqual 5
    }
}

Describe 'The token never shows' {
    It 'appears in no stream, no error, no $Error entry, and not in Get-LifePosConnection | Format-List *' {
        $null = Invoke-LifePosEmulatorControl $Emulator 'reset' -Method Post
        $Error.Clear()
        $output = & {
            $DebugPreference = 'Continue'
            $VerbosePreference = 'Continue'
            Connect-LifePos -BaseUri $Emulator.BaseUri -Token $SecureToken -OrganizationId $FirstOrg -PassThru -Verbose -Debug
            Get-LifePosWorkplace -First 2 -Verbose -Debug
            Get-LifePosWorkplace -Id ([Guid]::NewGuid()) -Verbose -Debug
            New-LifePosWorkplace -WorkplaceType Mobile -Name 'Secret check' -Verbose -Debug
            Invoke-LifePosRequest -Path '/orgs' -Verbose -Debug
            Connect-LifePos -BaseUri $Emulator.BaseUri -Credential (New-TestCredential 'admin@example.com') -OrganizationId $FirstOrg -Verbose -Debug
            Get-LifePosConnection | Format-List * -Force
            Get-LifePosConnection | Select-Object * | Format-List
            "$(Get-LifePosConnection)"
        } *>&1 | Out-String -Width 500
        $output | Should -Match 'GET /orgs'
        $output | Should -Match 'Authorization: Bearer'
        $output.Contains($Emulator.Token) | Should -BeFalse
        $output.Contains($Password) | Should -BeFalse
        $errors = ($Error | ForEach-Object { "$_"; $_.Exception.ToString(); $_.ErrorDetails }) -join "`n"
        $errors.Contains($Emulator.Token) | Should -BeFalse
        Disconnect-LifePos
    }
}
