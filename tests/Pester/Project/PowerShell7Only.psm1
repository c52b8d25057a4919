# What Windows PowerShell 5.1 lacks, found in PowerShell text by the PowerShell 7 parser's syntax tree: the operators
# 7 added, its parameters, cmdlets, automatic variables and encoding names; and Export-Csv without -Encoding (ASCII in
# 5.1, so Cyrillic names become '?') or without -NoTypeInformation (a #TYPE line first in 5.1). Find-PowerShell7Only checks one piece of code; Get-WindowsPowerShellCode lists
# every piece of code the module ships or documents as running on 5.1.
using namespace System.Management.Automation.Language

# Parameters PowerShell 7 added to cmdlets that 5.1 has.
$script:NewParameters = @{
    'ConvertFrom-Json'  = 'AsHashtable', 'Depth', 'NoEnumerate', 'DateKind'
    'ConvertTo-Json'    = 'EnumsAsStrings', 'AsArray', 'EscapeHandling'
    'Export-Csv'        = 'UseQuotes', 'QuoteFields', 'IncludeTypeInformation', 'NoHeader'
    'ConvertTo-Csv'     = 'UseQuotes', 'QuoteFields', 'IncludeTypeInformation', 'NoHeader'
    'ForEach-Object'    = 'Parallel', 'ThrottleLimit', 'TimeoutSeconds', 'AsJob', 'UseNewRunspace'
    'Invoke-RestMethod' = 'SkipCertificateCheck', 'Authentication', 'Token', 'SslProtocol', 'NoProxy', 'SkipHeaderValidation',
    'MaximumRetryCount', 'RetryIntervalSec', 'StatusCodeVariable', 'ResponseHeadersVariable', 'Form', 'Resume', 'SkipHttpErrorCheck',
    'HttpVersion', 'FollowRelLink', 'MaximumFollowRelLink', 'AllowUnencryptedAuthentication', 'PreserveAuthorizationOnRedirect'
    'Invoke-WebRequest' = 'SkipCertificateCheck', 'Authentication', 'Token', 'SslProtocol', 'NoProxy', 'SkipHeaderValidation',
    'MaximumRetryCount', 'RetryIntervalSec', 'Form', 'Resume', 'SkipHttpErrorCheck', 'HttpVersion', 'AllowUnencryptedAuthentication',
    'PreserveAuthorizationOnRedirect'
    'Get-Content'       = 'AsByteStream'
    'Set-Content'       = 'AsByteStream'
    'Add-Content'       = 'AsByteStream'
    'Out-String'        = 'NoNewline'
    'Select-String'     = 'Raw', 'NoEmphasis', 'Culture'
    'Sort-Object'       = 'Top', 'Bottom', 'Stable'
    'Split-Path'        = 'Extension', 'LeafBase'
    'Join-Path'         = 'AdditionalChildPath'
    'Get-Date'          = 'AsUTC', 'UnixTimeSeconds'
    'Import-Module'     = 'UseWindowsPowerShell', 'SkipEditionCheck'
    'Start-Job'         = 'WorkingDirectory'
}

# Cmdlets that exist only in PowerShell 6 and later.
$script:NewCmdlets = 'Get-Error', 'Join-String', 'Test-Json', 'ConvertFrom-Markdown', 'Show-Markdown', 'Get-MarkdownOption',
'Set-MarkdownOption', 'Remove-Alias', 'Get-Uptime', 'Remove-Service', 'Get-ExperimentalFeature', 'Enable-ExperimentalFeature',
'Disable-ExperimentalFeature', 'Get-PSSubsystem', 'ConvertTo-CliXml', 'ConvertFrom-CliXml'

# Automatic variables that are $null in 5.1, so a test of them silently takes the wrong branch there.
$script:NewVariables = 'IsWindows', 'IsLinux', 'IsMacOS', 'IsCoreCLR', 'PSStyle'

# The encoding names 5.1 accepts (Export-Csv, Out-File, the *-Content cmdlets); 7 added utf8BOM, utf8NoBOM, ansi, ...
$script:Encodings51 = 'ASCII', 'BigEndianUnicode', 'Byte', 'Default', 'OEM', 'String', 'Unicode', 'Unknown', 'UTF7', 'UTF8', 'UTF32'

function Find-PowerShell7Only {
    <# Findings (Source, Line, Problem) for what Windows PowerShell 5.1 cannot run in -Code; none when it can. #>
    param(
        [Parameter(Mandatory)] [AllowEmptyString()] [string] $Code,
        [string] $Source = 'code'
    )
    $tokens = $null
    $errors = $null
    $ast = [Parser]::ParseInput($Code, [ref] $tokens, [ref] $errors)
    $found = [Collections.Generic.List[object]]::new()
    function Add-Finding($Extent, [string] $Problem) {
        $found.Add([pscustomobject]@{ Source = $Source; Line = $Extent.StartLineNumber; Problem = $Problem })
    }

    foreach ($parseError in $errors) { Add-Finding $parseError.Extent "does not parse: $($parseError.Message)" }
    foreach ($node in $ast.FindAll({ $true }, $true)) {
        switch ($node) {
            { $_ -is [TernaryExpressionAst] } { Add-Finding $_.Extent "'?:' (the ternary operator) is PowerShell 7 only" }
            { $_ -is [PipelineChainAst] } { Add-Finding $_.Extent "'&&' and '||' between pipelines are PowerShell 7 only" }
            { $_ -is [BinaryExpressionAst] -and $_.Operator -eq 'QuestionQuestion' } { Add-Finding $_.Extent "'??' is PowerShell 7 only" }
            { $_ -is [AssignmentStatementAst] -and $_.Operator -eq 'QuestionQuestionEquals' } { Add-Finding $_.Extent "'??=' is PowerShell 7 only" }
            { ($_ -is [MemberExpressionAst] -or $_ -is [IndexExpressionAst]) -and $_.NullConditional } { Add-Finding $_.Extent "'?.' and '?[]' are PowerShell 7 only" }
            { $_ -is [ScriptBlockAst] -and $_.CleanBlock } { Add-Finding $_.CleanBlock.Extent "a clean block is PowerShell 7 only" }
            { $_ -is [VariableExpressionAst] -and $_.VariablePath.UserPath -in $NewVariables } {
                Add-Finding $_.Extent "`$$($_.VariablePath.UserPath) is `$null in Windows PowerShell 5.1"
            }
            { $_ -is [CommandAst] } { Find-CommandProblem $_ | ForEach-Object { Add-Finding $node.Extent $_ } }
        }
    }
    foreach ($token in $tokens) {
        if ($token.Kind -in 'StringExpandable', 'HereStringExpandable' -and $token.Text -cmatch '`e|`u\{') {
            Add-Finding $token.Extent "the escapes ``e and ``u{} are PowerShell 7 only"
        }
    }
    $found
}

function Find-CommandProblem([CommandAst] $Command) {
    $name = $Command.GetCommandName()
    if (-not $name) { return }
    $alias = Get-Alias -Name $name -ErrorAction Ignore
    if ($alias) { $name = $alias.ResolvedCommandName }
    if ($name -in $NewCmdlets) { "$name is PowerShell 7 only" }

    $elements = $Command.CommandElements
    $parameters = @($elements | Where-Object { $_ -is [CommandParameterAst] })
    foreach ($parameter in $parameters) {
        $given = $parameter.ParameterName
        foreach ($new in @($NewParameters[$name])) {
            if ($new -and ($new -eq $given -or ($given.Length -ge 3 -and $new.StartsWith($given, [StringComparison]::OrdinalIgnoreCase)))) {
                "$name -$new is PowerShell 7 only"
            }
        }
        if (Test-Given $parameter 'Encoding') {
            $value = if ($parameter.Argument) { $parameter.Argument } else { $elements[$elements.IndexOf($parameter) + 1] }
            if ($value -is [StringConstantExpressionAst] -and $value.Value -notin $Encodings51) {
                "-Encoding $($value.Value) does not exist in Windows PowerShell 5.1 (-Encoding UTF8 writes UTF-8 with a BOM there)"
            }
        }
    }
    # A splatted hashtable may hold either parameter: only what is written out is judged.
    if (@($elements | Where-Object { $_ -is [VariableExpressionAst] -and $_.Splatted }).Count) { return }
    if ($name -eq 'Export-Csv' -and -not (Test-Given $parameters 'Encoding')) {
        "Export-Csv without -Encoding writes ASCII in Windows PowerShell 5.1 (Cyrillic becomes '?'): add -Encoding UTF8"
    }
    if ($name -in 'Export-Csv', 'ConvertTo-Csv' -and -not (Test-Given $parameters 'NoTypeInformation')) {
        "$name without -NoTypeInformation writes a #TYPE line first in Windows PowerShell 5.1: add -NoTypeInformation"
    }
}

function Test-Given([CommandParameterAst[]] $Parameters, [string] $Name) {
    @($Parameters | Where-Object { $_.ParameterName.Length -ge 3 -and $Name.StartsWith($_.ParameterName, [StringComparison]::OrdinalIgnoreCase) }).Count -gt 0
}

function Test-PowerShell7Marked([string] $Code) {
    <# True when the code's leading comment lines say it is for PowerShell 7 ('# PowerShell 7 ...'). #>
    foreach ($line in $Code.Trim() -split '\r?\n') {
        if ($line -notmatch '^\s*#') { return $false }
        if ($line -match '^\s*#\s*PowerShell 7\b') { return $true }
    }
    $false
}

function Get-WindowsPowerShellCode {
    <#
    Every piece of code shipped in the built module folder or documented as running on Windows PowerShell 5.1, as
    (Document, Source, Code): the manifest, the nested module, the format file's script blocks, the MAML examples, the indented
    code of about_LifePos, examples/*.ps1 and their help examples, and the README's powershell blocks. The caller leaves
    out the pieces marked '# PowerShell 7' (Test-PowerShell7Marked).
    #>
    param([Parameter(Mandatory)] [string] $Root)
    $module = Join-Path $Root 'out/LifePos'
    foreach ($file in 'LifePos.psd1', 'LifePos.Requirements.psm1') {
        @{ Document = "out/LifePos/$file"; Source = "out/LifePos/$file"; Code = Get-Content -Raw -LiteralPath (Join-Path $module $file) }
    }
    $number = 0
    foreach ($block in ([xml](Get-Content -Raw -LiteralPath (Join-Path $module 'LifePos.Format.ps1xml'))).SelectNodes('//ScriptBlock')) {
        $number++
        @{ Document = 'LifePos.Format.ps1xml'; Source = "LifePos.Format.ps1xml script block $number"; Code = $block.InnerText }
    }
    $maml = [xml](Get-Content -Raw -LiteralPath (Join-Path $module 'en-US/LifePos.dll-Help.xml'))
    $namespaces = [Xml.XmlNamespaceManager]::new($maml.NameTable)
    $namespaces.AddNamespace('command', 'http://schemas.microsoft.com/maml/dev/command/2004/10')
    $namespaces.AddNamespace('dev', 'http://schemas.microsoft.com/maml/dev/2004/10')
    $namespaces.AddNamespace('maml', 'http://schemas.microsoft.com/maml/2004/10')
    foreach ($command in $maml.SelectNodes('//command:command', $namespaces)) {
        $name = $command.SelectSingleNode('command:details/command:name', $namespaces).InnerText
        $number = 0
        foreach ($code in $command.SelectNodes('command:examples/command:example/dev:code', $namespaces)) {
            $number++
            @{ Document = "Get-Help $name"; Source = "Get-Help $name example $number"; Code = $code.InnerText }
        }
    }
    # about_ text: code is indented by 8 spaces or more, and a blank line ends a piece. Indented tables and the cron
    # line are indented too: a piece that even PowerShell 7 cannot parse is not PowerShell, and is left out.
    $lines = Get-Content -LiteralPath (Join-Path $module 'en-US/about_LifePos.help.txt')
    $piece = [Collections.Generic.List[string]]::new()
    for ($index = 0; $index -le $lines.Count; $index++) {
        $line = if ($index -lt $lines.Count) { $lines[$index] } else { '' }
        if ($line -match '^ {8}') { $piece.Add($line); continue }
        $code = $piece -join "`n"
        $errors = $null
        $null = [Parser]::ParseInput($code, [ref] $null, [ref] $errors)
        if ($piece.Count -and -not $errors) { @{ Document = 'about_LifePos'; Source = "about_LifePos line $($index - $piece.Count + 1)"; Code = $code } }
        $piece.Clear()
    }
    # A script, and the code of each example in its comment-based help (the lines before the remarks).
    foreach ($script in Get-ChildItem -LiteralPath (Join-Path $Root 'examples') -Filter *.ps1) {
        @{ Document = "examples/$($script.Name)"; Source = "examples/$($script.Name)"; Code = Get-Content -Raw -LiteralPath $script.FullName }
        $number = 0
        foreach ($example in @([Parser]::ParseFile($script.FullName, [ref] $null, [ref] $null).GetHelpContent().Examples)) {
            $number++
            @{ Document = "examples/$($script.Name)"; Source = "Get-Help examples/$($script.Name) example $number"; Code = ($example.Trim() -split '\r?\n\s*\r?\n')[0] }
        }
    }
    $readme = Get-Content -Raw -LiteralPath (Join-Path $Root 'README.md')
    foreach ($match in [regex]::Matches($readme, '(?ms)^```powershell\r?\n(?<code>.*?)^```')) {
        $line = ($readme.Substring(0, $match.Index) -split "`n").Count
        @{ Document = 'README.md'; Source = "README.md line $line"; Code = $match.Groups['code'].Value }
    }
}

Export-ModuleMember -Function Find-PowerShell7Only, Test-PowerShell7Marked, Get-WindowsPowerShellCode
