"""The two full-text engines behind search: PostgreSQL's (English and Spanish stemming, pg_trgm
for typos; indexes in migration 0004) and SQLite's FTS5 (porter stemming, prefixes for typos).
Both take the folded, stop-word-free words of search.words_of."""

from django.db import connection
from django.db.models import BooleanField, F, FloatField, Func
from django.db.models.expressions import RawSQL

TSQUERY = "(plainto_tsquery('english'::regconfig, %s) || plainto_tsquery('spanish'::regconfig, %s))"
# Each word, stemmed in English or in Spanish, must be in the stored vector (migration 0004).
WORD_MATCH = f"({{vector}} @@ {TSQUERY})"
# When no service has them all, a word of four letters or more may be misspelt: close enough
# in spelling (pg_trgm's word similarity) counts.
FUZZY_WORD_MATCH = f"({{vector}} @@ {TSQUERY} OR %s <%% {{col}})"
ANY_WORD = "(to_tsquery('english'::regconfig, %s) || to_tsquery('spanish'::regconfig, %s))"
RANK = f"ts_rank_cd({{vector}}, {ANY_WORD})"


class _OnSearchText(Func):
    """SQL over the service's folded text (`{col}`) and its stored vector (`{vector}`)."""

    output_field = FloatField()

    def __init__(self, words, fuzzy=False, **extra):
        super().__init__(F("search_text"), **extra)
        self.words, self.fuzzy = list(words), fuzzy

    def as_sql(self, compiler, connection, **extra):
        col, params = compiler.compile(self.source_expressions[0])
        assert not params, "the column compiles without parameters"
        vector = col.replace('"search_text"', '"search_vector"')
        sql, params = self.sql_and_params()
        return sql.replace("{vector}", vector).replace("{col}", col), params


class PgMatch(_OnSearchText):
    output_field = BooleanField()

    def sql_and_params(self):
        parts, params = [], []
        for word in self.words:
            template = FUZZY_WORD_MATCH if self.fuzzy and len(word) >= 4 else WORD_MATCH
            parts.append(template)
            params += [word] * template.count("%s")
        return "(" + " AND ".join(parts) + ")", params


class PgRank(_OnSearchText):
    def sql_and_params(self):
        return RANK, [" | ".join(self.words)] * 2


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


def text_match(qs, words, rank=True):
    """Services whose text holds every word, annotated `relevance` (higher is better).
    On PostgreSQL, spelling is forgiven only when the words as typed find nothing (one more
    query, an EXISTS), so the common case never pays for trigram matching."""
    if connection.vendor == "postgresql":
        exact = qs.filter(PgMatch(words))
        if not exact.exists():
            exact = qs.filter(PgMatch(words, fuzzy=True))
        return exact.annotate(relevance=PgRank(words)) if rank else exact
    qs = qs.filter(id__in=_fts5_ids(words))
    return qs.annotate(relevance=Fts5Rank(words)) if rank else qs
