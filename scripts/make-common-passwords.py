#!/usr/bin/env python3
"""Writes src/ParTrack/Features/Accounts/common-passwords.txt: passwords people pick first, which the
password policy refuses (NIST SP 800-63B 5.1.1.2: "values known to be commonly used, expected, or
compromised"). No public breach corpus is reachable from the build machines, so the list is built from
the patterns those corpora are full of: the well-known top passwords, keyboard walks, digit runs, and
common English and Vietnamese words, names and office words with the usual suffixes (123, @123, years).
Lower case, 8 characters or more (shorter ones fail the length rule anyway), one a line, sorted.
Run: python3 scripts/make-common-passwords.py"""
import itertools, pathlib

top = """123456 123456789 12345678 1234567890 12345 1234567 password 111111 123123 qwerty abc123 1q2w3e4r
000000 iloveyou 1234 qwerty123 dragon sunshine princess letmein 654321 monkey 27653 1qaz2wsx 123321
qwertyuiop superman asdfghjkl trustno1 passw0rd p@ssword p@ssw0rd password1 password123 welcome
welcome1 admin admin123 administrator football baseball master michael shadow jennifer hello
freedom whatever login starwars secret changeme default root toor test guest user computer internet
samsung google facebook zaq12wsx 1qaz2wsx3edc qazwsxedc zxcvbnm asdfgh asdf1234 zxcvbnm123
aa123456 a123456 a12345678 abcd1234 abc12345 1q2w3e4r5t 1q2w3e4r5t6y q1w2e3r4t5 qwer1234 147258369
123qwe 123qweasd 123abc 112233 11223344 121212 12341234 1234512345 123123123 987654321 9876543210
0123456789 147852369 159753 159357 789456123 qwe123 iloveu iloveyou1 loveyou babygirl lovely
""".split()

words = """password passwd pass matkhau matkhaumoi mat_khau anhyeuem emyeuanh yeuem yeuemnhieu iloveyou
xinchao vietnam vietnamese hanoi saigon hochiminh danang haiphong hatinh nghean cchc caicach
caicachhanhchinh hanhchinh sonoivu noivu sotuphap tuphap ubnd ubndtinh uybannhandan thanhpho tinh
nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly anh minh huong linh trang thuy
hung dung tuan nam long hai quang thanh phuong hoa mai lan ngoc hieu trung duc khanh son tung thao
hang hanh hoai hien ha giang thu tam tien vinh phong cuong thang binh an bao chau yen nhung nga
giadinh hanhphuc tinhyeu chungtoi congan quandoi taikhoan dangnhap quantri quantrivien baomat
partrack demo admin administrator user guest test welcome hello monkey dragon master shadow sunshine
princess football baseball superman batman letmein trustno1 secret changeme default login root
qwerty qwertyuiop asdfgh asdfghjkl zxcvbnm abc abcd abcde abcdef abcdefgh abcdefghij
computer internet samsung google facebook iphone office server system manager
""".split()

suffixes = ["", "1", "12", "123", "1234", "12345", "123456", "1234567", "12345678", "123456789", "!", "@",
            "@123", "#123", "!@#", "123!", "123@", "@1234", "01", "11", "99", "000", "111", "666", "888", "999",
            "2k", "@@", "!!"] + [str(y) for y in range(2015, 2031)] + ["@" + str(y) for y in range(2015, 2031)]

out = set(p.lower() for p in top)
for w, s in itertools.product(words, suffixes):
    out.add(w + s)
    out.add(w.capitalize() + s)
out = {p.lower() for p in out}
for d in "0123456789":                     # 00000000 … 999999999999
    for n in range(8, 13):
        out.add(d * n)
for n in range(8, 11):                     # 12345678, 123456789, 1234567890, and backwards
    out.add("1234567890"[:n]); out.add("0987654321"[:n]); out.add("9876543210"[:n]); out.add("0123456789"[:n])
for y in range(1960, 2011):                # a birth year around a common word
    for w in ("anh", "em", "minh", "love", "matkhau", "hung", "linh", "nam", "huong", "thanh"):
        out.add(w + str(y))
out |= {"demo@2025", "matkhau@123", "matkhau123", "password123", "12345678", "1234567890"}
lines = sorted(p for p in out if len(p) >= 8)
path = pathlib.Path(__file__).resolve().parent.parent / "src/ParTrack/Features/Accounts/common-passwords.txt"
path.write_text("\n".join(lines) + "\n", encoding="utf-8")
print(f"{len(lines)} passwords -> {path}")
