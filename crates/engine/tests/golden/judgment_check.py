"""An independent check of the judgment golden dossiers (issue 13), written apart from the
engine: legal interest on principal + article 700 from the day after the judgment (or the
date the judge set), each semester at its legal rate (data/rates/legal_rate.csv, the
creditor's category), 5 points more from the day after two months counted from service;
segments cut at 1 January / 1 July, at the increase and after each payment, each rounded to
the cent half up, /365; a payment goes to the costs, then interest since the judgment, then
the interest awarded, then capitalised interest, then the base. With
`options.capitalisation_from`, on each anniversary after the judgment the interest still owed
(awarded and since) joins the base (C. civ. 1343-2).

Run from the repository root: python3 crates/engine/tests/golden/judgment_check.py
"""

import calendar
import csv
import datetime as dt
import json
import sys
from decimal import Decimal as D, ROUND_HALF_UP

ONE = dt.timedelta(days=1)


def rates(category):
    out = []
    with open("data/rates/legal_rate.csv", encoding="utf-8") as f:
        for row in csv.reader(line for line in f if not line.startswith("#")):
            if row and row[0] != "from" and row[2] in (category, "all"):
                out.append((dt.date.fromisoformat(row[0]), dt.date.fromisoformat(row[1]), D(row[3])))
    return out


def rate_on(table, day):
    for start, end, pct in table:
        if start <= day <= end:
            return pct, end
    raise SystemExit(f"no legal rate on {day}")


def plus_two_months(day):
    month = day.month + 2
    year = day.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def cents(x):
    return x.quantize(D("0.01"), ROUND_HALF_UP)


def check(path):
    d = json.load(open(path, encoding="utf-8"))
    j = d["judgment"]
    as_of = dt.date.fromisoformat(d["as_of"])
    table = rates("particuliers" if d["creditor"]["kind"] == "individual_private" else "autres_cas")
    judgment = dt.date.fromisoformat(j["date"])
    start = dt.date.fromisoformat(j.get("interest_from") or j["date"]) + ONE
    increase = plus_two_months(dt.date.fromisoformat(j["served"])) + ONE if j.get("served") else None
    base = D(j["principal"]) + D(j.get("article_700") or "0")
    awarded, costs, since = D(j.get("interest_awarded") or "0"), D(j.get("costs") or "0"), D(0)
    segments = []
    payments = sorted((dt.date.fromisoformat(p["date"]), 1, D(p["amount"])) for p in d.get("payments", [])
                      if judgment < dt.date.fromisoformat(p["date"]) <= as_of)
    cap_from = d.get("options", {}).get("capitalisation_from")
    if cap_from:
        first = dt.date.fromisoformat(cap_from)
        k = 1
        while True:
            day = first.replace(year=first.year + k)
            if day > as_of:
                break
            if day > judgment:
                payments.append((day, 0, None))
            k += 1
    payments.sort(key=lambda e: (e[0], e[1]))
    capitalised = D(0)

    def accrue(through):
        nonlocal start, since, capitalised
        day = start
        while day <= through:
            pct, period_end = rate_on(table, day)
            semester_end = dt.date(day.year, 6, 30) if day.month <= 6 else dt.date(day.year, 12, 31)
            end = min(through, period_end, semester_end)
            if increase and day < increase:
                end = min(end, increase - ONE)
            if increase and day >= increase:
                pct += 5
            days = (end - day).days + 1
            interest = cents((base + capitalised) * pct / 100 * days / 365)
            since += interest
            segments.append(f"{day} {end} {days} {base + capitalised} {pct.normalize()} {interest}")
            day = end + ONE
        start = through + ONE

    for date, _, amount in payments:
        if amount is None:
            accrue(date - ONE)
            if since + awarded > 0:
                segments.append(f"capitalised {date} {since + awarded}")
                capitalised += since + awarded
                since = awarded = D(0)
            continue
        accrue(date)
        take = min(amount, costs); costs -= take; amount -= take
        take = min(amount, since); since -= take; amount -= take
        take = min(amount, awarded); awarded -= take; amount -= take
        take = min(amount, capitalised); capitalised -= take; amount -= take
        take = min(amount, base); base -= take; amount -= take
    accrue(as_of)
    return segments, base, awarded + since + capitalised, costs


if __name__ == "__main__":
    for path in sys.argv[1:] or ["crates/engine/tests/golden/judgment_served.json",
                                 "crates/engine/tests/golden/judgment_not_served.json",
                                 "crates/engine/tests/golden/judgment_capitalised.json"]:
        segments, base, interest, costs = check(path)
        print(path)
        for s in segments:
            print("  ", s)
        print("   base", base, "interest", interest, "costs", costs, "total", base + interest + costs)
