using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace LifePos.Emulator.State;

/// <summary>
/// Keeps the workplaces in a JSON file across restarts: loaded at start, written atomically (temp file, then rename)
/// shortly after changes and once more at shutdown. Organizations in the file that this run does not serve are kept.
/// </summary>
internal sealed class DataFile
{
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(200);
    private readonly string _path;
    private readonly EmulatorState _state;
    private readonly ILogger _logger;
    private readonly object _writeLock = new();
    private readonly List<byte[]> _otherOrganizations = new();
    private TaskCompletionSource _written = NewWrite();
    private int _scheduled;
    private bool _closed;

    public DataFile(string path, EmulatorState state, ILogger logger)
    {
        _path = Path.GetFullPath(path);
        _state = state;
        _logger = logger;
    }

    /// <summary>Loads the file when it exists; returns false when there was none.</summary>
    public bool Load()
    {
        if (!File.Exists(_path)) return false;
        using var document = JsonDocument.Parse(File.ReadAllBytes(_path), Json.DocumentOptions);
        if (!document.RootElement.TryGetProperty("organizations", out var organizations) || organizations.ValueKind != JsonValueKind.Array)
            throw new InvalidDataException($"The data file {_path} has no 'organizations' array.");
        foreach (var organization in organizations.EnumerateArray())
        {
            var id = organization.GetProperty("guid").GetGuid();
            if (!_state.OrganizationsById.ContainsKey(id))
            {
                _otherOrganizations.Add(Json.Write(organization.WriteTo));
                continue;
            }
            var workplaces = new List<WorkplaceData>();
            if (organization.TryGetProperty("workplaces", out var items) && items.ValueKind == JsonValueKind.Array)
                foreach (var item in items.EnumerateArray()) workplaces.Add(WorkplaceItem.Read(item, id, _state.Clock.Now()));
            _state.Load(id, workplaces);
        }
        return true;
    }

    /// <summary>Completes after the next write of the file.</summary>
    public Task NextWrite => Volatile.Read(ref _written).Task;

    public void Attach() => _state.Changed += Schedule;

    /// <summary>The last write, at shutdown; a write scheduled before it is skipped afterwards.</summary>
    public void Flush()
    {
        _state.Changed -= Schedule;
        lock (_writeLock)
        {
            Write();
            _closed = true;
        }
    }

    private void Schedule()
    {
        if (Interlocked.Exchange(ref _scheduled, 1) == 1) return;
        _ = Task.Delay(Debounce).ContinueWith(_ =>
        {
            Interlocked.Exchange(ref _scheduled, 0);
            try
            {
                Write();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                _logger.LogError(e, "Could not write the data file {Path}", _path);
            }
        }, TaskScheduler.Default);
    }

    private void Write()
    {
        lock (_writeLock)
        {
            if (_closed) return;
            var directory = Path.GetDirectoryName(_path);
            if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
            var temp = _path + ".tmp";
            using (var stream = File.Create(temp))
            using (var writer = new Utf8JsonWriter(stream, Json.WriterOptions with { Indented = false }))
            {
                writer.WriteStartObject();
                writer.WriteString("format", "lifepos-emulator-data");
                writer.WriteNumber("version", 1);
                writer.WriteString("saved_at", Json.FormatDate(_state.Clock.Now()));
                writer.WriteStartArray("organizations");
                foreach (var organization in _state.Organizations)
                {
                    WorkplaceItem[] workplaces;
                    lock (organization.Lock) workplaces = organization.Workplaces.Snapshot();
                    writer.WriteStartObject();
                    writer.WriteString("guid", organization.Id);
                    writer.WriteString("name", organization.Name);
                    writer.WriteStartArray("workplaces");
                    foreach (var workplace in workplaces) writer.WriteRawValue(workplace.Json, skipInputValidation: true);
                    writer.WriteEndArray();
                    writer.WriteEndObject();
                }
                foreach (var other in _otherOrganizations) writer.WriteRawValue(other, skipInputValidation: true);
                writer.WriteEndArray();
                writer.WriteEndObject();
            }
            File.Move(temp, _path, overwrite: true);
            Interlocked.Exchange(ref _written, NewWrite()).SetResult();
        }
    }

    private static TaskCompletionSource NewWrite() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
