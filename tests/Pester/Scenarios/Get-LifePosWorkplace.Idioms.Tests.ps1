# Modifying what you list (issue 18 §1): a listing ordered by a field the pipeline changes gives each workplace once.
# The emulator pages by keyset over the current values, as a real service does, so a changed workplace moves in the
# order and a later page brings it back; the first test shows that, so the others test something real.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../LifePos.TestHelpers.psm1')
    Import-LifePosUnderTest
    # More than 100 workplaces, so even the default page size has a second page for a changed item to move into.
    $script:Emulator = Start-TestEmulator -ArgumentList '--seed', '120', '--employees', '0', '--outlets', '0'
    Connect-LifePos -BaseUri $Emulator.BaseUri -Token $Emulator.SecureToken
    $script:Org = $Emulator.OrganizationId
}
AfterAll {
    Disconnect-LifePos
    Stop-TestEmulator
}
Describe 'Get-LifePosWorkplace: a listing modified while it is read' {
    BeforeEach { $null = Invoke-LifePosEmulatorControl $Emulator 'reset' -Method POST }

    It 'the emulator brings a renamed workplace back on a later page (the moving-item effect)' {
        $query = @{ order_by = 'name_asc'; items_per_page = 2 }
        $first = Invoke-LifePosRequest "/orgs/$Org/workplaces" -Query $query
        $moved = $first.items[0]
        $null = Invoke-LifePosRequest "/orgs/$Org/workplaces/$($moved.guid)" -Method PATCH -Body @(
            @{ op = 'replace'; path = '/name'; value = 'Я ' + $moved.name })
        $token = $first.next_page_token
        $later = while ($token) {
            $page = Invoke-LifePosRequest "/orgs/$Org/workplaces" -Query @{ page_token = $token }
            $page.items
            $token = $page.next_page_token
        }
        @($later | Where-Object guid -EQ $moved.guid).Count | Should -Be 1 -Because 'keyset paging follows the new name'
    }

    It 'renames each workplace once, ordered by name, at page size <PageSize>' -ForEach @(@{ PageSize = 2 }, @{ PageSize = 100 }) {
        $before = @(Get-LifePosWorkplace)
        $updates = (Invoke-LifePosEmulatorControl $Emulator 'stats').requests.update.total

        $renamed = @(Get-LifePosWorkplace -OrderBy NameAsc -PageSize $PageSize | Set-LifePosWorkplace -Name { 'Я ' + $_.Name } -PassThru)

        (Invoke-LifePosEmulatorControl $Emulator 'stats').requests.update.total - $updates | Should -Be $before.Count
        @($renamed.Id | Sort-Object -Unique).Count | Should -Be $before.Count
        @(Get-LifePosWorkplace | Where-Object Name -Like 'Я Я *').Count | Should -Be 0
    }

    It 'sets Meta on each workplace once, ordered by UpdatedAt, at page size <PageSize>' -ForEach @(@{ PageSize = 2 }, @{ PageSize = 100 }) {
        $count = @(Get-LifePosWorkplace).Count
        $updates = (Invoke-LifePosEmulatorControl $Emulator 'stats').requests.update.total

        $changed = @(Get-LifePosWorkplace -OrderBy UpdatedAtAsc -PageSize $PageSize | Set-LifePosWorkplace -Meta "run $PageSize" -PassThru)

        (Invoke-LifePosEmulatorControl $Emulator 'stats').requests.update.total - $updates | Should -Be $count
        @($changed.Id | Sort-Object -Unique).Count | Should -Be $count
    }
}

Describe 'Invoke-LifePosRequest -All: each id once' {
    It 'Invoke-LifePosRequest -All yields a renamed workplace once' {
        $seen = [Collections.Generic.List[string]]::new()
        Invoke-LifePosRequest "/orgs/$Org/workplaces" -Query @{ order_by = 'name_asc'; items_per_page = 2 } -All | ForEach-Object {
            $seen.Add($_.guid)
            if ($seen.Count -le 20) {
                $null = Invoke-LifePosRequest "/orgs/$Org/workplaces/$($_.guid)" -Method PATCH -Body @(
                    @{ op = 'replace'; path = '/name'; value = 'Я ' + $_.name })
            }
        }
        $seen.Count | Should -Be 120
        @($seen | Sort-Object -Unique).Count | Should -Be 120
    }
}

Describe 'Get-LifePosWorkplace: ids and numbers as admins type them' {
    It 'a bad -Id typed on the command line has the value as its TargetObject, not the message' {
        $null = Get-LifePosWorkplace -Id 'not-a-guid' -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed.Count | Should -Be 1
        $failed[0].TargetObject | Should -Be 'not-a-guid'
        $failed[0].Exception.Message | Should -Match "'not-a-guid' is not a valid workplace id"
    }

    It '-Number that matches nothing is an error, as an unknown -Id is' {
        $found = @(Get-LifePosWorkplace -Number 1, 99999, 2 -ErrorAction SilentlyContinue -ErrorVariable failed)
        $found.Number | Should -Be 1, 2
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'LifePos.NotFound,*'
        $failed[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failed[0].TargetObject | Should -Be 99999
        $null = Get-LifePosWorkplace -Id ([guid]::NewGuid()) -ErrorAction SilentlyContinue -ErrorVariable unknownId
        $unknownId[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }
}

Describe 'Get-LifePosWorkplace: names with brackets' {
    BeforeAll {
        Reset-TestEmulator -Emulator $Emulator
        $script:Bracketed = New-LifePosWorkplace -Name 'Касса [7]' -WorkplaceType Mobile
        $script:Plain = New-LifePosWorkplace -Name 'Касса 8' -WorkplaceType Mobile
    }

    It '-Name reads [ ] as a wildcard set, as PowerShell does: ''Касса [8]'' finds ''Касса 8''' {
        $found = @(Get-LifePosWorkplace -Name 'Касса [8]' -WarningVariable warned)
        $found.Id | Should -Be $Plain.Id
        $warned.Count | Should -Be 0
    }

    It 'a -Name with brackets that matches nothing warns that they were a wildcard, and says how to ask for them' {
        $found = @(Get-LifePosWorkplace -Name 'Касса [9]' -WarningVariable warned -WarningAction SilentlyContinue)
        $found.Count | Should -Be 0
        $warned.Count | Should -Be 1
        $warned[0].Message | Should -BeExactly (@'
No workplace matched -Name 'Касса [9]': -Name is a wildcard pattern, and [ ] in it match one of the characters between them, not the brackets. For the brackets as written, use -LiteralName 'Касса [9]', or escape the brackets: -Name 'Касса `[9`]'.
'@)
    }

    It '-LiteralName ''<Given>'' finds the name as written' -ForEach @(
        @{ Given = 'Касса [7]' }, @{ Given = ' КАССА [7] ' }
    ) {
        $found = @(Get-LifePosWorkplace -LiteralName $Given -WarningVariable warned)
        $found.Id | Should -Be $Bracketed.Id
        $warned.Count | Should -Be 0
    }

    It 'the escaped form -Name ''<Given>'' finds it too' -ForEach @(
        @{ Given = 'Касса `[7`]' }, @{ Given = 'Касса `[7`]*' }, @{ Given = '*`[7`]' }
    ) {
        @(Get-LifePosWorkplace -Name $Given).Id | Should -Be $Bracketed.Id
    }

    It '-Name and -LiteralName together are refused by PowerShell, before anything is sent' {
        { Get-LifePosWorkplace -Name 'Касса*' -LiteralName 'Касса [7]' } | Should -Throw -ErrorId 'AmbiguousParameterSet,LifePos.Commands.GetLifePosWorkplaceCommand'
    }

    It 'Tab completes -Name with the brackets escaped and -LiteralName as written, and each finds the workplace' {
        $null = Get-LifePosWorkplace -Number $Bracketed.Number
        $asPattern = "'Касса ``[7``]'"
        $asWritten = "'Касса [7]'"
        $line = 'Get-LifePosWorkplace -Name Касса'
        @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText) | Should -Contain $asPattern
        $line = 'Get-LifePosWorkplace -LiteralName Касса'
        @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText) | Should -Contain $asWritten
        @(Invoke-Expression "Get-LifePosWorkplace -Name $asPattern").Id | Should -Be $Bracketed.Id
        @(Invoke-Expression "Get-LifePosWorkplace -LiteralName $asWritten").Id | Should -Be $Bracketed.Id
    }
}

Describe 'Get-LifePosWorkplace: accents composed or decomposed, Ё and Е' {
    BeforeAll {
        Reset-TestEmulator -Emulator $Emulator
        $script:Decomposed = 'Cafe' + [char]0x301 + ' Тверская'
        $script:Composed = 'Caf' + [char]0xE9 + ' Тверская'
        $script:Saved = New-LifePosWorkplace -Name $Decomposed -WorkplaceType Mobile
        $script:Yo = New-LifePosWorkplace -Name 'Ёлка' -WorkplaceType Mobile
    }

    It 'the emulator keeps the decomposed name as it was given' {
        $raw = Invoke-LifePosRequest "/orgs/$Org/workplaces/$($Saved.Id)"
        # By code point: PowerShell's -eq and -ceq compare by culture, for which both spellings are equal.
        [string]::Equals($raw.name, $Decomposed, [StringComparison]::Ordinal) | Should -BeTrue
        [string]::Equals($raw.name, $Composed, [StringComparison]::Ordinal) | Should -BeFalse
    }

    It '-Name and -LiteralName typed composed find the decomposed name: ''<Given>''' -ForEach @(
        @{ Given = 'Caf' + [char]0xE9 + ' Тверская'; Literal = $false }
        @{ Given = 'Caf' + [char]0xE9 + ' Тверская'; Literal = $true }
        @{ Given = 'Caf' + [char]0xE9 + '*'; Literal = $false }
        @{ Given = 'caf? тверская'; Literal = $false }
    ) {
        $found = if ($Literal) { @(Get-LifePosWorkplace -LiteralName $Given) } else { @(Get-LifePosWorkplace -Name $Given) }
        $found.Id | Should -Be $Saved.Id
    }

    It 'a composed name is found the other way round, saved composed and typed decomposed' {
        $composed = New-LifePosWorkplace -Name ('R' + [char]0xE9 + 'sum' + [char]0xE9) -WorkplaceType Mobile
        @(Get-LifePosWorkplace -Name ('Re' + [char]0x301 + 'sume' + [char]0x301)).Id | Should -Be $composed.Id
    }

    It 'Ё and Е stay different, both ways' {
        @(Get-LifePosWorkplace -Name 'Елка').Count | Should -Be 0
        $ye = New-LifePosWorkplace -Name 'Елка' -WorkplaceType Mobile
        @(Get-LifePosWorkplace -Name 'Елка').Id | Should -Be $ye.Id
        @(Get-LifePosWorkplace -Name 'Ёлка').Id | Should -Be $Yo.Id
        @(Get-LifePosWorkplace -Name 'ёлка*').Id | Should -Be $Yo.Id
    }
}

Describe 'Get-LifePosWorkplace -Id: Tab completion by number, name or id prefix' {
    BeforeAll {
        Reset-TestEmulator -Emulator $Emulator
        $script:All = @(Get-LifePosWorkplace)
        function Get-IdCompletion([string] $Word) {
            $line = "Get-LifePosWorkplace -Id $Word"
            @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches)
        }
    }

    It '-Id 12 offers the workplaces whose number, name or id starts with 12, and no other' {
        $offered = Get-IdCompletion '12'
        $expected = @($All | Where-Object { "$($_.Number)" -like '12*' -or $_.Name -like '12*' -or "$($_.Id)" -like '12*' })
        $expected.Number | Should -Contain 12
        $expected.Number | Should -Contain 120
        foreach ($workplace in $expected) { $offered.CompletionText | Should -Contain "$($workplace.Id)" }
        foreach ($match in $offered) {
            $number, $name = $match.ListItemText -replace '^#' -split ' ', 2
            ($number -like '12*' -or $name -like '12*' -or $match.CompletionText -like '12*') | Should -BeTrue -Because "$($match.ListItemText) ($($match.CompletionText)) was offered for 12"
        }
    }

    It 'text from the middle of an id offers nothing: an id completes by its start' {
        $workplace = $All[0]
        $inside = "$($workplace.Id)".Substring(24, 6)
        (Get-IdCompletion $inside).CompletionText | Should -Not -Contain "$($workplace.Id)"
        (Get-IdCompletion "$($workplace.Id)".Substring(0, 6)).CompletionText | Should -Contain "$($workplace.Id)"
    }

    It 'a name completes by its start, and a number with # or № before it' {
        (Get-IdCompletion "'Касса 001").CompletionText | Should -Contain "$(($All | Where-Object Number -EQ 10).Id)"
        (Get-IdCompletion 'асса').Count | Should -Be 0
        (Get-IdCompletion "'#11").CompletionText | Should -Contain "$(($All | Where-Object Number -EQ 110).Id)"
        (Get-IdCompletion '№11').CompletionText | Should -Contain "$(($All | Where-Object Number -EQ 11).Id)"
    }
}

Describe 'Get-LifePosWorkplace: deep meta_data, and an item it cannot read' {
    BeforeEach { $null = Invoke-LifePosEmulatorControl $Emulator 'reset' -Method POST }

    It 'reads back inside the list a meta_data nested as deep as New-LifePosWorkplace accepts (64 levels); one level more is refused on write' {
        $deep = 'leaf'
        foreach ($level in 1..64) { $deep = @{ a = $deep } }
        $created = New-LifePosWorkplace -Name 'Deep 64' -WorkplaceType Mobile -MetaData $deep

        $listed = @(Get-LifePosWorkplace -ErrorVariable failed)
        $raw = @(Invoke-LifePosRequest "/orgs/$Org/workplaces" -All -ErrorVariable +failed)

        $failed.Count | Should -Be 0
        $raw.Count | Should -Be $listed.Count
        $value = ($listed | Where-Object Id -EQ $created.Id).MetaData
        foreach ($level in 1..64) { $value = $value.a }
        $value | Should -Be 'leaf'
        $null = New-LifePosWorkplace -Name 'Deep 65' -WorkplaceType Mobile -MetaData @{ a = $deep } -ErrorAction SilentlyContinue -ErrorVariable refused
        $refused.Count | Should -Be 1
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'LifePos.InvalidInput,*'
        "$($refused[0])" | Should -Match 'nested more than 64 levels'
    }

    It 'an item the service sends nested too deep fails alone: one error names its number and id, every other workplace is listed' {
        $before = @(Get-LifePosWorkplace)
        Set-TestEmulatorFaults @{ next = @('deep-item'); next_endpoint = 'list' }

        $listed = @(Get-LifePosWorkplace -ErrorAction SilentlyContinue -ErrorVariable failed)

        $listed.Id | Should -Be @($before | Select-Object -Skip 1).Id
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'LifePos.UnreadableItem,*'
        $failed[0].TargetObject | Should -Be $before[0].Id
        "$($failed[0])" | Should -Match "^Workplace $($before[0].Number) \(id $($before[0].Id)\) could not be read from LIFE POS: .*nested more than 64 levels"
        "$($failed[0])" | Should -Not -Match 'BaseUri|address|connection|Connect-LifePos'
    }

    It 'an item whose guid is no GUID fails alone, named by its number and the id as sent' {
        $before = @(Get-LifePosWorkplace)
        Set-TestEmulatorFaults @{ next = @('bad-item'); next_endpoint = 'list' }

        $listed = @(Get-LifePosWorkplace -ErrorAction SilentlyContinue -ErrorVariable failed)

        $listed.Id | Should -Be @($before | Select-Object -Skip 1).Id
        $failed.Count | Should -Be 1
        $failed[0].TargetObject | Should -Be 'not-a-guid'
        "$($failed[0])" | Should -Match "^Workplace $($before[0].Number) \(id not-a-guid\) could not be read"
    }
}
