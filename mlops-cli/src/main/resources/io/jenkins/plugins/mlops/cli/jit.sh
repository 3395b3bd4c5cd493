# Which JIT compilers an engine run gets, from its arguments ("$@"): sets MLOPS_JIT. Shared by the
# repository's ./mlops launcher and the Jenkins steps' scripts. A command that streams a small file ends
# before C2, the optimising compiler, pays back the core it takes (2 cores: validate of 100 000 rows x 50,
# 38 MB, 2.3 s with it, 1.2 s with C1 only; at 1 M rows, 377 MB, C2 wins, 4.4 s against 5.3 s): below
# 64 MB of input those commands run on C1 alone. Training keeps both compilers whatever its input.
MLOPS_JIT=""
case "${1:-}" in
  validate|schema|predict|test|monitor)
    mlops_bytes=0
    mlops_previous=""
    for mlops_arg in "$@"; do
      case "$mlops_previous" in --data|--reference|--log) mlops_file=$mlops_arg ;; *) mlops_file="" ;; esac
      case "$mlops_arg" in --data=*|--reference=*|--log=*) mlops_file=${mlops_arg#*=} ;; esac
      if [ -n "$mlops_file" ] && [ -f "$mlops_file" ]; then
        mlops_bytes=$((mlops_bytes + $(wc -c < "$mlops_file")))
      fi
      mlops_previous=$mlops_arg
    done
    if [ "$mlops_bytes" -lt 67108864 ]; then
      MLOPS_JIT="-XX:TieredStopAtLevel=1"
    fi
    ;;
esac
