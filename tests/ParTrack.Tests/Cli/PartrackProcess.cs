using System.Diagnostics;
using System.Text;

namespace ParTrack.Tests.Cli;

/// <summary>
/// The real `partrack` executable (partrack.dll beside the tests) in its own process, in a scratch working
/// directory, so a test sees what an operator sees: exit code, standard output and error.
/// </summary>
public sealed class PartrackProcess : IDisposable
{
    readonly Process _process;
    readonly StringBuilder _stdout = new();
    readonly StringBuilder _stderr = new();
    readonly string _workDir = Directory.CreateTempSubdirectory("partrack-cli-").FullName;

    public PartrackProcess(string[] args, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _workDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "partrack.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (k, v) in environment ?? new Dictionary<string, string>()) start.Environment[k] = v;
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_stdout) _stdout.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_stderr) _stderr.AppendLine(e.Data); };
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string WorkDir => _workDir;
    public string Stdout { get { lock (_stdout) return _stdout.ToString(); } }
    public string Stderr { get { lock (_stderr) return _stderr.ToString(); } }

    /// <summary>Waits for the exit; null if it is still running after the timeout (then it is killed).</summary>
    public async Task<int?> ExitCodeAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try { await _process.WaitForExitAsync(cts.Token); }
        catch (OperationCanceledException) { return null; }
        _process.WaitForExit();   // flushes the redirected output
        return _process.ExitCode;
    }

    /// <summary>Waits until a line of standard output satisfies the test; null after the timeout.</summary>
    public async Task<string?> WaitForLineAsync(Func<string, bool> test, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until && !_process.HasExited)
        {
            var line = Stdout.Split('\n').Select(l => l.TrimEnd('\r')).FirstOrDefault(test);
            if (line is not null) return line;
            await Task.Delay(200);
        }
        return Stdout.Split('\n').Select(l => l.TrimEnd('\r')).FirstOrDefault(test);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            try { _process.Kill(entireProcessTree: true); _process.WaitForExit(10_000); } catch (InvalidOperationException) { }
        }
        _process.Dispose();
        try { Directory.Delete(_workDir, recursive: true); } catch (IOException) { }
    }
}
