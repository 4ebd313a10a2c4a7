using FluentValidation;
using TwitterAddon.Emulator.Api;

namespace TwitterAddon.Emulator.Control;

public sealed class CreateUserRequestValidator : AbstractValidator<CreateUserRequest>
{
    /// <summary>X's handles: 1 to 15 letters, digits or underscores (an @ in front is allowed).</summary>
    public const string ScreenNamePattern = "^@?[A-Za-z0-9_]{1,15}$";

    public const int NameMaxLength = 50;

    public CreateUserRequestValidator()
    {
        RuleFor(r => r.ScreenName).NotEmpty().WithMessage("screen_name is required.")
            .Matches(ScreenNamePattern).WithMessage("screen_name is 1 to 15 letters, digits or underscores.");
        RuleFor(r => r.Name).NotEmpty().WithMessage("name is required.").MaximumLength(NameMaxLength).WithMessage($"name is at most {NameMaxLength} characters.");
    }
}

public sealed class UpdateAppRequestValidator : AbstractValidator<UpdateAppRequest>
{
    public UpdateAppRequestValidator()
    {
        RuleFor(r => r.Access).NotEmpty().WithMessage("access is required.")
            .Must(a => AppAccess.Parse(a) is not null).WithMessage("access is pay_per_use or enterprise.");
    }
}

public sealed class CustomerDirectMessageRequestValidator : AbstractValidator<CustomerDirectMessageRequest>
{
    public CustomerDirectMessageRequestValidator()
    {
        RuleFor(r => r.Sender).NotEmpty().WithMessage("sender (a user id or @handle) is required.");
        RuleFor(r => r.Text).NotEmpty().WithMessage("text is required.");
    }
}

public sealed class CustomerTweetRequestValidator : AbstractValidator<CustomerTweetRequest>
{
    public CustomerTweetRequestValidator()
    {
        RuleFor(r => r.Author).NotEmpty().WithMessage("author (a user id or @handle) is required.");
        RuleFor(r => r.Text).NotEmpty().WithMessage("text is required.");
    }
}

public sealed class RetweetRequestValidator : AbstractValidator<RetweetRequest>
{
    public RetweetRequestValidator()
    {
        RuleFor(r => r.User).NotEmpty().WithMessage("user (a user id or @handle) is required.");
        RuleFor(r => r.TweetId).NotEmpty().WithMessage("tweet_id is required.");
    }
}

public sealed class FaultPlanRequestValidator : AbstractValidator<FaultPlanRequest>
{
    public FaultPlanRequestValidator()
    {
        RuleFor(r => r.ErrorRate).InclusiveBetween(0, 1).WithMessage("error_rate is between 0 and 1.");
        RuleFor(r => r.ErrorStatus).InclusiveBetween(400, 599).WithMessage("error_status is an HTTP error status (400-599).");
        RuleFor(r => r.FailNextStatus).InclusiveBetween(400, 599).WithMessage("fail_next_status is an HTTP error status (400-599).");
        RuleFor(r => r.LatencyMs).InclusiveBetween(0, 60_000).WithMessage("latency_ms is between 0 and 60000.");
        RuleFor(r => r.FailNextCount).InclusiveBetween(0, 100_000).WithMessage("fail_next_count is between 0 and 100000.");
        RuleFor(r => r.SlowAnswerRate).InclusiveBetween(0, 1).WithMessage("slow_answer_rate is between 0 and 1.");
        RuleFor(r => r.SlowAnswerMs).InclusiveBetween(0, 60_000).WithMessage("slow_answer_ms is between 0 and 60000.");
        RuleFor(r => r.Script).Must(s => s is null || s.Count <= 1000).WithMessage("script has at most 1000 answers.");
        RuleForEach(r => r.Script).ChildRules(answer =>
        {
            answer.RuleFor(a => a.Answer).Must(a => a is not null && ScriptedAnswer.Kinds.Contains(a))
                .WithMessage("script answers are \"ok\", \"fail\" or \"drop\".");
            answer.RuleFor(a => a.Status).InclusiveBetween(400, 599).WithMessage("a scripted status is an HTTP error status (400-599).");
        });
    }
}
