# Sourced by the bin/bench-* scripts: what every benchmark shares. Not a command.
#
# Sets here (the checkout), JAVA_HOME (PINCH_JAVA_HOME or Temurin 25) and threads (THREADS, default 2), and
# defines:
#   bench_lock ARGS...   builds what the bench needs (the script's bench_build function if it defines one, else the
#                        bench module and what it depends on), then
#                        runs the calling script again with ARGS under the machine-wide build lock
#                        (/tmp/pinch-mvn.lock), so that no Maven build competes while it times; once per invocation.
#                        BENCH_LOCK=0 builds but skips the lock.
#   bench_threads        the same threading for every framework: THREADS intra-op threads, and OpenMP threads that
#                        sleep rather than spin when idle (spinning collapses throughput as soon as anything else runs).
#   bench_java CP [OPT...]
#                        sets the array java to the JVM command line of a bench: DJL offline, THREADS intra-op and one
#                        inter-op thread, classpath CP, then OPT (a later -Xmx wins); the main class and its
#                        arguments follow "${java[@]}".
# BENCH_JAR_CP is the bench module's classpath.
here=$(cd "$(dirname "$0")/.." && pwd)
export JAVA_HOME=${PINCH_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
threads=${THREADS:-2}
BENCH_JAR_CP="$here/bench/target/bench-0.1.0-SNAPSHOT.jar:$here/bench/target/lib/*"

bench_lock() {
  [ -n "${PINCH_BENCH_LOCKED:-}" ] && return 0
  if declare -F bench_build >/dev/null; then
    bench_build
  else
    "$here/bin/mvn" -B -q -DskipTests install -pl bench -am
  fi
  export PINCH_BENCH_LOCKED=1
  if [ "${BENCH_LOCK:-1}" = 1 ]; then
    echo "waiting for /tmp/pinch-mvn.lock (no build competes while timing)..." >&2
    exec flock /tmp/pinch-mvn.lock "$0" "$@"
  fi
}

bench_threads() {
  export OMP_NUM_THREADS=$threads MKL_NUM_THREADS=$threads OPENBLAS_NUM_THREADS=$threads OMP_WAIT_POLICY=PASSIVE
}

bench_java() {
  local cp=$1
  shift
  java=("$JAVA_HOME/bin/java" -Xmx2g --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow
    -Dai.djl.offline=true -Dai.djl.pytorch.num_threads="$threads" -Dai.djl.pytorch.num_interop_threads=1
    -Djava.util.logging.manager=org.jboss.logmanager.LogManager "$@" -cp "$cp")
}
