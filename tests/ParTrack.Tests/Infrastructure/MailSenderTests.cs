using FluentAssertions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ParTrack.Features.Notifications;
using ParTrack.Operations;
using ParTrack.Tests.Reporting;

namespace ParTrack.Tests.Infrastructure;

/// <summary>E-mail through MailKit to a real (tiny, in-process) SMTP server; without one, only a log line.</summary>
public sealed class MailSenderTests
{
    [Fact]
    public async Task WithSmtp_TheServerReceivesTheMessage_InVietnamese()
    {
        await using var smtp = new SmtpListener();
        var sender = Sender(new SmtpOptions { Host = "127.0.0.1", Port = smtp.Port, EnableSsl = false, From = "cchc@hatinh.gov.vn" }, new ListLogger());

        await sender.SendAsync("vanthu.snv@hatinh.gov.vn", "Báo cáo Quý I/2025 đã quá hạn", "Đề nghị Sở Nội vụ nộp báo cáo.", default);

        var message = smtp.Messages.Should().ContainSingle().Subject;
        message.From.Should().Be("cchc@hatinh.gov.vn");
        message.To.Should().Equal("vanthu.snv@hatinh.gov.vn");
        SmtpListener.Subject(message).Should().Be("Báo cáo Quý I/2025 đã quá hạn");
    }

    [Fact]
    public async Task WithoutSmtp_TheMessageIsLogged_AndNothingIsSent()
    {
        var log = new ListLogger();
        var sender = Sender(new SmtpOptions(), log);

        await sender.SendAsync("vanthu.snv@hatinh.gov.vn", "Nhắc nộp báo cáo", "…", default);

        sender.IsConfigured.Should().BeFalse();
        log.Lines.Should().ContainSingle(l => l.Contains("vanthu.snv@hatinh.gov.vn") && l.Contains("Nhắc nộp báo cáo"));
    }

    [Fact]
    public async Task ServerNotThere_FailsWithAnErrorNamingTheAddress()
    {
        int port;
        await using (var closed = new SmtpListener()) port = closed.Port;   // a port nobody listens on any more
        var sender = Sender(new SmtpOptions { Host = "127.0.0.1", Port = port, EnableSsl = false, From = "cchc@hatinh.gov.vn" }, new ListLogger());

        var send = () => sender.SendAsync("vanthu.snv@hatinh.gov.vn", "x", "y", default);

        (await send.Should().ThrowAsync<MailNotSentException>()).Which.Message.Should().Contain("vanthu.snv@hatinh.gov.vn");
    }

    static SmtpMailSender Sender(SmtpOptions options, ListLogger log) => new(Options.Create(options), log);

    sealed class ListLogger : ILogger<SmtpMailSender>
    {
        public List<string> Lines { get; } = [];
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add(formatter(state, exception));
    }
}
