using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vaarst.Growth.Core.Data;

namespace Vaarst.Growth.Web.Hosting;

/// <summary>
/// Data Protection keys in the database (the <c>DataProtectionKeys</c> table, <see cref="StoredKey"/>), so every app
/// instance shares sign-in cookies; the same reads and writes as <c>PersistKeysToDbContext</c>, kept in Web so Core
/// needs no ASP.NET Core.
/// </summary>
internal sealed class DatabaseKeyRepository(IDbContextFactory<GrowthDbContext> dbFactory) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var db = dbFactory.CreateDbContext();
        return db.DataProtectionKeys.AsNoTracking().Where(k => k.Xml != null).Select(k => k.Xml!).AsEnumerable().Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var db = dbFactory.CreateDbContext();
        db.DataProtectionKeys.Add(new StoredKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }

    public static IDataProtectionBuilder Persist(IDataProtectionBuilder builder)
    {
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(services => new ConfigureOptions<KeyManagementOptions>(options =>
            options.XmlRepository = new DatabaseKeyRepository(services.GetRequiredService<IDbContextFactory<GrowthDbContext>>())));
        return builder;
    }
}
