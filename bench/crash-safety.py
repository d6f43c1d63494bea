#!/usr/bin/env python3
"""Crash safety: every write the server acknowledged survives SIGKILL, on H2 (file) and on PostgreSQL.

For each database: a new installation gets a writer account and an organization (restored from a backup this
script writes from a fresh installation's own export, in the documented format, docs/backup-format.md); the jar
runs as a separate process; writers change answers continuously through the JSON API, each noting every write the
server answered 200; at a random moment the process is killed with SIGKILL and started again; every acknowledged
write must then be there (its revision, with the values sent) and the history must replay to the stored answers.
After the last kill, a backup export of the database checks the tables themselves: each revision's changes replay
to the stored fields, item versions match, revisions are numbered without gaps, and each acknowledged write has
its audit event. Exits 1 on any loss, with a report of what is missing.

Usage (bench/crash-safety.sh builds the jar if it is missing and calls this):
    crash-safety.py --jar target/sanctuary-scorecard.jar [--kills 3] [--writers 4] [--seed N] [--time-limit 600] h2 [postgres]
postgres uses SPRING_DATASOURCE_URL, _USERNAME and _PASSWORD (scripts/throwaway-postgres.sh prints them) and
works in a new schema of that database.
"""
import argparse
import base64
import hashlib
import http.client
import io
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import zipfile

WRITER = "crash-writer"
ORGANIZATION = "crash-test"
JURISDICTION = "06001"
START_TIMEOUT = 120
SERVERS = []  # the application processes started, killed if the run ends early


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--jar", required=True)
    parser.add_argument("--kills", type=int, default=3, help="kills per database (default 3)")
    parser.add_argument("--seed", type=int, default=None, help="random seed, for a run that repeats its kill moments")
    parser.add_argument("--min-write", type=float, default=1.0, help="shortest time writing before a kill, seconds")
    parser.add_argument("--max-write", type=float, default=3.0, help="longest time writing before a kill, seconds")
    parser.add_argument("--writers", type=int, default=4,
                        help="writers at once, each changing its own answer (default 4, at most one per question)")
    parser.add_argument("--time-limit", type=int, default=600,
                        help="stop (and fail) after this many seconds in all (default 600)")
    parser.add_argument("databases", nargs="+", choices=["h2", "postgres"])
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    rng = random.Random(seed)
    work = tempfile.mkdtemp(prefix="scorecard-crash.")
    print(f"crash safety: {args.kills} kills per database, {args.writers} writers, seed {seed} (rerun with --seed {seed}), "
          f"work in {work}")
    started = time.monotonic()
    signal.signal(signal.SIGALRM, lambda *_: fail(f"stopped after the time limit of {args.time_limit} s (--time-limit)"))
    signal.alarm(args.time_limit)
    results = []
    try:
        seed_backup = make_seed(args.jar, work)
        for database in args.databases:
            results.append(CrashRun(args, database, work, seed_backup, rng).run())
    finally:
        signal.alarm(0)
        for process in SERVERS:
            if process.poll() is None:
                process.kill()
                process.wait()
        shutil.rmtree(work, ignore_errors=True)
    print()
    print("== crash safety ==")
    for r in results:
        print(f"{r['database']:<10} kills survived {r['kills']}/{r['kills_planned']}, writes acknowledged {r['acknowledged']}, "
              f"present after restarts {r['present']}, lost {r['lost']}, committed but not acknowledged {r['unacknowledged']}, "
              f"revisions checked {r['revisions']}, {r['seconds']:.0f} s")
    print(f"total {time.monotonic() - started:.0f} s")
    if any(r["lost"] or r["problems"] for r in results):
        print("CRASH SAFETY FAILED: acknowledged writes were lost or the data does not replay (details above)")
        sys.exit(1)
    print("crash safety passed: 0 acknowledged writes lost")


# ------------------------------------------------------------------------------------------------ the installation

def make_seed(jar, work):
    """A backup of a new installation plus a writer account, an organization and the writer's membership."""
    fresh = os.path.join(work, "fresh.zip")
    run_command(jar, ["backup", "export", "--out", fresh, "--scorecard.data-dir=" + os.path.join(work, "fresh-data")], h2_env())
    with zipfile.ZipFile(fresh) as z:
        manifest = json.loads(z.read("manifest.json"))
        tables = {s["table"]: z.read(s["file"]).decode("utf-8") for s in manifest["sections"]}
    now = time.strftime("%Y-%m-%dT%H:%M:%S.000000Z", time.gmtime())
    password = base64.urlsafe_b64encode(os.urandom(18)).decode()

    def add(table, values):
        section = next(s for s in manifest["sections"] if s["table"] == table)
        names = [c["name"] for c in section["columns"]]
        unknown = [n for n in names if n not in values and n != "id"]
        if unknown:
            raise SystemExit(f"the schema has columns this script does not fill in {table}: {unknown}; add them to make_seed")
        rows = [json.loads(line) for line in tables[table].splitlines()]
        identity = (max([r["id"] for r in rows], default=0) + 1) if "id" in names else None
        row = {n: (identity if n == "id" else values[n]) for n in names}
        tables[table] += json.dumps(row, separators=(",", ":")) + "\n"
        return identity

    organization = add("organization", {"slug": ORGANIZATION, "name": "Crash test", "created_at": now})
    # {noop}: the password as it is, which Spring Security's delegating encoder reads; a throwaway installation only
    account = add("app_user", {"username": WRITER, "display_name": "Crash Writer", "password_hash": "{noop}" + password,
                               "site_admin": False, "enabled": True, "failed_logins": 0, "locked_until": None,
                               "created_at": now, "password_changed_at": now})
    add("membership", {"organization_id": organization, "user_id": account, "role": "editor", "created_at": now})
    seed = os.path.join(work, "seed.zip")
    with zipfile.ZipFile(seed, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("README.txt", "Crash-safety test installation, written by bench/crash-safety.py.\n")
        for section in manifest["sections"]:
            data = tables[section["table"]].encode("utf-8")
            section.update(rows=data.count(b"\n"), bytes=len(data), sha256=hashlib.sha256(data).hexdigest())
            z.writestr(section["file"], data)
        z.writestr("manifest.json", json.dumps(manifest, indent=2))
    return {"file": seed, "password": password}


def run_command(jar, arguments, env):
    done = subprocess.run(java(jar) + arguments, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"java -jar {os.path.basename(jar)} {' '.join(arguments)} failed ({done.returncode}):\n"
                         f"{done.stdout}{done.stderr}")
    return done.stdout


def java(jar):
    # C1 only: starts faster; correctness does not depend on the compiler
    return ["java", "-XX:TieredStopAtLevel=1", "-Xmx512m", "-jar", jar]


def h2_env():
    return {k: v for k, v in os.environ.items() if not k.startswith("SPRING_DATASOURCE_")}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# ------------------------------------------------------------------------------------------------ one database

class CrashRun:
    def __init__(self, args, database, work, seed, rng):
        self.args, self.database, self.seed, self.rng = args, database, seed, rng
        self.jar = args.jar
        self.port = free_port()
        self.log = os.path.join(work, database + ".log")
        if database == "h2":
            self.env = h2_env()
            self.spring = ["--scorecard.data-dir=" + os.path.join(work, "h2-data")]
            self.where = "H2 file in " + os.path.join(work, "h2-data")
        else:
            url = os.environ.get("SPRING_DATASOURCE_URL", "")
            if not url.startswith("jdbc:postgresql:"):
                raise SystemExit("postgres: set SPRING_DATASOURCE_URL, _USERNAME and _PASSWORD "
                                 "(eval \"$(scripts/throwaway-postgres.sh start DIR)\")")
            schema = "crash_" + hashlib.sha256(os.urandom(8)).hexdigest()[:10]
            self.env = dict(os.environ)
            self.spring = ["--spring.datasource.url=" + url + ("&" if "?" in url else "?") + "currentSchema=" + schema,
                           "--spring.flyway.schemas=" + schema]
            self.where = f"PostgreSQL schema {schema}"
        self.auth = "Basic " + base64.b64encode(f"{WRITER}:{seed['password']}".encode()).decode()
        self.acknowledged = []  # (question, version, answer, explanation, round)
        self.lock = threading.Lock()
        self.problems = []
        self.process = None

    def run(self):
        began = time.monotonic()
        print(f"\n== {self.database}: {self.where}, port {self.port} ==")
        out = run_command(self.jar, ["backup", "import", self.seed["file"]] + self.spring, self.env)
        print("  " + out.strip().splitlines()[-1][:160])
        kills = 0
        present = 0
        for round_number in range(1, self.args.kills + 2):
            self.start()
            if round_number == 1:
                self.setup()
            else:
                present = self.check_after_restart(round_number)
            if round_number > self.args.kills:
                break
            written = self.write_then_kill(round_number)
            kills += 1
            print(f"  round {round_number}: {written} writes acknowledged, then SIGKILL")
        self.stop()
        revisions, unacknowledged = self.check_tables()
        lost = len(self.acknowledged) - present
        for problem in self.problems[:20]:
            print("  PROBLEM: " + problem)
        if len(self.problems) > 20:
            print(f"  ... and {len(self.problems) - 20} more problems")
        return {"database": self.database, "kills": kills, "kills_planned": self.args.kills,
                "acknowledged": len(self.acknowledged), "present": present, "lost": lost,
                "unacknowledged": unacknowledged, "revisions": revisions, "problems": len(self.problems),
                "seconds": time.monotonic() - began}

    # -------------------------------------------------------------------------------------------- the server

    def start(self):
        log = open(self.log, "a")
        t0 = time.monotonic()
        self.process = subprocess.Popen(java(self.jar) + ["--server.address=127.0.0.1", "--server.port=%d" % self.port] + self.spring, env=self.env,
                                        stdout=log, stderr=subprocess.STDOUT)
        SERVERS.append(self.process)
        while time.monotonic() - t0 < START_TIMEOUT:
            if self.process.poll() is not None:
                raise SystemExit(f"the application stopped while starting; its log: {self.log}\n" + tail(self.log))
            try:
                status, body = self.call("GET", "/actuator/health", auth=False, timeout=2)
                if status == 200 and json.loads(body).get("status") == "UP":
                    print(f"  started in {time.monotonic() - t0:.1f} s")
                    return
            except (OSError, http.client.HTTPException):
                pass
            time.sleep(0.1)
        raise SystemExit(f"the application did not start within {START_TIMEOUT} s; its log: {self.log}\n" + tail(self.log))

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def call(self, method, path, body=None, auth=True, timeout=10, connection=None):
        conn = connection or http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        headers = {"Accept": "application/json"}
        if auth:
            headers["Authorization"] = self.auth
        if body is not None:
            headers["Content-Type"] = "application/json"
        try:
            conn.request(method, path, json.dumps(body) if body is not None else None, headers)
            response = conn.getresponse()
            return response.status, response.read()
        finally:
            if connection is None:
                conn.close()

    def json(self, method, path, body=None):
        status, data = self.call(method, path, body)
        if status >= 300:
            raise SystemExit(f"{method} {path} answered {status}: {data[:400]!r}")
        return json.loads(data)

    # -------------------------------------------------------------------------------------------- writing

    def setup(self):
        framework = self.json("GET", "/api/framework")
        codes = {s["id"]: [o["code"] for o in s["options"]] for s in framework["answerSets"]}
        self.questions = [(q["id"], codes[c["answerSet"]]) for c in framework["criteria"] for q in c["questions"]]
        if len(self.questions) < self.args.writers:
            fail(f"--writers {self.args.writers}: the framework has only {len(self.questions)} questions, one per writer")
        self.questions = self.questions[:self.args.writers]
        created = self.json("POST", f"/api/jurisdictions/{JURISDICTION}/assessments",
                            {"title": "Crash safety", "author": "crash-safety.py", "asOf": "2026-11-01",
                             "organization": ORGANIZATION})
        self.assessment = created["id"]

    def write_then_kill(self, round_number):
        versions = self.json("GET", f"/api/assessments/{self.assessment}")["versions"]
        stop = threading.Event()
        counts = [0] * self.args.writers
        threads = [threading.Thread(target=self.writer, args=(k, versions.get("answer/" + self.questions[k][0], 0),
                                                                round_number, stop, counts), daemon=True)
                   for k in range(self.args.writers)]
        for t in threads:
            t.start()
        time.sleep(self.rng.uniform(self.args.min_write, self.args.max_write))
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()
        stop.set()
        for t in threads:
            t.join(timeout=30)
        return sum(counts)

    def writer(self, k, version, round_number, stop, counts):
        """Changes one answer again and again; notes each write the server acknowledged."""
        question, codes = self.questions[k]
        rng = random.Random(round_number * 1000 + k)
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        n = 0
        while not stop.is_set():
            n += 1
            answer = rng.choice(codes)
            explanation = f"round {round_number} writer {k} write {n}: {answer}"
            try:
                status, data = self.call("PUT", f"/api/assessments/{self.assessment}/answers/{question}",
                                         {"answer": answer, "explanation": explanation, "version": version}, connection=conn)
            except (OSError, http.client.HTTPException):
                return  # the server is gone: this write was not acknowledged
            if status == 200:
                version = json.loads(data)["version"]
                with self.lock:
                    self.acknowledged.append((question, version, answer, explanation, round_number))
                counts[k] += 1
            elif status == 409:
                version = json.loads(data)["currentVersion"]  # a write committed just before a kill, unacknowledged
            else:
                with self.lock:
                    self.problems.append(f"PUT {question} answered {status}: {data[:200]!r}")
                return

    # -------------------------------------------------------------------------------------------- checking

    def check_after_restart(self, round_number):
        """Every acknowledged write is in the history, with its values; the history replays to the stored answers."""
        history = self.json("GET", f"/api/assessments/{self.assessment}/history")
        current = self.json("GET", f"/api/assessments/{self.assessment}")
        states = replay([(r["number"], {c["field"]: c.get("newValue") for c in r["changes"]}) for r in history])
        present = 0
        for question, version, answer, explanation, written in self.acknowledged:
            fields = states.get(version)
            prefix = f"answer/{question}/"
            if fields is None:
                self.problems.append(f"after kill {round_number - 1}: acknowledged write missing: revision {version} "
                                     f"({explanation!r}, round {written})")
            elif fields.get(prefix + "value") != answer or fields.get(prefix + "explanation") != explanation:
                self.problems.append(f"after kill {round_number - 1}: revision {version} holds "
                                     f"{fields.get(prefix + 'value')!r}/{fields.get(prefix + 'explanation')!r}, "
                                     f"acknowledged as {answer!r}/{explanation!r}")
            else:
                present += 1
        last = states[max(states)] if states else {}
        for question, _ in self.questions:
            stored = current["content"].get("answers", {}).get(question)
            replayed = (last.get(f"answer/{question}/value"), last.get(f"answer/{question}/explanation"))
            shown = (stored.get("answer"), stored.get("explanation")) if stored else (None, None)
            if shown != replayed:
                self.problems.append(f"after kill {round_number - 1}: {question} is stored as {shown}, its history replays to {replayed}")
        print(f"  after kill {round_number - 1}: {present} of {len(self.acknowledged)} acknowledged writes present, "
              f"{len(history)} revisions")
        return present

    def check_tables(self):
        """The tables themselves, read through a backup of the database: replay, versions, numbering, audit trail."""
        out_file = os.path.join(os.path.dirname(self.log), self.database + "-after.zip")
        run_command(self.jar, ["backup", "export", "--out", out_file] + self.spring, self.env)
        with zipfile.ZipFile(out_file) as z:
            def rows(table):
                return [json.loads(line) for line in z.read(f"tables/{table}.jsonl").decode("utf-8").splitlines()]
            a = self.assessment
            assessment = next(r for r in rows("assessment") if r["id"] == a)
            revisions = sorted(r["number"] for r in rows("assessment_revision") if r["assessment_id"] == a)
            changes = {}
            for c in rows("assessment_change"):
                if c["assessment_id"] == a:
                    changes.setdefault(c["revision"], {})[c["field"]] = c["new_value"]
            fields = {r["field"]: r["field_value"] for r in rows("assessment_field") if r["assessment_id"] == a}
            items = {r["item"]: r["version"] for r in rows("assessment_item") if r["assessment_id"] == a}
            saves = {r["target_id"]: r for r in rows("audit_event")
                     if r["target_type"] == "assessment" and r["target_id"].startswith(f"{a}/")}
        if revisions != list(range(1, assessment["revision"] + 1)):
            self.problems.append(f"revisions are not numbered 1..{assessment['revision']}: {revisions[:10]}...")
        states = replay([(n, changes.get(n, {})) for n in revisions])
        for n in revisions:
            if not changes.get(n):
                self.problems.append(f"revision {n} changes nothing (half written?)")
            if f"{a}/{n}" not in saves:
                self.problems.append(f"revision {n} has no audit event")
        if states and {k: v for k, v in states[max(states)].items() if v is not None} != fields:
            self.problems.append("the stored fields are not the replay of the revisions")
        for item, version in items.items():
            if not item.startswith(("answer/", "evidence/")):
                continue
            last_change = max((n for n in revisions if any(f.startswith(item + "/") for f in changes.get(n, {}))), default=0)
            if last_change != version:
                self.problems.append(f"item {item} has version {version}, but revision {last_change} changed it last")
        acknowledged_revisions = {version for _, version, _, _, _ in self.acknowledged}
        for question, version, answer, explanation, _ in self.acknowledged:
            event = saves.get(f"{a}/{version}")
            if event is None or explanation not in (event["after_value"] or ""):
                self.problems.append(f"acknowledged revision {version} ({explanation!r}) has no audit event with its value")
        unacknowledged = len([n for n in revisions if n > 1 and n not in acknowledged_revisions])
        print(f"  tables: {len(revisions)} revisions replay to the stored fields, {len(items)} item versions match, "
              f"{len(saves)} audit events; {unacknowledged} revisions committed without the client seeing the answer")
        return len(revisions), unacknowledged


def replay(revisions):
    """The fields after each revision, from each revision's changes (a change to None removes the field)."""
    fields, states = {}, {}
    for number, changes in sorted(revisions, key=lambda r: r[0]):
        for field, value in changes.items():
            if value is None:
                fields.pop(field, None)
            else:
                fields[field] = value
        states[number] = dict(fields)
    return states


def fail(message):
    raise SystemExit("CRASH SAFETY NOT PROVEN: " + message)


def tail(path, lines=40):
    with open(path, errors="replace") as f:
        return "".join(f.readlines()[-lines:])


if __name__ == "__main__":
    main()
