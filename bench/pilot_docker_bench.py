#!/usr/bin/env python3
"""Pilot vs tini as the entrypoint (PID 1) of containers on the local engine, same image, same run.

Both supervisors run in keelson/pilot:dev (the pilot with its AppCDS archive, and /bin/tini, the
Debian tini-static, via --entrypoint). The workload is bench/stamp.c mounted at /w. Figures:
  docker run -> exec   CLOCK_MONOTONIC before `docker run` -> the app's main() (median of N)
  RSS                  VmRSS of PID 1 (host view) 2 s after the app is up (median of 3)
  SIGTERM -> app       kill(PID 1's host pid, TERM) -> the app's handler (median, max of N)
  zombies              zombies in the container 1 s after 2000 orphans exited (max of STORMS, default 3)
Every container carries the label dev.keelson.bench.run=$BENCH_RUN_ID; the wrapper removes them by it.
Usage: pilot_docker_bench.py [--json FILE] WORKDIR (WORKDIR holds the compiled stamp).
"""
import json
import os
import statistics
import subprocess
import sys
import time
import uuid

RUNS = int(os.environ.get("RUNS", "10"))
STORMS = int(os.environ.get("STORMS", "3"))
IMAGE = os.environ.get("PILOT_IMAGE", "keelson/pilot:dev")
RUN_ID = os.environ.get("BENCH_RUN_ID", f"pilot-bench-{os.getpid()}")


def docker(*args, timeout=120):
    """A docker CLI call; a wedged engine fails the run after `timeout` seconds instead of hanging it."""
    return subprocess.run(["docker", *args], check=True, capture_output=True, text=True, timeout=timeout).stdout.strip()


def run_args(entrypoint, work, name):
    args = ["run", "-d", "--name", name, "--label", f"dev.keelson.bench.run={RUN_ID}", "--network", "none",
            "-v", f"{work}:/w"]
    if entrypoint:
        args += ["--entrypoint", entrypoint[0]]
    return args, entrypoint[1:] if entrypoint else []


def finish(name):
    """Removes a container whose app has ended (or is ending): waiting first avoids racing its exit,
    which podman's Docker API refuses to force-remove ("container state improper")."""
    docker("wait", name)
    docker("rm", "-f", name)


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
        name = f"{RUN_ID}-{uuid.uuid4().hex[:8]}"
        args, prefix = run_args(entrypoint, work, name)
        out = f"{work}/{label}-l{i}"
        t0 = time.monotonic_ns()
        docker(*args, IMAGE, *prefix, "/w/stamp", f"/w/{os.path.basename(out)}")
        launch.append((wait_for(out) - t0) / 1e6)
        finish(name)
    for i in range(RUNS):
        name = f"{RUN_ID}-{uuid.uuid4().hex[:8]}"
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
        finish(name)
    for _ in range(STORMS):
        name = f"{RUN_ID}-{uuid.uuid4().hex[:8]}"
        args, prefix = run_args(entrypoint, work, name)
        args[1] = "--rm"  # foreground run: replace -d
        output = docker(*args, IMAGE, *prefix, "/w/stamp", "--orphans", "2000", timeout=300)
        zombies.append(int(output.splitlines()[-1]))
    return {"supervisor": label,
            "launch_ms": {"median": statistics.median(launch), "values": launch},
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
    stamp_dir = args[0]
    rows = [measure("tini-static 0.19 (Debian)", ["/bin/tini", "--"], stamp_dir), measure("pilot + AppCDS", None, stamp_dir)]
    print(f"| PID 1 in a container | docker run → exec median | RSS of PID 1 | SIGTERM→app median | SIGTERM→app max | zombies after 2000-orphan storm (max of {STORMS}) |")
    print("|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['supervisor']} | {r['launch_ms']['median']:.0f} ms | {r['idle_rss_mb']['median']:.1f} MB | {r['sigterm_ms']['median']:.2f} ms"
              f" | {r['sigterm_ms']['max']:.2f} ms | {r['zombies']['max']} |")
    ref, r = rows
    print(f"| {r['supervisor']} ÷ {ref['supervisor']} | {ratio(r['launch_ms']['median'], ref['launch_ms']['median'])}"
          f" | {ratio(r['idle_rss_mb']['median'], ref['idle_rss_mb']['median'])} | {ratio(r['sigterm_ms']['median'], ref['sigterm_ms']['median'])}"
          f" | {ratio(r['sigterm_ms']['max'], ref['sigterm_ms']['max'])} | |")
    if json_out:
        with open(json_out, "w") as f:
            json.dump({"benchmark": "pilot-docker", "image": IMAGE, "runs": RUNS, "storms": STORMS, "supervisors": rows}, f, indent=1)


if __name__ == "__main__":
    try:
        main()
    except subprocess.TimeoutExpired as e:
        sys.exit(f"pilot_docker_bench.py: the engine did not answer within {e.timeout:.0f} s: {' '.join(e.cmd)}")
    except subprocess.CalledProcessError as e:
        sys.exit(f"pilot_docker_bench.py: {' '.join(e.cmd)} failed ({e.returncode}): {e.stderr.strip()}")
