using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Vaarst.Growth.Web.Hosting;

namespace Vaarst.Growth.Web.Tests.Deployment;

/// <summary>The embedded default starts without Data Protection's alarming warning, and says once what it means.</summary>
public sealed class KeyProtectionTests
{
    [Fact]
    public async Task Embedded_default_says_once_that_keys_are_not_encrypted_and_logs_no_encryptor_warning()
    {
        var log = new CapturingLoggerProvider();
        await using var app = new GrowthAppFactory();
        await using var started = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(log)));
        var client = started.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        // The sign-in page carries an antiforgery token: the key ring is created (and stored) for it.
        var response = await client.GetAsync("/account/dev-signin", TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}");

        Assert.DoesNotContain(log.Entries, e => e.Level >= LogLevel.Warning && e.Category.StartsWith("Microsoft.AspNetCore.DataProtection", StringComparison.Ordinal));
        Assert.Single(log.Entries, e => e.Message == KeyProtection.UnprotectedNotice);
    }

    [Fact]
    public void A_certificate_setting_means_the_keys_are_protected()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [KeyProtection.CertificatePathSetting] = "/secrets/keys.pfx" })
            .Build();

        Assert.True(KeyProtection.IsConfigured(configuration));
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<(string Category, LogLevel Level, string Message)> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Entries.Enqueue((category, logLevel, formatter(state, exception)));
        }
    }
}
