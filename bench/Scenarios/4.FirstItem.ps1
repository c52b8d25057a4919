# Scenario 4: how soon the first item arrives, `Get-LifePosWorkplace | Select-Object -First 1` against one request for
# the first page. On the emulator of scenario 1.

@{
    Number   = 4
    Settings = [ordered]@{ FirstItemRepetitions = 20 }
    Quick    = @{ FirstItemRepetitions = 10 }
    Name     = { "First item of $('{0:N0}' -f $Settings.ListItems) (Select-Object -First 1)" }
    Emulator = $ListEmulator
    Targets  = {
        Add-Target '≤ 2× one request (Floor)' -Subject '4/LifePos' -Reference '4/Floor' -Kind ratio-at-most -Threshold 2
    }
    Run      = {
        param($Emulator, [string] $Name)
        $headers = Get-IrmHeaders $Emulator
        $base = $Emulator.BaseUri.ToString()
        $org = $Emulator.OrganizationId
        $firstReps = $Settings.FirstItemRepetitions
        $row = @{ Scenario = 4; ScenarioName = $Name; Items = 1; Warmup = 3; FloorKey = '4/Floor'; LifePosKey = '4/LifePos' }
        Invoke-Contender -Emulator $Emulator -Endpoint 'list' -Record ($row + @{
                Contender = 'LifePos'; Key = '4/LifePos'; Note = 'Get-LifePosWorkplace | Select-Object -First 1'
            }) -Measure {
            Measure-InProcess -Warmup 3 -Repetitions $firstReps -Run { $script:First = Get-LifePosWorkplace | Select-Object -First 1 } `
                -Check { if ($null -eq $script:First) { throw 'Get-LifePosWorkplace | Select-Object -First 1 returned nothing.' } }
        }
        Invoke-Contender -Emulator $Emulator -Endpoint 'list' -Record ($row + @{
                Contender = 'IRM script'; Key = '4/IRM'; Note = "one Invoke-RestMethod of the first page ($PageSize items)"
            }) -Measure {
            Measure-InProcess -Warmup 3 -Repetitions $firstReps -Run {
                $script:First = (Invoke-RestMethod -Uri "$($base.TrimEnd('/'))/orgs/$org/workplaces?items_per_page=$PageSize" -Headers $headers).items[0]
            } -Check { if ($null -eq $script:First) { throw 'The first page was empty.' } }
        }
        Invoke-Contender -Emulator $Emulator -Endpoint 'list' -Record ($row + @{
                Contender = 'Floor'; Key = '4/Floor'; Note = "one request: the first page ($PageSize items), deserialized"
            }) -Measure {
            Invoke-Floor -Emulator $Emulator -ArgumentList 'first', '--page-size', $PageSize, '--expect', $PageSize,
                '--warmup', 3, '--warmup-seconds', $Settings.WarmupSeconds, '--max-warmup-seconds', $Settings.MaxWarmupSeconds, '--repetitions', $firstReps
        }
    }
}
