using System.Text;
using Microsoft.EntityFrameworkCore;
using TwitterAddon.Core.Persistence;

namespace TwitterAddon.Core.Inbox;

/// <summary>
/// What an inbox search names: customers whose name or @handle contains the words, and the conversations of the most
/// recent messages that contain them. On SQLite both come from FTS5 trigram indexes (migration InboxSearch), so a
/// substring of 3 characters or more, CJK included, is found from the index at any size. Shorter ones (a CJK word is
/// often two) scan the newest messages first, and stop at <see cref="MessagesRead"/> matches.
/// </summary>
public static class InboxSearch
{
    /// <summary>How many of the newest matching messages a search reads: a common word would otherwise name half the inbox.</summary>
    public const int MessagesRead = 500;

    public const string CappedNote =
        "Showing the conversations of the 500 most recent messages that match: add a word to find older ones.";

    /// <summary>The words as the inbox searches them: trimmed, a leading @ dropped; null when nothing is left.</summary>
    public static string? TermOf(string? search) => search?.Trim().TrimStart('@') is { Length: > 0 } term ? term : null;

    /// <summary>The words as a LIKE pattern that finds them anywhere, with \ escaping LIKE's own wildcards.</summary>
    public static string LikePattern(string term) =>
        "%" + term.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal) + "%";

    public static async Task<SearchMatches> FindAsync(TwitterAddonDbContext db, string term, CancellationToken cancellationToken)
    {
        // The customers stay a subquery of the list's own query: the database reads them once, however many match
        // (a parameter list of thousands of ids would be read again for every conversation).
        IQueryable<int> contacts;
        List<int> conversations;
        if (db.Database.IsSqlite() && term.EnumerateRunes().Count() >= 3)
        {
            // One FTS5 phrase: quotes doubled, so operators, colons and stars in the words are just characters.
            var phrase = "\"" + term.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            contacts = db.Database.SqlQuery<int>($"SELECT rowid AS Value FROM ContactSearch WHERE ContactSearch MATCH {phrase}");
            conversations = await db.Database.SqlQuery<int>(
                    $"SELECT ConversationId AS Value FROM MessageSearch WHERE MessageSearch MATCH {phrase} ORDER BY rowid DESC LIMIT {MessagesRead}")
                .ToListAsync(cancellationToken);
        }
        else
        {
            var pattern = LikePattern(term);
            contacts = db.Contacts.Where(c => EF.Functions.Like(c.Name, pattern, "\\") || EF.Functions.Like(c.ScreenName, pattern, "\\"))
                .Select(c => c.Id);
            conversations = await db.Messages.Where(m => EF.Functions.Like(m.Text, pattern, "\\"))
                .OrderByDescending(m => m.Id).Take(MessagesRead).Select(m => m.ConversationId).ToListAsync(cancellationToken);
        }

        return new SearchMatches(contacts, conversations.Distinct().ToList(), conversations.Count == MessagesRead);
    }
}

/// <summary>
/// The customers a search names (a query the list composes into its own) and the conversations of its newest matching
/// messages; <see cref="Capped"/> when older matching messages were not read.
/// </summary>
public sealed record SearchMatches(IQueryable<int> ContactIds, IReadOnlyList<int> ConversationIds, bool Capped);
