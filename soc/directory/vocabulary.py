"""The vocabulary of the directory: every word of a public service's folded text, once.

PostgreSQL search corrects a query word that no service uses ("parentng") to the vocabulary
words nearest in spelling ("parenting", "parents"; pg_trgm's similarity, over a trigram index
in migration 0005), then matches the corrected words exactly with the full-text index. Matching
trigrams against a few thousand distinct words costs a millisecond, where matching them against
every service's text scanned the table (issue #13). SQLite keeps FTS5's prefix matching.

Words are added when a service is saved or imported. A service that goes inactive or is
deleted leaves its words behind until `rebuild()`: harmless, since a query word found in the
vocabulary is simply not corrected, and the search itself only ever shows public services.
"""

import re

from django.db import connection, transaction

from .models import SearchWord, Service

WORD = re.compile(r"[a-z0-9]+")
LONGEST = SearchWord._meta.get_field("word").max_length
# Only words this long may be misspelt ones (as before: short words are matched as typed).
CORRECTED_FROM = 4
NEAREST = 3  # vocabulary words tried in place of one misspelt word

# Each query word (numbered from 1) with, when no service uses it, its NEAREST vocabulary
# words that pass pg_trgm's similarity threshold (`%`, 0.3 by default; the GIN index finds
# them); and each one's English and Spanish stems, for an exact full-text query.
ALTERNATIVES = """
WITH typed(word, n) AS (SELECT * FROM unnest(%s::text[]) WITH ORDINALITY),
alternatives(n, word, likeness) AS (
    SELECT n, word, 1.0::real FROM typed
    UNION ALL
    SELECT typed.n, near.word, near.likeness
    FROM typed
    CROSS JOIN LATERAL (
        SELECT v.word, similarity(v.word, typed.word) AS likeness
        FROM directory_searchword v
        WHERE v.word %% typed.word
        ORDER BY likeness DESC, v.word
        LIMIT %s
    ) AS near
    WHERE length(typed.word) >= %s AND typed.word !~ '^[0-9]+$'
    AND NOT EXISTS (SELECT 1 FROM directory_searchword k WHERE k.word = typed.word)
)
SELECT n, word, plainto_tsquery('english'::regconfig, word)::text,
       plainto_tsquery('spanish'::regconfig, word)::text
FROM alternatives
ORDER BY n, likeness DESC, word
"""
PG_ADD = "INSERT INTO directory_searchword (word) SELECT unnest(%s::text[]) ON CONFLICT DO NOTHING"
# One statement: the words of today's public services, and no others.
PG_REBUILD = """
WITH used AS (
    SELECT DISTINCT w.word
    FROM directory_service s,
         regexp_split_to_table(s.search_text, '[^a-z0-9]+') AS w(word)
    WHERE s.status = ANY(%s) AND w.word <> '' AND length(w.word) <= %s
), forgotten AS (
    DELETE FROM directory_searchword v
    WHERE NOT EXISTS (SELECT 1 FROM used WHERE used.word = v.word)
)
INSERT INTO directory_searchword (word) SELECT word FROM used ORDER BY word
ON CONFLICT DO NOTHING
"""


def words_in(text):
    """The words of a folded text, as search reads a query: 'clases para padres' -> 3 words."""
    return {w for w in WORD.findall(text or "") if len(w) <= LONGEST}


def remember(texts):
    """Add the words of these folded texts (public services' search_text) to the vocabulary."""
    words = sorted(set().union(*(words_in(t) for t in texts)))
    if not words:
        return
    # Sorted, so two writers adding the same new words take their locks in the same order.
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(PG_ADD, [words])
        return
    SearchWord.objects.bulk_create(
        [SearchWord(word=w) for w in words], ignore_conflicts=True, batch_size=500
    )


def rebuild():
    """The vocabulary of the public services as they are now (forgets words nobody uses)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(PG_REBUILD, [list(Service.PUBLIC_STATUSES), LONGEST])
        return
    texts = Service.objects.public().values_list("search_text", flat=True)
    with transaction.atomic():
        SearchWord.objects.all().delete()
        remember(texts.iterator())


def alternatives(words):
    """[(n, word, English stem, Spanish stem)]: each query word (n counts from 1) and, for
    one that no public service uses, its nearest vocabulary words, nearest first. PostgreSQL only: one query
    for all the words. Short words and numbers are never corrected. The stems are tsquery text
    ("'parent'"), empty for a stop word."""
    with connection.cursor() as cursor:
        cursor.execute(ALTERNATIVES, [list(words), NEAREST, CORRECTED_FROM])
        return cursor.fetchall()


def corrections(words):
    """{misspelt word: [nearest vocabulary words]} (PostgreSQL; {} elsewhere)."""
    if connection.vendor != "postgresql":
        return {}
    words = list(words)
    found = {}
    for n, word, _english, _spanish in alternatives(words):
        if word != words[n - 1]:
            found.setdefault(words[n - 1], []).append(word)
    return found
