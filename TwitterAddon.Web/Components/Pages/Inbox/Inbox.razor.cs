using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using TwitterAddon.Core.Channels;
using TwitterAddon.Core.Inbox;
using TwitterAddon.Web.Identity;

namespace TwitterAddon.Web.Components.Pages.Inbox;

/// <summary>The agents' inbox: filters and the list on the left, the open conversation on the right; live.</summary>
public sealed partial class Inbox
{
    private readonly List<ConversationListItem> items = [];
    private ConversationFilter filter = new();
    private string kindFilter = "all";
    private string statusFilter = "open";
    private bool hasMore;
    private string? refused;
    private string? note;

    // Where the inbox's change log stood when the list was last brought up to date: what changed since is redrawn.
    private long upTo;

    // When the loaded rows are read again instead of the changed ones alone, and how long a tab waits first.
    private ListReloadPace pace = default!;

    private ConversationDetail? detail;
    private IReadOnlyDictionary<int, string?> channelIcons = new Dictionary<int, string?>();
    private string agentName = "";
    private IDisposable? subscription;

    // A click in the conversation (Mark as read, or anywhere in it) marks it read once, not once per handler.
    private bool reading;

    // The conversation this page marked read on opening it: parameters set again for the same one do not mark again.
    private int? openedId;

    // Cancelled when the page closes: its queries stop instead of finishing for nobody.
    private readonly CancellationTokenSource closed = new();

    // The list's current load: a new search or filter cancels the one still running, whose rows nobody wants.
    private CancellationTokenSource listLoad = new();

    [Parameter] public int? ConversationId { get; set; }

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private string EmptyText => filter == new ConversationFilter()
        ? "No open conversations. New DMs and mentions appear here as they arrive."
        : "No conversation matches these filters.";

    private CancellationToken Closing => closed.Token;

    public void Dispose()
    {
        subscription?.Dispose();
        closed.Cancel();
        closed.Dispose();
        listLoad.Dispose();
    }

    protected override async Task OnInitializedAsync()
    {
        pace = new ListReloadPace(Clock);
        agentName = Actor.DisplayName((await AuthenticationState).User);
        channelIcons = (await Channels.ListAsync(Closing)).ToDictionary(c => c.Id, c => c.IconUrl);
        if (ConversationId is { } id)
        {
            // Read before the list loads, so the list never shows it unread once it is open.
            await InboxService.MarkReadAsync(id, seenUpTo: null, Closing);
            openedId = id;
        }

        await LoadListAsync(items.Count, Closing);
        subscription = Notifier.Subscribe(OnInboxChangedAsync);
    }

    // Opening a conversation reads it. A message that arrives while it is open stays unread until the agent acts in
    // it (MarkReadAsync below): the tab may sit unwatched, and an unread badge must never vanish by itself.
    protected override async Task OnParametersSetAsync()
    {
        if (ConversationId is { } id && id != openedId)
        {
            openedId = id;
            if (await InboxService.MarkReadAsync(id, seenUpTo: null, Closing))
            {
                ShowRead(id);
            }
        }

        await LoadDetailAsync();
    }

    // Its badge goes from the list at once; the notification the change sends brings the rest (filters included).
    private void ShowRead(int id)
    {
        var row = items.FindIndex(i => i.Id == id);
        if (row >= 0)
        {
            items[row] = items[row] with { UnreadCount = 0 };
        }
    }

    /// <summary>The agent acted in the open conversation (clicked in it, started a reply): what it shows is read.</summary>
    private async Task MarkReadAsync()
    {
        if (detail is { UnreadCount: > 0 } shown && !reading)
        {
            reading = true;
            try
            {
                var seen = shown.Messages.Count == 0 ? 0 : shown.Messages.Max(m => m.Id);
                if (await InboxService.MarkReadAsync(shown.Id, seen, Closing))
                {
                    ShowRead(shown.Id);
                    await LoadDetailAsync();
                }
            }
            finally
            {
                reading = false;
            }
        }
    }

    // A customer wrote, a reply changed status: redraw what is on screen, keep what the agent is typing. A failure
    // goes to the page's error boundary like any other; it never reaches the notifier or another agent's page.
    private Task OnInboxChangedAsync(CancellationToken unsubscribed) => InvokeAsync(async () =>
    {
        try
        {
            var changed = await RefreshListAsync();
            if (changed is null || (ConversationId is { } open && changed.Contains(open)))
            {
                await LoadDetailAsync();
            }

            StateHasChanged();
        }
        catch (OperationCanceledException) when (unsubscribed.IsCancellationRequested || Closing.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            await DispatchExceptionAsync(e);
        }
    });

    /// <summary>The open conversation changed it (a reply, resolve, retry): the list catches up, the conversation is read again.</summary>
    private async Task RefreshAsync()
    {
        await RefreshListAsync();
        await LoadDetailAsync();
    }

    /// <summary>
    /// Redraws the rows of the conversations changed since the list was last brought up to date, each read alone with
    /// the filters: the work one change needs, whatever number of pages is loaded. When the change log cannot say
    /// (a channel renamed, or this page fell far behind) the loaded rows are read again.
    /// </summary>
    /// <returns>The conversations that changed, or null when any may have.</returns>
    private async Task<IReadOnlySet<int>?> RefreshListAsync()
    {
        // Under the current load's token: a newer search cancels it, and that search's own load shows the rows.
        var load = listLoad.Token;
        try
        {
            var (changed, position) = Notifier.ChangesSince(upTo);
            if (changed is { Count: 0 })
            {
                // A run the notifier repeated for changes the last reload already took in.
                return changed;
            }

            // A search's rows come from its index, read again as a whole: a row checked alone could disagree with it.
            var flood = ListReloadPace.IsFlood(changed, Deliveries.HasBacklog);
            if (changed is null || flood || InboxSearch.TermOf(filter.Search) is not null)
            {
                var from = upTo;
                await pace.ReloadAsync(flood, () => LoadListAsync(Math.Max(items.Count, InboxService.PageSize), load, afterChange: true), load);
                // The reload took in whatever changed while it waited: those are the changes, the open conversation's too.
                return Notifier.ChangesSince(from).ConversationIds;
            }

            foreach (var id in changed)
            {
                Place(id, await InboxService.ListOneAsync(filter, id, position, load));
            }

            upTo = position;
            return changed;
        }
        catch (OperationCanceledException) when (load.IsCancellationRequested && !Closing.IsCancellationRequested)
        {
            return new HashSet<int>();
        }
    }

    /// <summary>The conversation's row where the newest-first order puts it, or gone when the filters leave it out now.</summary>
    private void Place(int id, ConversationListItem? row)
    {
        items.RemoveAll(i => i.Id == id);
        if (row is null)
        {
            return;
        }

        var at = items.FindIndex(i => i.LastMessageAt < row.LastMessageAt || (i.LastMessageAt == row.LastMessageAt && i.Id < row.Id));
        if (at < 0 && hasMore)
        {
            // Older than every loaded row: it belongs to a page not loaded yet, where "Load older" finds it.
            return;
        }

        items.Insert(at < 0 ? items.Count : at, row);
    }

    private async Task LoadDetailAsync() =>
        detail = ConversationId is { } id ? await InboxService.GetAsync(id, Closing) : null;

    /// <summary>
    /// Reloads the first <paramref name="count"/> rows (at least a page) with the current filters; <paramref name="afterChange"/>
    /// when redrawing for a change, which other pages with these filters redraw for too (they share the reads).
    /// </summary>
    private async Task LoadListAsync(int count, CancellationToken cancellationToken, bool afterChange = false)
    {
        // Taken before reading: a change made while the rows are read is redrawn again after, never missed.
        var position = Notifier.Position;
        var page = await InboxService.ListFirstAsync(filter, count, afterChange ? position : null, cancellationToken);
        items.Clear();
        items.AddRange(page.Items);
        (hasMore, refused, note, upTo) = (page.HasMore, page.Refused, page.Note, position);
    }

    private async Task MoreAsync()
    {
        var page = await InboxService.ListAsync(filter, items.Count, Closing);
        // A row a change moved onto the next page while it was read is on screen already: one row per conversation.
        var shown = items.Select(i => i.Id).ToHashSet();
        items.AddRange(page.Items.Where(i => !shown.Contains(i.Id)));
        hasMore = page.HasMore;
    }

    private Task SearchAsync(string? search) => FilterAsync(filter with { Search = search });

    private Task UnreadAsync(bool unread) => FilterAsync(filter with { UnreadOnly = unread });

    private Task KindAsync(string kind)
    {
        kindFilter = kind;
        return FilterAsync(filter with { Kind = Enum.TryParse<ChannelKind>(kind, out var parsed) ? parsed : null });
    }

    private Task StatusAsync(string status)
    {
        statusFilter = status ?? "all";
        return FilterAsync(filter with
        {
            Status = statusFilter switch { "open" => ConversationStatus.Open, "resolved" => ConversationStatus.Resolved, _ => null },
        });
    }

    private async Task FilterAsync(ConversationFilter changed)
    {
        filter = changed;
        listLoad.Cancel();
        listLoad.Dispose();
        listLoad = CancellationTokenSource.CreateLinkedTokenSource(Closing);
        var load = listLoad.Token;
        try
        {
            await LoadListAsync(InboxService.PageSize, load);
        }
        catch (OperationCanceledException) when (load.IsCancellationRequested)
        {
            // Replaced by a newer search, or the page closed: the newer load draws the list.
        }
    }
}
