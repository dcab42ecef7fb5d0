#!/usr/bin/env python3
"""Summarises `jfr print --events jdk.ExecutionSample --stack-depth 200` output: where the samples are.

Prints markdown: the share of samples by gateway step (the first rule below that any frame of the stack
matches, most specific first), by thread group, the top self frames (the hottest methods), the top packages of
those, and the project's own methods by inclusive share (a sample counts once for every project method on
its stack)."""
import collections
import re
import sys

# (step, regular expression on a frame), most specific first: a sample goes to the first step that matches.
STEPS = [
    ("getReceivedEdocList (inbox list)", r"VdxpController\.receivedList|ExchangeService\.inbox|TrackingStore\.inbox"),
    ("PDF signatures at intake", r"PdfSignatureInspection|vn\.lienthong\.trust\.pdf\."),
    ("XML-DSig verify", r"EdxmlSignatureVerifier|org\.apache\.xml\.security\."),
    ("edXML validation", r"EdxmlValidator"),
    ("evidence (ECDSA CMS, store)", r"vn\.lienthong\.gateway\.evidence\.Evidence|vn\.lienthong\.trust\.evidence\."),
    ("hash chain", r"ChainService|vn\.lienthong\.trust\.chain\."),
    ("getEdoc", r"VdxpController\.streamEdoc|ExchangeService\.fetch"),
    ("updateStatus", r"updateStatus"),
    ("recording documents and deliveries (TrackingStore)", r"TrackingStore\."),
    ("sendEdoc intake (spool, hash, store)", r"VdxpController\.sendEdoc|IntakeSteps|intake\.Intake|IntakeRoute|PayloadStore|SpooledPacket"),
    ("dispatch and delivery (Camel routes)", r"DispatchRoute|DeliveryWorker|DeliveryRoute|SweeperRoute|org\.apache\.camel\."),
    ("Artemis broker (other)", r"org\.apache\.activemq\."),
    ("H2 database (other)", r"org\.h2\."),
    ("HTTP and authentication (other)", r"org\.apache\.(tomcat|coyote|catalina)|springframework\.security|SignedHeader|VdxpController"),
    ("other (JVM, logging, unmatched)", None),
]

THREADS = [
    ("HTTP (Tomcat)", r"http-nio|exec-"),
    ("Camel", r"Camel"),
    ("Artemis", r"activemq|Artemis|Thread-\d+ \(ActiveMQ"),
    ("evidence / chain writers", r"evidence|chain"),
]


def samples(path, since=None):
    """Yields (thread, frames) of each sample; with `since` (HH:MM:SS, the clock jfr prints), only later ones."""
    thread, frames, in_stack, late = None, [], False, since is None
    for line in open(path, encoding="utf-8", errors="replace"):
        s = line.strip()
        if s.startswith("jdk.ExecutionSample"):
            thread, frames, in_stack = None, [], False
        elif s.startswith("startTime = ") and since is not None:
            late = s[len("startTime = "):][:8] >= since
        elif s.startswith("sampledThread"):
            m = re.search(r'"(.*)"', s)
            thread = m.group(1) if m else s
        elif s.startswith("stackTrace = ["):
            in_stack = True
        elif in_stack and s == "]":
            in_stack = False
        elif in_stack and s and s != "...":
            frames.append(re.sub(r"\s+line:.*$", "", s))
        elif s == "}" and thread is not None:
            if late:
                yield thread, frames
            thread = None


def method(frame):
    return re.sub(r"\(.*$", "", frame)


def package(frame, depth=4):
    name = method(frame)
    parts = name.split(".")[:-2]  # without class and method
    return ".".join(parts[:depth]) if parts else name


def main(path, since=None):
    total = 0
    steps = collections.Counter()
    threads = collections.Counter()
    selfs = collections.Counter()
    packages = collections.Counter()
    inclusive = collections.Counter()
    for thread, frames in samples(path, since):
        total += 1
        stack = "\n".join(frames)
        for name, rule in STEPS:
            if rule is None or re.search(rule, stack):
                steps[name] += 1
                break
        threads[next((n for n, r in THREADS if re.search(r, thread)), "other: " + re.sub(r"\d+", "N", thread))] += 1
        if frames:
            selfs[method(frames[0])] += 1
            packages[package(frames[0])] += 1
        for own in {method(f) for f in frames if f.startswith("vn.lienthong.")}:
            inclusive[own] += 1
    if total == 0:
        print("no samples")
        return

    def table(title, counter, limit, what):
        print(f"### {title}\n")
        print(f"| {what} | share | samples |\n|---|---|---|")
        for name, count in counter.most_common(limit):
            print(f"| `{name}` | {100.0 * count / total:.1f}% | {count} |")
        print()

    print(f"{total} execution samples (jdk.ExecutionSample: one every 10 ms (`profile`) or 20 ms (`default`) per running"
          f" thread){' from ' + since if since else ''}.\n")
    table("By step (first matching rule, most specific first)", steps, 20, "step")
    table("By thread", threads, 10, "threads")
    table("Hottest methods (self)", selfs, 25, "method")
    table("Packages (self)", packages, 20, "package")
    table("The project's methods (inclusive)", inclusive, 30, "method")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None)
