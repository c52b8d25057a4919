# The token and the password never reach any stream, $Error, a transcript, an exception message or ToString().
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../LifePos.TestHelpers.psm1')
    Import-LifePosUnderTest
    $script:Token = 'SECRET-token-' + [Guid]::NewGuid().ToString('N').Substring(0, 31)
    $script:Password = 'SECRET-pass-' + [Guid]::NewGuid().ToString('N').Substring(0, 8)
    $script:Emulator = Start-TestEmulator -Token $Token -ArgumentList '--seed', '30', '--account', "+79991234567:$Password",
        '--faults', '500=0.1,503=0.1,429=0.05,drop-after=0.05', '--fault-seed', '11'
}
AfterAll { Stop-TestEmulator }

Describe 'Every cmdlet with -Verbose -Debug under a transcript, with faults, wrong inputs and 401s' {
    BeforeAll {
        $transcript = Join-Path $TestDrive 'transcript.txt'
        $Error.Clear()
        $secureToken = ConvertTo-SecureString $Token -AsPlainText -Force
        $credential = [pscredential]::new('+79991234567', (ConvertTo-SecureString $Password -AsPlainText -Force))
        $common = @{ Verbose = $true; Debug = $true; ErrorAction = 'Continue'; WarningAction = 'Continue'; InformationAction = 'Continue' }
        Start-Transcript -Path $transcript
        $script:Captured = & {
            $DebugPreference = 'Continue'
            Connect-LifePos -BaseUri $Emulator.BaseUri -Token $secureToken -MaxRetryDelay ([TimeSpan]::FromMilliseconds(100)) -PassThru @common
            Get-LifePosConnection @common | Format-List * -Force | Out-String
            $connection = Get-LifePosConnection
            "$connection"
            $workplaces = @(Get-LifePosWorkplace -First 5 @common)
            $new = 'Mobile', 'Stationary', 'Spaceship' | ForEach-Object { [pscustomobject]@{ Name = "Secret test $_"; WorkplaceType = $_ } } |
                New-LifePosWorkplace @common
            $target = $new | Select-Object -First 1
            $target | Set-LifePosWorkplace -Meta 'changed' -PassThru -Confirm:$false @common
            Set-LifePosWorkplace -Id ([Guid]::NewGuid()) -Name 'missing' -Confirm:$false @common
            $target | Remove-LifePosWorkplace -PassThru -Confirm:$false @common
            $target | Restore-LifePosWorkplace -PassThru @common
            $code = $target | New-LifePosActivationCode -Employee (Get-LifePosEmployee -First 1) @common
            $activation = Enable-LifePosWorkplace -ActivationCode $code.Code @common
            $activation | Format-List * -Force | Out-String
            $script:ActivationToken = [Net.NetworkCredential]::new('', $activation.Token).Password
            Enable-LifePosWorkplace -ActivationCode '00000000' @common
            $target | Disable-LifePosWorkplace -PassThru -Confirm:$false @common
            Invoke-LifePosRequest -Method GET -Path '/orgs' @common
            Invoke-LifePosRequest -Method GET -Path "/orgs/$($Emulator.OrganizationId)/workplaces" -All @common | Select-Object -First 3
            $workplaces | Get-LifePosWorkplace @common | Out-String

            # A 401 on a token connection stops the run with one clear error.
            $null = Invoke-LifePosEmulatorControl $Emulator 'revoke-tokens' -Method Post
            try { Get-LifePosWorkplace @common } catch { $_; $_.Exception.ToString() }

            # A credential connection signs in again on a 401, and survives the revocation.
            Connect-LifePos -BaseUri $Emulator.BaseUri -Credential $credential -MaxRetryDelay ([TimeSpan]::FromMilliseconds(100)) @common
            $null = Invoke-LifePosEmulatorControl $Emulator 'revoke-tokens' -Method Post
            Get-LifePosWorkplace -First 2 @common
            try { Connect-LifePos -BaseUri $Emulator.BaseUri -Credential ([pscredential]::new('+79990000001', $secureToken)) @common }
            catch { $_; $_.Exception.ToString() }
            Get-LifePosConnection | Format-List * -Force | Out-String
        } *>&1 | ForEach-Object {
            if ($_ -is [Management.Automation.ErrorRecord]) {
                $_.ToString(); $_.Exception.ToString(); $_.FullyQualifiedErrorId; "$($_.TargetObject)"; $_.ErrorDetails
            }
            else { $_ | Out-String }
        }
        Stop-Transcript
        $script:TranscriptText = Get-Content -Raw $transcript
        $script:ErrorText = ($Error | ForEach-Object { $_.ToString(); $_.Exception.ToString(); $_.ScriptStackTrace }) -join "`n"
    }
    AfterAll { Disconnect-LifePos }

    It 'really ran: the streams show requests, debug output, errors and the 401' {
        $all = $Captured -join "`n"
        $all | Should -Match 'GET .*/workplaces'
        $all | Should -Match 'LifePos\.WrongActivationCode'
        $all | Should -Match 'Connect-LifePos'
        $ActivationToken | Should -Not -BeNullOrEmpty
    }

    It 'never shows the <Name> in any stream, the transcript or $Error' -TestCases @(
        @{ Name = 'API token'; Secret = { $Token } }
        @{ Name = 'password'; Secret = { $Password } }
        @{ Name = 'workplace token'; Secret = { $ActivationToken } }
    ) {
        $value = & $Secret
        ($Captured -join "`n").Contains($value) | Should -BeFalse
        $TranscriptText.Contains($value) | Should -BeFalse
        $ErrorText.Contains($value) | Should -BeFalse
    }
}


Describe 'The token never shows' {
    BeforeAll {
        # Seen only inside this block: its own emulator, without faults, where an Owner signs in with a password.
        $Password = 'pass-' + [Guid]::NewGuid().ToString('N').Substring(0, 10)
        $Emulator = Start-TestEmulator -ArgumentList '--seed', '5', '--account', "admin@example.com:$Password"
        $FirstOrg = $Emulator.OrganizationId
    }
    AfterAll { Stop-TestEmulator }

    It 'appears in no stream, no error, no $Error entry, and not in Get-LifePosConnection | Format-List *' {
        $Error.Clear()
        $output = & {
            $DebugPreference = 'Continue'
            $VerbosePreference = 'Continue'
            Connect-LifePos -BaseUri $Emulator.BaseUri -Token $Emulator.SecureToken -OrganizationId $FirstOrg -PassThru -Verbose -Debug
            Get-LifePosWorkplace -First 2 -Verbose -Debug
            Get-LifePosWorkplace -Id ([Guid]::NewGuid()) -Verbose -Debug
            New-LifePosWorkplace -WorkplaceType Mobile -Name 'Secret check' -Verbose -Debug
            Invoke-LifePosRequest -Path '/orgs' -Verbose -Debug
            Connect-LifePos -BaseUri $Emulator.BaseUri -Credential (New-TestCredential 'admin@example.com' $Password) -OrganizationId $FirstOrg -Verbose -Debug
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
