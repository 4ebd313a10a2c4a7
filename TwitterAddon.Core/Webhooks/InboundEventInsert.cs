using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using TwitterAddon.Core.Persistence;

namespace TwitterAddon.Core.Webhooks;

/// <summary>
/// The ack path's INSERT of many deliveries in one statement, written from the EF model: the table and column
/// names and the stored form of each value (times, enums) come from the same mapping every reader uses, so the
/// two cannot drift apart. Raw SQL because one multi-row statement is several times cheaper than SaveChanges.
/// </summary>
internal sealed class InboundEventInsert
{
    private const int ColumnsPerRow = 5;
    private readonly string prefix;
    private readonly IProperty webhookKey;
    private readonly IProperty body;
    private readonly IProperty source;
    private readonly IProperty receivedAt;
    private readonly IProperty status;

    public InboundEventInsert(TwitterAddonDbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(InboundEvent))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        IProperty Property(string name) => entity.FindProperty(name)!;
        (webhookKey, body, source, receivedAt, status) = (
            Property(nameof(InboundEvent.WebhookKey)), Property(nameof(InboundEvent.Body)), Property(nameof(InboundEvent.Source)),
            Property(nameof(InboundEvent.ReceivedAt)), Property(nameof(InboundEvent.Status)));
        var columns = string.Join(", ", new[] { webhookKey, body, source, receivedAt, status }.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)));
        prefix = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({columns}) VALUES ";
    }

    /// <summary>The statement and its values for these deliveries, all received now and pending.</summary>
    public (string Sql, object[] Values) For(IReadOnlyList<(string WebhookKey, byte[] Body, InboundSource Source)> rows, DateTimeOffset now)
    {
        var values = new object[rows.Count * ColumnsPerRow];
        var sql = new System.Text.StringBuilder(prefix, prefix.Length + (rows.Count * 32));
        var at = Stored(receivedAt, now);
        var pending = Stored(status, InboundEventStatus.Pending);
        for (var i = 0; i < rows.Count; i++)
        {
            var first = i * ColumnsPerRow;
            (values[first], values[first + 1], values[first + 2], values[first + 3], values[first + 4]) =
                (Stored(webhookKey, rows[i].WebhookKey), Stored(body, rows[i].Body), Stored(source, rows[i].Source), at, pending);
            sql.Append(i == 0 ? "(" : ", (");
            for (var c = 0; c < ColumnsPerRow; c++)
            {
                sql.Append(c == 0 ? "{" : ", {").Append(first + c).Append('}');
            }

            sql.Append(')');
        }

        return (sql.ToString(), values);
    }

    private static object Stored(IProperty property, object value) =>
        property.GetTypeMapping().Converter?.ConvertToProvider(value) ?? value;
}
