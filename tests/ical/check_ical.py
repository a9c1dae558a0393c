#!/usr/bin/env python3
"""Checks calendars from `eol-table export --to ics` with a real iCalendar parser (icalendar).

usage: check_ical.py FILE.ics [FILE.ics ...]

Each file must be RFC 5545 as the export promises: CRLF lines of at most 75 octets, folded
between UTF-8 characters; a VCALENDAR 2.0 with PRODID, CALSCALE and X-WR-CALNAME; all-day
VEVENTs (DATE values, DTEND the next day) with unique UIDs `<product>-<cycle>-<milestone>@eol-table`
and a DTSTAMP at midnight UTC. When FILE.json sits next to FILE.ics (`--to json` of the same
product and day), the events must be exactly the dated eoas, eol and eoes ends of its rows, in
row order, each on the date's last day, with the summary and description the rows give.
Prints one line per file, and exits 1 when any file has problems.
"""

import calendar
import datetime
import json
import re
import sys
from pathlib import Path

import icalendar

MILESTONES = {
    "eoas": "end of active support",
    "eol": "end of life",
    "eoes": "end of extended support",
}
UID = re.compile(r"^[A-Za-z0-9._-]+-(eoas|eol|eoes)@eol-table$")
ONE_DAY = datetime.timedelta(days=1)


def uid_part(text):
    """The export's UID encoding: safe ASCII kept, every other byte as _XX."""
    return "".join(
        chr(b) if chr(b).isascii() and (chr(b).isalnum() or chr(b) in ".-") else f"_{b:02X}"
        for b in text.encode()
    )


def last_day(iso):
    parts = [int(p) for p in iso.split("-")]
    if len(parts) == 2:
        parts.append(calendar.monthrange(parts[0], parts[1])[1])
    return datetime.date(*parts)


def unescape(text):
    """TEXT unescaping, for properties icalendar leaves raw (X-WR-CALNAME)."""
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), text)


def raw_problems(data):
    problems = []
    if not data.endswith(b"\r\n"):
        problems.append("the file does not end with CRLF")
    for number, line in enumerate(data.split(b"\r\n")[:-1], 1):
        if b"\r" in line or b"\n" in line:
            problems.append(f"line {number}: a bare CR or LF")
        if len(line) > 75:
            problems.append(f"line {number}: {len(line)} octets, more than 75")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError as err:
            problems.append(f"line {number}: not UTF-8 on its own (a split character?): {err}")
    return problems


def expected_events(rows, calname):
    """(uid suffix, date, summary, description end) for each dated end, in export order."""
    for row in rows:
        label = row["label"]
        if row["isLts"] or isinstance(row["lts"], str):
            label = label.rsplit(" (", 1)[0]
        name = label if label.startswith(calname) else f"{calname} {label}"
        for milestone, what in MILESTONES.items():
            value = row[milestone]
            if isinstance(value, str):
                yield (
                    f"-{uid_part(row['cycle'])}-{milestone}@eol-table",
                    last_day(value),
                    f"{name}: {what}",
                    f": {value}",
                )


def check(path):
    data = path.read_bytes()
    problems = raw_problems(data)
    cal = icalendar.Calendar.from_ical(data)
    problems += [f"{c.name}: {e}" for c in cal.walk() for e in getattr(c, "errors", [])]
    for key, value in {"VERSION": "2.0", "CALSCALE": "GREGORIAN"}.items():
        if str(cal.get(key)) != value:
            problems.append(f"{key} is {cal.get(key)!r}, not {value}")
    if not cal.get("PRODID"):
        problems.append("no PRODID")
    if cal.get("X-WR-CALNAME") is None:
        problems.append("no X-WR-CALNAME")
    calname = unescape(str(cal.get("X-WR-CALNAME", "")))
    events = cal.walk("VEVENT")
    uids = [str(e.get("UID")) for e in events]
    if len(set(uids)) != len(uids):
        problems.append(f"UIDs repeat: {sorted(u for u in uids if uids.count(u) > 1)}")
    for event, uid in zip(events, uids):
        where = f"event {uid}"
        if not UID.match(uid):
            problems.append(f"{where}: UID not of the form <product>-<cycle>-<milestone>@eol-table")
        stamp = event.get("DTSTAMP")
        if stamp is None or not isinstance(stamp.dt, datetime.datetime) or stamp.dt.utcoffset() != datetime.timedelta(0) or stamp.dt.time() != datetime.time(0):
            problems.append(f"{where}: DTSTAMP {stamp and stamp.dt!r} is not midnight UTC")
        start = event.get("DTSTART")
        if start is None or type(start.dt) is not datetime.date:
            problems.append(f"{where}: DTSTART is not a DATE")
            continue
        end = event.get("DTEND")
        if end is None:
            if start.dt != datetime.date.max:
                problems.append(f"{where}: no DTEND")
        elif type(end.dt) is not datetime.date or end.dt != start.dt + ONE_DAY:
            problems.append(f"{where}: DTEND {end.dt!r} is not the day after {start.dt}")
        milestone = uid.rsplit("@", 1)[0].rsplit("-", 1)[-1]
        summary = str(event.get("SUMMARY", ""))
        if not summary.endswith(": " + MILESTONES.get(milestone, "?")):
            problems.append(f"{where}: SUMMARY {summary!r} does not name its milestone")
        url = event.get("URL")
        if url is not None and not re.match(r"^https?://", str(url), re.I):
            problems.append(f"{where}: URL {url!r} is not http(s)")
    rows_path = path.with_suffix(".json")
    if rows_path.exists():
        expected = list(expected_events(json.loads(rows_path.read_text("utf-8")), calname))
        if len(expected) != len(events):
            problems.append(f"{len(events)} events, but the rows have {len(expected)} dated ends")
        prefixes = set()
        for (suffix, date, summary, description), event, uid in zip(expected, events, uids):
            if not uid.endswith(suffix):
                problems.append(f"event {uid}: expected a UID ending {suffix!r}")
            prefixes.add(uid[: -len(suffix)])
            if event.get("DTSTART").dt != date:
                problems.append(f"event {uid}: on {event.get('DTSTART').dt}, expected {date}")
            if str(event.get("SUMMARY")) != summary:
                problems.append(f"event {uid}: SUMMARY {str(event.get('SUMMARY'))!r}, expected {summary!r}")
            text = str(event.get("DESCRIPTION", ""))
            if description not in text:
                problems.append(f"event {uid}: DESCRIPTION {text!r} lacks {description!r}")
        if len(prefixes) > 1:
            problems.append(f"the UIDs have different product parts: {sorted(prefixes)}")
    return len(events), problems


def main(paths):
    if not paths:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    failed = False
    for path in map(Path, paths):
        count, problems = check(path)
        if problems:
            failed = True
            print(f"{path}: {len(problems)} problem(s)")
            for problem in problems:
                print(f"  {problem}")
        else:
            print(f"{path}: ok, {count} events")
    print(f"checked {len(paths)} calendars with icalendar {icalendar.__version__}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
