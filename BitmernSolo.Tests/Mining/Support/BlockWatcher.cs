using BitmernSolo.Web.Data.Pool;
using BitmernSolo.Web.Mining;
using Microsoft.Extensions.DependencyInjection;

namespace BitmernSolo.Tests.Mining.Support;

/// <summary>Waits for the app's next recorded block (the <see cref="PoolActivity.BlockRecorded"/> hook).</summary>
public sealed class BlockWatcher : IDisposable
{
    private readonly PoolActivity _activity;
    private readonly TaskCompletionSource<FoundBlock> _recorded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public BlockWatcher(IServiceProvider services)
    {
        _activity = services.GetRequiredService<PoolActivity>();
        _activity.BlockRecorded += OnRecorded;
    }

    public Task<FoundBlock> NextAsync() => _recorded.Task.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

    public void Dispose() => _activity.BlockRecorded -= OnRecorded;

    private void OnRecorded(FoundBlock block) => _recorded.TrySetResult(block);
}
