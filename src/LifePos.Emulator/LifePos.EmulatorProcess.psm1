# Starts and stops the LIFE POS emulator as a child process. Used by build.ps1 (Demo, Bench), the Pester tests and
# anyone rehearsing a script. It relies only on the emulator's command-line contract (see README.md beside it).
Set-StrictMode -Version Latest

function Start-LifePosEmulator {
    [CmdletBinding()]
    param(
        # Extra emulator options, for example '--seed', '45', '--latency-ms', '10'.
        [string[]] $ArgumentList = @(),
        [Guid] $OrganizationId = [Guid]::NewGuid(),
        [string] $Token = ('emu-' + [Guid]::NewGuid().ToString('N') + [Guid]::NewGuid().ToString('N').Substring(0, 8)),
        [int] $Port = 0,
        [TimeSpan] $StartTimeout = [TimeSpan]::FromSeconds(30)
    )
    $dll = Join-Path $PSScriptRoot 'LifePos.Emulator.dll'
    if (-not (Test-Path $dll)) { throw "The emulator is not built at '$dll'. Run: dotnet pwsh ./build.ps1 Build" }
    $log = [IO.Path]::GetTempFileName()
    $arguments = @($dll, '--urls', "http://127.0.0.1:$Port", '--org', $OrganizationId, '--token', $Token) + $ArgumentList
    $process = Start-Process -FilePath 'dotnet' -ArgumentList $arguments -RedirectStandardOutput $log `
        -RedirectStandardError "$log.err" -PassThru -NoNewWindow
    $deadline = [DateTime]::UtcNow + $StartTimeout
    while ($true) {
        $line = Get-Content -LiteralPath $log -ErrorAction SilentlyContinue |
            Where-Object { $_ -match 'listening on (?<uri>\S+)' } | Select-Object -First 1
        if ($line) { break }
        if ($process.HasExited -or [DateTime]::UtcNow -gt $deadline) {
            $errorText = (Get-Content -LiteralPath "$log.err" -Raw -ErrorAction SilentlyContinue)
            if (-not $process.HasExited) { $process.Kill() }
            throw "The emulator did not start: $errorText"
        }
        Start-Sleep -Milliseconds 50
    }
    # The token as Connect-LifePos -Token takes it, built without a plain-text conversion in anyone's script.
    $secureToken = [securestring]::new()
    foreach ($character in $Token.ToCharArray()) { $secureToken.AppendChar($character) }
    $secureToken.MakeReadOnly()
    [pscustomobject]@{
        PSTypeName     = 'LifePos.EmulatorProcess'
        BaseUri        = [Uri]($Matches.uri.TrimEnd('/', ';', ','))
        OrganizationId = $OrganizationId
        Token          = $Token
        SecureToken    = $secureToken
        Process        = $process
        LogPath        = $log
    }
}

function Stop-LifePosEmulator {
    [CmdletBinding()]
    param([Parameter(Mandatory, ValueFromPipeline)] $Emulator)
    process {
        if (-not $Emulator.Process.HasExited) {
            $Emulator.Process.Kill()
            $null = $Emulator.Process.WaitForExit(10000)
        }
        Remove-Item -LiteralPath $Emulator.LogPath, "$($Emulator.LogPath).err" -ErrorAction SilentlyContinue
    }
}

function Invoke-LifePosEmulatorControl {
    # Calls the emulator's loopback-only control endpoints: stats, reset, faults, revoke-tokens, clock, answers.
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] $Emulator,
        [Parameter(Mandatory)] [string] $Path,
        [string] $Method = 'GET',
        $Body
    )
    $uri = [Uri]::new($Emulator.BaseUri, "/_emulator/$Path")
    $request = @{ Uri = $uri; Method = $Method }
    if ($PSBoundParameters.ContainsKey('Body')) {
        $request.Body = ($Body | ConvertTo-Json -Depth 10)
        $request.ContentType = 'application/json'
    }
    Invoke-RestMethod @request
}

Export-ModuleMember -Function Start-LifePosEmulator, Stop-LifePosEmulator, Invoke-LifePosEmulatorControl
