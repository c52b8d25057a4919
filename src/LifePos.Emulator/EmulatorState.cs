using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace LifePos.Emulator;

/// <summary>Who a token belongs to. Admin tokens reach every organization; a workplace token only its own.</summary>
internal sealed record TokenInfo(Role Role, Guid? Organization, Guid? Workplace);

internal sealed record ActivationCode(string Code, Guid Organization, Guid Workplace, Guid Employee, Guid? Outlet, string OutletTypeOf, DateTimeOffset ExpiresAt);

internal sealed record SmsRecord(Guid Workplace, Guid Employee, string ActivationCode);

/// <summary>All in-memory state of one emulator instance, apart from the HTTP plumbing.</summary>
internal sealed class EmulatorState
{
    public const int WrongCodesBeforeBan = 5;
    public static readonly TimeSpan BanDuration = TimeSpan.FromHours(24);

    private readonly ConcurrentDictionary<string, TokenInfo> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TokenInfo> _revoked = new(StringComparer.Ordinal);
    private readonly object _activationLock = new();
    private readonly Dictionary<string, ActivationCode> _codes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int WrongCodes, DateTimeOffset? BannedUntil)> _clients = new(StringComparer.Ordinal);
    private readonly List<SmsRecord> _sms = new();
    private Dictionary<Guid, WorkplaceData[]> _startup = new();

    public EmulatorState(EmulatorOptions options)
    {
        Options = options;
        Organizations = options.EffectiveOrganizations
            .Select((id, i) => new Organization(id, $"Emulator organization {i + 1}"))
            .ToArray();
        OrganizationsById = Organizations.ToDictionary(o => o.Id);
        Accounts = options.EffectiveAccounts.Select(Account.Parse).ToArray();
        Faults = new FaultInjector(options);
        _tokens[options.EffectiveToken] = new TokenInfo(Role.Owner, null, null);
    }

    public EmulatorOptions Options { get; }
    public Organization[] Organizations { get; }
    public Dictionary<Guid, Organization> OrganizationsById { get; }
    public Organization DefaultOrganization => Organizations[0];
    public Account[] Accounts { get; }
    public FaultInjector Faults { get; }
    public Stats Stats { get; } = new();
    public EmulatorClock Clock { get; } = new();
    public RateLimiter RateLimiter { get; } = new();
    public PageTokenCodec PageTokens { get; } = new();

    /// <summary>Raised after every change of workplaces (the data file listens).</summary>
    public event Action? Changed;

    public void NotifyChanged() => Changed?.Invoke();

    public void Seed(int count)
    {
        var organization = DefaultOrganization;
        var start = Clock.Now().AddMinutes(-count);
        lock (organization.Lock)
        {
            for (var i = 1; i <= count; i++)
            {
                var created = start.AddMinutes(i - 1);
                var extensions = i % 5 == 0
                    ? $"{{\"nadex_soft_pos\":{{\"turned_on\":true,\"virtual_serial_number\":\"EMU{i:D16}\",\"version\":\"1.0\"}}}}"
                    : "{}";
                organization.Workplaces.Add(new WorkplaceData(
                    SeedGuid(organization.Id, i),
                    organization.NextNumber(),
                    string.Create(CultureInfo.InvariantCulture, $"Касса {i:D4}"),
                    WorkplaceTypes.All[(i + 1) % 4],
                    i % 3 == 0 ? created.AddSeconds(30) : null,
                    organization.Id,
                    extensions,
                    i % 4 == 0 ? "seeded" : null,
                    null,
                    created,
                    created,
                    null));
            }
        }
    }

    /// <summary>Remembers the current workplaces as the state /_emulator/reset returns to.</summary>
    public void CaptureStartupState()
    {
        _startup = Organizations.ToDictionary(o => o.Id, o =>
        {
            lock (o.Lock) return o.Workplaces.SnapshotData();
        });
    }

    public void Load(Guid organizationId, IEnumerable<WorkplaceData> workplaces)
    {
        var organization = OrganizationsById[organizationId];
        lock (organization.Lock)
        {
            organization.Workplaces.Restore(workplaces.OrderBy(w => w.Number));
        }
    }

    public void Reset()
    {
        foreach (var organization in Organizations)
        {
            lock (organization.Lock)
            {
                organization.Workplaces.Restore(_startup.GetValueOrDefault(organization.Id) ?? []);
            }
        }
        foreach (var (token, info) in _revoked)
        {
            if (info.Workplace is null) _tokens[token] = info;
        }
        _revoked.Clear();
        foreach (var (token, info) in _tokens)
        {
            if (info.Workplace is not null) _tokens.TryRemove(token, out _);
        }
        _tokens[Options.EffectiveToken] = new TokenInfo(Role.Owner, null, null);
        RateLimiter.Clear();
        lock (_activationLock)
        {
            _codes.Clear();
            _clients.Clear();
            _sms.Clear();
        }
        Faults.Reset(Options);
        Clock.Reset();
        Stats.Clear();
        PageTokens.Rotate();
        NotifyChanged();
    }

    public TokenInfo? Authenticate(string token) => _tokens.TryGetValue(token, out var info) ? info : null;

    public string IssueToken(TokenInfo info)
    {
        var token = Base64UrlToken();
        _tokens[token] = info;
        return token;
    }

    /// <summary>Revokes one token, or all of them; returns how many were revoked.</summary>
    public int Revoke(string? token)
    {
        if (token is not null)
        {
            if (!_tokens.TryRemove(token, out var info)) return 0;
            _revoked[token] = info;
            return 1;
        }
        var count = 0;
        foreach (var (key, info) in _tokens)
        {
            if (_tokens.TryRemove(key, out _))
            {
                _revoked[key] = info;
                count++;
            }
        }
        return count;
    }

    public void RevokeWorkplaceTokens(Guid workplace)
    {
        foreach (var (key, info) in _tokens)
        {
            if (info.Workplace == workplace) _tokens.TryRemove(key, out _);
        }
    }

    public string CreateActivationCode(Guid organization, Guid workplace, Guid employee, Guid? outlet, string outletTypeOf, bool sendSms)
    {
        lock (_activationLock)
        {
            string code;
            do code = RandomNumberGenerator.GetInt32(0, 100_000_000).ToString("D8", CultureInfo.InvariantCulture);
            while (_codes.ContainsKey(code));
            _codes[code] = new ActivationCode(code, organization, workplace, employee, outlet, outletTypeOf,
                Clock.GetUtcNow() + Options.ActivationCodeLifetime);
            if (sendSms) _sms.Add(new SmsRecord(workplace, employee, code));
            return code;
        }
    }

    /// <summary>
    /// Checks a code for one client IP. A banned client gets 429 whatever it sends; the fifth wrong code in a row bans
    /// it. A code is removed once <paramref name="activate"/> succeeds, so it works once.
    /// </summary>
    public ActivationCode RedeemActivationCode(string client, string code, Action<ActivationCode> activate)
    {
        lock (_activationLock)
        {
            var now = Clock.GetUtcNow();
            var state = _clients.GetValueOrDefault(client);
            if (state.BannedUntil is { } until && until > now)
                throw new ApiException(429, "TryActivateLater", $"Too many wrong activation codes from this address; try again after {Json.FormatDate(until)}.",
                    (int)Math.Ceiling((until - now).TotalSeconds));
            if (!_codes.TryGetValue(code, out var entry) || entry.ExpiresAt <= now)
            {
                _codes.Remove(code);
                var wrong = state.WrongCodes + 1;
                _clients[client] = wrong >= WrongCodesBeforeBan ? (0, now + BanDuration) : (wrong, null);
                throw new ApiException(401, "WrongActivationCode", "The activation code is wrong, used or expired.");
            }
            activate(entry);
            _codes.Remove(code);
            _clients.Remove(client);
            return entry;
        }
    }

    public SmsRecord[] Sms()
    {
        lock (_activationLock) return _sms.ToArray();
    }

    private static string Base64UrlToken() =>
        System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(33));

    private static Guid SeedGuid(Guid organization, int index)
    {
        var bytes = MD5.HashData(Encoding.UTF8.GetBytes($"{organization:D}/workplace/{index}"));
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}
