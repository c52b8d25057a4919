# The example scripts an administrator copies and schedules, run against the emulator the way they would run for real.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../LifePos.TestHelpers.psm1')
    Import-LifePosUnderTest
    $script:Examples = Get-TestPath Examples
    $script:Emulator = Start-TestEmulator -ArgumentList '--employees', '6'
    $script:SavedToken = $env:LIFEPOS_TOKEN
    $env:LIFEPOS_TOKEN = $Emulator.Token

    # The examples connect and disconnect on their own: what they left is read on a connection of the test's.
    function Get-AliveNames([string] $Like) {
        Connect-TestEmulator
        Get-AliveWorkplaceName $Like
    }
}
AfterAll {
    Stop-TestEmulator
    $env:LIFEPOS_TOKEN = $SavedToken
}

Describe 'Provision-FromCsv.ps1, the scheduled bulk job' {
    BeforeAll {
        $script:Provision = Join-Path $Examples 'Provision-FromCsv.ps1'
        $script:Folder = Join-Path $TestDrive 'job'
        $null = New-Item -ItemType Directory $Folder
        $script:Csv = Join-Path $Folder 'new.csv'
        $script:Log = Join-Path $Folder 'Provision-FromCsv.log'
        $script:Retry = Join-Path $Folder 'new.failed.csv'
    }

    It 'exits 0 when every row is created, with a timestamp on every log line' {
        Copy-Item (Join-Path $Examples 'workplaces.csv') $Csv
        & $Provision -CsvPath $Csv -BaseUri $Emulator.BaseUri
        $LASTEXITCODE | Should -Be 0
        $expected = @(Import-Csv $Csv | ForEach-Object name)
        $alive = Get-AliveNames '*'
        foreach ($name in $expected) { $alive | Should -Contain $name }
        Test-Path $Retry | Should -BeFalse
        $lines = @(Get-Content $Log)
        $lines.Count | Should -BeGreaterThan 6
        foreach ($line in $lines) { $line | Should -Match '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d (INFO|WARN|ERROR) ' }
        $lines[-1] | Should -Match 'End: exit 0$'
    }

    It 'exits 0 on a re-run and creates nothing twice' {
        $creates = Get-RequestCount 'create'
        & $Provision -CsvPath $Csv -BaseUri $Emulator.BaseUri
        $LASTEXITCODE | Should -Be 0
        Get-RequestCount 'create' | Should -Be $creates
        $alive = Get-AliveNames 'Касса 1 — Тверская'
        $alive.Count | Should -Be 1
    }

    It 'exits 1 when some rows fail, and writes exactly those rows to the retry file' {
        @(
            [pscustomobject]@{ name = 'Provision good 1'; workplace_type = 'Mobile'; meta = 'batch-2' }
            [pscustomobject]@{ name = 'Provision bad'; workplace_type = 'Spaceship'; meta = 'batch-2' }
            [pscustomobject]@{ name = 'Provision good 2'; workplace_type = 'Stationary'; meta = 'batch-2' }
        ) | Export-Csv $Csv -NoTypeInformation -Encoding utf8
        & $Provision -CsvPath $Csv -BaseUri $Emulator.BaseUri
        $LASTEXITCODE | Should -Be 1
        $retry = @(Import-Csv $Retry)
        $retry.Count | Should -Be 1
        $retry[0].name | Should -Be 'Provision bad'
        $retry[0].workplace_type | Should -Be 'Spaceship'
        Get-AliveNames 'Provision good *' | Sort-Object | Should -Be 'Provision good 1', 'Provision good 2'
        (Get-Content $Log -Tail 5) -join "`n" | Should -Match 'ERROR Row failed: .*Spaceship'
    }

    It 'does not fail night after night once the CSV itself is fixed (the stale row in the retry file is skipped)' {
        (Import-Csv $Csv) | ForEach-Object { if ($_.name -eq 'Provision bad') { $_.workplace_type = 'Automat' }; $_ } | Export-Csv $Csv -NoTypeInformation -Encoding utf8
        (Import-Csv $Retry).workplace_type | Should -Be 'Spaceship'
        & $Provision -CsvPath $Csv -BaseUri $Emulator.BaseUri
        $LASTEXITCODE | Should -Be 0
        Get-AliveNames 'Provision bad' | Should -Be 'Provision bad'
        Test-Path $Retry | Should -BeFalse
        & $Provision -CsvPath $Csv -BaseUri $Emulator.BaseUri
        $LASTEXITCODE | Should -Be 0
    }

    It 'reads a CSV Excel saved in a Russian locale: semicolons and a BOM' {
        @(
            [pscustomobject]@{ Name = 'Excel; точка с запятой'; WorkplaceType = 'Mobile'; Meta = 'excel' }
            [pscustomobject]@{ Name = 'Excel 2'; WorkplaceType = 'Automat'; Meta = 'excel' }
        ) | Export-Csv $Csv -Delimiter ';' -Encoding utf8BOM -NoTypeInformation
        [IO.File]::ReadAllBytes($Csv)[0..2] | Should -Be 0xEF, 0xBB, 0xBF
        & $Provision -CsvPath $Csv -BaseUri $Emulator.BaseUri
        $LASTEXITCODE | Should -Be 0
        Get-AliveNames 'Excel*' | Sort-Object | Should -Be 'Excel 2', 'Excel; точка с запятой'
    }

    It 'retries the failed rows on the next run, then removes the retry file' {
        @(
            [pscustomobject]@{ name = 'Provision again good'; workplace_type = 'Mobile'; meta = 'batch-3' }
            [pscustomobject]@{ name = 'Provision again bad'; workplace_type = 'Spaceship'; meta = 'batch-3' }
        ) | Export-Csv $Csv -NoTypeInformation -Encoding utf8
        & $Provision -CsvPath $Csv -BaseUri $Emulator.BaseUri
        $LASTEXITCODE | Should -Be 1
        # The operator fixes the row in the retry file; tonight's CSV is the same as yesterday's.
        $fixed = (Import-Csv $Retry) | ForEach-Object { $_.workplace_type = 'Automat'; $_ }
        $fixed | Export-Csv $Retry -NoTypeInformation -Encoding utf8
        (Import-Csv $Csv) | Where-Object name -ne 'Provision again bad' | Export-Csv $Csv -NoTypeInformation -Encoding utf8
        & $Provision -CsvPath $Csv -BaseUri $Emulator.BaseUri
        $LASTEXITCODE | Should -Be 0
        Get-AliveNames 'Provision again bad' | Should -Be 'Provision again bad'
        Test-Path $Retry | Should -BeFalse
    }

    It 'signs in with a credential file made by Export-Clixml' {
        $credentialFile = Join-Path $Folder 'login.xml'
        [pscredential]::new('+79990000000', (ConvertTo-SecureString 'password1' -AsPlainText -Force)) | Export-Clixml $credentialFile
        [pscustomobject]@{ name = 'Provision by login'; workplace_type = 'Mobile' } | Export-Csv $Csv -NoTypeInformation -Encoding utf8
        & $Provision -CsvPath $Csv -BaseUri $Emulator.BaseUri -CredentialPath $credentialFile
        $LASTEXITCODE | Should -Be 0
        Get-AliveNames 'Provision by login' | Should -Be 'Provision by login'
    }

    It 'exits 2 and sends nothing when it cannot connect (pwsh -NonInteractive -File, as a scheduler runs it)' {
        $creates = Get-RequestCount 'create'
        $outFolder = Split-Path (Get-TestPath ModuleFolder)
        $savedModulePath = $env:PSModulePath
        try {
            # The scheduled run imports the module by name, as an installed module.
            $env:PSModulePath = $outFolder + [IO.Path]::PathSeparator + $env:PSModulePath
            $env:LIFEPOS_TOKEN = 'refused-token-0000000000000000000000000000'
            & dotnet (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive -File $Provision -CsvPath $Csv -BaseUri $Emulator.BaseUri
            $LASTEXITCODE | Should -Be 2
        }
        finally {
            $env:PSModulePath = $savedModulePath
            $env:LIFEPOS_TOKEN = $Emulator.Token
        }
        Get-RequestCount 'create' | Should -Be $creates
        (Get-Content $Log -Tail 2) -join "`n" | Should -Match 'ERROR Could not connect: .*token'
    }
}

Describe 'Archive-Unused.ps1' {
    BeforeAll {
        $script:Archive = Join-Path $Examples 'Archive-Unused.ps1'
        Connect-TestEmulator
        $script:Unused = @('Unused 1', 'Unused 2' | ForEach-Object { New-LifePosWorkplace -WorkplaceType Mobile -Name $_ })
        $script:Used = New-LifePosWorkplace -WorkplaceType Stationary -Name 'Unused but activated'
        $code = $Used | New-LifePosActivationCode -Employee (Get-LifePosEmployee -First 1)
        $null = Enable-LifePosWorkplace -ActivationCode $code.Code
    }

    It '-WhatIf archives nothing' {
        Connect-TestEmulator
        $archives = Get-RequestCount 'archive'
        $result = & $Archive -OlderThanDays 0 -Name 'Unused*' -WhatIf
        $result | Should -BeNullOrEmpty
        Get-RequestCount 'archive' | Should -Be $archives
        (Get-AliveNames 'Unused*').Count | Should -Be 3
    }

    It 'leaves workplaces younger than -OlderThanDays alone' {
        Connect-TestEmulator
        $result = & $Archive -OlderThanDays 1 -Name 'Unused*'
        $result | Should -BeNullOrEmpty
        (Get-AliveNames 'Unused*').Count | Should -Be 3
    }

    It 'archives the never-activated ones and keeps the activated one' {
        Connect-TestEmulator
        $result = @(& $Archive -OlderThanDays 0 -Name 'Unused*')
        $result.Id | Sort-Object | Should -Be ($Unused.Id | Sort-Object)
        $result | ForEach-Object { $_.IsArchived | Should -BeTrue }
        Get-AliveNames 'Unused*' | Should -Be 'Unused but activated'
    }
}

Describe 'Send-ActivationCodes.ps1' {
    BeforeAll {
        $script:Send = Join-Path $Examples 'Send-ActivationCodes.ps1'
        Connect-TestEmulator
        $script:New = @('Till North', 'Till South' | ForEach-Object { New-LifePosWorkplace -WorkplaceType Stationary -Name $_ })
        $active = New-LifePosWorkplace -WorkplaceType Mobile -Name 'Till Active'
        $null = Enable-LifePosWorkplace -ActivationCode ($active | New-LifePosActivationCode -Employee (Get-LifePosEmployee -First 1)).Code
        $phones = @(Get-LifePosEmployee | Where-Object Phone | Select-Object -First 4)
        $script:Employees = @{ 'Till North' = $phones[0]; 'Till South' = $phones[1]; 'Till Active' = $phones[2]; 'Till Nowhere' = $phones[3] }
        $script:Assignments = Join-Path $TestDrive 'assignments.csv'
        # The older headers (workplace_name, employee_id) and the newer way to name an employee (a phone, as written).
        $Employees.GetEnumerator() | Sort-Object Key |
            ForEach-Object { [pscustomobject]@{ workplace_name = $_.Key; employee_id = $_.Value.Phone -replace '\D', ''; outlet_id = '' } } |
            Export-Csv $Assignments -NoTypeInformation -Encoding utf8
        $script:SmsBefore = @((Get-TestEmulatorStats).sms).Count
        $script:Codes = @(& $Send -CsvPath $Assignments -ErrorVariable failed -ErrorAction SilentlyContinue -WarningVariable warned -WarningAction SilentlyContinue)
        $script:Failed = @($failed)
        $script:Warned = @($warned)
        $script:Sms = @((Get-TestEmulatorStats).sms)
    }

    It 'sends one SMS per new workplace, to the employee the CSV names' {
        $Sms.Count - $SmsBefore | Should -Be 2
        foreach ($workplace in $New) {
            $sent = @($Sms | Where-Object workplace -eq $workplace.Id.ToString())
            $sent.Count | Should -Be 1
            $sent[0].employee | Should -Be $Employees[$workplace.Name].Id.ToString()
            $sent[0].phone | Should -Be $Employees[$workplace.Name].Phone
        }
    }

    It 'writes the codes it sent, and they are the codes in the SMS' {
        $Codes.Count | Should -Be 2
        foreach ($code in $Codes) {
            $code | Should -BeOfType LifePos.ActivationCode
            $code.SmsRequested | Should -BeTrue
            $code.Phone | Should -Be $Employees[$code.WorkplaceName].Phone
            ($Sms | Where-Object workplace -eq $code.WorkplaceId.ToString()).activation_code | Should -Be $code.Code
        }
    }

    It 'skips the activated workplace with a warning and reports the unknown name as the failed row' {
        $Warned.Message | Should -Match 'Till Active'
        $Failed.Count | Should -Be 1
        $Failed[0].TargetObject.workplace_name | Should -Be 'Till Nowhere'
    }
}

Describe 'Sync-FromCsv.ps1, the nightly reconcile with a journal' {
    BeforeAll {
        $script:Sync = Join-Path $Examples 'Sync-FromCsv.ps1'
        $script:Folder = Join-Path $TestDrive 'sync'
        $null = New-Item -ItemType Directory $Folder
        $script:Csv = Join-Path $Folder 'workplaces.csv'
        $script:Journal = Join-Path $Folder 'changes.jsonl'
        Connect-TestEmulator
        $script:Stray = New-LifePosWorkplace -WorkplaceType Unknown -Name 'Nightly stray'
        # The file names every alive workplace but the stray, and adds two.
        @(Get-LifePosWorkplace | Where-Object Name -ne 'Nightly stray' | Select-Object Id, Name, WorkplaceType) +
        @([pscustomobject]@{ Id = ''; Name = 'Nightly new 1'; WorkplaceType = 'Mobile' }, [pscustomobject]@{ Id = ''; Name = 'Nightly new 2'; WorkplaceType = 'Automat' }) |
            Export-Csv $Csv -Delimiter ';' -Encoding utf8BOM -NoTypeInformation
    }

    It 'rehearses the first run with -ArchiveUnlisted -WhatIf: the plan, and no write' {
        $writes = 'create', 'update', 'archive' | ForEach-Object { Get-RequestCount $_ }
        & $Sync -CsvPath $Csv -BaseUri $Emulator.BaseUri -ArchiveUnlisted -WhatIf
        $LASTEXITCODE | Should -Be 0
        'create', 'update', 'archive' | ForEach-Object { Get-RequestCount $_ } | Should -Be $writes
        Test-Path $Journal | Should -BeFalse
    }

    It 'then makes the service match, writes the journal, and a second night changes nothing' {
        & $Sync -CsvPath $Csv -BaseUri $Emulator.BaseUri -ArchiveUnlisted
        $LASTEXITCODE | Should -Be 0
        Get-AliveNames 'Nightly*' | Sort-Object | Should -Be 'Nightly new 1', 'Nightly new 2'
        $lines = @(Get-Content $Journal | ConvertFrom-Json)
        $lines.operation | Sort-Object | Should -Be 'archive', 'create', 'create'
        ($lines | Where-Object operation -eq 'archive').workplace.id | Should -Be $Stray.Id.ToString()
        $lines | ForEach-Object { $_.outcome | Should -Be 'done'; $_.request_id | Should -Not -BeNullOrEmpty }

        $writes = 'create', 'update', 'archive' | ForEach-Object { Get-RequestCount $_ }
        & $Sync -CsvPath $Csv -BaseUri $Emulator.BaseUri -ArchiveUnlisted
        $LASTEXITCODE | Should -Be 0
        'create', 'update', 'archive' | ForEach-Object { Get-RequestCount $_ } | Should -Be $writes
        @(Get-Content $Journal).Count | Should -Be 3
    }
}
