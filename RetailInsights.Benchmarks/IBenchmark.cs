namespace RetailInsights.Benchmarks;

/// <summary>One benchmark case group, run by name: <c>dotnet run -c Release --project RetailInsights.Benchmarks -- NAME</c>.</summary>
public interface IBenchmark
{
    string Name { get; }

    string Description { get; }

    /// <summary>Runs the cases and prints figures side by side with their reference.</summary>
    Task<int> RunAsync(string[] args, CancellationToken cancellationToken);
}
