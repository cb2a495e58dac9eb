#!/usr/bin/env python3
"""Writes our own plan corpus: for each plan, plan.html (the source), plan.txt (the text a browser
copy of the web page gives: rowspan cells dropped, a cell's lines on lines of their own) and
expected.json (plan JSON v1, the answers). The plans are written here, in our own words; the DOCX and
PDF renditions are made from plan.html by LibreOffice at test time (CorpusRenditions.cs).
Run: python3 make_corpus.py  (from this folder). Deadline answers are the hand-written table DUE below."""
import html, json, os, re, calendar

# ---- deadline answers (kind, start, end) for the expressions the corpus uses; Y = the plan year ----
def w(kind, s, e): return (kind, s, e)
def q(y, a, b): return w("during", f"{y}-{(a*3-2):02d}-01", f"{y}-{b*3:02d}-{calendar.monthrange(y, b*3)[1]}")
def m(y, a, b=None, kind="by"): b = b or a; return w(kind, f"{y}-{a:02d}-01", f"{y}-{b:02d}-{calendar.monthrange(y, b)[1]}")
def year(a, b=None): b = b or a; return w("during", f"{a}-01-01", f"{b}-12-31")
DUE = {
    "Quý I": lambda Y: q(Y, 1, 1), "Quý II": lambda Y: q(Y, 2, 2), "Quý III": lambda Y: q(Y, 3, 3), "Quý IV": lambda Y: q(Y, 4, 4),
    "Quý I, Quý III": lambda Y: q(Y, 1, 3), "Quý II, III": lambda Y: q(Y, 2, 3), "Quý I – Quý IV": lambda Y: q(Y, 1, 4),
    "Quý I Quý IV": lambda Y: q(Y, 1, 4), "Tháng 6 và tháng 12": lambda Y: m(Y, 6, 12), "6 tháng đầu năm": lambda Y: w("during", f"{Y}-01-01", f"{Y}-06-30"),
    "Tháng 3": lambda Y: m(Y, 3), "Tháng 6": lambda Y: m(Y, 6), "Tháng 9": lambda Y: m(Y, 9), "Tháng 11": lambda Y: m(Y, 11), "Tháng 12": lambda Y: m(Y, 12),
    "Trước 31/3": lambda Y: w("by", None, f"{Y}-03-31"), "Trước 30/6": lambda Y: w("by", None, f"{Y}-06-30"), "Trước 15/12": lambda Y: w("by", None, f"{Y}-12-15"),
    "Thường xuyên": lambda Y: w("continuous", f"{Y}-01-01", f"{Y}-12-31"), "Hằng năm": lambda Y: w("recurring", f"{Y}-01-01", f"{Y}-12-31"),
    "Hằng quý": lambda Y: w("recurring", f"{Y}-01-01", f"{Y}-12-31"), "Trong năm": lambda Y: year(Y),
    "Theo kế hoạch của Bộ Nội vụ": lambda Y: w("event", None, None), "Sau khi Trung ương công bố chỉ số": lambda Y: w("event", None, None),
}
def due_of(text, Y):
    for k, f in DUE.items():
        if text == k: return f(Y)
    mm = re.fullmatch(r"Quý (I|II|III|IV)/(\d{4})(?:; Quý (I|II|III|IV)/(\d{4}))?", text)
    R = {"I": 1, "II": 2, "III": 3, "IV": 4}
    if mm and not mm.group(3): return q(int(mm.group(2)), R[mm.group(1)], R[mm.group(1)])
    if mm:
        s = q(int(mm.group(2)), R[mm.group(1)], R[mm.group(1)]); e = q(int(mm.group(4)), R[mm.group(3)], R[mm.group(3)])
        return w("during", s[1], e[2])
    mm = re.fullmatch(r"Năm (\d{4})", text)
    if mm: return year(int(mm.group(1)))
    mm = re.fullmatch(r"(\d{4}) - (\d{4})", text)
    if mm: return year(int(mm.group(1)), int(mm.group(2)))
    mm = re.fullmatch(r"Tháng (\d{1,2})/(\d{4})", text)
    if mm: return m(int(mm.group(2)), int(mm.group(1)))
    raise SystemExit(f"no answer written for due {text!r}")

# ---- plan building ----
class Plan:
    def __init__(self, **kw): self.__dict__.update(kw)

def act(text, lead, support, due, output=None, budget=None, code=None, start=None, note=None):
    return dict(text=text, lead=lead, support=support, due=due, output=output, budget=budget, code=code, start=start, note=note)

def bodies_cell(x):
    """One "Cơ quan thực hiện" cell naming both roles, as plans write it: "Sở X chủ trì; Sở Y, Sở Z phối hợp"."""
    lead = ", ".join(x["lead"]) + " chủ trì"
    return lead + ("; " + ", ".join(x["support"]) + " phối hợp" if x["support"] else "")

def expected(p):
    Y = p.fromYear
    doc = dict(number=p.number, type=p.type, issuer=p.issuer, place=p.place, issuedOn=p.issuedOn, signer=p.signer,
               title=p.title, fromYear=p.fromYear, toYear=p.toYear)
    areas, targets, tasks, acts = [], [], [], []
    for a in p.areas:
        areas.append(dict(code=a["code"], title=a["title"]))
        for t in a.get("targets", []):
            targets.append(dict(code=t["code"], area=a["code"], text=t["text"], measures=t.get("measures", [])))
        for t in a["tasks"]:
            tasks.append(dict(code=t.get("code"), area=a["code"], targets=[t["target"]] if t.get("target") else [], text=t["text"]))
            for x in t["acts"]:
                kind, s, e = due_of(x["due"], Y) if x["due"] else ("unknown", None, None)
                acts.append(dict(code=x["code"], task=t.get("code"), area=a["code"], text=x["text"] or t["text"], outputs=x["output"],
                                 lead=x["lead"], support=x["support"], due=dict(text=x["due"], kind=kind, start=s, end=e), budget=x["budget"]))
    for t in getattr(p, "bodyTargets", []):
        targets.append(dict(code=t["code"], area=None, text=t["text"], measures=t.get("measures", [])))
    return dict(schema="partrack.plan/v1", document=doc, areas=areas, targets=targets, tasks=tasks, activities=acts)

E = html.escape
def cell_html(text, rowspan=1, colspan=1, tag="td"):
    attrs = (f' rowspan="{rowspan}"' if rowspan > 1 else "") + (f' colspan="{colspan}"' if colspan > 1 else "")
    body = "".join(f"<p>{E(line)}</p>" for line in (text or "").split("\n")) if text else ""
    return f"<{tag}{attrs}>{body}</{tag}>"

def lines_of(bodies): return "\n".join(bodies)

def table_rows(p):
    """Rows of (cell text, rowspan, colspan) per the plan's column set; area rows span the width."""
    cols = p.columns
    rows = []
    for a in p.areas:
        first = [(a["code"], 1, 1), (a["title"].upper() if p.capsAreas else a["title"], 1, len(cols) - 1)] if cols[0][0] == "tt" else [(f'{a["code"]}. {a["title"]}', 1, len(cols))]
        rows.append(first)
        # target → its tasks → their activities
        groups = []
        for t in a["tasks"]: groups.append((t.get("target"), t))
        for ti, (tcode, t) in enumerate(groups):
            n = len(t["acts"])
            for i, x in enumerate(t["acts"]):
                r = []
                for key, _ in cols:
                    if key == "tt":
                        if i == 0: r.append((t.get("stt", ""), n, 1))
                    elif key == "target":
                        tgts = [g for g in a.get("targets", []) if g["code"] == tcode]
                        first_of_target = i == 0 and (ti == 0 or groups[ti - 1][0] != tcode)
                        if first_of_target:
                            span = sum(len(tt["acts"]) for c, tt in groups if c == tcode)
                            r.append((f'{tgts[0]["code"]}. {tgts[0]["text"]}' if tgts else "", span, 1))
                    elif key == "task":
                        text = (f'{t["code"]}. {t["text"]}' if t.get("printCode", True) and t.get("code") else t["text"])
                        if i == 0: r.append((text, n, 1))
                    elif key == "activity": r.append((f'{x["code"]}. {x["text"]}' if x["code"] else x["text"], 1, 1))
                    elif key == "output": r.append((x["output"] or "", 1, 1))
                    elif key == "lead": r.append((lines_of(x["lead"]) if p.bodyLines else ", ".join(x["lead"]), 1, 1))
                    elif key == "support": r.append((lines_of(x["support"]) if p.bodyLines else ", ".join(x["support"]), 1, 1))
                    elif key == "due": r.append((x["due"] or "", 1, 1))
                    elif key == "budget": r.append((x["budget"] or "", 1, 1))
                    elif key == "note": r.append((x.get("note") or "", 1, 1))
                    elif key == "bodies": r.append((bodies_cell(x), 1, 1))
                    elif key == "start": r.append((x.get("start") or "", 1, 1))
                rows.append(r)
    return rows

def header_html(p):
    left = "".join(f"<p><b>{E(l)}</b></p>" for l in p.letterhead)
    right = "<p><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b></p><p><b>Độc lập - Tự do - Hạnh phúc</b></p>"
    number = f"Số: {p.number}" if p.number else "Số:        /KH-UBND"
    date = f"{p.place}, ngày {p.day} tháng {p.month} năm {p.yearSigned}"
    if p.headerTable:
        return (f'<table class="header"><tr><td>{left}</td><td>{right}</td></tr>'
                f"<tr><td><p>{E(number)}</p></td><td><p><i>{E(date)}</i></p></td></tr></table>")
    return f"{left}{right}<p>{E(number)}</p><p><i>{E(date)}</i></p>"

def plan_html(p):
    parts = [f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{E(p.title)}</title>'
             '<style>table{border-collapse:collapse} .frame td,.frame th{border:1px solid #000;padding:2px;vertical-align:top;font-size:10pt}</style></head><body>']
    if getattr(p, "newsText", None):
        parts += [f"<h1>{E(p.newsText[0])}</h1>"] + [f"<p>{E(t)}</p>" for t in p.newsText[1:]] + [f"<p><b>{E(l)}</b></p>" for l in p.signature]
        return "\n".join(parts + ["</body></html>"])
    parts.append(header_html(p))
    for line in p.heading: parts.append(f"<p><b>{E(line)}</b></p>")
    for para in p.preamble: parts.append(f"<p>{E(para)}</p>")
    for para in p.before: parts.append(f"<p>{E(para)}</p>")
    if p.columns:
        parts.append('<table class="frame">')
        if getattr(p, "twoRowBodies", False):
            top = []
            for key, h in p.columns:
                if key == "lead": top.append(cell_html("Cơ quan thực hiện", colspan=2, tag="th"))
                elif key != "support": top.append(f'<th rowspan="2"><p>{E(h)}</p></th>')
            parts.append("<tr>" + "".join(top) + "</tr><tr><th><p>Chủ trì</p></th><th><p>Phối hợp</p></th></tr>")
        else:
            parts.append("<tr>" + "".join(cell_html(h, tag="th") for _, h in p.columns) + "</tr>")
        for r in table_rows(p): parts.append("<tr>" + "".join(cell_html(t, rs, cs) for t, rs, cs in r) + "</tr>")
        parts.append("</table>")
    for para in p.after: parts.append(f"<p>{E(para)}</p>")
    for line in p.signature: parts.append(f"<p><b>{E(line)}</b></p>")
    parts.append("</body></html>")
    return "\n".join(parts)

def plan_txt(p):
    """What copying the web page gives: paragraphs as lines; a table row's cells joined by tabs, the
    cells a rowspan covers dropped (the row is short), and a cell with several lines broken over lines."""
    if getattr(p, "newsText", None):
        return "\n".join(p.newsText + p.signature) + "\n"
    out = list(p.letterhead) + ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    out += [f"Số: {p.number}" if p.number else "Số:        /KH-UBND", f"{p.place}, ngày {p.day} tháng {p.month} năm {p.yearSigned}"]
    out += p.heading + p.preamble + p.before
    if p.columns:
        if getattr(p, "twoRowBodies", False):
            out.append("\t".join("Cơ quan thực hiện" if k == "lead" else h for k, h in p.columns if k != "support"))
            out.append("Chủ trì\tPhối hợp")
        else:
            out.append("\t".join(h for _, h in p.columns))
        for r in table_rows(p):
            out.append("\t".join(t for t, _, _ in r))
    out += p.after + p.signature
    return "\n".join(out) + "\n"

def main():
    from corpus_plans import PLANS  # the plans themselves (they import this module's helpers)
    here = os.path.dirname(os.path.abspath(__file__))
    for p in PLANS:
        d = os.path.join(here, p.id)
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, "plan.html"), "w", encoding="utf-8") as f: f.write(plan_html(p))
        with open(os.path.join(d, "plan.txt"), "w", encoding="utf-8") as f: f.write(plan_txt(p))
        with open(os.path.join(d, "expected.json"), "w", encoding="utf-8") as f:
            json.dump(expected(p), f, ensure_ascii=False, indent=2); f.write("\n")
    print(f"{len(PLANS)} plans written")

if __name__ == "__main__": main()
