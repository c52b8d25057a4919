# What the Pester files share, each defined once: the paths of the build, importing the module under test, the test
# emulators (started, reset, connected to, faulted, asked for their request counts) and the answer variants.
#
# Every file imports it without -Force: Run.ps1 imports it first and keeps one standard emulator in it for the whole
# run, which each file then gets reset instead of starting its own; the answer variants switch that emulator with
# PUT /_emulator/answers. A file run alone starts and stops its own.
Set-StrictMode -Version Latest

$script:Root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).ProviderPath
# The module's Start-LifePosEmulator starts the built emulator in the tests, as a clone's reader does after Build.
$env:LIFEPOS_EMULATOR_PATH = Join-Path $Root 'out/LifePos.Emulator/LifePos.Emulator.dll'
# The emulator the tests tagged Variants run on: 45 workplaces, 6 employees, 2 outlets and the default accounts.
$script:StandardArguments = @('--seed', '45')
# The emulators started by Start-TestEmulator and not stopped yet, the innermost last: the one the helpers talk to.
$script:Started = [Collections.Generic.List[object]]::new()
# Set by Start-TestEmulator -Shared (Run.ps1): the standard emulator of the whole run.
$script:SharedEmulator = $null
# The answer variant in force on the shared emulator ('' for the defaults), put back after every reset.
$script:AnswersInForce = ''
# The endpoints (as the emulator's stats name them) whose requests change something on the server.
$script:ChangeEndpoints = @('create', 'update', 'archive', 'unarchive', 'deactivate', 'generate-activation-code', 'activate')

function Get-TestPath {
    # A path in the repository: the root, the built module's manifest, its folder, examples/.
    param(
        [Parameter(Mandatory)] [ValidateSet('Root', 'Module', 'ModuleFolder', 'Examples')] [string] $Name,
        [string] $ChildPath
    )
    $path = switch ($Name) {
        'Root' { $Root }
        'Module' { Join-Path $Root 'out/LifePos/LifePos.psd1' }
        'ModuleFolder' { Join-Path $Root 'out/LifePos' }
        'Examples' { Join-Path $Root 'examples' }
    }
    if ($ChildPath) { Join-Path $path $ChildPath } else { $path }
}

function Import-LifePosUnderTest {
    # The built module, into the session every test sees.
    Import-Module (Get-TestPath Module) -Global
}

# Invoke-LifePosEmulatorControl: shared with the benchmarks.
. (Join-Path $PSScriptRoot 'EmulatorControl.ps1')

function Enter-TestEmulator {
    # What most files start with: the module under test, the standard emulator, and a connection to it.
    Import-LifePosUnderTest
    $emulator = Start-TestEmulator
    Connect-TestEmulator
    $emulator
}

function Exit-TestEmulator {
    Disconnect-LifePos
    Stop-TestEmulator
}

function Start-TestEmulator {
    # Starts an emulator and makes it the one the helpers talk to. Without arguments it is the standard emulator, which
    # Run.ps1 shares: then this resets the shared one instead (and puts the answer variant back on it).
    [CmdletBinding(DefaultParameterSetName = 'Standard')]
    param(
        [Parameter(Mandatory, ParameterSetName = 'Own')] [AllowEmptyCollection()] [string[]] $ArgumentList,
        [Parameter(ParameterSetName = 'Own')] [Guid] $OrganizationId = [Guid]::NewGuid(),
        [Parameter(ParameterSetName = 'Own')] [string] $Token,
        # Run.ps1: the standard emulator of the whole run.
        [Parameter(Mandatory, ParameterSetName = 'Shared')] [switch] $Shared
    )
    if ($PSCmdlet.ParameterSetName -eq 'Standard' -and $SharedEmulator) {
        $emulator = $SharedEmulator
        Reset-TestEmulator -Emulator $emulator
    }
    else {
        if ($AnswersInForce) {
            throw ("The tests tagged Variants run on the standard emulator (Start-TestEmulator without arguments), " +
                "not on one started with '$($ArgumentList -join ' ')'.")
        }
        # An organization of its own (new unless -OrganizationId) first: an --org in -ArgumentList adds a second one that
        # the token reaches too, and the first stays the emulator's OrganizationId.
        $arguments = @('--org', $OrganizationId)
        if ($Token) { $arguments += '--token', $Token }
        $arguments += @(if ($PSCmdlet.ParameterSetName -eq 'Own') { $ArgumentList } else { $StandardArguments })
        $emulator = LifePos\Start-LifePosEmulator -ArgumentList $arguments
        # The token in plain text, for the tests that hand it to a child process or look for it in output; the
        # module's object carries only SecureToken.
        $emulator | Add-Member -NotePropertyName Token -NotePropertyValue ([Net.NetworkCredential]::new('', $emulator.SecureToken).Password)
        if ($Shared) {
            $script:SharedEmulator = $emulator
            return $emulator
        }
    }
    $Started.Add($emulator)
    $emulator
}

function Stop-TestEmulator {
    # Stops the innermost emulator Start-TestEmulator gave (the shared one keeps running); -Shared stops that one.
    [CmdletBinding(DefaultParameterSetName = 'Innermost')]
    param([Parameter(Mandatory, ParameterSetName = 'Shared')] [switch] $Shared)
    if ($Shared) {
        if ($SharedEmulator) { $SharedEmulator | LifePos\Stop-LifePosEmulator }
        $script:SharedEmulator = $null
        $script:AnswersInForce = ''
        return
    }
    $emulator = Get-CurrentEmulator
    $Started.RemoveAt($Started.Count - 1)
    if (-not [object]::ReferenceEquals($emulator, $SharedEmulator)) { $emulator | LifePos\Stop-LifePosEmulator }
}

function Get-CurrentEmulator {
    if ($Started.Count -eq 0) { throw 'No test emulator is running: call Start-TestEmulator first.' }
    $Started[$Started.Count - 1]
}

function Reset-TestEmulator {
    # Back to the state after start (see the emulator's README), with the answer variant in force put back.
    param($Emulator = (Get-CurrentEmulator))
    $null = Invoke-LifePosEmulatorControl $Emulator 'reset' -Method Post
    if ($AnswersInForce -and [object]::ReferenceEquals($Emulator, $SharedEmulator)) { Switch-Answers $Emulator $AnswersInForce }
}

function Switch-Answers($Emulator, [string] $To) {
    $now = Invoke-LifePosEmulatorControl $Emulator 'answers' -Method Put -Body @{ answers = $To }
    foreach ($pair in $To -split ',' | Where-Object { $_ }) {
        if (",$($now.answers)," -notlike "*,$($pair.Trim()),*") { throw "The emulator answers '$($now.answers)', not '$To'." }
    }
}

function Set-TestAnswerVariant {
    # Run.ps1: switches the shared emulator to one answer variant ('choice=value', '' for the defaults) until the next.
    param([Parameter(Mandatory)] [AllowEmptyString()] [string] $Answers)
    if (-not $SharedEmulator) { throw 'The answer variants switch the shared emulator: call Start-TestEmulator -Shared first.' }
    $script:AnswersInForce = $Answers
    Reset-TestEmulator -Emulator $SharedEmulator
}

function Get-TestAnswerVariant {
    # The choices of the answer variant in force, for the few observables a variant changes by design; empty normally.
    $choices = @{}
    foreach ($pair in $AnswersInForce -split ',' | Where-Object { $_ }) {
        $choice, $value = $pair -split '=', 2
        $choices[$choice.Trim()] = $value.Trim()
    }
    $choices
}

function Test-AnswerWithoutErrorCode {
    # Under the variants errors=text and errors=html an error answer carries no code: the module can only name the
    # status.
    (Get-TestAnswerVariant)['errors'] -in 'text', 'html'
}

function Connect-TestEmulator {
    # Connect-LifePos to the emulator with its ready token and short retry waits; -With adds or overrides parameters.
    param([hashtable] $With = @{}, $Emulator = (Get-CurrentEmulator))
    $parameters = @{ BaseUri = $Emulator.BaseUri; Token = $Emulator.SecureToken; MaxRetryDelay = [TimeSpan]::FromMilliseconds(50) }
    foreach ($pair in $With.GetEnumerator()) { $parameters[$pair.Key] = $pair.Value }
    Connect-LifePos @parameters
}

function Get-TestEmulatorStats {
    param($Emulator = (Get-CurrentEmulator))
    Invoke-LifePosEmulatorControl $Emulator 'stats'
}

function Get-RequestCount {
    # The requests the emulator has taken so far to the endpoints named as its stats name them (list, create, ...),
    # or to every endpoint that changes something (-Changes); with -During, those the script block cost.
    [CmdletBinding(DefaultParameterSetName = 'Endpoint')]
    param(
        [Parameter(Mandatory, Position = 0, ParameterSetName = 'Endpoint')] [string[]] $Endpoint,
        [Parameter(Mandatory, ParameterSetName = 'Changes')] [switch] $Changes,
        [scriptblock] $During,
        $Emulator = (Get-CurrentEmulator)
    )
    $names = if ($Changes) { $ChangeEndpoints } else { $Endpoint }
    $before = Get-EndpointTotal $names $Emulator
    if (-not $During) { return $before }
    $null = & $During
    (Get-EndpointTotal $names $Emulator) - $before
}

function Get-EndpointTotal([string[]] $Names, $Emulator) {
    $requests = (Get-TestEmulatorStats -Emulator $Emulator).requests
    $total = 0
    foreach ($name in $Names) {
        if ($requests.PSObject.Properties[$name]) { $total += [int]$requests.$name.total }
    }
    $total
}

function Set-TestEmulatorFaults {
    # PUT /_emulator/faults: forced faults (next, next_endpoint), random ones, latency, an outage (the emulator's
    # README).
    param([Parameter(Mandatory)] [hashtable] $Body, $Emulator = (Get-CurrentEmulator))
    $null = Invoke-LifePosEmulatorControl $Emulator 'faults' -Method Put -Body $Body
}

function Enable-OutOfOrderAnswers {
    # 2 ms of latency and up to 15 more: requests finish out of order, so in-order output is really tested. Until reset.
    Set-TestEmulatorFaults @{ latency_ms = 2; jitter_ms = 15 }
}

function Wait-TestEmulatorStats {
    # The emulator reports a request the moment it takes it, in its stats and nowhere else: this asks again as soon as
    # each answer comes, until -Until holds for the stats, -Job has ended, or the guard (for a hang, not a timing)
    # expires.
    param(
        [Parameter(Mandatory)] [scriptblock] $Until,
        [IAsyncResult] $Job,
        [TimeSpan] $Guard = [TimeSpan]::FromSeconds(60),
        $Emulator = (Get-CurrentEmulator)
    )
    $deadline = [DateTime]::UtcNow + $Guard
    do {
        $stats = Get-TestEmulatorStats -Emulator $Emulator
    } until ((& $Until $stats) -or ($Job -and $Job.IsCompleted) -or [DateTime]::UtcNow -gt $deadline)
    $stats
}

function Start-TestRunspace {
    # Runs -Script in a runspace of its own with -ArgumentList and, last, an event it sets once it has connected. Waits
    # for that event, then for the emulator to report in its stats what -Until looks for (requests taken and hanging).
    # Returns the runspace (PowerShell), its Handle and those Stats; the caller disposes of the runspace.
    param(
        [Parameter(Mandatory)] [scriptblock] $Script,
        [object[]] $ArgumentList = @(),
        [Parameter(Mandatory)] [scriptblock] $Until,
        [TimeSpan] $Guard = [TimeSpan]::FromSeconds(60)
    )
    $connected = [Threading.ManualResetEventSlim]::new()
    $ps = [powershell]::Create()
    $null = $ps.AddScript($Script)
    foreach ($argument in $ArgumentList + $connected) { $null = $ps.AddArgument($argument) }
    $handle = $ps.BeginInvoke()
    $null = [Threading.WaitHandle]::WaitAny(@($connected.WaitHandle, $handle.AsyncWaitHandle), $Guard)
    if (-not $connected.IsSet) {
        # Its errors can be read once it has ended; a stream still open would block.
        $errors = if ($handle.IsCompleted) { $ps.Streams.Error -join '; ' } else { "still running after $Guard" }
        $ps.Dispose()
        throw "The runspace did not connect: $errors"
    }
    [pscustomobject]@{ PowerShell = $ps; Handle = $handle; Stats = Wait-TestEmulatorStats -Until $Until -Job $handle -Guard $Guard }
}

function Stop-TestRunspace {
    # Ctrl+C on a runspace from Start-TestRunspace; true when it stopped within the guard (for a hang, not a timing).
    param([Parameter(Mandatory)] $Run, [TimeSpan] $Guard = [TimeSpan]::FromSeconds(60))
    $stopping = $Run.PowerShell.BeginStop($null, $null)
    $stopped = $stopping.AsyncWaitHandle.WaitOne($Guard)
    if ($stopped) { $Run.PowerShell.EndStop($stopping) }
    $stopped
}

function New-TestCredential([string] $Login, [string] $Password) {
    $secure = [securestring]::new()
    foreach ($character in $Password.ToCharArray()) { $secure.AppendChar($character) }
    [pscredential]::new($Login, $secure)
}

function Get-RunSummary($InformationRecords) {
    # The one summary line a bulk run writes to the information stream.
    @($InformationRecords | Where-Object { $_.Tags -contains 'LifePos.Summary' })
}

function Get-HostText([scriptblock] $Run, [string] $Folder) {
    # Host output (-WhatIf lines) as text, through a transcript in -Folder.
    $path = Join-Path $Folder ('host-{0}.txt' -f [guid]::NewGuid())
    $null = Start-Transcript -LiteralPath $path
    try { $null = & $Run } finally { $null = Stop-Transcript }
    Get-Content -LiteralPath $path -Raw -Encoding utf8
}

function Get-AliveWorkplaceName([string] $Like) {
    @(Get-LifePosWorkplace -Name $Like | ForEach-Object Name)
}

function New-SampleWorkplace([string] $Name, [string] $Type = 'Mobile') {
    # A workplace with every kind of field filled: Meta, nested MetaData and an extension.
    New-LifePosWorkplace -Name $Name -WorkplaceType $Type -Meta 'hall' -MetaData @{ floor = 2; tags = @('a', 'b') } `
        -Extension @{ smart_pos = @{ version = '2.1'; turned_on = $true } }
}

function New-TestEmployee {
    # An employee on the current emulator, with the role of its first one; through Invoke-LifePosRequest, as the module
    # has no cmdlet that creates employees.
    param([string] $Name, [string] $Username, [string] $Phone, $Emulator = (Get-CurrentEmulator))
    $employees = "/orgs/$($Emulator.OrganizationId)/employees"
    $role = (Invoke-LifePosRequest $employees).items[0].role
    $body = @{ name = $Name; username = $Username; phone = $Phone; role = @{ guid = $role.guid; type_of = 'Role' } }
    Invoke-LifePosRequest $employees -Method POST -Body $body
}

function Initialize-BulkTargets([string] $CsvPath) {
    # Where 'Bulk changes from CSV ids' starts: the emulator reset, its answers out of order, six new workplaces
    # 'Bulk target N', and a CSV at -CsvPath of their ids (workplace_guid), each with a new name, an employee
    # (employee_guid) and an empty outlet_guid, as an admin's spreadsheet has them. Returns the six workplaces.
    Reset-TestEmulator
    Enable-OutOfOrderAnswers
    $targets = @(1..6 | ForEach-Object { [pscustomobject]@{ Name = "Bulk target $_"; WorkplaceType = 'Mobile' } } | New-LifePosWorkplace)
    $employees = @(Get-LifePosEmployee)
    $index = 0
    $targets | ForEach-Object {
        [pscustomobject]@{ workplace_guid = $_.Id; name = $_.Name + ' renamed'; employee_guid = $employees[$index++ % $employees.Count].Id; outlet_guid = '' }
    } | Export-Csv -LiteralPath $CsvPath -NoTypeInformation
    $targets
}

Export-ModuleMember -Function Get-TestPath, Import-LifePosUnderTest, Invoke-LifePosEmulatorControl, Enter-TestEmulator, Exit-TestEmulator,
    Start-TestEmulator, Stop-TestEmulator, Reset-TestEmulator, Set-TestAnswerVariant, Get-TestAnswerVariant,
    Test-AnswerWithoutErrorCode, Connect-TestEmulator, Get-TestEmulatorStats, Get-RequestCount, Set-TestEmulatorFaults,
    Enable-OutOfOrderAnswers, Start-TestRunspace, Stop-TestRunspace, New-TestCredential, Get-RunSummary, Get-HostText,
    Get-AliveWorkplaceName, New-SampleWorkplace, New-TestEmployee, Initialize-BulkTargets
