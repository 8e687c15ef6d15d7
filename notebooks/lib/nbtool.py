"""Small notebook chores for notebooks/setup and notebooks/run, with the standard library only.

    nbtool.py pom VALUE            print the parent pom's project version (VALUE=version) or a property's value
    nbtool.py kernel NAME          print the version stamped for notebooks on kernelspec NAME
    nbtool.py stamp EXECUTED DEST  write an executed notebook to DEST with the speedsim stamp and no timing data
    nbtool.py check NOTEBOOK...    check committed notebooks: every code cell has outputs, none is an error,
                                   cells ran once each from top to bottom, and the stamp matches the current
                                   sources, project version and kernel version

The stamp is the notebook metadata entry "speedsim": {"projectVersion", "kernel", "sourcesSha256"}; sourcesSha256
hashes every cell's type and source, so editing a cell without re-running `notebooks/run --update` is caught.
The kernel is the one the notebook's metadata names (kernelspec.name): "speedsim", the Java kernel, is stamped
"rapaio-jupyter-kernel VERSION" (the parent pom's property); "speedsim-python", Debian's ipykernel run by the
python3 that runs this script, is stamped "ipykernel VERSION (Python X.Y)". Any other kernelspec is refused.
"""

import hashlib
import json
import os
import sys
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
POM_NS = {"m": "http://maven.apache.org/POM/4.0.0"}
KERNEL_PROPERTY = "rapaio-jupyter-kernel.version"
JAVA_KERNEL = "speedsim"
PYTHON_KERNEL = "speedsim-python"


def pom_value(name):
    project = ET.parse(os.path.join(ROOT, "pom.xml")).getroot()
    path = "m:version" if name == "version" else "m:properties/m:" + name
    node = project.find(path, POM_NS)
    if node is None or not (node.text or "").strip():
        raise SystemExit(f"nbtool: pom.xml has no {path.replace('m:', '')}")
    return node.text.strip()


def source_text(cell):
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def sources_sha256(nb):
    h = hashlib.sha256()
    for cell in nb.get("cells", []):
        h.update(cell.get("cell_type", "").encode())
        h.update(b"\0")
        h.update(source_text(cell).encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()


def kernel_name(nb):
    return nb.get("metadata", {}).get("kernelspec", {}).get("name")


def kernel_version(name):
    """The kernel's version as stamped, or None for a kernelspec the notebooks do not use."""
    if name == JAVA_KERNEL:
        return "rapaio-jupyter-kernel " + pom_value(KERNEL_PROPERTY)
    if name == PYTHON_KERNEL:
        from importlib import metadata
        try:
            version = metadata.version("ipykernel")
        except metadata.PackageNotFoundError:
            raise SystemExit(f"nbtool: {sys.executable} has no ipykernel: run notebooks/setup")
        return f"ipykernel {version} (Python {sys.version_info.major}.{sys.version_info.minor})"
    return None


def expected_stamp(nb):
    return {
        "projectVersion": pom_value("version"),
        "kernel": kernel_version(kernel_name(nb)),
        "sourcesSha256": sources_sha256(nb),
    }


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def stamp(executed, dest):
    nb = load(executed)
    if kernel_version(kernel_name(nb)) is None:
        raise SystemExit(f"nbtool: {executed}: kernelspec {kernel_name(nb)!r} is neither {JAVA_KERNEL!r} nor {PYTHON_KERNEL!r}")
    for cell in nb.get("cells", []):
        cell.get("metadata", {}).pop("execution", None)
    nb.setdefault("metadata", {})["speedsim"] = expected_stamp(nb)
    tmp = dest + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(nb, f, indent=1, ensure_ascii=False, sort_keys=True)
        f.write("\n")
    os.replace(tmp, dest)


def problems_of(path):
    try:
        nb = load(path)
    except (OSError, ValueError) as e:
        return [f"cannot be read: {e}"]
    found = []
    code = [c for c in nb.get("cells", []) if c.get("cell_type") == "code"]
    if not code:
        found.append("has no code cell")
    for n, cell in enumerate(code, start=1):
        if cell.get("execution_count") != n:
            found.append(f"code cell {n} has execution count {cell.get('execution_count')}, expected {n} "
                         "(cells must have run once each, top to bottom)")
        outputs = cell.get("outputs", [])
        if not outputs:
            found.append(f"code cell {n} has no output")
        for out in outputs:
            if out.get("output_type") == "error":
                found.append(f"code cell {n} holds an error: {out.get('ename')}: {out.get('evalue')}")
    if kernel_version(kernel_name(nb)) is None:
        found.append(f"its kernelspec {kernel_name(nb)!r} is neither {JAVA_KERNEL!r} nor {PYTHON_KERNEL!r}")
    stamp_found = nb.get("metadata", {}).get("speedsim")
    expected = expected_stamp(nb)
    if stamp_found is None:
        found.append("has no speedsim stamp in its metadata")
    else:
        for key, value in expected.items():
            if value is not None and stamp_found.get(key) != value:
                what = "its cells changed since" if key == "sourcesSha256" else f"{key} is {stamp_found.get(key)!r}, not {value!r}:"
                found.append(f"stale outputs: {what} the last `notebooks/run --update`")
    return found


def check(paths):
    bad = 0
    for path in paths:
        found = problems_of(path)
        for p in found:
            print(f"{os.path.relpath(path)}: {p}", file=sys.stderr)
        bad += bool(found)
    if bad:
        print(f"nbtool: {bad} of {len(paths)} committed notebooks need `notebooks/run --update`", file=sys.stderr)
    return 1 if bad else 0


def main(argv):
    if len(argv) == 2 and argv[0] == "pom":
        print(pom_value(argv[1]))
        return 0
    if len(argv) == 2 and argv[0] == "kernel":
        version = kernel_version(argv[1])
        if version is None:
            print(f"nbtool: no kernel named {argv[1]!r}", file=sys.stderr)
            return 2
        print(version)
        return 0
    if len(argv) == 3 and argv[0] == "stamp":
        stamp(argv[1], argv[2])
        return 0
    if len(argv) >= 2 and argv[0] == "check":
        return check(argv[1:])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
