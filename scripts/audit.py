"""`make audit`: known vulnerabilities in the pinned dependencies (pip-audit) and risky code
in tracker/ (bandit).

Exit status 1 when either finds something not accepted. A finding that is accepted is
explained where it is accepted: in ACCEPTED_VULNERABILITIES below for a dependency, in a
`# nosec BXXX (why)` comment on the line for bandit. When the vulnerability service cannot
be reached (no network, or a package index that does not answer its questions), the
dependency audit says so and does not fail: it checked nothing, which is not a finding.
"""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
REQUIREMENTS = (ROOT / "requirements.txt", ROOT / "requirements-dev.txt")

ACCEPTED_VULNERABILITIES = {}
"""{vulnerability id: why it does not affect tracker}; passed to pip-audit as --ignore-vuln."""


def audit_dependencies():
    command = [
        str(BIN / "pip-audit"),
        *(argument for path in REQUIREMENTS for argument in ("--requirement", str(path))),
        "--no-deps", "--disable-pip",  # every package is pinned; nothing to resolve
        "--format", "json",
        "--progress-spinner", "off",
        "--timeout", "20",
    ]  # fmt: skip
    for vulnerability in ACCEPTED_VULNERABILITIES:
        command += ["--ignore-vuln", vulnerability]
    result = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        print("pip-audit: the vulnerability service could not be reached; nothing was checked.")
        print(_last_line(result.stderr))
        return True
    dependencies = report.get("dependencies", [])
    skipped = [d for d in dependencies if "skip_reason" in d]
    if dependencies and len(skipped) == len(dependencies):
        print(
            f"pip-audit: the vulnerability service could not be reached; none of the "
            f"{len(dependencies)} pinned packages was checked ({skipped[0]['skip_reason']})."
        )
        return True
    vulnerable = [d for d in dependencies if d.get("vulns")]
    for dependency in vulnerable:
        for vulnerability in dependency["vulns"]:
            fixed = ", ".join(vulnerability.get("fix_versions", [])) or "no fixed version"
            print(
                f"pip-audit: {dependency['name']} {dependency['version']}: {vulnerability['id']} "
                f"(fixed in {fixed})"
            )
    for dependency in skipped:
        print(f"pip-audit: not checked: {dependency['name']}: {dependency['skip_reason']}")
    checked = len(dependencies) - len(skipped)
    print(f"pip-audit: {checked} pinned packages checked, {len(vulnerable)} with a vulnerability.")
    return not vulnerable


def audit_code():
    result = subprocess.run(  # noqa: S603
        [str(BIN / "bandit"), "--recursive", "--quiet", str(ROOT / "tracker")],
        capture_output=True,
        text=True,
        check=False,
    )
    print(result.stdout.strip() or "bandit: no issues in tracker/.")
    if result.returncode not in (0, 1):
        print(result.stderr)
    return result.returncode == 0


def _last_line(text):
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1] if lines else ""


if __name__ == "__main__":
    dependencies_clean = audit_dependencies()
    code_clean = audit_code()
    sys.exit(0 if dependencies_clean and code_clean else 1)
