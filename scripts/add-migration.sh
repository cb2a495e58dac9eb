#!/usr/bin/env bash
# Adds one generated migration named NAME for both providers (SQLite and PostgreSQL) with the EF Core tools:
#   scripts/add-migration.sh AddInspections            # the model changed: one migration per provider
#   scripts/add-migration.sh SeedRegions --allow-empty  # no model change: empty Up/Down to fill by hand (data)
# Files land in src/ParTrack/Data/Migrations/{Sqlite,Postgres}/ with each provider's model snapshot. If either
# provider fails, both are put back as they were. See docs/architecture.md, "Changing the schema".
set -euo pipefail
cd "$(dirname "$0")/.."

name=${1:-}
allow_empty=${2:-}
if ! [[ "$name" =~ ^[A-Z][A-Za-z0-9]{2,80}$ ]] || { [ -n "$allow_empty" ] && [ "$allow_empty" != --allow-empty ]; }; then
  echo "Usage: scripts/add-migration.sh Name [--allow-empty]   (Name in PascalCase, e.g. AddInspections)" >&2
  exit 2
fi

project=src/ParTrack
dir=$project/Data/Migrations
providers=(Sqlite Postgres)

# Migrations written by hand (the way before December 2026) are not seen by either provider's context and
# would leave their tables out of the generated one: their change must come from the model instead.
stray=$(grep -rlE --include='*.cs' '^\s*\[Migration\("' "$project" | grep -vE "^$dir/(Sqlite|Postgres)/" || true)
if [ -n "$stray" ]; then
  echo "Hand-written migrations found; delete them (their tables and columns are in the model) and run again:" >&2
  echo "$stray" | sed 's/^/  /' >&2
  exit 1
fi
for p in "${providers[@]}"; do
  if compgen -G "$dir/$p/*_$name.cs" >/dev/null; then
    echo "A migration named $name already exists in $dir/$p; pick another name." >&2
    exit 1
  fi
done

dotnet tool restore >/dev/null
log=$(mktemp)
echo "Building $project …"
if ! dotnet build "$project" -nologo -v q >"$log" 2>&1; then
  grep -E "error" "$log" | sort -u | head -20 >&2
  echo "The build failed (full log: $log); fix it first." >&2
  exit 1
fi

ef() { dotnet ef "$@" --project "$project" --no-build; }

# has-pending-model-changes exits 0 when the model matches the snapshot.
if [ -z "$allow_empty" ] && ef migrations has-pending-model-changes --context SqliteAppDbContext >"$log" 2>&1 \
   && ef migrations has-pending-model-changes --context PostgresAppDbContext >"$log" 2>&1; then
  echo "The model has no change since the last migration; nothing to add (use --allow-empty for a data-only migration)." >&2
  exit 1
fi

# Put everything back if a provider fails: the snapshots as they were, no new files.
backup=$(mktemp -d)
cp "$dir"/Sqlite/SqliteAppDbContextModelSnapshot.cs "$dir"/Postgres/PostgresAppDbContextModelSnapshot.cs "$backup"/
before=$(ls "$dir"/Sqlite "$dir"/Postgres | sort)
restore() {
  for p in "${providers[@]}"; do
    for f in "$dir/$p"/*_"$name".cs "$dir/$p"/*_"$name".Designer.cs; do [ -e "$f" ] && rm -f "$f"; done
    cp "$backup/${p}AppDbContextModelSnapshot.cs" "$dir/$p/"
  done
  echo "Nothing was added; the migrations are as they were." >&2
}

for p in "${providers[@]}"; do
  echo "Adding $name for $p …"
  if ! ef migrations add "$name" --context "${p}AppDbContext" --output-dir "Data/Migrations/$p" >"$log" 2>&1; then
    cat "$log" >&2
    restore
    exit 1
  fi
done

# The new files must build and leave no pending change for either provider.
if ! dotnet build "$project" -nologo -v q >"$log" 2>&1 \
   || ! ef migrations has-pending-model-changes --context SqliteAppDbContext >>"$log" 2>&1 \
   || ! ef migrations has-pending-model-changes --context PostgresAppDbContext >>"$log" 2>&1; then
  cat "$log" >&2
  restore
  exit 1
fi
rm -rf "$backup" "$log"

echo "Added:"
comm -13 <(echo "$before") <(ls "$dir"/Sqlite "$dir"/Postgres | sort) | grep -v '^$' | sed 's/^/  /'
echo "Review both Up() methods (renames come out as drop + add), then run the Infrastructure tests."
