"""Matching a transcript's speaker labels to people, by name."""

import unicodedata
from collections.abc import Iterable
from typing import Protocol


class Named(Protocol):
    pk: int
    name: str


def normalized(name: str) -> str:
    """Case, accents and spacing set aside: "Élodie  MARTIN" and "elodie martin" are one."""
    decomposed = unicodedata.normalize("NFKD", name)
    letters = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(letters.casefold().split())


def match_person(label: str, episode_people: Iterable[Named], everyone: Iterable[Named]):
    """The person a label names, or None.

    The episode's hosts and guests first, by full name, then by first name when only one of
    them has it ("Alice" for Alice Martin); then anyone else whose full name it is.
    """
    wanted = normalized(label)
    if not wanted:
        return None
    credited = list(episode_people)
    for person in credited:
        if normalized(person.name) == wanted:
            return person
    by_first_name = [p for p in credited if normalized(p.name).split(" ")[0] == wanted]
    if len(by_first_name) == 1:
        return by_first_name[0]
    matches = [person for person in everyone if normalized(person.name) == wanted]
    return matches[0] if len(matches) == 1 else None
