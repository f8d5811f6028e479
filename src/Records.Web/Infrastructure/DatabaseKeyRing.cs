using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Records.Core.Accounts;
using Records.Core.Data;

namespace Records.Web.Infrastructure;

/// <summary>
/// The data-protection key ring in the database: a login or a form's antiforgery token made by one instance of the
/// app is accepted by every other instance on the same database, and by this one after a restart. The ring is read
/// only once start-up has prepared the database (<see cref="DatabasePreparation.Prepared"/>), so a new database gets
/// its table before the first key.
/// </summary>
public sealed class DatabaseKeyRing(IServiceProvider services) : IXmlRepository
{
    private IDbContextFactory<RecordsDbContext> Contexts()
    {
        services.GetService<DatabasePreparation>()?.Prepared.GetAwaiter().GetResult();
        return services.GetRequiredService<IDbContextFactory<RecordsDbContext>>();
    }

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var db = Contexts().CreateDbContext();
        return [.. db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).AsEnumerable().Select(XElement.Parse)];
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var db = Contexts().CreateDbContext();
        db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}
