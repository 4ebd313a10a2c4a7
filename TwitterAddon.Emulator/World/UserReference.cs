namespace TwitterAddon.Emulator.World;

/// <summary>Finds a user by id or by @handle, as people type them into the control API and the Sandbox.</summary>
public static class UserReference
{
    public static EmulatedUser? Find(EmulatorWorld world, string? reference)
    {
        if (string.IsNullOrWhiteSpace(reference))
        {
            return null;
        }

        var trimmed = reference.Trim();
        return world.Users.GetValueOrDefault(trimmed) ?? world.FindUserByScreenName(trimmed);
    }
}
