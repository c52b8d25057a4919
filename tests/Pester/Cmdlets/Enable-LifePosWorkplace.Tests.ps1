# Enable-LifePosWorkplace activates a till with a code from New-LifePosActivationCode, and says when a code is wrong.
# Run.ps1 runs the tests tagged Variants again on each answer variant of the emulator.
BeforeAll { Import-Module (Join-Path $PSScriptRoot '../LifePos.TestHelpers.psm1'); $script:Emulator = Enter-TestEmulator }
AfterAll { Exit-TestEmulator }

Describe 'Enable-LifePosWorkplace' {
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
        if ((Get-TestAnswerVariant)['activation'] -eq 'no-token') {
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

    It 'reports a wrong code as LifePos.WrongActivationCode' -Tag 'Variants' {
        Enable-LifePosWorkplace -ActivationCode '00000000' -ErrorVariable wrong -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $wrong.Count | Should -Be 1
        if (Test-AnswerWithoutErrorCode) {
            $wrong[0].FullyQualifiedErrorId | Should -BeLike 'LifePos.Unauthorized,*'
            # Activation takes no token: a 401 without a code must not be read as a refused token.
            "$($wrong[0])" | Should -Not -Match 'refused the token|Connect-LifePos'
        }
        else {
            $wrong[0].FullyQualifiedErrorId | Should -BeLike 'LifePos.WrongActivationCode,*'
            "$($wrong[0])" | Should -Match 'New-LifePosActivationCode'
        }
        $wrong[0].CategoryInfo.Category | Should -Be 'AuthenticationError'
        if ((Get-TestAnswerVariant)['errors'] -ne 'html') { "$($wrong[0])" | Should -Match 'activation code is wrong' }
    }
}
