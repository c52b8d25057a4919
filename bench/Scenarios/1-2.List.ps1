# Scenarios 1 and 2: list every workplace of a seeded emulator, without latency (CPU-bound) and with 10 ms per request
# (bound by round trips). The same three contenders, Invoke-ListScenario, with different settings.

@{
    Number   = 1
    # LifePos plateaus for a while before its last JIT step (~25 listings): a longer minimum warm-up. A listing without
    # latency takes 50-130 ms and varies by a third from run to run on 2 shared cores: 15 repetitions, not 5.
    Settings = [ordered]@{ ListWarmupSeconds = 10; ListRepetitions = 15 }
    Quick    = @{ ListWarmupSeconds = 1.5; ListRepetitions = 3 }
    Name     = { "List $('{0:N0}' -f $Settings.ListItems), page size $PageSize, no latency" }
    Emulator = $ListEmulator
    Targets  = {
        Add-Target '≤ 1.5× Floor' -Subject '1/LifePos' -Reference '1/Floor' -Kind ratio-at-most -Threshold 1.5
        Add-Target 'IRM ≥ 2× LifePos' -Subject '1/LifePos' -Reference '1/IRM' -Kind inverse-ratio-at-least -Threshold 2
    }
    Run      = {
        param($Emulator, [string] $Name)
        Invoke-ListScenario -Number 1 -Name $Name -Emulator $Emulator -Items $Settings.ListItems -WarmupSeconds $Settings.ListWarmupSeconds -Repetitions $Settings.ListRepetitions
    }
}

@{
    Number   = 2
    Settings = [ordered]@{ LatencyListItems = 10000 }
    Quick    = @{ LatencyListItems = 1000 }
    Name     = { "List $('{0:N0}' -f $Settings.LatencyListItems), page size $PageSize, 10 ms latency" }
    Emulator = { '--seed', "$($Settings.LatencyListItems)", '--latency-ms', '10' }
    Targets  = {
        Add-Target '≤ 1.1× Floor' -Subject '2/LifePos' -Reference '2/Floor' -Kind ratio-at-most -Threshold 1.1
    }
    Run      = {
        param($Emulator, [string] $Name)
        Invoke-ListScenario -Number 2 -Name $Name -Emulator $Emulator -Items $Settings.LatencyListItems -WarmupSeconds $Settings.WarmupSeconds -Repetitions $Settings.Repetitions
    }
}

function Invoke-ListScenario {
    # LifePos, the IRM script and the floor each list the $Items workplaces of $Emulator, page size $PageSize: a
    # warm-up of at least $WarmupSeconds, then the repetitions, the count checked after every run.
    param(
        [Parameter(Mandatory)] [int] $Number,
        [Parameter(Mandatory)] [string] $Name,
        [Parameter(Mandatory)] $Emulator,
        [Parameter(Mandatory)] [long] $Items,
        [Parameter(Mandatory)] [double] $WarmupSeconds,
        [Parameter(Mandatory)] [int] $Repetitions
    )
    $headers = Get-IrmHeaders $Emulator
    $base = $Emulator.BaseUri.ToString()
    $org = $Emulator.OrganizationId
    $row = @{ Scenario = $Number; ScenarioName = $Name; Items = $Items; Warmup = 1; FloorKey = "$Number/Floor"; LifePosKey = "$Number/LifePos" }
    Invoke-Contender -Emulator $Emulator -Endpoint 'list' -Record ($row + @{ Contender = 'LifePos'; Key = "$Number/LifePos" }) -Measure {
        Measure-InProcess -WarmupSeconds $WarmupSeconds -Repetitions $Repetitions -Run { $script:Count = (Get-LifePosWorkplace -PageSize $PageSize | Measure-Object).Count } `
            -Check { Assert-Count $script:Count $Items 'Get-LifePosWorkplace' }
    }
    Invoke-Contender -Emulator $Emulator -Endpoint 'list' -Record ($row + @{ Contender = 'IRM script'; Key = "$Number/IRM" }) -Measure {
        Measure-InProcess -WarmupSeconds $WarmupSeconds -Repetitions $Repetitions -Run { $script:Count = (Invoke-IrmList $base $org $headers $PageSize).Count } `
            -Check { Assert-Count $script:Count $Items 'The IRM loop' }
    }
    Invoke-Contender -Emulator $Emulator -Endpoint 'list' -Record ($row + @{ Contender = 'Floor'; Key = "$Number/Floor" }) -Measure {
        Invoke-Floor -Emulator $Emulator -ArgumentList 'list', '--page-size', $PageSize, '--expect', $Items,
            '--warmup', 1, '--warmup-seconds', $WarmupSeconds, '--max-warmup-seconds', $Settings.MaxWarmupSeconds, '--repetitions', $Repetitions
    }
}
