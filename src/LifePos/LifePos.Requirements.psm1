# A nested module that PowerShell loads before LifePos.dll, and that exports nothing. LifePos.dll is built for
# .NET Standard 2.0, which .NET Framework runs from 4.7.2 on: below that, Windows PowerShell fails to load it with a
# binding error about netstandard, Version=2.0.0.0, which names nothing to install. This stops the import first, with
# what to install instead. The manifest cannot require it: Windows PowerShell checks DotNetFrameworkVersion only against
# the versions it knew when it shipped.
param(
    # Only for tests: the edition and the .NET Framework release number (the Release value under NDP\v4\Full) to judge.
    [string] $Edition = $PSVersionTable.PSEdition,
    [object] $Release = $(if ($PSVersionTable.PSEdition -eq 'Desktop') {
            (Get-ItemProperty -LiteralPath 'HKLM:\SOFTWARE\Microsoft\NET Framework Setup\NDP\v4\Full' -Name Release -ErrorAction SilentlyContinue).Release
        })
)

$required = 461808   # .NET Framework 4.7.2, the lowest release number it has on any Windows
if ($Edition -ne 'Desktop' -or $Release -ge $required) {
    return
}

# The lowest release number of each older version, newest first.
$older = [ordered]@{ 461308 = '4.7.1'; 460798 = '4.7'; 394802 = '4.6.2'; 394254 = '4.6.1'; 393295 = '4.6'; 379893 = '4.5.2'; 378675 = '4.5.1'; 378389 = '4.5' }
$found = 'a .NET Framework older than 4.5'
foreach ($version in $older.GetEnumerator()) {
    if ($Release -ge $version.Key) {
        $found = ".NET Framework $($version.Value) (release $Release)"
        break
    }
}

throw ("LifePos needs .NET Framework 4.7.2 or later, and this Windows PowerShell runs on $found. " +
    'Install .NET Framework 4.8 (Windows Update, or https://dotnet.microsoft.com/download/dotnet-framework/net48), ' +
    'restart Windows, then import LifePos again. PowerShell 7 (https://aka.ms/powershell) runs LifePos without it.')
