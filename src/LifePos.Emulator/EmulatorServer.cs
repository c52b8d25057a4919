using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LifePos.Emulator;

/// <summary>
/// Hosts the emulator on Kestrel. One terminal middleware routes every request: / (the dashboard) and /_emulator/* to
/// the control endpoints, everything else through the <see cref="ApiPipeline"/>.
/// </summary>
public sealed class EmulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EmulatorState _state;
    private readonly DataFile? _dataFile;
    private readonly ApiPipeline _pipeline;
    private readonly ControlEndpoints _control;
    private int _disposed;

    private EmulatorServer(WebApplication app, EmulatorState state, DataFile? dataFile, ILogger logger)
    {
        _app = app;
        _state = state;
        _dataFile = dataFile;
        _pipeline = new ApiPipeline(state, logger, app.Lifetime.ApplicationStopping);
        _control = new ControlEndpoints(state, app.Lifetime.StopApplication);
        Token = state.Options.EffectiveToken;
        OrganizationId = state.DefaultOrganization.Id;
        BaseAddress = new Uri("http://127.0.0.1/");
    }

    /// <summary>"http://127.0.0.1:PORT/".</summary>
    public Uri BaseAddress { get; private set; }

    /// <summary>The default (first) organization.</summary>
    public Guid OrganizationId { get; }

    public string Token { get; }

    /// <summary>The dashboard's page.</summary>
    public Uri DashboardAddress => BaseAddress;

    /// <summary>What --import brought in; null without it.</summary>
    internal OrganizationCopy? Imported { get; private init; }

    public static async Task<EmulatorServer> StartAsync(EmulatorOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(EmulatorServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls(options.Urls);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(5));
        var app = builder.Build();
        try
        {
            return await StartAsync(app, options, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async Task<EmulatorServer> StartAsync(WebApplication app, EmulatorOptions options, CancellationToken cancellationToken)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("LifePos.Emulator");
        OrganizationCopy? copy = null;
        if (options.Imports.Count > 0)
        {
            copy = OrganizationCopy.Read(options.Imports, DateTimeOffset.UtcNow);
            // The copy keeps its organization's id unless --org names another.
            if (options.Organizations.Count == 0 && copy.OrganizationId is { } copied) options.Organizations.Add(copied);
        }
        var state = new EmulatorState(options);
        DataFile? dataFile = null;
        var loaded = false;
        if (options.DataFile is not null)
        {
            dataFile = new DataFile(options.DataFile, state, logger);
            loaded = dataFile.Load();
        }
        if (!loaded && options.Seed > 0) state.SeedWorkplaces(options.Seed);
        state.SeedPeopleAndPlaces(options.EffectiveEmployees, options.EffectiveOutlets);
        if (copy is not null)
        {
            lock (state.DefaultOrganization.Lock) copy.Apply(state.DefaultOrganization);
        }
        state.CaptureStartupState();

        var server = new EmulatorServer(app, state, dataFile, logger) { Imported = copy };
        app.Run(server.HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        var address = addresses.FirstOrDefault(a => a.Contains("127.0.0.1", StringComparison.Ordinal)) ?? addresses.First();
        server.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        if (dataFile is not null)
        {
            dataFile.Attach();
            if (!loaded) state.NotifyChanged();
        }
        return server;
    }

    /// <summary>Completes after the next write of the data file (tests wait on it instead of polling the file).</summary>
    internal Task NextDataFileWrite => _dataFile?.NextWrite ?? throw new InvalidOperationException("The emulator has no data file.");

    /// <summary>Completes when the host is asked to stop (Ctrl+C, SIGTERM).</summary>
    public Task WaitForShutdownAsync() => _app.WaitForShutdownAsync();

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        try
        {
            await _app.StopAsync().ConfigureAwait(false);
        }
        finally
        {
            _dataFile?.Flush();
            if (_state.Options.ExportFile is { } export) CopyExport.Write(export, _state.DefaultOrganization);
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task HandleAsync(HttpContext http)
    {
        var path = http.Request.Path.Value ?? "/";
        if (path == "/" || path.StartsWith("/_emulator", StringComparison.Ordinal)) await AnswerWriter.Control.WriteAsync(http, await _control.HandleAsync(http), null);
        else await _pipeline.HandleAsync(http, path);
    }
}
