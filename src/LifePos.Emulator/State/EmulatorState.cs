using System;
using System.Collections.Generic;
using System.Linq;

namespace LifePos.Emulator.State;

/// <summary>All in-memory state of one emulator instance, apart from the HTTP plumbing.</summary>
internal sealed class EmulatorState
{
    private Dictionary<Guid, OrganizationContent> _startup;
    private volatile AnswerStyle _answers = AnswerStyle.Default;

    public EmulatorState(EmulatorOptions options)
    {
        Options = options;
        Organizations = options.EffectiveOrganizations
            .Select((id, i) => new EmulatedOrganization(id, $"Emulator organization {i + 1}"))
            .ToArray();
        OrganizationsById = Organizations.ToDictionary(o => o.Id);
        Accounts = options.EffectiveAccounts.Select(Account.Parse).ToArray();
        Faults = new FaultInjector(options);
        Tokens = new TokenStore(options.EffectiveToken);
        Activations = new Activations(options.ActivationCodeLifetime, options.SmsInterval, Clock);
        _startup = Capture();
        StartupAnswers = AnswerStyle.Default.With(options.Answers ?? "");
        Answers = StartupAnswers;
    }

    public EmulatorOptions Options { get; }
    public EmulatedOrganization[] Organizations { get; }
    public Dictionary<Guid, EmulatedOrganization> OrganizationsById { get; }
    public EmulatedOrganization DefaultOrganization => Organizations[0];
    public Account[] Accounts { get; }
    public FaultInjector Faults { get; }
    public TokenStore Tokens { get; }
    public Activations Activations { get; }
    public Stats Stats { get; } = new();

    public EmulatorClock Clock { get; } = new();
    public RequestRateLimit RateLimit { get; } = new();
    public PageTokenCodec PageTokens { get; } = new();

    /// <summary>The last API requests, for the dashboard.</summary>
    public RequestLog Requests { get; } = new();

    /// <summary>The answer style of the command line, which /_emulator/reset returns to.</summary>
    public AnswerStyle StartupAnswers { get; }

    /// <summary>The current answer style; each request reads it once.</summary>
    public AnswerStyle Answers
    {
        get => _answers;
        set => _answers = value;
    }

    /// <summary>Raised after every change of workplaces (the data file listens).</summary>
    public event Action? Changed;

    public void NotifyChanged() => Changed?.Invoke();

    /// <summary>The seeded workplaces, in the default organization.</summary>
    public void SeedWorkplaces(int count)
    {
        lock (DefaultOrganization.Lock) Seeder.Workplaces(DefaultOrganization, count, Clock.Now());
    }

    /// <summary>In every organization: the staff employees (ready token, accounts), the seeded employees and outlets.</summary>
    public void SeedPeopleAndPlaces(int employees, int outlets)
    {
        var now = Clock.Now();
        foreach (var organization in Organizations)
        {
            lock (organization.Lock)
            {
                Seeder.Employees(organization, Accounts, employees, now);
                Seeder.Outlets(organization, outlets, now);
            }
        }
    }

    /// <summary>Remembers the current content as the state /_emulator/reset returns to.</summary>
    public void CaptureStartupState() => _startup = Capture();

    public void Load(Guid organizationId, IEnumerable<WorkplaceData> workplaces)
    {
        var organization = OrganizationsById[organizationId];
        lock (organization.Lock)
        {
            organization.Workplaces.Restore(workplaces.OrderBy(w => w.Number));
        }
    }

    private Dictionary<Guid, OrganizationContent> Capture() => Organizations.ToDictionary(o => o.Id, o =>
    {
        lock (o.Lock) return o.Capture();
    });

    public void Reset()
    {
        foreach (var organization in Organizations)
        {
            lock (organization.Lock) organization.Restore(_startup[organization.Id]);
        }
        Tokens.Reset();
        RateLimit.Clear();
        Activations.Clear();
        Faults.Reset(Options);
        Clock.Reset();
        Answers = StartupAnswers;
        Stats.Clear();
        Requests.Clear();
        PageTokens.Rotate();
        NotifyChanged();
    }
}
