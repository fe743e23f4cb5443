"""The two full-text engines behind search: PostgreSQL's (English and Spanish stemming over a
stored vector and its GIN index, migration 0004; misspelt words corrected against the
vocabulary first, soc/directory/vocabulary.py) and SQLite's FTS5 (porter stemming, prefixes for
typos). Both take the folded, stop-word-free words of search.words_of."""

from django.db import connection
from django.db.models import BooleanField, F, FloatField, Func
from django.db.models.expressions import RawSQL

from . import vocabulary


class _OnVector(Func):
    """SQL over the service's stored vector (`{vector}`, a column the model does not know) and
    a tsquery given as text, which the planner sees as the constant it is."""

    def __init__(self, tsquery, **extra):
        super().__init__(F("search_text"), **extra)
        self.tsquery = tsquery

    def as_sql(self, compiler, connection, **extra):
        col, params = compiler.compile(self.source_expressions[0])
        assert not params, "the column compiles without parameters"
        vector = col.replace('"search_text"', '"search_vector"')
        return self.template.replace("{vector}", vector), (self.tsquery,)


class PgMatch(_OnVector):
    output_field = BooleanField()
    template = "({vector} @@ %s::tsquery)"


class PgRank(_OnVector):
    """ts_rank, not ts_rank_cd: as good at putting the services that hold the words more
    often first, and twenty times cheaper when thousands of services match."""

    output_field = FloatField()
    template = "ts_rank({vector}, %s::tsquery)"


def pg_tsqueries(words):
    """(every word, any word) as tsquery text: each word stemmed in English and in Spanish,
    a misspelt one (no public service uses it) also as its nearest vocabulary words.
    'parentng clas' -> "('parent' | 'parentng' | 'parents') & ('clas' | 'class' | 'clase')"."""
    groups = {}
    for n, _word, english, spanish in vocabulary.alternatives(words):
        groups.setdefault(n, set()).update(stem for stem in (english, spanish) if stem)
    every = " & ".join("(" + " | ".join(sorted(g)) + ")" for g in groups.values() if g)
    return every, " | ".join(sorted(set().union(*groups.values())))


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

    On PostgreSQL the words are first stemmed and each misspelt one corrected (one small
    query), so a typo costs an exact lookup in the full-text index, never a scan."""

    def __init__(self, words):
        self.words = list(words)
        self.postgres = connection.vendor == "postgresql"
        if self.postgres:
            self.every, self.any = pg_tsqueries(self.words)

    def filter(self, qs):
        if not self.postgres:
            return qs.filter(id__in=_fts5_ids(self.words))
        if not self.every:  # only stop words: as before, nothing matches them
            return qs.none()
        return qs.filter(PgMatch(self.every))

    def relevance(self):
        """Higher is better; an expression over the service row."""
        return PgRank(self.any) if self.postgres else Fts5Rank(self.words)
