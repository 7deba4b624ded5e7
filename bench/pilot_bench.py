#!/usr/bin/env python3
"""Pilot vs Debian tini as PID 1 of a fresh pid namespace (unshare --pid --fork --mount-proc).

Every figure is measured in the same run for each supervisor, with the same workload (stamp.c):
  launch->exec   CLOCK_MONOTONIC before unshare starts -> the app's main() (median, p90 of N)
  idle RSS       VmRSS of the supervisor 2 s after the app is up (median of 5)
  SIGTERM        kill(supervisor, TERM) -> the app's handler runs (median, max of N)
  zombies        zombies in the namespace 1 s after 2000 orphans exited (max of STORMS, default 5)
Prints a Markdown table with each supervisor's ratio to the first one (the reference, tini), and
with --json FILE writes every sample there too. The shell wrapper (pilot-vs-tini.sh) builds stamp
and picks the binaries. Usage: pilot_bench.py [--json FILE] STAMP NAME=CMD...
"""
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

RUNS = int(os.environ.get("RUNS", "20"))
STORMS = int(os.environ.get("STORMS", "5"))


def unshare(supervisor, app, **kwargs):
    return subprocess.Popen(["unshare", "--pid", "--fork", "--mount-proc", *supervisor, *app], **kwargs)


def child_of(process, timeout=20):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with open(f"/proc/{process.pid}/task/{process.pid}/children") as f:
                pids = f.read().split()
            if pids:
                return int(pids[0])
        except FileNotFoundError:
            pass
        time.sleep(0.001)
    raise RuntimeError("unshare did not fork the supervisor")


def wait_for(path, timeout=30):
    deadline = time.monotonic() + timeout
    while not os.path.exists(path):
        if time.monotonic() > deadline:
            raise RuntimeError(f"{path} never appeared")
        time.sleep(0.001)


def read_ns(path):
    wait_for(path)
    for _ in range(1000):
        text = open(path).read().strip()
        if text:
            return int(text)
        time.sleep(0.001)
    raise RuntimeError(f"{path} stayed empty")


def launch_to_exec(supervisor, stamp, work):
    samples = []
    for i in range(RUNS):
        out = os.path.join(work, f"launch{i}")
        t0 = time.monotonic_ns()
        p = unshare(supervisor, [stamp, out])
        p.wait()
        samples.append((read_ns(out) - t0) / 1e6)
    return samples


def idle_rss_and_term(supervisor, stamp, work, runs):
    rss, latency = [], []
    for i in range(runs):
        out = os.path.join(work, f"term{i}")
        p = unshare(supervisor, [stamp, "--term", out])
        sup = child_of(p)
        wait_for(out + ".ready")
        if i < 5:
            time.sleep(2)  # idle RSS is defined as "2 s after the app is up"
            with open(f"/proc/{sup}/status") as f:
                kb = next(int(line.split()[1]) for line in f if line.startswith("VmRSS:"))
            rss.append(kb / 1024)
        else:
            time.sleep(1.0)  # a settled supervisor: a JVM finishes loading jffi in the background
        t0 = time.monotonic_ns()
        os.kill(sup, 15)
        latency.append((read_ns(out) - t0) / 1e6)
        p.wait(timeout=30)
    return rss, latency


def zombies_after_storm(supervisor, stamp):
    counts = []
    for _ in range(STORMS):
        out = subprocess.run(["unshare", "--pid", "--fork", "--mount-proc", *supervisor, stamp, "--orphans", "2000"],
                             capture_output=True, text=True, timeout=120)
        counts.append(int(out.stdout.strip().splitlines()[-1]))
    return counts


def summary(name, launch, rss, term, zombies):
    return {"supervisor": name,
            "launch_ms": {"median": statistics.median(launch), "p90": sorted(launch)[max(int(len(launch) * 0.9) - 1, 0)],
                          "values": launch},
            "idle_rss_mb": {"median": statistics.median(rss), "values": rss},
            "sigterm_ms": {"median": statistics.median(term), "max": max(term), "values": term},
            "zombies": {"max": max(zombies), "values": zombies}}


def ratio(a, b):
    return f"{a / b:.1f}×" if b else "–"


def main():
    args = sys.argv[1:]
    json_out = None
    if args[:1] == ["--json"]:
        json_out, args = args[1], args[2:]
    stamp = args[0]
    supervisors = [(name, cmd.split("\x1f")) for name, cmd in (arg.split("=", 1) for arg in args[1:])]
    rows = []
    with tempfile.TemporaryDirectory() as work:
        for index, (name, cmd) in enumerate(supervisors):
            own = os.path.join(work, str(index))  # fresh files: a stale stamp would fake a result
            os.mkdir(own)
            launch = launch_to_exec(cmd, stamp, own)
            rss, term = idle_rss_and_term(cmd, stamp, own, max(RUNS, 6))
            zombies = zombies_after_storm(cmd, stamp)
            rows.append(summary(name, launch, rss, term, zombies))
            print(f"# {name} done", file=sys.stderr)
    print(f"| supervisor | launch→exec median | launch→exec p90 | idle RSS | SIGTERM→app median | SIGTERM→app max | zombies after 2000-orphan storm (max of {STORMS}) |")
    print("|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['supervisor']} | {r['launch_ms']['median']:.1f} ms | {r['launch_ms']['p90']:.1f} ms | {r['idle_rss_mb']['median']:.1f} MB"
              f" | {r['sigterm_ms']['median']:.2f} ms | {r['sigterm_ms']['max']:.2f} ms | {r['zombies']['max']} |")
    ref = rows[0]
    for r in rows[1:]:
        print(f"| {r['supervisor']} ÷ {ref['supervisor']} | {ratio(r['launch_ms']['median'], ref['launch_ms']['median'])}"
              f" | {ratio(r['launch_ms']['p90'], ref['launch_ms']['p90'])} | {ratio(r['idle_rss_mb']['median'], ref['idle_rss_mb']['median'])}"
              f" | {ratio(r['sigterm_ms']['median'], ref['sigterm_ms']['median'])} | {ratio(r['sigterm_ms']['max'], ref['sigterm_ms']['max'])} | |")
    if json_out:
        with open(json_out, "w") as f:
            json.dump({"benchmark": "pilot-host", "runs": RUNS, "storms": STORMS, "supervisors": rows}, f, indent=1)


if __name__ == "__main__":
    main()
