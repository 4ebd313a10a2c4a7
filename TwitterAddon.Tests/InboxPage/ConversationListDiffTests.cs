#pragma warning disable BL0006 // The render tree's edits are what the browser is told to do: this test reads them on purpose.
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.RenderTree;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using TwitterAddon.Core.Channels;
using TwitterAddon.Core.Inbox;
using TwitterAddon.Web.Components.Pages.Inbox;

namespace TwitterAddon.Tests.InboxPage;

/// <summary>
/// What the browser of every open inbox tab is told to do when a message moves a conversation to the top: the edits of
/// the list's render batch, as Blazor sends them. Taking rows out and putting them back costs each tab a restyle and a
/// relayout of them, so a moved conversation must be one row removed and one inserted, whatever its old place.
/// </summary>
public sealed class ConversationListDiffTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task AConversationMovingToTheTop_IsOneRowRemovedAndOneInserted_NotEveryRowAboveItMoved()
    {
        var rows = Enumerable.Range(1, 30).Select(Row).OrderByDescending(r => r.LastMessageAt).ToList();
        var moved = rows[25] with { LastMessageAt = Start.AddHours(1), Preview = "Any news?" };
        await using var renderer = new EditsRenderer();

        await renderer.RenderAsync(rows);
        var edits = await renderer.RenderAsync([moved, .. rows.Where(r => r.Id != moved.Id)]);

        Assert.DoesNotContain(edits, e => e.Type == RenderTreeEditType.PermutationListEntry);
        Assert.Single(edits, e => e.Type == RenderTreeEditType.RemoveFrame);
        Assert.Single(edits, e => e.Type == RenderTreeEditType.PrependFrame);
    }

    [Fact]
    public async Task AConversationChangingInPlace_IsUpdatedWhereItIs()
    {
        var rows = Enumerable.Range(1, 10).Select(Row).OrderByDescending(r => r.LastMessageAt).ToList();
        await using var renderer = new EditsRenderer();

        await renderer.RenderAsync(rows);
        var edits = await renderer.RenderAsync([.. rows.Select(r => r.Id == rows[4].Id ? r with { UnreadCount = 0 } : r)]);

        // The unread badge goes; no row is taken out or put back.
        Assert.Single(edits, e => e.Type == RenderTreeEditType.RemoveFrame);
        Assert.DoesNotContain(edits, e => e.Type is RenderTreeEditType.PrependFrame or RenderTreeEditType.PermutationListEntry);
    }

    private static ConversationListItem Row(int id) => new(
        id, ChannelKind.DirectMessage, null, $"Customer {id}", $"customer_{id}", null, "Where is my order?", Start.AddMinutes(id), 1, ConversationStatus.Open);

    /// <summary>Renders the list as the server would, and keeps the edits of the last batch.</summary>
    private sealed class EditsRenderer() : Renderer(
        new ServiceCollection().AddSingleton(TimeProvider.System).BuildServiceProvider(), NullLoggerFactory.Instance)
    {
        private readonly List<RenderTreeEdit> edits = [];
        private int listId = -1;

        public override Dispatcher Dispatcher { get; } = Dispatcher.CreateDefault();

        public async Task<List<RenderTreeEdit>> RenderAsync(IReadOnlyList<ConversationListItem> items)
        {
            edits.Clear();
            await Dispatcher.InvokeAsync(() =>
            {
                if (listId < 0)
                {
                    listId = AssignRootComponentId(InstantiateComponent(typeof(ConversationList)));
                }

                return RenderRootComponentAsync(listId, ParameterView.FromDictionary(new Dictionary<string, object?> { ["Items"] = items }));
            });
            return [.. edits];
        }

        protected override void HandleException(Exception exception) => throw exception;

        protected override Task UpdateDisplayAsync(in RenderBatch renderBatch)
        {
            for (var i = 0; i < renderBatch.UpdatedComponents.Count; i++)
            {
                edits.AddRange(renderBatch.UpdatedComponents.Array[i].Edits);
            }

            return Task.CompletedTask;
        }
    }
}
