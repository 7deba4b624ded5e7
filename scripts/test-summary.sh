#!/usr/bin/env bash
# Prints one line per module and suite kind from the Surefire/Failsafe XML reports, and a total.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$KEELSON_ROOT"
printf '%-10s %-11s %6s %6s %6s %6s\n' module kind tests fail error skip
total=(0 0 0 0)
for dir in */target/surefire-reports */target/failsafe-reports; do
  [ -d "$dir" ] || continue
  module=${dir%%/*}; kind=unit; [[ $dir == *failsafe* ]] && kind=integration
  read -r t f e s < <(cat "$dir"/TEST-*.xml 2>/dev/null | grep -o '<testsuite [^>]*' |
    awk '{ for (i = 1; i <= NF; i++) { split($i, kv, "=") ; gsub(/"/, "", kv[2]);
             if (kv[1] == "tests") t += kv[2]; if (kv[1] == "failures") f += kv[2];
             if (kv[1] == "errors") e += kv[2]; if (kv[1] == "skipped") s += kv[2] } }
         END { print t + 0, f + 0, e + 0, s + 0 }')
  printf '%-10s %-11s %6d %6d %6d %6d\n' "$module" "$kind" "$t" "$f" "$e" "$s"
  total=($((total[0] + t)) $((total[1] + f)) $((total[2] + e)) $((total[3] + s)))
done
printf '%-10s %-11s %6d %6d %6d %6d\n' total '' "${total[@]}"
