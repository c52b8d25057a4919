namespace LifePos.Tests.Fuzzing;

/// <summary>
/// The answers of one call: drawn from its own seeded Random, in the order the requests come, so a call answers the
/// same whatever ran before it. The first answer may be given a mutation (the test cycles through all of them once per
/// operation): it is then a 200, so every way of mutating reaches each operation's reading of its success; the rest is
/// drawn. The server's own rules keep every call finite: a list has at most four pages, and a call never gets more
/// than three waits (429, or 503 with Retry-After) in a row.
/// </summary>
internal sealed class CallScript
{
    private const int MostWaitsInARow = 3;

    private static readonly (int Status, int Weight)[] Statuses =
    [
        (200, 46), (201, 6), (204, 5), (400, 4), (401, 2), (404, 4), (409, 4), (422, 4), (429, 7), (500, 7), (502, 2), (503, 4),
    ];

    // Three in ten answers are valid; the 1 MB string is drawn less than the other mutations: reading one costs the
    // client tens of milliseconds (a second for a token), and at an equal share it would take half the run.
    private static readonly (Mutation Mutation, int Weight)[] Mutations = Enum.GetValues<Mutation>()
        .Select(mutation => (mutation, mutation switch { Mutation.None => 52, Mutation.HugeString => 3, _ => 10 }))
        .ToArray();

    private static readonly string?[] RetryAfters = ["0", "1", null, "0", "1", "abc", "-5", "Wed, 21 Oct 2015 07:28:00 GMT", "99999999999", "1.5"];

    private readonly object _gate = new();
    private readonly Random _random;
    private readonly AnswerMutator _mutator;
    private readonly List<ServedAnswer> _served = [];
    private Mutation? _first;
    private int _waitsInARow;
    private int _pages;

    public CallScript(Guid clientId, int seed, Mutation? first)
    {
        ClientId = clientId;
        _random = new Random(seed);
        _mutator = new AnswerMutator(_random);
        _first = first;
    }

    /// <summary>Sent by the call's client as <c>X-LP-Client-Identifier</c>: how the server tells the call's requests.</summary>
    public Guid ClientId { get; }

    public IReadOnlyList<ServedAnswer> Served
    {
        get { lock (_gate) { return _served.ToList(); } }
    }

    public FuzzedAnswer Next(string method, string path, string? pageToken)
    {
        lock (_gate)
        {
            var kind = AnswerRoutes.Of(method, path);
            var mutation = _first ?? Draw(Mutations);
            var status = kind == AnswerKind.Unknown ? 404 : _first != null ? 200 : DrawStatus();
            _first = null;
            var retryAfter = status is 429 or 503 ? RetryAfters[_random.Next(RetryAfters.Length)] : null;
            _waitsInARow = status == 429 || (status == 503 && retryAfter != null) ? _waitsInARow + 1 : 0;
            var request = method + " " + (path.Length > 80 ? path[..80] + "…" : path);
            if (status == 204)
            {
                _served.Add(new ServedAnswer(request, status, mutation, "no body"));
                return new FuzzedAnswer(status, mutation == Mutation.WrongContentType ? "text/html" : null, null, [], null);
            }

            var (valid, contentType) = status >= 300 && _random.Next(2) == 0
                ? ValidAnswers.Error(status, _random)
                : (ValidAnswers.For(kind, Page(kind, pageToken), _pages, _random), "application/json; charset=utf-8");
            var body = _mutator.Apply(mutation, valid, contentType);
            _served.Add(new ServedAnswer(request, status, mutation, body.Detail + (retryAfter is null ? string.Empty : ", Retry-After: " + retryAfter)));
            return new FuzzedAnswer(status, body.ContentType, retryAfter, body.Bytes, body.CutAt);
        }
    }

    private int DrawStatus()
    {
        var status = Draw(Statuses);
        return _waitsInARow >= MostWaitsInARow && status is 429 or 503 ? 200 : status;
    }

    private T Draw<T>((T Value, int Weight)[] choices)
    {
        var draw = _random.Next(choices.Sum(choice => choice.Weight));
        foreach (var (value, weight) in choices)
        {
            if ((draw -= weight) < 0)
            {
                return value;
            }
        }

        return choices[^1].Value;
    }

    /// <summary>The page a list request asks for: <c>page-N</c> from the token; a token the server never gave is the last page.</summary>
    private int Page(AnswerKind kind, string? pageToken)
    {
        if (kind is not (AnswerKind.OrganizationList or AnswerKind.WorkplaceList or AnswerKind.EmployeeList or AnswerKind.OutletList))
        {
            return 1;
        }

        if (_pages == 0)
        {
            _pages = 1 + _random.Next(4);
        }

        if (pageToken is null)
        {
            return 1;
        }

        return pageToken.StartsWith("page-", StringComparison.Ordinal) && int.TryParse(pageToken[5..], out var page) && page >= 1 && page <= _pages
            ? page
            : _pages;
    }
}
