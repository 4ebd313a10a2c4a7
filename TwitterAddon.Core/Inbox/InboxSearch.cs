using System.Linq.Expressions;
using System.Text;
using Microsoft.EntityFrameworkCore;
using TwitterAddon.Core.Persistence;

namespace TwitterAddon.Core.Inbox;

/// <summary>
/// What an inbox search names: customers whose name or @handle contains the words, and the conversations of the most
/// recent messages that contain them. On SQLite both come from FTS5 trigram indexes (migration InboxSearch), so a
/// substring of 3 characters or more, CJK included, is found from the index at any size; on PostgreSQL an ILIKE that
/// pg_trgm GIN indexes serve (its own InboxSearch migration). Shorter ones (a CJK word is often two) have no index:
/// they are looked for in the <see cref="ShortWordMessages"/> newest messages.
/// </summary>
public static class InboxSearch
{
    /// <summary>How many of the newest matching messages a search reads: a common word would otherwise name half the inbox.</summary>
    public const int MessagesRead = 500;

    /// <summary>A word under 3 characters is looked for in this many of the newest messages (a scan: there is no index).</summary>
    public const int ShortWordMessages = 20_000;

    /// <summary>
    /// Up to this many named customers are looked up by id (their conversations, along their own index); more, and the
    /// list reads conversations newest first and checks each one's customer, which finds a page quickly when so many match.
    /// </summary>
    public const int CustomersListed = 1_000;

    public const string CappedNote =
        "Showing the conversations of the 500 most recent messages that match: add a word to find older ones.";

    public const string ShortWordNote =
        "Words under 3 characters are looked for in the 20,000 most recent messages and in customers' names: type 3 or more to search every message.";

    /// <summary>The words as the inbox searches them: trimmed, a leading @ dropped; null when nothing is left.</summary>
    public static string? TermOf(string? search) => search?.Trim().TrimStart('@') is { Length: > 0 } term ? term : null;

    /// <summary>The words as a LIKE pattern that finds them anywhere, with \ escaping LIKE's own wildcards.</summary>
    public static string LikePattern(string term) =>
        "%" + term.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal) + "%";

    public static async Task<SearchMatches> FindAsync(TwitterAddonDbContext db, string term, CancellationToken cancellationToken)
    {
        var shortWord = term.EnumerateRunes().Count() < 3;
        IQueryable<int> contacts;
        IQueryable<int> messages;
        Func<IQueryable<Conversation>, IQueryable<Conversation>> ofManyCustomers;
        var pattern = LikePattern(term);
        if (db.Database.IsSqlite() && !shortWord)
        {
            // One FTS5 phrase: quotes doubled, so operators, colons and stars in the words are just characters.
            var phrase = "\"" + term.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            contacts = db.Database.SqlQuery<int>($"SELECT rowid AS Value FROM ContactSearch WHERE ContactSearch MATCH {phrase}");
            messages = db.Database.SqlQuery<int>(
                $"SELECT ConversationId AS Value FROM MessageSearch WHERE MessageSearch MATCH {phrase} ORDER BY rowid DESC LIMIT {MessagesRead}");
            // The customers stay a subquery, read once however many match (a list of thousands of ids would be re-read per row).
            ofManyCustomers = query => query.Where(c => contacts.Contains(c.ContactId));
        }
        else
        {
            // PostgreSQL: ILIKE, case-insensitive as SQLite's trigram index and LIKE are, served by its pg_trgm indexes.
            var postgres = db.Database.IsNpgsql();
            contacts = db.Contacts.Where(NamedBy(pattern, postgres)).Select(c => c.Id);
            var newest = shortWord ? db.Messages.OrderByDescending(m => m.Id).Take(ShortWordMessages) : db.Messages;
            messages = newest.Where(Saying(pattern, postgres))
                .OrderByDescending(m => m.Id).Take(MessagesRead).Select(m => m.ConversationId);
            // Each conversation read newest first checks its own customer, and a page of matches comes early.
            var ofCustomer = OfCustomerNamedBy(pattern, postgres);
            ofManyCustomers = query => query.Where(ofCustomer);
        }

        var named = await contacts.Take(CustomersListed + 1).ToListAsync(cancellationToken);
        var conversations = await messages.ToListAsync(cancellationToken);
        var note = conversations.Count == MessagesRead ? CappedNote
            : shortWord && await db.Messages.OrderByDescending(m => m.Id).Skip(ShortWordMessages).AnyAsync(cancellationToken) ? ShortWordNote
            : null;
        return new SearchMatches(
            named.Count <= CustomersListed ? query => query.Where(c => named.Contains(c.ContactId)) : ofManyCustomers,
            conversations.Distinct().ToList(), note);
    }

    private static Expression<Func<Contact, bool>> NamedBy(string pattern, bool ilike) => ilike
        ? c => EF.Functions.ILike(c.Name, pattern, "\\") || EF.Functions.ILike(c.ScreenName, pattern, "\\")
        : c => EF.Functions.Like(c.Name, pattern, "\\") || EF.Functions.Like(c.ScreenName, pattern, "\\");

    private static Expression<Func<Conversation, bool>> OfCustomerNamedBy(string pattern, bool ilike) => ilike
        ? c => EF.Functions.ILike(c.Contact.Name, pattern, "\\") || EF.Functions.ILike(c.Contact.ScreenName, pattern, "\\")
        : c => EF.Functions.Like(c.Contact.Name, pattern, "\\") || EF.Functions.Like(c.Contact.ScreenName, pattern, "\\");

    private static Expression<Func<Message, bool>> Saying(string pattern, bool ilike) => ilike
        ? m => EF.Functions.ILike(m.Text, pattern, "\\")
        : m => EF.Functions.Like(m.Text, pattern, "\\");
}

/// <summary>
/// The conversations of the customers a search names (<see cref="OfCustomers"/> narrows the list's own query to them),
/// the conversations of its newest matching messages, and what the list should say of what was not read.
/// </summary>
public sealed record SearchMatches(
    Func<IQueryable<Conversation>, IQueryable<Conversation>> OfCustomers, IReadOnlyList<int> ConversationIds, string? Note);
