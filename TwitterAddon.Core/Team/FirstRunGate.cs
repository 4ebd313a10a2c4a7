using TwitterAddon.Core.Concurrency;

namespace TwitterAddon.Core.Team;

/// <summary>
/// Serializes "create the first administrator" so two browsers racing on a fresh install cannot both
/// become the first admin.
/// </summary>
public sealed class FirstRunGate : AsyncGate;
