#!/usr/bin/env python3
"""Executes the notebook series in a real Jupyter kernel and writes the executed copies.

For every notebook (default: notebooks/*.ipynb in name order) this starts the kernel named in
the notebook's metadata (``java``), runs every cell, and writes the executed notebook with its
outputs plus an HTML copy to the output folder. Kernel start-up has a short timeout and is
retried ("Kernel didn't respond"): a safety net — the released rapaio kernel hung in about one
start in five, which scripts/kernel/rapaio-patch fixes (scripts/kernel-startup-check.py measures it). Any cell error fails
that notebook. The kernel's peak resident memory (VmHWM) is measured.

    .venv/bin/python scripts/run-notebooks.py [--out output/notebooks] [--check] [NOTEBOOK ...]

--check also requires every notebook to produce at least one image/png output and no error
output, and every committed notebook to carry no outputs; the last line is
"notebooks: N passed, M failed".
"""
import argparse
import json
import re
import os
import sys
import threading
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

REPO = Path(__file__).resolve().parent.parent


def vm_hwm_mib(pid):
    """Peak resident set size of a process in MiB (Linux /proc), or None."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


ANSI = re.compile(r"\x1b\[[0-9;]*m")


def strip_ansi(text):
    return ANSI.sub("", text)


class Result:
    def __init__(self, name):
        self.name = name
        self.status = "not run"
        self.seconds = 0.0
        self.charts = 0
        self.errors = 0
        self.peak_mib = None
        self.attempts = 0
        self.message = ""

    def row(self):
        return {k: getattr(self, k) for k in ("name", "status", "seconds", "charts", "errors", "peak_mib",
                                               "attempts", "message")}


def count_outputs(nb):
    charts = errors = 0
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                errors += 1
            if "image/png" in out.get("data", {}):
                charts += 1
    return charts, errors


def execute(path, out_dir, args):
    res = Result(path.name)
    start = time.time()
    last_error = None
    for attempt in range(1, args.retries + 1):
        res.attempts = attempt
        attempt_start = time.time()
        last_error = None
        nb = nbformat.read(path, as_version=4)
        kernel = nb.metadata.get("kernelspec", {}).get("name", "java")
        client = NotebookClient(nb, kernel_name=kernel, timeout=args.cell_timeout,
                                startup_timeout=args.startup_timeout,
                                resources={"metadata": {"path": str(path.parent)}})
        peak = {"mib": None}
        out_dir.mkdir(parents=True, exist_ok=True)
        log_path = out_dir / (path.stem + ".kernel.log")
        try:
            with open(log_path, "w" if attempt == 1 else "a") as log:
                log.write(f"=== attempt {attempt} at {time.strftime('%H:%M:%S')}\n")
            with open(log_path, "a") as log, client.setup_kernel(stdout=log, stderr=log):
                pid = client.km.provisioner.process.pid
                stop = threading.Event()

                def sample():
                    while not stop.wait(0.5):
                        v = vm_hwm_mib(pid)
                        if v is not None:
                            peak["mib"] = v
                sampler = threading.Thread(target=sample, daemon=True)
                sampler.start()
                try:
                    info = client.wait_for_reply(client.kc.kernel_info())
                    nb.metadata["language_info"] = info["content"]["language_info"]
                    for index, cell in enumerate(nb.cells):
                        if cell.cell_type == "code":
                            print(f"  [{path.name}] cell {index + 1}/{len(nb.cells)}", flush=True)
                        client.execute_cell(cell, index, execution_count=client.code_cells_executed + 1)
                    v = vm_hwm_mib(pid)
                    if v is not None:
                        peak["mib"] = v
                finally:
                    stop.set()
            res.status = "ok"
        except CellExecutionError as e:
            res.status = "error"
            lines = [l for l in strip_ansi(str(e)).strip().splitlines() if l.strip()]
            res.message = lines[-1].strip()[:300] if lines else "cell error"
        except (CellTimeoutError, DeadKernelError) as e:
            res.status = "error"
            res.message = f"{type(e).__name__}: {e}"[:300]
        except RuntimeError as e:  # "Kernel didn't respond in N seconds": the start-up hang
            last_error = e
            print(f"  [{path.name}] kernel hung on attempt {attempt}/{args.retries} after"
                  f" {time.time() - attempt_start:.0f} s: {type(e).__name__}: {e}"
                  f" (kernel log: {log_path})", flush=True)
            continue
        res.peak_mib = peak["mib"]
        if res.status != "ok":
            res.message += f" (kernel log: {log_path})"
        break
    if last_error is not None:
        res.status = "error"
        res.message = f"kernel did not start after {args.retries} attempts: {last_error}"
        nb = nbformat.read(path, as_version=4)
    res.seconds = round(time.time() - start, 1)
    res.charts, res.errors = count_outputs(nb)
    out_dir.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, out_dir / path.name)
    write_html(nb, out_dir / (path.stem + ".html"))
    return res


def write_html(nb, target):
    from nbconvert import HTMLExporter
    body, _ = HTMLExporter(template_name="lab").from_notebook_node(nb)
    tmp = target.with_suffix(".html.tmp")
    tmp.write_text(body, encoding="utf-8")
    os.replace(tmp, target)


def committed_outputs(paths):
    """Names of committed notebooks that carry outputs or execution counts (they must not)."""
    dirty = []
    for p in paths:
        nb = nbformat.read(p, as_version=4)
        if any(c.cell_type == "code" and (c.get("outputs") or c.get("execution_count")) for c in nb.cells):
            dirty.append(p.name)
    return dirty


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("notebooks", nargs="*", type=Path)
    ap.add_argument("--out", type=Path, default=REPO / "output" / "notebooks")
    ap.add_argument("--check", action="store_true", help="fail unless every notebook shows a chart and no error")
    ap.add_argument("--startup-timeout", type=int, default=20)
    ap.add_argument("--cell-timeout", type=int, default=1800)
    ap.add_argument("--retries", type=int, default=4)
    args = ap.parse_args()
    paths = args.notebooks or sorted((REPO / "notebooks").glob("*.ipynb"))
    if not paths:
        sys.exit("no notebooks found in notebooks/")
    results = []
    for p in paths:
        print(f"notebook {p.name}: running", flush=True)
        r = execute(p.resolve(), args.out, args)
        print(f"notebook {p.name}: {r.status} in {r.seconds} s, {r.charts} charts"
              + (f", kernel peak RSS {r.peak_mib:.0f} MiB" if r.peak_mib else "")
              + (f" -- {r.message}" if r.message else ""), flush=True)
        results.append(r)

    failures = []
    for r in results:
        if r.status != "ok":
            failures.append(f"{r.name}: {r.message}")
        elif args.check and r.errors:
            failures.append(f"{r.name}: {r.errors} error outputs")
        elif args.check and r.charts == 0:
            failures.append(f"{r.name}: no image/png output (no chart)")
    if args.check:
        for name in committed_outputs(paths):
            failures.append(f"{name}: the committed notebook carries outputs; clear them before committing")

    (args.out / "summary.json").write_text(json.dumps([r.row() for r in results], indent=2))
    print()
    print(f"{'notebook':44} {'status':7} {'seconds':>8} {'charts':>6} {'peak RSS':>9}")
    for r in results:
        rss = f"{r.peak_mib:.0f} MiB" if r.peak_mib else "-"
        print(f"{r.name:44} {r.status:7} {r.seconds:8.1f} {r.charts:6d} {rss:>9}")
    print(f"executed notebooks and HTML copies: {args.out}")
    for f in failures:
        print(f"FAILED {f}")
    bad = {f.split(":")[0] for f in failures}
    print(f"notebooks: {len(results) - len(bad & {r.name for r in results})} passed, "
          f"{len(bad & {r.name for r in results})} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
