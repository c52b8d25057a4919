using System.Diagnostics;
using System.Net;
using System.Reflection;
using System.Runtime.Loader;
using System.Security;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace LifePos.Bench.CoreShares;

/// <summary>
/// The client-side shares of a listing, build against build, in one process: each LifePos.dll is loaded into an
/// AssemblyLoadContext of its own and its internals are driven by reflection, so the same JSON pages and the same
/// in-memory HTTP answers go through every build, interleaved round after round (no emulator, no sockets, no
/// PowerShell). Per listing of the captured pages (e.g. 10,000 workplaces in 100 pages): deserializing the pages (a),
/// deserializing and mapping them to Workplace objects (a+), ParseWorkplaceType of every item's type as sent and in
/// lower case (b, b'), and 100 transport attempts against an in-memory handler with a cancellable caller token and a
/// 30 s timeout (c: the per-attempt cancellation). Reports the median of the rounds of this thread's processor time
/// (steady on a busy machine) and of wall time.
/// </summary>
/// <example>
/// dotnet run -c Release --project bench/CoreShares -- --pages DIR --build before=/tmp/before/LifePos.dll --build after=out/LifePos/LifePos.dll
/// (DIR holds page bodies, *.json, e.g. the pages of a seeded emulator saved in order; --rounds 31, --warmup-seconds 4)
/// </example>
public static class Program
{
    public static int Main(string[] args)
    {
        var pagesDirectory = Argument(args, "--pages") ?? throw new ArgumentException("--pages DIR (page bodies, *.json) is required.");
        var rounds = int.Parse(Argument(args, "--rounds") ?? "31");
        var warmup = TimeSpan.FromSeconds(double.Parse(Argument(args, "--warmup-seconds") ?? "4", System.Globalization.CultureInfo.InvariantCulture));
        var builds = args.Select((value, index) => (value, index)).Where(a => a.value == "--build").Select(a => args[a.index + 1])
            .Select(spec => new Build(spec.Split('=', 2)[0], Path.GetFullPath(spec.Split('=', 2)[1]))).ToList();
        if (builds.Count == 0) { throw new ArgumentException("--build name=path/LifePos.dll, one or more."); }
        var pages = Directory.GetFiles(pagesDirectory, "*.json").OrderBy(p => p).Select(File.ReadAllBytes).ToList();
        var types = pages.SelectMany(WorkplaceTypes).ToList();
        Console.WriteLine($"{pages.Count} pages, {types.Count} items; {rounds} rounds; ms per listing, median of the rounds: this thread's CPU time (steady on a busy machine), then wall, then MB this thread allocated");

        var measures = new (string Name, Func<Build, Action> Make)[]
        {
            ("a  deserialize 100 pages", b => () => b.DeserializeAll(pages)),
            ("a+ deserialize + map to Workplace", b => () => b.DeserializeAndMapAll(pages)),
            ("b  ParseWorkplaceType x items", b => () => b.ParseTypes(types)),
            ("b' ParseWorkplaceType x items, lower case", b => () => b.ParseTypes(types.Select(t => t?.ToLowerInvariant()).ToList())),
            ("c  100 attempts (in-memory handler)", b => () => b.Attempts(100)),
        };
        foreach (var (name, make) in measures)
        {
            var actions = builds.Select(make).ToList();
            var times = builds.Select(_ => new List<double>()).ToList();
            var cpu = builds.Select(_ => new List<double>()).ToList();
            var allocated = builds.Select(_ => new List<double>()).ToList();
            // Tiered JIT: warm every build until its code is at tier 1 (seconds, not a fixed count of runs).
            foreach (var action in actions)
            {
                var warm = Stopwatch.StartNew();
                while (warm.Elapsed < warmup) { action(); }
            }

            for (var round = 0; round < rounds; round++)
            {
                for (var index = 0; index < builds.Count; index++)
                {
                    var which = (index + round) % builds.Count;
                    GC.Collect();
                    var bytesBefore = GC.GetAllocatedBytesForCurrentThread();
                    var cpuBefore = ThreadCpuMilliseconds();
                    var watch = Stopwatch.StartNew();
                    actions[which]();
                    times[which].Add(watch.Elapsed.TotalMilliseconds);
                    cpu[which].Add(ThreadCpuMilliseconds() - cpuBefore);
                    allocated[which].Add((GC.GetAllocatedBytesForCurrentThread() - bytesBefore) / 1048576.0);
                }
            }

            Console.WriteLine($"{name,-44}" + string.Join("", builds.Select((b, i) => $"  {b.Name} {Median(cpu[i]),7:F2} cpu {Median(times[i]),7:F2} wall {Median(allocated[i]),6:F1} MB")));
        }

        return 0;
    }

    // The calling thread's processor time: what the measured code cost, without the time other processes took the core.
    private static double ThreadCpuMilliseconds()
    {
        if (OperatingSystem.IsLinux() && ClockGetTime(3 /* CLOCK_THREAD_CPUTIME_ID */, out var time) == 0)
        {
            return time.Seconds * 1000.0 + time.Nanoseconds / 1e6;
        }

        return Environment.TickCount64;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string? Argument(string[] args, string name) => Array.IndexOf(args, name) is var i && i >= 0 && i + 1 < args.Length ? args[i + 1] : null;

    private static IEnumerable<string?> WorkplaceTypes(byte[] page)
    {
        using var document = JsonDocument.Parse(page);
        foreach (var item in document.RootElement.GetProperty("items").EnumerateArray())
        {
            yield return item.GetProperty("workplace_type").GetString();
        }
    }

    /// <summary>One LifePos.dll in a load context of its own (its dependencies come from this process).</summary>
    private sealed class Build
    {
        private readonly Func<byte[], object?> _deserialize;
        private readonly Func<object, Guid, object> _map;
        private readonly Func<string?, object?> _parseType;
        private readonly Func<Task> _attempt;
        private readonly PropertyInfo _items;

        public Build(string name, string path)
        {
            Name = name;
            var context = new AssemblyLoadContext(name);
            var assembly = context.LoadFromAssemblyPath(path);
            var jsonContext = assembly.GetType("LifePos.Core.Json.LifePosJsonContext", true)!;
            var defaultContext = jsonContext.GetProperty("Default", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
            var listInfo = (JsonTypeInfo)jsonContext.GetProperty("ListDtoWorkplaceDto")!.GetValue(defaultContext)!;
            _deserialize = body => JsonSerializer.Deserialize(body, listInfo);
            _items = listInfo.Type.GetProperty("Items")!;
            var mapper = assembly.GetType("LifePos.Core.Json.WorkplaceMapper", true)!;
            var toWorkplace = mapper.GetMethod("ToWorkplace", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)!;
            _map = (wire, org) => toWorkplace.Invoke(null, new[] { wire, org })!;
            var parse = mapper.GetMethod("ParseWorkplaceType", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)!;
            // A typed delegate over the other context's enum, boxed once per call: the same harness cost for every build.
            var text = System.Linq.Expressions.Expression.Parameter(typeof(string), "text");
            _parseType = System.Linq.Expressions.Expression.Lambda<Func<string?, object?>>(
                System.Linq.Expressions.Expression.Convert(System.Linq.Expressions.Expression.Call(parse, text), typeof(object)), text).Compile();
            _attempt = MakeAttempt(assembly);
        }

        public string Name { get; }

        public void DeserializeAll(List<byte[]> pages)
        {
            foreach (var page in pages) { _ = _deserialize(page); }
        }

        public void DeserializeAndMapAll(List<byte[]> pages)
        {
            foreach (var page in pages)
            {
                var list = _deserialize(page)!;
                foreach (var wire in (System.Collections.IEnumerable)_items.GetValue(list)!) { _ = _map(wire!, Guid.Empty); }
            }
        }

        public void ParseTypes(List<string?> types)
        {
            foreach (var type in types) { _ = _parseType(type); }
        }

        public void Attempts(int count)
        {
            for (var index = 0; index < count; index++) { _attempt().GetAwaiter().GetResult(); }
        }

        private static Func<Task> MakeAttempt(Assembly assembly)
        {
            // new HttpTransport(new HttpClient(handler), new ApiAddress(uri)).SendOnceAsync(request, null, 1, 30 s, context)
            var flags = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;
            var address = Activator.CreateInstance(assembly.GetType("LifePos.Core.Http.ApiAddress", true)!, flags, null, new object[] { new Uri("https://api.example.test/") }, null)!;
            var http = new HttpClient(new Answers()) { Timeout = Timeout.InfiniteTimeSpan };
            var transportType = assembly.GetType("LifePos.Core.Http.HttpTransport", true)!;
            var transport = Activator.CreateInstance(transportType, flags, null, new object[] { http, address }, null)!;
            var rawClient = assembly.GetType("LifePos.Core.Resources.RawClient", true)!;
            var request = rawClient.GetMethod("Describe", flags)!.Invoke(null, new object?[] { "GET", "/orgs/x/workplaces?items_per_page=100", null })!;
            request.GetType().GetMethod("AddressedTo", flags)?.Invoke(request, new[] { address });
            var caller = new CancellationTokenSource();
            var contextType = assembly.GetType("LifePos.Core.RequestContext", true)!;
            var context = Activator.CreateInstance(contextType, flags, null, new object?[] { caller.Token, null }, null)!;
            var send = transportType.GetMethod("SendOnceAsync", flags)!;
            var arguments = new object?[] { request, null, 1, TimeSpan.FromSeconds(30), context };
            return () => (Task)send.Invoke(transport, arguments)!;
        }
    }

    /// <summary>Answers every request at once with a small JSON body, as the emulator would, without sockets.</summary>
    private sealed class Answers : HttpMessageHandler
    {
        private static readonly byte[] Body = "{\"items\":[],\"next_page_token\":null}"u8.ToArray();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(Body) { Headers = { { "Content-Type", "application/json" } } } });
    }
}
