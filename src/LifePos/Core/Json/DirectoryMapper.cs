using System;
using System.Collections.Generic;
using System.Text.Json;
using LifePos.Core.Http;

namespace LifePos.Core.Json
{
    /// <summary>Wire employees and outlets as the typed objects the cmdlets emit, with every secret left out or masked.</summary>
    internal static class DirectoryMapper
    {
        public static Employee ToEmployee(EmployeeDto wire, Guid organizationId)
        {
            var employee = new Employee
            {
                Id = wire.Guid,
                Name = wire.Name,
                Username = wire.Username,
                Phone = wire.Phone,
                Role = wire.Role?.Name,
                RoleId = wire.Role?.Guid,
                Inn = wire.Inn,
                Email = wire.Email,
                Meta = wire.Meta,
                MetaData = wire.MetaData,
                IsArchived = wire.DeletedAt != null,
                ArchivedAt = wire.DeletedAt?.LocalDateTime,
                OrganizationId = wire.Organization?.Guid ?? organizationId,
                CreatedAt = wire.CreatedAt?.LocalDateTime,
                UpdatedAt = wire.UpdatedAt?.LocalDateTime,
            };
            foreach (var field in wire.Other ?? new Dictionary<string, JsonElement>())
            {
                if (string.Equals(field.Key, "pin_code_hash", StringComparison.OrdinalIgnoreCase))
                {
                    employee.HasPinCode = field.Value.ValueKind == JsonValueKind.String && field.Value.GetString()!.Length > 0;
                }
                else if (!SecretRedactor.IsSecretField(field.Key))
                {
                    employee.AdditionalFields[field.Key] = PlainJson.FromJson(field.Value);
                }
            }

            return employee;
        }

        public static Outlet ToOutlet(OutletDto wire, Guid organizationId)
        {
            var outlet = new Outlet
            {
                Id = wire.Guid,
                Name = wire.Name,
                Address = wire.Address,
                Brand = wire.Brand,
                LegalEntityId = wire.LegalEntity?.Guid,
                Extensions = wire.Extensions is { } extensions ? (JsonMap)Masked(extensions)! : new JsonMap(),
                IsArchived = wire.DeletedAt != null,
                ArchivedAt = wire.DeletedAt?.LocalDateTime,
                OrganizationId = wire.Organization?.Guid ?? organizationId,
                CreatedAt = wire.CreatedAt?.LocalDateTime,
                UpdatedAt = wire.UpdatedAt?.LocalDateTime,
            };
            foreach (var field in wire.Other ?? new Dictionary<string, JsonElement>())
            {
                if (!SecretRedactor.IsSecretField(field.Key))
                {
                    outlet.AdditionalFields[field.Key] = Masked(PlainJson.FromJson(field.Value));
                }
            }

            return outlet;
        }

        /// <summary>The value with every field that holds a secret, at any depth, shown as <c>***</c>.</summary>
        private static object? Masked(object? value)
        {
            switch (value)
            {
                case JsonMap map:
                    foreach (var key in new List<string>(map.Keys))
                    {
                        map[key] = SecretRedactor.IsSecretField(key) && map[key] != null ? SecretRedactor.Mask : Masked(map[key]);
                    }

                    return map;
                case JsonList list:
                    for (var index = 0; index < list.Count; index++)
                    {
                        list[index] = Masked(list[index]);
                    }

                    return list;
                default:
                    return value;
            }
        }
    }
}
