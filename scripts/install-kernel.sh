#!/usr/bin/env bash
# Installs the Java Jupyter kernel under the name "java", with the toolkit jar and its runtime
# dependencies preset on the classpath and JVM flags for offline DJL, 2 threads and a heap that
# fits Binder. On these machines the kernel is rapaio-jupyter-kernel (IJava family, from Maven
# Central); it is copied to toolkit/target/kernel/ by 'mvn package'.
#
#   scripts/install-kernel.sh            # into the project's .venv (what run.sh and test.sh use)
#   scripts/install-kernel.sh --user     # into your own Jupyter (~/.local/share/jupyter/kernels)
#   scripts/install-kernel.sh --prefix P # into P/share/jupyter/kernels
#
# scripts/kernel/rapaio-init.jsh (RJK_INIT_SCRIPT; no comments allowed in it) switches rapaio's
# default display from text/html to text/plain: rapaio shows an object's toString() as HTML,
# which collapses the aligned columns of a Tablesaw table into one line. Images stay image/png.
#
# Memory: heap -Xmx${SPURIOUS_HEAP:-768m}; PyTorch's tensors live outside the heap. Together the
# kernel JVM stays under 1.5 GB resident for every notebook in the series (see README).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
find_jdk25

prefix="$REPO/.venv"
case "${1:-}" in
  --user) prefix="${XDG_DATA_HOME:-$HOME/.local/share}"; kdir="$prefix/jupyter/kernels/java" ;;
  --prefix) prefix="${2:?--prefix needs a folder}"; kdir="$prefix/share/jupyter/kernels/java" ;;
  "") kdir="$prefix/share/jupyter/kernels/java" ;;
  *) die "usage: $0 [--user | --prefix DIR]" ;;
esac

JAR="$REPO/toolkit/target/spuriouslab-toolkit.jar"
LIB="$REPO/toolkit/target/lib"
KJAR="$REPO/toolkit/target/kernel/rapaio-jupyter-kernel.jar"
for f in "$JAR" "$LIB" "$KJAR"; do
  [ -e "$f" ] || die "$f is missing; build first: mvn -B -DskipTests package (run.sh does it)"
done
KVER="$(unzip -p "$KJAR" META-INF/maven/io.github.padreati/rapaio-jupyter-kernel/pom.properties 2>/dev/null \
        | sed -n 's/^version=//p')"

mkdir -p "$kdir"
cp "$KJAR" "$kdir/rapaio-jupyter-kernel.jar"
HEAP="${SPURIOUS_HEAP:-768m}"
python3 - "$kdir/kernel.json" <<PY
import json, sys
spec = {
  "argv": [
    "$JAVA",
    "-Xms128m", "-Xmx$HEAP", "-XX:+UseSerialGC", "-XX:MaxMetaspaceSize=384m",
    "-Djava.awt.headless=true",
    "-Dai.djl.offline=true", "-Dai.djl.pytorch.num_threads=2", "-Dai.djl.pytorch.num_interop_threads=1",
    "--enable-native-access=ALL-UNNAMED",
    "-jar", "$kdir/rapaio-jupyter-kernel.jar", "{connection_file}"
  ],
  "display_name": "Java 25 (Spurious Lab)",
  "language": "java",
  "interrupt_mode": "message",
  "env": {
    "RJK_CLASSPATH": "$JAR;$LIB/*.jar",
    "RJK_COMPILER_OPTIONS": "",
    "RJK_TIMEOUT_MILLIS": "-1",
    "RJK_INIT_SCRIPT": "$REPO/scripts/kernel/rapaio-init.jsh",
    "SPURIOUS_KERNEL": "rapaio-jupyter-kernel $KVER on $("$JAVA" -version 2>&1 | head -1 | tr -d '"')",
    "SPURIOUS_DATA": "$SPURIOUS_DATA",
    "DJL_OFFLINE": "true",
    "OMP_NUM_THREADS": "2"
  },
  "metadata": {"debugger": False}
}
spec["argv"] = [a for a in spec["argv"] if a]
json.dump(spec, open(sys.argv[1], "w"), indent=2)
PY
echo "kernel: installed 'java' (rapaio-jupyter-kernel $KVER, $JAVA) in $kdir"
