#!/usr/bin/env python3
"""Checks the Binder configuration as far as it can be checked without mybinder.org.

Binder's own build (repo2docker: conda env, apt packages, postBuild with the JJava download) runs
only on mybinder.org. Here:

  1. the files exist (binder/environment.yml, apt.txt, postBuild — executable), and
     environment.yml asks for JDK 25, Maven and JupyterLab from conda-forge;
  2. postBuild and every script it calls, transitively, exist and pass `bash -n`
     (Java sources run by them exist; Python ones compile);
  3. apt.txt provides the commands postBuild uses that a Binder base image lacks (curl, unzip)
     and the Debian package behind every `deb:` source of the text data prepare.sh fetches;
  4. a dry run of binder/postBuild with a stand-in JJava zip (JJAVA_ZIP; this machine cannot reach
     GitHub) into a temporary prefix, then the kernel spec it wrote is validated: valid JSON in
     kernels/java, argv starts a JDK 25 with the heap/thread flags and jjava.jar, JJAVA_CLASSPATH
     holds the toolkit jar and a glob that matches every jar of toolkit/target/lib, the data
     directory it names holds the datasets, DJL's natives are unpacked;
  5. the validators reject broken inputs (a postBuild with a syntax error, a spec without the
     toolkit on its classpath, a spec under another name) — so these checks can fail.

    python3 scripts/check-binder.py [--no-dry-run]

Last line: "binder: N passed, M failed".
"""
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BINDER = REPO / "binder"
TOOLKIT_JAR = REPO / "toolkit" / "target" / "spuriouslab-toolkit.jar"
LIB = REPO / "toolkit" / "target" / "lib"

results = []


def check(name, problems):
    """Records one check; problems is a list of strings (empty = passed)."""
    results.append((name, list(problems)))
    status = "ok  " if not problems else "FAIL"
    print(f"  {status} {name}")
    for p in problems:
        print(f"         - {p}")
    return not problems


# ------------------------------------------------------------------ 1. files, environment.yml
def files_problems(binder=BINDER):
    out = []
    for f in ("environment.yml", "apt.txt", "postBuild", "README.md"):
        if not (binder / f).is_file():
            out.append(f"{binder / f} is missing")
    pb = binder / "postBuild"
    if pb.is_file() and not os.access(pb, os.X_OK):
        out.append(f"{pb} is not executable (repo2docker runs it directly)")
    return out


def environment_problems(path=BINDER / "environment.yml"):
    try:
        import yaml
        env = yaml.safe_load(path.read_text())
    except ImportError:  # no PyYAML: a minimal reader of the flat list we write
        env = {"channels": [], "dependencies": []}
        key = None
        for line in path.read_text().splitlines():
            line = line.split("#", 1)[0].rstrip()
            if re.match(r"^\w+:", line):
                key = line.split(":", 1)[0]
            elif line.strip().startswith("- ") and key in env:
                env[key].append(line.strip()[2:].strip())
    except Exception as e:
        return [f"{path} is not valid YAML: {e}"]
    out = []
    if not isinstance(env, dict):
        return [f"{path}: not a mapping"]
    if "conda-forge" not in (env.get("channels") or []):
        out.append("channels must include conda-forge (openjdk 25 and maven come from there)")
    deps = [d for d in (env.get("dependencies") or []) if isinstance(d, str)]
    names = {re.split(r"[=<>!\s]", d, 1)[0]: d for d in deps}
    if not re.fullmatch(r"openjdk\s*=\s*25(\.[\d.*]+)?", names.get("openjdk", "")):
        out.append(f"openjdk must be pinned to 25 (openjdk=25), found {names.get('openjdk')!r}")
    for pkg in ("maven", "jupyterlab", "python"):
        if pkg not in names:
            out.append(f"{pkg} is missing from dependencies")
    return out


# ------------------------------------------------------------------ 2. scripts, transitively
REF = re.compile(r"(?<![\w.-])((?:scripts|data-fetch|binder)/[\w./-]+)")


def referenced_files(text):
    refs = set()
    for m in REF.finditer(text):
        ref = m.group(1).rstrip(".")
        if "*" in ref or ref.endswith("/"):
            continue
        refs.add(ref)
    return refs


# Under `set -o pipefail`, `cmd | head …` and `cmd | grep -q/-m …` fail at random: the reader exits
# early, the writer gets SIGPIPE (exit 141) and the whole pipeline fails. CI lost that race once
# (`unzip -l jar | grep -q …` in postBuild failed about one run in three).
EARLY_EXIT_PIPE = re.compile(r"\|\s*(?:head\b|grep\s+(?:-\w*[qm]\w*\b|--quiet|--max-count))")


def early_exit_pipes(text):
    """Lines of a pipefail script that pipe into a reader which may stop reading early."""
    if not re.search(r"^\s*set\s+-\w*o\s+pipefail|-euo pipefail", text, re.M):   # set -o / -euo pipefail
        return []
    return [f"line {i}: {line.strip()}" for i, line in enumerate(text.splitlines(), 1)
            if not line.lstrip().startswith("#") and EARLY_EXIT_PIPE.search(line)]


def script_problems(start, repo=REPO):
    """bash -n on start and on every script it names, transitively; named files must exist; no
    pipeline in a pipefail script ends in a reader that may exit early (head, grep -q)."""
    out, seen, todo = [], set(), [start]
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        if not path.exists():
            out.append(f"{path.relative_to(repo) if path.is_relative_to(repo) else path} is referenced but missing")
            continue
        text = path.read_text(errors="replace")
        first = text.splitlines()[0] if text else ""
        if path.suffix == ".sh" or "bash" in first or path.name in ("postBuild", "fetch"):
            r = subprocess.run(["bash", "-n", str(path)], capture_output=True, text=True)
            if r.returncode:
                out.append(f"bash -n {path.name}: {r.stderr.strip()}")
            for where in early_exit_pipes(text):
                out.append(f"{path.name} {where} — under pipefail this fails at random (SIGPIPE); "
                           "use find -print -quit, sed -n 1p, or grep on a variable")
            for ref in referenced_files(text):
                target = repo / ref
                if target.is_dir():
                    continue
                todo.append(target)
        elif path.suffix == ".py":
            try:
                compile(text, str(path), "exec")  # no .pyc written
            except SyntaxError as e:
                out.append(f"{path.name} does not compile: {e}")
    return out, seen


# ------------------------------------------------------------------ 3. apt.txt
def apt_problems(binder=BINDER, repo=REPO):
    pkgs = {l.split("#", 1)[0].strip() for l in (binder / "apt.txt").read_text().splitlines()} - {""}
    out = []
    post = (binder / "postBuild").read_text()
    for cmd in ("curl", "unzip"):
        if re.search(rf"\b{cmd}\b", post) and cmd not in pkgs:
            out.append(f"postBuild uses {cmd} but apt.txt does not install it")
    manifest = (repo / "data-fetch" / "manifest.tsv").read_text()
    prepare = (repo / "scripts" / "prepare.sh").read_text()
    text_sets = set(re.findall(r"data-fetch/fetch ((?:[\w-]+ ?)+)", prepare.split("text data", 1)[-1])[0].split())
    for line in manifest.splitlines():
        cols = line.split("\t")
        if len(cols) >= 6 and cols[0] in text_sets:
            for src in cols[5].split():
                if src.startswith("deb:"):
                    pkg = src.split(":")[1]
                    if pkg not in pkgs:
                        out.append(f"{cols[0]}/{cols[1]} comes from Debian's {pkg}, which apt.txt does not install")
    return sorted(set(out))


# ------------------------------------------------------------------ 4. the kernel spec
def java_spec_version(java):
    try:
        r = subprocess.run([java, "-XshowSettings:properties", "-version"], capture_output=True, text=True, timeout=60)
    except OSError as e:
        return f"cannot run: {e}"
    m = re.search(r"java\.specification\.version = (\S+)", r.stderr)
    return m.group(1) if m else "unknown"


def heap_mib(flag):
    m = re.fullmatch(r"-Xmx(\d+)([kKmMgG]?)", flag)
    if not m:
        return None
    n, unit = int(m.group(1)), m.group(2).lower()
    return {"k": n / 1024, "m": n, "g": n * 1024, "": n / 2**20}[unit]


def kernel_spec_problems(spec_path, lib=LIB, toolkit_jar=TOOLKIT_JAR, check_data=True):
    out = []
    spec_path = Path(spec_path)
    if spec_path.parent.name != "java":
        out.append(f"the kernel is installed as '{spec_path.parent.name}', not 'java' (the notebooks name 'java')")
    try:
        spec = json.loads(spec_path.read_text())
    except (OSError, ValueError) as e:
        return out + [f"{spec_path}: not valid JSON: {e}"]
    argv, env = spec.get("argv", []), spec.get("env", {})
    if spec.get("language") != "java":
        out.append(f"language is {spec.get('language')!r}, not 'java'")
    if not argv or argv[-1] != "{connection_file}":
        out.append("argv must end with {connection_file}")
    if argv:
        v = java_spec_version(argv[0])
        if v != "25":
            out.append(f"argv[0] {argv[0]} is Java {v}, not a JDK 25")
    if "-jar" in argv:
        jar = Path(argv[argv.index("-jar") + 1])
        if jar.name != "jjava.jar":
            out.append(f"the kernel jar is {jar.name}, not JJava's jjava.jar")
        if not jar.is_file():
            out.append(f"the kernel jar {jar} does not exist")
    else:
        out.append("argv has no -jar")
    heaps = [heap_mib(a) for a in argv if a.startswith("-Xmx")]
    if not heaps or heaps[0] is None:
        out.append("no -Xmx heap limit in argv (Binder gives about 2 GB)")
    elif heaps[0] > 1024:
        out.append(f"heap -Xmx is {heaps[0]:.0f} MiB; above 1 GiB the kernel no longer fits Binder's 2 GB with PyTorch's native memory")
    for flag in ("-XX:+UseSerialGC", "-Dai.djl.offline=true", "-Dai.djl.pytorch.num_threads=2",
                 "--add-opens", "jdk.jshell/jdk.jshell=ALL-UNNAMED", "-Djava.awt.headless=true"):
        if flag not in argv:
            out.append(f"argv lacks {flag}")
    cp = env.get("JJAVA_CLASSPATH")
    if not cp:
        out.append("env.JJAVA_CLASSPATH is missing: the toolkit would not be on the kernel's classpath")
    else:
        entries = [e for e in cp.split(":") if e]
        if str(toolkit_jar) not in entries:
            out.append(f"JJAVA_CLASSPATH lacks the toolkit jar {toolkit_jar}")
        elif not Path(toolkit_jar).is_file():
            out.append(f"the toolkit jar {toolkit_jar} does not exist (build it)")
        matched = set()
        for e in entries:
            matched.update(Path(p).name for p in glob.glob(e))
        needed = {p.name for p in Path(lib).glob("*.jar")}
        if not needed:
            out.append(f"{lib} holds no jars (build it)")
        missing = needed - matched
        if missing:
            out.append(f"JJAVA_CLASSPATH misses {len(missing)} of the toolkit's {len(needed)} runtime jars, e.g. {sorted(missing)[:3]}")
        for prefix in ("api-", "pytorch-engine-", "pytorch-native-cpu-", "xchart-", "tablesaw-core-"):
            if not any(n.startswith(prefix) for n in matched):
                out.append(f"no {prefix}*.jar on JJAVA_CLASSPATH")
    for key, want in (("DJL_OFFLINE", "true"), ("OMP_NUM_THREADS", "2"), ("OMP_WAIT_POLICY", "PASSIVE")):
        if env.get(key) != want:
            out.append(f"env.{key} is {env.get(key)!r}, want {want!r}")
    if check_data:
        data = Path(env.get("SPURIOUS_DATA", ""))
        if not env.get("SPURIOUS_DATA"):
            out.append("env.SPURIOUS_DATA is missing")
        else:
            has_images = any((data / d / f).is_file() for d, f in (("mnist", "train-images-idx3-ubyte.gz"),
                                                                   ("fashion-mnist", "train-images-idx3-ubyte")))
            if not has_images:
                out.append(f"{data} holds neither MNIST nor Fashion-MNIST")
            for d, f in (("fortunes", "politics"), ("naughty-words", "en.json")):
                if not (data / d / f).is_file():
                    out.append(f"{data / d / f} is missing")
        cache = Path(env.get("DJL_CACHE_DIR") or Path.home() / ".djl.ai")
        if not glob.glob(str(cache / "pytorch" / "*" / "libtorch_cpu.so")):
            out.append(f"DJL's PyTorch natives are not unpacked under {cache}/pytorch")
    return out


def stand_in_jjava_zip(path):
    """A zip shaped like JJava's release (jjava.jar with the main class's name, kernel.json), no code."""
    jar = Path(path).with_suffix(".jar")
    with zipfile.ZipFile(jar, "w") as z:
        z.writestr("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\nMain-Class: org.dflib.jjava.distro.JJava\n")
        z.writestr("META-INF/maven/org.dflib.jjava/jjava-distro/pom.properties", "version=stand-in\n")
        z.writestr("org/dflib/jjava/distro/JJava.class", b"")
    with zipfile.ZipFile(path, "w") as z:
        z.write(jar, "jjava.jar")
        z.writestr("kernel.json", json.dumps({"argv": ["java", "-jar", "{resource_dir}/jjava.jar", "{connection_file}"],
                                              "display_name": "Java", "language": "java"}))
    jar.unlink()
    return path


def dry_run(tmp):
    zip_path = stand_in_jjava_zip(Path(tmp) / "jjava-stand-in-kernelspec.zip")
    prefix = Path(tmp) / "prefix"
    env = dict(os.environ, JJAVA_ZIP=str(zip_path), BINDER_PREFIX=str(prefix), BINDER_KEEP_M2="1")
    log = REPO / "build" / "binder-dry-run.log"
    log.parent.mkdir(exist_ok=True)
    with open(log, "w") as f:
        r = subprocess.run([str(BINDER / "postBuild")], cwd=REPO, env=env, stdout=f, stderr=subprocess.STDOUT)
    problems = [] if r.returncode == 0 else [f"binder/postBuild exited {r.returncode}; log: {log}"]
    if r.returncode:  # CI keeps only what is printed: show the end of the log
        tail = log.read_text(errors="replace").splitlines()[-25:]
        problems += [f"log | {line}" for line in tail]
    spec = prefix / "share" / "jupyter" / "kernels" / "java" / "kernel.json"
    return problems, spec, log


# ------------------------------------------------------------------ 5. the validators can fail
def self_tests(tmp, good_spec):
    tmp = Path(tmp)
    out = []
    bad = tmp / "bad-binder"
    shutil.copytree(BINDER, bad)
    (bad / "postBuild").write_text((bad / "postBuild").read_text() + "\nif then fi\n")
    if not script_problems(bad / "postBuild")[0]:
        out.append("a postBuild with a syntax error passed bash -n")
    (bad / "postBuild").write_text((BINDER / "postBuild").read_text() + "\nunzip -l x.jar | grep -q Main\n")
    if not script_problems(bad / "postBuild")[0]:
        out.append("a postBuild piping into grep -q under pipefail passed")
    os.chmod(bad / "postBuild", 0o644)
    if not files_problems(bad):
        out.append("a non-executable postBuild passed")
    env_bad = tmp / "environment.yml"
    env_bad.write_text("channels: [conda-forge]\ndependencies: [python=3.12, openjdk=21, maven, jupyterlab]\n")
    if not environment_problems(env_bad):
        out.append("an environment.yml with openjdk=21 passed")
    if good_spec is not None and good_spec.is_file():
        spec = json.loads(good_spec.read_text())
        for name, mutate in (
                ("without the toolkit jar", lambda s: s["env"].update(JJAVA_CLASSPATH=str(LIB / "*.jar"))),
                ("without the lib glob", lambda s: s["env"].update(JJAVA_CLASSPATH=str(TOOLKIT_JAR))),
                ("with a 4 GB heap", lambda s: s.update(argv=[("-Xmx4g" if a.startswith("-Xmx") else a) for a in s["argv"]])),
                ("with Java 17", lambda s: s["argv"].__setitem__(0, shutil.which("java") or "/usr/bin/java"))):
            s = json.loads(json.dumps(spec))
            mutate(s)
            d = tmp / "kernels" / "java"
            d.mkdir(parents=True, exist_ok=True)
            (d / "kernel.json").write_text(json.dumps(s))
            if not kernel_spec_problems(d / "kernel.json", check_data=False):
                if name == "with Java 17" and java_spec_version(s["argv"][0]) == "25":
                    continue  # the default java here is a 25: nothing to reject
                out.append(f"a kernel spec {name} passed")
        other = tmp / "kernels" / "ijava"
        other.mkdir(parents=True, exist_ok=True)
        (other / "kernel.json").write_text(json.dumps(spec))
        if not kernel_spec_problems(other / "kernel.json", check_data=False):
            out.append("a kernel spec named 'ijava' passed")
        (other / "kernel.json").write_text("{not json")
        if not kernel_spec_problems(other / "kernel.json", check_data=False):
            out.append("an invalid kernel.json passed")
    return out


def main():
    dry = "--no-dry-run" not in sys.argv[1:]
    print("binder: static checks")
    check("files exist, postBuild is executable", files_problems())
    check("environment.yml: conda-forge openjdk=25, maven, jupyterlab", environment_problems())
    problems, seen = script_problems(BINDER / "postBuild")
    check(f"postBuild and the {len(seen) - 1} files it calls exist and pass bash -n", problems)
    check("apt.txt installs what postBuild and the text data need", apt_problems())
    post = (BINDER / "postBuild").read_text()
    m = re.search(r'^JJAVA_VERSION="([^"]+)"', post, re.M)
    check("postBuild pins a JJava release and downloads it from GitHub",
          [] if m and "github.com/dflib/jjava/releases/download/$JJAVA_VERSION/" in post
          else ["no pinned JJAVA_VERSION or release URL in postBuild"])
    spec = None
    with tempfile.TemporaryDirectory(prefix="binder-check-") as tmp:
        if dry:
            print("binder: dry run of binder/postBuild (stand-in JJava zip, temporary prefix)")
            problems, spec, log = dry_run(tmp)
            check("binder/postBuild runs to the end", problems)
            check("its kernel spec: kernels/java, JDK 25, heap and thread flags, toolkit classpath, data, DJL natives",
                  kernel_spec_problems(spec))
            if spec.is_file():
                s = json.loads(spec.read_text())
                print(f"         kernel.json: {spec}")
                print(f"         JJAVA_CLASSPATH={s['env'].get('JJAVA_CLASSPATH')}")
                print(f"         JVM flags: {' '.join(a for a in s['argv'] if a.startswith('-X'))}")
        check("the validators reject broken inputs", self_tests(tmp, spec))
    failed = sum(1 for _, p in results if p)
    print(f"binder: {len(results) - failed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
