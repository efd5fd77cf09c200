"""The two recipes of docs/scaling.md, run as written against the loopback world.

GNU parallel's recipe runs with ``--sshlogin :`` (this machine) when parallel is
installed, and otherwise its command line is run once per shard as parallel would;
the Kubernetes manifest's command runs once per completion index, as its pods would,
all at once. Both merges must give the rows a single run gives.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.batch.files import table_of, write_csv
from tests.world import World

ROOT = Path(__file__).resolve().parents[2]
DOC = (ROOT / "docs" / "scaling.md").read_text("utf-8")
MANIFEST = (ROOT / "docs" / "recipes" / "leadcheck-shards.yaml").read_text("utf-8")
PARALLEL = """seq 0 $((N - 1)) | parallel --sshlogin 1/host1,1/host2 --transferfile export.csv \\
    --return part-{}.jsonl --return results-{}.sqlite3 --cleanup \\
    leadcheck batch export.csv --shard {}/$N -o part-{}.jsonl --db results-{}.sqlite3 --quiet"""
PARALLEL_MERGE = """leadcheck merge part-*.jsonl -o checked.xlsx \\
    $(seq 0 $((N - 1)) | sed 's/.*/--shard-db results-&.sqlite3/')"""
K8S_MERGE = """leadcheck merge /data/part-*.jsonl -o /data/checked.xlsx \\
    $(seq 0 7 | sed 's#.*#--shard-db /data/results-&.sqlite3#')"""
# a run's own moment: an open window starts "now", and two runs are minutes apart
NOW = ("checked_at", "next_window_local", "next_window_rep")
PAGE = "<html><head><title>{name}</title></head><body><h1>{name}</h1><p>{about}</p></body></html>"


def build(world: World, directory: Path) -> Path:
    for number in range(6):
        domain = f"uv-recipe-{number}.de"
        world.add_site(
            domain,
            {"/": PAGE.format(name=f"UV Recipe {number}", about="UV water disinfection")},
        )
        world.add_mail_domain(domain)
    world.add_mail_domain("gmail.com", mx_host="mx.gmail.com")
    rows = [["Company", "Email", "Website", "Country"]]
    for i in range(24):
        number = i % 6
        email = f"b{i}@gmail.com" if i % 4 == 0 else f"p{i}@uv-recipe-{number}.de"
        rows.append([f"UV Recipe {number}", email, f"uv-recipe-{number}.de", "DE"])
    rows.append(["Nobody", "", "", "DE"])
    return write_csv(directory / "export.csv", rows, encoding="utf-8")


def shell(command: str, world: World, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """``command`` in sh, with leadcheck on PATH and pointed at the world."""
    args = " ".join(world.cli_args())
    command = command.replace("--quiet", f"--quiet --timeout 10 {args}")
    environment = {
        **os.environ,
        **world.env(),
        **env,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
    }
    return subprocess.run(
        ["/bin/sh", "-c", command],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        timeout=240,
    )


@pytest.fixture
def whole(fresh_world: World, tmp_path: Path) -> tuple[World, Path, list[list[object]]]:
    source = build(fresh_world, tmp_path)
    done = shell("leadcheck batch export.csv -o whole.xlsx --no-db --quiet", fresh_world, tmp_path)
    assert done.returncode == 0, done.stderr
    return fresh_world, source, table_of(tmp_path / "whole.xlsx", NOW)


def test_gnu_parallel_over_ssh(whole: tuple[World, Path, list[list[object]]]) -> None:
    world, source, expected = whole
    assert PARALLEL in DOC
    assert PARALLEL_MERGE in DOC
    directory = source.parent
    if shutil.which("parallel"):
        command = PARALLEL.replace("--sshlogin 1/host1,1/host2", "--sshlogin :")
        done = shell(f"N=4\n{command}", world, directory)
        assert done.returncode == 0, done.stderr
    else:  # what parallel would run, shard by shard
        template = PARALLEL.split("--cleanup \\\n", 1)[1].strip()
        for index in range(4):
            command = template.replace("{}", str(index)).replace("$N", "4")
            done = shell(command, world, directory)
            assert done.returncode == 0, done.stderr
    merged = shell(f"N=4\n{PARALLEL_MERGE}", world, directory)
    assert merged.returncode == 0, merged.stderr
    assert table_of(directory / "checked.xlsx", NOW) == expected


def test_kubernetes_indexed_job(whole: tuple[World, Path, list[list[object]]]) -> None:
    world, source, expected = whole
    assert K8S_MERGE in DOC
    assert re.search(r"^\s*completionMode: Indexed$", MANIFEST, re.MULTILINE)
    completions = int(re.search(r"^\s*completions: (\d+)$", MANIFEST, re.MULTILINE).group(1))  # type: ignore[union-attr]
    folded = MANIFEST.split("- >-\n", 1)[1].split("\n          resources:", 1)[0]
    command = " ".join(line.strip() for line in folded.splitlines())
    assert f'--shard "${{JOB_COMPLETION_INDEX}}/{completions}"' in command
    command = command.split("&&", 1)[1]  # leadcheck is installed here already
    data = source.parent
    (data / "leads.csv").write_bytes(source.read_bytes())
    command = command.replace("/data/", f"{data}/")
    pods = [
        subprocess.Popen(
            ["/bin/sh", "-c", f"{command} --timeout 10 {' '.join(world.cli_args())}"],
            cwd=data,
            env={
                **os.environ,
                **world.env(),
                "JOB_COMPLETION_INDEX": str(index),
                "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
            },
            stderr=subprocess.PIPE,
            text=True,
        )
        for index in range(completions)
    ]
    for pod in pods:
        _, errors = pod.communicate(timeout=240)
        assert pod.returncode == 0, errors
    assert sorted(path.name for path in data.glob("part-*.jsonl")) == sorted(
        f"part-{index}.jsonl" for index in range(completions)
    )
    merged = shell(K8S_MERGE.replace("/data/", f"{data}/"), world, data)
    assert merged.returncode == 0, merged.stderr
    assert table_of(data / "checked.xlsx", NOW) == expected
