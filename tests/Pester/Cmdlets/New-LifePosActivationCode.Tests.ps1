# New-LifePosActivationCode: the activation story (an employee found by phone, a code by SMS for a workplace by
# number), the ways to name the workplace and the employee, CSV rows, SMS, a lost answer, and the errors on the way.
# Run.ps1 runs the tests tagged Variants again on each answer variant of the emulator.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../LifePos.TestHelpers.psm1')
    $script:Emulator = Enter-TestEmulator
    # Seeded employee i (1..6): phone '+7 900 123-45-6i', except the 6th, which has none (see the emulator's README).
    $script:PhoneOf3 = '+7 900 123-45-63'
}
AfterAll { Exit-TestEmulator }

Describe 'New-LifePosActivationCode' {
    It 'records an SMS with -SendSms and takes -OutletId' -Tag 'Variants' {
        $workplace = Get-LifePosWorkplace -Name 'Касса 0002'
        $outlet = (Get-LifePosOutlet -First 1).Id
        $employee = Get-LifePosEmployee | Where-Object Phone | Select-Object -First 1
        $code = New-LifePosActivationCode -WorkplaceId $workplace.Id -EmployeeId $employee.Id -OutletId $outlet -SendSms
        $code.SmsRequested | Should -BeTrue
        $code.OutletId | Should -Be $outlet
        $sms = @((Get-TestEmulatorStats).sms) | Where-Object activation_code -eq $code.Code
        $sms.phone | Should -Be $employee.Phone
        $sms.outlet | Should -Be "$outlet"
    }

    It 'asks again after a lost answer when no SMS is sent, but not when one is' {
        $workplace = Get-LifePosWorkplace -Name 'Касса 0004'
        $before = Get-RequestCount 'generate-activation-code'
        Set-TestEmulatorFaults @{ next = @('500'); next_endpoint = 'generate-activation-code' }
        $employee = Get-LifePosEmployee | Where-Object Phone | Select-Object -First 1
        $code = $workplace | New-LifePosActivationCode -Employee $employee
        $code.Code | Should -Match '^\d{8}$'
        (Get-RequestCount 'generate-activation-code') - $before | Should -Be 2

        Set-TestEmulatorFaults @{ next = @('500'); next_endpoint = 'generate-activation-code' }
        $workplace | New-LifePosActivationCode -Employee $employee -SendSms -ErrorVariable lost -ErrorAction SilentlyContinue |
            Should -BeNullOrEmpty
        (Get-RequestCount 'generate-activation-code') - $before | Should -Be 3
        "$($lost[0])" | Should -Match 'may have been generated and sent by SMS'
    }

    It 'sends nothing with -WhatIf' {
        $some = @(Get-LifePosWorkplace -First 2)
        Get-RequestCount -Changes -During { $some | New-LifePosActivationCode -EmployeeId ([Guid]::NewGuid()) -WhatIf } | Should -Be 0
    }
}

Describe 'Bulk changes from CSV ids' {
    BeforeAll { $script:Csv = Join-Path $TestDrive 'ids.csv'; $script:Targets = Initialize-BulkTargets $Csv }

    It 'generates activation codes from a CSV' -Tag 'Variants' {
        $codes = @(Import-Csv $Csv | New-LifePosActivationCode -ThrottleLimit 8)
        $codes.WorkplaceId | Should -Be $Targets.Id
        $codes.Code | ForEach-Object { $_ | Should -Match '^\d{8}$' }
    }
}

Describe 'The activation story: an employee found by phone, a code by SMS for a workplace by number, then activation' {
    BeforeAll {
        Reset-TestEmulator
        Connect-TestEmulator
    }

    It 'finds the employee by the phone written any way, sends the code to that phone, and the till activates with it' {
        $employee = Get-LifePosEmployee -Phone '8 (900) 123 45 63'
        $employee | Should -BeOfType ([LifePos.Employee])
        $employee.Phone | Should -Be $PhoneOf3
        @(Get-LifePosEmployee -Phone '9001234563', '+79001234563').Id | Should -Be $employee.Id -Because 'an employee is listed once, however many of the phones match'
        @(Get-LifePosEmployee -Phone '9001234561', '+7 900 123 45 63').Phone | Should -Be '+7 900 123-45-61', $PhoneOf3

        $code = $employee | New-LifePosActivationCode -Workplace 17 -SendSms
        $code | Should -BeOfType ([LifePos.ActivationCode])
        $code.WorkplaceNumber | Should -Be 17
        $code.WorkplaceName | Should -Be 'Касса 0017'
        $code.EmployeeId | Should -Be $employee.Id
        $code.EmployeeName | Should -Be $employee.Name
        $code.Phone | Should -Be $PhoneOf3
        $code.SmsRequested | Should -BeTrue

        $sms = @((Get-TestEmulatorStats).sms | Where-Object activation_code -eq $code.Code)
        $sms.Count | Should -Be 1
        $sms[0].phone | Should -Be $PhoneOf3
        $sms[0].employee | Should -Be "$($employee.Id)"
        $sms[0].workplace | Should -Be "$((Get-LifePosWorkplace -Number 17).Id)"

        $activation = $code | Enable-LifePosWorkplace
        $activation.WorkplaceId | Should -Be $code.WorkplaceId
        (Get-LifePosWorkplace -Number 17).IsActivated | Should -BeTrue
    }

    It 'binds a piped employee to -Employee, never to -Workplace, whichever way the workplace is named (<How>)' -TestCases @(
        @{ How = 'number'; Workplace = 21 }, @{ How = 'exact name'; Workplace = 'Касса 0022' }, @{ How = '#number'; Workplace = '#23' }
    ) {
        $employee = Get-LifePosEmployee -Phone $PhoneOf3
        $code = $employee | New-LifePosActivationCode -Workplace $Workplace
        $code.EmployeeId | Should -Be $employee.Id
        $code.WorkplaceId | Should -Not -Be $employee.Id
        $code.WorkplaceName | Should -BeLike 'Касса 00*'
    }

    It 'takes a CSV of workplace numbers and employee phones, and keeps the input order' {
        $csv = Join-Path $TestDrive 'codes.csv'
        @(
            [pscustomobject]@{ workplace_number = 31; employee_phone = '89001234561' }
            [pscustomobject]@{ workplace_number = 32; employee_phone = '+7 (900) 123-45-62' }
            [pscustomobject]@{ workplace_number = 33; employee_phone = $PhoneOf3 }
        ) | Export-Csv -LiteralPath $csv -NoTypeInformation -Encoding utf8
        $codes = @(Import-Csv -LiteralPath $csv | New-LifePosActivationCode -SendSms)
        $codes.WorkplaceNumber | Should -Be 31, 32, 33
        $codes.Phone | Should -Be '+7 900 123-45-61', '+7 900 123-45-62', $PhoneOf3
        foreach ($code in $codes) { @((Get-TestEmulatorStats).sms | Where-Object activation_code -eq $code.Code).phone | Should -Be $code.Phone }
    }

    It 'takes the old -WorkplaceId and -EmployeeId, and an employee id column' {
        $workplace = Get-LifePosWorkplace -Number 40
        $employee = Get-LifePosEmployee -Phone $PhoneOf3
        (New-LifePosActivationCode -WorkplaceId $workplace.Id -EmployeeId $employee.Id).WorkplaceId | Should -Be $workplace.Id
        ([pscustomobject]@{ WorkplaceId = $workplace.Id; EmployeeId = $employee.Id } | New-LifePosActivationCode).EmployeeId | Should -Be $employee.Id
    }

    It 'completes -Employee and -Outlet by name with Tab' {
        $employee = Get-LifePosEmployee -Phone $PhoneOf3
        $outlet = Get-LifePosOutlet -First 1
        $line = "New-LifePosActivationCode -Workplace 17 -Employee '$($employee.Name.Substring(0, 4))"
        $completions = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches
        $completions.ListItemText | Should -Contain $employee.Name
        $line = "New-LifePosActivationCode -Workplace 17 -Employee x -Outlet "
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.ListItemText | Should -Contain $outlet.Name
    }
}

Describe 'The errors on the way to an activation code' {
    BeforeEach {
        Reset-TestEmulator
        Connect-TestEmulator
    }

    It 'an unknown employee is LifePos.ReferenceNotFound, saying where to find the right ones' {
        New-LifePosActivationCode -Workplace 17 -Employee ([guid]::NewGuid()) -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'LifePos.ReferenceNotFound*'
        "$($failed[0])" | Should -Match 'Get-LifePosEmployee'
        $failed[0].ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
    }

    It 'an employee name nobody has fails before anything is sent, listing how to find one' {
        $before = Get-RequestCount 'generate-activation-code'
        New-LifePosActivationCode -Workplace 17 -Employee 'Нет Такого Человека' -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        "$($failed[0])" | Should -Match 'Нет Такого Человека'
        "$($failed[0])" | Should -Match 'Get-LifePosEmployee'
        Get-RequestCount 'generate-activation-code' | Should -Be $before
    }

    It 'an employee without a phone and -SendSms fails before sending when the module knows it' {
        $without = Get-LifePosEmployee | Where-Object { -not $_.Phone } | Select-Object -First 1
        $before = Get-RequestCount 'generate-activation-code'
        $without | New-LifePosActivationCode -Workplace 17 -SendSms -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        "$($failed[0])" | Should -Match 'has no phone number'
        "$($failed[0])" | Should -Match 'leave out -SendSms'
        Get-RequestCount 'generate-activation-code' | Should -Be $before
    }

    It 'the server''s PhoneIsNotFound gets its own message when only the id was given' {
        $without = Get-LifePosEmployee | Where-Object { -not $_.Phone } | Select-Object -First 1
        New-LifePosActivationCode -Workplace 17 -Employee "$($without.Id)" -SendSms -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -Match 'PhoneIsNotFound'
        "$($failed[0])" | Should -Match 'no phone number'
        @((Get-TestEmulatorStats).sms).Count | Should -Be 0
    }
}
