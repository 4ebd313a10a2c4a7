using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TwitterAddon.Core.Channels;

namespace TwitterAddon.Core.Inbox;

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> builder)
    {
        builder.ToTable("Contacts");
        builder.HasIndex(c => c.XUserId).IsUnique();
        builder.HasIndex(c => c.ScreenName);
    }
}

internal sealed class ConversationConfiguration : IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<Conversation> builder)
    {
        builder.ToTable("Conversations");
        // One open DM conversation per customer and one per tweet thread: the database decides, not a read.
        builder.HasIndex(c => new { c.AccountUserId, c.ThreadKey }).IsUnique();
        // The inbox list: newest first, filtered by status and channel.
        builder.HasIndex(c => c.LastMessageAt);
        builder.HasIndex(c => new { c.Status, c.LastMessageAt });
        builder.Property(c => c.LastMessagePreview).HasMaxLength(Conversation.PreviewLength + 1);
        builder.HasOne(c => c.Contact).WithMany().HasForeignKey(c => c.ContactId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Channel>().WithMany().HasForeignKey(c => c.ChannelId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> builder)
    {
        builder.ToTable("Messages");
        // X's id is unique: a second delivery or the echo of our own send can never become a second message.
        builder.HasIndex(m => m.XId).IsUnique();
        builder.HasIndex(m => new { m.ConversationId, m.Id });
        // The outbox worker's queue.
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
        // The outbox and the inbound worker both move a reply's status (a send's answer, its echo): each update
        // checks the status it read, so neither overwrites the other (a "delivered" never falls back to "sending").
        builder.Property(m => m.Status).IsConcurrencyToken();
        // Each attempt to send counts up: of two outboxes that ever start the same attempt (a lease overlap, see
        // WorkerLeases), only the first records it, and only it calls X.
        builder.Property(m => m.Attempts).IsConcurrencyToken();
        builder.Property(m => m.Text).HasMaxLength(Message.MaxStoredTextLength);
        builder.Property(m => m.Error).HasMaxLength(500);
        builder.HasOne(m => m.Conversation).WithMany(c => c.Messages).HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.AuthorContact).WithMany().HasForeignKey(m => m.AuthorContactId).OnDelete(DeleteBehavior.Restrict);
    }
}
