using System;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace LifePos.Emulator.Dashboard;

/// <summary>
/// The JSON the dashboard reads beside the other control endpoints: the request log and the default organization's
/// content. The page changes nothing by itself: faults and reset go through PUT /_emulator/faults and POST reset.
/// </summary>
internal sealed class DashboardEndpoints
{
    private readonly EmulatorState _state;

    public DashboardEndpoints(EmulatorState state) => _state = state;

    /// <summary>GET /_emulator/requests?after=N: the logged requests after sequence N (all with no N), oldest first; "cleared" is the last sequence before the latest reset.</summary>
    public ApiResult Requests(HttpContext http)
    {
        long after = 0;
        var text = http.Request.Query["after"].ToString();
        if (text.Length > 0 && (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out after)))
            throw ApiException.Invalid("after must be a whole number: the last sequence the page has.");
        var (entries, last, cleared) = _state.Requests.After(after);
        return ApiResult.Ok(Json.Write(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("last", last);
            w.WriteNumber("cleared", cleared);
            w.WriteStartArray("items");
            foreach (var entry in entries)
            {
                w.WriteStartObject();
                w.WriteNumber("sequence", entry.Sequence);
                w.WriteString("at", Json.FormatDate(entry.At));
                w.WriteString("method", entry.Method);
                w.WriteString("path", entry.Path);
                w.WriteString("status", entry.Status);
                w.WriteNumber("ms", entry.Milliseconds);
                Text(w, "fault", entry.Fault);
                Text(w, "request_id", entry.RequestId);
                Text(w, "extensions", entry.Extensions);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }));
    }

    /// <summary>GET /_emulator/organization: the default organization's workplaces, employees and outlets as the API renders them, and the SMS outbox.</summary>
    public ApiResult Organization()
    {
        var organization = _state.DefaultOrganization;
        WorkplaceItem[] workplaces;
        EmployeeItem[] employees;
        OutletItem[] outlets;
        lock (organization.Lock)
        {
            workplaces = organization.Workplaces.Snapshot();
            employees = organization.Employees.Snapshot();
            outlets = organization.Outlets.Snapshot();
        }
        return ApiResult.Ok(Json.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("organization", organization.Id);
            Items(w, "workplaces", workplaces);
            Items(w, "employees", employees);
            Items(w, "outlets", outlets);
            w.WriteStartArray("sms");
            foreach (var sms in _state.Activations.Sms())
            {
                w.WriteStartObject();
                w.WriteString("phone", sms.Phone);
                w.WriteString("activation_code", sms.ActivationCode);
                w.WriteString("workplace", sms.Workplace);
                w.WriteString("employee", sms.Employee);
                w.WriteString("sent_at", Json.FormatDate(sms.SentAt));
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }));
    }

    private static void Items<TItem>(Utf8JsonWriter writer, string name, TItem[] items) where TItem : RenderedItem
    {
        writer.WriteStartArray(name);
        foreach (var item in items) writer.WriteRawValue(item.Json, skipInputValidation: true);
        writer.WriteEndArray();
    }

    private static void Text(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null) writer.WriteNull(name);
        else writer.WriteString(name, value);
    }
}
