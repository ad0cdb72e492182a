using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Vaarst.Growth.Core.Data.Configurations;

internal sealed class StoredKeyConfiguration : IEntityTypeConfiguration<StoredKey>
{
    public void Configure(EntityTypeBuilder<StoredKey> builder) => builder.ToTable("DataProtectionKeys");
}
