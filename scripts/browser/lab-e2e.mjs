// End-to-end test in a real browser: JupyterLab from the project's .venv, headless Debian Chromium
// driven by playwright-core (no browser download).
//
//   node scripts/browser/lab-e2e.mjs [--notebook 00-setup-and-data.ipynb] [--out output/browser]
//                                    [--kernel-timeout 30] [--attempts 10] [--run-timeout 600]
//                                    [--stall-timeout 60]
//
// What it does, and checks:
//  1. starts JupyterLab on 127.0.0.1 on a free port, with a random token, a temporary runtime
//     dir, settings dir and workspace dir, serving a temporary copy of the notebook (so the
//     committed notebook never receives outputs);
//  2. starts the notebook's kernel ("java") through the REST API with no page attached (see
//     prestartKernel: rapaio's start-up race), then opens the notebook in Chromium, which attaches
//     to that kernel, and waits until the kernel is idle; a kernel not idle within
//     --kernel-timeout seconds is deleted and the attempt repeated with a new kernel and a reloaded
//     page — up to --attempts attempts in all;
//  3. runs Run > Run All Cells from the menu, waits until every code cell has an execution count
//     and the kernel is idle again. Now and then (seen under heavy load) the page never receives
//     the reply of a cell although the kernel has finished: when the kernel has been idle for
//     --stall-timeout seconds with cells still pending, the attempt is repeated the same way;
//  4. requires at least one chart: an <img> with image/png data inside an output area that the
//     browser has decoded (naturalWidth >= 100 px), and no error (stderr) output;
//  5. saves a screenshot with the first chart in view under --out and prints its path;
//  6. stops the browser, the server and every kernel it started, on every exit path (normal
//     end, failure, Ctrl-C, SIGTERM).
// Last line: "browser: 1 passed, 0 failed" (or "0 passed, 1 failed").
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

function parseArgs(argv) {
  const opts = { notebook: "00-setup-and-data.ipynb", out: path.join(REPO, "output", "browser"),
    kernelTimeout: 30, attempts: 10, runTimeout: 600, stallTimeout: 60 };
  for (let i = 0; i < argv.length; i++) {
    const [k, v] = [argv[i], argv[i + 1]];
    if (k === "--notebook") { opts.notebook = v; i++; }
    else if (k === "--out") { opts.out = path.resolve(v); i++; }
    else if (k === "--kernel-timeout") { opts.kernelTimeout = Number(v); i++; }
    else if (k === "--attempts") { opts.attempts = Number(v); i++; }
    else if (k === "--run-timeout") { opts.runTimeout = Number(v); i++; }
    else if (k === "--stall-timeout") { opts.stallTimeout = Number(v); i++; }
    else { throw new Error(`unknown argument ${k}`); }
  }
  return opts;
}

const t0 = Date.now();
const log = (msg) => console.log(`[browser ${((Date.now() - t0) / 1000).toFixed(1).padStart(6)} s] ${msg}`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function chromiumPath() {
  if (process.env.CHROMIUM) return process.env.CHROMIUM;
  // Debian's chromium package: /usr/bin/chromium is a wrapper script around this binary
  for (const p of ["/usr/lib/chromium/chromium", "/usr/bin/chromium"]) {
    if (fs.existsSync(p)) return p;
  }
  throw new Error("Debian's chromium is not installed (apt-get install chromium); scripts/browser-test.sh installs it");
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

// ---------------------------------------------------------------- everything we start, and cleanup
const state = { server: null, serverExited: false, browser: null, tmp: null, cleaned: false };

/** PIDs of processes whose command line mentions our temporary dir: the kernels (connection file). */
function processesUsing(dir) {
  const pids = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const cmd = fs.readFileSync(`/proc/${entry}/cmdline`, "utf8");
      if (cmd.includes(dir)) pids.push(Number(entry));
    } catch { /* gone */ }
  }
  return pids;
}

/** Synchronous last resort, safe in an 'exit' handler: kill the server's group and our kernels. */
function killAllSync() {
  if (state.cleaned) return;
  state.cleaned = true;
  if (state.server && !state.serverExited) {
    try { process.kill(-state.server.pid, "SIGKILL"); } catch { /* already gone */ }
  }
  if (state.tmp) {
    for (const pid of processesUsing(state.tmp)) {
      try { process.kill(pid, "SIGKILL"); } catch { /* already gone */ }
    }
    try { fs.rmSync(state.tmp, { recursive: true, force: true }); } catch { /* best effort */ }
  }
}

async function stopAll(base, token) {
  if (state.browser) {
    try { await state.browser.close(); } catch { /* ignore */ }
    state.browser = null;
  }
  if (state.server && !state.serverExited) {
    // polite: the server shuts its kernels down, then exits
    try { await fetch(`${base}/api/shutdown`, { method: "POST", headers: { Authorization: `token ${token}` } }); } catch { /* ignore */ }
    for (let i = 0; i < 40 && !state.serverExited; i++) await sleep(250);
    if (!state.serverExited) {
      try { process.kill(-state.server.pid, "SIGTERM"); } catch { /* gone */ }
      for (let i = 0; i < 20 && !state.serverExited; i++) await sleep(250);
    }
  }
  const left = state.tmp ? processesUsing(state.tmp) : [];
  if (left.length) log(`killing ${left.length} leftover kernel process(es): ${left.join(" ")}`);
  killAllSync();
}

process.on("exit", killAllSync);
for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(sig, () => { log(`${sig}: stopping everything`); killAllSync(); process.exit(130); });
}

// ---------------------------------------------------------------- Jupyter server
async function startLab(opts) {
  const jupyter = path.join(REPO, ".venv", "bin", "jupyter");
  if (!fs.existsSync(jupyter)) throw new Error(`${jupyter} is missing: run scripts/prepare.sh first`);
  const src = path.join(REPO, "notebooks", opts.notebook);
  if (!fs.existsSync(src)) throw new Error(`no notebook ${src}`);

  state.tmp = fs.mkdtempSync(path.join(os.tmpdir(), "spurious-lab-e2e-"));
  const dirs = {};
  for (const d of ["root", "runtime", "settings", "workspaces", "config"]) {
    dirs[d] = path.join(state.tmp, d);
    fs.mkdirSync(dirs[d]);
  }
  fs.copyFileSync(src, path.join(dirs.root, opts.notebook));
  // render every cell (no virtual scrolling), so the page holds all prompts and outputs
  const nbSettings = path.join(dirs.settings, "@jupyterlab", "notebook-extension");
  fs.mkdirSync(nbSettings, { recursive: true });
  fs.writeFileSync(path.join(nbSettings, "tracker.jupyterlab-settings"), JSON.stringify({ windowingMode: "none" }));
  // no "get notified about Jupyter news?" toast over the page
  const notif = path.join(dirs.settings, "@jupyterlab", "apputils-extension");
  fs.mkdirSync(notif, { recursive: true });
  fs.writeFileSync(path.join(notif, "notification.jupyterlab-settings"), JSON.stringify({ fetchNews: "false" }));

  const port = await freePort();
  const token = randomBytes(24).toString("hex");
  const base = `http://127.0.0.1:${port}`;
  const serverLog = path.join(opts.out, "jupyterlab.log");
  const logFd = fs.openSync(serverLog, "w");
  state.server = spawn(jupyter, ["lab", "--no-browser", "--ip=127.0.0.1", `--port=${port}`,
    "--ServerApp.port_retries=0", `--IdentityProvider.token=${token}`, `--ServerApp.root_dir=${dirs.root}`,
    "--LabApp.news_url=None", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    ...(process.getuid?.() === 0 ? ["--allow-root"] : [])], {
    cwd: dirs.root, detached: true, stdio: ["ignore", logFd, logFd],
    env: { ...process.env, JUPYTER_RUNTIME_DIR: dirs.runtime, JUPYTER_CONFIG_DIR: dirs.config,
      JUPYTERLAB_SETTINGS_DIR: dirs.settings, JUPYTERLAB_WORKSPACES_DIR: dirs.workspaces },
  });
  state.server.on("exit", (code, sig) => { state.serverExited = true; log(`JupyterLab exited (${code ?? sig})`); });
  log(`JupyterLab starting on ${base} (pid ${state.server.pid}, log ${path.relative(REPO, serverLog)})`);
  for (let i = 0; i < 240; i++) {
    if (state.serverExited) throw new Error(`JupyterLab exited at start-up; see ${serverLog}`);
    try {
      const r = await fetch(`${base}/api/status`, { headers: { Authorization: `token ${token}` } });
      if (r.ok) { log("JupyterLab is up"); return { base, token, port, serverLog }; }
    } catch { /* not yet */ }
    await sleep(250);
  }
  throw new Error(`JupyterLab did not answer within 60 s; see ${serverLog}`);
}

async function api(lab, method, route, body) {
  const r = await fetch(`${lab.base}${route}`, { method, body: body && JSON.stringify(body),
    headers: { Authorization: `token ${lab.token}`, ...(body ? { "Content-Type": "application/json" } : {}) } });
  if (!r.ok) throw new Error(`${method} ${route}: HTTP ${r.status}`);
  return r.status === 204 ? null : r.json();
}

async function notebookSession(lab, notebook) {
  const sessions = await api(lab, "GET", "/api/sessions");
  return sessions.find((s) => s.path === notebook || s.path.endsWith(`/${notebook}`)) ?? null;
}

/** Waits until the notebook's kernel reports idle; returns its id, or null on timeout. */
async function waitKernelIdle(lab, notebook, seconds) {
  const end = Date.now() + seconds * 1000;
  let last = "no session yet";
  while (Date.now() < end) {
    const s = await notebookSession(lab, notebook);
    if (s && s.kernel) {
      const k = await api(lab, "GET", `/api/kernels/${s.kernel.id}`).catch(() => null);
      last = k ? `kernel ${k.name} ${k.execution_state}` : "kernel gone";
      if (k && k.execution_state === "idle") return { session: s.id, kernel: k.id, name: k.name };
    }
    await sleep(500);
  }
  log(`kernel not idle after ${seconds} s (${last})`);
  return null;
}

/**
 * Starts the notebook's kernel through the REST API, before any page is connected, and gives it
 * time to initialise. Why: rapaio-jupyter-kernel 3.0.1 binds its sockets before it registers its
 * message handlers; a kernel_info_request arriving in between kills its shell thread
 * ("NullPointerException ... this.handlers is null" or "Unhandled message: kernel_info_request" in
 * the server log) and the kernel never answers. A page connected to a starting kernel sends such
 * requests at once (the server "nudges" it until it answers); a kernel started with no page
 * attached has time to finish. The page then opens the same session (same notebook path, kernel
 * "java"), as it would for a user who reopens a notebook.
 */
async function prestartKernel(lab, notebook, logPath) {
  const marks = () => (fs.readFileSync(logPath, "utf8").match(/Polling on Heartbeat/g) ?? []).length;
  const before = marks();
  const s = await api(lab, "POST", "/api/sessions", { path: notebook, name: notebook, type: "notebook", kernel: { name: "java" } });
  const end = Date.now() + 20_000;   // rapaio logs its heartbeat loop once its sockets are bound
  while (Date.now() < end && marks() === before) await sleep(250);
  await sleep(3000);                 // then its handlers are registered
  log(`kernel started without a page attached (session ${s.id}, kernel ${s.kernel.id})`);
  return s;
}

// ---------------------------------------------------------------- the page
async function cellProgress(page) {
  return page.evaluate(() => {
    const cells = [...document.querySelectorAll(".jp-NotebookPanel .jp-Notebook .jp-CodeCell")];
    const prompts = cells.map((c) => (c.querySelector(".jp-InputArea-prompt")?.textContent ?? "").trim());
    const imgs = [...document.querySelectorAll(".jp-NotebookPanel .jp-OutputArea-output img")]
      .filter((i) => i.src.startsWith("data:image/png") || i.src.startsWith("blob:"));
    return {
      cells: cells.length,
      executed: prompts.filter((p) => /^\[\d+\]:?$/.test(p)).length,
      running: prompts.filter((p) => p.startsWith("[*]")).length,
      charts: imgs.filter((i) => i.complete && i.naturalWidth >= 100).length,
      chartSizes: imgs.map((i) => `${i.naturalWidth}x${i.naturalHeight}`),
      errors: [...document.querySelectorAll('.jp-NotebookPanel [data-mime-type="application/vnd.jupyter.stderr"]')]
        .map((e) => e.textContent.slice(0, 300)),
    };
  });
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  fs.mkdirSync(opts.out, { recursive: true });
  const lab = await startLab(opts);
  let ok = false;
  try {
    const exe = chromiumPath();
    state.browser = await chromium.launch({
      executablePath: exe, headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
    });
    log(`Chromium ${state.browser.version()} (${exe})`);
    const context = await state.browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    // JupyterLab's debugger panel complains about kernels without a debugger (ours): not an error of the test
    page.on("pageerror", (e) => { if (!/No active debugger session/.test(e.message)) log(`page error: ${e.message}`); });
    const url = `${lab.base}/lab/tree/${encodeURIComponent(opts.notebook)}?token=${lab.token}`;

    // One attempt = (re)load the page, wait for an idle kernel, Run All, wait for every cell.
    // Two failure modes of the Java kernel (rapaio) end an attempt and start a new one with a new
    // kernel: it hangs at start-up (not idle within --kernel-timeout), or, now and then under load,
    // a cell's reply never reaches the page although the kernel has finished (the server reports
    // it idle for --stall-timeout seconds while cells still show [*]). Nothing is relaxed: the
    // attempt that counts must run every cell, render a chart and show no error.
    let p = null, attempt = 0;
    const retry = async (why) => {
      const s = await notebookSession(lab, opts.notebook);
      log(`${why}: deleting session ${s?.id ?? "-"} (kernel ${s?.kernel?.id ?? "-"}); next attempt`);
      if (s) await api(lab, "DELETE", `/api/sessions/${s.id}`).catch((e) => log(`delete failed: ${e.message}`));
    };
    let pageOpen = false;
    while (++attempt <= opts.attempts) {
      // the kernel first, with no page attached; then the page attaches to it. (The server reports
      // a rapaio kernel idle only once a client has talked to it, so readiness is judged with the page.)
      await prestartKernel(lab, opts.notebook, lab.serverLog);
      if (!pageOpen) await page.goto(url, { waitUntil: "domcontentloaded" });
      else await page.reload({ waitUntil: "domcontentloaded" });
      pageOpen = true;
      await page.waitForSelector(".jp-NotebookPanel .jp-CodeCell", { timeout: 120_000 });
      log(`attempt ${attempt}/${opts.attempts}: notebook open, waiting for the kernel`);
      const kernel = await waitKernelIdle(lab, opts.notebook, opts.kernelTimeout);
      if (!kernel) { await retry("kernel start-up hang"); continue; }
      log(`kernel '${kernel.name}' idle (${kernel.kernel})`);
      // let the page finish its own start-up requests to the kernel before running anything
      // (rapaio publishes no status until the first execution, so the status bar says "Unknown")
      await page.waitForFunction(() => /\|\s*(Idle|Unknown)/.test(document.querySelector("#jp-main-statusbar")?.innerText ?? ""),
        null, { timeout: 30_000 }).catch(() => log("the status bar does not show the kernel ready; running anyway"));
      await sleep(3000);

      // Run > Run All Cells, from the menu bar
      await page.locator(".jp-NotebookPanel .jp-Notebook").first().click({ position: { x: 5, y: 5 } });
      await page.locator(".lm-MenuBar-item", { hasText: /^Run$/ }).click();
      await page.locator(".lm-Menu .lm-Menu-item", { has: page.locator(".lm-Menu-itemLabel", { hasText: /^Run All Cells$/ }) }).click();
      log("Run All Cells clicked");

      const end = Date.now() + opts.runTimeout * 1000;
      let firstChartAt = null, lastReport = 0, idleSince = null, stalled = false;
      while (Date.now() < end) {
        p = await cellProgress(page);
        if (p.charts > 0 && firstChartAt === null) { firstChartAt = Date.now(); log(`first chart rendered (${p.chartSizes[0]})`); }
        if (Date.now() - lastReport > 15_000) { log(`cells executed ${p.executed}/${p.cells}, running ${p.running}, charts ${p.charts}`); lastReport = Date.now(); }
        if (p.errors.length) break;
        const s = await notebookSession(lab, opts.notebook);
        const k = s && await api(lab, "GET", `/api/kernels/${s.kernel.id}`).catch(() => null);
        const idle = k && k.execution_state === "idle";
        if (p.cells > 0 && p.executed === p.cells && p.running === 0 && idle) break;
        idleSince = idle ? (idleSince ?? Date.now()) : null;
        if (idleSince && Date.now() - idleSince > opts.stallTimeout * 1000) { stalled = true; break; }
        await sleep(500);
      }
      log(`attempt ${attempt}: cells executed ${p.executed}/${p.cells}, charts ${p.charts} (${p.chartSizes.join(", ")}), error outputs ${p.errors.length}`);
      if (stalled && attempt < opts.attempts) {
        await page.screenshot({ path: path.join(opts.out, `stalled-attempt-${attempt}.png`) });
        await retry(`kernel idle for ${opts.stallTimeout} s but ${p.cells - p.executed} cell(s) still waiting for their reply`);
        continue;
      }
      break;
    }

    // screenshot with the first chart in view
    const shot = path.join(opts.out, opts.notebook.replace(/\.ipynb$/, ".png"));
    const firstImg = page.locator(".jp-NotebookPanel .jp-OutputArea-output img").first();
    if (await firstImg.count()) await firstImg.evaluate((el) => el.scrollIntoView({ block: "center" }));
    await sleep(300);
    await page.screenshot({ path: shot });
    log(`screenshot: ${path.relative(process.cwd(), shot)}`);

    const failures = [];
    if (!p) failures.push(`the kernel did not become idle in ${opts.attempts} attempts of ${opts.kernelTimeout} s`);
    else if (p.executed !== p.cells || p.running) failures.push(`only ${p.executed} of ${p.cells} code cells ran (attempt ${Math.min(attempt, opts.attempts)} of ${opts.attempts})`);
    if (!p) p = { cells: 0, charts: 0, errors: [] };
    if (p.charts < 1) failures.push("no chart image (decoded image/png, >= 100 px wide) was rendered in the page");
    for (const e of p.errors) failures.push(`error output: ${e}`);
    for (const f of failures) console.log(`FAILED ${opts.notebook}: ${f}`);
    ok = failures.length === 0;
    if (ok) log(`${opts.notebook}: ${p.cells} cells ran in the browser, ${p.charts} charts rendered`);
  } finally {
    await stopAll(lab.base, lab.token);
    log("browser, JupyterLab and kernels stopped");
  }
  return ok;
}

main().then((ok) => {
  console.log(`browser: ${ok ? 1 : 0} passed, ${ok ? 0 : 1} failed`);
  process.exitCode = ok ? 0 : 1;
}, (e) => {
  console.log(`FAILED: ${e.stack || e}`);
  killAllSync();
  console.log("browser: 0 passed, 1 failed");
  process.exitCode = 1;
});
