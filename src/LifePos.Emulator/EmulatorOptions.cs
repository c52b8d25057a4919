using System;
using System.Collections.Generic;
using System.Globalization;

namespace LifePos.Emulator;

/// <summary>Everything the command line can set; <see cref="Parse"/> mirrors it exactly.</summary>
public sealed class EmulatorOptions
{
    public const string DefaultOrganization = "9d5f1c2a-0000-4000-8000-000000000001";
    public const int MaxSeededEmployees = 10_000;
    public const int MaxSeededOutlets = 1_000;
    public const string DefaultToken = "emulator-token-000000000000000000000000000000";
    public static readonly IReadOnlyList<string> DefaultAccounts = ["+79990000000:password1", "admin@example.com:password1"];

    public const string Usage =
        "Usage: dotnet LifePos.Emulator.dll [--urls http://127.0.0.1:PORT] [--org GUID[,GUID...]]... [--token TOKEN]\n" +
        "       [--account LOGIN:PASSWORD[:Owner|Administrator|Manager|Cashier|Courier|Guest]]...\n" +
        "       [--seed N] [--employees N] [--outlets N] [--latency-ms N] [--jitter-ms N]\n" +
        "       [--faults \"500=0.1,503=0.05,drop-after=0.02,hang=0.01,...\"] [--fault-seed N] [--rate-limit RPS] [--data FILE]\n" +
        "       [--activation-code-lifetime SECONDS] [--sms-interval SECONDS] [--answers \"choice=value,...\"]\n" +
        "       [--import FILE]... [--export FILE]";

    public string Urls { get; set; } = "http://127.0.0.1:0";
    public List<Guid> Organizations { get; } = new();
    public string? Token { get; set; }
    public List<string> Accounts { get; } = new();
    public int Seed { get; set; }

    /// <summary>Seeded employees per organization; null: 6 with <see cref="Seed"/> &gt; 0, else none.</summary>
    public int? Employees { get; set; }

    /// <summary>Seeded outlets per organization; null: 2 with <see cref="Seed"/> &gt; 0, else none.</summary>
    public int? Outlets { get; set; }
    public int LatencyMs { get; set; }
    public int JitterMs { get; set; }
    public string? Faults { get; set; }
    public int FaultSeed { get; set; }
    public double RateLimit { get; set; }
    public string? DataFile { get; set; }

    /// <summary>The module's exports (workplaces, employees, outlets) to seed the organization from: a copy of it.</summary>
    public List<string> Imports { get; } = new();

    /// <summary>Where the workplaces go on exit, in the format of the module's export.</summary>
    public string? ExportFile { get; set; }
    public TimeSpan ActivationCodeLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The least time between two SMS to one phone; zero: no limit.</summary>
    public TimeSpan SmsInterval { get; set; }

    /// <summary>Answer variants, "choice=value,..." (see <see cref="AnswerStyle"/>); null: the defaults.</summary>
    public string? Answers { get; set; }

    /// <summary>Parses the command line; throws <see cref="ArgumentException"/> naming the bad option.</summary>
    public static EmulatorOptions Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new EmulatorOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            string name;
            string? inlineValue = null;
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            if (arg.StartsWith("--", StringComparison.Ordinal) && equals > 2)
            {
                name = arg[..equals];
                inlineValue = arg[(equals + 1)..];
            }
            else
            {
                name = arg;
            }

            string Value()
            {
                if (inlineValue is not null) return inlineValue;
                if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                    throw new ArgumentException($"Option {name} needs a value.");
                return args[++i];
            }

            switch (name)
            {
                case "--urls":
                    options.Urls = ParseUrls(Value());
                    break;
                case "--org":
                    foreach (var part in Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        if (!Guid.TryParse(part, out var org))
                            throw new ArgumentException($"Option --org: '{part}' is not a GUID.");
                        if (!options.Organizations.Contains(org)) options.Organizations.Add(org);
                    }
                    break;
                case "--token":
                    var token = Value();
                    if (string.IsNullOrWhiteSpace(token) || token.Contains(' ', StringComparison.Ordinal))
                        throw new ArgumentException("Option --token needs a non-empty value without spaces.");
                    options.Token = token;
                    break;
                case "--account":
                    var account = Value();
                    Account.Parse(account);
                    options.Accounts.Add(account);
                    break;
                case "--seed":
                    options.Seed = ParseInt(name, Value(), 0, 99999);
                    break;
                case "--employees":
                    options.Employees = ParseInt(name, Value(), 0, MaxSeededEmployees);
                    break;
                case "--outlets":
                    options.Outlets = ParseInt(name, Value(), 0, MaxSeededOutlets);
                    break;
                case "--latency-ms":
                    options.LatencyMs = ParseInt(name, Value(), 0, 600_000);
                    break;
                case "--jitter-ms":
                    options.JitterMs = ParseInt(name, Value(), 0, 600_000);
                    break;
                case "--faults":
                    var faults = Value();
                    FaultRates.Parse(faults);
                    options.Faults = faults;
                    break;
                case "--fault-seed":
                    options.FaultSeed = ParseInt(name, Value(), int.MinValue, int.MaxValue);
                    break;
                case "--rate-limit":
                    var rate = Value();
                    if (!double.TryParse(rate, NumberStyles.Float, CultureInfo.InvariantCulture, out var rps) || rps < 0 || double.IsInfinity(rps))
                        throw new ArgumentException($"Option --rate-limit: '{rate}' is not a non-negative number of requests per second.");
                    options.RateLimit = rps;
                    break;
                case "--data":
                    var file = Value();
                    if (string.IsNullOrWhiteSpace(file)) throw new ArgumentException("Option --data needs a file path.");
                    options.DataFile = file;
                    break;
                case "--import":
                    options.Imports.Add(FilePath(name, Value()));
                    break;
                case "--export":
                    options.ExportFile = FilePath(name, Value());
                    break;
                case "--activation-code-lifetime":
                    options.ActivationCodeLifetime = TimeSpan.FromSeconds(ParseInt(name, Value(), 1, int.MaxValue));
                    break;
                case "--answers":
                    var answers = Value();
                    try
                    {
                        AnswerStyle.Default.With(answers);
                    }
                    catch (ArgumentException e)
                    {
                        throw new ArgumentException("Option --answers: " + e.Message, e);
                    }
                    options.Answers = answers;
                    break;
                case "--sms-interval":
                    options.SmsInterval = TimeSpan.FromSeconds(ParseInt(name, Value(), 0, int.MaxValue));
                    break;
                default:
                    throw new ArgumentException($"Unknown option '{arg}'.\n{Usage}");
            }
        }
        if (options.Imports.Count > 0 && (options.Seed > 0 || options.DataFile is not null))
            throw new ArgumentException("Option --import makes the organization a copy of the export; leave out --seed and --data.");
        return options;
    }

    private static string FilePath(string name, string value) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException($"Option {name} needs a file path.") : value;

    internal IReadOnlyList<Guid> EffectiveOrganizations =>
        Organizations.Count > 0 ? Organizations : [Guid.Parse(DefaultOrganization)];

    internal string EffectiveToken => Token ?? DefaultToken;

    internal int EffectiveEmployees => Employees ?? (Seed > 0 ? 6 : 0);

    internal int EffectiveOutlets => Outlets ?? (Seed > 0 ? 2 : 0);

    internal IReadOnlyList<string> EffectiveAccounts => Accounts.Count > 0 ? Accounts : DefaultAccounts;

    private static string ParseUrls(string value)
    {
        foreach (var url in value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                throw new ArgumentException($"Option --urls: '{url}' is not an http:// URL.");
        }
        if (string.IsNullOrWhiteSpace(value)) throw new ArgumentException("Option --urls needs a URL.");
        return value;
    }

    private static int ParseInt(string name, string value, int min, int max)
    {
        if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) || number < min || number > max)
            throw new ArgumentException($"Option {name}: '{value}' is not an integer from {min} to {max}.");
        return number;
    }
}
