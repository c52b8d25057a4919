using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;

namespace LifePos.Emulator.State;

/// <summary>Activation codes, the wrong-code bans per client IP, the SMS record and the SMS interval per phone.</summary>
internal sealed class Activations
{
    public const int WrongCodesBeforeBan = 5;
    public static readonly TimeSpan BanDuration = TimeSpan.FromHours(24);

    private readonly object _lock = new();
    private readonly Dictionary<string, ActivationCodeEntry> _codes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int WrongCodes, DateTimeOffset? BannedUntil)> _clients = new(StringComparer.Ordinal);
    private readonly List<SmsRecord> _sms = new();
    private readonly Dictionary<string, DateTimeOffset> _lastSms = new(StringComparer.Ordinal);
    private readonly TimeSpan _lifetime;
    private readonly TimeSpan _smsInterval;
    private readonly EmulatorClock _clock;

    public Activations(TimeSpan lifetime, TimeSpan smsInterval, EmulatorClock clock)
    {
        _lifetime = lifetime;
        _smsInterval = smsInterval;
        _clock = clock;
    }

    /// <summary>
    /// A fresh code; with <paramref name="smsPhone"/> it is also recorded as sent to that phone, unless the phone got
    /// one less than the SMS interval ago (429 TrySendCodeLater, and no code).
    /// </summary>
    public string Create(Guid organization, Guid workplace, Guid employee, Guid? outlet, string? smsPhone)
    {
        lock (_lock)
        {
            var now = _clock.GetUtcNow();
            var phoneKey = smsPhone is null ? null : RussianPhone.National(smsPhone) ?? Account.PhoneDigits(smsPhone);
            if (phoneKey is not null && _smsInterval > TimeSpan.Zero && _lastSms.TryGetValue(phoneKey, out var last) && now - last < _smsInterval)
            {
                var wait = (int)Math.Max(1, Math.Ceiling((last + _smsInterval - now).TotalSeconds));
                throw new ApiException(429, "TrySendCodeLater", $"A code was sent to {smsPhone} less than {(long)_smsInterval.TotalSeconds} s ago; try again in {wait} s.", wait);
            }
            string code;
            do code = RandomNumberGenerator.GetInt32(0, 100_000_000).ToString("D8", CultureInfo.InvariantCulture);
            while (_codes.ContainsKey(code));
            _codes[code] = new ActivationCodeEntry(code, organization, workplace, employee, outlet, now + _lifetime);
            if (phoneKey is not null)
            {
                _sms.Add(new SmsRecord(workplace, employee, smsPhone!, outlet, code, now));
                _lastSms[phoneKey] = now;
            }
            return code;
        }
    }

    /// <summary>
    /// Checks a code for one client IP. A banned client gets 429 whatever it sends; the fifth wrong code in a row bans
    /// it. A code is removed once <paramref name="activate"/> succeeds, so it works once.
    /// </summary>
    public ActivationCodeEntry Redeem(string client, string code, Action<ActivationCodeEntry> activate)
    {
        lock (_lock)
        {
            var now = _clock.GetUtcNow();
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
        lock (_lock) return _sms.ToArray();
    }

    public void Clear()
    {
        lock (_lock)
        {
            _codes.Clear();
            _clients.Clear();
            _sms.Clear();
            _lastSms.Clear();
        }
    }
}
