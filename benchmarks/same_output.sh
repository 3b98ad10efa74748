#!/bin/sh
# Does this checkout analyse exactly as another one does?  Prints one line per case, "same" or "DIFFERS",
# and exits 1 if any case differs.  Cases: `analyze --json` on copies of the bundled seeds and of each story
# folder given (its articles alone with the bundled config, and the folder with its topics.yaml when it has
# one), each cold (empty cache), warm (the cache the cold run wrote) and after one article changed (the
# warm cache relinks it); the changed run is also held against this checkout's --no-cache analysis.
# Caches and config go to a temporary folder, never the user's.
#
#   benchmarks/same_output.sh /work/main ../shared/eval/stories/evergiven
set -u
other=$(cd "${1:?usage: same_output.sh OTHER_CHECKOUT [STORY_DIR ...]}" && pwd); shift
here=$(pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export PARALLAX_CONFIG_DIR="$tmp/config" PARALLAX_DATA_DIR="$tmp/data"
status=0
run() { # checkout cache-name out args...
    dir=$1 cache=$2 out=$3; shift 3
    (cd "$dir" && PARALLAX_CACHE_DIR="$tmp/$cache" uv run -q parallax analyze --json "$@" >"$out" 2>&1)
}
verdict() { # a b name
    if cmp -s "$1" "$2"; then echo "same     $3"; else echo "DIFFERS  $3"; status=1; fi
}
case_() { # name folder (a copy: its first article is changed in the last pass)
    name=$1 folder=$2
    for pass in cold warm changed; do
        if [ $pass = changed ]; then
            first=$(find "$folder" -maxdepth 1 -type f ! -name '*.yaml' | sort | head -n 1)
            printf '\n\nA paragraph added to see one article relinked, about the talks and the delivery.\n' >>"$first"
        fi
        run "$other" "other-$name" "$tmp/a" "$folder"; run "$here" "here-$name" "$tmp/b" "$folder"
        verdict "$tmp/a" "$tmp/b" "$name ($pass)"
    done
    run "$here" "unused" "$tmp/c" "$folder" --no-cache
    verdict "$tmp/b" "$tmp/c" "$name (changed, relinked = --no-cache)"
}
cp -r "$here/seeds" "$tmp/seeds"   # one path for both checkouts: each article's path is in the JSON
case_ seeds "$tmp/seeds"
n=0
for story in "$@"; do
    n=$((n + 1))
    mkdir "$tmp/story$n"
    find "$story" -maxdepth 1 -type f ! -name '*.yaml' -exec cp {} "$tmp/story$n/" \;  # the articles alone
    case_ "story$n-noconfig" "$tmp/story$n"
    if [ -f "$story/topics.yaml" ]; then
        cp -r "$story" "$tmp/story$n-topics"
        case_ "story$n-topics" "$tmp/story$n-topics"
    fi
done
exit $status
