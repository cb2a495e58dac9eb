#!/usr/bin/env python3
"""Report-save load: N clients (threads), each owning its own agency reports, loop for D seconds:
GET the report form (current Version and fields), then POST "Lưu nháp" with every activity's status and
text changed. Only the POST is timed (a save is one transaction: entries, audit rows, new Version).
Usage: save_load.py BASE_URL COOKIE_FILE URLS_FILE CLIENTS SECONDS [all|one]
URLS_FILE: one report path per line (/Reports/Periods/P/Agencies/A).
all (default): every activity's text and the results change on each save (the worst case: 100 entries);
one: only the first activity's text and the results change, the rest is posted back as it was."""
import http.client, re, sys, threading, time, urllib.parse, html

base, cookie_file, urls_file, clients, seconds = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), float(sys.argv[5])
mode = sys.argv[6] if len(sys.argv) > 6 else "all"
host = urllib.parse.urlparse(base)
cookie = open(cookie_file).read().strip()
urls = [u.strip() for u in open(urls_file) if u.strip()]
times, statuses, lock = [], {}, threading.Lock()
stop_at = time.time() + seconds

def fields(body):
    out = []
    form = body[body.index('id="report-form"'):]
    form = form[:form.index('</form>')]
    for m in re.finditer(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', form):
        if 'type="file"' not in m.group(0): out.append((html.unescape(m.group(1)), html.unescape(m.group(2))))
    for m in re.finditer(r'<select[^>]*name="([^"]+)"', form):
        out.append((m.group(1), "InProgress"))
    first = True
    for m in re.finditer(r'<textarea[^>]*name="([^"]+)"[^>]*>(.*?)</textarea>', form, re.S):
        name, current = html.unescape(m.group(1)), html.unescape(m.group(2))
        change = mode == "all" or name == "Results" or (first and name.endswith(".WorkDone"))
        if name.endswith(".WorkDone"): first = False
        out.append((name, "Cập nhật tiến độ lúc %f" % time.time() if change else current))
    return out

def worker(mine):
    conn = http.client.HTTPConnection(host.hostname, host.port)
    i = 0
    while time.time() < stop_at:
        url = mine[i % len(mine)]; i += 1
        conn.request("GET", url, headers={"Cookie": cookie})
        r = conn.getresponse(); body = r.read().decode()
        if r.status != 200 or 'id="report-form"' not in body:
            with lock: statuses["GET %d" % r.status] = statuses.get("GET %d" % r.status, 0) + 1
            continue
        data = urllib.parse.urlencode(fields(body))
        start = time.perf_counter()
        conn.request("POST", url, body=data, headers={"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"})
        r = conn.getresponse(); r.read()
        ms = (time.perf_counter() - start) * 1000
        with lock:
            times.append(ms); statuses[r.status] = statuses.get(r.status, 0) + 1

threads = [threading.Thread(target=worker, args=(urls[k::clients],)) for k in range(clients)]
for t in threads: t.start()
for t in threads: t.join()
times.sort()
pct = lambda p: times[min(len(times) - 1, int(len(times) * p))] if times else float("nan")
print("mode %s: " % mode, end="")
print("saves: %d in %.0f s (%.1f/s), status %s" % (len(times), seconds, len(times) / seconds, statuses))
print("save latency ms: p50 %.1f  p90 %.1f  p95 %.1f  p99 %.1f  max %.1f" % (pct(.5), pct(.9), pct(.95), pct(.99), times[-1] if times else float("nan")))
