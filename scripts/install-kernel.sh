#!/usr/bin/env bash
# Installs the Java Jupyter kernel under the name "java", with the toolkit jar and its runtime
# dependencies preset on the classpath and JVM flags for offline DJL, 2 threads and a heap that
# fits Binder. Two kernels of the IJava family are supported:
#
#   rapaio (default)  rapaio-jupyter-kernel, from Maven Central; 'mvn package' copies it to
#                     toolkit/target/kernel/. What run.sh, test.sh and scripts/lab.sh use.
#   jjava             JJava (github.com/dflib/jjava, the maintained successor of IJava), from its
#                     release zip, unpacked into DIR (it holds jjava.jar). What Binder uses
#                     (binder/postBuild downloads the release); these build machines cannot.
#
#   scripts/install-kernel.sh                       # rapaio, into the project's .venv
#   scripts/install-kernel.sh --user                # rapaio, into ~/.local/share/jupyter/kernels
#   scripts/install-kernel.sh --prefix P            # into P/share/jupyter/kernels (e.g. a conda env)
#   scripts/install-kernel.sh --kernel jjava --jjava-dir DIR [--prefix P | --user]
#
# The kernel spec is written to <kernels>/java/kernel.json; the kernel jar is copied beside it.
#
# rapaio 3.0.1 hangs in "starting" in about one start in five here, more under load (two races in
# its channel loop threads); scripts/kernel/rapaio-patch/org/rapaio/jupyter/kernel/channels/
# LoopThread.java fixes them. It is compiled into <kernels>/java/rapaio-patch and put before the
# kernel jar on the class path (the kernel then starts with -cp … MainApp instead of -jar);
# scripts/kernel-startup-check.py measures the fix.
#
# scripts/kernel/rapaio-init.jsh (RJK_INIT_SCRIPT; no comments allowed in it) switches rapaio's
# default display from text/html to text/plain: rapaio shows an object's toString() as HTML,
# which collapses the aligned columns of a Tablesaw table into one line. Images stay image/png.
# JJava shows toString() as text/plain already.
#
# Memory and threads (the same for both kernels): heap -Xmx${SPURIOUS_HEAP:-768m}, metaspace
# 384m, SerialGC (no GC threads), 2 JIT compiler threads, 2 PyTorch intra-op threads and 1
# inter-op thread, OMP_NUM_THREADS=2. PyTorch's tensors live outside the heap; the kernel JVM
# stays under 1.5 GB resident for every notebook in the series (see README), which leaves room for
# the Jupyter server within Binder's 2 GB. The JJava spec also sets OMP_WAIT_POLICY=PASSIVE:
# Binder's CPUs are shared, and spinning OpenMP threads there burn the CPU quota between ops.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

usage="usage: $0 [--kernel rapaio|jjava] [--jjava-dir DIR] [--user | --prefix DIR]"
impl=rapaio jjava_dir="" prefix="$REPO/.venv" kroot=""
while [ $# -gt 0 ]; do
  case "$1" in
    --user) prefix="${XDG_DATA_HOME:-$HOME/.local/share}"; kroot="$prefix/jupyter/kernels"; shift ;;
    --prefix) prefix="${2:?--prefix needs a folder}"; kroot=""; shift 2 ;;
    --kernel) impl="${2:?--kernel needs rapaio or jjava}"; shift 2 ;;
    --jjava-dir) jjava_dir="${2:?--jjava-dir needs the unpacked JJava release folder}"; shift 2 ;;
    -h|--help) echo "$usage"; exit 0 ;;
    *) die "$usage" ;;
  esac
done
[ -n "$kroot" ] || kroot="$prefix/share/jupyter/kernels"
kdir="$kroot/java"
find_jdk25

JAR="$REPO/toolkit/target/spuriouslab-toolkit.jar"
LIB="$REPO/toolkit/target/lib"
for f in "$JAR" "$LIB"; do
  [ -e "$f" ] || die "$f is missing; build first: mvn -B -DskipTests package (run.sh does it)"
done
ls "$LIB"/*.jar > /dev/null 2>&1 || die "$LIB holds no jars; rebuild: mvn -B -DskipTests package"

# jar_version JAR GROUP ARTIFACT: the version in the jar's Maven pom.properties, or "unknown"
jar_version() {
  python3 - "$@" <<'PY'
import sys, zipfile
jar, group, artifact = sys.argv[1:4]
try:
    with zipfile.ZipFile(jar) as z:
        text = z.read(f"META-INF/maven/{group}/{artifact}/pom.properties").decode()
    print(next(l.split("=", 1)[1].strip() for l in text.splitlines() if l.startswith("version=")))
except Exception:
    print("unknown")
PY
}

case "$impl" in
  rapaio)
    KJAR="$REPO/toolkit/target/kernel/rapaio-jupyter-kernel.jar"
    [ -e "$KJAR" ] || die "$KJAR is missing; build first: mvn -B -DskipTests package (run.sh does it)"
    KVER="$(jar_version "$KJAR" io.github.padreati rapaio-jupyter-kernel)"
    KNAME="rapaio-jupyter-kernel $KVER"
    KFILE="rapaio-jupyter-kernel.jar" ;;
  jjava)
    [ -n "$jjava_dir" ] || die "--kernel jjava needs --jjava-dir DIR (the unpacked JJava release zip)"
    KJAR="$(find "$jjava_dir" -maxdepth 2 -name jjava.jar -print -quit)"
    [ -n "$KJAR" ] || KJAR="$(find "$jjava_dir" -maxdepth 2 -name 'jjava*.jar' ! -name '*launcher*' -print -quit)"
    [ -n "$KJAR" ] || die "no jjava.jar in $jjava_dir (unpack JJava's release zip, jjava-VERSION-kernelspec.zip, there)"
    KVER="$(jar_version "$KJAR" org.dflib.jjava jjava-distro)"
    [ "$KVER" != unknown ] || KVER="$(jar_version "$KJAR" org.dflib.jjava jjava)"
    KNAME="JJava $KVER"
    KFILE="jjava.jar" ;;
  *) die "--kernel must be rapaio or jjava, not '$impl'" ;;
esac

mkdir -p "$kdir"
rm -f "$kdir"/*.jar
rm -rf "$kdir/rapaio-patch"
cp "$KJAR" "$kdir/$KFILE"
if [ "$impl" = rapaio ]; then
  PATCHED_FOR="3.0.1"   # the LoopThread replaced was read from this version's jar
  [ "$KVER" = "$PATCHED_FOR" ] || die "scripts/kernel/rapaio-patch fixes rapaio-jupyter-kernel $PATCHED_FOR, but the jar is $KVER; check its LoopThread (javap -p -c) and update the patch and PATCHED_FOR"
  "$(dirname "$JAVA")/javac" -nowarn -d "$kdir/rapaio-patch" -cp "$kdir/$KFILE" \
    "$REPO/scripts/kernel/rapaio-patch/org/rapaio/jupyter/kernel/channels/LoopThread.java" \
    || die "compiling scripts/kernel/rapaio-patch failed"
fi
HEAP="${SPURIOUS_HEAP:-768m}"
JDESC="$("$JAVA" -version 2>&1 | sed -n 1p | tr -d '"')"   # sed reads to the end: no SIGPIPE under pipefail
python3 - "$kdir/kernel.json" "$impl" <<PY
import json, sys
path, impl = sys.argv[1], sys.argv[2]
jvm = [
    "$JAVA",
    "-Xms128m", "-Xmx$HEAP", "-XX:+UseSerialGC", "-XX:MaxMetaspaceSize=384m", "-XX:CICompilerCount=2",
    "-Djava.awt.headless=true",
    "-Dai.djl.offline=true", "-Dai.djl.pytorch.num_threads=2", "-Dai.djl.pytorch.num_interop_threads=1",
    "--enable-native-access=ALL-UNNAMED",
]
env = {
    "SPURIOUS_KERNEL": "$KNAME on $JDESC",
    "SPURIOUS_DATA": "$SPURIOUS_DATA",
    "DJL_OFFLINE": "true",
    "OMP_NUM_THREADS": "2",
}
if "${DJL_CACHE_DIR:-}":
    env["DJL_CACHE_DIR"] = "${DJL_CACHE_DIR:-}"
if impl == "rapaio":
    # the patched LoopThread first, so it replaces the jar's (see the header)
    argv = jvm + ["-cp", "$kdir/rapaio-patch:$kdir/$KFILE", "org.rapaio.jupyter.kernel.MainApp", "{connection_file}"]
    env.update({
        "RJK_CLASSPATH": "$JAR;$LIB/*.jar",   # rapaio: ';'-separated, globs allowed
        "RJK_COMPILER_OPTIONS": "",
        "RJK_TIMEOUT_MILLIS": "-1",
        "RJK_INIT_SCRIPT": "$REPO/scripts/kernel/rapaio-init.jsh",
    })
else:
    # JJava's own kernel.json starts jjava-launcher.jar, which starts 'java' from the PATH with
    # JJAVA_JVM_OPTS; we start jjava.jar directly with the JDK 25 found here (one process, the JDK
    # chosen explicitly) and the flag the launcher adds.
    argv = jvm + ["--add-opens", "jdk.jshell/jdk.jshell=ALL-UNNAMED", "-jar", "$kdir/$KFILE", "{connection_file}"]
    env.update({
        "JJAVA_CLASSPATH": "$JAR:$LIB/*.jar",  # JJava: ':'-separated (File.pathSeparator), globs allowed
        "JJAVA_COMPILER_OPTS": "",
        "JJAVA_TIMEOUT": "-1",
        "OMP_WAIT_POLICY": "PASSIVE",
    })
spec = {
    "argv": argv,
    "display_name": "Java 25 (Spurious Lab)",
    "language": "java",
    "interrupt_mode": "message",
    "env": env,
    "metadata": {"debugger": False},
}
with open(path, "w") as f:
    json.dump(spec, f, indent=2)
PY
echo "kernel: installed 'java' ($KNAME, $JAVA) in $kdir"
