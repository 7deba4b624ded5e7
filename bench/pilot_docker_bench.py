#!/usr/bin/env python3
"""Pilot vs tini as the entrypoint (PID 1) of containers on the local engine, same image, same run.

Both supervisors run in keelson/pilot:dev (the pilot with its AppCDS archive, and /bin/tini, the
Debian tini-static, via --entrypoint). The workload is bench/stamp.c mounted at /w. Figures:
  docker run -> exec   CLOCK_MONOTONIC before `docker run` -> the app's main() (median of N)
  RSS                  VmRSS of PID 1 (host view) 2 s after the app is up (median of 3)
  SIGTERM -> app       kill(PID 1's host pid, TERM) -> the app's handler (median, max of N)
  zombies              zombies in the container 1 s after 2000 orphans exited (max of 3)
"""
import os
import statistics
import subprocess
import sys
import time
import uuid

RUNS = int(os.environ.get("RUNS", "10"))
IMAGE = os.environ.get("PILOT_IMAGE", "keelson/pilot:dev")


def docker(*args, **kwargs):
    return subprocess.run(["docker", *args], check=True, capture_output=True, text=True, **kwargs).stdout.strip()


def run_args(entrypoint, work, name):
    args = ["run", "-d", "--name", name, "--label", "dev.keelson.bench=pilot", "--network", "none", "-v", f"{work}:/w"]
    if entrypoint:
        args += ["--entrypoint", entrypoint[0]]
    return args, entrypoint[1:] if entrypoint else []


def wait_for(path, timeout=60):
    deadline = time.monotonic() + timeout
    while not (os.path.exists(path) and open(path).read().strip()):
        if time.monotonic() > deadline:
            raise RuntimeError(f"{path} never appeared")
        time.sleep(0.001)
    return int(open(path).read().strip())


def measure(label, entrypoint, work):
    launch, rss, term, zombies = [], [], [], []
    for i in range(RUNS):
        name = f"pilot-bench-{uuid.uuid4().hex[:8]}"
        args, prefix = run_args(entrypoint, work, name)
        out = f"{work}/{label}-l{i}"
        t0 = time.monotonic_ns()
        docker(*args, IMAGE, *prefix, "/w/stamp", f"/w/{os.path.basename(out)}")
        launch.append((wait_for(out) - t0) / 1e6)
        docker("rm", "-f", name)
    for i in range(RUNS):
        name = f"pilot-bench-{uuid.uuid4().hex[:8]}"
        args, prefix = run_args(entrypoint, work, name)
        out = f"{work}/{label}-t{i}"
        docker(*args, IMAGE, *prefix, "/w/stamp", "--term", f"/w/{os.path.basename(out)}")
        wait_for(out + ".ready")
        pid = int(docker("inspect", "-f", "{{.State.Pid}}", name))
        if i < 3:
            time.sleep(2)
            with open(f"/proc/{pid}/status") as f:
                rss.append(next(int(l.split()[1]) for l in f if l.startswith("VmRSS:")) / 1024)
        else:
            time.sleep(0.5)
        t0 = time.monotonic_ns()
        os.kill(pid, 15)
        term.append((wait_for(out) - t0) / 1e6)
        docker("rm", "-f", name)
    for _ in range(3):
        name = f"pilot-bench-{uuid.uuid4().hex[:8]}"
        args, prefix = run_args(entrypoint, work, name)
        args[1] = "--rm"  # foreground run: replace -d
        output = docker(*args, IMAGE, *prefix, "/w/stamp", "--orphans", "2000", timeout=300)
        zombies.append(int(output.splitlines()[-1]))
    return (label, statistics.median(launch), statistics.median(rss), statistics.median(term), max(term), max(zombies))


def main():
    stamp_dir = sys.argv[1]
    rows = [measure("tini-static 0.19 (Debian)", ["/bin/tini", "--"], stamp_dir), measure("pilot + AppCDS", None, stamp_dir)]
    print("| PID 1 in a container | docker run → exec median | RSS of PID 1 | SIGTERM→app median | SIGTERM→app max | zombies after 2000-orphan storm (max of 3) |")
    print("|---|---|---|---|---|---|")
    for label, launch, rss, term, term_max, zombies in rows:
        print(f"| {label} | {launch:.0f} ms | {rss:.1f} MB | {term:.2f} ms | {term_max:.2f} ms | {zombies} |")


if __name__ == "__main__":
    main()
