using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace CallSupervisor.Web.Hosting;

internal static class DevelopmentConfiguration
{
    /// <summary>
    /// The development settings live at the repository root (appsettings.Development.json) — not in the project
    /// folder where templates put them, because the users asked for that top-level layout — and are copied next
    /// to the built app. The default host looks for them in the content root (the project folder), so the
    /// environment-specific JSON source is re-pointed at the output folder, keeping its place in the source
    /// order: environment variables and the command line still override it.
    /// </summary>
    public static void UseRepositoryDevelopmentSettings(this ConfigurationManager configuration, IHostEnvironment environment)
    {
        var fileName = $"appsettings.{environment.EnvironmentName}.json";
        var sources = configuration.Sources;
        for (var i = 0; i < sources.Count; i++)
        {
            if (sources[i] is JsonConfigurationSource json && json.Path == fileName
                && !File.Exists(Path.Combine(environment.ContentRootPath, fileName))
                && File.Exists(Path.Combine(AppContext.BaseDirectory, fileName)))
            {
                sources[i] = new JsonConfigurationSource
                {
                    Path = fileName,
                    Optional = true,
                    ReloadOnChange = json.ReloadOnChange,
                    FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
                };
                return;
            }
        }
    }
}
