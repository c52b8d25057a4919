# Invoke-LifePosRequest: any API call, its answer as objects, every page with -All, errors like the other cmdlets,
# and tokens in answers as SecureStrings. Run.ps1 runs the tests tagged Variants again on each answer variant of the emulator.
BeforeAll { Import-Module (Join-Path $PSScriptRoot '../LifePos.TestHelpers.psm1'); $script:Emulator = Enter-TestEmulator }
AfterAll { Exit-TestEmulator }

Describe 'Invoke-LifePosRequest' {
    It 'returns JSON answers as PSCustomObjects' -Tag 'Variants' {
        $orgs = Invoke-LifePosRequest -Path '/orgs'
        $orgs | Should -BeOfType ([pscustomobject])
        $orgs.items[0].guid | Should -Be $Emulator.OrganizationId.ToString()
    }

    It 'sends -Query and replaces {org}' -Tag 'Variants' {
        $page = Invoke-LifePosRequest -Path '/orgs/{org}/workplaces' -Query @{ items_per_page = 2; include_items_total = $true }
        $page.items.Count | Should -Be 2
        # The answer as it came: under page-fields=missing it has no counters, under numbers=string they are text.
        if ((Get-TestAnswerVariant)['page-fields'] -eq 'missing') { $page.PSObject.Properties['items_total'] | Should -BeNullOrEmpty }
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

    It 'sends nothing with -WhatIf' {
        Get-RequestCount -Changes -During { Invoke-LifePosRequest -Method POST -Path '/orgs/{org}/workplaces' -Body @{ workplace_type = 'Mobile' } -WhatIf } |
            Should -Be 0
    }

    It 'Invoke-LifePosRequest gives a token in any answer as a SecureString, never as text' {
        Connect-TestEmulator
        $answer = Invoke-LifePosRequest -Method POST -Path '/auth/sign-in-by-phone' -Body @{ phone = '+79990000000'; password = 'password1' } -Confirm:$false

        $answer.token | Should -BeOfType ([securestring])
        ($answer | ConvertTo-Json -Depth 5) | Should -Not -Match '"token":\s*"[^"]{20,}"'
        $outlet = Invoke-LifePosRequest -Path '/orgs/{org}/outlets' -All | Where-Object { $_.extensions.lifepay_cloud_fiscalization } | Select-Object -First 1
        $outlet.extensions.lifepay_cloud_fiscalization.api_key | Should -BeOfType ([securestring])
    }
}

Describe 'Invoke-LifePosRequest -Method GET -Body' {
    It 'is refused before sending, with the module''s error, on both editions alike' {
        # .NET Framework threw an unwrapped ProtocolViolationException here, and .NET sent the body.
        $before = (Get-TestEmulatorStats).requests_total
        { Invoke-LifePosRequest -Method GET -Path '/orgs/{org}/workplaces' -Body @{ name = 'Касса 1' } } |
            Should -Throw -ErrorId 'LifePos.InvalidInput,*' -ExpectedMessage '*A GET request carries no body*-Query*'
        (Get-TestEmulatorStats).requests_total | Should -Be $before
        @(Invoke-LifePosRequest -Path '/orgs/{org}/workplaces' -Query @{ items_per_page = 100 }).items.Count |
            Should -Be @(Get-LifePosWorkplace).Count
    }
}
