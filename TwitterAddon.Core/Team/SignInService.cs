using Microsoft.AspNetCore.Identity;

namespace TwitterAddon.Core.Team;

/// <summary>
/// Sign-in by email and password, built so the answer gives nothing away: an unknown address costs the same
/// password-hash time and gets the same words as a wrong password, and "deactivated" is said only to someone who
/// knew the password. Failures are limited per account (<see cref="SignInAttempts"/>) instead of Identity's lockout,
/// which anyone could trigger for any address.
/// </summary>
public sealed class SignInService(
    UserManager<TeamMember> users, SignInManager<TeamMember> signIn, IPasswordHasher<TeamMember> hasher, SignInAttempts attempts)
{
    // A hash made once with the same algorithm and cost as members' hashes: verified against for unknown addresses.
    private static readonly Lazy<string> UnknownMemberHash =
        new(() => new PasswordHasher<TeamMember>().HashPassword(new TeamMember { DisplayName = "" }, Guid.NewGuid().ToString()));

    /// <param name="knownDeviceMemberId">The member whose device cookie the browser carries, if any: its failures are not counted.</param>
    public async Task<SignInOutcome> SignInAsync(SignInForm form, string? knownDeviceMemberId)
    {
        var email = form.Email.Trim();
        var member = await users.FindByEmailAsync(email);
        var knownDevice = member is not null && member.Id == knownDeviceMemberId;
        if (!knownDevice && !attempts.TryTake(email))
        {
            return SignInOutcome.Refused(SignInOutcome.TooManyFailures);
        }

        if (member is null || !await users.CheckPasswordAsync(member, form.Password))
        {
            if (member is null)
            {
                hasher.VerifyHashedPassword(new TeamMember { DisplayName = "" }, UnknownMemberHash.Value, form.Password);
            }

            return SignInOutcome.Refused(SignInOutcome.WrongEmailOrPassword);
        }

        if (!await signIn.CanSignInAsync(member))
        {
            return SignInOutcome.Refused(SignInOutcome.Deactivated);
        }

        await signIn.SignInAsync(member, form.RememberMe);
        return SignInOutcome.Success(member.Id);
    }

    /// <summary>First run: the administrator just created signs in, without a try taken from their account's budget.</summary>
    public async Task<SignInOutcome> SignInCreatedAsync(string email)
    {
        var member = await users.FindByEmailAsync(email.Trim()) ?? throw new InvalidOperationException("The member just created is not there.");
        await signIn.SignInAsync(member, isPersistent: false);
        return SignInOutcome.Success(member.Id);
    }
}
