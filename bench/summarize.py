#!/usr/bin/env python3
"""Merges one bench/all.sh run into results.json and writes summary.md, ready for docs/benchmarks.md.

Usage: summarize.py RESULTS_DIR. The directory holds run.json (written by all.sh: command, git,
times, load, which parts failed), machine.json, and whichever of launcher.json, pilot-host.json and
pilot-docker.json the run produced. A part that is missing is reported as not run. Every ratio is
taken against the reference measured in the same run; every verdict is on the median (or the max
where the target is a maximum).
"""
import json
import os
import sys

# Issue 4 item 5, on launcher.sh's metrics: (metric judged, what, paunch metric, reference metric or
# None, op, bound).
LAUNCHER_TARGETS = [
    ("ratio_apply_cold_50_vs_seq_floor", "cold apply of 50", "paunch_apply_cold_50", "floor_create_start_seq_50", "<=", 0.6),
    ("paunch_reapply_50", "re-apply of 50, nothing changed", "paunch_reapply_50", None, "<", 0.5),
    ("ratio_cleanup_50_vs_seq_removal", "cleanup of 50", "paunch_cleanup_50", "floor_remove_seq_50", "<=", 0.5),
]
# Ratios reported for reading: (ratio metric, measured metric, reference metric).
LAUNCHER_READING = [
    ("ratio_cpu_bound_create_start", "floor_create_start_seq_50_cpu", "floor_create_start_seq_50"),
    ("ratio_cpu_bound_removal", "floor_remove_seq_50_cpu", "floor_remove_seq_50"),
    ("ratio_cpu_used_apply_cold_50", "paunch_apply_cold_50_cpu", "floor_create_start_seq_50"),
    ("ratio_cpu_used_cleanup_50", "paunch_cleanup_50_cpu", "floor_remove_seq_50"),
    ("ratio_apply_cold_50_vs_par_floor", "paunch_apply_cold_50", "floor_create_start_par_50"),
    ("ratio_cleanup_50_vs_par_removal", "paunch_cleanup_50", "floor_remove_par_50"),
    ("ratio_delete_50_vs_seq_removal", "paunch_delete_50", "floor_remove_seq_50"),
    ("ratio_apply_cold_1_vs_seq_floor_pace", "paunch_apply_cold_1", "floor_create_start_seq_50"),
    ("ratio_apply_cold_10_vs_seq_floor_pace", "paunch_apply_cold_10", "floor_create_start_seq_50"),
    ("ratio_apply_cold_50_vs_p1", "paunch_apply_cold_50", "paunch_apply_cold_50_p1"),
    ("ratio_cleanup_50_vs_p1", "paunch_cleanup_50", "paunch_cleanup_50_p1"),
    ("ratio_apply_cold_50_p1_vs_seq_floor", "paunch_apply_cold_50_p1", "floor_create_start_seq_50"),
]
# Issue 5's pilot targets: (figure key, statistic, label, op, bound, unit).
PILOT_FIGURES = [
    ("launch_ms", "median", "launch → app exec, median", "<=", 50, "ms"),
    ("launch_ms", "p90", "launch → app exec, p90", None, None, "ms"),
    ("idle_rss_mb", "median", "idle RSS of PID 1, median", "<=", 40, "MB"),
    ("sigterm_ms", "median", "SIGTERM → app handler, median", "<=", 1, "ms"),
    ("sigterm_ms", "max", "SIGTERM → app handler, max", "<=", 5, "ms"),
    ("zombies", "max", "zombies 1 s after a 2000-orphan storm, max", "<=", 0, ""),
]


def load(directory, name):
    path = os.path.join(directory, name)
    if not os.path.exists(path):
        return None
    with open(path) as f:
        return json.load(f)


def holds(value, op, bound):
    return value <= bound if op == "<=" else value < bound


def verdict(value, op, bound):
    return "met" if holds(value, op, bound) else "**NOT met**"


def num(value, unit=""):
    if unit == "ms":
        text = f"{value:.2f}" if value < 10 else f"{value:.0f}" if value >= 100 else f"{value:.1f}"
    elif unit in ("s", "×"):
        text = f"{value:.2f}" if value < 10 else f"{value:.1f}"
    elif unit == "MB":
        text = f"{value:.1f}"
    else:
        text = f"{value:g}"
    return f"{text}{'' if unit in ('', '×') else ' '}{unit}" if unit != "×" else f"{text}×"


def spread(metric, unit):
    """'median (min–max)' of a launcher metric; just the median for a single repetition."""
    med = num(metric["median"], unit)
    if metric["min"] == metric["max"]:
        return med
    return f"{med} ({num(metric['min'], unit)}–{num(metric['max'], unit)})"


def launcher_section(data):
    m = data["metrics"]
    out = [f"## Launcher: paunch against the raw Engine API",
           "",
           f"`bench/launcher.sh --runs {data['runs']}`: {data['runs']} repetition(s), image `{data['image']}`, "
           f"engine socket `{data.get('engine_socket', '/var/run/docker.sock')}`, "
           f"load average {data['loadavg_before']} before, {data['loadavg_after']} after. Wall seconds of the whole "
           "command (JVM start-up included); each ratio is taken per repetition against the reference measured "
           "in the same repetition, then summarised as median (min–max).",
           "",
           "### Targets (issue 4 item 5)",
           "",
           "| measured | reference (same repetition) | paunch | ratio | target | verdict |",
           "|---|---|---|---|---|---|"]
    for key, what, measured, ref, op, bound in LAUNCHER_TARGETS:
        if ref:
            out.append(f"| {what} | {m[ref]['description']}: {spread(m[ref], 's')} | {spread(m[measured], 's')} "
                       f"| {spread(m[key], '×')} | {op.replace('<=', '≤')} {bound}× | {verdict(m[key]['median'], op, bound)} |")
        else:
            out.append(f"| {what} | – (wall seconds, JVM start-up included) | {spread(m[key], 's')} | – | {op} {bound} s "
                       f"| {verdict(m[key]['median'], op, bound)} |")
    out += ["", "### Other ratios (for reading)", "", "| ratio | median (min–max) | measured | reference |", "|---|---|---|---|"]
    for key, measured, ref in LAUNCHER_READING:
        if key in m:
            out.append(f"| {m[key]['description'].strip()} | {spread(m[key], '×')} | {spread(m[measured], 's')} | {spread(m[ref], 's')} |")
    out += ["", "### All figures (seconds)", "", "| figure | median (min–max) |", "|---|---|"]
    out += [f"| {v['description']} | {spread(v, 's')} |" for k, v in m.items() if v["unit"] == "s"]
    return out


def pilot_section(data, title, note):
    rows = data["supervisors"]
    ref, others = rows[0], rows[1:]
    head = f"| figure | {ref['supervisor']} |" + "".join(f" {r['supervisor']} | ÷ {ref['supervisor'].split()[0]} |" for r in others)
    out = [f"### {title}", "", note.format(runs=data["runs"], storms=data["storms"]), "",
           head + " target | verdict |",
           "|---|---|" + "---|---|" * len(others) + "---|---|"]
    for key, stat, label, op, bound, unit in PILOT_FIGURES:
        if stat not in ref[key]:
            continue
        base = ref[key][stat]
        cells = [f"| {label} | {num(base, unit)} |"]
        for r in others:
            value = r[key][stat]
            cells.append(f" {num(value, unit)} | {value / base:.1f}× |" if base else f" {num(value, unit)} | – |")
        if op:
            verdicts = ", ".join(f"{r['supervisor']}: {verdict(r[key][stat], op, bound)}" for r in others) if len(others) > 1 \
                else verdict(others[0][key][stat], op, bound)
            target = f"{op.replace('<=', '≤')} {bound:g} {unit}".strip() if bound else "0"
            cells.append(f" {target} | {verdicts} |")
        else:
            cells.append(" – | |")
        out.append("".join(cells))
    return out


def main():
    directory = sys.argv[1]
    run = load(directory, "run.json")
    parts = {name: load(directory, f"{name}.json") for name in ("machine", "launcher", "pilot-host", "pilot-docker")}
    with open(os.path.join(directory, "results.json"), "w") as f:
        json.dump({"run": run, **parts}, f, indent=1)

    md = [f"# Benchmark run {run['stamp']}", "",
          f"`{run['command']}` at commit `{run['git']}`, {run['started']} → {run['finished']} "
          f"({run['seconds'] // 60} min {run['seconds'] % 60} s), load average {run['loadavg_before']} before, "
          f"{run['loadavg_after']} after (on {parts['machine']['cores'] if parts['machine'] else '?'})."]
    if run.get("quick"):
        md += ["", "**A `--quick` smoke run: one repetition, few samples. Do not quote these figures as results.**"]
    if run["failed"]:
        md += ["", f"**Parts that failed: {', '.join(run['failed'])}** (see their `.log` files next to this summary)."]
    if parts["machine"]:
        md += ["", "## Machine", "", "| | |", "|---|---|"] + [f"| {k} | {v} |" for k, v in parts["machine"].items()]
    md.append("")
    md += launcher_section(parts["launcher"]) if parts["launcher"] else ["## Launcher", "", "Not run."]
    md += ["", "## Pilot against Debian's tini", ""]
    if parts["pilot-host"]:
        md += pilot_section(parts["pilot-host"], "PID 1 of a fresh pid namespace (`bench/pilot-vs-tini.sh`)",
                            "`unshare --pid --fork --mount-proc` on the host, host JDK; {runs} samples per figure "
                            "(RSS: up to 5), {storms} orphan storm(s). \"+ AppCDS\" adds a dynamic archive trained like the image's.")
        md.append("")
    if parts["pilot-docker"]:
        md += pilot_section(parts["pilot-docker"], f"Container entrypoint (`bench/pilot-in-docker.sh`, image `{parts['pilot-docker']['image']}`)",
                            "Both as PID 1 of a container of the same image (tini-static via `--entrypoint /bin/tini`); "
                            "`docker run` → exec; RSS is PID 1's VmRSS seen from the host; {runs} samples per figure "
                            "(RSS: up to 3), {storms} orphan storm(s).")
    if not parts["pilot-host"] and not parts["pilot-docker"]:
        md.append("Not run.")
    with open(os.path.join(directory, "summary.md"), "w") as f:
        f.write("\n".join(md) + "\n")


if __name__ == "__main__":
    main()
