using Microsoft.Extensions.Logging;

namespace TwitterAddon.Core.Live;

/// <summary>
/// Conversations or messages changed (a customer wrote, a reply was sent or failed): the inbox redraws. Writers say
/// which conversations changed when they know; each page asks what changed since it last looked
/// (<see cref="ChangesSince"/>) and redraws only those rows, not every page of the list it has loaded.
/// </summary>
/// <remarks>
/// Its window is short (50 ms), since a customer's message should be on screen within half a second of X's delivery;
/// in a flood of deliveries each page throttles its own reloads (the Inbox page reads its rows at most once a second).
/// </remarks>
public sealed class InboxNotifier(TimeProvider clock, ILogger<InboxNotifier> logger) : ChangeNotifier(clock, logger, TimeSpan.FromMilliseconds(50))
{
    /// <summary>How many changes are remembered; a page further behind than that reloads its whole list.</summary>
    public const int Remembered = 4_096;

    private readonly Lock gate = new();
    private readonly Queue<(long Position, int? ConversationId)> recent = new();
    private long position;

    /// <summary>Where the change log stands now: a page starts from here, then asks for what came since.</summary>
    public long Position
    {
        get
        {
            lock (gate)
            {
                return position;
            }
        }
    }

    /// <summary>
    /// Fired for each change made in this instance, with the conversations (null: everything): pages on other
    /// instances redraw too (InstanceRelay tells them).
    /// </summary>
    public event Action<IReadOnlyCollection<int>?>? Changed;

    public void ConversationsChanged(IEnumerable<int> conversationIds)
    {
        var ids = conversationIds.ToList();
        Apply(ids);
        Changed?.Invoke(ids);
    }

    public void ConversationChanged(int conversationId) => ConversationsChanged([conversationId]);

    /// <summary>Something every row may show changed (a channel's name or icon, customers' profiles): pages reload their lists.</summary>
    public void EverythingChanged()
    {
        Apply(null);
        Changed?.Invoke(null);
    }

    /// <summary>Another instance changed these conversations (null: everything): this instance's pages redraw them.</summary>
    public void ChangedOnAnotherInstance(IReadOnlyCollection<int>? conversationIds) => Apply(conversationIds);

    private void Apply(IReadOnlyCollection<int>? conversationIds)
    {
        lock (gate)
        {
            if (conversationIds is null)
            {
                Record(null);
            }
            else
            {
                foreach (var id in conversationIds)
                {
                    Record(id);
                }
            }
        }

        Signal();
    }

    /// <summary>The conversations changed after <paramref name="since"/>, or null when any row may have (or the log no longer reaches back).</summary>
    public (IReadOnlySet<int>? ConversationIds, long Position) ChangesSince(long since)
    {
        lock (gate)
        {
            if (recent.Count > 0 && recent.Peek().Position > since + 1 && since < position)
            {
                return (null, position);
            }

            var ids = new HashSet<int>();
            foreach (var (at, id) in recent)
            {
                if (at <= since)
                {
                    continue;
                }

                if (id is not { } changed)
                {
                    return (null, position);
                }

                ids.Add(changed);
            }

            return (ids, position);
        }
    }

    private void Record(int? conversationId)
    {
        recent.Enqueue((++position, conversationId));
        if (recent.Count > Remembered)
        {
            recent.Dequeue();
        }
    }
}
