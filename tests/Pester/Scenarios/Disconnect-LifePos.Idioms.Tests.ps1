# Parallel work (issue 18 §4): Disconnect-LifePos while another runspace's bulk run waits ends that run as
# LifePos.ConnectionClosed; a connection given to Start-Job gets a message that says to connect inside the job.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../LifePos.TestHelpers.psm1')
    Import-LifePosUnderTest
    $script:Manifest = Get-TestPath Module
    # Each answer takes a while, so the run in the other runspace is still waiting when the connection closes.
    $script:Emulator = Start-TestEmulator -ArgumentList '--seed', '20', '--latency-ms', '150'
}
AfterAll {
    Stop-TestEmulator
}

Describe 'Disconnect-LifePos while another runspace runs' {
    It 'ends that run as LifePos.ConnectionClosed' {
        $connection = Connect-LifePos -BaseUri $Emulator.BaseUri -Token $Emulator.SecureToken -PassThru
        $firstRow = [Threading.ManualResetEventSlim]::new($false)
        $other = [powershell]::Create()
        try {
            $null = $other.AddScript({
                    param($Manifest, $Connection, $FirstRow)
                    Import-Module $Manifest
                    Get-LifePosWorkplace -Connection $Connection |
                        Set-LifePosWorkplace -Connection $Connection -Meta 'parallel' -ThrottleLimit 1 -PassThru |
                        ForEach-Object { $FirstRow.Set(); $_ }
                }).AddArgument($Manifest).AddArgument($connection).AddArgument($firstRow)
            $running = $other.BeginInvoke()
            $firstRow.Wait([TimeSpan]::FromSeconds(60)) | Should -BeTrue -Because 'the other run writes its first row'
            Disconnect-LifePos -Connection $connection
            # A cmdlet's terminating error ends its statement; the other runspace's script records it and returns.
            $written = @($other.EndInvoke($running))
            $errors = @($other.Streams.Error)
        }
        finally {
            $other.Dispose()
        }
        $written.Count | Should -BeLessThan 20 -Because 'the run ended when the connection closed'
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'LifePos.ConnectionClosed,*'
        $errors[0].Exception.Message | Should -Match 'Disconnect-LifePos'
    }
}

Describe 'Start-Job given a connection' {
    It 'says to connect inside the job with -FromEnvironment, not "cannot convert Deserialized..."' {
        $connection = Connect-LifePos -BaseUri $Emulator.BaseUri -Token $Emulator.SecureToken -PassThru
        $job = Start-Job -ArgumentList $Manifest, $connection -ScriptBlock {
            param($Manifest, $Connection)
            Import-Module $Manifest
            try { Get-LifePosWorkplace -Connection $Connection -ErrorAction Stop } catch { $_.Exception.Message }
        }
        try {
            $message = $job | Wait-Job -Timeout 120 | Receive-Job
        }
        finally {
            $job | Remove-Job -Force
            Disconnect-LifePos -Connection $connection
        }
        "$message" | Should -Match 'Connect-LifePos -FromEnvironment'
        "$message" | Should -Match 'cannot be passed to another process'
        "$message" | Should -Not -Match $Emulator.Token
    }
}
