using System.Text.Json;
using System.Text.Json.Serialization;

namespace ParTrack.Domain.Satisfaction;

/// <summary>Nhận định (agree 1–5, not in the index), hài lòng (1–5, the index), mong đợi (choose up to N options).</summary>
public enum QuestionKind { Perception, Satisfaction, Expectation }

public sealed record Question(string Key, QuestionKind Kind, string Text, IReadOnlyList<string>? Options = null, int MaxChoices = 0);

/// <summary>A factor (yếu tố) of the questionnaire with its questions, in the order they are asked.</summary>
public sealed record QuestionnaireFactor(string Key, string Title, IReadOnlyList<Question> Questions);

/// <summary>A campaign's questionnaire, stored as one JSON value (its revision counts saved edits).</summary>
public sealed record Questionnaire(IReadOnlyList<QuestionnaireFactor> Factors)
{
    public const int MaxQuestions = 120, MaxOptions = 12;

    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public IEnumerable<Question> Questions => Factors.SelectMany(f => f.Questions);

    /// <summary>The factors as the index sees them: only their satisfaction questions.</summary>
    public IReadOnlyList<SurveyFactor> IndexFactors() => Factors
        .Select(f => new SurveyFactor(f.Key, f.Title, f.Questions.Where(q => q.Kind == QuestionKind.Satisfaction).Select(q => q.Key).ToList()))
        .Where(f => f.QuestionKeys.Count > 0).ToList();

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static Questionnaire Parse(string json) =>
        string.IsNullOrWhiteSpace(json) ? new([]) : JsonSerializer.Deserialize<Questionnaire>(json, Json) ?? new([]);

    /// <summary>Problems a coordinator must fix before the form opens (Vietnamese messages).</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!Questions.Any(q => q.Kind == QuestionKind.Satisfaction))
            problems.Add("Phiếu cần ít nhất một câu hỏi về mức độ hài lòng (thang 5 mức) để tính chỉ số.");
        if (Questions.Count() > MaxQuestions) problems.Add($"Phiếu có quá {MaxQuestions} câu hỏi.");
        foreach (var dup in Questions.GroupBy(q => q.Key).Where(g => g.Count() > 1))
            problems.Add($"Mã câu hỏi \"{dup.Key}\" bị trùng.");
        foreach (var q in Questions.Where(q => q.Kind == QuestionKind.Expectation))
        {
            if (q.Options is not { Count: >= 2 } options || options.Count > MaxOptions)
                problems.Add($"Câu \"{q.Key}\": câu hỏi mong đợi cần từ 2 đến {MaxOptions} lựa chọn.");
            else if (q.MaxChoices < 1 || q.MaxChoices > options.Count)
                problems.Add($"Câu \"{q.Key}\": số lựa chọn tối đa phải từ 1 đến {options.Count}.");
        }
        return problems;
    }

    /// <summary>
    /// A SIPAS-shaped starting questionnaire (the five factors of DOMAIN §9), for a province's first campaign;
    /// later campaigns copy last year's.
    /// </summary>
    public static Questionnaire Sipas()
    {
        static Question S(string key, string text) => new(key, QuestionKind.Satisfaction, text);
        static Question P(string key, string text) => new(key, QuestionKind.Perception, text);
        return new([
            new("access", "Tiếp cận dịch vụ", [
                P("p1", "Nơi tiếp nhận hồ sơ dễ tìm, có đủ chỗ ngồi và trang thiết bị."),
                S("s1", "Ông/Bà hài lòng về việc tiếp cận dịch vụ tại bộ phận một cửa?")]),
            new("procedure", "Thủ tục hành chính", [
                P("p2", "Thủ tục được niêm yết công khai, đầy đủ, dễ hiểu."),
                S("s2", "Ông/Bà hài lòng về thủ tục hành chính đã thực hiện?")]),
            new("staff", "Công chức giải quyết công việc", [
                P("p3", "Công chức có thái độ lịch sự, hướng dẫn tận tình, dễ hiểu."),
                S("s3", "Ông/Bà hài lòng về sự phục vụ của công chức?")]),
            new("result", "Kết quả giải quyết", [
                P("p4", "Hồ sơ được trả đúng hẹn, kết quả chính xác."),
                S("s4", "Ông/Bà hài lòng về kết quả giải quyết thủ tục hành chính?")]),
            new("feedback", "Tiếp nhận, xử lý góp ý, phản ánh", [
                S("s5", "Ông/Bà hài lòng về việc tiếp nhận và xử lý góp ý, phản ánh, kiến nghị?")]),
            new("expect", "Mong đợi", [
                new("e1", QuestionKind.Expectation, "Ông/Bà mong cơ quan nhà nước cải thiện điều gì nhất? (chọn tối đa 3)",
                    ["Rút ngắn thời gian giải quyết", "Giảm giấy tờ, thủ tục", "Mở rộng dịch vụ công trực tuyến",
                     "Nâng cao thái độ phục vụ", "Công khai, minh bạch thông tin", "Giảm phí, lệ phí"], 3)]),
        ]);
    }
}
