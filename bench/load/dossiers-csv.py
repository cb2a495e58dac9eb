#!/usr/bin/env python3
"""A year of one-stop dossiers (partrack.dossiers/v1 CSV) for the import and KPI benchmarks: bench/load/dossiers.sh.

    python3 bench/load/dossiers-csv.py ROWS YEAR AGENCIES_FILE > dossiers.csv

AGENCIES_FILE: one registry agency name a line (the agencies the rows name). Deterministic (seed 766): the same
arguments give the same file, so a second import of it is a re-import. Seasonal (fewer dossiers around Tết in
February, more in the autumn), some agencies lagging (late and offline more often), about 3 % still in progress.
"""
import random
import sys
from datetime import date, timedelta

HEADER = ("dossier_code,procedure_code,procedure_name,field,agency,level,received_at,due_at,resolved_at,returned_at,channel,"
          "service_level,fee_required,paid_online,digitised_inputs,digitised_result,status,suspended_days")
MONTH_WEIGHT = [0.9, 0.6, 1.0, 1.0, 1.0, 1.0, 1.0, 1.05, 1.1, 1.15, 1.15, 1.1]
FIELDS = [("Tư pháp", "Cấp phiếu lý lịch tư pháp"), ("Đất đai", "Đăng ký biến động đất đai"), ("Hộ tịch", "Đăng ký khai sinh"),
          ("Đầu tư", "Cấp giấy chứng nhận đăng ký đầu tư"), ("Xây dựng", "Cấp giấy phép xây dựng"), ("Giáo dục", "Công nhận tốt nghiệp")]


def main() -> None:
    rows, year, agencies_file = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    with open(agencies_file, encoding="utf-8") as f:
        agencies = [line.strip() for line in f if line.strip()]
    rng = random.Random(766)
    lagging = set(rng.sample(range(len(agencies)), max(1, len(agencies) // 8)))
    days = [date(year, 1, 1) + timedelta(d) for d in range((date(year + 1, 1, 1) - date(year, 1, 1)).days)]
    weights = [MONTH_WEIGHT[d.month - 1] * (0.2 if d.weekday() >= 5 else 1.0) for d in days]
    received_days = rng.choices(days, weights, k=rows)
    out = sys.stdout
    out.write(HEADER + "\n")
    for i, received in enumerate(received_days):
        a = rng.randrange(len(agencies))
        slow = a in lagging
        p = i % len(FIELDS)
        due = received + timedelta(days=rng.choice((3, 5, 7, 10, 15, 20)))
        online = rng.random() < (0.45 if slow else 0.8)
        full = online and rng.random() < 0.5
        fee = rng.random() < 0.6
        if rng.random() < 0.03:
            status, resolved = "dang_xu_ly", ""
        else:
            late = rng.random() < (0.15 if slow else 0.02)
            done = due + timedelta(days=rng.randint(1, 10)) if late else received + timedelta(days=rng.randint(0, (due - received).days))
            status, resolved = "da_giai_quyet", done.isoformat()
        name = agencies[a].replace('"', '""')
        out.write(f"HS-{year}-{i:07d},{p + 1}.00{p},\"{FIELDS[p][1]}\",{FIELDS[p][0]},\"{name}\",,{received.isoformat()},{due.isoformat()},"
                  f"{resolved},,{'truc_tuyen' if online else 'truc_tiep'},{'toan_trinh' if full else 'mot_phan'},{int(fee)},"
                  f"{int(fee and online and rng.random() < 0.6)},{int(rng.random() < 0.85)},{int(rng.random() < 0.7)},{status},\n")


if __name__ == "__main__":
    main()
