using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace LifePos.Emulator.State;

/// <summary>
/// The start-up content: seeded workplaces, the staff employees (ready token and accounts), seeded employees, outlets.
/// Everything but the timestamps is the same on every run: GUIDs are derived from the organization and an index.
/// </summary>
internal static class Seeder
{
    private static readonly (string Name, string Login)[] People =
    [
        ("Иванов Иван Петрович", "ivanov"), ("Петрова Анна Сергеевна", "petrova"), ("Сидоров Алексей Викторович", "sidorov"),
        ("Кузнецова Мария Олеговна", "kuznetsova"), ("Смирнов Дмитрий Андреевич", "smirnov"), ("Попова Елена Игоревна", "popova"),
        ("Васильев Сергей Николаевич", "vasiliev"), ("Соколова Ольга Дмитриевна", "sokolova"),
        ("Михайлов Павел Александрович", "mikhailov"), ("Новикова Татьяна Юрьевна", "novikova"),
    ];

    private static readonly (string Name, string Address, string? Brand)[] Places =
    [
        ("Магазин на Тверской", "г. Москва, ул. Тверская, д. 7", "Лайф Маркет"),
        ("Кофейня на Невском", "г. Санкт-Петербург, Невский пр., д. 28", null),
        ("Точка в ТЦ «Мега»", "г. Казань, пр. Победы, д. 141", "Лайф Маркет"),
    ];

    private static readonly Role[] SeededRoles = [Role.Administrator, Role.Manager, Role.Cashier, Role.Courier, Role.Cashier, Role.Cashier];

    /// <summary>The ten national digits of seeded employee 1's phone, +7 900 123-45-61; employee i has this + i - 1.</summary>
    private const long FirstPhone = 9001234561;

    public static void Workplaces(EmulatedOrganization organization, int count, DateTimeOffset now)
    {
        var start = now.AddMinutes(-count);
        for (var i = 1; i <= count; i++)
        {
            var created = start.AddMinutes(i - 1);
            var extensions = i % 5 == 0
                ? $"{{\"nadex_soft_pos\":{{\"turned_on\":true,\"virtual_serial_number\":\"EMU{i:D16}\",\"version\":\"1.0\"}}}}"
                : "{}";
            organization.Workplaces.Add(new WorkplaceData(
                Ids.Derive($"{organization.Id:D}/workplace/{i}"),
                organization.NextNumber(),
                string.Create(CultureInfo.InvariantCulture, $"Касса {i:D4}"),
                WorkplaceTypes.All[(i + 1) % 4],
                i % 3 == 0 ? created.AddSeconds(30) : null,
                organization.Id,
                extensions,
                i % 4 == 0 ? "seeded" : null,
                null,
                created,
                created,
                null));
        }
    }

    /// <summary>The ready token's Owner, one employee per account, then <paramref name="count"/> seeded employees.</summary>
    public static void Employees(EmulatedOrganization organization, IReadOnlyList<Account> accounts, int count, DateTimeOffset now)
    {
        var org = organization.Id;
        var created = now.AddMinutes(-(1 + accounts.Count + count));
        var store = organization.Employees;
        EmployeeData StaffMember(string identity, string name, string username, string? phone, string? email, Role role)
        {
            created = created.AddMinutes(1);
            return new(Staff.EmployeeGuid(org, identity), store.NextKey(), name, username, phone, role, null, null, email, org,
                null, null, created, created, null);
        }

        store.Add(StaffMember(Staff.ReadyTokenOwner, "Владелец Эмулятора", "owner", null, null, Role.Owner));
        foreach (var account in accounts)
        {
            store.Add(StaffMember(Staff.Identity(account), Staff.Name(account), Staff.Username(account),
                account.IsPhone ? account.Login : null, Staff.Email(account), account.Role));
        }
        for (var i = 1; i <= count; i++)
        {
            var (name, login) = People[(i - 1) % People.Length];
            if (i > People.Length) name += " " + ((i - 1) / People.Length + 1).ToString(CultureInfo.InvariantCulture);
            var username = login + i.ToString(CultureInfo.InvariantCulture);
            created = created.AddMinutes(1);
            store.Add(new EmployeeData(
                Ids.Derive($"{org:D}/employee/seeded/{i}"),
                store.NextKey(),
                name,
                username,
                i % 6 == 0 ? null : RussianPhone.Format(FirstPhone + i - 1),
                SeededRoles[(i - 1) % SeededRoles.Length],
                i % 2 == 1 ? string.Create(CultureInfo.InvariantCulture, $"7707{i:D8}") : null,
                i % 2 == 0 ? Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes($"{org:D}/pin/{i}"))) : null,
                i % 3 == 0 ? null : username + "@example.ru",
                org,
                i % 4 == 0 ? "seeded" : null,
                i % 5 == 0 ? "{\"department\":\"Торговый зал\"}" : null,
                created,
                created,
                null));
        }
    }

    /// <summary>Odd outlets have retail_app and lifepay_cloud_fiscalization (with an api_key), even ones settlement_methods.</summary>
    public static void Outlets(EmulatedOrganization organization, int count, DateTimeOffset now)
    {
        var org = organization.Id;
        var start = now.AddMinutes(-count);
        for (var i = 1; i <= count; i++)
        {
            var (name, address, brand) = Places[(i - 1) % Places.Length];
            if (i > Places.Length) name += " " + ((i - 1) / Places.Length + 1).ToString(CultureInfo.InvariantCulture);
            var extensions = i % 2 == 1
                ? "{\"retail_app\":{\"turned_on\":true,\"version\":\"1\"},\"lifepay_cloud_fiscalization\":{\"turned_on\":true,\"api_key\":\""
                  + Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes($"{org:D}/outlet/{i}/api-key"))) + "\",\"version\":\"1\"}}"
                : "{\"settlement_methods\":{\"turned_on\":true,\"methods\":[\"Cash\",\"Card\"],\"version\":\"1\"}}";
            var created = start.AddMinutes(i - 1);
            organization.Outlets.Add(new OutletData(
                Ids.Derive($"{org:D}/outlet/{i}"),
                organization.Outlets.NextKey(),
                name,
                address,
                Ids.Derive($"{org:D}/legal-entity/{(i - 1) % 2 + 1}"),
                brand,
                org,
                extensions,
                created,
                created,
                null));
        }
    }
}
