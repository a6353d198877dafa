"""An independent check of the capitalisation golden dossier (issue 13), written apart from the
engine: one invoice at a fixed contractual rate (above the L441-10 floor all along), interest
from the day after the due date; segments cut at 1 January / 1 July, at each anniversary of
`capitalisation_from` and after each payment, each rounded to the cent half up, /365; on each
anniversary the interest still owed joins the base (C. civ. 1343-2); a payment goes to interest
not yet capitalised, then to capitalised interest, then to the principal (C. civ. 1343-1).

Run from the repository root: python3 crates/engine/tests/golden/capitalisation_check.py
"""

import datetime as dt
import json
from decimal import Decimal as D, ROUND_HALF_UP

ONE = dt.timedelta(days=1)


def cents(x):
    return x.quantize(D("0.01"), ROUND_HALF_UP)


def anniversary(start, k):
    year = start.year + k
    day = min(start.day, 28) if (start.month, start.day) == (2, 29) else start.day
    return dt.date(year, start.month, day)


def main():
    d = json.load(open("crates/engine/tests/golden/capitalisation.json", encoding="utf-8"))
    inv = d["invoices"][0]
    rate = D(d["options"]["rate"]["percent"])
    as_of = dt.date.fromisoformat(d["as_of"])
    start = dt.date.fromisoformat(d["options"]["capitalisation_from"])
    principal = D(inv["amount"])
    accrued = simple_paid = cap = cap_paid = D(0)
    day = dt.date.fromisoformat(inv["due"]) + ONE
    events = [(dt.date.fromisoformat(p["date"]), "pay", D(p["amount"])) for p in d["payments"]]
    k = 1
    while anniversary(start, k) <= as_of:
        events.append((anniversary(start, k), "cap", D(0)))
        k += 1
    events.sort(key=lambda e: (e[0], 0 if e[1] == "cap" else 1))
    segments, capitalised = [], []

    def accrue(through):
        nonlocal day, accrued
        while day <= through:
            half_end = dt.date(day.year, 6, 30) if day.month <= 6 else dt.date(day.year, 12, 31)
            end = min(through, half_end)
            days = (end - day).days + 1
            base = principal + cap - cap_paid
            interest = cents(base * rate * days / D(36500))
            segments.append((day, end, days, base, interest))
            accrued += interest
            day = end + ONE

    for when, kind, amount in events:
        if kind == "cap":
            accrue(when - ONE)
            owed = accrued - simple_paid - cap
            if owed > 0:
                cap += owed
                capitalised.append((when, owed))
        else:
            accrue(when)
            simple = accrued - simple_paid - cap
            to_simple = min(amount, simple)
            to_cap = min(amount - to_simple, cap - cap_paid)
            to_principal = amount - to_simple - to_cap
            simple_paid += to_simple
            cap_paid += to_cap
            principal -= to_principal
    accrue(as_of)
    for s in segments:
        print(s[0], s[1], s[2], s[3], s[4])
    for c in capitalised:
        print("capitalised", c[0], c[1])
    interest = accrued - simple_paid - cap_paid
    print("principal", principal, "interest", interest, "accrued", accrued)


main()
