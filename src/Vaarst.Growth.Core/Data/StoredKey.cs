namespace Vaarst.Growth.Core.Data;

/// <summary>
/// An ASP.NET Core Data Protection key as the Web project stores it (Hosting/DatabaseKeyRepository). The table and columns
/// are those of <c>Microsoft.AspNetCore.DataProtection.EntityFrameworkCore</c>, which wrote them before, so Core needs no
/// ASP.NET Core reference and existing keys stay readable.
/// </summary>
public sealed class StoredKey
{
    public int Id { get; set; }
    public string? FriendlyName { get; set; }
    public string? Xml { get; set; }
}
