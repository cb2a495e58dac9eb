namespace ParTrack.Domain.ParIndex;

public static class CriteriaSetValidation
{
    /// <summary>Problems that make a set unusable, in Vietnamese; empty when it is sound.</summary>
    public static IReadOnlyList<ValidationError> Validate(CriteriaSet set)
    {
        var errors = new List<ValidationError>();
        var codes = new HashSet<string>(StringComparer.Ordinal);
        void Code(string code, string field)
        {
            if (string.IsNullOrWhiteSpace(code))
                errors.Add(new(field, "Có mục chưa có mã số. Hãy đánh mã cho mọi lĩnh vực, tiêu chí và tiêu chí thành phần."));
            else if (!codes.Add(code))
                errors.Add(new(field, $"Mã {code} bị trùng. Mỗi lĩnh vực, tiêu chí, tiêu chí thành phần cần một mã riêng."));
        }

        if (set.Areas.Count == 0)
            errors.Add(new("Areas", "Bộ tiêu chí chưa có lĩnh vực nào. Hãy thêm ít nhất một lĩnh vực."));
        foreach (var area in set.Areas)
        {
            Code(area.Code, $"Areas[{area.Code}]");
            if (area.Criteria.Count == 0)
                errors.Add(new(area.Code, $"Lĩnh vực {area.Code} chưa có tiêu chí nào. Hãy thêm tiêu chí hoặc xóa lĩnh vực."));
            foreach (var criterion in area.Criteria)
            {
                Code(criterion.Code, criterion.Code);
                if (criterion.SubCriteria.Count == 0)
                    errors.Add(new(criterion.Code, $"Tiêu chí {criterion.Code} chưa có tiêu chí thành phần để chấm điểm."));
                foreach (var sub in criterion.SubCriteria)
                {
                    Code(sub.Code, sub.Code);
                    ValidateLeaf(sub, errors);
                }
            }
        }

        if (set.Areas.Count > 0 && set.MaxPoints != 100)
            errors.Add(new("MaxPoints",
                $"Tổng điểm tối đa của bộ tiêu chí là {NumberText.Vietnamese(set.MaxPoints)}, phải bằng 100. " +
                "Hãy điều chỉnh điểm của các tiêu chí."));
        return errors;
    }

    private static void ValidateLeaf(ParSubCriterion sub, List<ValidationError> errors)
    {
        string code = sub.Code;
        if (sub.MaxPoints <= 0 || sub.MaxPoints != ParRounding.Points(sub.MaxPoints))
            errors.Add(new(code, $"Điểm tối đa của tiêu chí {code} phải lớn hơn 0 và có tối đa hai chữ số thập phân."));
        switch (sub.Scoring)
        {
            case LevelsScoring levels:
                if (levels.Levels.Count == 0)
                    errors.Add(new(code, $"Tiêu chí {code} chấm theo mức nhưng chưa có mức điểm nào."));
                foreach (var l in levels.Levels)
                    if (l < 0 || l > sub.MaxPoints)
                        errors.Add(new(code, $"Mức điểm {NumberText.Vietnamese(l)} của tiêu chí {code} nằm ngoài khoảng 0 đến {NumberText.Vietnamese(sub.MaxPoints)}."));
                break;
            case RatioScoring ratio:
                if (ratio.Thresholds.Count == 0)
                    errors.Add(new(code, $"Tiêu chí {code} chấm theo tỷ lệ nhưng chưa có ngưỡng nào."));
                foreach (var t in ratio.Thresholds)
                    if (t.MinRatio is < 0 or > 1 || t.ShareOfMax is < 0 or > 1)
                        errors.Add(new(code, $"Ngưỡng của tiêu chí {code}: tỷ lệ và phần điểm phải từ 0 đến 1 (100%)."));
                break;
        }
    }
}
