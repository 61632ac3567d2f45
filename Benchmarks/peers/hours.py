#!/usr/bin/env python3
"""The Python side of `peers.sh hours`: businesstimedelta on the same instants as hours-bench.

    hours.py instants OUT [--count 20000] [--seed 7]
        writes COUNT lines `EPOCH_SECONDS HOURS`: instants from 2016 to 2029 (any time of day,
        weekends and holidays included), 1 to 1,000 working hours, mostly under 40.
    hours.py run CALENDAR_YAML INSTANTS RESULTS
        adds each line's hours with businesstimedelta, on the calendar read from CALENDAR_YAML,
        writes one result (epoch seconds) a line and prints the additions a second.
    hours.py compare INSTANTS SWIFT_RESULTS PYTHON_RESULTS CALENDAR_YAML
        counts the lines where the two results differ and shows the first few.

The calendar file is formrunner's own (Workflows/brazil-support.yaml): its weekly hours become a
WorkDayRule and its holiday rules (`every`, `easter`, `date`, `from_year`, `until_year`) are
expanded here, Easter by dateutil, into the date set of a HolidayRule.
"""
import datetime
import random
import sys
import time

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
FIRST_YEAR, LAST_YEAR = 2015, 2040


def write_instants(out, count=20000, seed=7):
    rng = random.Random(seed)
    start = int(datetime.datetime(2016, 1, 1, tzinfo=datetime.timezone.utc).timestamp())
    end = int(datetime.datetime(2030, 1, 1, tzinfo=datetime.timezone.utc).timestamp())
    with open(out, "w") as handle:
        for _ in range(count):
            roll = rng.random()
            hours = rng.randint(1, 40) if roll < 0.7 else rng.randint(41, 200) if roll < 0.95 else rng.randint(201, 1000)
            handle.write(f"{rng.randrange(start, end)} {hours}\n")


def read_instants(path):
    with open(path) as handle:
        return [(int(epoch), int(hours)) for epoch, hours in (line.split() for line in handle)]


def holiday_dates(rules):
    """Every day named by formrunner holiday rules between FIRST_YEAR and LAST_YEAR."""
    from dateutil.easter import easter
    dates = set()
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        for rule in rules:
            if year < rule.get("from_year", FIRST_YEAR) or year > rule.get("until_year", LAST_YEAR):
                continue
            if "every" in rule:
                month, day = (int(part) for part in str(rule["every"]).split("-"))
                try:
                    dates.add(datetime.date(year, month, day))
                except ValueError:  # February 29 outside leap years
                    pass
            elif "easter" in rule:
                dates.add(easter(year) + datetime.timedelta(days=int(rule["easter"])))
            elif "date" in rule and str(rule["date"]).startswith(str(year)):
                dates.add(datetime.date.fromisoformat(str(rule["date"])))
    return dates


def load_calendar(path):
    """The calendar as businesstimedelta rules, and its time zone."""
    import businesstimedelta
    import pytz
    from ruamel.yaml import YAML

    with open(path) as handle:
        document = YAML(typ="safe").load(handle)
    hours = document["working_hours"]
    intervals = {str(value) for value in hours.values()}
    if len(intervals) != 1 or "," in next(iter(intervals)) or isinstance(next(iter(hours.values())), list):
        sys.exit(f"hours.py: {path}: businesstimedelta takes one interval, the same every working day")
    begin, finish = (datetime.time.fromisoformat(part) for part in next(iter(intervals)).split("-"))
    zone = pytz.timezone(document["time_zone"])
    workdays = businesstimedelta.WorkDayRule(start_time=begin, end_time=finish, tz=zone,
                                             working_days=sorted(WEEKDAYS.index(day) for day in hours))
    holidays = businesstimedelta.HolidayRule(holiday_dates(document.get("holidays", [])), tz=zone)
    return businesstimedelta.Rules([workdays, holidays]), zone


def run(calendar_path, instants_path, results_path):
    import businesstimedelta
    rules, _ = load_calendar(calendar_path)
    inputs = [(datetime.datetime.fromtimestamp(epoch, datetime.timezone.utc), hours)
              for epoch, hours in read_instants(instants_path)]
    deltas = {hours: businesstimedelta.BusinessTimeDelta(rules, hours=hours) for _, hours in inputs}
    began = time.perf_counter()
    results = [moment + deltas[hours] for moment, hours in inputs]
    elapsed = time.perf_counter() - began
    with open(results_path, "w") as handle:
        handle.writelines(f"{int(result.timestamp())}\n" for result in results)
    print(f"python businesstimedelta: {len(inputs)} additions in {elapsed:.3f} s: {len(inputs) / elapsed:.0f} additions/s")


def compare(instants_path, swift_path, python_path, calendar_path):
    _, zone = load_calendar(calendar_path)
    inputs = read_instants(instants_path)
    with open(swift_path) as a, open(python_path) as b:
        pairs = list(zip((int(x) for x in a), (int(y) for y in b)))
    if len(pairs) != len(inputs):
        sys.exit(f"hours.py: {len(inputs)} instants but {len(pairs)} result pairs")
    mismatches = [(i, s, p) for i, (s, p) in enumerate(pairs) if s != p]
    print(f"compared {len(pairs)} results: {len(pairs) - len(mismatches)} equal, {len(mismatches)} different")

    def local(epoch):
        return datetime.datetime.fromtimestamp(epoch, zone).strftime("%a %Y-%m-%d %H:%M:%S")
    for index, swift, python in mismatches[:5]:
        epoch, hours = inputs[index]
        print(f"  {local(epoch)} + {hours} h: formrunner {local(swift)}, businesstimedelta {local(python)}")
    return 1 if mismatches else 0


def main(argv):
    if len(argv) >= 2 and argv[0] == "instants":
        options = dict(zip(argv[2::2], argv[3::2]))
        write_instants(argv[1], int(options.get("--count", 20000)), int(options.get("--seed", 7)))
    elif len(argv) == 4 and argv[0] == "run":
        run(*argv[1:])
    elif len(argv) == 5 and argv[0] == "compare":
        sys.exit(compare(*argv[1:]))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
