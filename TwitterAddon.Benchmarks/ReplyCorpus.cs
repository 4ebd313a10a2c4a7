using System.Text;

namespace TwitterAddon.Benchmarks;

/// <summary>
/// Mixed customer-service replies, the same every run (fixed seed): Latin and Indonesian words, Japanese,
/// Chinese and Korean, emoji with skin tones and ZWJ, URLs with and without scheme, mentions and hashtags,
/// from 1 to 600 characters.
/// </summary>
public static class ReplyCorpus
{
    private static readonly string[] Fragments =
    [
        "Thanks", "for", "reaching", "out", "we're", "checking", "your", "order", "now", "sorry", "about", "the", "delay",
        "Terima", "kasih", "pesanan", "Anda", "sedang", "kami", "proses", "mohon", "ditunggu",
        "ご連絡ありがとうございます", "確認いたします", "您好", "我们正在处理您的订单", "감사합니다", "주문을", "확인하겠습니다",
        "😀", "👍🏽", "👨‍👩‍👧‍👦", "🇮🇩", "❤️", "🙋🏽‍♀️", "1️⃣",
        "https://example.com/orders/12345?ref=support", "acme.co.id/help", "http://t.co/AbCdEf", "www.acme.com/track",
        "@jane_doe", "@AcmeSupport", "#CustomerService", "#TerimaKasih", "-", "!", "?", ".",
    ];

    public static IReadOnlyList<string> Build(int count, int seed = 42)
    {
        var random = new Random(seed);
        var replies = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var target = random.Next(1, 601);
            var text = new StringBuilder();
            while (text.Length < target)
            {
                if (text.Length > 0)
                {
                    text.Append(' ');
                }

                text.Append(Fragments[random.Next(Fragments.Length)]);
            }

            replies.Add(text.Length > target && target < 5 ? text.ToString(0, target) : text.ToString());
        }

        return replies;
    }
}
