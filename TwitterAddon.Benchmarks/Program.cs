using BenchmarkDotNet.Running;

// dotnet run -c Release --project TwitterAddon.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

/// <summary>The entry point type, for BenchmarkSwitcher.</summary>
public partial class Program;
