using System;
using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace LifePos.Emulator.State;

/// <summary>The valid and the revoked tokens. Revoked sign-in tokens come back on reset; workplace tokens do not.</summary>
internal sealed class TokenStore
{
    private readonly ConcurrentDictionary<string, TokenInfo> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TokenInfo> _revoked = new(StringComparer.Ordinal);
    private readonly string _readyToken;

    public TokenStore(string readyToken)
    {
        _readyToken = readyToken;
        _tokens[readyToken] = ReadyTokenInfo;
    }

    private static TokenInfo ReadyTokenInfo => new(Role.Owner, null, null, Staff.ReadyTokenOwner);

    public TokenInfo? Authenticate(string token) => _tokens.TryGetValue(token, out var info) ? info : null;

    public string Issue(TokenInfo info)
    {
        var token = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(33));
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

    public void Reset()
    {
        foreach (var (token, info) in _revoked)
        {
            if (info.Workplace is null) _tokens[token] = info;
        }
        _revoked.Clear();
        foreach (var (token, info) in _tokens)
        {
            if (info.Workplace is not null) _tokens.TryRemove(token, out _);
        }
        _tokens[_readyToken] = ReadyTokenInfo;
    }
}
