
namespace RetailInsights.Tests.Support;

/// <summary>The 28 real daily files of the Online Retail sample, loaded once through the import command.</summary>
public sealed class OnlineRetailSampleFixture : IAsyncLifetime
{
    public PipelineFixture Pipeline { get; } = new();

    public async Task InitializeAsync()
    {
        await Pipeline.InitializeAsync();
        var result = await Pipeline.ImportAsync(ReferenceData.Path("online-retail-sample", "daily"), "--store", "ONLINE");
        if (result.Exit != 0 || result.Lines.Count != 28)
            throw new InvalidOperationException("The sample did not load: " + result.Output);
    }

    public Task DisposeAsync() => Pipeline.DisposeAsync();
}
