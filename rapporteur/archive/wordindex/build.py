"""Building an edition's segment: per term, the records holding it, their BM25 weights and positions.

BM25 (Robertson's k1/b saturation and length normalisation) is computed here, when the
records change, rather than at every search: a record's weight for a term depends only on
its own counts and its segment's average length, so it can be stored. Only the rarity of a
term (idf) depends on what a reader may see, and is applied at query time.
"""

import secrets
from collections import defaultdict

from django.db import transaction
from django.db.models import Sum
from django.db.models.functions import Length

from rapporteur.reports.models import EditionPage

from .analysis import occurrences
from .models import IndexSegment, Posting
from .storage import ID_TYPE, WEIGHT_TYPE, pack

K1 = 1.2  # how quickly repeating a word stops adding weight
B = 0.75  # how much a long record's weight is scaled down
HEADING_WEIGHT = 4  # a word in a record's heading counts four times: a section headed "Torture" is about torture


def rebuild(edition_ids, read_records):
    """Rebuild the word index of these editions (in the caller's transaction).

    ``read_records(edition_id)`` returns the edition's records as (id, heading, text, language)
    rows; it is called with the segment locked, so two commits changing one edition rebuild its
    segment one after the other and the second sees the first's records.
    """
    for edition_id in sorted(set(edition_ids)):
        build_segment(edition_id, read_records)


def weigh(records):
    """[(id, language, {term: positions}, {term: frequency}, length)] for (id, heading, text, language) rows."""
    weighed = []
    for record_id, heading, text, language in records:
        found, text_start = occurrences(heading, text, language)
        frequency = {
            key: sum(HEADING_WEIGHT if p < text_start else 1 for p in positions) for key, positions in found.items()
        }
        weighed.append((record_id, language, found, frequency, sum(frequency.values())))
    return weighed


def build_segment(edition_id, read_records):
    if not EditionPage.objects.filter(pk=edition_id).exists():
        return  # deleted: its segment went with it
    segment, _ = IndexSegment.objects.get_or_create(edition_id=edition_id)
    with transaction.atomic():
        segment = IndexSegment.objects.select_for_update().get(pk=segment.pk)
        records = weigh(read_records(edition_id))
        average = max(sum(record[-1] for record in records) / len(records), 1.0) if records else 1.0
        postings = defaultdict(lambda: ([], [], [], []))
        for record_id, language, found, frequency, length in records:
            norm = K1 * (1 - B + B * length / average)
            for key, positions in found.items():
                ids, weights, counts, all_positions = postings[language, key]
                ids.append(record_id)
                weights.append(frequency[key] * (K1 + 1) / (frequency[key] + norm))
                counts.append(len(positions))
                all_positions += positions
        Posting.objects.filter(segment=segment).delete()
        Posting.objects.bulk_create(
            (
                Posting(
                    segment=segment,
                    language=language,
                    term=key,
                    record_ids=pack(ids, ID_TYPE),
                    weights=pack(weights, WEIGHT_TYPE),
                    counts=pack(counts, ID_TYPE),
                    positions=pack(positions, ID_TYPE),
                )
                for (language, key), (ids, weights, counts, positions) in postings.items()
            ),
            batch_size=1000,
        )
        segment.records = len(records)
        segment.language = records[0][1] if records else segment.language
        # a new random token, not a count: a rebuild rolled back would give a count back, and the
        # next rebuild would reuse it, so a reader that saw the rolled-back records would keep them
        segment.version = secrets.randbits(62)
        segment.save()


def versions():
    """{edition id: version} of every segment: a version changes whenever its edition's index is rebuilt."""
    return dict(IndexSegment.objects.values_list("edition_id", "version"))


def editions_without_index(edition_ids):
    """Which of these editions have no segment yet (an archive indexed by an older version)."""
    return set(edition_ids) - set(IndexSegment.objects.values_list("edition_id", flat=True))


def vocabulary():
    """{(language, term): how many records hold it}, over every edition's index.

    Counted from the stored arrays' lengths, without reading them. The index holds only records
    of pages readers could see when it was built; a caller that offers these terms to readers
    checks them against what is visible now (``find`` with the reader's ``RecordSet``).
    """
    rows = (
        Posting.objects.values("language", "term")
        .annotate(size=Sum(Length("record_ids")))
        .values_list("language", "term", "size")
    )
    return {(language, key): int(size) // ID_TYPE.itemsize for language, key, size in rows}
