using System.Collections;
using System.Diagnostics;
using System.Globalization;
using LifePos.Core;
using LifePos.Tests.Support;
using Xunit.Abstractions;

namespace LifePos.Tests.Fuzzing;

/// <summary>
/// Issue 11 §3: whatever a server answers, every call of the client ends in a typed object or in exactly one LifePos
/// error whose message names the request, and never hangs. A Kestrel server on 127.0.0.1 gives each operation's valid
/// answer mutated (fields dropped, nulls, wrong types, extra fields, a 1 MB string, 200 levels of nesting, invalid
/// UTF-8, odd dates, a wrong Content-Type, cut bodies and cut connections, broken JSON, duplicate keys) with odd
/// statuses mixed in. Seeded: LIFEPOS_FUZZ_SEED picks another seed, LIFEPOS_FUZZ_ANSWERS serves more answers.
/// </summary>
public sealed class FuzzedAnswersTests
{
    private const int DefaultSeed = 20261129;
    private const int DefaultAnswers = 5000;
    private const int MostExamples = 40;
    private const string Rerun = "dotnet test tests/LifePos.Tests -c Release --filter FullyQualifiedName~FuzzedAnswersTests";
    private static readonly TimeSpan HangAfter = TimeSpan.FromSeconds(10);

    private readonly ITestOutputHelper _output;

    public FuzzedAnswersTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task FuzzedAnswers_EndInATypedObjectOrOneLifePosErrorThatNamesTheRequest()
    {
        var seed = FromEnvironment("LIFEPOS_FUZZ_SEED", DefaultSeed);
        var leastAnswers = FromEnvironment("LIFEPOS_FUZZ_ANSWERS", DefaultAnswers);
        var operations = FuzzOperations.All;
        var mutations = Enum.GetValues<Mutation>();
        var callSeeds = new Random(seed);
        var failed = 0;
        var kinds = new SortedDictionary<string, (int Count, string Example)>(StringComparer.Ordinal);
        var covered = new HashSet<(string Operation, Mutation Mutation)>();
        var stopwatch = Stopwatch.StartNew();
        await using var server = await FuzzedApiServer.StartAsync();

        var calls = 0;
        for (; server.AnswersServed < leastAnswers || calls < operations.Count * mutations.Length; calls++)
        {
            // Every operation in turn; their first answers go once through every mutation, then all answers are drawn.
            var operation = operations[calls % operations.Count];
            Mutation? first = calls < operations.Count * mutations.Length ? mutations[calls / operations.Count] : null;
            var script = new CallScript(ClientId(calls), callSeeds.Next(), first);
            var outcome = await RunAsync(server, operation, script);
            covered.UnionWith(script.Served.Select(answer => (operation.Name, answer.Mutation)));
            if (outcome.Problem is { } problem)
            {
                failed++;

                // Grouped by operation and what went wrong (for a crash: the exception and where it was thrown), one example each.
                var kind = operation.Name + ": " + problem.Split(':')[0];
                kinds[kind] = kinds.TryGetValue(kind, out var seen) ? (seen.Count + 1, seen.Example) : (1, Describe(seed, calls, operation, script, problem));
                if (outcome.Hung)
                {
                    break;
                }
            }
        }

        _output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"seed {seed}: {server.AnswersServed} answers served to {calls} calls in {stopwatch.Elapsed.TotalSeconds:0.0} s, {failed} failed"));
        Assert.True(failed == 0, string.Create(CultureInfo.InvariantCulture,
            $"{failed} of {calls} fuzzed calls failed (seed {seed}; again: LIFEPOS_FUZZ_SEED={seed} {Rerun}):\n  ") +
            string.Join("\n  ", kinds.Select(pair => pair.Value.Count + " × " + pair.Key)) + "\n\nThe first of each kind:\n\n" +
            string.Join("\n\n", kinds.Values.Take(MostExamples).Select(kind => kind.Example)));
        var missing = operations.SelectMany(operation => mutations.Select(mutation => (operation.Name, mutation))).Where(pair => !covered.Contains(pair)).ToList();
        Assert.True(missing.Count == 0, "Seed " + seed + " never served: " + string.Join(", ", missing.Take(20)));
        Assert.True(server.AnswersServed >= leastAnswers, "Seed " + seed + " served only " + server.AnswersServed + " answers.");
    }

    private static async Task<(string? Problem, bool Hung)> RunAsync(FuzzedApiServer server, FuzzOperation operation, CallScript script)
    {
        server.Begin(script);
        using var cancellation = new CancellationTokenSource();
        using var client = LifePosClient.Create(new LifePosClientOptions
        {
            BaseUri = server.BaseUri,
            ClientIdentifier = script.ClientId,
            Token = operation.Login is null ? LiveEmulator.Secure("fuzz0Jp0vX8yZ2nK5mW7rB1cD4eF6gH9iL0oP2sU4wY6") : null,
            SignIn = operation.Login is null ? null : new CredentialSignIn(operation.Login, LiveEmulator.Secure("password1")),
            MaxRetries = 3,
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            MaxRetryDelay = TimeSpan.FromMilliseconds(1),
            Timeout = TimeSpan.FromSeconds(5),
            OperationTimeout = TimeSpan.FromSeconds(8),

            // Only answers end an outage here, never the clock: the outcome depends on what was served, not on timing.
            OutageTimeout = TimeSpan.FromHours(1),
        });
        try
        {
            var call = Task.Run(() => operation.RunAsync(client, new RequestContext(cancellation.Token)));
            using var hang = new CancellationTokenSource();
            var hangs = Task.Delay(HangAfter, hang.Token);
            if (await Task.WhenAny(call, hangs) != call)
            {
                cancellation.Cancel();
                return ("hung: no result within " + HangAfter.TotalSeconds + " s", true);
            }

            hang.Cancel();
            return (Verdict(operation, await call), false);
        }
        catch (LifePosApiException error)
        {
            if (!error.Message.Contains(operation.Request, StringComparison.Ordinal))
            {
                return (error.GetType().Name + " whose message does not name '" + operation.Request + "': " + Shorten(error.Message), false);
            }

            return (script.Served.All(answer => answer.IsValid) ? "valid answers only, yet " + error.GetType().Name + ": " + Shorten(error.Message) : null, false);
        }
        catch (Exception error)
        {
            var frames = (error.StackTrace ?? string.Empty).Split('\n').Select(line => line.Trim()).ToList();
            var site = frames.FirstOrDefault(frame => frame.StartsWith("at LifePos.Core", StringComparison.Ordinal))?.Split(" in ")[0] ?? "?";
            return ("crashed with " + error.GetType().FullName + " " + site + ": " + Shorten(error.Message) + "\n    " + string.Join("\n    ", frames.Take(8)), false);
        }
        finally
        {
            server.End(script);
        }
    }

    /// <summary>Null when the call's result is a typed object as the operation promises.</summary>
    private static string? Verdict(FuzzOperation operation, object? result)
    {
        if (result is null)
        {
            return operation.MayAnswerNothing ? null : "returned null";
        }

        if (result is IList list)
        {
            if (list.Count >= FuzzOperations.MostItems)
            {
                return "the list did not end after " + list.Count + " items (the server lists at most 12)";
            }

            if (list.Cast<object?>().Any(item => item is null))
            {
                return "the list holds a null item";
            }
        }

        return null;
    }

    private static string Describe(int seed, int call, FuzzOperation operation, CallScript script, string problem)
    {
        var served = script.Served;
        return string.Create(CultureInfo.InvariantCulture, $"seed {seed}, call #{call} {operation.Name} ({operation.Request}): {problem}\n  answers served:\n    ") +
               string.Join("\n    ", served.Take(10)) + (served.Count > 10 ? "\n    … " + (served.Count - 10) + " more" : string.Empty);
    }

    private static Guid ClientId(int call) => new(call.ToString("x8", CultureInfo.InvariantCulture) + "-f022-4a5e-8000-000000000000");

    private static string Shorten(string text) => text.Length <= 600 ? text : text[..600] + "…";

    private static int FromEnvironment(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
