#!/usr/bin/env bash
# A national aggregator in one page (docs/open-data.md): loads several provinces' ParTrack open-data packages into one
# PostgreSQL database and prints a comparison of the latest common plan progress and PAR Index keys.
#
#   tools/open-data-aggregate.sh postgresql://user@127.0.0.1:5432/aggregate \
#       https://cchc.hatinh.gov.vn/cong-khai/datapackage.json https://…/cong-khai/datapackage.json …
#
# Needs curl, jq and psql. Re-running updates what changed: a resource whose hash is the one already loaded is skipped.
set -euo pipefail
if [ $# -lt 2 ]; then
  echo "Usage: $0 POSTGRES_URL PACKAGE_URL..." >&2
  exit 2
fi
db=$1; shift
sql() { psql "$db" -v ON_ERROR_STOP=1 -q -X "$@"; }

sql <<'SQL'
CREATE TABLE IF NOT EXISTS provinces (code text PRIMARY KEY, name text NOT NULL, package_url text NOT NULL, loaded_at timestamptz NOT NULL);
CREATE TABLE IF NOT EXISTS resources (province_code text NOT NULL, kind text NOT NULL, key text NOT NULL, hash text NOT NULL,
  published timestamptz, PRIMARY KEY (province_code, kind, key));
CREATE TABLE IF NOT EXISTS rows (province_code text NOT NULL, kind text NOT NULL, key text NOT NULL, line int NOT NULL, data jsonb NOT NULL,
  PRIMARY KEY (province_code, kind, key, line));
SQL

for url in "$@"; do
  package=$(curl -fsS --proto =http,https --max-time 60 "$url")
  code=$(jq -r '."partrack:province".code' <<<"$package")
  name=$(jq -r '."partrack:province".name' <<<"$package")
  [ -n "$code" ] && [ "$code" != null ] || { echo "$url: no partrack:province.code" >&2; exit 1; }
  sql -v code="$code" -v name="$name" -v url="$url" <<'SQL'
INSERT INTO provinces VALUES (:'code', :'name', :'url', now())
  ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, package_url = EXCLUDED.package_url, loaded_at = now();
SQL
  loaded=0
  while IFS=$'\t' read -r kind key hash published json; do
    known=$(sql -At -v code="$code" -v kind="$kind" -v key="$key" <<'SQL'
SELECT hash FROM resources WHERE province_code = :'code' AND kind = :'kind' AND key = :'key';
SQL
)
    [ "$known" = "$hash" ] && continue
    # The resource's JSON twin has the same rows as its CSV, typed by the same schema. Every value from a package
    # reaches SQL as a psql variable (:'name' quotes it), never spliced into the text.
    doc=$(mktemp)
    curl -fsS --proto =http,https --max-time 60 "$json" | jq -c . >"$doc"
    sql -v code="$code" -v kind="$kind" -v key="$key" -v hash="$hash" -v published="$published" <<SQL
\\set doc \`cat '$doc'\`
BEGIN;
DELETE FROM rows WHERE province_code = :'code' AND kind = :'kind' AND key = :'key';
INSERT INTO rows SELECT :'code', :'kind', :'key', ordinality::int, value
  FROM jsonb_array_elements((:'doc')::jsonb -> 'rows') WITH ORDINALITY;
INSERT INTO resources VALUES (:'code', :'kind', :'key', :'hash', :'published')
  ON CONFLICT (province_code, kind, key) DO UPDATE SET hash = EXCLUDED.hash, published = EXCLUDED.published;
COMMIT;
SQL
    rm -f "$doc"
    loaded=$((loaded + 1))
  done < <(jq -r '.resources[] | [."partrack:kind", ."partrack:key", .hash, ."partrack:published", ."partrack:json"] | @tsv' <<<"$package")
  echo "$name ($code): $loaded resource(s) loaded"
done

echo
echo "Plan progress by province, latest period key every province published:"
sql -P footer=off <<'SQL'
WITH latest AS (
  SELECT max(key) AS key FROM (SELECT key FROM resources WHERE kind = 'plan-progress'
    GROUP BY key HAVING count(*) = (SELECT count(*) FROM provinces)) k)
SELECT p.name AS province, p.code, r.key AS period,
       sum((r.data->>'activities')::int) AS activities, sum((r.data->>'done')::int) AS done,
       sum((r.data->>'overdue')::int) AS overdue,
       round(100.0 * sum((r.data->>'done')::int) / nullif(sum((r.data->>'activities')::int), 0), 1) AS percent_done
FROM rows r JOIN provinces p ON p.code = r.province_code JOIN latest l ON l.key = r.key
WHERE r.kind = 'plan-progress'
GROUP BY p.name, p.code, r.key ORDER BY percent_done DESC, p.code;
SQL
echo "PAR Index by province, latest common year:"
sql -P footer=off <<'SQL'
WITH latest AS (
  SELECT max(key) AS key FROM (SELECT key FROM resources WHERE kind = 'par-index'
    GROUP BY key HAVING count(*) = (SELECT count(*) FROM provinces)) k)
SELECT p.name AS province, p.code, r.key AS year, r.data->>'group' AS unit_group, count(*) AS units,
       round(avg((r.data->>'index_percent')::numeric), 2) AS mean_index,
       count(*) FILTER (WHERE r.data->>'class' = 'A') AS class_a
FROM rows r JOIN provinces p ON p.code = r.province_code JOIN latest l ON l.key = r.key
WHERE r.kind = 'par-index'
GROUP BY p.name, p.code, r.key, r.data->>'group' ORDER BY unit_group, mean_index DESC, p.code;
SQL
