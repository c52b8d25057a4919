using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Runtime.InteropServices;
using System.Security;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace LifePos.Shell.Emulator
{
    /// <summary>
    /// Starts the lifepos-emulator tool (or the emulator's dll) as a child process on a free port, and stops it through
    /// its control API so it writes --data and --export as on Ctrl+C. It relies only on the emulator's command line and
    /// its first output line: "LIFE POS emulator listening on URI organization GUID token TOKEN". A --token or --org in
    /// the arguments is the emulator's: the object carries what that line reports.
    /// </summary>
    internal static class EmulatorLauncher
    {
        public const string ToolName = "lifepos-emulator";

        public const string InstallAdvice =
            "Install the emulator, a .NET tool: dotnet tool install --global LifePos.Emulator (from a local repository add " +
            "--add-source <folder with LifePos.Emulator.*.nupkg>, which build.ps1 Package writes to out/package/repository), " +
            "make sure ~/.dotnet/tools is on PATH, or give Start-LifePosEmulator -Path.";

        private static readonly Regex Listening = new Regex(@"listening on (?<uri>\S+) organization (?<org>\S+) token (?<token>\S+)", RegexOptions.CultureInvariant);

        /// <summary>The variable that names the emulator when -Path is not given (a script's or a test's choice of build).</summary>
        public const string PathVariable = "LIFEPOS_EMULATOR_PATH";

        /// <summary>$env:LIFEPOS_EMULATOR_PATH, else the tool on PATH (or in ~/.dotnet/tools), or null.</summary>
        public static string? FindOnPath()
        {
            var named = Environment.GetEnvironmentVariable(PathVariable);
            if (!string.IsNullOrWhiteSpace(named)) return named;
            var names = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? new[] { ToolName + ".exe", ToolName + ".cmd" } : new[] { ToolName };
            var folders = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(new[] { Path.PathSeparator }, StringSplitOptions.RemoveEmptyEntries).ToList();
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            if (home.Length > 0) folders.Add(Path.Combine(home, ".dotnet", "tools"));
            foreach (var folder in folders)
            {
                foreach (var name in names)
                {
                    var candidate = Path.Combine(folder.Trim('"'), name);
                    if (File.Exists(candidate)) return candidate;
                }
            }
            return null;
        }

        /// <summary>Starts the emulator and waits for its start-up line; throws <see cref="InvalidOperationException"/> with its error output when it does not start.</summary>
        public static LifePosEmulator Start(string path, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellation)
        {
            var all = new List<string>();
            var isDll = path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
            if (isDll) all.Add(path);
            all.AddRange(arguments);
            // A token made for this run, so it opens only this emulator, unless the caller chose one.
            if (!arguments.Any(a => a == "--token" || a.StartsWith("--token=", StringComparison.Ordinal)))
            {
                all.Add("--token");
                all.Add("emu-" + Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N").Substring(0, 8));
            }
            var start = new ProcessStartInfo(isDll ? "dotnet" : path, string.Join(" ", all.Select(Quote)))
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                CreateNoWindow = true,
                StandardOutputEncoding = Encoding.UTF8,
                StandardErrorEncoding = Encoding.UTF8,
            };
            var started = new TaskCompletionSource<Match>(TaskCreationOptions.RunContinuationsAsynchronously);
            var errors = new StringBuilder();
            var process = new Process { StartInfo = start, EnableRaisingEvents = true };
            process.OutputDataReceived += (_, e) =>
            {
                if (e.Data is null) return;
                var match = Listening.Match(e.Data);
                if (match.Success) started.TrySetResult(match);
            };
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is null) return;
                lock (errors) errors.AppendLine(e.Data);
            };
            process.Exited += (_, __) =>
            {
                // The error output is read to its end first, so the message holds the emulator's last words.
                process.WaitForExit();
                started.TrySetException(new InvalidOperationException(Failure("exited before it listened", errors)));
            };
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            try
            {
                using (cancellation.Register(() => started.TrySetCanceled()))
                {
                    if (Task.WhenAny(started.Task, Task.Delay(timeout)).GetAwaiter().GetResult() != started.Task)
                        throw new InvalidOperationException(Failure($"did not listen within {timeout.TotalSeconds:0} s", errors));
                }
                // GetResult, not Result: the emulator's own failure comes out as it is, not wrapped.
                var line = started.Task.GetAwaiter().GetResult();
                var baseUri = new Uri(line.Groups["uri"].Value.TrimEnd('/') + "/");
                return new LifePosEmulator(process, baseUri, Guid.Parse(line.Groups["org"].Value), Secure(line.Groups["token"].Value));
            }
            catch
            {
                Kill(process);
                throw;
            }
        }

        /// <summary>Asks the emulator to stop as Ctrl+C does, waits for it, and kills it when it does not end in time.</summary>
        public static void Stop(LifePosEmulator emulator, TimeSpan timeout)
        {
            var process = emulator.Process;
            if (!process.HasExited)
            {
                try
                {
                    using (var http = new HttpClient { Timeout = timeout })
                    using (http.PostAsync(new Uri(emulator.BaseUri, "/_emulator/shutdown"), new StringContent("")).GetAwaiter().GetResult())
                    {
                    }
                }
                catch (Exception e) when (e is HttpRequestException || e is TaskCanceledException)
                {
                    // It no longer answers: killing it below is all there is left to do.
                }
                if (!process.WaitForExit((int)timeout.TotalMilliseconds)) Kill(process);
            }
            // Not disposed: HasExited stays readable, and a second stop finds it ended.
            process.WaitForExit();
        }

        private static void Kill(Process process)
        {
            try
            {
                if (!process.HasExited) process.Kill();
                process.WaitForExit(5000);
            }
            catch (InvalidOperationException)
            {
                // It ended on its own meanwhile.
            }
        }

        private static string Failure(string what, StringBuilder errors)
        {
            string text;
            lock (errors) text = errors.ToString().Trim();
            return "The LIFE POS emulator " + what + (text.Length > 0 ? ": " + text : ".");
        }

        private static SecureString Secure(string text)
        {
            var secure = new SecureString();
            foreach (var c in text) secure.AppendChar(c);
            secure.MakeReadOnly();
            return secure;
        }

        private static string Quote(string argument) =>
            argument.Length > 0 && argument.IndexOfAny(new[] { ' ', '"', '\t' }) < 0 ? argument : "\"" + argument.Replace("\"", "\\\"") + "\"";
    }
}
