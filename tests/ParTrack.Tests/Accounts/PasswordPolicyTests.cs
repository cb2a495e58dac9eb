using FluentAssertions;
using Microsoft.Extensions.Localization;
using ParTrack.Features.Accounts;

namespace ParTrack.Tests.Accounts;

/// <summary>Issue 19, finding 13: NIST 800-63B passwords (length 10, no common ones, not the user name).</summary>
public sealed class PasswordPolicyTests
{
    static readonly PasswordPolicy Policy = new();

    sealed class Echo : IStringLocalizer
    {
        public LocalizedString this[string name] => new(name, name);
        public LocalizedString this[string name, params object[] arguments] => new(name, string.Format(name, arguments));
        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }

    [Theory]
    [InlineData("12345678", "ít nhất 10")]
    [InlineData("Abc@1234", "ít nhất 10")]
    [InlineData("1234567890", "quá phổ biến")]
    [InlineData("password123", "quá phổ biến")]
    [InlineData("Password123", "quá phổ biến")]
    [InlineData("matkhau123", "quá phổ biến")]
    [InlineData("MatKhau@123", "quá phổ biến")]
    [InlineData("anhyeuem123", "quá phổ biến")]
    [InlineData("qwertyuiop", "quá phổ biến")]
    [InlineData("aaaaaaaaaaaa", "quá phổ biến")]
    [InlineData("nguyenvana-2025", "tên đăng nhập")]
    [InlineData("partrack2025!", "tên đăng nhập")]
    public void Refuses(string password, string why) =>
        Policy.Check(password, "nguyenvana", new Echo()).Should().Contain(why);

    [Theory]
    [InlineData("Ba con mèo trèo cây cau")]
    [InlineData("Cay-da-gieng-nuoc-2025")]
    [InlineData("hoa sen trong đầm")]
    public void Accepts(string password) => Policy.Check(password, "nguyenvana", new Echo()).Should().BeNull();

    [Fact]
    public void TheShippedList_HasThousandsOfEntries() => Policy.CommonCount.Should().BeGreaterThan(3000);
}
