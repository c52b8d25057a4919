# What admins type into Connect-LifePos (issue 18 §4): -Environment in any case, a token read with Get-Content -Raw,
# a login with spaces around it; a token that cannot be sent gets the module's error naming its source, never its value.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../LifePos.TestHelpers.psm1')
    Import-LifePosUnderTest
    $script:Emulator = Start-TestEmulator -ArgumentList '--seed', '2', '--account', 'anna:Secret-Pass-1:Administrator'
}
AfterAll {
    Disconnect-LifePos
    Stop-TestEmulator
}

Describe 'Connect-LifePos: what admins type' {
    It 'takes -Environment <_> in any case, as ValidateSet does' -ForEach 'test', 'PRODUCTION' {
        # The emulator stands in as the proxy, so nothing leaves the machine; what matters is that the value is read, not
        # thrown back as System.ArgumentException.
        $failure = { Connect-LifePos -Environment $_ -Token $Emulator.SecureToken -Proxy $Emulator.BaseUri -MaxRetries 1 -OutageTimeout 1 -ErrorAction Stop } |
            Should -Throw -PassThru
        $failure.Exception | Should -Not -BeOfType ([System.ArgumentException])
        $failure.FullyQualifiedErrorId | Should -BeLike 'LifePos.*'
    }

    It 'trims the line break Get-Content -Raw leaves after a token' {
        $file = Join-Path $TestDrive 'token.txt'
        Set-Content -LiteralPath $file -Value $Emulator.Token
        (Get-Content -LiteralPath $file -Raw) | Should -Match '\n$' -Because 'the file ends with a line break'
        $token = ConvertTo-SecureString (Get-Content -LiteralPath $file -Raw) -AsPlainText -Force
        $connection = Connect-LifePos -BaseUri $Emulator.BaseUri -Token $token -PassThru
        $connection.OrganizationId | Should -Be $Emulator.OrganizationId
        @(Get-LifePosWorkplace).Count | Should -Be 2
    }

    It 'trims LIFEPOS_TOKEN the same way' {
        $saved = $env:LIFEPOS_TOKEN
        try {
            $env:LIFEPOS_TOKEN = " $($Emulator.Token)`r`n"
            (Connect-LifePos -BaseUri $Emulator.BaseUri -FromEnvironment -PassThru).OrganizationId | Should -Be $Emulator.OrganizationId
        }
        finally {
            $env:LIFEPOS_TOKEN = $saved
        }
    }

    It 'trims a login typed with spaces around it' {
        $credential = [pscredential]::new("  anna`t", (ConvertTo-SecureString 'Secret-Pass-1' -AsPlainText -Force))
        $connection = Connect-LifePos -BaseUri $Emulator.BaseUri -Credential $credential -OrganizationId $Emulator.OrganizationId -PassThru
        $connection.Account | Should -Be 'anna'
    }

    It 'refuses a token with a line break inside, naming <Source> and never the value' -ForEach @(
        @{ Source = '-Token'; FromEnvironment = $false }
        @{ Source = 'LIFEPOS_TOKEN'; FromEnvironment = $true }
    ) {
        $broken = $Emulator.Token.Insert(10, "`n")
        $saved = $env:LIFEPOS_TOKEN
        try {
            $failure = if ($FromEnvironment) {
                $env:LIFEPOS_TOKEN = $broken
                { Connect-LifePos -BaseUri $Emulator.BaseUri -FromEnvironment } | Should -Throw -PassThru
            }
            else {
                { Connect-LifePos -BaseUri $Emulator.BaseUri -Token (ConvertTo-SecureString $broken -AsPlainText -Force) } | Should -Throw -PassThru
            }
        }
        finally {
            $env:LIFEPOS_TOKEN = $saved
        }
        $failure.FullyQualifiedErrorId | Should -BeLike 'LifePos.InvalidInput*'
        $failure.Exception | Should -Not -BeOfType ([System.FormatException])
        $failure.Exception.Message | Should -Match ([regex]::Escape($Source))
        $failure.Exception.Message | Should -Not -Match ([regex]::Escape($Emulator.Token.Substring(0, 10)))
    }
}
