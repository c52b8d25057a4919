using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;

namespace LifePos.Bench.Floor
{
    /// <summary>
    /// The benchmark floor: the HTTP work of a benchmark scenario done the plainest fast way (one HttpClient,
    /// System.Text.Json source generation, no PowerShell). It times its own repetitions after a warm-up, so the
    /// numbers compare with the cmdlets measured in one warm pwsh process, and prints one JSON line:
    /// {"mode":"list","samples_ms":[...],"cpu_ms":[...],"items":10000,"peak_working_set_bytes":...,"retained_bytes":...}.
    /// </summary>
    /// <example>
    /// Floor list   --base-uri http://127.0.0.1:5080/ --org GUID --token T --page-size 100 --expect 10000 --repetitions 5
    ///              [--warmup 1] [--warmup-seconds 2] [--max-warmup-seconds 20]   (warm-up: see Main)
    /// Floor first  --base-uri ... --page-size 100 --repetitions 20      (one request: the first page)
    /// Floor create --base-uri ... --csv rows.csv [--warmup-csv few.csv] --concurrency 16 --repetitions 5
    ///              (resets the emulator before each run)
    /// </example>
    public static class Program
    {
        public static async Task<int> Main(string[] args)
        {
            try
            {
                var options = FloorOptions.Parse(args);
                using var client = CreateClient(options);
                using var self = Process.GetCurrentProcess();

                // Warm-up, the same rule as the harness: at least --warmup runs and --warmup-seconds, then until the
                // last 8 runs set no new best, for at most --max-warmup-seconds, so tiered JIT reaches steady state
                // (about a dozen 10,000-item listings here). A create warms up on --warmup-csv.
                var warmupClock = Stopwatch.StartNew();
                var warmupTimes = new List<double>();
                while (options.Warmup > 0)
                {
                    var elapsed = warmupClock.Elapsed.TotalSeconds;
                    if (warmupTimes.Count >= options.Warmup && elapsed >= options.WarmupSeconds &&
                        (IsSteady(warmupTimes) || elapsed >= options.MaxWarmupSeconds))
                    {
                        break;
                    }

                    var (wallMs, _, _) = await RunOnceAsync(client, options, self, warmup: true).ConfigureAwait(false);
                    warmupTimes.Add(wallMs);
                }

                var result = new FloorResult { Mode = options.Mode, WarmupRuns = warmupTimes.Count, WarmupMs = warmupTimes.Sum() };
                for (var run = 0; run < options.Repetitions; run++)
                {
                    var (wallMs, cpuMs, items) = await RunOnceAsync(client, options, self, warmup: false).ConfigureAwait(false);
                    result.SamplesMs.Add(wallMs);
                    result.CpuMs.Add(cpuMs);
                    result.Items = items;
                }

                self.Refresh();
                result.PeakWorkingSetBytes = self.PeakWorkingSet64;
                result.RetainedBytes = RetainedBytes();
                Console.WriteLine(JsonSerializer.Serialize(result, FloorJsonContext.Default.FloorResult));
                return 0;
            }
            catch (Exception exception) when (exception is ArgumentException || exception is InvalidOperationException ||
                exception is HttpRequestException || exception is IOException)
            {
                Console.Error.WriteLine("Floor: " + exception.Message);
                return 1;
            }
        }

        /// <summary>The managed heap after a full collection: what the process still holds (scenario 6).</summary>
        private static long RetainedBytes()
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            return GC.GetTotalMemory(forceFullCollection: true);
        }

        /// <summary>Steady once the last 8 runs set no new best (none more than 5 % under the best before them).</summary>
        private static bool IsSteady(List<double> times)
        {
            const int window = 8;
            if (times.Count <= window) { return false; }
            var bestBefore = times.Take(times.Count - window).Min();
            var bestRecent = times.Skip(times.Count - window).Min();
            return bestRecent >= 0.95 * bestBefore;
        }

        /// <summary>One timed run: wall milliseconds, processor milliseconds of the whole process, items handled.</summary>
        private static async Task<(double WallMs, double CpuMs, long Items)> RunOnceAsync(
            HttpClient client, FloorOptions options, Process self, bool warmup)
        {
            if (options.Mode == "create") { await ResetEmulatorAsync(client).ConfigureAwait(false); }
            var csv = warmup && options.WarmupCsvPath != null ? options.WarmupCsvPath : options.CsvPath;
            self.Refresh();
            var cpuBefore = self.TotalProcessorTime;
            var stopwatch = Stopwatch.StartNew();
            var items = options.Mode switch
            {
                "list" => await ListAllAsync(client, options).ConfigureAwait(false),
                "first" => await FirstPageAsync(client, options).ConfigureAwait(false),
                "create" => await CreateAllAsync(client, options, csv).ConfigureAwait(false),
                _ => throw new ArgumentException($"Unknown mode '{options.Mode}': use list, first or create."),
            };
            stopwatch.Stop();
            self.Refresh();
            var cpuMs = (self.TotalProcessorTime - cpuBefore).TotalMilliseconds;
            var expected = warmup && options.Mode == "create" && options.WarmupCsvPath != null ? -1 : options.Expect;
            if (expected > 0 && items != expected)
            {
                throw new InvalidOperationException($"{options.Mode} handled {items} items, expected {expected}.");
            }

            return (stopwatch.Elapsed.TotalMilliseconds, cpuMs, items);
        }

        private static HttpClient CreateClient(FloorOptions options)
        {
            var handler = new SocketsHttpHandler
            {
                AutomaticDecompression = DecompressionMethods.All,
                MaxConnectionsPerServer = Math.Max(16, options.Concurrency),
                UseCookies = false,
            };
            var client = new HttpClient(handler) { BaseAddress = options.BaseUri, Timeout = TimeSpan.FromSeconds(100) };
            var headers = client.DefaultRequestHeaders;
            headers.Add("X-LP-Client-Identifier", Guid.NewGuid().ToString());
            headers.Add("X-LP-Client-Type", "Service");
            headers.Add("Accept-Language", "ru-RU");
            headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Token);
            headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            return client;
        }

        private static async Task<long> ListAllAsync(HttpClient client, FloorOptions options)
        {
            var firstPage = $"orgs/{options.Organization}/workplaces?items_per_page={options.PageSize}";
            var uri = firstPage;
            long count = 0;
            while (true)
            {
                var page = await GetPageAsync(client, uri).ConfigureAwait(false);
                foreach (var workplace in page.Items ?? new List<WorkplaceDto>())
                {
                    if (workplace.Guid != Guid.Empty) { count++; }
                }
                if (string.IsNullOrEmpty(page.NextPageToken)) { return count; }
                uri = firstPage + "&page_token=" + Uri.EscapeDataString(page.NextPageToken!);
            }
        }

        private static async Task<long> FirstPageAsync(HttpClient client, FloorOptions options)
        {
            var page = await GetPageAsync(client, $"orgs/{options.Organization}/workplaces?items_per_page={options.PageSize}")
                .ConfigureAwait(false);
            return page.Items?.Count ?? 0;
        }

        private static async Task<PageDto> GetPageAsync(HttpClient client, string uri)
        {
            // The whole body first, then one synchronous parse: faster than DeserializeAsync over the stream for
            // pages of tens of kilobytes.
            using var response = await client.GetAsync(uri, HttpCompletionOption.ResponseContentRead).ConfigureAwait(false);
            await EnsureSuccessAsync(response, "GET " + uri).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            return JsonSerializer.Deserialize(body, FloorJsonContext.Default.PageDto)
                ?? throw new InvalidOperationException($"GET {uri} answered an empty page.");
        }

        private static async Task<long> CreateAllAsync(HttpClient client, FloorOptions options, string? csvPath)
        {
            var rows = ReadCsv(csvPath ?? throw new ArgumentException("create needs --csv FILE."));
            var path = $"orgs/{options.Organization}/workplaces";
            long created = 0;
            await Parallel.ForEachAsync(rows, new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency },
                async (row, cancellationToken) =>
                {
                    var body = JsonSerializer.Serialize(row, FloorJsonContext.Default.CreateDto);
                    using var content = new StringContent(body, Encoding.UTF8, "application/json");
                    using var response = await client.PostAsync(path, content, cancellationToken).ConfigureAwait(false);
                    await EnsureSuccessAsync(response, "POST " + path).ConfigureAwait(false);
                    var answer = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
                    var workplace = JsonSerializer.Deserialize(answer, FloorJsonContext.Default.WorkplaceDto);
                    if (workplace != null && workplace.Guid != Guid.Empty) { Interlocked.Increment(ref created); }
                }).ConfigureAwait(false);
            return created;
        }

        /// <summary>Reads the benchmark CSV (header name,workplace_type,meta; no quoted fields, the harness writes it).</summary>
        private static List<CreateDto> ReadCsv(string path)
        {
            var lines = File.ReadAllLines(path, Encoding.UTF8);
            var header = lines[0].Split(',');
            int Column(string name) => Array.IndexOf(header, name) is var index && index >= 0
                ? index : throw new ArgumentException($"{path} has no '{name}' column.");
            int nameColumn = Column("name"), typeColumn = Column("workplace_type"), metaColumn = Column("meta");
            return lines.Skip(1).Where(line => line.Length > 0).Select(line => line.Split(',')).Select(fields => new CreateDto
            {
                Name = fields[nameColumn],
                WorkplaceType = fields[typeColumn],
                Meta = fields[metaColumn],
            }).ToList();
        }

        private static async Task ResetEmulatorAsync(HttpClient client)
        {
            using var content = new StringContent("", Encoding.UTF8, "application/json");
            using var response = await client.PostAsync("/_emulator/reset", content).ConfigureAwait(false);
            await EnsureSuccessAsync(response, "POST /_emulator/reset").ConfigureAwait(false);
        }

        private static async Task EnsureSuccessAsync(HttpResponseMessage response, string what)
        {
            if (response.IsSuccessStatusCode) { return; }
            var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            throw new InvalidOperationException($"{what} answered {(int)response.StatusCode}: {body}");
        }
    }

    internal sealed class FloorOptions
    {
        public string Mode { get; private set; } = "";
        public Uri BaseUri { get; private set; } = new Uri("http://127.0.0.1:5080/");
        public Guid Organization { get; private set; }
        public string Token { get; private set; } = "";
        public int PageSize { get; private set; } = 100;
        public long Expect { get; private set; }
        public int Warmup { get; private set; } = 1;
        public double WarmupSeconds { get; private set; }
        public double MaxWarmupSeconds { get; private set; } = 20;
        public int Repetitions { get; private set; } = 5;
        public int Concurrency { get; private set; } = 1;
        public string? CsvPath { get; private set; }
        public string? WarmupCsvPath { get; private set; }

        public static FloorOptions Parse(string[] args)
        {
            if (args.Length == 0) { throw new ArgumentException("Usage: Floor list|first|create --base-uri URI --org GUID --token TOKEN ..."); }
            var options = new FloorOptions { Mode = args[0] };
            for (var i = 1; i < args.Length; i += 2)
            {
                if (i + 1 >= args.Length) { throw new ArgumentException($"{args[i]} needs a value."); }
                var value = args[i + 1];
                switch (args[i])
                {
                    case "--base-uri": options.BaseUri = new Uri(value.EndsWith("/", StringComparison.Ordinal) ? value : value + "/"); break;
                    case "--org": options.Organization = Guid.Parse(value); break;
                    case "--token": options.Token = value; break;
                    case "--page-size": options.PageSize = ParseInt(value); break;
                    case "--expect": options.Expect = ParseInt(value); break;
                    case "--warmup": options.Warmup = ParseInt(value); break;
                    case "--warmup-seconds": options.WarmupSeconds = ParseDouble(value); break;
                    case "--max-warmup-seconds": options.MaxWarmupSeconds = ParseDouble(value); break;
                    case "--repetitions": options.Repetitions = ParseInt(value); break;
                    case "--concurrency": options.Concurrency = Math.Max(1, ParseInt(value)); break;
                    case "--csv": options.CsvPath = value; break;
                    case "--warmup-csv": options.WarmupCsvPath = value; break;
                    default: throw new ArgumentException($"Unknown option {args[i]}.");
                }
            }
            return options;
        }

        private static double ParseDouble(string value) => double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);

        private static int ParseInt(string value) => int.Parse(value, NumberStyles.Integer, CultureInfo.InvariantCulture);
    }

    internal sealed class FloorResult
    {
        public string Mode { get; set; } = "";
        public List<double> SamplesMs { get; set; } = new();

        /// <summary>Processor time of the whole process per repetition: less sensitive to a busy machine than wall time.</summary>
        public List<double> CpuMs { get; set; } = new();
        public int WarmupRuns { get; set; }
        public double WarmupMs { get; set; }
        public long Items { get; set; }
        public long PeakWorkingSetBytes { get; set; }

        /// <summary>The managed heap after a full collection at the end.</summary>
        public long RetainedBytes { get; set; }
    }

    internal sealed class PageDto
    {
        public List<WorkplaceDto>? Items { get; set; }
        public string? NextPageToken { get; set; }
        public int PageNumber { get; set; }
        public int PagesTotal { get; set; }
        public int ItemsPerPage { get; set; }
        public long? ItemsTotal { get; set; }
        public string? TypeOf { get; set; }
    }

    internal sealed class WorkplaceDto
    {
        public Guid Guid { get; set; }
        public string? TypeOf { get; set; }
        public int Number { get; set; }
        public string? Name { get; set; }
        public string? WorkplaceType { get; set; }
        public DateTimeOffset? ActivatedAt { get; set; }
        public ReferenceDto? Organization { get; set; }
        public Dictionary<string, JsonElement>? Extensions { get; set; }
        public string? Meta { get; set; }
        public JsonElement? MetaData { get; set; }
        public DateTimeOffset CreatedAt { get; set; }
        public DateTimeOffset UpdatedAt { get; set; }
        public DateTimeOffset? DeletedAt { get; set; }
    }

    internal sealed class ReferenceDto
    {
        public Guid Guid { get; set; }
        public string? TypeOf { get; set; }
    }

    internal sealed class CreateDto
    {
        public string? WorkplaceType { get; set; }
        public string? Name { get; set; }
        public string? Meta { get; set; }
    }

    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonSerializable(typeof(PageDto))]
    [JsonSerializable(typeof(WorkplaceDto))]
    [JsonSerializable(typeof(CreateDto))]
    [JsonSerializable(typeof(FloorResult))]
    internal sealed partial class FloorJsonContext : JsonSerializerContext
    {
    }
}
