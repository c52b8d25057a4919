using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace LifePos.Emulator.Copy;

/// <summary>
/// A copy of an organization read from the module's exports (--import): workplaces from Get-LifePosWorkplace -Selection
/// All, employees from Get-LifePosEmployee, outlets from Get-LifePosOutlet, each file recognized by its columns. Ids,
/// numbers, names, types, meta, meta data, extensions, dates and archived state are kept as exported, so a Sync
/// rehearsed on the copy plans what it would on the source. What the export masked (an outlet's api_key "***", an
/// employee's PIN hash) stays masked: the copy never holds a secret.
/// </summary>
internal sealed class OrganizationCopy
{
    public const string Mask = "***";

    public Guid? OrganizationId { get; private set; }
    public List<WorkplaceData> Workplaces { get; } = new();
    public List<EmployeeData> Employees { get; } = new();
    public List<OutletData> Outlets { get; } = new();

    /// <summary>Cells that held a masked secret ("***"), copied as they are.</summary>
    public int MaskedSecrets { get; private set; }

    public static OrganizationCopy Read(IEnumerable<string> paths, DateTimeOffset now)
    {
        var copy = new OrganizationCopy();
        foreach (var path in paths)
        {
            if (!File.Exists(path)) throw new FileNotFoundException($"The export to import, {path}, does not exist.");
            var rows = ExportedRows.Read(path);
            for (var i = 0; i < rows.Count; i++)
            {
                var row = new ExportedRow(path, i + 1, rows[i]);
                copy.Add(row, now);
            }
        }
        var numbers = copy.Workplaces.GroupBy(w => w.Number).FirstOrDefault(g => g.Count() > 1);
        if (numbers is not null) throw new InvalidDataException($"The imported workplaces hold number {numbers.Key} twice; import one export of one organization.");
        return copy;
    }

    private void Add(ExportedRow row, DateTimeOffset now)
    {
        var organization = row.Guid("OrganizationId");
        if (organization is { } id)
        {
            if (OrganizationId is { } known && known != id)
                throw new InvalidDataException($"{row.Where}: organization {id} where earlier rows had {known}; import one organization at a time.");
            OrganizationId = id;
        }
        MaskedSecrets += row.CountMasked(Mask);
        var created = row.Date("CreatedAt") ?? now;
        var updated = row.Date("UpdatedAt") ?? created;
        var archived = row.Flag("IsArchived") ? row.Date("ArchivedAt") ?? now : row.Date("ArchivedAt");
        var guid = row.Guid("Id") ?? throw new InvalidDataException($"{row.Where}: no Id; import what Get-LifePosWorkplace, Get-LifePosEmployee or Get-LifePosOutlet exported.");
        var org = organization ?? Guid.Empty;
        if (row.Has("WorkplaceType"))
        {
            var number = row.Text("Number") is { } text && int.TryParse(text.TrimStart('#', '№'), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                && n is >= 1 and <= EmulatedOrganization.MaxNumber ? n : throw new InvalidDataException($"{row.Where}: Number must be 1..{EmulatedOrganization.MaxNumber}.");
            var activated = row.Flag("IsActivated") ? row.Date("ActivatedAt") ?? created : row.Date("ActivatedAt");
            Workplaces.Add(new WorkplaceData(guid, number, row.Text("Name"), row.WorkplaceType(), activated, org, row.Json("Extensions") ?? "{}",
                row.Text("Meta"), row.Json("MetaData"), created, updated, archived));
        }
        else if (row.Has("Username"))
        {
            var roleText = row.Text("Role") ?? "Cashier";
            if (!Roles.TryParse(roleText, out var role)) throw new InvalidDataException($"{row.Where}: Role '{roleText}' is not a role.");
            Employees.Add(new EmployeeData(guid, 0, row.Text("Name") ?? "", row.Text("Username") ?? "", row.Text("Phone"), role, row.Text("Inn"), null,
                row.Text("Email"), org, row.Text("Meta"), row.Json("MetaData"), created, updated, archived));
        }
        else if (row.Has("Address"))
        {
            Outlets.Add(new OutletData(guid, 0, row.Text("Name") ?? "", row.Text("Address") ?? "", row.Guid("LegalEntityId") ?? Guid.Empty,
                row.Text("Brand"), org, row.Json("Extensions") ?? "{}", created, updated, archived));
        }
        else
        {
            throw new InvalidDataException($"{row.Where}: neither a workplace (WorkplaceType), an employee (Username) nor an outlet (Address).");
        }
    }

    /// <summary>Puts the copy into the organization in place of seeded content; staff employees stay. Call under its lock.</summary>
    public void Apply(EmulatedOrganization organization)
    {
        foreach (var workplace in Workplaces.OrderBy(w => w.Number)) organization.Workplaces.Add(workplace with { OrganizationId = organization.Id });
        foreach (var employee in Employees)
        {
            if (organization.Employees.Find(employee.Guid) is not null) continue;
            organization.Employees.Add(employee with { Key = organization.Employees.NextKey(), OrganizationId = organization.Id });
        }
        foreach (var outlet in Outlets) organization.Outlets.Add(outlet with { Key = organization.Outlets.NextKey(), OrganizationId = organization.Id });
    }
}
