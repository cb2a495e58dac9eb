using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ParTrack.Tests.Reporting;

/// <summary>
/// A tiny SMTP server on 127.0.0.1 (any free port) that accepts every message and keeps it: just enough
/// of RFC 5321 (EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT) for MailKit's SmtpClient without TLS.
/// </summary>
public sealed class SmtpListener : IAsyncDisposable
{
    public sealed record Message(string From, IReadOnlyList<string> To, string Data);

    readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    readonly CancellationTokenSource _stop = new();
    readonly Task _loop;
    readonly List<Message> _messages = [];

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public IReadOnlyList<Message> Messages { get { lock (_messages) return [.. _messages]; } }

    public SmtpListener()
    {
        _listener.Start();
        _loop = AcceptAsync();
    }

    async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (OperationCanceledException) { return; }
            catch (SocketException) { return; }
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 localhost test SMTP");
        string from = "";
        var to = new List<string>();
        while (await reader.ReadLineAsync() is { } line)
        {
            var verb = line.Split(' ', 2)[0].ToUpperInvariant();
            switch (verb)
            {
                case "EHLO": await writer.WriteLineAsync("250-localhost"); await writer.WriteLineAsync("250 8BITMIME"); break;
                case "HELO": await writer.WriteLineAsync("250 localhost"); break;
                case "MAIL": from = Address(line); to.Clear(); await writer.WriteLineAsync("250 OK"); break;
                case "RCPT": to.Add(Address(line)); await writer.WriteLineAsync("250 OK"); break;
                case "DATA":
                    await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                    var data = new StringBuilder();
                    while (await reader.ReadLineAsync() is { } d && d != ".")
                        data.AppendLine(d.StartsWith("..") ? d[1..] : d);
                    lock (_messages) _messages.Add(new Message(from, [.. to], data.ToString()));
                    await writer.WriteLineAsync("250 OK queued");
                    break;
                case "QUIT": await writer.WriteLineAsync("221 Bye"); return;
                default: await writer.WriteLineAsync("250 OK"); break;   // RSET, NOOP
            }
        }
    }

    static string Address(string line) => line[(line.IndexOf('<') + 1)..line.LastIndexOf('>')];

    /// <summary>The Subject header of a message, decoded (RFC 2047 encoded words) by MimeKit.</summary>
    public static string Subject(Message m)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(m.Data));
        return MimeKit.MimeMessage.Load(stream).Subject ?? "";
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        try { await _loop; } catch (Exception) { /* stopping */ }
        _stop.Dispose();
    }
}
