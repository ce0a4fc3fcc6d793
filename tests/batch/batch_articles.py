"""Short, distinct, original English articles for the ingest tests (written for them, no gold data)."""

from __future__ import annotations

PEOPLE = ["Marta Lindqvist", "Tomas Rek", "Ada Okafor", "Jonas Veller", "Irena Sokol",
          "Paul Maren", "Lena Hoff", "Viktor Sand", "Nadia Karim", "Owen Pryce"]
PLACES = ["Port Essary", "Valdmark", "Oster Bay", "Kelsford", "Brightwater", "Norholm",
          "Castellane", "Duneby"]
EVENTS = ["a fire at the grain terminal", "a collapse of the old rail bridge",
          "a strike by dock workers", "flooding in the lower town", "a power cut across the city"]
OUTLETS = ["Coastline Wire", "The Morning Ledger", "Northern Review"]


def article(i: int) -> str:
    """Article number i: a headline and three paragraphs, different for every i."""
    person = PEOPLE[i % len(PEOPLE)]
    place = PLACES[i % len(PLACES)]
    event = EVENTS[i % len(EVENTS)]
    return (
        f"{place} counts the cost of {event}\n\n"
        f"Officials in {place} said on Tuesday that {event} had closed {i + 3} streets and forced "
        f"{(i + 2) * 40} residents from their homes. Mayor {person} told reporters that the damage "
        f"would take weeks to repair, and that the council had asked the region for help.\n\n"
        f"\"We will rebuild what was lost,\" {person} said. According to the fire service, the cause "
        f"may have been a faulty cable, although investigators have not confirmed it.\n\n"
        f"Local businesses expect losses of about {i + 1} million euros, the chamber of commerce "
        f"estimated in a statement on Wednesday.\n"
    )


def row(i: int) -> dict:
    return {"id": f"art-{i}", "text": article(i), "title": f"Report {i}",
            "outlet": OUTLETS[i % len(OUTLETS)], "author": PEOPLE[(i + 3) % len(PEOPLE)],
            "date": f"2025-03-{(i % 28) + 1:02d}", "url": f"https://news.example/{i}"}
