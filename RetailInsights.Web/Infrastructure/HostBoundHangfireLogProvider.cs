using Hangfire.AspNetCore;
using Hangfire.Logging;

namespace RetailInsights.Web.Infrastructure;

/// <summary>
/// Hangfire keeps its log provider in a static, shared by every host in the process; when a host stops, its logger
/// factory is disposed under the others (several test hosts, or a host restarted in place). This provider logs through
/// the host's factory while it lives, and quietly drops Hangfire's messages once it is gone instead of throwing.
/// </summary>
internal sealed class HostBoundHangfireLogProvider(ILoggerFactory loggerFactory) : ILogProvider
{
    private readonly AspNetCoreLogProvider _inner = new(loggerFactory);

    public ILog GetLogger(string name)
    {
        try
        {
            return _inner.GetLogger(name);
        }
        catch (ObjectDisposedException)
        {
            return SilentLog.Instance;
        }
    }

    private sealed class SilentLog : ILog
    {
        public static readonly SilentLog Instance = new();

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string> messageFunc, Exception exception) => false;
    }
}
