# Employees, outlets and finding things: the activation story end to end, the errors on its way, the directory
# cmdlets, workplaces by number and by time, and connecting without plain-text secrets (the environment, a proxy).
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot '../../out/LifePos/LifePos.psd1') -Force
    Import-Module (Join-Path $PSScriptRoot '../../out/LifePos.Emulator/LifePos.EmulatorProcess.psm1') -Force
    $script:OwnerPassword = 'owner-' + [guid]::NewGuid().ToString('N')
    $script:ManagerPassword = 'manager-' + [guid]::NewGuid().ToString('N')
    $script:Emulator = Start-LifePosEmulator -ArgumentList '--seed', '250', '--account', "admin@example.com:$($OwnerPassword):Owner",
        '--account', "manager@example.com:$($ManagerPassword):Manager"

    function Connect-TestEmulator([hashtable] $With = @{}) {
        Connect-LifePos -BaseUri $Emulator.BaseUri -Token $Emulator.SecureToken -MaxRetryDelay 0.05 @With
    }
    function Reset-Emulator { $null = Invoke-LifePosEmulatorControl $Emulator 'reset' -Method Post }
    function Get-Requests([string] $Endpoint) {
        $entry = (Invoke-LifePosEmulatorControl $Emulator 'stats').requests.PSObject.Properties[$Endpoint]
        if ($entry) { [int]$entry.Value.total } else { 0 }
    }
    function Get-Sms { @((Invoke-LifePosEmulatorControl $Emulator 'stats').sms) }
    function New-Credential([string] $Login, [string] $Password) {
        $secure = [securestring]::new()
        foreach ($character in $Password.ToCharArray()) { $secure.AppendChar($character) }
        [pscredential]::new($Login, $secure)
    }

    # Seeded employee i (1..6): phone '+7 900 123-45-6i', except the 6th, which has none (see the emulator's README).
    $script:PhoneOf3 = '+7 900 123-45-63'
}
AfterAll {
    Disconnect-LifePos
    $Emulator | Stop-LifePosEmulator
}

Describe 'The activation story: an employee found by phone, a code by SMS for a workplace by number, then activation' {
    BeforeAll {
        Reset-Emulator
        Connect-TestEmulator
    }

    It 'finds the employee by the phone written any way, sends the code to that phone, and the till activates with it' {
        $employee = Get-LifePosEmployee -Phone '8 (900) 123 45 63'
        $employee | Should -BeOfType ([LifePos.Employee])
        $employee.Phone | Should -Be $PhoneOf3
        @(Get-LifePosEmployee -Phone '9001234563', '+79001234563').Id | Should -Be $employee.Id -Because 'an employee is listed once, however many of the phones match'
        @(Get-LifePosEmployee -Phone '9001234561', '+7 900 123 45 63').Phone | Should -Be '+7 900 123-45-61', $PhoneOf3

        $code = $employee | New-LifePosActivationCode -Workplace 17 -SendSms
        $code | Should -BeOfType ([LifePos.ActivationCode])
        $code.WorkplaceNumber | Should -Be 17
        $code.WorkplaceName | Should -Be 'Касса 0017'
        $code.EmployeeId | Should -Be $employee.Id
        $code.EmployeeName | Should -Be $employee.Name
        $code.Phone | Should -Be $PhoneOf3
        $code.SmsRequested | Should -BeTrue

        $sms = @(Get-Sms | Where-Object activation_code -eq $code.Code)
        $sms.Count | Should -Be 1
        $sms[0].phone | Should -Be $PhoneOf3
        $sms[0].employee | Should -Be "$($employee.Id)"
        $sms[0].workplace | Should -Be "$((Get-LifePosWorkplace -Number 17).Id)"

        $activation = $code | Enable-LifePosWorkplace
        $activation.WorkplaceId | Should -Be $code.WorkplaceId
        (Get-LifePosWorkplace -Number 17).IsActivated | Should -BeTrue
    }

    It 'binds a piped employee to -Employee, never to -Workplace, whichever way the workplace is named (<How>)' -TestCases @(
        @{ How = 'number'; Workplace = 21 }, @{ How = 'exact name'; Workplace = 'Касса 0022' }, @{ How = '#number'; Workplace = '#23' }
    ) {
        $employee = Get-LifePosEmployee -Phone $PhoneOf3
        $code = $employee | New-LifePosActivationCode -Workplace $Workplace
        $code.EmployeeId | Should -Be $employee.Id
        $code.WorkplaceId | Should -Not -Be $employee.Id
        $code.WorkplaceName | Should -BeLike 'Касса 00*'
    }

    It 'takes a CSV of workplace numbers and employee phones, and keeps the input order' {
        $csv = Join-Path $TestDrive 'codes.csv'
        @(
            [pscustomobject]@{ workplace_number = 31; employee_phone = '89001234561' }
            [pscustomobject]@{ workplace_number = 32; employee_phone = '+7 (900) 123-45-62' }
            [pscustomobject]@{ workplace_number = 33; employee_phone = $PhoneOf3 }
        ) | Export-Csv -LiteralPath $csv -NoTypeInformation -Encoding utf8
        $codes = @(Import-Csv -LiteralPath $csv | New-LifePosActivationCode -SendSms)
        $codes.WorkplaceNumber | Should -Be 31, 32, 33
        $codes.Phone | Should -Be '+7 900 123-45-61', '+7 900 123-45-62', $PhoneOf3
        foreach ($code in $codes) { @(Get-Sms | Where-Object activation_code -eq $code.Code).phone | Should -Be $code.Phone }
    }

    It 'takes the old -WorkplaceId and -EmployeeId, and an employee id column' {
        $workplace = Get-LifePosWorkplace -Number 40
        $employee = Get-LifePosEmployee -Phone $PhoneOf3
        (New-LifePosActivationCode -WorkplaceId $workplace.Id -EmployeeId $employee.Id).WorkplaceId | Should -Be $workplace.Id
        ([pscustomobject]@{ WorkplaceId = $workplace.Id; EmployeeId = $employee.Id } | New-LifePosActivationCode).EmployeeId | Should -Be $employee.Id
    }

    It 'completes -Employee and -Outlet by name with Tab' {
        $employee = Get-LifePosEmployee -Phone $PhoneOf3
        $outlet = Get-LifePosOutlet -First 1
        $line = "New-LifePosActivationCode -Workplace 17 -Employee '$($employee.Name.Substring(0, 4))"
        $completions = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches
        $completions.ListItemText | Should -Contain $employee.Name
        $line = "New-LifePosActivationCode -Workplace 17 -Employee x -Outlet "
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.ListItemText | Should -Contain $outlet.Name
    }
}

Describe 'The errors on the way to an activation code' {
    BeforeEach {
        Reset-Emulator
        Connect-TestEmulator
    }

    It 'an unknown employee is LifePos.ReferenceNotFound, saying where to find the right ones' {
        New-LifePosActivationCode -Workplace 17 -Employee ([guid]::NewGuid()) -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'LifePos.ReferenceNotFound*'
        "$($failed[0])" | Should -Match 'Get-LifePosEmployee'
        $failed[0].ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
    }

    It 'an employee name nobody has fails before anything is sent, listing how to find one' {
        $before = Get-Requests 'generate-activation-code'
        New-LifePosActivationCode -Workplace 17 -Employee 'Нет Такого Человека' -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        "$($failed[0])" | Should -Match 'Нет Такого Человека'
        "$($failed[0])" | Should -Match 'Get-LifePosEmployee'
        Get-Requests 'generate-activation-code' | Should -Be $before
    }

    It 'an employee without a phone and -SendSms fails before sending when the module knows it' {
        $without = Get-LifePosEmployee | Where-Object { -not $_.Phone } | Select-Object -First 1
        $before = Get-Requests 'generate-activation-code'
        $without | New-LifePosActivationCode -Workplace 17 -SendSms -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        "$($failed[0])" | Should -Match 'has no phone number'
        "$($failed[0])" | Should -Match 'leave out -SendSms'
        Get-Requests 'generate-activation-code' | Should -Be $before
    }

    It 'the server''s PhoneIsNotFound gets its own message when only the id was given' {
        $without = Get-LifePosEmployee | Where-Object { -not $_.Phone } | Select-Object -First 1
        New-LifePosActivationCode -Workplace 17 -Employee "$($without.Id)" -SendSms -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -Match 'PhoneIsNotFound'
        "$($failed[0])" | Should -Match 'no phone number'
        @(Get-Sms).Count | Should -Be 0
    }

    It 'a Manager account is warned at Connect that it cannot change workplaces, and a change fails with 403 saying why' {
        $warnings = @()
        $connection = Connect-LifePos -BaseUri $Emulator.BaseUri -Credential (New-Credential 'manager@example.com' $ManagerPassword) -PassThru -WarningVariable warnings -WarningAction SilentlyContinue
        $connection.Role | Should -Be 'Manager'
        "$warnings" | Should -Match 'role is Manager'
        "$warnings" | Should -Match '403'

        @(Get-LifePosWorkplace -Connection $connection -First 3).Count | Should -Be 3
        New-LifePosWorkplace -Connection $connection -Name 'Manager made' -WorkplaceType Mobile -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'LifePos.NoPermissions*'
        "$($failed[0])" | Should -Match 'Owner or Administrator'
        $connection | Disconnect-LifePos
    }
}

Describe 'Get-LifePosEmployee and Get-LifePosOutlet' {
    BeforeAll {
        Reset-Emulator
        Connect-TestEmulator
    }

    It 'lists typed employees, by name with wildcards, by -Query, -First and -Skip, and by -Id' {
        $all = @(Get-LifePosEmployee)
        $all.Count | Should -BeGreaterOrEqual 8
        $all | ForEach-Object { $_ | Should -BeOfType ([LifePos.Employee]) }
        @(Get-LifePosEmployee -Name 'иванов*').Name | Should -Be 'Иванов Иван Петрович'
        @(Get-LifePosEmployee -Query '9001234562').Phone | Should -Be '+7 900 123-45-62'
        @(Get-LifePosEmployee -First 2 -Skip 1).Id | Should -Be $all[1].Id, $all[2].Id
        @(Get-LifePosEmployee -Id $all[3].Id, $all[4].Id).Id | Should -Be $all[3].Id, $all[4].Id
        ($all | Where-Object Role -eq 'Manager') | Should -Not -BeNullOrEmpty
    }

    It 'never holds a PIN code hash: not in the object, a JSON copy or a listing' {
        $employees = @(Get-LifePosEmployee)
        ($employees | Where-Object HasPinCode) | Should -Not -BeNullOrEmpty -Because 'the seed gives even employees a pin_code_hash'
        $text = ($employees | ConvertTo-Json -Depth 10) + ($employees | Format-List * | Out-String) + ($employees | ConvertTo-Csv | Out-String)
        $text | Should -Not -Match 'pin_code_hash'
        $text | Should -Not -Match '[0-9a-f]{32}'
    }

    It 'shows employees and outlets in a table by default' {
        $table = Get-LifePosEmployee -First 3 | Out-String
        $table | Should -Match 'Name'
        $table | Should -Match 'Phone'
        $table | Should -Match 'Role'
        Get-LifePosOutlet | Out-String | Should -Match 'Магазин на Тверской'
    }

    It 'lists outlets, and never shows an api_key' {
        $outlets = @(Get-LifePosOutlet)
        $outlets.Count | Should -Be 2
        $outlets[0] | Should -BeOfType ([LifePos.Outlet])
        $secretHolder = $outlets | Where-Object { $_.Extensions.ContainsKey('lifepay_cloud_fiscalization') }
        $secretHolder.Extensions['lifepay_cloud_fiscalization']['api_key'] | Should -Be '***'
        $text = ($outlets | ConvertTo-Json -Depth 10) + ($outlets | Format-List * | Out-String) + ($outlets | ConvertTo-Csv | Out-String)
        $text | Should -Not -Match '[0-9a-f]{32}'
        (Get-LifePosOutlet -Id $secretHolder.Id).Extensions['lifepay_cloud_fiscalization']['api_key'] | Should -Be '***'
        (Get-LifePosOutlet -Name 'Кофейня*').Name | Should -Be 'Кофейня на Невском'
    }

    It 'Get-LifePosConnection shows who signed in and the role' {
        $connection = Get-LifePosConnection
        $connection.EmployeeName | Should -Be 'Владелец Эмулятора'
        $connection.Role | Should -Be 'Owner'
        Get-LifePosConnection | Format-List | Out-String | Should -Match 'Владелец Эмулятора'
    }
}

Describe 'Finding workplaces the way admins name them' {
    BeforeAll {
        Reset-Emulator
        Connect-TestEmulator
    }

    It 'takes -Number 17, 18' {
        $found = @(Get-LifePosWorkplace -Number 17, 18)
        $found.Number | Should -Be 17, 18
        $found.Name | Should -Be 'Касса 0017', 'Касса 0018'
    }

    It 'sends -CreatedAfter and -CreatedBefore to the server: one filtered listing, not a full one' {
        # 250 seeded workplaces, created one minute apart: a full listing takes three pages.
        $newest = @(Get-LifePosWorkplace -OrderBy CreatedAtDesc -First 5)
        $since = $newest[-1].CreatedAt
        $lists = Get-Requests 'list'
        $recent = @(Get-LifePosWorkplace -CreatedAfter $since)
        (Get-Requests 'list') - $lists | Should -Be 1
        $recent.Count | Should -Be 5
        $recent.Id | Sort-Object | Should -Be ($newest.Id | Sort-Object)

        $third = (Get-LifePosWorkplace -Number 3).CreatedAt
        $lists = Get-Requests 'list'
        $old = @(Get-LifePosWorkplace -CreatedBefore $third)
        (Get-Requests 'list') - $lists | Should -Be 1
        $old.Number | Should -Be 1, 2, 3
    }

    It 'sorts the most recently archived by ArchivedAt' {
        # Archived in the order 5, 9, 7, a minute apart on the emulator's clock.
        foreach ($number in 5, 9, 7) {
            $null = Invoke-LifePosEmulatorControl $Emulator 'clock' -Method Post -Body @{ advance_seconds = 60 }
            $null = Remove-LifePosWorkplace -Id (Get-LifePosWorkplace -Number $number).Id -Confirm:$false
        }
        $latest = @(Get-LifePosWorkplace -Selection ArchivedOnly | Sort-Object ArchivedAt -Descending | Select-Object -First 3)
        $latest.Number | Should -Be 7, 9, 5
    }
}

Describe 'Connect-LifePos -FromEnvironment' {
    BeforeAll {
        Reset-Emulator
        $script:Variables = 'LIFEPOS_TOKEN', 'LIFEPOS_LOGIN', 'LIFEPOS_PASSWORD', 'LIFEPOS_BASE_URI', 'LIFEPOS_ENVIRONMENT', 'LIFEPOS_ORGANIZATION_ID'
        $script:Saved = @{}
        foreach ($name in $Variables) { $Saved[$name] = [Environment]::GetEnvironmentVariable($name) }
    }
    AfterEach {
        foreach ($name in $Variables) { [Environment]::SetEnvironmentVariable($name, $Saved[$name]) }
    }

    It 'connects with LIFEPOS_TOKEN and LIFEPOS_BASE_URI, and no value shows in any stream' {
        $env:LIFEPOS_TOKEN = $Emulator.Token
        $env:LIFEPOS_BASE_URI = "$($Emulator.BaseUri)"
        $env:LIFEPOS_ORGANIZATION_ID = "$($Emulator.OrganizationId)"
        $output = & {
            $DebugPreference = 'Continue'
            $connection = Connect-LifePos -FromEnvironment -PassThru -Verbose
            $connection | Format-List * | Out-String
            Get-LifePosWorkplace -First 1 -Connection $connection -Verbose
        } *>&1 | Out-String
        $output | Should -Match 'Касса 0001'
        $output | Should -Not -Match ([regex]::Escape($Emulator.Token))
        (Get-LifePosConnection).OrganizationId | Should -Be $Emulator.OrganizationId
    }

    It 'signs in with LIFEPOS_LOGIN and LIFEPOS_PASSWORD, and the password shows nowhere' {
        $env:LIFEPOS_LOGIN = 'admin@example.com'
        $env:LIFEPOS_PASSWORD = $OwnerPassword
        $env:LIFEPOS_BASE_URI = "$($Emulator.BaseUri)"
        $output = & {
            $DebugPreference = 'Continue'
            Connect-LifePos -FromEnvironment -PassThru -Verbose | Format-List * | Out-String
        } *>&1 | Out-String
        $output | Should -Not -Match ([regex]::Escape($OwnerPassword))
        (Get-LifePosConnection).Role | Should -Be 'Owner'
        (Get-LifePosConnection).EmployeeName | Should -Match 'admin@example.com'
    }

    It 'names the missing variable: <Case>' -TestCases @(
        @{ Case = 'nothing set'; Set = @{}; Names = 'LIFEPOS_TOKEN', 'LIFEPOS_LOGIN' }
        @{ Case = 'a login without a password'; Set = @{ LIFEPOS_LOGIN = 'admin@example.com' }; Names = @('LIFEPOS_PASSWORD') }
        @{ Case = 'a malformed organization id'; Set = @{ LIFEPOS_TOKEN = 'x'; LIFEPOS_ORGANIZATION_ID = 'not-an-id-3141592' }; Names = @('LIFEPOS_ORGANIZATION_ID') }
        @{ Case = 'an unknown environment'; Set = @{ LIFEPOS_TOKEN = 'x'; LIFEPOS_ENVIRONMENT = 'Staging-2718' }; Names = @('LIFEPOS_ENVIRONMENT') }
    ) {
        foreach ($name in $Variables) { [Environment]::SetEnvironmentVariable($name, $null) }
        foreach ($pair in $Set.GetEnumerator()) { [Environment]::SetEnvironmentVariable($pair.Key, $pair.Value) }
        { Connect-LifePos -FromEnvironment -ErrorAction Stop } | Should -Throw
        $message = "$($Error[0])"
        foreach ($name in $Names) { $message | Should -Match $name }
        $message | Should -Not -Match '3141592|2718'
        $Error[0].ScriptStackTrace + $Error[0].Exception.StackTrace | Should -Not -Match 'LifePos\.'
    }
}

Describe 'Connect-LifePos -Proxy' {
    BeforeAll {
        Reset-Emulator
        # A forward proxy on loopback, as small as a test can have it: each request on its own connection.
        if (-not ('LifePosTests.LoopbackProxy' -as [type])) {
            Add-Type -TypeDefinition @'
using System;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace LifePosTests
{
    public sealed class LoopbackProxy : IDisposable
    {
        private readonly TcpListener _listener = new TcpListener(IPAddress.Loopback, 0);
        private readonly string _expected;
        private int _forwarded;
        private int _challenged;

        public LoopbackProxy(string user, string password)
        {
            _expected = string.IsNullOrEmpty(user) ? null : "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password));
            _listener.Start();
            Task.Run(AcceptAsync);
        }

        public Uri Address => new Uri("http://127.0.0.1:" + ((IPEndPoint)_listener.LocalEndpoint).Port + "/");
        public int Forwarded => Volatile.Read(ref _forwarded);
        public int Challenged => Volatile.Read(ref _challenged);

        private async Task AcceptAsync()
        {
            while (true)
            {
                TcpClient client;
                try { client = await _listener.AcceptTcpClientAsync(); } catch { return; }
                _ = Task.Run(() => ServeAsync(client));
            }
        }

        private async Task ServeAsync(TcpClient client)
        {
            using (client)
            using (var stream = client.GetStream())
            {
                var head = await ReadHeadAsync(stream);
                if (head == null) return;
                var lines = head.Split(new[] { "\r\n" }, StringSplitOptions.None);
                var parts = lines[0].Split(' ');
                var target = new Uri(parts[1]);
                var builder = new StringBuilder(parts[0] + " " + target.PathAndQuery + " HTTP/1.1\r\n");
                string authorization = null;
                var length = 0;
                for (var i = 1; i < lines.Length && lines[i].Length > 0; i++)
                {
                    var colon = lines[i].IndexOf(':');
                    var name = lines[i].Substring(0, colon).Trim();
                    var value = lines[i].Substring(colon + 1).Trim();
                    if (name.Equals("Proxy-Authorization", StringComparison.OrdinalIgnoreCase)) { authorization = value; continue; }
                    if (name.StartsWith("Proxy-", StringComparison.OrdinalIgnoreCase) || name.Equals("Connection", StringComparison.OrdinalIgnoreCase)) continue;
                    if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)) length = int.Parse(value);
                    builder.Append(lines[i]).Append("\r\n");
                }

                var body = new byte[length];
                for (var read = 0; read < length;) read += await stream.ReadAsync(body, read, length - read);
                if (_expected != null && authorization != _expected)
                {
                    Interlocked.Increment(ref _challenged);
                    var challenge = Encoding.ASCII.GetBytes("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                    await stream.WriteAsync(challenge, 0, challenge.Length);
                    return;
                }

                builder.Append("Connection: close\r\n\r\n");
                Interlocked.Increment(ref _forwarded);
                using (var upstream = new TcpClient())
                {
                    await upstream.ConnectAsync(target.Host, target.Port);
                    using (var server = upstream.GetStream())
                    {
                        var request = Encoding.ASCII.GetBytes(builder.ToString());
                        await server.WriteAsync(request, 0, request.Length);
                        await server.WriteAsync(body, 0, body.Length);
                        await server.CopyToAsync(stream);
                    }
                }
            }
        }

        private static async Task<string> ReadHeadAsync(NetworkStream stream)
        {
            var bytes = new System.Collections.Generic.List<byte>();
            var one = new byte[1];
            while (await stream.ReadAsync(one, 0, 1) == 1)
            {
                bytes.Add(one[0]);
                var n = bytes.Count;
                if (n >= 4 && bytes[n - 4] == 13 && bytes[n - 3] == 10 && bytes[n - 2] == 13 && bytes[n - 1] == 10)
                    return Encoding.ASCII.GetString(bytes.ToArray());
            }
            return null;
        }

        public void Dispose() => _listener.Stop();
    }
}
'@
        }
        $script:ProxyPassword = 'proxy-' + [guid]::NewGuid().ToString('N')
        $script:OpenProxy = [LifePosTests.LoopbackProxy]::new($null, $null)
        $script:GuardedProxy = [LifePosTests.LoopbackProxy]::new('proxyuser', $ProxyPassword)
    }
    AfterAll {
        $OpenProxy.Dispose()
        $GuardedProxy.Dispose()
    }

    It 'sends every request through -Proxy' {
        $before = $OpenProxy.Forwarded
        $connection = Connect-TestEmulator @{ Proxy = $OpenProxy.Address; PassThru = $true }
        @(Get-LifePosWorkplace -First 3 -Connection $connection).Count | Should -Be 3
        $OpenProxy.Forwarded - $before | Should -BeGreaterOrEqual 3 -Because 'the organization, /me and the listing all went through it'
        $connection.Proxy | Should -Be $OpenProxy.Address
        $connection | Disconnect-LifePos
    }

    It 'answers the proxy''s 407 with -ProxyCredential, and the password shows nowhere' {
        $output = & {
            $connection = Connect-TestEmulator @{ Proxy = $GuardedProxy.Address; ProxyCredential = (New-Credential 'proxyuser' $ProxyPassword); PassThru = $true; Verbose = $true }
            Get-LifePosWorkplace -First 2 -Connection $connection -Verbose
            $connection | Format-List * | Out-String
        } *>&1 | Out-String
        $output | Should -Match 'Касса 0002'
        $output | Should -Not -Match ([regex]::Escape($ProxyPassword))
        $GuardedProxy.Challenged | Should -BeGreaterOrEqual 1
        $GuardedProxy.Forwarded | Should -BeGreaterOrEqual 3
    }

    It 'without the credential, the proxy''s refusal is a clear error' {
        { Connect-TestEmulator @{ Proxy = $GuardedProxy.Address; ErrorAction = 'Stop' } } | Should -Throw -ExpectedMessage '*proxy refused*407*-ProxyCredential*'
    }

    It 'goes straight to the service with -NoProxy' {
        $before = $OpenProxy.Forwarded + $GuardedProxy.Forwarded
        $connection = Connect-TestEmulator @{ NoProxy = $true; PassThru = $true }
        @(Get-LifePosWorkplace -First 1 -Connection $connection).Count | Should -Be 1
        $OpenProxy.Forwarded + $GuardedProxy.Forwarded | Should -Be $before
    }
}
