"""The two full-text engines behind search: PostgreSQL's (English and Spanish stemming over a
stored vector and its GIN index, migration 0004; misspelt words corrected against the
vocabulary first, soc/directory/vocabulary.py) and SQLite's FTS5 (porter stemming, prefixes for
typos). Both take the folded, stop-word-free words of search.words_of."""

from django.db import connection
from django.db.models import BooleanField, F, FloatField, Func
from django.db.models.expressions import RawSQL

from . import vocabulary

# One word, stemmed in English or in Spanish.
STEMS = "plainto_tsquery('english'::regconfig, %s) || plainto_tsquery('spanish'::regconfig, %s)"


def _alternatives(group):
    """A tsquery for one query word: the word as typed or any of its corrections."""
    return "(" + " || ".join([STEMS] * len(group)) + ")", [w for w in group for _ in (1, 2)]


def _combined(groups, operator):
    parts = [_alternatives(group) for group in groups]
    return "(" + f" {operator} ".join(sql for sql, _p in parts) + ")", [
        p for _sql, params in parts for p in params
    ]


class _OnVector(Func):
    """SQL over the service's stored vector (`{vector}`, a column the model does not know)."""

    def __init__(self, groups, **extra):
        super().__init__(F("search_text"), **extra)
        self.groups = groups

    def as_sql(self, compiler, connection, **extra):
        col, params = compiler.compile(self.source_expressions[0])
        assert not params, "the column compiles without parameters"
        vector = col.replace('"search_text"', '"search_vector"')
        sql, params = self.sql_and_params()
        return sql.replace("{vector}", vector), params


class PgMatch(_OnVector):
    """Every query word (or one of its corrections) is in the vector: one tsquery, so one scan
    of the GIN index; the functions fold to a constant when the query is planned."""

    output_field = BooleanField()

    def sql_and_params(self):
        every, params = _combined(self.groups, "&&")
        return "({vector} @@ " + every + ")", params


class PgRank(_OnVector):
    output_field = FloatField()

    def sql_and_params(self):
        any_word, params = _combined(self.groups, "||")
        return "ts_rank_cd({vector}, " + any_word + ")", params


def _fts5_query(words):
    """Every word, or for a word of four letters or more (which may be misspelt) any word that
    starts like it."""
    return " AND ".join(_fts5_word(w) for w in words)


def _fts5_word(word):
    if len(word) < 4:
        return f'"{word}"'
    return f'("{word}" OR {word[: 4 if len(word) >= 6 else 3]}*)'


FTS5_RANK = (
    "(SELECT -bm25(directory_service_fts) FROM directory_service_fts "
    "WHERE directory_service_fts MATCH %s AND service_id = {col})"
)


class Fts5Rank(Func):
    """FTS5's bm25 for this service (higher is better); NULL when the text does not match."""

    output_field = FloatField()

    def __init__(self, words, **extra):
        super().__init__(F("id"), **extra)
        self.match = _fts5_query(words)

    def as_sql(self, compiler, connection, **extra):
        col, params = compiler.compile(self.source_expressions[0])
        # col is the compiled id column; the match text is a parameter.
        return FTS5_RANK.replace("{col}", col), (self.match, *params)


def _fts5_ids(words):
    return RawSQL(
        "SELECT service_id FROM directory_service_fts WHERE directory_service_fts MATCH %s",
        (_fts5_query(words),),
    )


class TextQuery:
    """The words of one search, ready to filter services and to rank them.

    On PostgreSQL each word that no service uses is first corrected to its nearest vocabulary
    words (one small query), so a typo costs an exact index lookup, never a scan."""

    def __init__(self, words):
        self.words = list(words)
        self.postgres = connection.vendor == "postgresql"
        if self.postgres:
            fixes = vocabulary.corrections(self.words)
            self.groups = [[w, *fixes.get(w, ())] for w in self.words]

    def filter(self, qs):
        if self.postgres:
            return qs.filter(PgMatch(self.groups))
        return qs.filter(id__in=_fts5_ids(self.words))

    def relevance(self):
        """Higher is better; an expression over the service row."""
        return PgRank(self.groups) if self.postgres else Fts5Rank(self.words)


def text_match(qs, words, rank=True):
    """Services whose text holds every word, annotated `relevance` when `rank`."""
    text = TextQuery(words)
    qs = text.filter(qs)
    return qs.annotate(relevance=text.relevance()) if rank else qs
