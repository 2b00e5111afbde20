"""Questionnaire results as a spreadsheet (CSV) or as FHIR R4 resources. No Qt here.

:func:`responses_csv` gives one row per stored response, for Excel or LibreOffice.
:func:`fhir_bundle` gives a FHIR R4 ``Bundle`` (type ``collection``) for a clinician's
system; the resources follow the reference sheet §8 (shared/facts/questionnaires.md):

* one ``Questionnaire`` per questionnaire present, at an app-owned canonical URL that does
  not resolve (``https://vitidesk.invalid/fhir/Questionnaire/<id>``, with ``|version``).
  PHQ-9, GAD-7 and PHQ-4 carry their LOINC panel code in ``Questionnaire.code`` and their
  item codes in ``item.code``, and then the LOINC notice in ``copyright`` (sheet §7). The
  WHO-5 has no LOINC code (sheet §2.6, §8.4): it uses app-owned codes only.
* answer options are ``valueCoding``. Only the PHQ-9 uses LOINC answer codes (LL358-3 for
  the items, LL359-1 for the difficulty question): those are the lists the sheet gives for
  it. The GAD-7 and PHQ-4 (whose LOINC items have their own answer lists, sheet §4) and the
  WHO-5 use an app-owned CodeSystem ``https://vitidesk.invalid/fhir/CodeSystem/<id>-answers``
  whose code is the answer's value (``"0"``...) and whose display is its label. Each option
  carries its score in the ``ordinalValue`` extension.
* one ``QuestionnaireResponse`` per response (``completed``, ``authored`` = when it was
  taken), with the PHQ-9 difficulty question as its own item when it was answered.
* one score ``Observation`` per response: ``final``, category ``survey``, code LOINC
  44261-6 (PHQ-9 total), 70274-6 (GAD-7 total) or 70272-0 (PHQ-4 total), and for the WHO-5
  the app-owned code ``who5-raw``. ``valueInteger`` is the raw total. The WHO-5 percentage
  (raw x 4) goes in a ``component`` of the same Observation rather than in a second one:
  both numbers come from the same answers and the band is read on the percentage, so they
  belong together. ``interpretation`` holds the band (an app-owned code = the band key, and
  the label as text); each flag, such as ``item9_positive``, is a ``note``.
  ``derivedFrom`` points at the QuestionnaireResponse by its ``urn:uuid:`` fullUrl.

Ids are UUID 5s derived from the questionnaire or response id, so exporting twice gives the
same references. The personal note kept with a response goes into the CSV only, not into
the FHIR bundle. Every result is a screening result, not a diagnosis.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import uuid
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from vitidesk.core.questionnaires import (
    ITEM9_FLAG,
    ITEM9_ID,
    LOINC_NOTICE,
    Instrument,
    Item,
    Option,
)

if TYPE_CHECKING:
    from vitidesk.storage.responses import Response

MAX_ITEMS = 9
"""The longest questionnaire (PHQ-9): the CSV has this many item columns."""

CSV_COLUMNS = (
    "response_id",
    "date",
    "instrument",
    "version",
    *(f"item_{n}" for n in range(1, MAX_ITEMS + 1)),
    "difficulty",
    "raw",
    "percent",
    "band",
    "flags",
    "note",
)

BOM = "\ufeff"
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

BASE_URL = "https://vitidesk.invalid/fhir"
LOINC = "http://loinc.org"
UCUM = "http://unitsofmeasure.org"
ORDINAL_VALUE = "http://hl7.org/fhir/StructureDefinition/ordinalValue"
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
SCORE_SYSTEM = f"{BASE_URL}/CodeSystem/scores"
_UUID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, f"{BASE_URL}/")

# LOINC answer lists for the PHQ-9 (sheet §7). LL359-1 is NOT in ascending code order.
PHQ9_ANSWER_CODES = {0: "LA6568-5", 1: "LA6569-3", 2: "LA6570-1", 3: "LA6571-9"}
PHQ9_DIFFICULTY_CODES = {0: "LA6572-7", 1: "LA6573-5", 2: "LA6575-0", 3: "LA6574-3"}

TOTAL_DISPLAY = {
    "44261-6": "Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]",
    "70274-6": "Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]",
    "70272-0": "Patient Health Questionnaire 4 item (PHQ-4) total score [Reported]",
}

WHO5_PERCENT_CODE = "who5-percent"


# -- CSV ------------------------------------------------------------------------------------
def protect_cell(text: str) -> str:
    """``text`` with a leading ``'`` if a spreadsheet could read it as a formula."""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def responses_csv(responses: Iterable[Response], instruments: Mapping[str, Instrument]) -> str:
    """Every response as CSV text: a header row, then one row per response.

    The text starts with a byte-order mark (U+FEFF) so that, written as UTF-8, Excel reads
    it as UTF-8; rows end in CRLF and cells are quoted as RFC 4180 says. Item columns past
    a questionnaire's last item are blank. A note that starts like a formula (``=``, ``+``,
    ``-``, ``@``, tab, CR) gets a leading ``'`` so a spreadsheet shows it as text.
    ``instruments`` is only used to check each response's item count when it is known.
    """
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(CSV_COLUMNS)
    for response in responses:
        instrument = instruments.get(response.instrument)
        if instrument is not None and len(response.answers) != len(instrument.items):
            raise ValueError(
                f"response {response.id}: {len(response.answers)} answers for "
                f"{len(instrument.items)} {instrument.id} items"
            )
        if len(response.answers) > MAX_ITEMS:
            raise ValueError(f"response {response.id}: more than {MAX_ITEMS} answers")
        items = [str(value) for value in response.answers]
        items += [""] * (MAX_ITEMS - len(items))
        writer.writerow(
            [
                str(response.id),
                response.taken_at.isoformat(),
                response.instrument,
                response.version,
                *items,
                "" if response.difficulty is None else str(response.difficulty),
                str(response.raw),
                "" if response.percent is None else str(response.percent),
                response.band,
                ";".join(sorted(response.flags)),
                protect_cell(response.note),
            ]
        )
    return buffer.getvalue()


# -- FHIR -----------------------------------------------------------------------------------
def questionnaire_url(instrument: Instrument) -> str:
    return f"{BASE_URL}/Questionnaire/{instrument.id}"


def answer_system(instrument: Instrument) -> str:
    return f"{BASE_URL}/CodeSystem/{instrument.id}-answers"


def _band_system(instrument: Instrument) -> str:
    return f"{BASE_URL}/CodeSystem/{instrument.id}-bands"


def _uuid(kind: str, key: str) -> str:
    return str(uuid.uuid5(_UUID_NAMESPACE, f"{kind}/{key}"))


def _uses_loinc(instrument: Instrument) -> bool:
    return bool(
        instrument.loinc_panel
        or instrument.loinc_total
        or any(item.loinc for item in instrument.items)
    )


def _answer_coding(instrument: Instrument, option: Option, *, difficulty: bool) -> dict:
    """The Coding for one answer option (without the ordinalValue extension)."""
    if instrument.id == "PHQ-9":
        codes = PHQ9_DIFFICULTY_CODES if difficulty else PHQ9_ANSWER_CODES
        return {"system": LOINC, "code": codes[option.value], "display": option.label}
    system = answer_system(instrument)
    if difficulty:
        system = f"{BASE_URL}/CodeSystem/{instrument.id}-difficulty-answers"
    return {"system": system, "code": str(option.value), "display": option.label}


def _option(options: tuple[Option, ...], value: int) -> Option:
    for option in options:
        if option.value == value:
            return option
    raise ValueError(f"no answer option {value!r}")


def _questionnaire_item(
    instrument: Instrument, item: Item, options: tuple[Option, ...], *, difficulty: bool
) -> dict:
    entry: dict[str, Any] = {"linkId": item.id}
    if item.loinc:
        entry["code"] = [{"system": LOINC, "code": item.loinc}]
    entry.update(
        {
            "text": item.text,
            "type": "choice",
            "required": not difficulty,
            "answerOption": [
                {
                    "valueCoding": {
                        "extension": [{"url": ORDINAL_VALUE, "valueDecimal": option.value}],
                        **_answer_coding(instrument, option, difficulty=difficulty),
                    }
                }
                for option in options
            ],
        }
    )
    return entry


def questionnaire(instrument: Instrument) -> dict:
    """The FHIR R4 Questionnaire for one instrument (sheet §8.4)."""
    copyright_text = f"{instrument.source} {instrument.licence}"
    if _uses_loinc(instrument):
        copyright_text += f"\n\n{LOINC_NOTICE}"
    resource: dict[str, Any] = {
        "resourceType": "Questionnaire",
        "id": _uuid("Questionnaire", f"{instrument.id}|{instrument.version}"),
        "url": questionnaire_url(instrument),
        "version": instrument.version,
        "name": "".join(ch for ch in instrument.id if ch.isalnum()),
        "title": instrument.title,
        "status": "active",
        "description": instrument.instructions,
        "copyright": copyright_text,
    }
    if instrument.loinc_panel:
        resource["code"] = [{"system": LOINC, "code": instrument.loinc_panel}]
    items = [
        _questionnaire_item(instrument, item, instrument.options, difficulty=False)
        for item in instrument.items
    ]
    if instrument.difficulty is not None:
        items.append(
            _questionnaire_item(
                instrument, instrument.difficulty, instrument.difficulty_options, difficulty=True
            )
        )
    resource["item"] = items
    return resource


def questionnaire_response(instrument: Instrument, response: Response) -> dict:
    """The FHIR R4 QuestionnaireResponse for one stored response (sheet §8.1)."""
    if len(response.answers) != len(instrument.items):
        raise ValueError(
            f"response {response.id}: {len(response.answers)} answers for "
            f"{len(instrument.items)} {instrument.id} items"
        )
    items = [
        {
            "linkId": item.id,
            "text": item.text,
            "answer": [
                {
                    "valueCoding": _answer_coding(
                        instrument, _option(instrument.options, value), difficulty=False
                    )
                }
            ],
        }
        for item, value in zip(instrument.items, response.answers, strict=True)
    ]
    if instrument.difficulty is not None and response.difficulty is not None:
        option = _option(instrument.difficulty_options, response.difficulty)
        items.append(
            {
                "linkId": instrument.difficulty.id,
                "text": instrument.difficulty.text,
                "answer": [{"valueCoding": _answer_coding(instrument, option, difficulty=True)}],
            }
        )
    return {
        "resourceType": "QuestionnaireResponse",
        "id": _uuid("QuestionnaireResponse", str(response.id)),
        "questionnaire": f"{questionnaire_url(instrument)}|{instrument.version}",
        "status": "completed",
        "authored": response.taken_at.isoformat(),
        "item": items,
    }


def _flag_note(instrument: Instrument, response: Response, flag: str) -> str:
    value = instrument.item_answer(ITEM9_ID, response.answers)
    if flag == ITEM9_FLAG and value is not None:
        return (
            f"{flag}: item 9 positive on {response.taken_at.date().isoformat()} "
            f"(answer: {instrument.answer_text(value)})"
        )
    return flag


def score_observation(instrument: Instrument, response: Response, response_ref: str) -> dict:
    """The total-score Observation for one response (sheet §8.2, pattern 2)."""
    if instrument.loinc_total:
        code = {
            "system": LOINC,
            "code": instrument.loinc_total,
            "display": TOTAL_DISPLAY.get(instrument.loinc_total, f"{instrument.id} total score"),
        }
    else:
        code = {
            "system": SCORE_SYSTEM,
            "code": f"{instrument.id.replace('-', '').lower()}-raw",
            "display": f"{instrument.id} raw score (0-{instrument.max_raw})",
        }
    band = instrument.band(response.band)
    resource: dict[str, Any] = {
        "resourceType": "Observation",
        "id": _uuid("Observation", str(response.id)),
        "status": "final",
        "category": [
            {"coding": [{"system": OBSERVATION_CATEGORY, "code": "survey", "display": "Survey"}]}
        ],
        "code": {"coding": [code], "text": f"{instrument.id} total score"},
        "effectiveDateTime": response.taken_at.isoformat(),
        "valueInteger": response.raw,
        "interpretation": [
            {
                "coding": [
                    {"system": _band_system(instrument), "code": band.key, "display": band.label}
                ],
                "text": band.label,
            }
        ],
        "derivedFrom": [{"reference": response_ref}],
    }
    if response.percent is not None:
        resource["component"] = [
            {
                "code": {
                    "coding": [
                        {
                            "system": SCORE_SYSTEM,
                            "code": WHO5_PERCENT_CODE,
                            "display": "WHO-5 percentage score (raw x 4)",
                        }
                    ]
                },
                "valueQuantity": {
                    "value": response.percent,
                    "unit": "%",
                    "system": UCUM,
                    "code": "%",
                },
            }
        ]
    if response.flags:
        resource["note"] = [
            {"text": _flag_note(instrument, response, flag)} for flag in sorted(response.flags)
        ]
    return resource


def fhir_bundle(
    responses: Iterable[Response],
    instruments: Mapping[str, Instrument],
    now: dt.datetime | None = None,
) -> dict:
    """A FHIR R4 Bundle (type ``collection``) as a JSON-ready dict: a Questionnaire per
    questionnaire present, then for each response its QuestionnaireResponse and score
    Observation. ``now`` (default: the current time) is the Bundle's timestamp. A response
    to a questionnaire not in ``instruments`` raises ValueError."""
    listed = list(responses)
    moment = now if now is not None else dt.datetime.now().astimezone()
    if moment.tzinfo is None:
        moment = moment.astimezone()
    used: dict[str, Instrument] = {}
    for response in listed:
        instrument = instruments.get(response.instrument)
        if instrument is None:
            raise ValueError(f"response {response.id}: unknown questionnaire {response.instrument}")
        used.setdefault(instrument.id, instrument)
    entries: list[dict[str, Any]] = []
    for instrument in used.values():
        resource = questionnaire(instrument)
        entries.append({"fullUrl": f"urn:uuid:{resource['id']}", "resource": resource})
    for response in listed:
        instrument = used[response.instrument]
        qr = questionnaire_response(instrument, response)
        qr_url = f"urn:uuid:{qr['id']}"
        entries.append({"fullUrl": qr_url, "resource": qr})
        observation = score_observation(instrument, response, qr_url)
        entries.append({"fullUrl": f"urn:uuid:{observation['id']}", "resource": observation})
    bundle: dict[str, Any] = {
        "resourceType": "Bundle",
        "id": str(uuid.uuid4()),
        "type": "collection",
        "timestamp": moment.replace(microsecond=0).isoformat(),
    }
    if any(_uses_loinc(instrument) for instrument in used.values()):
        # The Bundle has no free-text field; the notice is in each LOINC Questionnaire's
        # copyright, and tagged here so it is visible without opening the entries.
        bundle["meta"] = {
            "tag": [
                {
                    "system": f"{BASE_URL}/CodeSystem/notices",
                    "code": "loinc",
                    "display": LOINC_NOTICE,
                }
            ]
        }
    bundle["entry"] = entries
    return bundle
