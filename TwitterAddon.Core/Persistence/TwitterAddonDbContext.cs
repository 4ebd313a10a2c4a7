using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using TwitterAddon.Core.Accounts;
using TwitterAddon.Core.Channels;
using TwitterAddon.Core.Inbound;
using TwitterAddon.Core.Inbox;
using TwitterAddon.Core.Team;

namespace TwitterAddon.Core.Persistence;

/// <summary>The add-on's one database: Identity's tables plus the product's own.</summary>
public sealed class TwitterAddonDbContext(DbContextOptions<TwitterAddonDbContext> options)
    : IdentityDbContext<TeamMember, IdentityRole, string>(options)
{
    public DbSet<XAccount> XAccounts => Set<XAccount>();

    public DbSet<InboundEvent> InboundEvents => Set<InboundEvent>();

    public DbSet<Channel> Channels => Set<Channel>();

    public DbSet<Contact> Contacts => Set<Contact>();

    public DbSet<Conversation> Conversations => Set<Conversation>();

    public DbSet<Message> Messages => Set<Message>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(TwitterAddonDbContext).Assembly);
    }
}
