using System.Text;

namespace TwitterAddon.Benchmarks.InboxScale;

/// <summary>
/// A busy brand's year of customer messages, the same every run (one seed): customers with Latin, Indonesian, Japanese,
/// Korean and Chinese names, DMs and mention threads, texts of 1 to 280 characters in those languages with emoji and
/// URLs, and a few 10,000-character DMs. What the search benchmark looks for is drawn from the same words.
/// </summary>
public sealed class InboxCorpus(int seed = 15)
{
    private static readonly string[] GivenNames = ["Jane", "Budi", "Siti", "Ana", "John", "Dewi", "Ahmad", "Maria", "Kevin", "Putri", "Luis", "Chen", "Yuki", "Min-jun", "Fatima", "Agus"];
    private static readonly string[] FamilyNames = ["Doe", "Santoso", "Wijaya", "García", "Smith", "Lestari", "Hidayat", "Rossi", "Tan", "Kusuma", "Silva", "Nguyen", "Müller", "Öztürk"];
    private static readonly string[] CjkNames = ["山田太郎", "佐藤花子", "김민준", "이서연", "王伟", "李娜", "陈杰", "鈴木一郎", "박지훈", "张敏"];

    /// <summary>Words of support messages, per language; searches draw from them too.</summary>
    public static readonly string[][] Words =
    [
        ["where", "is", "my", "order", "parcel", "refund", "please", "help", "late", "delivery", "tracking", "number", "account", "password", "broken", "thanks", "still", "waiting", "since", "Monday", "app", "crash", "payment", "failed", "again"],
        ["pesanan", "saya", "belum", "sampai", "tolong", "dicek", "terima", "kasih", "paket", "nomor", "resi", "kapan", "dikirim", "uang", "kembali", "aplikasi", "error", "bayar", "gagal", "sudah", "seminggu"],
        ["配送", "状況", "を", "教えて", "ください", "注文", "番号", "返金", "アプリ", "が", "落ちます", "まだ", "届きません", "ありがとう"],
        ["배송", "이", "늦어요", "주문", "번호", "환불", "해주세요", "앱", "오류", "감사합니다", "아직", "안", "왔어요"],
        ["我的", "订单", "在哪里", "退款", "快递", "还没", "到", "谢谢", "应用", "崩溃", "付款", "失败"],
    ];

    private static readonly string[] Emoji = ["🙏", "😡", "📦", "❤️", "👍🏽", "😭", "🔥", "👨‍👩‍👧"];

    private readonly Random random = new(seed);

    public string CustomerName()
    {
        return random.Next(4) == 0 ? CjkNames[random.Next(CjkNames.Length)]
            : $"{GivenNames[random.Next(GivenNames.Length)]} {FamilyNames[random.Next(FamilyNames.Length)]}";
    }

    public int Next(int maxExclusive) => random.Next(maxExclusive);

    /// <summary>A customer's or an agent's message: 1 to 280 characters, or (<paramref name="longDm"/>) 10,000.</summary>
    public string Text(bool longDm = false)
    {
        var words = Words[random.Next(Words.Length)];
        var cjk = words == Words[2] || words == Words[3] || words == Words[4];
        var target = longDm ? 10_000 : random.Next(10) == 0 ? 1 + random.Next(10) : 20 + random.Next(260);
        var text = new StringBuilder();
        while (text.Length < target)
        {
            if (text.Length > 0 && !cjk)
            {
                text.Append(' ');
            }

            var roll = random.Next(40);
            text.Append(roll == 0 ? $"https://acme.com/track/{random.Next(1_000_000)}" : roll == 1 ? Emoji[random.Next(Emoji.Length)]
                : roll == 2 ? $"#{random.Next(100_000)}" : words[random.Next(words.Length)]);
        }

        // Cut on a whole character: an emoji's surrogate pair or joiner sequence is never split into half a character.
        var cut = Math.Min(target, text.Length);
        while (cut > 0 && cut < text.Length && char.IsLowSurrogate(text[cut]))
        {
            cut--;
        }

        return text.ToString(0, Math.Max(1, cut));
    }
}
