using FluentValidation;
using TwitterAddon.Core.Validation;

namespace TwitterAddon.Core.Channels;

public sealed class ChannelFormValidator : FormValidator<ChannelForm>
{
    public ChannelFormValidator()
    {
        RuleFor(f => f.Name)
            .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("Give the channel a name.")
            .Must(n => (n ?? "").Trim().Length <= Channel.NameMaxLength).WithMessage($"Use at most {Channel.NameMaxLength} characters.");
        RuleFor(f => f.Icon)
            .Must(icon => icon is null || icon.Length <= ChannelIcon.MaxBytes).WithMessage("The icon is over 1 MB.")
            .Must(icon => icon is null || icon.Length > ChannelIcon.MaxBytes || ChannelIcon.Detect(icon) is not null)
            .WithMessage("The icon must be a PNG, JPEG, SVG or WebP image.");
        RuleFor(f => f.Thumbnail)
            .Must((form, thumbnail) => form.Icon is null || form.Icon.Length > ChannelIcon.MaxBytes || ChannelIcon.Detect(form.Icon) is null || thumbnail is not null)
            .WithMessage("The icon cannot be read as an image (damaged, or over 50 megapixels).");
        RuleFor(f => f.InboundType).IsInEnum().WithMessage("Choose Twitter Webhook or Twitter API.");
    }
}
