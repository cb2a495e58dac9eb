"""The corpus plans, written for ParTrack's tests (not copied from any published plan)."""
from make_corpus import Plan, act

PROVINCE_SIGN = ["Nơi nhận:", "- Bộ Nội vụ;", "- Lưu: VT, NC.", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]

def base(**kw):
    d = dict(headerTable=False, heading=[], preamble=[], before=[], after=[], columns=None, capsAreas=True,
             bodyLines=False, areas=[], type="Kế hoạch")
    d.update(kw)
    return Plan(**d)

C10 = [("tt", "TT"), ("target", "Mục tiêu/Chỉ tiêu"), ("task", "Nhiệm vụ"), ("activity", "Hoạt động"), ("output", "Kết quả, sản phẩm"),
       ("lead", "Cơ quan chủ trì"), ("support", "Cơ quan phối hợp"), ("due", "Thời gian hoàn thành"), ("budget", "Kinh phí"), ("note", "Ghi chú")]
C8 = [("tt", "STT"), ("task", "Nhiệm vụ"), ("activity", "Hoạt động"), ("output", "Sản phẩm"), ("lead", "Đơn vị chủ trì"),
      ("support", "Đơn vị phối hợp"), ("due", "Thời hạn"), ("budget", "Nguồn kinh phí")]
C7 = [("tt", "STT"), ("task", "Nội dung công việc"), ("output", "Kết quả"), ("lead", "Chủ trì thực hiện"), ("support", "Phối hợp"),
      ("due", "Thời gian thực hiện"), ("note", "Ghi chú")]
C7_NO_STT = [("task", "Nhiệm vụ"), ("activity", "Hoạt động"), ("output", "Sản phẩm"), ("lead", "Chủ trì"), ("support", "Phối hợp"),
             ("due", "Thời gian hoàn thành"), ("budget", "Kinh phí")]
C9 = [("tt", "TT"), ("task", "Nhiệm vụ"), ("activity", "Hoạt động"), ("output", "Kết quả, sản phẩm"), ("lead", "Cơ quan chủ trì"),
      ("support", "Cơ quan phối hợp"), ("due", "Thời gian hoàn thành"), ("budget", "Kinh phí"), ("note", "Ghi chú")]

SNV, STP, VP, STTTT, STC = "Sở Nội vụ", "Sở Tư pháp", "Văn phòng UBND tỉnh", "Sở Thông tin và Truyền thông", "Sở Tài chính"
ALL = "Các sở, ban, ngành"
DIST = "UBND các huyện, thành phố"

# 01: a province's annual plan issued on its own (no decision), 10 columns, targets in the table.
p01 = base(
    id="01-tinh-nam-10cot", letterhead=["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG TRỊ"], number="288/KH-UBND", place="Quảng Trị",
    day=28, month=12, yearSigned=2021, issuedOn="2021-12-28", issuer="UBND tỉnh Quảng Trị", signer="Hoàng Nam Phương",
    title="Kế hoạch cải cách hành chính năm 2022", fromYear=2022, toYear=2022,
    heading=["KẾ HOẠCH", "Cải cách hành chính năm 2022"],
    preamble=["Căn cứ Nghị quyết số 76/NQ-CP ngày 15 tháng 7 năm 2021 của Chính phủ ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030;",
              "Thực hiện Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVII, nhiệm kỳ 2020 - 2025, Ủy ban nhân dân tỉnh ban hành Kế hoạch cải cách hành chính năm 2022 như sau:"],
    before=["I. MỤC ĐÍCH, YÊU CẦU", "Bám sát chỉ đạo của Chính phủ, gắn trách nhiệm người đứng đầu với kết quả cải cách hành chính của cơ quan mình.",
            "II. NHIỆM VỤ VÀ GIẢI PHÁP", "Các nhiệm vụ cụ thể được giao tại bảng dưới đây."],
    after=["III. TỔ CHỨC THỰC HIỆN", "Thủ trưởng các cơ quan, đơn vị chủ động bố trí nguồn lực để thực hiện các nhiệm vụ được giao; báo cáo kết quả về Sở Nội vụ để tổng hợp."],
    signature=PROVINCE_SIGN + ["Hoàng Nam Phương"], columns=C10,
    areas=[
        dict(code="I", title="Công tác chỉ đạo, điều hành", targets=[
                dict(code="1", text="Hoàn thành 100% nhiệm vụ cải cách hành chính được giao trong năm", measures=[dict(level=None, comparator="atLeast", value=100, unit="%")])],
             tasks=[
                dict(code="1.1", target="1", text="Ban hành và triển khai kế hoạch cải cách hành chính", acts=[
                    act("Xây dựng kế hoạch cải cách hành chính năm 2022 của tỉnh", [SNV], [ALL], "Tháng 12/2021", "Kế hoạch được ban hành", "Ngân sách tỉnh", code="1.1.1"),
                    act("Hướng dẫn các cơ quan xây dựng kế hoạch của đơn vị mình", [SNV], [], "Quý I", "Văn bản hướng dẫn", "Ngân sách tỉnh", code="1.1.2")]),
                dict(code="1.2", target="1", text="Kiểm tra việc thực hiện cải cách hành chính tại các cơ quan", acts=[
                    act("Kiểm tra cải cách hành chính tại ít nhất 10 cơ quan, địa phương", [SNV], [VP, STP], "Quý II, III", "Báo cáo kết quả kiểm tra", "Ngân sách tỉnh", code="1.2.1")])]),
        dict(code="II", title="Cải cách thể chế", targets=[
                dict(code="2", text="Rà soát 100% văn bản quy phạm pháp luật do tỉnh ban hành", measures=[dict(level=None, comparator="atLeast", value=100, unit="%")])],
             tasks=[
                dict(code="2.1", target="2", text="Rà soát, hệ thống hóa văn bản quy phạm pháp luật", acts=[
                    act("Rà soát văn bản quy phạm pháp luật thuộc lĩnh vực quản lý", [STP], [ALL], "Thường xuyên", "Danh mục văn bản cần sửa đổi", None, code="2.1.1"),
                    act("Công bố danh mục văn bản hết hiệu lực", [STP], [VP], "Trước 31/3", "Quyết định công bố", None, code="2.1.2")])]),
        dict(code="III", title="Cải cách thủ tục hành chính", targets=[
                dict(code="3", text="Tỷ lệ hồ sơ giải quyết đúng hạn đạt từ 98% trở lên", measures=[dict(level=None, comparator="atLeast", value=98, unit="%")])],
             tasks=[
                dict(code="3.1", target="3", text="Kiểm soát thủ tục hành chính và đơn giản hóa", acts=[
                    act("Cập nhật, công khai thủ tục hành chính trên cổng dịch vụ công", [VP], [ALL], "Quý I Quý IV", "Thủ tục được công khai đầy đủ", None, code="3.1.1"),
                    act("Đánh giá mức độ hài lòng của người dân", [VP], [SNV, DIST], "Tháng 6 và tháng 12", "Báo cáo đánh giá", "Ngân sách tỉnh", code="3.1.2")])]),
    ])
p01.type = "Kế hoạch"

# 02: a city's annual plan, header as a two-column table, 8 columns, bodies written one per line.
TP = "Phòng Nội vụ"
p02 = base(
    id="02-thanhpho-8cot-bangdau", letterhead=["ỦY BAN NHÂN DÂN", "THÀNH PHỐ BẢO LỘC"], headerTable=True, number="41/KH-UBND", place="Bảo Lộc",
    day=10, month=1, yearSigned=2023, issuedOn="2023-01-10", issuer="UBND thành phố Bảo Lộc", signer="Trần Quốc Việt",
    title="Kế hoạch cải cách hành chính năm 2023 trên địa bàn thành phố", fromYear=2023, toYear=2023,
    heading=["KẾ HOẠCH", "Cải cách hành chính năm 2023 trên địa bàn thành phố"],
    preamble=["Thực hiện Kế hoạch số 120/KH-UBND ngày 25 tháng 12 năm 2022 của UBND tỉnh về cải cách hành chính giai đoạn 2021 - 2025;"],
    before=["I. MỤC TIÊU", "Nâng cao chất lượng phục vụ người dân, doanh nghiệp tại bộ phận một cửa.", "II. NHIỆM VỤ CỤ THỂ"],
    after=["III. TỔ CHỨC THỰC HIỆN", "Phòng Nội vụ theo dõi, đôn đốc và tổng hợp báo cáo Chủ tịch UBND thành phố."],
    signature=["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Trần Quốc Việt"], columns=C8, bodyLines=True,
    areas=[
        dict(code="I", title="Cải cách tổ chức bộ máy", tasks=[
            dict(code="1", stt="1", text="Sắp xếp tổ chức các đơn vị sự nghiệp", printCode=False, acts=[
                act("Rà soát chức năng, nhiệm vụ các đơn vị sự nghiệp công lập", [TP], ["Phòng Tài chính - Kế hoạch", "Các đơn vị sự nghiệp"], "Quý II", "Báo cáo rà soát", "Ngân sách thành phố"),
                act("Trình phương án sắp xếp đơn vị sự nghiệp", [TP], [], "Quý IV", "Tờ trình phương án", "Ngân sách thành phố")]),
            dict(code="2", stt="2", text="Quản lý biên chế và vị trí việc làm", printCode=False, acts=[
                act("Cập nhật đề án vị trí việc làm của các phòng chuyên môn", [TP], ["Các phòng chuyên môn"], "6 tháng đầu năm", "Đề án được phê duyệt", None)])]),
        dict(code="II", title="Hiện đại hóa hành chính", tasks=[
            dict(code="3", stt="3", text="Chuyển đổi số trong cơ quan hành chính", printCode=False, acts=[
                act("Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", ["Văn phòng HĐND và UBND thành phố"], ["Phòng Văn hóa và Thông tin", "UBND các phường, xã"], "Quý I – Quý IV", "Hồ sơ được số hóa", "Ngân sách thành phố"),
                act("Duy trì hệ thống quản lý chất lượng theo tiêu chuẩn quốc gia", ["Văn phòng HĐND và UBND thành phố"], [TP], "Hằng quý", "Báo cáo đánh giá nội bộ", "Ngân sách thành phố")])]),
    ])

# 03: a department's annual plan (7 columns, no activity column), citing the province plan and a 2021–2030 programme.
p03 = base(
    id="03-so-7cot", letterhead=["UBND TỈNH LÂM ĐỒNG", "SỞ TƯ PHÁP"], number="15/KH-STP", place="Lâm Đồng",
    day=6, month=1, yearSigned=2023, issuedOn="2023-01-06", issuer="Sở Tư pháp", signer="Nguyễn Thị Hạnh",
    title="Kế hoạch cải cách hành chính năm 2023 của Sở Tư pháp", fromYear=2023, toYear=2023,
    heading=["KẾ HOẠCH", "Cải cách hành chính năm 2023 của Sở Tư pháp"],
    preamble=["Căn cứ Kế hoạch số 9050/KH-UBND ngày 20 tháng 12 năm 2022 của UBND tỉnh về cải cách hành chính năm 2023;",
              "Thực hiện Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030, Sở Tư pháp xây dựng kế hoạch như sau:"],
    before=["I. MỤC ĐÍCH, YÊU CẦU", "Triển khai đồng bộ các nội dung cải cách hành chính trong phạm vi quản lý của Sở.", "II. NỘI DUNG"],
    after=["III. TỔ CHỨC THỰC HIỆN", "Văn phòng Sở là đầu mối theo dõi việc thực hiện kế hoạch này."],
    signature=["Nơi nhận:", "- UBND tỉnh;", "- Lưu: VT.", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Thị Hạnh"], columns=C7,
    areas=[
        dict(code="I", title="Cải cách thể chế", tasks=[
            dict(code="1", stt="1", text="Tham mưu xây dựng văn bản quy phạm pháp luật của tỉnh", printCode=False, acts=[
                act(None, ["Phòng Xây dựng và Kiểm tra văn bản"], ["Các sở, ngành liên quan"], "Thường xuyên", "Dự thảo văn bản")]),
            dict(code="2", stt="2", text="Theo dõi tình hình thi hành pháp luật", printCode=False, acts=[
                act(None, ["Phòng Quản lý xử lý vi phạm hành chính và Theo dõi thi hành pháp luật"], [], "Tháng 11", "Báo cáo năm")])]),
        dict(code="II", title="Cải cách thủ tục hành chính", tasks=[
            dict(code="3", stt="3", text="Rà soát, đơn giản hóa thủ tục hành chính thuộc thẩm quyền của Sở", printCode=False, acts=[
                act(None, ["Văn phòng Sở"], ["Các phòng chuyên môn"], "Quý II, III", "Phương án đơn giản hóa")]),
            dict(code="4", stt="4", text="Tiếp nhận, giải quyết hồ sơ trên cổng dịch vụ công trực tuyến", printCode=False, acts=[
                act(None, ["Văn phòng Sở"], ["Trung tâm Phục vụ hành chính công tỉnh"], "Thường xuyên", "Hồ sơ giải quyết đúng hạn")])]),
    ])

# 04: a commune's plan, 7 columns without STT, a decision letterhead for a commune.
p04 = base(
    id="04-xa-7cot-khongstt", letterhead=["ỦY BAN NHÂN DÂN", "XÃ TÂN HỘI"], number="05/KH-UBND", place="Tân Hội",
    day=12, month=1, yearSigned=2024, issuedOn="2024-01-12", issuer="UBND xã Tân Hội", signer="Phạm Văn Lợi",
    title="Kế hoạch cải cách hành chính năm 2024 của UBND xã Tân Hội", fromYear=2024, toYear=2024,
    heading=["KẾ HOẠCH", "Cải cách hành chính năm 2024 của UBND xã Tân Hội"],
    preamble=["Thực hiện Kế hoạch của UBND huyện về cải cách hành chính năm 2024, UBND xã ban hành kế hoạch như sau:"],
    before=["I. MỤC ĐÍCH", "Giải quyết kịp thời hồ sơ của người dân tại bộ phận một cửa của xã.", "II. NHIỆM VỤ"],
    after=["III. TỔ CHỨC THỰC HIỆN", "Công chức Văn phòng - Thống kê theo dõi và báo cáo kết quả cho Chủ tịch UBND xã."],
    signature=["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Phạm Văn Lợi"], columns=C7_NO_STT, capsAreas=False,
    areas=[
        dict(code="I", title="Cải cách thủ tục hành chính", tasks=[
            dict(code="1", text="Niêm yết công khai thủ tục hành chính", acts=[
                act("Niêm yết thủ tục tại bộ phận một cửa của xã", ["Công chức Văn phòng - Thống kê"], ["Công chức Tư pháp - Hộ tịch"], "Quý I", "Bảng niêm yết", "Ngân sách xã", code="1.1"),
                act("Cập nhật khi có thủ tục mới được công bố", ["Công chức Văn phòng - Thống kê"], [], "Thường xuyên", None, None, code="1.2")])]),
        dict(code="II", title="Cải cách chế độ công vụ", tasks=[
            dict(code="2", text="Nâng cao kỷ luật, kỷ cương hành chính", acts=[
                act("Tổ chức đối thoại giữa Chủ tịch UBND xã với người dân", ["Chủ tịch UBND xã"], ["Mặt trận Tổ quốc xã"], "Tháng 6", "Biên bản đối thoại", "Ngân sách xã", code="2.1"),
                act("Đánh giá, xếp loại cán bộ, công chức xã", ["Chủ tịch UBND xã"], ["Công chức Văn phòng - Thống kê"], "Tháng 12", "Kết quả xếp loại", None, code="2.2")])]),
    ])

# 05: a ministry's five-year plan, decision + plan, 9 columns, year ranges.
BNV = "Vụ Cải cách hành chính"
p05 = base(
    id="05-bo-5nam-9cot", letterhead=["BỘ NỘI VỤ"], number="820/QĐ-BNV", place="Hà Nội", type="Quyết định",
    day=15, month=9, yearSigned=2021, issuedOn="2021-09-15", issuer="Bộ Nội vụ", signer="Vũ Đăng Minh",
    title="Kế hoạch cải cách hành chính của Bộ Nội vụ giai đoạn 2021 - 2025", fromYear=2021, toYear=2025,
    heading=["QUYẾT ĐỊNH", "Ban hành Kế hoạch cải cách hành chính của Bộ Nội vụ giai đoạn 2021 - 2025", "BỘ TRƯỞNG BỘ NỘI VỤ"],
    preamble=["Căn cứ Nghị quyết số 76/NQ-CP ngày 15 tháng 7 năm 2021 của Chính phủ ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030;",
              "QUYẾT ĐỊNH:",
              "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch cải cách hành chính của Bộ Nội vụ giai đoạn 2021 - 2025.",
              "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.", "KẾ HOẠCH", "Cải cách hành chính của Bộ Nội vụ giai đoạn 2021 - 2025"],
    before=["I. MỤC TIÊU", "Xây dựng nền hành chính phục vụ, chuyên nghiệp trong các lĩnh vực quản lý của Bộ.", "II. NHIỆM VỤ"],
    after=["III. TỔ CHỨC THỰC HIỆN", "Vụ Cải cách hành chính giúp Bộ trưởng theo dõi, đôn đốc việc thực hiện."],
    signature=["KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "Vũ Đăng Minh"], columns=C9,
    areas=[
        dict(code="I", title="Cải cách thể chế", tasks=[
            dict(code="1", stt="1", text="Hoàn thiện thể chế về công vụ, công chức", printCode=False, acts=[
                act("Xây dựng dự án luật sửa đổi về cán bộ, công chức", ["Vụ Công chức - Viên chức"], ["Vụ Pháp chế"], "Năm 2023", "Hồ sơ dự án luật", "Ngân sách trung ương", code="1.1"),
                act("Rà soát các thông tư hướng dẫn thuộc lĩnh vực nội vụ", ["Vụ Pháp chế"], ["Các đơn vị thuộc Bộ"], "Hằng năm", "Báo cáo rà soát", "Ngân sách trung ương", code="1.2")])]),
        dict(code="II", title="Cải cách chế độ công vụ", tasks=[
            dict(code="2", stt="2", text="Đổi mới tuyển dụng và đánh giá công chức", printCode=False, acts=[
                act("Thí điểm thi tuyển lãnh đạo cấp vụ", ["Vụ Tổ chức cán bộ"], [BNV], "2022 - 2023", "Báo cáo sơ kết thí điểm", "Ngân sách trung ương", code="2.1"),
                act("Ứng dụng phần mềm đánh giá công chức theo kết quả công việc", ["Trung tâm Thông tin"], ["Vụ Tổ chức cán bộ"], "2021 - 2025", "Phần mềm được vận hành", "Ngân sách trung ương", code="2.2")])]),
    ])

# 06: a province's five-year plan, 9 columns whose body columns sit under one "Cơ quan thực hiện" header.
p06 = base(
    id="06-tinh-5nam-9cot", letterhead=["ỦY BAN NHÂN DÂN", "TỈNH NINH THUẬN"], number="4410/KH-UBND", place="Ninh Thuận",
    day=30, month=9, yearSigned=2021, issuedOn="2021-09-30", issuer="UBND tỉnh Ninh Thuận", signer="Lê Huyền",
    title="Kế hoạch cải cách hành chính nhà nước giai đoạn 2021 - 2025 tỉnh Ninh Thuận", fromYear=2021, toYear=2025,
    heading=["KẾ HOẠCH", "Cải cách hành chính nhà nước giai đoạn 2021 - 2025 tỉnh Ninh Thuận"],
    preamble=["Căn cứ Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030;"],
    before=["I. MỤC TIÊU CHUNG", "Xây dựng nền hành chính tỉnh minh bạch, phục vụ.", "II. NHIỆM VỤ"],
    after=["III. TỔ CHỨC THỰC HIỆN", "Sở Nội vụ là cơ quan thường trực, tham mưu UBND tỉnh theo dõi việc thực hiện."],
    signature=PROVINCE_SIGN + ["Lê Huyền"], columns=C9,
    areas=[
        dict(code="I", title="Cải cách tài chính công", tasks=[
            dict(code="1", stt="1", text="Đổi mới cơ chế tự chủ của đơn vị sự nghiệp công lập", printCode=False, acts=[
                act("Giao quyền tự chủ tài chính cho đơn vị sự nghiệp", [STC], [SNV, ALL], "Hằng năm", "Quyết định giao tự chủ", "Ngân sách tỉnh", code="1.1"),
                act("Tổng kết việc thực hiện cơ chế tự chủ", [STC], [], "Năm 2025", "Báo cáo tổng kết", "Ngân sách tỉnh", code="1.2")])]),
        dict(code="II", title="Xây dựng chính quyền số", tasks=[
            dict(code="2", stt="2", text="Phát triển hạ tầng và nền tảng số dùng chung", printCode=False, acts=[
                act("Xây dựng kho dữ liệu dùng chung của tỉnh", [STTTT], [ALL, DIST], "2021 - 2023", "Kho dữ liệu vận hành", "Ngân sách tỉnh", code="2.1"),
                act("Kết nối hệ thống một cửa điện tử với cổng dịch vụ công quốc gia", [STTTT], [VP], "Năm 2022", "Hệ thống được kết nối", "Ngân sách tỉnh", code="2.2")])]),
    ])
p06.twoRowBodies = True

# 07: a district plan, 8 columns, deadlines naming several periods, cells with several lines.
PNV = "Phòng Nội vụ"
p07 = base(
    id="07-huyen-nhieuky", letterhead=["ỦY BAN NHÂN DÂN", "HUYỆN ĐỨC TRỌNG"], number="12/KH-UBND", place="Đức Trọng",
    day=5, month=1, yearSigned=2022, issuedOn="2022-01-05", issuer="UBND huyện Đức Trọng", signer="Đinh Văn Tuấn",
    title="Kế hoạch cải cách hành chính năm 2022 của huyện Đức Trọng", fromYear=2022, toYear=2022,
    heading=["KẾ HOẠCH", "Cải cách hành chính năm 2022 của huyện Đức Trọng"],
    preamble=["Thực hiện Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030 và chỉ đạo của UBND tỉnh;"],
    before=["I. YÊU CẦU", "Các phòng, ban chủ động triển khai theo chức năng được giao.", "II. NHIỆM VỤ"],
    after=["III. TỔ CHỨC THỰC HIỆN", "Phòng Nội vụ tổng hợp kết quả, báo cáo UBND huyện."],
    signature=["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Đinh Văn Tuấn"], columns=C8, bodyLines=True,
    areas=[
        dict(code="I", title="Công tác chỉ đạo, điều hành", tasks=[
            dict(code="1", stt="1", text="Báo cáo và tự đánh giá cải cách hành chính", printCode=False, acts=[
                act("Báo cáo định kỳ công tác cải cách hành chính", [PNV], ["Các phòng, ban chuyên môn", "UBND các xã, thị trấn"], "Quý I/2022; Quý III/2022", "Báo cáo quý", None),
                act("Tự đánh giá chỉ số cải cách hành chính của huyện", [PNV], ["Các phòng, ban chuyên môn"], "Tháng 6 và tháng 12", "Báo cáo tự đánh giá", None)])]),
        dict(code="II", title="Cải cách thủ tục hành chính", tasks=[
            dict(code="2", stt="2", text="Kiểm tra việc giải quyết thủ tục tại cấp xã", printCode=False, acts=[
                act("Kiểm tra bộ phận một cửa các xã, thị trấn", ["Văn phòng HĐND và UBND huyện"], [PNV, "Phòng Tư pháp"], "Quý I Quý IV", "Thông báo kết luận kiểm tra", "Ngân sách huyện"),
                act("Khảo sát sự hài lòng của người dân", ["Văn phòng HĐND và UBND huyện"], [], "6 tháng đầu năm", "Báo cáo khảo sát", "Ngân sách huyện")])]),
    ])

# 08: a long province plan (many rows, so the PDF runs over several pages with rows cut at page breaks).
def long_tasks():
    topics = [("Rà soát thủ tục hành chính lĩnh vực đất đai", "Sở Tài nguyên và Môi trường"), ("Rà soát thủ tục hành chính lĩnh vực xây dựng", "Sở Xây dựng"),
              ("Rà soát thủ tục hành chính lĩnh vực giao thông", "Sở Giao thông vận tải"), ("Rà soát thủ tục hành chính lĩnh vực y tế", "Sở Y tế"),
              ("Rà soát thủ tục hành chính lĩnh vực giáo dục", "Sở Giáo dục và Đào tạo"), ("Rà soát thủ tục hành chính lĩnh vực lao động", "Sở Lao động - Thương binh và Xã hội"),
              ("Rà soát thủ tục hành chính lĩnh vực công thương", "Sở Công Thương"), ("Rà soát thủ tục hành chính lĩnh vực nông nghiệp", "Sở Nông nghiệp và Phát triển nông thôn"),
              ("Rà soát thủ tục hành chính lĩnh vực văn hóa", "Sở Văn hóa, Thể thao và Du lịch"), ("Rà soát thủ tục hành chính lĩnh vực tư pháp", STP),
              ("Rà soát thủ tục hành chính lĩnh vực tài chính", STC), ("Rà soát thủ tục hành chính lĩnh vực kế hoạch, đầu tư", "Sở Kế hoạch và Đầu tư")]
    dues = ["Quý I", "Quý II", "Quý III", "Quý IV", "Tháng 6", "Tháng 9"]
    tasks = []
    for i, (text, lead) in enumerate(topics, 1):
        tasks.append(dict(code=f"{i}", stt=str(i), text=text, printCode=False, acts=[
            act(f"Lập danh mục thủ tục cần đơn giản hóa, {text[19:].lower()}, kèm phương án cắt giảm thời gian giải quyết và chi phí tuân thủ cho người dân", [lead], [VP], dues[i % 6], "Danh mục và phương án", "Ngân sách tỉnh", code=f"{i}.1"),
            act(f"Trình UBND tỉnh thông qua phương án đơn giản hóa, {text[19:].lower()}", [lead], [VP, STP], dues[(i + 2) % 6], "Quyết định thông qua", "Ngân sách tỉnh", code=f"{i}.2"),
            act(f"Công khai kết quả đơn giản hóa, {text[19:].lower()}, trên cổng thông tin điện tử của tỉnh", [lead], [STTTT], "Tháng 12", "Tin bài được đăng", None, code=f"{i}.3")]))
    return tasks
p08 = base(
    id="08-tinh-dai-nhieutrang", letterhead=["ỦY BAN NHÂN DÂN", "TỈNH PHÚ YÊN"], number="301/KH-UBND", place="Phú Yên",
    day=27, month=12, yearSigned=2022, issuedOn="2022-12-27", issuer="UBND tỉnh Phú Yên", signer="Đào Mỹ",
    title="Kế hoạch rà soát, đơn giản hóa thủ tục hành chính năm 2023", fromYear=2023, toYear=2023,
    heading=["KẾ HOẠCH", "Rà soát, đơn giản hóa thủ tục hành chính năm 2023"],
    preamble=["Căn cứ Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030;"],
    before=["I. MỤC ĐÍCH", "Cắt giảm chi phí tuân thủ thủ tục hành chính cho người dân, doanh nghiệp.", "II. NHIỆM VỤ CỤ THỂ"],
    after=["III. TỔ CHỨC THỰC HIỆN", "Văn phòng UBND tỉnh theo dõi, đôn đốc; các sở báo cáo kết quả trước ngày 15 tháng 12."],
    signature=PROVINCE_SIGN + ["Đào Mỹ"], columns=C8,
    areas=[dict(code="I", title="Rà soát, đơn giản hóa thủ tục hành chính theo lĩnh vực", tasks=long_tasks())])

# 09: a prose plan without a table: tasks as bullets under area headings; leads in "Tổ chức thực hiện".
p09 = base(
    id="09-vanban-khongbang", letterhead=["ỦY BAN NHÂN DÂN", "TỈNH HẬU GIANG"], number="77/KH-UBND", place="Hậu Giang",
    day=20, month=12, yearSigned=2023, issuedOn="2023-12-20", issuer="UBND tỉnh Hậu Giang", signer="Trương Cảnh Tuyên",
    title="Kế hoạch cải cách hành chính năm 2024", fromYear=2024, toYear=2024,
    heading=["KẾ HOẠCH", "Cải cách hành chính năm 2024"],
    preamble=["Căn cứ Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030;"],
    signature=PROVINCE_SIGN + ["Trương Cảnh Tuyên"], columns=None,
    areas=[
        dict(code="1", title="Cải cách thể chế", tasks=[
            dict(code="1.1", text="Rà soát văn bản quy phạm pháp luật do tỉnh ban hành", acts=[act(None, [STP], [], None, code=None)]),
            dict(code="1.2", text="Kiểm tra việc thi hành pháp luật tại các huyện", acts=[act(None, [STP], [], None, code=None)])]),
        dict(code="2", title="Cải cách tổ chức bộ máy", tasks=[
            dict(code="2.1", text="Sắp xếp các đơn vị sự nghiệp công lập", acts=[act(None, [SNV], [], None, code=None)]),
            dict(code="2.2", text="Rà soát vị trí việc làm trong các cơ quan hành chính", acts=[act(None, [SNV], [], None, code=None)])]),
        dict(code="3", title="Xây dựng chính quyền số", tasks=[
            dict(code="3.1", text="Mở rộng dịch vụ công trực tuyến toàn trình", acts=[act(None, [STTTT], [], None, code=None)])]),
    ])
p09.before = ["I. MỤC ĐÍCH, YÊU CẦU", "Thực hiện đồng bộ các nội dung cải cách hành chính trên địa bàn tỉnh.", "II. NHIỆM VỤ TRỌNG TÂM"]
for a in p09.areas:
    p09.before.append(f'{a["code"]}. {a["title"]}')
    p09.before += [f'{t["code"]}. {t["text"]}.' for t in a["tasks"]]
p09.after = ["III. TỔ CHỨC THỰC HIỆN", "1. Sở Tư pháp chủ trì thực hiện các nhiệm vụ cải cách thể chế.",
             "2. Sở Nội vụ chủ trì thực hiện các nhiệm vụ cải cách tổ chức bộ máy.",
             "3. Sở Thông tin và Truyền thông chủ trì thực hiện các nhiệm vụ xây dựng chính quyền số."]

# 10: a news item summarising a province's plan (targets and a few bullet tasks, no table).
p10 = base(
    id="10-tintuc-tomtat", letterhead=[], number="215/KH-UBND", place=None,
    day=None, month=None, yearSigned=None, issuedOn="2022-12-24", issuer="UBND tỉnh Kon Tum", signer=None,
    title="Kế hoạch cải cách hành chính năm 2023", fromYear=2023, toYear=2023, columns=None, signature=["Thu Hà"],
    areas=[], bodyTargets=[
        dict(code=None, text="100% thủ tục hành chính đủ điều kiện được cung cấp dịch vụ công trực tuyến toàn trình", measures=[dict(level=None, comparator="atLeast", value=100, unit="%")]),
        dict(code=None, text="Mức độ hài lòng của người dân đạt trên 90%", measures=[dict(level=None, comparator="atLeast", value=90, unit="%")])])
p10.newsText = ["UBND tỉnh Kon Tum ban hành Kế hoạch cải cách hành chính năm 2023",
                "Ngày 24/12/2022, UBND tỉnh Kon Tum ban hành Kế hoạch số 215/KH-UBND về cải cách hành chính năm 2023.",
                "Theo đó, tỉnh phấn đấu năm 2023 có 100% thủ tục hành chính đủ điều kiện được cung cấp dịch vụ công trực tuyến toàn trình; mức độ hài lòng của người dân đạt trên 90%.",
                "Kế hoạch giao các sở, ngành và địa phương triển khai đồng bộ các nhiệm vụ cải cách, gắn với kiểm tra, đánh giá hằng năm."]

# 11: only the header of a plan (the copy stops before its body).
p11 = base(
    id="11-chi-phan-dau", letterhead=["UBND TỈNH BÌNH PHƯỚC", "SỞ NỘI VỤ"], number="1204/KH-SNV", place="Bình Phước",
    day=29, month=12, yearSigned=2021, issuedOn="2021-12-29", issuer="Sở Nội vụ", signer=None,
    title="Kế hoạch cải cách hành chính năm 2022 của Sở Nội vụ", fromYear=2022, toYear=2022, columns=None, signature=[],
    heading=["KẾ HOẠCH", "Cải cách hành chính năm 2022 của Sở Nội vụ"],
    preamble=["Căn cứ Kế hoạch số 300/KH-UBND ngày 20 tháng 12 năm 2021 của UBND tỉnh về cải cách hành chính giai đoạn 2021 - 2025;"], areas=[])

# 12: a province plan whose targets span several tasks (deep rowspans), 10 columns, decision first.
p12 = base(
    id="12-tinh-quyetdinh-gopo", letterhead=["ỦY BAN NHÂN DÂN", "TỈNH BẮC KẠN"], number="2390/QĐ-UBND", place="Bắc Kạn", type="Quyết định",
    day=29, month=12, yearSigned=2022, issuedOn="2022-12-29", issuer="UBND tỉnh Bắc Kạn", signer="Đỗ Thị Minh Hoa",
    title="Kế hoạch cải cách hành chính tỉnh Bắc Kạn năm 2023", fromYear=2023, toYear=2023,
    heading=["QUYẾT ĐỊNH", "Về việc ban hành Kế hoạch cải cách hành chính tỉnh Bắc Kạn năm 2023", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH"],
    preamble=["Căn cứ Quyết định số 1500/QĐ-UBND ngày 10 tháng 8 năm 2021 của UBND tỉnh ban hành Chương trình cải cách hành chính giai đoạn 2021 - 2030;",
              "QUYẾT ĐỊNH:",
              "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch cải cách hành chính tỉnh Bắc Kạn năm 2023.",
              "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.", "KẾ HOẠCH", "Cải cách hành chính tỉnh Bắc Kạn năm 2023"],
    before=["I. MỤC TIÊU", "Nâng cao chỉ số cải cách hành chính của tỉnh.", "II. NHIỆM VỤ"],
    after=["III. TỔ CHỨC THỰC HIỆN", "Sở Nội vụ hướng dẫn, theo dõi việc thực hiện."],
    signature=["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Đỗ Thị Minh Hoa"], columns=C10,
    areas=[
        dict(code="I", title="Cải cách chế độ công vụ", targets=[
                dict(code="1", text="Ít nhất 02 cuộc kiểm tra công vụ đột xuất mỗi năm", measures=[dict(level=None, comparator="atLeast", value=2, unit="cuộc")])],
             tasks=[
                dict(code="1.1", target="1", text="Kiểm tra việc chấp hành kỷ luật, kỷ cương hành chính", acts=[
                    act("Kiểm tra đột xuất tại các cơ quan hành chính cấp tỉnh", [SNV], [VP], "Quý II", "Thông báo kết quả", "Ngân sách tỉnh", code="1.1.1"),
                    act("Kiểm tra đột xuất tại UBND cấp huyện", [SNV], [DIST], "Quý IV", "Thông báo kết quả", "Ngân sách tỉnh", code="1.1.2")]),
                dict(code="1.2", target="1", text="Xử lý công chức vi phạm kỷ luật công vụ", acts=[
                    act("Tổng hợp, công khai kết quả xử lý vi phạm", [SNV], [], "Tháng 12", "Báo cáo tổng hợp", None, code="1.2.1")])]),
        dict(code="II", title="Hiện đại hóa hành chính", targets=[
                dict(code="2", text="Tỷ lệ văn bản điện tử có ký số đạt 95%", measures=[dict(level=None, comparator="atLeast", value=95, unit="%")])],
             tasks=[
                dict(code="2.1", target="2", text="Gửi nhận văn bản điện tử có ký số", acts=[
                    act("Cấp chứng thư số cho cán bộ, công chức", [STTTT], [ALL], "Quý I", "Chứng thư số được cấp", "Ngân sách tỉnh", code="2.1.1"),
                    act("Theo dõi tỷ lệ văn bản điện tử có ký số", [STTTT], [VP], "Hằng quý", "Báo cáo quý", None, code="2.1.2")])]),
    ])

# 13: a department's plan in a 6-column table (no activity, no output) with notes in "Ghi chú"; header as a
# two-column table with the date line in the right cell; dues naming several quarters of a given year.
C6 = [("tt", "TT"), ("task", "Nội dung"), ("lead", "Cơ quan chủ trì"), ("support", "Cơ quan phối hợp"), ("due", "Thời gian hoàn thành"), ("note", "Ghi chú")]
p13 = base(
    id="13-so-6cot-ghichu", letterhead=["UBND TỈNH QUẢNG NGÃI", "SỞ Y TẾ"], headerTable=True, number="62/KH-SYT", place="Quảng Ngãi",
    day=19, month=1, yearSigned=2024, issuedOn="2024-01-19", issuer="Sở Y tế", signer="Lê Minh Khôi",
    title="Kế hoạch cải cách hành chính năm 2024 của Sở Y tế", fromYear=2024, toYear=2024,
    heading=["KẾ HOẠCH", "Cải cách hành chính năm 2024 của Sở Y tế"],
    preamble=["Căn cứ Kế hoạch số 180/KH-UBND ngày 28 tháng 12 năm 2023 của UBND tỉnh về cải cách hành chính năm 2024;",
              "Thực hiện Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030, Sở Y tế ban hành kế hoạch như sau:"],
    before=["I. MỤC ĐÍCH", "Rút ngắn thời gian cấp phép hành nghề cho người dân.", "II. NHIỆM VỤ"],
    after=["III. TỔ CHỨC THỰC HIỆN", "Văn phòng Sở theo dõi, tổng hợp và báo cáo Giám đốc Sở kết quả thực hiện."],
    signature=["Nơi nhận:", "- UBND tỉnh;", "- Lưu: VT, VP.", "GIÁM ĐỐC", "Lê Minh Khôi"], columns=C6,
    areas=[
        dict(code="I", title="Cải cách thủ tục hành chính", tasks=[
            dict(code="1", stt="1", text="Rà soát thủ tục cấp chứng chỉ hành nghề khám bệnh, chữa bệnh", printCode=False, acts=[
                act(None, ["Phòng Nghiệp vụ Y"], ["Văn phòng Sở", "Thanh tra Sở"], "Quý I/2024; Quý III/2024", note="Báo cáo kết quả sau mỗi đợt")]),
            dict(code="2", stt="2", text="Công khai thủ tục hành chính tại bộ phận một cửa và trên trang thông tin điện tử của Sở", printCode=False, acts=[
                act(None, ["Văn phòng Sở"], [], "Quý I", note="Cập nhật khi có thay đổi")])]),
        dict(code="II", title="Hiện đại hóa hành chính", tasks=[
            dict(code="3", stt="3", text="Tiếp nhận hồ sơ cấp phép qua dịch vụ công trực tuyến toàn trình", printCode=False, acts=[
                act(None, ["Văn phòng Sở"], ["Trung tâm Phục vụ hành chính công tỉnh"], "Thường xuyên")]),
            dict(code="4", stt="4", text="Khảo sát mức độ hài lòng của người đề nghị cấp phép", printCode=False, acts=[
                act(None, ["Phòng Tổ chức cán bộ"], ["Văn phòng Sở"], "Tháng 6 và tháng 12")])]),
    ])

# 14: a district plan whose bodies share one "Cơ quan thực hiện" column ("X chủ trì; Y, Z phối hợp") and whose
# timing has two columns, "Thời gian bắt đầu" and "Thời gian hoàn thành"; 7 columns.
C7_BODIES = [("tt", "STT"), ("task", "Nhiệm vụ"), ("output", "Sản phẩm"), ("bodies", "Cơ quan thực hiện"), ("start", "Thời gian bắt đầu"),
             ("due", "Thời gian hoàn thành"), ("budget", "Kinh phí")]
p14 = base(
    id="14-huyen-coquanthuchien", letterhead=["ỦY BAN NHÂN DÂN", "HUYỆN CAM LÂM"], number="35/KH-UBND", place="Cam Lâm",
    day=8, month=2, yearSigned=2023, issuedOn="2023-02-08", issuer="UBND huyện Cam Lâm", signer="Nguyễn Hữu Tâm",
    title="Kế hoạch cải cách hành chính huyện Cam Lâm năm 2023", fromYear=2023, toYear=2023,
    heading=["KẾ HOẠCH", "Cải cách hành chính huyện Cam Lâm năm 2023"],
    preamble=["Thực hiện Kế hoạch cải cách hành chính giai đoạn 2021 - 2025 của UBND tỉnh, UBND huyện ban hành kế hoạch năm 2023 như sau:"],
    before=["I. MỤC ĐÍCH, YÊU CẦU", "Các cơ quan chuyên môn thuộc huyện và UBND các xã thực hiện nghiêm các nhiệm vụ được giao.", "II. NHIỆM VỤ CỤ THỂ"],
    after=["III. TỔ CHỨC THỰC HIỆN", "Phòng Nội vụ là cơ quan thường trực, theo dõi và báo cáo UBND huyện."],
    signature=["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Hữu Tâm"], columns=C7_BODIES,
    areas=[
        dict(code="I", title="Cải cách tổ chức bộ máy", tasks=[
            dict(code="1", stt="1", text="Kiện toàn tổ chức các phòng chuyên môn thuộc UBND huyện", printCode=False, acts=[
                act(None, ["Phòng Nội vụ"], ["Phòng Tài chính - Kế hoạch", "Văn phòng HĐND và UBND huyện"], "Quý II", "Quyết định kiện toàn", "Ngân sách huyện", start="Tháng 1")]),
            dict(code="2", stt="2", text="Rà soát vị trí việc làm của các đơn vị sự nghiệp", printCode=False, acts=[
                act(None, ["Phòng Nội vụ"], [], "Tháng 9", "Báo cáo rà soát", None, start="Tháng 3")])]),
        dict(code="II", title="Cải cách tài chính công", tasks=[
            dict(code="3", stt="3", text="Giao quyền tự chủ tài chính cho các đơn vị sự nghiệp giáo dục", printCode=False, acts=[
                act(None, ["Phòng Tài chính - Kế hoạch"], ["Phòng Giáo dục và Đào tạo"], "Quý I Quý IV", "Quyết định giao tự chủ", "Ngân sách huyện", start="Quý I")]),
            dict(code="4", stt="4", text="Công khai dự toán và quyết toán ngân sách huyện", printCode=False, acts=[
                act(None, ["Phòng Tài chính - Kế hoạch"], ["Văn phòng HĐND và UBND huyện"], "Trước 15/12", "Thông báo công khai", None, start="Tháng 1")])]),
    ])

# 15: a department's five-year plan (2021 - 2025) citing the 2021 - 2030 programme and a party term in its preamble;
# header as a two-column table; 8 columns with "Tiến độ"; dues as years and year ranges.
C8_PROGRESS = [("tt", "TT"), ("task", "Nhiệm vụ"), ("activity", "Hoạt động cụ thể"), ("output", "Kết quả, sản phẩm"), ("lead", "Đơn vị chủ trì"),
               ("support", "Đơn vị phối hợp"), ("due", "Tiến độ"), ("budget", "Nguồn kinh phí")]
p15 = base(
    id="15-so-5nam-tiendo", letterhead=["UBND TỈNH TRÀ VINH", "SỞ THÔNG TIN VÀ TRUYỀN THÔNG"], headerTable=True, number="1150/KH-STTTT", place="Trà Vinh",
    day=14, month=10, yearSigned=2021, issuedOn="2021-10-14", issuer="Sở Thông tin và Truyền thông", signer="Kim Ngọc Thái",
    title="Kế hoạch cải cách hành chính giai đoạn 2021 - 2025 của Sở Thông tin và Truyền thông", fromYear=2021, toYear=2025,
    heading=["KẾ HOẠCH", "Cải cách hành chính giai đoạn 2021 - 2025 của Sở Thông tin và Truyền thông"],
    preamble=["Căn cứ Nghị quyết số 76/NQ-CP ngày 15 tháng 7 năm 2021 của Chính phủ ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030;",
              "Căn cứ Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XI, nhiệm kỳ 2020 - 2025;",
              "Sở Thông tin và Truyền thông xây dựng Kế hoạch cải cách hành chính giai đoạn 2021 - 2025 như sau:"],
    before=["I. MỤC ĐÍCH", "Đưa hoạt động của cơ quan lên môi trường số.", "II. NHIỆM VỤ, GIẢI PHÁP"],
    after=["III. TỔ CHỨC THỰC HIỆN", "Các phòng, đơn vị thuộc Sở căn cứ kế hoạch này xây dựng kế hoạch hằng năm."],
    signature=["Nơi nhận:", "- UBND tỉnh;", "- Lưu: VT.", "GIÁM ĐỐC", "Kim Ngọc Thái"], columns=C8_PROGRESS,
    areas=[
        dict(code="I", title="Xây dựng chính quyền số", tasks=[
            dict(code="1", stt="1", text="Hoàn thiện hạ tầng số của tỉnh", printCode=False, acts=[
                act("Nâng cấp trung tâm dữ liệu của tỉnh", ["Trung tâm Công nghệ thông tin và Truyền thông"], ["Phòng Bưu chính, Viễn thông"], "2021 - 2022", "Trung tâm dữ liệu được nâng cấp", "Ngân sách tỉnh", code="1.1"),
                act("Mở rộng mạng truyền số liệu chuyên dùng đến cấp xã", ["Phòng Bưu chính, Viễn thông"], ["UBND các huyện, thị xã, thành phố"], "Năm 2023", "Các xã được kết nối", "Ngân sách tỉnh", code="1.2")]),
            dict(code="2", stt="2", text="Phát triển ứng dụng và dịch vụ số", printCode=False, acts=[
                act("Tích hợp dịch vụ công trực tuyến lên cổng dịch vụ công quốc gia", ["Phòng Công nghệ thông tin"], ["Văn phòng UBND tỉnh"], "Hằng năm", "Dịch vụ được tích hợp", None, code="2.1"),
                act("Tổng kết kế hoạch chuyển đổi số giai đoạn", ["Văn phòng Sở"], [], "Năm 2025", "Báo cáo tổng kết", None, code="2.2")])]),
    ])

# 16: a commune's plan in a 5-column table (STT, task, lead, support, deadline), lower-case area titles.
C5 = [("tt", "STT"), ("task", "Nội dung nhiệm vụ"), ("lead", "Chủ trì"), ("support", "Phối hợp"), ("due", "Thời hạn")]
p16 = base(
    id="16-xa-5cot", letterhead=["ỦY BAN NHÂN DÂN", "XÃ HÒA PHÚ"], number="09/KH-UBND", place="Hòa Phú",
    day=22, month=1, yearSigned=2025, issuedOn="2025-01-22", issuer="UBND xã Hòa Phú", signer="Võ Thị Lan",
    title="Kế hoạch cải cách hành chính năm 2025 của UBND xã Hòa Phú", fromYear=2025, toYear=2025,
    heading=["KẾ HOẠCH", "Cải cách hành chính năm 2025 của UBND xã Hòa Phú"],
    preamble=["Thực hiện chỉ đạo của UBND huyện về công tác cải cách hành chính năm 2025, UBND xã ban hành kế hoạch như sau:"],
    before=["I. MỤC ĐÍCH", "Phục vụ người dân tốt hơn tại bộ phận một cửa của xã.", "II. NHIỆM VỤ"],
    after=["III. TỔ CHỨC THỰC HIỆN", "Công chức Văn phòng - Thống kê giúp UBND xã theo dõi việc thực hiện kế hoạch."],
    signature=["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Võ Thị Lan"], columns=C5, capsAreas=False,
    areas=[
        dict(code="I", title="Cải cách thủ tục hành chính", tasks=[
            dict(code="1", stt="1", text="Niêm yết đầy đủ thủ tục hành chính tại bộ phận một cửa", printCode=False, acts=[
                act(None, ["Công chức Văn phòng - Thống kê"], ["Công chức Tư pháp - Hộ tịch"], "Quý I")]),
            dict(code="2", stt="2", text="Hướng dẫn người dân nộp hồ sơ trực tuyến", printCode=False, acts=[
                act(None, ["Công chức Tư pháp - Hộ tịch"], ["Đoàn Thanh niên xã"], "Thường xuyên")])]),
        dict(code="II", title="Cải cách chế độ công vụ", tasks=[
            dict(code="3", stt="3", text="Kiểm tra giờ giấc làm việc của cán bộ, công chức xã", printCode=False, acts=[
                act(None, ["Chủ tịch UBND xã"], [], "Hằng quý")]),
            dict(code="4", stt="4", text="Đánh giá, xếp loại chất lượng cán bộ, công chức", printCode=False, acts=[
                act(None, ["Chủ tịch UBND xã"], ["Công chức Văn phòng - Thống kê"], "Tháng 12")])]),
    ])

PLANS = [p01, p02, p03, p04, p05, p06, p07, p08, p09, p10, p11, p12, p13, p14, p15, p16]

# A sentence under a "Mục tiêu" heading is a stated goal: the contract lists it as a target (no measures).
def stated(text): return [dict(code=None, text=text, measures=[])]
p02.bodyTargets = stated("Nâng cao chất lượng phục vụ người dân, doanh nghiệp tại bộ phận một cửa")
p05.bodyTargets = stated("Xây dựng nền hành chính phục vụ, chuyên nghiệp trong các lĩnh vực quản lý của Bộ")
p06.bodyTargets = stated("Xây dựng nền hành chính tỉnh minh bạch, phục vụ")
p12.bodyTargets = stated("Nâng cao chỉ số cải cách hành chính của tỉnh")
