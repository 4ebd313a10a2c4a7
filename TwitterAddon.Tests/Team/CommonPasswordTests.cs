using FluentValidation;
using TwitterAddon.Core.Team;

namespace TwitterAddon.Tests.Team;

/// <summary>Passwords attackers try first are refused with a reason; a passphrase of one's own is not.</summary>
public sealed class CommonPasswordTests
{
    private static readonly InlineValidator<NewTeamMember> Rule = new() { v => v.RuleFor(m => m.Password).StrongPassword() };

    [Theory]
    [InlineData("1234567890")]
    [InlineData("qwertyuiop")]
    [InlineData("Password2024!")]
    [InlineData("  iloveyou1234 ")]
    [InlineData("1qaz2wsx3edc")]
    [InlineData("football12345")]
    public void CommonPasswords_AreRefused(string password)
    {
        var result = Rule.Validate(new NewTeamMember { Password = password });

        Assert.Contains(result.Errors, e => e.ErrorMessage.StartsWith("This password is one of the most common ones", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("ada.lovelace@example.com is me", true)]
    [InlineData("my name is ADA.LOVELACE really", true)]
    [InlineData("lovelace and babbage", false)]
    public void APasswordContainingTheEmail_IsFound(string password, bool contains) =>
        Assert.Equal(contains, CommonPasswords.ContainsEmail(password, "ada.lovelace@example.com"));

    [Theory]
    [InlineData("correct horse battery")]
    [InlineData("mango tuesday lantern")]
    public void AnUncommonPassphrase_IsAccepted(string password) =>
        Assert.True(Rule.Validate(new NewTeamMember { Password = password }).IsValid);
}
