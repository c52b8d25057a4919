namespace LifePos.Emulator.State;

/// <summary>What /_emulator/reset brings an organization back to.</summary>
internal sealed record OrganizationContent(WorkplaceData[] Workplaces, EmployeeData[] Employees, OutletData[] Outlets);
