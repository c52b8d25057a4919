<#
.SYNOPSIS
    Turns the markdown help under docs/help/ into the module's MAML help, en-US/LifePos.dll-Help.xml.
.DESCRIPTION
    The words come from one markdown file per cmdlet (see README.md beside this script); everything the compiled
    cmdlets already know (parameter types, mandatory, position, pipeline binding, aliases, wildcards, parameter sets,
    valid values) comes from Get-Command on the built module, so the help cannot drift from the code.
    The script fails, listing every problem at once, when an exported cmdlet has no markdown, a markdown file names
    no exported cmdlet, a parameter has no description, a described parameter does not exist, OUTPUTS misses a type
    from the cmdlet's [OutputType], INPUTS disagrees with whether the cmdlet takes pipeline input, or a cmdlet lacks a
    synopsis, a description or two examples. It also copies about_LifePos.help.txt into the same folder.
    build.ps1 runs it in a fresh pwsh at the end of the Build task.
.EXAMPLE
    dotnet pwsh ./docs/help/Build-Help.ps1 -ModulePath ./out/LifePos
#>
[CmdletBinding()]
param(
    # The built module folder (holds LifePos.psd1).
    [Parameter(Mandatory)] [string] $ModulePath,
    # The folder with <Verb>-<Noun>.md files and about_*.help.txt topics.
    [string] $SourcePath = $PSScriptRoot,
    # Where the help goes; the module folder's en-US by default.
    [string] $OutputPath = (Join-Path $ModulePath 'en-US')
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$Ns = @{
    maml    = 'http://schemas.microsoft.com/maml/2004/10'
    command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
    dev     = 'http://schemas.microsoft.com/maml/dev/2004/10'
    MSHelp  = 'http://msdn.microsoft.com/mshelp'
}
$CommonParameters = [System.Management.Automation.PSCmdlet]::CommonParameters
$StandardDescriptions = @{
    WhatIf  = 'Shows what would happen if the cmdlet runs. Nothing is sent to LIFE POS.'
    Confirm = 'Prompts you for confirmation before each change.'
}

#region Markdown

# A markdown file as: the H1 title, and per H2 section its own lines and its H3 subsections (title + lines).
# Headings inside fenced code blocks are text.
function Read-HelpMarkdown([string] $Path) {
    $document = [ordered]@{ Title = $null; Sections = [ordered]@{} }
    $section = $null
    $subsection = $null
    $inFence = $false
    foreach ($line in [IO.File]::ReadAllLines($Path)) {
        if ($line -match '^\s*```') { $inFence = -not $inFence }
        if (-not $inFence -and $line -match '^(#{1,3})\s+(.+?)\s*$') {
            $level = $Matches[1].Length
            $text = $Matches[2]
            if ($level -eq 1) { $document.Title = $text; continue }
            if ($level -eq 2) {
                $section = [ordered]@{ Lines = [Collections.Generic.List[string]]::new(); Subsections = [Collections.Generic.List[object]]::new() }
                $document.Sections[$text.ToUpperInvariant()] = $section
                $subsection = $null
                continue
            }
            if ($null -ne $section) {
                $subsection = [ordered]@{ Title = $text; Lines = [Collections.Generic.List[string]]::new() }
                $section.Subsections.Add($subsection)
                continue
            }
        }
        if ($null -ne $subsection) { $subsection.Lines.Add($line) }
        elseif ($null -ne $section) { $section.Lines.Add($line) }
    }
    $document
}

# Paragraphs for maml:para: blank lines separate, list items stand alone, fenced blocks keep their line breaks.
function ConvertTo-Paragraph([string[]] $Lines) {
    $paragraphs = [Collections.Generic.List[string]]::new()
    $current = [Collections.Generic.List[string]]::new()
    $fence = $null
    $flush = {
        if ($current.Count -gt 0) { $paragraphs.Add(($current -join ' ')); $current.Clear() }
    }
    foreach ($line in $Lines) {
        if ($null -ne $fence) {
            if ($line -match '^\s*```') { $paragraphs.Add(($fence -join "`n")); $fence = $null }
            else { $fence.Add($line) }
            continue
        }
        if ($line -match '^\s*```') { & $flush; $fence = [Collections.Generic.List[string]]::new(); continue }
        if ($line -match '^\s*$') { & $flush; continue }
        if ($line -match '^\s*([-*]|\d+\.)\s+') { & $flush }
        $current.Add($line.Trim())
    }
    & $flush
    $paragraphs.ToArray()
}

function Get-SectionText($Document, [string] $Name) {
    if (-not $Document.Sections.Contains($Name)) { return @() }
    @(ConvertTo-Paragraph $Document.Sections[$Name].Lines)
}

function Get-Subsection($Document, [string] $Name) {
    if (-not $Document.Sections.Contains($Name)) { return @() }
    $Document.Sections[$Name].Subsections
}

#endregion

#region Metadata from the compiled cmdlet

function Get-FriendlyTypeName([type] $Type) {
    $underlying = [Nullable]::GetUnderlyingType($Type)
    if ($underlying) { $Type = $underlying }
    $Type.Name
}

function Get-PipelineInputText($Parameter) {
    $byValue = @($Parameter.ParameterSets.Values | Where-Object ValueFromPipeline).Count -gt 0
    $byName = @($Parameter.ParameterSets.Values | Where-Object ValueFromPipelineByPropertyName).Count -gt 0
    $kinds = @(if ($byValue) { 'ByValue' }; if ($byName) { 'ByPropertyName' })
    if ($kinds.Count -eq 0) { 'False' } else { "True ($($kinds -join ', '))" }
}

function Get-PositionText($Parameter) {
    $positions = @($Parameter.ParameterSets.Values | Where-Object { $_.Position -ge 0 } | ForEach-Object Position | Sort-Object -Unique)
    if ($positions.Count -eq 0) { 'named' } else { [string]$positions[0] }
}

function Get-ValidValue($Parameter) {
    $set = $Parameter.Attributes | Where-Object { $_ -is [ValidateSet] } | Select-Object -First 1
    if ($set) { return @($set.ValidValues) }
    $type = $Parameter.ParameterType
    if ($type.IsArray) { $type = $type.GetElementType() }
    $underlying = [Nullable]::GetUnderlyingType($type)
    if ($underlying) { $type = $underlying }
    if ($type.IsEnum) { return [Enum]::GetNames($type) }
    @()
}

function Test-Wildcard($Parameter) {
    @($Parameter.Attributes | Where-Object { $_ -is [SupportsWildcards] }).Count -gt 0
}

#endregion

#region MAML writer

function Write-Para([Xml.XmlWriter] $Writer, [string[]] $Paragraphs) {
    if (-not $Paragraphs -or $Paragraphs.Count -eq 0) { $Paragraphs = @('') }
    foreach ($paragraph in $Paragraphs) { $Writer.WriteElementString('maml', 'para', $Ns.maml, $paragraph) }
}

function Write-Description([Xml.XmlWriter] $Writer, [string[]] $Paragraphs) {
    $Writer.WriteStartElement('maml', 'description', $Ns.maml)
    Write-Para $Writer $Paragraphs
    $Writer.WriteEndElement()
}

function Write-DevType([Xml.XmlWriter] $Writer, [string] $Name) {
    $Writer.WriteStartElement('dev', 'type', $Ns.dev)
    $Writer.WriteElementString('maml', 'name', $Ns.maml, $Name)
    $Writer.WriteElementString('maml', 'uri', $Ns.maml, '')
    $Writer.WriteEndElement()
}

# One <command:parameter>; $Required is per syntax item (parameter set) or overall for the parameters section.
function Write-Parameter([Xml.XmlWriter] $Writer, $Parameter, [string[]] $Description, [string] $DefaultValue, [bool] $Required, [string] $Position, [switch] $InSyntax) {
    $isSwitch = $Parameter.SwitchParameter
    $Writer.WriteStartElement('command', 'parameter', $Ns.command)
    $Writer.WriteAttributeString('required', $Required.ToString().ToLowerInvariant())
    $Writer.WriteAttributeString('variableLength', $Parameter.ParameterType.IsArray.ToString().ToLowerInvariant())
    $Writer.WriteAttributeString('globbing', (Test-Wildcard $Parameter).ToString().ToLowerInvariant())
    $Writer.WriteAttributeString('pipelineInput', (Get-PipelineInputText $Parameter))
    $Writer.WriteAttributeString('position', $Position)
    $aliases = if ($Parameter.Aliases.Count) { $Parameter.Aliases -join ', ' } else { 'none' }
    $Writer.WriteAttributeString('aliases', $aliases)
    $Writer.WriteElementString('maml', 'name', $Ns.maml, $Parameter.Name)
    Write-Description $Writer $Description
    $validValues = @(Get-ValidValue $Parameter)
    if ($validValues.Count -gt 0) {
        $Writer.WriteStartElement('command', 'parameterValueGroup', $Ns.command)
        foreach ($value in $validValues) {
            $Writer.WriteStartElement('command', 'parameterValue', $Ns.command)
            $Writer.WriteAttributeString('required', 'false')
            $Writer.WriteAttributeString('command', 'variableLength', $Ns.command, 'false')
            $Writer.WriteString($value)
            $Writer.WriteEndElement()
        }
        $Writer.WriteEndElement()
    }
    if (-not ($isSwitch -and $InSyntax)) {
        $Writer.WriteStartElement('command', 'parameterValue', $Ns.command)
        $Writer.WriteAttributeString('required', (-not $isSwitch).ToString().ToLowerInvariant())
        $Writer.WriteAttributeString('variableLength', $Parameter.ParameterType.IsArray.ToString().ToLowerInvariant())
        $Writer.WriteString((Get-FriendlyTypeName $Parameter.ParameterType))
        $Writer.WriteEndElement()
    }
    if (-not $InSyntax) {
        Write-DevType $Writer $Parameter.ParameterType.FullName
        $Writer.WriteElementString('dev', 'defaultValue', $Ns.dev, $DefaultValue)
    }
    $Writer.WriteEndElement()
}

function Write-CommandHelp([Xml.XmlWriter] $Writer, $Command, $Document, $ParameterHelp) {
    $Writer.WriteStartElement('command', 'command', $Ns.command)
    foreach ($prefix in 'maml', 'command', 'dev', 'MSHelp') {
        $Writer.WriteAttributeString('xmlns', $prefix, $null, $Ns[$prefix])
    }
    $Writer.WriteStartElement('command', 'details', $Ns.command)
    $Writer.WriteElementString('command', 'name', $Ns.command, $Command.Name)
    $Writer.WriteElementString('command', 'verb', $Ns.command, $Command.Verb)
    $Writer.WriteElementString('command', 'noun', $Ns.command, $Command.Noun)
    Write-Description $Writer (Get-SectionText $Document 'SYNOPSIS')
    $Writer.WriteEndElement()
    Write-Description $Writer (Get-SectionText $Document 'DESCRIPTION')

    $Writer.WriteStartElement('command', 'syntax', $Ns.command)
    foreach ($set in $Command.ParameterSets) {
        $Writer.WriteStartElement('command', 'syntaxItem', $Ns.command)
        $Writer.WriteElementString('maml', 'name', $Ns.maml, $Command.Name)
        $members = @($set.Parameters | Where-Object { $_.Name -notin $CommonParameters })
        $ordered = @($members | Where-Object Position -ge 0 | Sort-Object Position) + @($members | Where-Object Position -lt 0)
        foreach ($member in $ordered) {
            $parameter = $Command.Parameters[$member.Name]
            $position = if ($member.Position -ge 0) { [string]$member.Position } else { 'named' }
            $help = $ParameterHelp[$member.Name]
            Write-Parameter $Writer $parameter $help.Description $help.DefaultValue $member.IsMandatory $position -InSyntax
        }
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('command', 'parameters', $Ns.command)
    foreach ($name in $ParameterHelp.Keys) {
        $parameter = $Command.Parameters[$name]
        $required = @($parameter.ParameterSets.Values | Where-Object { -not $_.IsMandatory }).Count -eq 0
        $help = $ParameterHelp[$name]
        Write-Parameter $Writer $parameter $help.Description $help.DefaultValue $required (Get-PositionText $parameter)
    }
    $Writer.WriteEndElement()

    foreach ($kind in @(
            @{ Section = 'INPUTS'; List = 'inputTypes'; Item = 'inputType' }
            @{ Section = 'OUTPUTS'; List = 'returnValues'; Item = 'returnValue' })) {
        $Writer.WriteStartElement('command', $kind.List, $Ns.command)
        foreach ($entry in Get-Subsection $Document $kind.Section) {
            $Writer.WriteStartElement('command', $kind.Item, $Ns.command)
            Write-DevType $Writer $entry.Title
            Write-Description $Writer (ConvertTo-Paragraph $entry.Lines)
            $Writer.WriteEndElement()
        }
        $Writer.WriteEndElement()
    }

    $notes = @(Get-SectionText $Document 'NOTES')
    if ($notes.Count -gt 0) {
        $Writer.WriteStartElement('maml', 'alertSet', $Ns.maml)
        $Writer.WriteStartElement('maml', 'alert', $Ns.maml)
        Write-Para $Writer $notes
        $Writer.WriteEndElement()
        $Writer.WriteEndElement()
    }

    $Writer.WriteStartElement('command', 'examples', $Ns.command)
    $number = 0
    foreach ($example in Get-Subsection $Document 'EXAMPLES') {
        $number++
        $parts = Split-Example $example
        $code = $parts.Code
        # The empty paragraph keeps a blank line between one example's remarks and the next title.
        $remarks = @(ConvertTo-Paragraph $parts.Remarks) + ''
        $Writer.WriteStartElement('command', 'example', $Ns.command)
        $Writer.WriteElementString('maml', 'title', $Ns.maml, "---------- $($example.Title) ----------")
        $Writer.WriteElementString('dev', 'code', $Ns.dev, $code)
        $Writer.WriteStartElement('dev', 'remarks', $Ns.dev)
        Write-Para $Writer $remarks
        $Writer.WriteEndElement()
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('command', 'relatedLinks', $Ns.command)
    foreach ($line in @(Get-SectionText $Document 'RELATED LINKS')) {
        $text = $line -replace '^\s*[-*]\s*', ''
        $uri = ''
        if ($text -match '^\[(?<text>[^\]]+)\]\((?<uri>[^)]*)\)$') {
            $text = $Matches.text
            if ($Matches.uri -match '^https?://') { $uri = $Matches.uri }
        }
        elseif ($text -match '^https?://\S+$') { $uri = $text }
        $Writer.WriteStartElement('maml', 'navigationLink', $Ns.maml)
        $Writer.WriteElementString('maml', 'linkText', $Ns.maml, $text)
        $Writer.WriteElementString('maml', 'uri', $Ns.maml, $uri)
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteEndElement()
}

#endregion

# An example is its first fenced code block; the text after the block is the remarks.
function Split-Example($Example) {
    $code = [Collections.Generic.List[string]]::new()
    $remarks = [Collections.Generic.List[string]]::new()
    $state = 'before'
    foreach ($line in $Example.Lines) {
        $isFence = $line -match '^\s*```'
        if ($state -eq 'before' -and $isFence) { $state = 'code'; continue }
        if ($state -eq 'code' -and $isFence) { $state = 'after'; continue }
        if ($state -eq 'code') { $code.Add($line) }
        elseif ($state -eq 'after') { $remarks.Add($line) }
    }
    @{ Code = ($code -join "`n"); Remarks = $remarks.ToArray() }
}

# Checks one markdown file against its compiled cmdlet; returns the problems and the parameter help in doc order.
function Get-ParameterHelp($Command, $Document, [Collections.Generic.List[string]] $Problems) {
    $where = "docs/help/$($Command.Name).md"
    foreach ($required in 'SYNOPSIS', 'DESCRIPTION') {
        if (@(Get-SectionText $Document $required | Where-Object { $_ -match '\S' }).Count -eq 0) {
            $Problems.Add("${where}: the $required section is missing or empty.")
        }
    }
    $examples = @(Get-Subsection $Document 'EXAMPLES')
    if ($examples.Count -lt 2) { $Problems.Add("${where}: has $($examples.Count) example(s); at least two are needed.") }
    foreach ($example in $examples) {
        if (-not (Split-Example $example).Code.Trim()) { $Problems.Add("${where}: '$($example.Title)' has no fenced code block.") }
    }
    foreach ($section in 'INPUTS', 'OUTPUTS') {
        if (@(Get-Subsection $Document $section).Count -eq 0) { $Problems.Add("${where}: the $section section lists no type (write '### None' if there is none).") }
    }
    $outputs = @(Get-Subsection $Document 'OUTPUTS' | ForEach-Object Title)
    foreach ($type in $Command.OutputType) {
        if ($type.Name -ne 'System.Void' -and $type.Name -notin $outputs) {
            $Problems.Add("${where}: the cmdlet declares [OutputType($($type.Name))], which OUTPUTS does not list.")
        }
    }
    $inputs = @(Get-Subsection $Document 'INPUTS' | ForEach-Object Title | Where-Object { $_ -ne 'None' })
    $takesInput = @($Command.Parameters.Values | Where-Object { $_.ParameterSets.Values | Where-Object { $_.ValueFromPipeline -or $_.ValueFromPipelineByPropertyName } }).Count -gt 0
    if ($takesInput -and $inputs.Count -eq 0) { $Problems.Add("${where}: the cmdlet takes pipeline input, but INPUTS lists none.") }
    if (-not $takesInput -and $inputs.Count -gt 0) { $Problems.Add("${where}: INPUTS lists $($inputs -join ', '), but the cmdlet takes no pipeline input.") }

    $help = [ordered]@{}
    foreach ($entry in Get-Subsection $Document 'PARAMETERS') {
        $name = $entry.Title -replace '^-', ''
        if (-not $Command.Parameters.ContainsKey($name) -or ($name -in $CommonParameters)) {
            $Problems.Add("${where}: describes -$name, which $($Command.Name) does not have.")
            continue
        }
        if ($help.Contains($name)) { $Problems.Add("${where}: describes -$name twice."); continue }
        $defaultValue = if ($Command.Parameters[$name].SwitchParameter) { 'False' } else { 'None' }
        $lines = foreach ($line in $entry.Lines) {
            if ($line -match '^\s*Default value:\s*(?<value>.+?)\s*$') { $defaultValue = $Matches.value } else { $line }
        }
        $description = @(ConvertTo-Paragraph @($lines) | Where-Object { $_ -match '\S' })
        if ($description.Count -eq 0) { $Problems.Add("${where}: -$name has no description.") }
        $help[$Command.Parameters[$name].Name] = @{ Description = $description; DefaultValue = $defaultValue }
    }
    foreach ($name in $Command.Parameters.Keys) {
        if ($name -in $CommonParameters -or $help.Contains($name)) { continue }
        if ($StandardDescriptions.ContainsKey($name)) {
            $help[$name] = @{ Description = @($StandardDescriptions[$name]); DefaultValue = 'False' }
        }
        else {
            $Problems.Add("${where}: -$name is not described (add '### -$name' under '## PARAMETERS').")
        }
    }
    $help
}

$manifest = Join-Path (Resolve-Path -LiteralPath $ModulePath).ProviderPath 'LifePos.psd1'
$module = Import-Module $manifest -PassThru
$commands = @(Get-Command -Module $module.Name -CommandType Cmdlet | Sort-Object Name)
if ($commands.Count -eq 0) { throw "The module at $ModulePath exports no cmdlets; build it first." }

$problems = [Collections.Generic.List[string]]::new()
$sources = @{}
foreach ($file in Get-ChildItem -LiteralPath $SourcePath -Filter '*.md' | Where-Object Name -match '^[A-Za-z]+-[A-Za-z]+\.md$') {
    $sources[$file.BaseName] = $file.FullName
}
foreach ($name in $sources.Keys) {
    if ($name -notin $commands.Name) { $problems.Add("docs/help/$name.md: $name is not a cmdlet exported by the module.") }
}

$documented = [Collections.Generic.List[object]]::new()
foreach ($command in $commands) {
    if (-not $sources.ContainsKey($command.Name)) { $problems.Add("docs/help/$($command.Name).md is missing."); continue }
    $document = Read-HelpMarkdown $sources[$command.Name]
    if ($document.Title -ne $command.Name) { $problems.Add("docs/help/$($command.Name).md: the title must be '# $($command.Name)'.") }
    $parameterHelp = Get-ParameterHelp $command $document $problems
    $documented.Add(@{ Command = $command; Document = $document; ParameterHelp = $parameterHelp })
}
if ($problems.Count -gt 0) {
    throw "The help does not match the cmdlets ($($problems.Count) problem(s)):`n  " + ($problems -join "`n  ")
}

$null = New-Item -ItemType Directory -Force $OutputPath
$helpFile = Join-Path $OutputPath "$($module.Name).dll-Help.xml"
$settings = [Xml.XmlWriterSettings]@{ Indent = $true; Encoding = [Text.UTF8Encoding]::new($false) }
$writer = [Xml.XmlWriter]::Create($helpFile, $settings)
try {
    $writer.WriteStartDocument()
    $writer.WriteStartElement('helpItems', 'http://msh')
    $writer.WriteAttributeString('schema', 'maml')
    foreach ($item in $documented) { Write-CommandHelp $writer $item.Command $item.Document $item.ParameterHelp }
    $writer.WriteEndElement()
    $writer.WriteEndDocument()
}
finally {
    $writer.Dispose()
}
foreach ($topic in Get-ChildItem -LiteralPath $SourcePath -Filter 'about_*.help.txt') {
    Copy-Item -LiteralPath $topic.FullName -Destination $OutputPath -Force
}
Write-Host "Help:     $helpFile ($($documented.Count) cmdlets)"
