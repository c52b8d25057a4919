// A forward proxy on loopback, as small as a test can have it: each request on its own connection. Connect-LifePos
// -Proxy tests (Cmdlets/Connect-LifePos.Tests.ps1) load it with Add-Type; it counts what it forwarded and refused.
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
