using System;

namespace LifePos.Emulator.State;

/// <summary>One organization: its workplaces, employees and outlets, all under one lock.</summary>
internal sealed class EmulatedOrganization
{
    public const int MaxNumber = 99999;

    public EmulatedOrganization(Guid id, string name)
    {
        Id = id;
        Name = name;
    }

    public Guid Id { get; }
    public string Name { get; }
    public object Lock { get; } = new();
    public ItemStore<WorkplaceItem, WorkplaceData> Workplaces { get; } = new((data, history) => new WorkplaceItem(data, history));
    public ItemStore<EmployeeItem, EmployeeData> Employees { get; } = new((data, history) => new EmployeeItem(data, history));
    public ItemStore<OutletItem, OutletData> Outlets { get; } = new((data, history) => new OutletItem(data, history));

    /// <summary>The next free workplace number: the highest + 1, the lowest free one once 99999 is used, 0 when all are taken.</summary>
    public int NextNumber()
    {
        var byNumber = Workplaces.ByKey;
        if (byNumber.Count == 0) return 1;
        var last = byNumber[^1].Key;
        if (last < MaxNumber) return last + 1;
        for (var i = 0; i < byNumber.Count; i++)
            if (byNumber[i].Key != i + 1) return i + 1;
        return 0;
    }

    /// <summary>Call under <see cref="Lock"/>.</summary>
    public OrganizationContent Capture() => new(Workplaces.SnapshotData(), Employees.SnapshotData(), Outlets.SnapshotData());

    /// <summary>Call under <see cref="Lock"/>.</summary>
    public void Restore(OrganizationContent content)
    {
        Workplaces.Restore(content.Workplaces);
        Employees.Restore(content.Employees);
        Outlets.Restore(content.Outlets);
    }
}
