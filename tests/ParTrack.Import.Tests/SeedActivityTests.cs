using FluentAssertions;

namespace ParTrack.Import.Tests;

/// <summary>
/// Due kinds/dates and body lists of the hand-read seed activities (Seed000Tests/Seed002Tests rows).
/// Expected values are the contract's reading of each cell, written by hand.
/// </summary>
internal static class ActivityExpectations
{
    // due text → kind | start | end ("-" = null). Ambiguous texts ("Theo kế hoạch thẩm định hằng năm") are left out.
    public static readonly Dictionary<string, string> Dues = new()
    {
        ["Tháng 12/2024"] = "by|2024-12-01|2024-12-31",
        ["Tháng 01/2025"] = "by|2025-01-01|2025-01-31",
        ["Tháng 01/2024"] = "by|2024-01-01|2024-01-31",
        ["Trước 25/12/2023"] = "by|-|2023-12-25",
        ["Năm 2025"] = "during|2025-01-01|2025-12-31",
        ["Năm 2024"] = "during|2024-01-01|2024-12-31",
        ["Năm 2024-2026"] = "during|2024-01-01|2026-12-31",
        ["Quý I"] = "during|{Y}-01-01|{Y}-03-31",
        ["Quý II"] = "during|{Y}-04-01|{Y}-06-30",
        ["Quý I/2025"] = "during|2025-01-01|2025-03-31",
        ["Quý I/2024"] = "during|2024-01-01|2024-03-31",
        ["Quý IV/2024"] = "during|2024-10-01|2024-12-31",
        ["Quý IV năm 2025"] = "during|2025-10-01|2025-12-31",
        ["Quý II, III/2025"] = "during|2025-04-01|2025-09-30",
        ["Quý II, III/2024"] = "during|2024-04-01|2024-09-30",
        ["Quý I, II năm 2025"] = "during|2025-01-01|2025-06-30",
        ["Quý I, II năm 2024"] = "during|2024-01-01|2024-06-30",
        ["Quý I- IV năm 2025"] = "during|2025-01-01|2025-12-31",
        ["Quý I-IV năm 2025"] = "during|2025-01-01|2025-12-31",
        ["Quý II- IV năm 2025"] = "during|2025-04-01|2025-12-31",
        ["Thường xuyên"] = "continuous|{Y}-01-01|{Y}-12-31",
        ["Theo Kế hoạch của Bộ Nội vụ"] = "event|-|-",
        ["Theo lộ trình đề án được phê duyệt"] = "event|-|-",
        ["Khi có chỉ đạo của Trung ương"] = "event|-|-",
        ["Sau khi các cơ quan TW công bố chỉ số PAPI, PARINDE X, SIPAS"] = "event|-|-",
        ["Sau khi các cơ quan liên quan công bố chỉ số PCI năm 2025"] = "event|-|-",
        ["Sau khi Bộ Thông tin và Truyền thông công bố chỉ số DTI năm 2025"] = "event|-|-",
        ["Sau khi các cơ quan liên quan công bố chỉ số PCI năm 2024"] = "event|-|-",
        ["Sau khi Bộ Thông tin và Truyền thông công bố chỉ số DTI năm 2024"] = "event|-|-",
    };

    // cell → bodies joined by " ¦ ". Cells whose split the contract leaves open are left out.
    public static readonly Dictionary<string, string> Bodies = new()
    {
        ["Sở Nội vụ"] = "Sở Nội vụ",
        ["Sở Tư pháp"] = "Sở Tư pháp",
        ["Sở Tài chính"] = "Sở Tài chính",
        ["Sở TTTT"] = "Sở TTTT",
        ["VP UBND tỉnh"] = "VP UBND tỉnh",
        ["UBND cấp huyện"] = "UBND cấp huyện",
        ["Văn phòng UBND tỉnh"] = "Văn phòng UBND tỉnh",
        ["Sở Thông tin và Truyền thông"] = "Sở Thông tin và Truyền thông",
        ["Sở Kế hoạch và Đầu tư"] = "Sở Kế hoạch và Đầu tư",
        ["Sở Khoa học và Công nghệ"] = "Sở Khoa học và Công nghệ",
        ["Sở Khoa học và Công nghệ."] = "Sở Khoa học và Công nghệ",
        ["Sở, ban, ngành"] = "Sở, ban, ngành",
        ["Các cơ quan liên quan"] = "Các cơ quan liên quan",
        ["Các cơ quan, đơn vị"] = "Các cơ quan, đơn vị",
        ["Các cơ quan, đơn vị áp dụng"] = "Các cơ quan, đơn vị áp dụng",
        ["Các cơ quan, đơn vị áp dụng ISO"] = "Các cơ quan, đơn vị áp dụng ISO",
        ["Các cơ quan, đơn vị, địa phương"] = "Các cơ quan, đơn vị, địa phương",
        ["Các cơ quan chủ trì CCHC của tỉnh"] = "Các cơ quan chủ trì CCHC của tỉnh",
        ["Các sở, ban, ngành cấp tỉnh"] = "Các sở, ban, ngành cấp tỉnh",
        ["Sở, ban, ngành có liên quan"] = "Sở, ban, ngành có liên quan",
        ["Sở, ban, ngành cấp tỉnh"] = "Sở, ban, ngành cấp tỉnh",
        ["Các Sở, ban, ngành có liên quan"] = "Các Sở, ban, ngành có liên quan",
        ["Các sở, ban ngành liên quan"] = "Các sở, ban ngành liên quan",
        ["Các sở, cơ quan, đơn vị thuộc UBND tỉnh"] = "Các sở, cơ quan, đơn vị thuộc UBND tỉnh",
        ["UBND tỉnh (qua Sở Nội vụ thẩm định)"] = "UBND tỉnh (qua Sở Nội vụ thẩm định)",
        ["UBND tỉnh (Sở Nội vụ tham mưu)"] = "UBND tỉnh (Sở Nội vụ tham mưu)",
        ["Sở Khoa học và Công nghệ (chủ trì, phối hợp kiểm tra)"] = "Sở Khoa học và Công nghệ (chủ trì, phối hợp kiểm tra)",
        ["Các cơ quan chủ trì CCHC của tỉnh, các cơ quan liên quan khác"] = "Các cơ quan chủ trì CCHC của tỉnh ¦ các cơ quan liên quan khác",
        ["Các cơ quan chủ trì CCHC của tỉnh, các cơ quan liên quan"] = "Các cơ quan chủ trì CCHC của tỉnh ¦ các cơ quan liên quan",
        ["Các cơ quan chủ trì CCHC của tỉnh, các đơn vị được kiểm tra"] = "Các cơ quan chủ trì CCHC của tỉnh ¦ các đơn vị được kiểm tra",
        ["Các Sở, ban ngành cấp tỉnh, UBND cấp huyện"] = "Các Sở, ban ngành cấp tỉnh ¦ UBND cấp huyện",
        ["Các sở, ban ngành cấp tỉnh, UBND cấp huyện"] = "Các sở, ban ngành cấp tỉnh ¦ UBND cấp huyện",
        ["Các Sở, ban ngành cấp tỉnh, UBND các huyện, thành phố, thị xã"] = "Các Sở, ban ngành cấp tỉnh ¦ UBND các huyện, thành phố, thị xã",
        ["Các sở, ban ngành cấp tỉnh, UBND các huyện, thành phố, thị xã"] = "Các sở, ban ngành cấp tỉnh ¦ UBND các huyện, thành phố, thị xã",
        ["Sở Nội vụ chủ trì đối với nhân rộng mô hình hay; Sở Khoa học và Công nghệ chủ trì đối với áp dụng các sáng kiến CCHC"] =
            "Sở Nội vụ chủ trì đối với nhân rộng mô hình hay ¦ Sở Khoa học và Công nghệ chủ trì đối với áp dụng các sáng kiến CCHC",
        ["Các cơ quan chủ trì các lĩnh vực CCHC tỉnh; cơ quan, đơn vị, địa phương"] = "Các cơ quan chủ trì các lĩnh vực CCHC tỉnh ¦ cơ quan, đơn vị, địa phương",
        ["Sở, ban, ngành cấp tỉnh, UBND cấp huyện"] = "Sở, ban, ngành cấp tỉnh ¦ UBND cấp huyện",
        ["Sở, ban, ngành cấp tỉnh; UBND cấp huyện"] = "Sở, ban, ngành cấp tỉnh ¦ UBND cấp huyện",
        ["Các sở, ban, ngành; UBND cấp huyện"] = "Các sở, ban, ngành ¦ UBND cấp huyện",
        ["Các Sở, ban, ngành; UBND cấp huyện, UBND cấp xã."] = "Các Sở, ban, ngành ¦ UBND cấp huyện ¦ UBND cấp xã",
        ["Văn phòng UBND tỉnh; Tổ công tác theo Quyết định số 2088/QĐ- UBND ngày 14/5/2021 của UBND tỉnh"] =
            "Văn phòng UBND tỉnh ¦ Tổ công tác theo Quyết định số 2088/QĐ- UBND ngày 14/5/2021 của UBND tỉnh",
        ["Văn phòng UBND tỉnh, Trung tâm Hỗ trợ phát triển doanh nghiệp và Xúc tiến đầu tư"] =
            "Văn phòng UBND tỉnh ¦ Trung tâm Hỗ trợ phát triển doanh nghiệp và Xúc tiến đầu tư",
        ["Sở Kế hoạch và Đầu tư, Sở Công Thương, các cơ quan, đơn vị liên quan"] = "Sở Kế hoạch và Đầu tư ¦ Sở Công Thương ¦ các cơ quan, đơn vị liên quan",
        ["Các Sở, ban, ngành, UBND cấp huyện"] = "Các Sở, ban, ngành ¦ UBND cấp huyện",
        ["Sở Nội vụ và các đơn vị liên quan"] = "Sở Nội vụ ¦ các đơn vị liên quan",
        ["Các sở, ban ngành; UBND cấp huyện; đơn vị sự nghiệp"] = "Các sở, ban ngành ¦ UBND cấp huyện ¦ đơn vị sự nghiệp",
        ["Các Sở, ban ngành; UBND cấp huyện; đơn vị sự nghiệp"] = "Các Sở, ban ngành ¦ UBND cấp huyện ¦ đơn vị sự nghiệp",
        ["Các Sở, ngành, đơn vị, UBND cấp huyện"] = "Các Sở, ngành, đơn vị ¦ UBND cấp huyện",
        ["Sở Tài chính; các Sở, ban ngành liên quan"] = "Sở Tài chính ¦ các Sở, ban ngành liên quan",
        ["Sở Thông tin và Truyền thông, Sở Tài chính"] = "Sở Thông tin và Truyền thông ¦ Sở Tài chính",
        ["UBND thành phố Hà Tĩnh và UBND thị xã Kỳ Anh"] = "UBND thành phố Hà Tĩnh ¦ UBND thị xã Kỳ Anh",
        ["Sở TTTT, các cơ quan liên quan"] = "Sở TTTT ¦ các cơ quan liên quan",
    };

    public static void CheckDue(Layouts.Table.TableReadResult result, string line, int year)
    {
        var e = SeedTable.Expected.Parse(line);
        var a = SeedTable.Find(result, e).Activity;
        var parts = Dues[e.Due].Replace("{Y}", year.ToString()).Split('|');
        a.Due.Kind.Should().Be(parts[0], line);
        a.Due.Start.Should().Be(parts[1] == "-" ? null : DateOnly.Parse(parts[1]), line);
        a.Due.End.Should().Be(parts[2] == "-" ? null : DateOnly.Parse(parts[2]), line);
    }

    public static void CheckBodies(Layouts.Table.TableReadResult result, string line)
    {
        var e = SeedTable.Expected.Parse(line);
        var a = SeedTable.Find(result, e).Activity;
        if (e.Lead.Length == 0) a.Lead.Should().BeEmpty(line);
        else if (Bodies.TryGetValue(e.Lead, out var lead)) a.Lead.Should().Equal(lead.Split(" ¦ "), line);
        if (e.Support.Length == 0) a.Support.Should().BeEmpty(line);
        else if (Bodies.TryGetValue(e.Support, out var support)) a.Support.Should().Equal(support.Split(" ¦ "), line);
    }

    public static IEnumerable<object[]> WithDue(string[] rows) =>
        rows.Where(r => Dues.ContainsKey(SeedTable.Expected.Parse(r).Due)).Select(r => new object[] { r });
}

public class Seed000ActivityTests
{
    private static readonly Lazy<Layouts.Table.TableReadResult> Table = new(() => SeedTable.Read("000", 2025).Result);

    public static IEnumerable<object[]> DueRows() => ActivityExpectations.WithDue(Seed000Tests.Activities);
    public static IEnumerable<object[]> Rows() => Seed000Tests.Activities.Select(a => new object[] { a });

    [Theory]
    [MemberData(nameof(DueRows))]
    public void Due_HasKindAndWindow(string line) => ActivityExpectations.CheckDue(Table.Value, line, 2025);

    [Theory]
    [MemberData(nameof(Rows))]
    public void LeadAndSupport_AreOneEntryPerBody(string line) => ActivityExpectations.CheckBodies(Table.Value, line);
}

public class Seed002ActivityTests
{
    private static readonly Lazy<Layouts.Table.TableReadResult> Table = new(() => SeedTable.Read("002", 2024).Result);

    public static IEnumerable<object[]> DueRows() => ActivityExpectations.WithDue(Seed002Tests.Activities);
    public static IEnumerable<object[]> Rows() => Seed002Tests.Activities.Select(a => new object[] { a });

    [Theory]
    [MemberData(nameof(DueRows))]
    public void Due_HasKindAndWindow(string line) => ActivityExpectations.CheckDue(Table.Value, line, 2024);

    [Theory]
    [MemberData(nameof(Rows))]
    public void LeadAndSupport_AreOneEntryPerBody(string line) => ActivityExpectations.CheckBodies(Table.Value, line);
}
